import type { Command } from 'commander';
import { readWorkbook, refuseFormless } from '../forms/workbook';
import { readRegularFile } from '../batch/files';
import { fileBudget } from '../batch/time-budget';
import { readXlsxInNode } from '../io/xlsx/node-workbook';
import type { CliIO } from './io';
import { JsonChunks } from '../batch/json-chunks';
import { locationEntries } from '../model/location-map';
import { refusalLine } from '../check/refusal';
import type { Lang } from '../rules/types';
import { fileLine, langOption, unreadableLine } from './manners';
import { messageIdOf, validateSite } from '../rules/engine';
import type { SiteModel } from '../model/site-model';
import { isExcelError } from '../model/excel-errors';
import { labelAt } from '../model/labels';
import { seqsEn } from '../model/finding';

/** The forms whose rows could not be read, each as `validate` tells it: “出入库记录!A2：…”. */
function unreadRowsLines(model: SiteModel, lang: Lang): string[] {
  if (!model.unreadRows?.length) return [];
  const told = validateSite(model, { lang, only: ['required-field'] });
  const unread = told.filter((f) => ['unreadTable', 'unreadCopy', 'unreadBlocks'].includes(messageIdOf(f) ?? ''));
  return unread.map((f) => `${f.sheet}!${f.cell}${lang === 'zh' ? '：' : ': '}${f.message}`);
}

/** The rules that say a formula's cell has no value here: its field is not in the data printed. */
const FORMULA_RULES = ['formula-not-saved', 'formula-cycle'];

/** The rules that say a cell showing an Excel error value (#REF!, #N/A), with the message each says it in. */
const ERROR_VALUE_SAID: ReadonlyMap<string, string> = new Map([
  ['required-field', 'errorValue'],
  ['invalid-count', 'error'],
  ['invalid-datetime', 'error'],
  ['unknown-paper', 'error'],
  ['signature-not-a-name', 'error'],
  ['paper-name-mismatch', 'error'],
]);

/** Whether the data holds an Excel error value anywhere (a cell showing #REF!, kept as it shows). */
function holdsErrorValue(value: unknown): boolean {
  if (isExcelError(value)) return true;
  if (Array.isArray(value)) return value.some(holdsErrorValue);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsErrorValue);
}

/**
 * The fields of `cells` (sheet!A1) as a person finds them on the form: “取卷时间”（序号 1、2、3）, each label once in the
 * order met, from the data's paths located there (the longest: the field, not its row or form; not the reader's notes).
 */
function fieldsAt(model: SiteModel, sheet: string, cells: readonly string[], lang: Lang): string {
  const wanted = new Set(cells);
  const roots = new Set(Object.keys(model.data));
  const pathAt = new Map<string, string>();
  for (const [path, at] of locationEntries(model.locations)) {
    if (at.sheet !== sheet || !wanted.has(at.cell) || !roots.has(/^[^[.]*/.exec(path)![0])) continue;
    const known = pathAt.get(at.cell);
    if (known === undefined || path.length > known.length) pathAt.set(at.cell, path);
  }
  const rows = new Map<string, number[]>();
  for (const cell of cells) {
    const path = pathAt.get(cell);
    if (path === undefined) continue;
    const label = labelAt(model.locations, path);
    const list = rows.get(label) ?? [];
    const row = model.locations[path]?.row;
    if (row !== null && row !== undefined) list.push(row);
    rows.set(label, list);
  }
  const said = [...rows].map(([label, list]) => {
    if (list.length === 0) return lang === 'zh' ? `“${label}”` : `"${label}"`;
    return lang === 'zh' ? `“${label}”（序号 ${list.join('、')}）` : `"${label}" (${seqsEn(list)})`;
  });
  return said.join(lang === 'zh' ? '、' : ', ');
}

/**
 * What the data printed does not hold as the workbook shows it (review 19a D8), each in validate's words at its cell:
 * formulas saved without their values (formula-not-saved, formula-cycle: once a sheet), whose fields are left out of
 * the data — said with the fields, so that a `fill` of it is not taken for the record (it would say 没有填写) — and
 * cells showing an Excel error value where a count, time, 试卷号 or name is wanted, kept in the data as the cell shows
 * them (“#REF!”: `fill` writes them back as shown, and validate says them again).
 */
function notAsShownLines(model: SiteModel, lang: Lang): string[] {
  const unsolved = Boolean(model.unsolvedFormulas?.length);
  const errors = holdsErrorValue(model.data);
  if (!unsolved && !errors) return [];
  const only = [...(unsolved ? FORMULA_RULES : []), ...(errors ? ERROR_VALUE_SAID.keys() : [])];
  const told = validateSite(model, { lang, only });
  const groups = model.unsolvedFormulas ?? [];
  return told.flatMap((f) => {
    const at = `${f.sheet}!${f.cell}${lang === 'zh' ? '：' : ': '}${f.message}`;
    if (FORMULA_RULES.includes(f.rule)) {
      const group = groups.find((g) => g.sheet === f.sheet && g.cells[0] === f.cell && (g.why === 'cycle') === (f.rule === 'formula-cycle'));
      const fields = group ? fieldsAt(model, group.sheet, group.cells, lang) : '';
      if (!fields) return [at];
      const count = group!.cells.length;
      return [
        lang === 'zh'
          ? `${at}读出的数据里没有${count === 1 ? '这一格' : `这 ${count} 格`}的值：${fields}。`
          : `${at} The data printed holds no value for ${count === 1 ? 'this cell' : `these ${count} cells`}: ${fields}.`,
      ];
    }
    if (ERROR_VALUE_SAID.get(f.rule) !== messageIdOf(f)) return [];
    const shown = /[“"](#[A-Z0-9/!?_]+)[”"]/.exec(f.message)?.[1];
    if (!shown) return [at];
    return [lang === 'zh' ? `${at}读出的数据里照格子显示的写作“${shown}”。` : `${at} The data printed keeps it as the cell shows it: "${shown}".`];
  });
}

export function registerExtract(program: Command, io: CliIO): void {
  program
    .command('extract')
    .description('读出工作簿中的数据模型（JSON） (print the data model read from a workbook)')
    .argument('<book>', '工作簿 .xlsx (BOOK.xlsx)')
    .option('--locations', '同时输出每个值所在的单元格 (also print where each value sits)')
    .addOption(langOption())
    .action(async (book: string, opts: { locations?: boolean; lang: Lang }) => {
      try {
        const bytes = await readRegularFile(book);
        // Its time budget, as in validate: a hostile workbook gets one line, not a wait without end.
        const model = fileBudget()()(() => {
          const grid = readXlsxInNode(bytes);
          const read = readWorkbook(grid);
          // No form at all (or nothing in it): refused as validate refuses it, exit 2 — not "{}" and 0, which let
          // `extract X > data.json && fill data.json` make a blank workbook of a wrong file (review round 10c D4).
          refuseFormless(grid, read);
          return read;
        });
        // A table whose header is gone: what could be read is printed, and why the rest could not be, in the words
        // `validate` says it in (required-field's finding at the form's title).
        for (const line of unreadRowsLines(model, opts.lang)) io.err(fileLine(book, line, opts.lang));
        // A formula saved without its value (its field not in the data), a cell showing #REF!: said, in validate's words.
        for (const line of notAsShownLines(model, opts.lang)) io.err(fileLine(book, line, opts.lang));
        // Written in chunks, the locations one at a time: the text of JSON.stringify(out, null, 2), never one string.
        const json = new JsonChunks((chunk) => io.out(chunk));
        if (opts.locations) {
          await json.put('{\n  "data": ');
          await json.value(model.data, '  ', 2);
          await json.put(',\n  "locations": ');
          await json.members(locationEntries(model.locations), '  ');
          await json.put('\n}');
        } else await json.value(model.data, '', 2);
        await json.end();
      } catch (error) {
        io.err(unreadableLine(book, refusalLine(error, opts.lang), opts.lang));
        io.exitCode = 2;
      }
    });
}
