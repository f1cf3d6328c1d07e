import type { Command } from 'commander';
import * as path from 'path';
import { draftWorkbook } from '../forms/workbook';
import { exists, readRegularFile, refuseOutputsOverInputs, writeFileAtomic } from '../batch/files';
import { refusalLine } from '../check/refusal';
import type { SiteData } from '../model/types';
import type { Lang } from '../rules/types';
import type { CliIO } from './io';
import { fileLine, forceOption, langOption, notXlsxLine, replacedLine, writtenLine } from './manners';

/** A site's data model is a few hundred KB at most. */
const DATA_FILE_LIMIT = 64 * 1024 * 1024;

const WORDS = {
  zh: {
    cannotRead: '无法读取：',
    empty: '文件是空的，未写出文件',
    notJson: (where: string) => `不是有效的 JSON${where ? `（${where}附近）` : ''}，未写出文件：请检查那里是否多了或少了逗号、引号或括号`,
    at: (line: number, col: number) => `第 ${line} 行第 ${col} 列`,
    notModel: '数据不符合数据模型，未写出文件：',
    gbk: '注意：文件不是 UTF-8 编码，已按 GBK（记事本的“ANSI”）读取；请核对写出的中文',
  },
  en: {
    cannotRead: 'cannot read: ',
    empty: 'the file is empty; nothing written',
    notJson: (where: string) =>
      `not valid JSON${where ? ` (near ${where})` : ''}; nothing written: look there for a comma, quote or bracket too many or missing`,
    at: (line: number, col: number) => `line ${line}, column ${col}`,
    notModel: 'the data does not fit the data model; nothing written:',
    gbk: 'Note: the file is not UTF-8; it was read as GBK (Notepad’s “ANSI”): check the Chinese written',
  },
};

/** Where in the text a JSON syntax error is, as line and column, from V8's "position N" (never V8's own words). */
function jsonErrorWhere(text: string, error: Error, lang: Lang): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  return WORDS[lang].at(before.split('\n').length, pos - before.lastIndexOf('\n'));
}

async function parseSiteJson(text: string, lang: Lang): Promise<{ data?: SiteData; problem?: string; problems: string[] }> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { problem: WORDS[lang].empty, problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { problem: WORDS[lang].notJson(jsonErrorWhere(body, error as Error, lang)), problems: [] };
  }
  const { checkSiteData, withoutNulls } = await import('../model/schema');
  const problems = checkSiteData(withoutNulls(value)).map((p) => `${p.path}: ${p.message}`);
  return problems.length ? { problem: WORDS[lang].notModel, problems } : { data: value as SiteData, problems: [] };
}

/**
 * The data file's text: UTF-8 (with or without its mark), or — bytes that are not UTF-8 — GBK, which Notepad on a
 * Chinese Windows saves as “ANSI”: read as UTF-8 it became a workbook of replacement characters (review round 10c D1).
 */
function dataText(bytes: Uint8Array): { text: string; gbk: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), gbk: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), gbk: true };
  }
}

/** exceljs (and ajv above) are loaded by the commands that write, not by every start of the CLI. */
export async function fillWorkbook(data: SiteData): Promise<Buffer> {
  const { xlsxBuffer } = await import('../io/xlsx/exceljs-writer');
  return xlsxBuffer(draftWorkbook(data));
}

export function registerFill(program: Command, io: CliIO): void {
  program
    .command('fill')
    .description('按数据模型 JSON 填写整套表单 (fill the forms from the data model)')
    .argument('<data>', '数据 JSON 文件，UTF-8 或 GBK (DATA.json, UTF-8 or GBK)')
    .requiredOption('-o, --out <file>', '输出的 .xlsx 文件，必填 (OUT.xlsx, required)')
    .addOption(langOption())
    .addOption(forceOption())
    .action(async (dataFile: string, opts: { out: string; lang: Lang; force?: boolean }) => {
      const w = WORDS[opts.lang];
      await refuseOutputsOverInputs([opts.out], [dataFile]);
      // As summary refuses it (a folder was refused just above).
      if (path.extname(opts.out).toLowerCase() !== '.xlsx') {
        io.err(notXlsxLine(opts.out, opts.lang));
        io.exitCode = 2;
        return;
      }
      let read: { text: string; gbk: boolean };
      try {
        // Only a regular file: a FIFO or a device is refused, not waited on.
        read = dataText(await readRegularFile(dataFile, DATA_FILE_LIMIT));
      } catch (error) {
        io.err(fileLine(dataFile, `${w.cannotRead}${refusalLine(error, opts.lang)}`, opts.lang));
        io.exitCode = 2;
        return;
      }
      if (read.gbk) io.err(fileLine(dataFile, w.gbk, opts.lang));
      const { data, problem, problems } = await parseSiteJson(read.text, opts.lang);
      if (!data) {
        io.err(fileLine(dataFile, problem ?? '', opts.lang));
        for (const p of problems) io.err(`  ${p}`);
        io.exitCode = 2;
        return;
      }
      const bytes = new Uint8Array(await fillWorkbook(data));
      (await import('../batch/keep-unit')).refuseReplacingUnitWorkbook(opts.out, { force: opts.force, writing: bytes });
      const replacing = await exists(opts.out);
      await writeFileAtomic(opts.out, bytes);
      if (replacing) io.err(replacedLine(opts.out, opts.lang));
      io.out(writtenLine(opts.out, opts.lang));
    });
}
