/**
 * Property: whatever people type into any cell of any form, the readers and the
 * rules never throw, and every finding points at a cell that exists.
 */
import fc from 'fast-check';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { parseA1 } from '../../src/model/grid';
import { validateAcross, validateSite, validateSiteIn } from '../../src/rules/engine';
import { base, gridFromDrafts } from './tester';

const typed: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'0123456789０１２３４５６７８９年月日时分:：-/ .、，袋份箱一二十合计序号李强陈静'.split('')) }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2300, 0, 1)) }),
  fc.constantFrom(
    '2024年6月15日8时30分',
    '6月15日 8:30',
    '8点半',
    '2024-02-30T09:30',
    '合计',
    '备注：',
    '试卷号',
    '取卷人签字',
    '是',
    '否',
    '24:00',
    '2024/6/15 24:00',
    '-3',
    '1.5',
    '三袋',
    '=SUM(A1:A3)',
  ),
);

const sites = { kaodian: gridFromDrafts(draftWorkbook(base('kaodian'))), fenxiao: gridFromDrafts(draftWorkbook(base('fenxiao'))) };

function mutate(grid: WorkbookGrid, edits: Array<{ s: number; r: number; c: number; v: CellValue }>): WorkbookGrid {
  const copy: WorkbookGrid = { sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) };
  for (const e of edits) {
    const sheet = copy.sheets[e.s % copy.sheets.length];
    const r = e.r % (sheet.rows.length + 3);
    while (sheet.rows.length <= r) sheet.rows.push([]);
    const row = sheet.rows[r];
    const c = e.c % 14;
    while (row.length <= c) row.push(null);
    row[c] = e.v;
  }
  return copy;
}

/**
 * The message with what people typed taken out: a typed “{A}” or “NaN”, or a
 * cell holding the number NaN, is quoted back, not a placeholder left unfilled.
 */
function withoutTyped(message: string, edits: Array<{ v: CellValue }>): string {
  const typedText = (v: CellValue): string[] => (typeof v === 'string' ? [v, v.trim()] : typeof v === 'number' ? [String(v)] : []);
  const typedTexts = edits.flatMap((e) => typedText(e.v)).filter((t) => t.length > 0);
  typedTexts.sort((a, b) => b.length - a.length);
  return typedTexts.reduce((text, t) => text.split(t).join('\u0000'), message);
}

function cellExists(grid: WorkbookGrid, sheet: string | null, cell: string | null): boolean {
  if (sheet === null) return cell === null;
  const s = grid.sheets.find((x) => x.name === sheet);
  return Boolean(s && cell && parseA1(cell));
}

// PROPERTY_RUNS and PROPERTY_SEED (the seed a failure printed) replay or widen a run by hand.
describe('random cell contents in every form', () => {
  test.each(Object.keys(sites) as Array<keyof typeof sites>)('%s: readers and rules never throw; every finding’s cell exists', (name) => {
    fc.assert(
      fc.property(fc.array(fc.record({ s: fc.nat(), r: fc.nat(), c: fc.nat(), v: typed }), { minLength: 1, maxLength: 25 }), (edits) => {
        const grid = mutate(sites[name], edits);
        const model = readWorkbook(grid);
        const inEach = validateSiteIn(model, ['zh', 'en']);
        for (const [i, lang] of (['zh', 'en'] as const).entries()) {
          const findings = validateSite(model, { lang });
          // The rules run once for both languages give what a run in each gives.
          expect(inEach[i]).toEqual(findings);
          for (const f of findings) {
            expect(cellExists(grid, f.sheet, f.cell)).toBe(true);
            expect(withoutTyped(f.message, edits)).not.toMatch(/\{\w+\}|undefined|NaN/);
          }
        }
        const other = readWorkbook(sites[name === 'kaodian' ? 'fenxiao' : 'kaodian']);
        for (const list of validateAcross([
          { id: 'a', model },
          { id: 'b', model: other },
        ]).values()) {
          for (const f of list) expect(f.sheet === null || f.cell !== null).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150), ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
  });

  test('a whole sheet of random rows under each form’s header', () => {
    fc.assert(
      fc.property(fc.array(fc.array(typed, { maxLength: 12 }), { maxLength: 30 }), fc.nat(), (rows, which) => {
        const grid = mutate(sites.kaodian, []);
        const sheet = grid.sheets[which % grid.sheets.length];
        sheet.rows.splice(4, 0, ...rows.map((r) => [...r]));
        const model = readWorkbook(grid);
        for (const f of validateSite(model)) expect(cellExists(grid, f.sheet, f.cell)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
