/**
 * `npm run bench [-- --sites N] [--threads T] [--repeat R] [--only summary|validate|writer]`:
 * the validator's benchmark (bench/validate.ts), the consolidation benchmark
 * (bench/summary.ts) and the summary writer's (bench/summary-writer.ts).
 * Benchmarks, not timed tests.
 */
import { benchSummary } from './summary';
import { benchSummaryWriter } from './summary-writer';
import { benchValidate } from './validate';

interface Args {
  sites: number;
  threads?: number;
  repeat?: number;
  only?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sites: 300 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--sites') args.sites = Number(value());
    else if (flag === '--threads') args.threads = Number(value());
    else if (flag === '--repeat') args.repeat = Number(value());
    else if (flag === '--only') args.only = value();
  }
  if (!Number.isInteger(args.sites) || args.sites < 1) throw new Error('--sites 应为正整数');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // The consolidation first: the validator's benchmark keeps a very large workbook in memory,
  // which would otherwise count in the consolidation's peak RSS.
  if (!args.only || args.only === 'summary') await benchSummary({ sites: args.sites, threads: args.threads, repeat: args.repeat });
  if (!args.only || args.only === 'writer') await benchSummaryWriter();
  if (!args.only || args.only === 'validate') await benchValidate({ repeat: args.repeat });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
