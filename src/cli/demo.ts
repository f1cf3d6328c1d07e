/**
 * `custody demo [-o DIR] [--lang zh|en]`: the first command a newcomer runs.
 * Writes a 分校 workbook and two of its 考点 workbooks (one with the mistakes
 * people really make) through the same path as `custody fill`, checks them one
 * by one and across each other, writes the consolidated summary, and says what
 * was found and which files to open next — in Chinese, or in English with
 * --lang en (findings and summary workbook too, as validate and summary give them).
 */
import type { Command } from 'commander';
import type { Lang } from '../rules/types';
import type { CliIO } from './io';
import { langOption } from './manners';

const DEMO_DIR = 'custody-demo';

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description('生成示例工作簿（一个分校、两个考点，其中一个有常见错误），检查并汇总 (sample workbooks, checked and summarised)')
    .option('-o, --out <dir>', '输出目录 (output folder)', DEMO_DIR)
    .addOption(langOption())
    .action(async (opts: { out: string; lang: Lang }) => {
      const started = Date.now();
      const { runDemo, demoReport } = await import('./demo-run');
      const result = await runDemo(opts.out, opts.lang);
      for (const line of demoReport(result)) io.out(line);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      io.out(opts.lang === 'en' ? `(took ${seconds} s)` : `（用时 ${seconds} 秒）`);
    });
}
