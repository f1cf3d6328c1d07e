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

/** The forms whose rows could not be read, each as `validate` tells it: “出入库记录!A2：…”. */
function unreadRowsLines(model: SiteModel, lang: Lang): string[] {
  if (!model.unreadRows?.length) return [];
  const told = validateSite(model, { lang, only: ['required-field'] });
  const unread = told.filter((f) => ['unreadTable', 'unreadBlocks'].includes(messageIdOf(f) ?? ''));
  return unread.map((f) => `${f.sheet}!${f.cell}${lang === 'zh' ? '：' : ': '}${f.message}`);
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
