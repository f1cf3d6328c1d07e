/**
 * fix-words: the words people write around a count (共5袋, 合计五袋, 五袋整, 5袋（含补考1袋）) read as the count,
 * in a 合计 and in any count cell (text.ts countCore); what is really no count (约5袋, 5-6袋, 若干) is still said.
 * Site: check-new2's n7 (洞口考点, 5 bags handed over, 合计 in words).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf } from './shape-sites';
import type { Finding } from '../../src/model/finding';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'check-new2');
const n7 = (): SiteData => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'n7-dongkou-total-words-kaodian.json'), 'utf8')) as SiteData;
/** n7 with its handover's 合计 written `total`. */
const withTotal = (total: string): SiteData => {
  const d = n7();
  d.handovers![0].total = total;
  return d;
};
const findingsOf = async (data: SiteData) => (await validateSite(await modelOf(await fillWorkbook(data)))).map((f: Finding) => `${f.severity} ${brief(f)}`);

describe('a 合计 with words around its count', () => {
  test.each([
    '共5袋',
    '共五袋',
    '合计五袋',
    '五袋整',
    '5袋（含补考1袋）',
    '计5袋',
    '合计：5袋',
    '总计5袋整',
    '共5袋（含补考1袋）',
    '5袋，含补考1袋',
    '5袋, 其中补考1袋',
    '共5袋；含补考1袋',
  ])('%s for 5 bags: no finding', async (total) => {
    expect(await findingsOf(withTotal(total))).toEqual([]);
  });

  test.each([
    ['共四袋', 4],
    ['合计6袋整', 6],
    ['4袋（含补考1袋）', 4],
    ['4袋，含补考1袋', 4],
  ])('%s for 5 bags: column-total, the count read from the words', async (total, n) => {
    expect(await findingsOf(withTotal(total))).toEqual([
      `error column-total 交接单!D17 row null: “合计”写的是 ${n}，但上面各行相加是 5。合计须等于本栏各行之和，请核对后改正。`,
    ]);
  });

  test.each(['约5袋', '5-6袋', '共若干袋', '5袋，6袋', '5袋，补考1袋'])('%s is no count: invalid-count, and no total compared', async (total) => {
    expect(await findingsOf(withTotal(total))).toEqual([
      `error invalid-count 交接单!D17 row null: “合计”写的是“${total}”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。`,
    ]);
  });
});

test('every count cell with words around its count (rows and 合计 rows of each form): no finding', async () => {
  const d = n7();
  (d.schedule![0] as { candidates: unknown }).candidates = '48人（含补考0人）';
  (d.handovers![0].items![0] as { quantity: unknown }).quantity = '共2袋';
  const intake = (d.intake as Intake[])[0];
  (intake.items![0] as { totalBags: unknown }).totalBags = '计2袋';
  (intake.items![2] as { bags5: unknown }).bags5 = '1袋（补考）';
  (intake.totals as { bags31: unknown; totalBags: unknown }).bags31 = '共2袋';
  (intake.totals as { totalBags: unknown }).totalBags = '合计五袋整';
  (d.vaultLog![0] as { quantity: unknown }).quantity = '共2袋';
  (d.distributions![0].rows![0] as { copies: unknown }).copies = '30份（含备用）';
  (d.handovers![0].items![1] as { quantity: unknown }).quantity = '2袋，含补考1袋';
  (intake.items![1] as { totalBags: unknown }).totalBags = '2袋, 其中补考1袋';
  expect(await findingsOf(d)).toEqual([]);
});
