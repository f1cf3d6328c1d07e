/**
 * A table longer than the call stack takes as arguments (some 125,000 values
 * for `push(...rows)` or `Math.max(...times)`): within the reader's limits (a
 * vault log of a few cells a row stays under 64 MB of XML), it is read whole,
 * checked and summarised instead of failing with "Maximum call stack size
 * exceeded".
 */
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { base, gridFromDrafts } from '../rules/tester';

const ROWS = 130_000;

test(`a vault log of ${ROWS.toLocaleString('en-US')} rows is read whole, checked and summarised`, () => {
  const data = base('kaodian');
  const grid = gridFromDrafts(draftWorkbook(data));
  const log = grid.sheets.find((s) => s.name === '出入库记录')!;
  // The log's first row written ROWS times in place of its rows (an array literal, not a call, takes them all).
  const first = log.rows.findIndex((r) => r?.[0] === 1);
  const row = log.rows[first];
  const copies = Array.from({ length: ROWS }, (_, i) => Object.assign([...row], { 0: i + 1 }));
  log.rows = [...log.rows.slice(0, first), ...copies, ...log.rows.slice(first + data.vaultLog!.length)];

  const model = readWorkbook(grid);
  expect(model.data.vaultLog).toHaveLength(ROWS);
  expect(model.data.vaultLog![ROWS - 1]).toMatchObject({ paperNo: '1001', takenAt: '2024-06-15T07:45' });
  const findings = validateSite(model);
  const summary = summarizeSite(model, findings, { file: 'long.xlsx' });
  expect(summary.site.name).toBe('岳麓考点');
});
