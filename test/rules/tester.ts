/**
 * A RuleTester in the spirit of ESLint's: each case starts from a clean fixture
 * (test/fixtures/kaodian.json, fenxiao.json, the 省校 of
 * test/fixtures/shapes/hunan-shengxiao.json, or the 考点 of two deliveries in
 * shapes/yuelu-two-weekends-kaodian.json), edits it, draws the workbook,
 * reads it back and runs every rule. A valid case must give no finding at all;
 * an invalid one exactly the findings listed, all of the rule under test — a
 * planted defect gives its finding and no other.
 */
import { draftWorkbook, readWorkbook, SiteModel } from '../../src/forms/workbook';
import type { SheetDraft } from '../../src/forms/draft';
import { parseA1 } from '../../src/model/grid';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/model/grid';
import type { Finding } from '../../src/model/finding';
import type { Intake, SiteData } from '../../src/model/types';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { fixture } from '../helpers';

/** The grid a drawn workbook gives once saved and opened (cached formula results, merges). */
export function gridFromDrafts(drafts: readonly SheetDraft[]): WorkbookGrid {
  return {
    sheets: drafts.map((d): SheetGrid => {
      const rows: CellValue[][] = [];
      for (const c of d.cells) {
        while (rows.length <= c.row) rows.push([]);
        const r = rows[c.row];
        while (r.length < c.col) r.push(null);
        r[c.col] = c.value ?? null;
      }
      return { name: d.name, rows, merges: [...d.merges] };
    }),
  };
}

export function modelOf(data: SiteData): SiteModel {
  return readWorkbook(gridFromDrafts(draftWorkbook(data)));
}

/** Types `value` into `sheet!cell` of a grid (retype). */
export function typeInto(grid: WorkbookGrid, sheet: string, cell: string, value: CellValue): void {
  const at = parseA1(cell)!;
  const rows = grid.sheets.find((s) => s.name === sheet)!.rows;
  while (rows.length <= at.row) rows.push([]);
  const row = rows[at.row];
  while (row.length < at.col) row.push(null);
  row[at.col] = value;
}

export type Base = 'kaodian' | 'fenxiao' | 'shengxiao' | 'twoWeekends';

/** The first delivery moved: its sheet handed over, its intake list taken in, and the first duty shift starting `dutyFrom` (the handover, unless given). */
export function firstDeliveryAt(d: SiteData, handedOver: string, takenIn: string, dutyFrom = handedOver): void {
  d.handovers![0].time = handedOver;
  (d.intake as Intake).time = takenIn;
  d.duty!.shifts![0].from = dutyFrom;
}

/**
 * 湖南分部 (the 省校 shape) has its papers from 06-12 and sends them on that day: its sheet to 长沙分校 two days
 * before the first session, the one to 株洲分校 three (arrival-too-early on 交接单3).
 */
export function shengxiaoSendsZhuzhouEarly(d: SiteData): void {
  firstDeliveryAt(d, '2024-06-12T08:30', '2024-06-12T09:00');
  d.handovers![2].time = '2024-06-12T13:30';
  for (const r of d.vaultLog!.slice(3)) r.takenAt = '2024-06-12T13:10';
}

const FILES: Record<Base, string> = {
  kaodian: 'kaodian.json',
  fenxiao: 'fenxiao.json',
  shengxiao: 'shapes/hunan-shengxiao.json',
  // 岳麓考点 examining on two weekends: one delivery and one 入库清单 each (6月14日, 6月20日).
  twoWeekends: 'shapes/yuelu-two-weekends-kaodian.json',
};

const cache: Partial<Record<Base, string>> = {};
export function base(name: Base): SiteData {
  cache[name] ??= JSON.stringify(fixture(FILES[name]));
  return JSON.parse(cache[name]!) as SiteData;
}

/** One expected finding: the whole tuple (the rule is the table's), and optionally what its message must say. */
export interface Expected {
  messageId: string;
  form: number | null;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  message?: RegExp;
}

export interface ValidCase {
  name: string;
  base?: Base;
  edit?: (data: SiteData) => void;
  /** What the data cannot say, typed over the drawn workbook (a table header written otherwise). */
  retype?: (grid: WorkbookGrid) => void;
}

export interface InvalidCase extends ValidCase {
  errors: Expected[];
}

export function findingsFor(c: ValidCase): Finding[] {
  const data = base(c.base ?? 'kaodian');
  c.edit?.(data);
  if (!c.retype) return validateSite(modelOf(data));
  const grid = gridFromDrafts(draftWorkbook(data));
  c.retype(grid);
  return validateSite(readWorkbook(grid));
}

/** The whole finding, as the tests state it: rule, severity, sheet, cell, row, message. */
export const wholeFinding = (f: Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell' | 'row' | 'message'>) => [
  f.rule,
  f.severity,
  f.sheet,
  f.cell,
  f.row,
  f.message,
];

const brief = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} row ${f.row}: ${f.message}`;

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, () => {
        expect(findingsFor(c).map(brief)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, () => {
        const found = findingsFor(c);
        expect(found.filter((f) => f.rule !== rule).map(brief)).toEqual([]);
        const tuple = (f: Finding) => ({ rule: f.rule, messageId: messageIdOf(f), form: f.form, sheet: f.sheet, cell: f.cell, row: f.row });
        expect(found.map(tuple)).toEqual(c.errors.map(({ messageId, form, sheet, cell, row }) => ({ rule, messageId, form, sheet, cell, row })));
        c.errors.forEach((e, i) => {
          if (e.message) expect(found[i].message).toMatch(e.message);
        });
      });
    }
  });
}

/**
 * 长沙分校 (fenxiao) receiving, on its 交接单 from the 省校, its two 考点's papers item by item: 岳麓考点 1001 3, 2045 1,
 * 3310 2; 天心考点 1001 2, 2045 1 (the intake and dispatch cases of unread-dispatch28 and unread-intake29).
 */
export function receivedForTwoSites(d: SiteData): void {
  d.handovers![0].items = [
    { destination: '岳麓考点', quantity: 3, unit: '袋', note: '1001 高等数学基础' },
    { destination: '岳麓考点', quantity: 1, unit: '袋', note: '2045 管理学基础' },
    { destination: '岳麓考点', quantity: 2, unit: '袋', note: '3310 中国现代文学' },
    { destination: '天心考点', quantity: 2, unit: '袋', note: '1001 高等数学基础' },
    { destination: '天心考点', quantity: 1, unit: '袋', note: '2045 管理学基础' },
  ];
}
