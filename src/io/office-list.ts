/**
 * The pane's 问题清单 in the open workbook: when 标记 colours the cells, a
 * sheet at the end lists every finding (check/finding-list.ts: the marked
 * copy's words, columns and order), so that the printed workbook says why each
 * cell is coloured — notes do not print, and a finding of no cell has no
 * colour. Printed as the marked copy's: A4 landscape, one page wide, the
 * header row on every page (ExcelApi 1.9; below it the sheet is written
 * without print setup).
 *
 * Only a sheet we wrote is ever deleted: its name is kept with the marks
 * (office-marks.ts), and its A1 must still be the list's title — the title by
 * which the readers take it for no form (forms/workbook.ts,
 * isFindingsListTitle), so that checking the workbook again finds what it
 * found before.
 */
import type { Finding } from '../model/finding';
import {
  FINDING_LIST_HEAD_ROWS,
  FINDING_LIST_LAST_COLUMN,
  FINDING_LIST_LOOK,
  FINDING_LIST_MARGINS,
  FINDING_LIST_TITLE_ROWS,
  FINDING_LIST_WIDTHS,
  FINDING_LIST_WORDS,
  FindingList,
  FindingListRow,
  findingList,
  findingListRow,
  findingListSheetName,
} from '../check/finding-list';
import { MARK_COLORS } from '../check/marks';
import { isFindingsListTitle } from '../model/finding';
import { columnLetter } from '../model/grid';
import type { SheetForm } from '../model/site-model';
import { columnPoints, gridBorders } from './office-summary';

/** A margin in inches in the points Office.js takes, to a tenth. */
const points = (inches: number): number => Math.round(inches * 720) / 10;

/**
 * The list sheet a marking wrote before, as stored with the marks: its A1
 * loaded at the next sync, to tell whether it is still ours.
 */
export interface PriorList {
  name: string;
  ours(): boolean;
}

/** Queues the load of a stored list sheet's A1; undefined when there is none or the sheet is gone. */
export function loadPriorList(worksheets: Excel.WorksheetCollection, names: ReadonlySet<string>, name: string | undefined): PriorList | undefined {
  if (!name || !names.has(name)) return undefined;
  const a1 = worksheets.getItem(name).getRange('A1');
  a1.load('values');
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- read by the caller after the sync that loads it; the rule cannot follow a sync made in another function
  return { name, ours: () => isFindingsListTitle(a1.values[0]?.[0]) };
}

/** A marking's writes of the list, batched with its cells: the sheet, then each row. */
export type ListWrite = { listSheet: true } | { listRow: number };

export interface ListWriter {
  /** The list's sheet; undefined: no findings, no list. */
  name: string | undefined;
  items: ListWrite[];
  queue(item: ListWrite): void;
  /** At the end of a batch: writes the rows it queued, in one block. */
  flush(): void;
}

interface ListPlan {
  /** The workbook's sheets now. */
  names: ReadonlySet<string>;
  /** The list we wrote before, deleted first: the new one may take its name. */
  replaced?: string;
  lang: 'zh' | 'en';
  /** ExcelApi 1.9: set up for printing. */
  print: boolean;
  /** The model's sheets: the form named beside a sheet holding several (findingList). */
  sheets?: readonly SheetForm[];
  /** Called, when the list's name is not the replaced one's, after that is deleted and before the new sheet is added: to store the new name. */
  rename(name: string | undefined): void;
}

/** The list of `findings` written as items of a marking's batches. */
export function listWriter(worksheets: Excel.WorksheetCollection, findings: readonly Finding[], plan: ListPlan): ListWriter {
  const list = findings.length > 0 ? findingList(findings, plan.lang, undefined, undefined, plan.sheets) : undefined;
  const name = list
    ? findingListSheetName(
        [...plan.names].filter((n) => n !== plan.replaced),
        plan.lang,
      )
    : undefined;
  const items: ListWrite[] = list || plan.replaced ? [{ listSheet: true }, ...(list?.rows ?? []).map((_, i) => ({ listRow: i }))] : [];
  let sheet: Excel.Worksheet | undefined;
  let pending: number[] = [];
  return {
    name,
    items,
    queue(item) {
      if ('listRow' in item) {
        pending.push(item.listRow);
        return;
      }
      if (plan.replaced) worksheets.getItem(plan.replaced).delete();
      if (name !== plan.replaced) plan.rename(name);
      if (list && name) sheet = queueListSheet(worksheets, name, list, plan);
    },
    flush() {
      if (sheet && list && pending.length > 0) queueListRows(sheet, list.rows.slice(pending[0], pending[0] + pending.length), pending[0]);
      pending = [];
    },
  };
}

/**
 * Adds the list sheet at the end with its title, headers, the format of
 * its rows to come, and (with `print`) its print setup. The rows are written
 * by queueListRows.
 */
function queueListSheet(
  worksheets: Excel.WorksheetCollection,
  name: string,
  list: FindingList,
  { print, lang }: { print: boolean; lang: 'zh' | 'en' },
): Excel.Worksheet {
  const ws = worksheets.add(name);
  const last = findingListRow(list.rows.length - 1);
  const all = ws.getRange(`A1:${FINDING_LIST_LAST_COLUMN}${last}`);
  all.format.font.name = FINDING_LIST_LOOK.font;
  all.format.font.size = 10;
  all.format.wrapText = true;
  all.format.verticalAlignment = 'Top';
  FINDING_LIST_WIDTHS.forEach((width, col) => {
    const letter = columnLetter(col);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = columnPoints(width);
  });
  const title = ws.getRange(`A1:${FINDING_LIST_LAST_COLUMN}1`);
  title.merge();
  title.values = [[list.title, ...FINDING_LIST_WIDTHS.slice(1).map(() => '')]];
  title.format.font.set({ bold: true, size: 11 });
  title.format.verticalAlignment = 'Center';
  title.format.rowHeight = 30;
  const head = ws.getRange(`A2:${FINDING_LIST_LAST_COLUMN}2`);
  head.values = [[...list.headers]];
  head.format.font.set({ bold: true, size: 11 });
  head.format.fill.color = FINDING_LIST_LOOK.headerFill;
  head.format.horizontalAlignment = 'Center';
  head.format.verticalAlignment = 'Center';
  gridBorders(ws.getRange(`A2:${FINDING_LIST_LAST_COLUMN}${last}`));
  ws.getRange(`B3:B${last}`).format.horizontalAlignment = 'Center';
  if (print) queuePrintSetup(ws, FINDING_LIST_WORDS[lang].footer);
  return ws;
}

/** A4 landscape, one page wide and as many tall as it takes, the header row atop each page, a page footer; the header row frozen. */
function queuePrintSetup(ws: Excel.Worksheet, footer: string): void {
  const m = FINDING_LIST_MARGINS;
  ws.pageLayout.set({
    orientation: 'Landscape',
    paperSize: 'A4',
    // 0 pages tall: as many as the rows take (Excel's “fit all columns on one page”).
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    centerHorizontally: true,
    leftMargin: points(m.left),
    rightMargin: points(m.right),
    topMargin: points(m.top),
    bottomMargin: points(m.bottom),
    headerMargin: points(m.header),
    footerMargin: points(m.footer),
  });
  ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = footer;
  ws.pageLayout.setPrintTitleRows(FINDING_LIST_TITLE_ROWS);
  ws.freezePanes.freezeRows(FINDING_LIST_HEAD_ROWS);
}

/**
 * Writes rows `from`… of the list (consecutive, `rows` of them) in one block:
 * their format as text, their values, each run of one severity coloured as
 * its cells are, and their heights fitted to the wrapped text.
 */
function queueListRows(ws: Excel.Worksheet, rows: readonly FindingListRow[], from: number): void {
  if (rows.length === 0) return;
  const [top, bottom] = [findingListRow(from), findingListRow(from + rows.length - 1)];
  const block = ws.getRange(`A${top}:${FINDING_LIST_LAST_COLUMN}${bottom}`);
  // Texts stay texts: a sheet named 2024 or a message beginning with = is no number or formula.
  ws.getRange(`B${top}:${FINDING_LIST_LAST_COLUMN}${bottom}`).numberFormat = rows.map((r) => r.texts.slice(1).map(() => '@'));
  block.values = rows.map((r) => [...r.texts]);
  for (let at = 0; at < rows.length;) {
    let end = at;
    while (end + 1 < rows.length && rows[end + 1].severity === rows[at].severity) end++;
    ws.getRange(`B${findingListRow(from + at)}:B${findingListRow(from + end)}`).format.fill.color = MARK_COLORS[rows[at].severity];
    at = end + 1;
  }
  block.format.autofitRows();
}
