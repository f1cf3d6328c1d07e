import type { Command } from 'commander';
import * as path from 'path';
import { FORMS } from '../forms';
import { draftBlankForm, draftWorkbook } from '../forms/workbook';
import { writeFileAtomic } from '../batch/files';
import type { CliIO } from './io';

import { SITE_WORKBOOK_NAME } from '../forms/catalog';

export { SITE_WORKBOOK_NAME };

/** Writes the blank site workbook and one file per attachment into `dir`; returns the files written. */
export async function writeTemplates(dir: string): Promise<string[]> {
  const { xlsxBuffer } = await import('../io/xlsx/exceljs-writer');
  const files: Array<[string, Promise<Buffer>]> = [[SITE_WORKBOOK_NAME, xlsxBuffer(draftWorkbook())]];
  for (const entry of FORMS.filter((f) => f.layout.attachment > 0)) {
    files.push([`${entry.templateName}.xlsx`, xlsxBuffer([draftBlankForm(entry)])]);
  }
  const written: string[] = [];
  for (const [name, buffer] of files) {
    const file = path.join(dir, name);
    await writeFileAtomic(file, new Uint8Array(await buffer));
    written.push(file);
  }
  return written;
}

export function registerTemplate(program: Command, io: CliIO): void {
  program
    .command('template')
    .description('写出空白模板：整套工作簿和附件1–5各一个文件 (write blank templates)')
    .option('-o, --out <dir>', '输出目录 (output folder)', 'templates')
    .action(async (opts: { out: string }) => {
      const files = await writeTemplates(opts.out);
      for (const f of files) io.out(`已写出 ${f}`);
    });
}
