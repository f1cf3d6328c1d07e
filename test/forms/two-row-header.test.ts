/**
 * A table's header over two rows (review round 10a D1), for every form that has a table: a group row above
 * (出库 / 入库 merged over their columns, as 附件4 prints 试卷发放情况), the other labels merged down over both
 * rows; or each label's words split over the two rows without a merge (取卷人 / 签字, 数量 / （袋/份）). The form
 * reads as it does with its header on one row, and the second header row is never read as a row of data.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FORMS } from '../../src/forms/index';
import { readWorkbook } from '../../src/forms/workbook';
import { SheetIndex, vocabularyOf } from '../../src/forms/sheet-index';
import { findTableHeader } from '../../src/forms/table-header';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { rangeA1, parseRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import type { Finding } from '../../src/model/finding';
import { canonical, filledWorkbook, fixture, gridOf } from '../helpers';

const LAYOUTS = FORMS.map((f) => f.layout);
const VOCABULARY = vocabularyOf(LAYOUTS);

/** The sheet's table header row and the form it belongs to, as the reader finds them. */
function headerOf(sheet: SheetGrid, form: string): { top: number; cols: Map<string, number> } | undefined {
  const layout = LAYOUTS.find((l) => l.id === form);
  if (!layout?.table) return undefined;
  const header = findTableHeader(new SheetIndex(sheet, VOCABULARY), layout.table.columns);
  // 附件4 prints its header over two rows already (试卷发放情况 over 领取时间 · 领卷人签字): left as it is.
  return header && header.dataStart === header.top + 1 ? { top: header.top, cols: header.columns } : undefined;
}

/** A row inserted below `row`: the rows after it and their merges move down one. */
function insertRowBelow(sheet: SheetGrid, row: number, cells: CellValue[]): void {
  sheet.rows.splice(row + 1, 0, cells);
  sheet.merges = sheet.merges.map((m) => {
    const box = parseRange(m)!;
    if (box.top > row) return rangeA1({ ...box, top: box.top + 1, bottom: box.bottom + 1 });
    if (box.bottom > row) return rangeA1({ ...box, bottom: box.bottom + 1 });
    return m;
  });
  if (sheet.formulas) expect(Object.keys(sheet.formulas)).toEqual([]);
}

/** 出库 over the first half of the header's columns, 入库 over the rest; the other labels merged down over both rows. */
function groupRowAbove(sheet: SheetGrid, top: number, cols: number[]): void {
  const labels = sheet.rows[top].slice();
  const grouped = cols.slice(Math.floor(cols.length / 3));
  const out = grouped.slice(0, Math.ceil(grouped.length / 2));
  const back = grouped.slice(out.length);
  insertRowBelow(sheet, top, []);
  const width = Math.max(...cols, labels.length - 1) + 1;
  for (let c = 0; c < width; c++) {
    if (!grouped.includes(c)) {
      if (labels[c] !== null && labels[c] !== undefined) sheet.merges.push(rangeA1({ top, left: c, bottom: top + 1, right: c }));
      continue;
    }
    sheet.rows[top + 1][c] = labels[c];
    sheet.rows[top][c] = null;
  }
  for (const [word, group] of [
    ['出库', out],
    ['入库', back],
  ] as const) {
    if (group.length === 0) continue;
    sheet.rows[top][group[0]] = word;
    if (group.length > 1) sheet.merges.push(rangeA1({ top, left: group[0], bottom: top, right: group[group.length - 1] }));
  }
}

/** Each label's words over two rows, no merge: its unit below it (数量 / （袋/份）), else its last two characters (取卷人 / 签字). */
function splitLabels(sheet: SheetGrid, top: number, cols: number[]): void {
  const below: CellValue[] = [];
  for (const c of cols) {
    const text = sheet.rows[top][c];
    if (typeof text !== 'string') continue;
    const paren = text.search(/[(（]/);
    const at = paren > 0 ? paren : text.length >= 4 ? text.length - 2 : -1;
    if (at < 0) continue;
    sheet.rows[top][c] = text.slice(0, at);
    below[c] = text.slice(at);
  }
  insertRowBelow(sheet, top, below);
  // A split label's cells merged across (a wide label) stay merged on its top row only.
}

async function rebuilt(data: SiteData, edit: (sheet: SheetGrid, top: number, cols: number[]) => void): Promise<{ grid: WorkbookGrid; edited: string[] }> {
  const grid = await gridOf(await filledWorkbook(data));
  const forms = readWorkbook(grid).sheets;
  const edited: string[] = [];
  for (const sheet of grid.sheets) {
    const form = forms.find((s) => s.sheet === sheet.name)?.form;
    const header = form ? headerOf(sheet, form) : undefined;
    if (!header) continue;
    edit(
      sheet,
      header.top,
      [...header.cols.values()].sort((a, b) => a - b),
    );
    edited.push(sheet.name);
  }
  return { grid, edited };
}

describe('a table header over two rows, on every form with a table', () => {
  test.each(['kaodian.json', 'fenxiao.json'])('%s: a group row above, the other labels merged down: read as before', async (name) => {
    const data = fixture(name);
    const { grid, edited } = await rebuilt(data, groupRowAbove);
    expect(edited.length).toBeGreaterThanOrEqual(5);
    const model = readWorkbook(grid);
    expect(model.unreadRows ?? []).toEqual([]);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test.each(['kaodian.json', 'fenxiao.json'])('%s: labels split over two rows without merges: read as before', async (name) => {
    const data = fixture(name);
    const { grid, edited } = await rebuilt(data, splitLabels);
    expect(edited.length).toBeGreaterThanOrEqual(5);
    const model = readWorkbook(grid);
    expect(model.unreadRows ?? []).toEqual([]);
    expect(canonical(model.data)).toEqual(canonical(data));
  });
});

const REVIEW10A = path.join(__dirname, '..', 'fixtures', 'review10a', 'xlsx');
const findingsOf = (name: string): Finding[] =>
  validateSite(readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(REVIEW10A, `${name}.xlsx`))))));
const tuple = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

describe('review 10a: 附件3 with its header over two rows', () => {
  test.each(['e-header-group', 'e-header-split'])('%s: no finding', (name) => {
    expect(findingsOf(name).map(tuple)).toEqual([]);
  });

  test('e-header-group-planted: only the planted proctor taker', () => {
    const findings = findingsOf('e-header-group-planted');
    expect(findings.map(tuple)).toEqual([
      [
        'proctor-takes-papers',
        'error',
        '出入库记录',
        'E6',
        '取卷人“刘畅”在涉卷人员名单上是“监考人员”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
      ],
    ]);
  });
});

describe('review 10a D2: 附件3 pasted twice on one sheet, one cell different', () => {
  test('e-form-twice: no finding', () => {
    expect(findingsOf('e-form-twice').map(tuple)).toEqual([]);
  });

  test('e-form-twice-planted: the first copy is the record, the second compared with it (form-copies-disagree)', () => {
    // 3307's checkout reads 08:10 in the first copy, 07:30 in the second: said once at the copy's cell; the rows are
    // read once, so no bag counts twice (no overdraw) and the second copy's 07:30 is not judged.
    expect(findingsOf('e-form-twice-planted').map(tuple)).toEqual([
      [
        'form-copies-disagree',
        'error',
        '出入库记录',
        'F22',
        '本工作表上的附件3 保密室试卷出入库记录表有两份（第二份从 A18 起），第二份第 3 行与第一份不一致：“取卷时间”第二份 F22 写的是“1月11日 07:30”，第一份 F6 写的是“1月11日 08:10”。同一张表的两份应完全相同；检查只按第一份进行，第二份没有核对。请核对哪份是对的，把两份改成一样，或删去第二份。',
      ],
    ]);
  });

  test('e-form-twice-continued-planted: a log continued on a second form keeps every row', () => {
    expect(findingsOf('e-form-twice-continued-planted').map(tuple)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'F20',
        '试卷 3307 在 1月11日 07:30 出库，比它这场考试开考（1月11日 09:00）早了 1小时30分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });
});
