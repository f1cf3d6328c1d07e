/**
 * The yardsticks our figures are printed beside, measured in the same run on
 * the same files and threads: the floor (unzip + decode every XML part) and a
 * bare exceljs load. Files go to the threads in batches, so that the
 * yardsticks pay next to nothing for messages.
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';

export type Yardstick = 'floor' | 'exceljsLoad';

const BATCH = 25;

/** Wall seconds to read every file the yardstick's way on `threads` worker threads. */
export async function yardstickSeconds(name: Yardstick, files: readonly string[], threads: number): Promise<number> {
  const worker = path.join(__dirname, 'floor-worker.js');
  if (!existsSync(worker)) throw new Error('先 npm run build:cli (run the benchmark from dist/)');
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: worker, maxThreads: threads, minThreads: threads });
  try {
    // Threads started and modules loaded before the clock starts, as for our own run.
    await Promise.all(Array.from({ length: threads }, () => pool.run(files.slice(0, 1), { name })));
    const started = process.hrtime.bigint();
    const batches: Array<Promise<number>> = [];
    for (let i = 0; i < files.length; i += BATCH) batches.push(pool.run(files.slice(i, i + BATCH), { name }));
    await Promise.all(batches);
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await pool.destroy();
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface ProcessRun {
  seconds: number;
  /** Peak resident memory of the whole process, worker threads included. */
  peakRssMb: number;
  cpuSeconds: number;
  code: number;
  stdout: string;
  stderr: string;
}

const REPORT = '\u0000BENCH ';

/**
 * Runs a Node script in a fresh process (cold: nothing loaded, nothing
 * compiled) and times it from the parent; the child says its own peak RSS and
 * CPU time as it exits.
 */
export function runNode(script: string, args: readonly string[] = []): Promise<ProcessRun> {
  // The peak RSS from /proc/self/status (VmHWM, this program's own) where there is one: Linux's
  // maxRSS keeps the high-water mark of the process it was forked from, a large bench run.
  const report = `process.on('exit', () => {
    const u = process.resourceUsage();
    let rss = u.maxRSS;
    try { rss = Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) || rss; } catch {}
    process.stderr.write(${JSON.stringify(REPORT)} + JSON.stringify({ rss, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', `${report}\n${script}`, '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const at = stderr.lastIndexOf(REPORT);
      const usage = at >= 0 ? (JSON.parse(stderr.slice(at + REPORT.length)) as { rss: number; cpu: number }) : { rss: 0, cpu: 0 };
      resolve({
        seconds,
        peakRssMb: Math.round(usage.rss / 1024),
        cpuSeconds: usage.cpu,
        code: code ?? -1,
        stdout,
        stderr: at >= 0 ? stderr.slice(0, at) : stderr,
      });
    });
  });
}

/** The script that runs `custody ARGS…` as `node bin/custody.js ARGS…` does (from dist/bench: ../../bin/custody.js; the bundled CLI when built). */
export function custodyScript(): string {
  const bin = path.join(__dirname, '..', '..', 'bin', 'custody.js');
  return `process.argv.splice(1, 0, ${JSON.stringify(bin)});\nrequire(${JSON.stringify(bin)});`;
}
