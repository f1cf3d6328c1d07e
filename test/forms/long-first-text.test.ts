/**
 * Review 22c D2, D5 through the reader: a vault log whose rows begin with long texts (a note of 20,000 characters, a
 * heading with spaces after it, 20,000 colons) is read row by row as before, and no pattern given one of those texts
 * tries it again from each of its starts (test/forms/line-shapes.test.ts asks the shapes alone).
 */
import { readWorkbook } from '../../src/forms/workbook';
import type { WorkbookGrid } from '../../src/model/grid';
import { filledWorkbook, fixture, gridOf } from '../helpers';
import { patternsRun } from '../patterns-run';

/**
 * Reading a vault log whose rows begin with long texts: every pattern given a whole one of them is one that looks at each
 * place of it once — anchored at its start, global (a scan), one character class — or one of the label marks reviewed
 * (a fixed mark or a bracket at the end). An unanchored pattern that runs to the end from each start (LABEL_WITH_COLON,
 * `[:：]+$` before) would be quadratic there.
 */
test('a vault log with long first texts: each row read as before, no pattern retries the whole text from each of its starts', async () => {
  const grid: WorkbookGrid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
  const log = grid.sheets.find((s) => s.name === '出入库记录')!;
  const n = 20_000;
  log.rows[6] = [4, '考'.repeat(n)];
  log.rows[7] = [5, `注${' '.repeat(n)}x`];
  log.rows[8] = [6, `6月16日${' '.repeat(200)}x`];
  log.rows[9] = [7, `${'：'.repeat(n)}x`];
  let codes: unknown[] = [];
  const run = patternsRun(() => {
    codes = (readWorkbook(grid).data.vaultLog ?? []).map((r) => r.paperNo);
  });
  expect(codes).toEqual(['1001', '2045', '3310', '考'.repeat(n), '注x', '6月16日x', `${':'.repeat(n)}x`]);
  const REVIEWED = [
    // FOOTNOTE_MARK and FILL_HINT (src/model/text.ts): a fixed mark, or a bracket's words up to the next bracket.
    String.raw`(?:[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]|\(注\d{1,2}\)|(?<!备)注\d{1,2}|\[\d{1,2}\])$`,
    String.raw`\((?:[年月日时分秒:.\-/]+|签字|签名|盖章|签章|签字盖章|签名盖章|手签|本人签字|本人签名|亲笔签字|亲笔签名|必填|必填项|选填|请填写|请填|必须填写|如实填写|手写|请手写|如有)\)$`,
  ];
  const once = (r: { source: string; flags: string }) =>
    r.source.startsWith('^') || r.flags.includes('g') || /^(?:\[[^\]]*\]|\\[sSdDwW])$/.test(r.source) || REVIEWED.includes(r.source);
  expect(run.filter((r) => r.length >= 200 && !once(r)).map((r) => r.source)).toEqual([]);
});
