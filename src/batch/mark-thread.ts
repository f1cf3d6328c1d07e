/**
 * Node only: the marked copies of `validate --mark`, made in a worker thread
 * (review 14a D1). Made on the main thread, a copy of a workbook of tens of
 * thousands of findings held it for many seconds — seconds in which Ctrl-C and
 * SIGTERM (cleanup.ts) waited, and which no time budget bounded. In a thread,
 * the main thread only waits: a signal ends the run at once (the thread with
 * it, no copy written), and a copy past its file's budget is stopped, the
 * file refused in one line and the next copies made in a fresh thread.
 *
 * The thread reads the workbook itself and answers the copy's bytes (handed
 * over, not copied) or the one line that refuses it. Run from the sources
 * (tests through ts-jest), where no compiled worker exists, the copies are made
 * in this thread as before.
 */
import type { MessagePort, Worker } from 'worker_threads';
import type { Finding } from '../model/finding';
import type { Lang } from '../rules/types';
import { Refusal, refusalLine } from '../check/refusal';
import { readRegularFile } from './files';
import { fileSeconds } from './time-budget';
import { countShown } from '../model/count-shown';
import { workerScript } from './worker-script';

/** A copy to make: the workbook's file, its findings, the words of its marks. */
interface MarkJob {
  file: string;
  findings: readonly Finding[];
  lang: Lang;
}

type MarkAnswer = { bytes: Uint8Array; marked: number } | { refusal: string };

interface MarkedCopy {
  bytes: Uint8Array;
  marked: number;
}

/** The line of a copy stopped past its file's budget: the findings were printed already, only the copy is missing. */
export function markOverTime(seconds: number, lang: Lang): string {
  const n = countShown(seconds);
  return lang === 'en'
    ? `making it took over ${n} s and was stopped (the findings above stand; a suspect file); saving it again does not help. Correct the cells the list above names, or send the file to your IT staff`
    : `制作超过 ${n} 秒仍未完成，已停止（上面列出的问题不受影响；疑似异常文件），重新保存不能解决。请按上面列出的问题逐个改正，或把文件交给信息技术人员检查`;
}

/** A marked copy made here, on this thread: the file read, marked with the host's zlib. */
async function copyHere(job: MarkJob): Promise<MarkedCopy> {
  // exceljs is loaded only when a copy is made: a plain `validate` starts without it.
  const [{ markedCopy }, { nodeDeflater }] = await Promise.all([import('../io/xlsx/mark'), import('../io/xlsx/node-workbook')]);
  return markedCopy(await readRegularFile(job.file), job.findings, job.lang, nodeDeflater());
}

/** The worker thread's side: each job answered, one at a time, with its copy or its refusal line. */
export function serveMarks(port: MessagePort): void {
  let queue = Promise.resolve();
  port.on('message', (job: MarkJob) => {
    queue = queue.then(async () => {
      let answer: MarkAnswer;
      try {
        answer = await copyHere(job);
      } catch (error) {
        answer = { refusal: refusalLine(error, job.lang) };
      }
      const transfer = 'bytes' in answer ? [answer.bytes.buffer as ArrayBuffer] : [];
      port.postMessage(answer, transfer);
    });
  });
}

/** Makes the marked copies of a run, each within `seconds`; `close` when done. */
export interface Marker {
  copy(file: string, findings: readonly Finding[]): Promise<MarkedCopy>;
  close(): Promise<void>;
}

/**
 * The marker of a run: copies made in one worker thread, started on the first
 * and kept for the next, stopped and started afresh when a copy is over its
 * budget (`script`: the worker, found beside this module unless given).
 */
export function markerFor(lang: Lang, seconds = fileSeconds(), script = workerScript()): Marker {
  if (!script) return { copy: (file, findings) => copyHere({ file, findings, lang }), close: async () => undefined };
  let worker: Worker | undefined;
  const stop = async () => {
    const w = worker;
    worker = undefined;
    await w?.terminate();
  };
  const started = async (): Promise<Worker> => {
    if (worker) return worker;
    const { Worker } = await import('worker_threads');
    worker = new Worker(script, { workerData: { mark: true } });
    return worker;
  };
  const copy = async (file: string, findings: readonly Finding[]): Promise<MarkedCopy> => {
    const w = await started();
    const answer = await new Promise<MarkAnswer>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        w.off('message', answered);
        w.off('error', failed);
        w.off('exit', exited);
      };
      const answered = (a: MarkAnswer) => {
        done();
        resolve(a);
      };
      const failed = (error: unknown) => {
        done();
        void stop();
        reject(error);
      };
      const exited = () => failed(new Error('the marking thread ended'));
      const timer = setTimeout(() => {
        done();
        void stop();
        reject(new Refusal(markOverTime(seconds, 'zh'), markOverTime(seconds, 'en')));
      }, seconds * 1000);
      w.on('message', answered);
      w.on('error', failed);
      w.on('exit', exited);
      w.postMessage({ file, findings, lang } satisfies MarkJob);
    });
    if ('refusal' in answer) throw new Refusal(answer.refusal, answer.refusal);
    return answer;
  };
  return { copy, close: stop };
}
