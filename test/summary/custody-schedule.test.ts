/**
 * Review 21 D3: custody hours were given when 考试安排 could not be read, though a paper never taken out (3310: no
 * checkout, no room) keeps the vault holding papers until its session ends, which only 考试安排 gives: 23小时35分 to
 * the last checkout, said as known. Now the custody period and the duty cover over it say 考试安排 未能读取 where they
 * truly depend on it (a paper that never left), and stay as read where every paper left (unread-other-forms.test.ts).
 */
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { rowOf } from '../../src/summary/columns';
import { SITE_COLUMNS } from '../../src/summary/tables';
import { summaryTable } from '../../src/taskpane/summary-table';
import { fillWorkbook } from '../../src/cli/fill';
import { fixture } from '../helpers';
import { lostBook } from './unread-books';

jest.setTimeout(60_000);

/** 3310 never leaves the vault: its checkout (出入库记录 row 3) and its room (分发登记3) taken out of kaodian.json. */
const sealed = (data: SiteData) => {
  data.vaultLog = data.vaultLog!.filter((row) => row.paperNo !== '3310');
  data.distributions = data.distributions!.filter((d) => !(d.rows ?? []).some((row) => row.paperNo === '3310'));
};

async function summaryOf(book: Buffer) {
  const model = readWorkbook(await gridFromXlsxBuffer(book));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  const row = rowOf(SITE_COLUMNS, { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null });
  return { s, at: (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)] };
}

const FIGURES = ['custodyHours', 'coveredHours', 'coverage', 'gaps'];
const SCHEDULE_ZH = '考试安排未能读取（见工作表“考试安排”A1 处的问题），考生数、首场开考和余量无从计算，考生数未计入合计';
const CUSTODY_ZH = '有试卷一直没有出库，保管期要到它的考试结束，而考试安排未能读取，保管时长和值班覆盖无从计算';

describe('custody with a paper never taken out', () => {
  it('考试安排 read: custody runs to 3310’s session’s end (2024-06-16 10:00), 47小时50分', async () => {
    const data = fixture('kaodian.json');
    sealed(data);
    const { s, at } = await summaryOf(Buffer.from(await fillWorkbook(data)));
    expect([s.custodySchedule, s.duty.custodyStart, s.duty.custodyEnd, s.duty.custodyHours]).toEqual([
      undefined,
      '2024-06-14T10:10',
      '2024-06-16T10:00',
      47.83,
    ]);
    // The last shift ends at 08:00 that day: its last 2 hours with nobody on duty.
    expect(FIGURES.map(at)).toEqual([47.83, 45.83, 0.958, 1]);
  });

  it('考试安排 not read: custody, cover and gaps 考试安排 未能读取 (were 23小时35分, 100 %), the 说明 says why', async () => {
    const { s, at } = await summaryOf(await lostBook('schedule', undefined, sealed));
    // Made to the last checkout (2045's, 2024-06-15 09:45): 3310's session's end not known.
    expect([s.custodySchedule, s.duty.custodyHours]).toEqual([true, 23.58]);
    // Each of the four says it (review 21b D2: were the first alone, the others blank).
    expect(FIGURES.map(at)).toEqual(['custodySchedule', 'custodySchedule', 'custodySchedule', 'custodySchedule']);
    expect(at('note')).toBe(`${SCHEDULE_ZH}；${CUSTODY_ZH}`);
    const zh = summaryTable(s, 'zh');
    expect(zh.facts.filter(([k]) => ['未能读取', '保管期', '值班覆盖', '值班空档'].includes(k as string))).toEqual([
      ['未能读取', SCHEDULE_ZH],
      ['未能读取', CUSTODY_ZH],
      ['保管期', '考试安排 未能读取'],
      ['值班覆盖', '考试安排 未能读取'],
      ['值班空档', '考试安排 未能读取'],
    ]);
    expect(summaryTable(s, 'en').facts[1]).toEqual([
      'Not read',
      'A paper was never taken out, so custody runs to the end of its session, which the exam schedule (考试安排, not read) gives: custody time and duty cover unknown',
    ]);
  });

  it('only a 报考人数 showing #N/A (every session known): custody as read', async () => {
    const data = fixture('kaodian.json');
    sealed(data);
    data.schedule![1].candidates = '#N/A';
    const { s, at } = await summaryOf(Buffer.from(await fillWorkbook(data)));
    expect([s.unread?.map((u) => u.cell), s.custodySchedule, FIGURES.map(at)]).toEqual([['F4'], undefined, [47.83, 45.83, 0.958, 1]]);
  });
});
