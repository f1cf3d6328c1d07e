/**
 * Consolidation benchmark: `npm run bench -- --sites N [--threads T]`.
 * Generates N realistic site workbooks (cached), consolidates them on every
 * core as `custody summary` does, writes the summary workbook, and prints wall
 * time, per-file cost, peak memory (RSS sampled, worker threads included), and
 * the ratio of our per-file cost to exceljs's bare read of the same files.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultThreads, processFile } from '../src/batch/consolidate';
import { spoolFiles } from '../src/batch/spool';
import { consolidatedXlsx } from '../src/io/xlsx/summary';
import { ensureCorpus } from './corpus';

export interface SummaryBenchOptions {
  sites: number;
  threads?: number;
  /** Files for the per-file comparison with exceljs (single thread). */
  sample?: number;
  log?: (line: string) => void;
}

export interface SummaryBenchResult {
  sites: number;
  threads: number;
  cores: number;
  consolidateSeconds: number;
  writeSeconds: number;
  wallSeconds: number;
  perFileMs: number;
  perFileCoreMs: number;
  /** CPU time of the whole process (all threads) per file: what the work costs, whatever else the machine runs. */
  cpuPerFileMs: number;
  /** CPU seconds ÷ threads: the wall time on a machine with the cores to ourselves. */
  idleProjectionSeconds: number;
  loadAverage: number[];
  peakRssMb: number;
  /** Peak while reading and checking the files (workers busy), before the summary is written. */
  peakRssConsolidateMb: number;
  baseRssMb: number;
  exceljsReadMs: number;
  oursPerFileMs: number;
  ratio: number;
  errors: number;
  warnings: number;
  unreadable: number;
  pairs: Record<string, number>;
}

function rssSampler(): { stop(): number; peek(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, 25);
  return {
    peek: () => Math.max(peak, process.memoryUsage().rss),
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

async function perFileComparison(files: readonly string[], sample: number): Promise<{ exceljs: number; ours: number }> {
  const chosen = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / sample)) === 0).slice(0, sample);
  const buffers = await Promise.all(chosen.map((f) => fs.readFile(f)));
  // Warm both paths up first, so that neither pays for loading modules.
  for (let i = 0; i < Math.min(5, chosen.length); i++) {
    await new ExcelJS.Workbook().xlsx.load(buffers[i] as unknown as ArrayBuffer);
    await processFile(chosen[i]);
  }
  // Interleaved, file by file, so that a busy machine slows both alike.
  let exceljs = 0;
  let ours = 0;
  for (let i = 0; i < chosen.length; i++) {
    let t = process.hrtime.bigint();
    await new ExcelJS.Workbook().xlsx.load(buffers[i] as unknown as ArrayBuffer);
    exceljs += Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    await processFile(chosen[i]);
    ours += Number(process.hrtime.bigint() - t) / 1e6;
  }
  return { exceljs: exceljs / chosen.length, ours: ours / chosen.length };
}

export async function benchSummary(options: SummaryBenchOptions): Promise<SummaryBenchResult> {
  const log = options.log ?? ((s: string) => console.log(s));
  const cores = defaultThreads();
  const threads = options.threads ?? cores;
  const files = await ensureCorpus(options.sites, threads, log);

  if (global.gc) global.gc();
  const baseRss = process.memoryUsage().rss;
  const sampler = rssSampler();
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  // As `custody summary` does: rows spooled to temporary files, streamed into the workbook.
  const c = await spoolFiles(files, { threads });
  const t1 = Date.now();
  const peakConsolidate = sampler.peek();
  let bytes: Uint8Array;
  try {
    bytes = await consolidatedXlsx(c.source());
  } finally {
    await c.dispose();
  }
  const out = path.join(os.tmpdir(), 'custody-bench', `summary-${options.sites}.xlsx`);
  await fs.writeFile(out, bytes);
  const t2 = Date.now();
  const cpu = process.cpuUsage(cpu0);
  const peak = sampler.stop();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const cmp = await perFileComparison(files, options.sample ?? Math.min(100, files.length));
  const wall = (t2 - t0) / 1000;
  const result: SummaryBenchResult = {
    sites: files.length,
    threads,
    cores,
    consolidateSeconds: (t1 - t0) / 1000,
    writeSeconds: (t2 - t1) / 1000,
    wallSeconds: wall,
    perFileMs: (wall * 1000) / files.length,
    perFileCoreMs: (wall * 1000 * threads) / files.length,
    cpuPerFileMs: (cpuSeconds * 1000) / files.length,
    idleProjectionSeconds: cpuSeconds / Math.min(threads, cores),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    peakRssMb: mb(peak),
    peakRssConsolidateMb: mb(peakConsolidate),
    baseRssMb: mb(baseRss),
    exceljsReadMs: cmp.exceljs,
    oursPerFileMs: cmp.ours,
    ratio: cmp.ours / cmp.exceljs,
    errors: c.totals.errors,
    warnings: c.totals.warnings,
    unreadable: c.totals.unreadable,
    pairs: c.totals.pairs,
  };
  log('');
  log(`汇总基准 consolidation: ${result.sites} 个工作簿, ${threads} 线程 / ${cores} 核`);
  log(
    `  总用时 wall            ${wall.toFixed(1)} s  (读取+检查+汇总 ${result.consolidateSeconds.toFixed(1)} s, 写汇总表 ${result.writeSeconds.toFixed(1)} s)`,
  );
  log(`  每个文件 per file       ${result.perFileMs.toFixed(1)} ms wall, ${result.perFileCoreMs.toFixed(1)} ms CPU-thread`);
  log(
    `  CPU 时间 CPU            ${cpuSeconds.toFixed(1)} s 全部线程 = ${result.cpuPerFileMs.toFixed(1)} ms/文件; 独占 ${Math.min(threads, cores)} 核时约 ${result.idleProjectionSeconds.toFixed(1)} s`,
  );
  log(`  机器负载 load average   ${result.loadAverage.join(' / ')} (1/5/15 分钟; 高于核数说明有别的程序在争用 CPU)`);
  log(`  内存峰值 peak RSS       ${result.peakRssMb} MB (读取检查阶段 ${result.peakRssConsolidateMb} MB; 开始时 ${result.baseRssMb} MB)`);
  log(
    `  单文件对比 (单线程)     ours ${cmp.ours.toFixed(1)} ms (读文件+SHA-256+读表+检查+汇总) vs exceljs bare read ${cmp.exceljs.toFixed(1)} ms → ratio ${result.ratio.toFixed(2)}×`,
  );
  log(`  结果 findings           错误 ${result.errors}, 警告 ${result.warnings}, 无法读取 ${result.unreadable}; 交接配对 ${JSON.stringify(result.pairs)}`);
  log(`  汇总表 ${out} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`);
  log(`BENCH ${JSON.stringify(result)}`);
  return result;
}
