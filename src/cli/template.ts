import type { Command } from 'commander';
import JSZip from 'jszip';
import * as path from 'path';
import { FORMS } from '../forms';
import { draftBlankForm, draftWorkbook } from '../forms/workbook';
import { exists, writeFileAtomic } from '../batch/files';
import type { CliIO } from './io';
import type { Lang } from '../rules/types';
import { type FolderOption, folderOptionRefusal, forceOption, langOption, replacedLine, writtenLine } from './manners';

import { SITE_WORKBOOK_NAME } from '../forms/catalog';

export { SITE_WORKBOOK_NAME };

/** The date every part of a template's zip carries (the workbook's own dates are fixed in exceljs-writer). */
const TEMPLATE_DATE = new Date(Date.UTC(2024, 0, 1));

/**
 * The workbook with each zip entry dated TEMPLATE_DATE rather than the time of
 * writing: the same forms give the same bytes, so that templates/ written again
 * is unchanged (JSZip writes the dates in UTC, keeps the compressed data).
 */
async function undated(xlsx: Buffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_name, entry) => {
    entry.date = TEMPLATE_DATE;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A template written: its path, and whether it replaced a file there. */
interface Written {
  file: string;
  replaced: boolean;
}

/**
 * Writes the blank site workbook and one file per attachment into `dir`; the files written. None is written when one
 * of them would replace a unit's workbook filled in (refuseReplacingUnitWorkbook), unless `force`.
 */
export async function writeTemplates(dir: string, force = false): Promise<Written[]> {
  const { xlsxBuffer } = await import('../io/xlsx/exceljs-writer');
  const files: Array<[string, Promise<Buffer>]> = [[SITE_WORKBOOK_NAME, xlsxBuffer(draftWorkbook())]];
  for (const entry of FORMS.filter((f) => f.layout.attachment > 0)) {
    files.push([`${entry.templateName}.xlsx`, xlsxBuffer([draftBlankForm(entry)])]);
  }
  const ready = await Promise.all(files.map(async ([name, buffer]) => ({ file: path.join(dir, name), bytes: await undated(await buffer) })));
  const { refuseReplacingUnitWorkbook } = await import('../batch/keep-unit');
  for (const { file, bytes } of ready) refuseReplacingUnitWorkbook(file, { force, writing: bytes });
  const written: Written[] = [];
  for (const { file, bytes } of ready) {
    const replaced = await exists(file);
    await writeFileAtomic(file, bytes);
    written.push({ file, replaced });
  }
  return written;
}

const TEMPLATE_FOLDER: FolderOption = { option: '-o', holds: { zh: '空白模板（6 个工作簿）', en: 'the blank templates (6 workbooks)' }, example: 'templates' };

export function registerTemplate(program: Command, io: CliIO): void {
  program
    .command('template')
    .description('写出空白模板：整套工作簿和附件1–5各一个文件 (write blank templates)')
    .option('-o, --out <dir>', '输出目录 (output folder)', 'templates')
    .addOption(langOption('提示语言；表单本身是官方的中文表单 (message language; the forms are the official Chinese ones)'))
    .addOption(forceOption())
    .action(async (opts: { out: string; lang: Lang; force?: boolean }) => {
      const refused = await folderOptionRefusal(opts.out, TEMPLATE_FOLDER, opts.lang);
      if (refused) {
        io.err(refused);
        io.exitCode = 2;
        return;
      }
      // A file of a template's name there is replaced, and said so, as fill says it.
      for (const { file, replaced } of await writeTemplates(opts.out, opts.force)) {
        if (replaced) io.err(replacedLine(file, opts.lang));
        io.out(writtenLine(file, opts.lang));
      }
    });
}
