/**
 * 考一场，领一场 for a paper sat more than twice: each session is judged against the ones after it (checkout-window's
 * bags/copies finding, src/rules/later-session-bags.ts). Site: check-new2's n2 (洞口考点, 1304 sat 1月11日 by 50 and
 * 1月18日 by 5) with a second 补考 on 1月25日 (5 candidates) and a 5-copy bag for each 补考.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData, VaultLogEntry } from '../../src/model/types';
import { dutyUntil } from './duty-carried';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf } from './shape-sites';
import type { Finding } from '../../src/model/finding';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'check-new2');
const findingsOf = async (data: SiteData) => (await validateSite(await modelOf(await fillWorkbook(data)))).map((f: Finding) => `${f.severity} ${brief(f)}`);

/** A checkout of 1304 on `day` (1月), taken 08:10 and back 10:45, as the site's own rows are. */
const checkout = (day: number, quantity: number, unit: '袋' | '份'): VaultLogEntry => {
  const at = (time: string) => `2025-01-${day}T${time}`;
  return {
    paperNo: '1304',
    paperName: '计算机应用基础',
    quantity,
    unit,
    taker: '曾志',
    takenAt: at('08:10'),
    issuedBy: '彭勇',
    returner: '曾志',
    returnedAt: at('10:45'),
    receivedBy: '彭勇',
  };
};

/**
 * 1304 sat three times: 1月11日 (50), 1月18日 (5), 1月25日 (5); its bags 31 + 26 + 5 + 5. The 1304 checkouts are
 * `taken` (1月11日's, 1月18日's, 1月25日's), the 2216 checkout between the first two as the site writes it.
 */
function threeSessions(taken: [VaultLogEntry, VaultLogEntry, VaultLogEntry]): SiteData {
  const d = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'n2-dongkou-samepaper-bags-shared-kaodian.json'), 'utf8')) as SiteData;
  d.schedule!.push({ ...d.schedule![2], start: '2025-01-25T09:00', end: '2025-01-25T10:30' });
  const [intake] = d.intake as Intake[];
  Object.assign(intake.items![0], { bags5: 2, totalBags: 4 });
  Object.assign(intake.totals!, { bags5: 3, totalBags: 6 });
  intake.description = '6袋与交接单一致，密封完好';
  const handover = d.handovers![0];
  Object.assign(handover.items![0], { quantity: 4, note: '1304（含1月18日、1月25日补考）' });
  Object.assign(handover, { total: 6, toOpinion: '清点6袋无误，同意接收' });
  const register = d.distributions![2];
  const again = { ...register, start: '2025-01-25T09:00', end: '2025-01-25T10:30' };
  again.rows = register.rows!.map((r) => ({ ...r, issuedAt: '2025-01-25T08:36', returnedAt: '2025-01-25T10:36' }));
  d.distributions!.push(again);
  d.vaultLog = [taken[0], d.vaultLog![1], taken[1], taken[2]];
  d.duty!.shifts = dutyUntil(d.duty!.shifts!, ['唐红', '邹斌', '彭勇'], '2025-01-25T11:00');
  return d;
}

test('each session takes its own bag: no finding', async () => {
  expect(await findingsOf(threeSessions([checkout(11, 2, '袋'), checkout(18, 1, '袋'), checkout(25, 1, '袋')]))).toEqual([]);
});

test('the second session takes the third’s bag: said at its checkout, in bags', async () => {
  expect(await findingsOf(threeSessions([checkout(11, 2, '袋'), checkout(18, 2, '袋'), checkout(25, 1, '袋')]))).toEqual([
    'error checkout-window 出入库记录!D6 row 3: 试卷 1304 在 1月18日 08:10 领出后，1月18日 09:00 开考时共有 2 袋在外。这份试卷 1月25日 09:00 还要再考一场（5 人），这一场最多领 1 袋，其余须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出袋数。',
  ]);
});

test('the same in copies (1月18日 10份: both 补考 bags): said in copies', async () => {
  expect(await findingsOf(threeSessions([checkout(11, 57, '份'), checkout(18, 10, '份'), checkout(25, 5, '份')]))).toEqual([
    'error checkout-window 出入库记录!D6 row 3: 试卷 1304 在 1月18日 08:10 领出后，1月18日 09:00 开考时共有 10 份在外。这份试卷 1月25日 09:00 还要再考一场（5 人），按入库清单的袋数，这一场最多领 5 份，其余整袋须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出份数。',
  ]);
});

test('the first session takes a 补考’s bag: said once, at the first checkout (the second’s is not said again)', async () => {
  expect(await findingsOf(threeSessions([checkout(11, 3, '袋'), checkout(18, 1, '袋'), checkout(25, 1, '袋')]))).toEqual([
    'error checkout-window 出入库记录!D4 row 1: 试卷 1304 在 1月11日 08:10 领出后，1月11日 09:00 开考时共有 3 袋在外。这份试卷 1月18日 09:00 还要再考一场（10 人），这一场最多领 2 袋，其余须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出袋数。',
  ]);
});
