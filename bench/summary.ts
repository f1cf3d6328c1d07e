/**
 * Consolidation benchmark: `npm run bench -- --sites N [--threads T] [--repeat R]`.
 * Generates N realistic site workbooks (cached), then, R times in one run,
 * measures on the same files and threads: the floor (unzip + decode every XML
 * part), `custody summary DIR -o OUT.xlsx --threads T` as a fresh process
 * (everything: start, reading, checks, pairing, writing), and a bare exceljs
 * load. Prints the medians and our figure as ratios of the other two, with the
 * machine's load: on a shared machine only the ratios measured side by side
 * say anything.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultThreads } from '../src/batch/consolidate';
import { ensureCorpus } from './corpus';
import { custodyScript, median, runNode, yardstickSeconds } from './yardstick';

export interface SummaryBenchOptions {
  sites: number;
  threads?: number;
  repeat?: number;
  log?: (line: string) => void;
}

export interface SummaryBenchResult {
  sites: number;
  threads: number;
  cores: number;
  repeat: number;
  /** Medians over the rounds, seconds. */
  floorSeconds: number;
  oursSeconds: number;
  exceljsSeconds: number;
  /** Medians of each round's own ratio. */
  oursOverFloor: number;
  oursOverExceljs: number;
  /** CPU seconds of our process (all threads) ÷ threads: our wall time on a machine with the cores to ourselves. */
  idleProjectionSeconds: number;
  peakRssMb: number;
  loadAverage: number[];
  summary: string;
}

export async function benchSummary(options: SummaryBenchOptions): Promise<SummaryBenchResult> {
  const log = options.log ?? ((s: string) => console.log(s));
  const cores = defaultThreads();
  const threads = options.threads ?? cores;
  const repeat = Math.max(1, options.repeat ?? 1);
  const files = await ensureCorpus(options.sites, threads, log);
  const dir = path.dirname(path.dirname(files[0]));
  const out = path.join(os.tmpdir(), 'custody-bench', `summary-${options.sites}.xlsx`);
  const rounds: Array<{ floor: number; ours: number; exceljs: number; cpu: number; rss: number }> = [];
  let summary = '';
  const load0 = os.loadavg()[0];
  for (let round = 0; round < repeat; round++) {
    const floor = await yardstickSeconds('floor', files, threads);
    await fs.rm(out, { force: true });
    const run = await runNode(custodyScript(), ['summary', dir, '-o', out, '--threads', String(threads)]);
    if (run.code > 2 || !run.stdout) throw new Error(`custody summary 失败 (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
    // Exit 2: a file could not be read (on a machine this busy, a file past its time budget): said, not hidden.
    if (run.code === 2)
      log(
        `  注意 custody summary exit 2: ${run.stderr
          .split('\n')
          .filter((l) => l.includes('无法读取'))
          .slice(0, 3)
          .join(' | ')}`,
      );
    summary = run.stdout.trim();
    const exceljs = await yardstickSeconds('exceljsLoad', files, threads);
    rounds.push({ floor, ours: run.seconds, exceljs, cpu: run.cpuSeconds, rss: run.peakRssMb });
    log(
      `  第 ${round + 1} 轮 round: floor ${floor.toFixed(2)} s, custody summary ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds.toFixed(1)} s, peak RSS ${run.peakRssMb} MB), exceljs load ${exceljs.toFixed(2)} s; load average ${os.loadavg()[0].toFixed(1)}`,
    );
  }
  const result: SummaryBenchResult = {
    sites: files.length,
    threads,
    cores,
    repeat,
    floorSeconds: median(rounds.map((r) => r.floor)),
    oursSeconds: median(rounds.map((r) => r.ours)),
    exceljsSeconds: median(rounds.map((r) => r.exceljs)),
    oursOverFloor: median(rounds.map((r) => r.ours / r.floor)),
    oursOverExceljs: median(rounds.map((r) => r.ours / r.exceljs)),
    idleProjectionSeconds: median(rounds.map((r) => r.cpu / Math.min(threads, cores))),
    peakRssMb: Math.max(...rounds.map((r) => r.rss)),
    loadAverage: [load0, ...os.loadavg()].map((x) => Math.round(x * 100) / 100),
    summary,
  };
  log('');
  log(`汇总基准 consolidation: ${result.sites} 个工作簿, ${threads} 线程 / ${cores} 核, ${repeat} 轮取中位数 (median of ${repeat})`);
  log(`  floor: unzip + decode every XML part   ${result.floorSeconds.toFixed(2)} s`);
  log(`  exceljs: bare xlsx.load of every file   ${result.exceljsSeconds.toFixed(2)} s`);
  log(
    `  custody summary DIR -o OUT.xlsx         ${result.oursSeconds.toFixed(2)} s  = ${result.oursOverFloor.toFixed(2)}× floor, ${result.oursOverExceljs.toFixed(2)}× exceljs`,
  );
  log(`  独占 ${Math.min(threads, cores)} 核时约 (CPU ÷ threads)     ${result.idleProjectionSeconds.toFixed(2)} s`);
  log(`  内存峰值 peak RSS                      ${result.peakRssMb} MB`);
  log(
    `  机器负载 load average                  开始 ${result.loadAverage[0]}，结束 ${result.loadAverage.slice(1).join(' / ')} (1/5/15 分钟; 高于核数说明有别的程序在争用 CPU)`,
  );
  log(`  汇总 ${summary.split('\n').join(' ')}`);
  log(`BENCH ${JSON.stringify(result)}`);
  return result;
}
