/**
 * A 补考 bag of the same 试卷号 sent on by a 分校 to its 考点 with the first delivery. DOMAIN.md (second wave, “One
 * movement, one judgement”): a dispatch and its handover sheet are judged once, on the sheet, by the first session of
 * the papers it carries — here 1304's 1月11日 — as the receiving 考点's workbook judges the same sheet (check-new2's
 * n2-dongkou-samepaper-bags-shared-kaodian: correct), and as review5 judged a 补考 of other papers sent so
 * (s-dongkou-makeup-kaodian: kept 9 days, correct). A dispatch is no exam-day checkout: 考一场，领一场 is the 考点's.
 * Sent on alone after 1304's first session, the bag is judged by the session it is still to be sat in (1月18日).
 * Site: review5's s-shaoyang-short-fenxiao (邵阳分校, no finding) with 1304 sat again 1月18日 by 5 (洞口考点).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData, VaultLogEntry } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf } from './shape-sites';
import { dutyUntil } from './duty-carried';
import type { Finding } from '../../src/model/finding';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'review5');
const findingsOf = async (data: SiteData) => (await validateSite(await modelOf(await fillWorkbook(data)))).map((f: Finding) => `${f.severity} ${brief(f)}`);

/** The 分校 with 1304's 补考 (1月18日, 5 candidates) and its 5-copy bag, received 1月9日 with the rest for 洞口考点. */
function withMakeup(): SiteData {
  const d = JSON.parse(fs.readFileSync(path.join(FIXTURES, 's-shaoyang-short-fenxiao.json'), 'utf8')) as SiteData;
  d.schedule!.push({ ...d.schedule![0], start: '2025-01-18T09:00', end: '2025-01-18T10:30', candidates: 5 });
  const [intake] = d.intake as Intake[];
  Object.assign(intake.items![0], { bags5: 1, totalBags: 6 });
  Object.assign(intake.totals!, { bags5: 3, totalBags: 12 });
  intake.description = '12袋与交接单一致，密封完好';
  const incoming = d.handovers![0];
  Object.assign(incoming.items![1], { quantity: 7, note: '1304（含1月18日补考1袋）、2216、5501、6602' });
  Object.assign(incoming, { total: 12, toOpinion: '清点12袋无误，同意接收' });
  return d;
}

/** The 补考 bag dispatched to 洞口考点 on its first delivery (1月9日 16:00): on the sheet as its own item, out of the vault with 1304's two bags. */
function makeupSentFirst(vaultRow: 'own row' | 'with 1304'): SiteData {
  const d = withMakeup();
  const toDongkou = d.handovers![2];
  toDongkou.items!.splice(1, 0, { destination: '洞口考点', quantity: 1, unit: '袋', note: '1304补考（1月18日）' });
  Object.assign(toDongkou, { total: 7, toOpinion: '清点7袋无误，同意接收' });
  const log = d.vaultLog!;
  if (vaultRow === 'with 1304') log[1].quantity = 3;
  else log.splice(2, 0, { ...log[1], quantity: 1 } as VaultLogEntry);
  return d;
}

test.each(['own row', 'with 1304'] as const)('the 补考 bag sent on with the first delivery (vault log: %s): no finding', async (vaultRow) => {
  expect(await findingsOf(makeupSentFirst(vaultRow))).toEqual([]);
});

/** The 补考 bag sent on on its own sheet on `day` (1月, 15:00), out of the vault at 14:20 that day. */
function makeupSentAlone(day: number): SiteData {
  const d = withMakeup();
  const at = (time: string) => `2025-01-${String(day).padStart(2, '0')}T${time}`;
  const first = d.handovers![2];
  d.handovers!.push({
    ...first,
    time: at('15:00'),
    items: [{ destination: '洞口考点', quantity: 1, unit: '袋', note: '1304补考（1月18日）' }],
    total: 1,
    toOpinion: '清点1袋无误，同意接收',
  });
  d.vaultLog!.push({ ...d.vaultLog![1], quantity: 1, takenAt: at('14:20') } as VaultLogEntry);
  d.duty!.shifts = dutyUntil(d.duty!.shifts!, ['谭勇', '彭波'], at('15:20'));
  return d;
}

test.each([9, 16])('the 补考 bag sent on alone on 1月%i日, two days or less before a session to come: no finding', async (day) => {
  expect(await findingsOf(makeupSentAlone(day))).toEqual([]);
});

test('the 补考 bag sent on alone on 1月13日, after 1304’s first session: judged by the 补考’s (1月18日), too early', async () => {
  expect(await findingsOf(makeupSentAlone(13))).toEqual([
    'error arrival-too-early 交接单6!C3 row null: 试卷 1月13日 15:00 交接到洞口考点，比最早一场考试（1月18日 09:00）早了 4天18小时。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期。',
  ]);
});
