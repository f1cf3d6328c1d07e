/**
 * `npm run bench [-- --sites N] [--threads T] [--repeat R] [--only summary|validate|writer]`:
 * the validator's benchmark (bench/validate.ts), the consolidation benchmark
 * (bench/summary.ts) and the summary writer's (bench/summary-writer.ts).
 * Benchmarks, not timed tests.
 */
import { parseArgs as parseArgsOf } from 'util';
import { benchSummary } from './summary';
import { benchSummaryWriter } from './summary-writer';
import { benchValidate } from './validate';

interface Args {
  sites: number;
  threads?: number;
  repeat?: number;
  only?: string;
}

const USAGE = `用法 usage: npm run bench [-- --sites N] [--threads T] [--repeat R] [--only summary|validate|writer]
  --sites N     汇总基准的工作簿数 sites for the consolidation (default 300; made once under the system's temp folder)
  --threads T   汇总的线程数 worker threads (default: one per core)
  --repeat R    每项重复次数，取中位数 runs per figure (median)
  --only WHAT   只跑一项 only one benchmark: summary, validate or writer`;

const ONLY = ['summary', 'validate', 'writer'];

/** The arguments, or undefined when help was asked for; an unknown flag or a wrong value is refused (a run takes minutes and writes files). */
function parseArgs(argv: string[]): Args | undefined {
  const { values } = parseArgsOf({
    args: argv,
    strict: true,
    options: {
      sites: { type: 'string' },
      threads: { type: 'string' },
      repeat: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const count = (name: string, text: string | undefined, least: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < least) throw new Error(`--${name} 应为不小于 ${least} 的整数：${text}`);
    return n;
  };
  if (values.only !== undefined && !ONLY.includes(values.only)) throw new Error(`--only 应为 ${ONLY.join('、')} 之一：${values.only}`);
  return {
    sites: count('sites', values.sites, 1) ?? 300,
    threads: count('threads', values.threads, 0),
    repeat: count('repeat', values.repeat, 1),
    only: values.only,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return;
  }
  // The consolidation first: the validator's benchmark keeps a very large workbook in memory,
  // which would otherwise count in the consolidation's peak RSS.
  if (!args.only || args.only === 'summary') await benchSummary({ sites: args.sites, threads: args.threads, repeat: args.repeat });
  if (!args.only || args.only === 'writer') await benchSummaryWriter();
  if (!args.only || args.only === 'validate') await benchValidate({ repeat: args.repeat });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exitCode = 2;
});
