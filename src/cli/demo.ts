/**
 * `custody demo [-o DIR]`: the first command a newcomer runs. Writes a 分校
 * workbook and two of its 考点 workbooks (one with the mistakes people really
 * make) through the same path as `custody fill`, checks them one by one and
 * across each other, writes the consolidated summary, and says in Chinese what
 * was found and which files to open next.
 */
import type { Command } from 'commander';
import type { CliIO } from './io';

const DEMO_DIR = 'custody-demo';

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description('生成示例工作簿（一个分校、两个考点，其中一个有常见错误），检查并汇总 (sample workbooks, checked and summarised)')
    .option('-o, --out <dir>', '输出目录 (output folder)', DEMO_DIR)
    .action(async (opts: { out: string }) => {
      const started = Date.now();
      const { runDemo, demoReport } = await import('./demo-run');
      const result = await runDemo(opts.out);
      for (const line of demoReport(result)) io.out(line);
      io.out(`（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    });
}
