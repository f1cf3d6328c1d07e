/**
 * A table's header row repeated below it without the form's title (review 15a D4): page 2 of a long table pasted
 * from its header, or the printer's repeated title rows pasted back. The repeated labels are no row of data, on every
 * form with a table: the rows under them are read as before, and a mistake under them is found at its own cell.
 */
import { FORMS } from '../../src/forms/index';
import { readWorkbook } from '../../src/forms/workbook';
import { SheetIndex, vocabularyOf } from '../../src/forms/sheet-index';
import { findTableHeader } from '../../src/forms/table-header';
import { rangeA1, parseRange, type SheetGrid, type WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import type { Finding } from '../../src/model/finding';
import { canonical, filledWorkbook, fixture, gridOf } from '../helpers';

const LAYOUTS = FORMS.map((f) => f.layout);
const VOCABULARY = vocabularyOf(LAYOUTS);

/** The header's rows (one, or two) as the reader finds them on the sheet of this form. */
function headerRows(sheet: SheetGrid, form: string): { top: number; dataStart: number } | undefined {
  const layout = LAYOUTS.find((l) => l.id === form);
  const header = layout?.table ? findTableHeader(new SheetIndex(sheet, VOCABULARY), layout.table.columns) : undefined;
  return header && { top: header.top, dataStart: header.dataStart };
}

/** The header's rows copied, with their merges, in above the sheet row `at` (0-based): the rows from `at` move down. */
function headerPastedAt(sheet: SheetGrid, top: number, dataStart: number, at: number): void {
  const span = dataStart - top;
  const copied = sheet.rows.slice(top, dataStart).map((cells) => (cells ? cells.slice() : []));
  const headerMerges = sheet.merges.map((m) => parseRange(m)!).filter((box) => box.top >= top && box.bottom < dataStart);
  sheet.merges = sheet.merges.map((m) => {
    const box = parseRange(m)!;
    if (box.top >= at) return rangeA1({ ...box, top: box.top + span, bottom: box.bottom + span });
    if (box.bottom >= at) return rangeA1({ ...box, bottom: box.bottom + span });
    return m;
  });
  for (const box of headerMerges) sheet.merges.push(rangeA1({ ...box, top: box.top - top + at, bottom: box.bottom - top + at }));
  sheet.rows.splice(at, 0, ...copied);
  expect(Object.keys(sheet.formulas ?? {})).toEqual([]);
}

/** Every sheet of a table form with the header pasted again under its first row of data. */
async function withHeaderAgain(name: string): Promise<{ grid: WorkbookGrid; edited: string[] }> {
  const grid = await gridOf(await filledWorkbook(fixture(name)));
  const forms = readWorkbook(grid).sheets;
  const edited: string[] = [];
  for (const sheet of grid.sheets) {
    const form = forms.find((s) => s.sheet === sheet.name)?.form;
    const header = form ? headerRows(sheet, form) : undefined;
    if (!header) continue;
    headerPastedAt(sheet, header.top, header.dataStart, header.dataStart + 1);
    edited.push(sheet.name);
  }
  return { grid, edited };
}

const tuple = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

describe('review 15a D4: a table header repeated mid-sheet without its title', () => {
  test.each(['kaodian.json', 'fenxiao.json'])('%s: every table form with its header again under row 1: read as before', async (name) => {
    const { grid, edited } = await withHeaderAgain(name);
    // 考试安排, 涉卷人员, 交接单 (附件1), 入库清单 (附件2), 出入库记录 (附件3) and 分发登记 (附件4, its header on two rows).
    expect(new Set(edited.map((s) => s.replace(/\d+$/, '')))).toEqual(new Set(['考试安排', '涉卷人员', '交接单', '入库清单', '出入库记录', '分发登记']));
    const model = readWorkbook(grid);
    expect(model.unreadRows ?? []).toEqual([]);
    expect(canonical(model.data)).toEqual(canonical(fixture(name)));
    expect(validateSite(model).map(tuple)).toEqual(validateSite(readWorkbook(await gridOf(await filledWorkbook(fixture(name))))).map(tuple));
  });

  /** kaodian's 附件3 as the reviewer made it: row 6 the header again (row 3's), the third movement on row 7 with 序号 1. */
  async function vaultLogWithHeaderAgain(edit?: (sheet: SheetGrid) => void): Promise<Finding[]> {
    const grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
    const sheet = grid.sheets.find((s) => s.name === '出入库记录')!;
    const header = headerRows(sheet, 'vaultLog')!;
    expect(header).toEqual({ top: 2, dataStart: 3 });
    headerPastedAt(sheet, 2, 3, 5);
    sheet.rows[6][0] = 1;
    edit?.(sheet);
    return validateSite(readWorkbook(grid));
  }

  test('y5-header-repeated: no finding', async () => {
    expect((await vaultLogWithHeaderAgain()).map(tuple)).toEqual([]);
  });

  test('y5-header-repeated-planted: only the early checkout under the repeated header, at its own cell', async () => {
    const findings = await vaultLogWithHeaderAgain((sheet) => {
      expect(sheet.rows[6][1]).toBe('3310');
      sheet.rows[6][5] = '2024-06-16 07:20';
    });
    expect(findings.map(tuple)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'F7',
        '试卷 3310 在 6月16日 07:20 出库，比它这场考试开考（6月16日 08:30）早了 1小时10分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });

  /** The same, page 2 pasted from another layout: on the repeated header and the row under it, 取卷人签字 and 取卷时间 (E, F) change places. */
  const swapped = (sheet: SheetGrid) => {
    for (const row of [5, 6]) [sheet.rows[row][4], sheet.rows[row][5]] = [sheet.rows[row][5], sheet.rows[row][4]];
    expect(sheet.rows[5].slice(4, 6)).toEqual(['取卷时间', '取卷人签字']);
    expect(sheet.rows[6][5]).toBe('李强');
  };

  test('a repeated header whose columns moved: the rows under it read by its own columns, no finding', async () => {
    expect((await vaultLogWithHeaderAgain(swapped)).map(tuple)).toEqual([]);
  });

  test('the same with 3310 taken 07:20: checkout-window alone, at the moved 取卷时间 (E7)', async () => {
    const findings = await vaultLogWithHeaderAgain((sheet) => {
      swapped(sheet);
      sheet.rows[6][4] = '2024-06-16 07:20';
    });
    expect(findings.map(tuple)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'E7',
        '试卷 3310 在 6月16日 07:20 出库，比它这场考试开考（6月16日 08:30）早了 1小时10分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });

  test('the moved header’s rows in the model and their cells: 3310 taken by 李强, its 取卷时间 at E7, its 取卷人 at F7', async () => {
    const grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
    const sheet = grid.sheets.find((s) => s.name === '出入库记录')!;
    headerPastedAt(sheet, 2, 3, 5);
    sheet.rows[6][0] = 1;
    swapped(sheet);
    const model = readWorkbook(grid);
    expect(model.unreadRows ?? []).toEqual([]);
    expect(canonical(model.data)).toEqual(canonical(fixture('kaodian.json')));
    expect([model.locations['vaultLog[2].takenAt']?.cell, model.locations['vaultLog[2].taker']?.cell, model.locations['vaultLog[1].takenAt']?.cell]).toEqual([
      'E7',
      'F7',
      'F5',
    ]);
  });
});
