/**
 * The summary writer's benchmark: `npm run bench -- --only writer`.
 * The demo's three workbooks, with the faulty one carrying N findings (as a
 * 50,000-row vault log with ~100,000 findings does), written as the
 * consolidated summary workbook (问题清单 and that site's 汇总 sheet both list
 * every finding). Prints the time for several N: it should grow in proportion
 * to N (it grew with N² while the writer merged a cell range per finding).
 */
import { createHash } from 'crypto';
import { fillWorkbook } from '../src/cli/fill';
import { plantDefects, sampleNetwork } from '../src/demo/sample';
import { readWorkbook } from '../src/forms/workbook';
import { consolidatedXlsx } from '../src/io/xlsx/summary';
import { gridFromXlsxBuffer } from '../src/io/xlsx/node-workbook';
import type { Finding } from '../src/model/finding';
import { Consolidated, consolidateModels } from '../src/summary/consolidate';

export interface WriterBenchResult {
  findings: number;
  seconds: number;
  /** CPU time of the process: what the writing costs, however busy the machine is. */
  cpuSeconds: number;
  megabytes: number;
}

async function demoConsolidated(): Promise<Consolidated> {
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  const faulty = plantDefects(net.sites[1]).data;
  const books = [net.branch, net.sites[0], faulty];
  const inputs = await Promise.all(
    books.map(async (data, i) => {
      const bytes = await fillWorkbook(data);
      return {
        file: `/bench/单位${i + 1}.xlsx`,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        model: readWorkbook(await gridFromXlsxBuffer(bytes)),
      };
    }),
  );
  return consolidateModels(inputs);
}

/** The same run with the faulty workbook's findings repeated (on successive rows) up to `n`. */
function withFindings(base: Consolidated, n: number): Consolidated {
  const files = base.files.map((f) => ({ ...f, findings: [...f.findings] }));
  const faulty = files.reduce((a, b) => (b.findings.length > a.findings.length ? b : a));
  const own = faulty.findings;
  const many: Finding[] = [];
  for (let i = 0; many.length < n; i++) {
    const x = own[i % own.length];
    many.push({ ...x, row: 10 + i, cell: x.cell ? x.cell.replace(/\d+$/, String(10 + i)) : x.cell });
  }
  faulty.findings = many;
  const summary = faulty.summary!;
  faulty.summary = {
    ...summary,
    findings: { ...summary.findings, errors: many.filter((x) => x.severity === 'error').length, warnings: many.filter((x) => x.severity === 'warning').length },
  };
  return { ...base, files };
}

export async function benchSummaryWriter(
  counts: readonly number[] = [25_000, 50_000, 100_000],
  log: (line: string) => void = console.log,
): Promise<WriterBenchResult[]> {
  const base = await demoConsolidated();
  await consolidatedXlsx(withFindings(base, 1000)); // warm-up: modules loaded, code compiled
  const results: WriterBenchResult[] = [];
  log('summary writer: the consolidated workbook with N findings in one workbook');
  for (const n of counts) {
    const c = withFindings(base, n);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const bytes = await consolidatedXlsx(c);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    results.push({ findings: n, seconds, cpuSeconds, megabytes: bytes.length / 1024 / 1024 });
    log(
      `  ${String(n).padStart(7)} findings: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s, ${((cpuSeconds / n) * 1e6).toFixed(1)} µs per finding), ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
    );
  }
  return results;
}
