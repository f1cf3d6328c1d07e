/**
 * The outside review's round 6 (test/fixtures/review6/), D1, D6 and D7.
 * D1: a paper's spare bag on a row of its own (“计算机应用基础（备用卷）”) was taken for another name of the paper.
 * D6: English messages carried Chinese units (“(2 袋)”).
 * D7: a send-back's mismatch pointed at the send-back's first row, not the paper whose bags differ.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { ALL_META } from '../../src/rules/index';
import { brief, modelOf, tuple } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW6 = path.join(__dirname, '..', 'fixtures', 'review6');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW6, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)));

describe('D1: a spare bag (备用卷) on a row of its own is the same paper', () => {
  const SPARE_ROWS = 'u-zhijiang-spare-rows-kaodian';
  const spareRow = (data: SiteData) => (data.intake as Intake[])[0].items![1];

  test('u-zhijiang-spare-rows-kaodian (“计算机应用基础（备用卷）” on 入库清单 and 出入库记录): no finding', async () => {
    expect((await findingsOf(site(SPARE_ROWS))).map(brief)).toEqual([]);
  });

  test.each(['计算机应用基础备用卷', '计算机应用基础(备用)', '计算机应用基础 备用', '计算机应用基础（备份卷）', '计算机应用基础（A卷）（备用卷）'])(
    'the spare written %p: no finding',
    async (name) => {
      const data = site(SPARE_ROWS);
      spareRow(data).paperName = name;
      expect((await findingsOf(data)).map(brief)).toEqual([]);
    },
  );

  test('a spare row under another name still warns, quoting the paper’s name bare', async () => {
    const data = site(SPARE_ROWS);
    spareRow(data).paperName = '计算机应用（备用卷）';
    expect((await findingsOf(data)).map(brief)).toEqual([
      'paper-name-mismatch 入库清单1!C5 row 2: 试卷号 1304 在这里写作“计算机应用（备用卷）”，而其他表（入库清单、考试安排、出入库记录、分发登记表）写作“计算机应用基础”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了。',
    ]);
  });
});

describe('D6: English messages in English words, saying what to do', () => {
  const workbook = (name: string) => modelOf(fs.readFileSync(path.join(REVIEW6, 'xlsx', `${name}.xlsx`)));

  test('v-all-edits-planted in English: the bags left the vault are “2 bags”, not “2 袋”', async () => {
    const findings = validateSite(await workbook('v-all-edits-planted'), { lang: 'en' });
    expect(findings.filter((f) => f.rule === 'handed-out-beyond-checkout').map(brief)).toEqual([
      'handed-out-beyond-checkout 分发登记5!D8 row 3: With 3 copies of paper 5501 to room 03, the session’s handouts come to 63 copies, but at most 62 left the vault for it (2 bags). Rooms cannot receive more copies than were taken out; check the copies or the vault log quantity.',
    ]);
    expect(findings.map(tuple)).toEqual([
      ['column-total', 1, '交接单1', 'D17', null],
      ['handed-out-beyond-checkout', 4, '分发登记5', 'D8', 3],
      ['checkout-window', 3, '附件3（1月） (2)', 'F4', 1],
    ]);
  });

  test('one bag in English is “1 bag”; in Chinese “1 袋” as before', async () => {
    const data = site('u-zhijiang-3days-daily-kaodian');
    const rows = data.distributions!.flatMap((d) => d.rows ?? []).filter((r) => r.paperNo === '4405');
    rows[0].copies = Number(rows[0].copies) + 2;
    const model = await modelOf(await fillWorkbook(data));
    expect(validateSite(model, { lang: 'en' }).map(brief)).toEqual([
      'handed-out-beyond-checkout 分发登记4!D6 row 1: With 27 copies of paper 4405 to room 01, the session’s handouts come to 27 copies, but at most 26 left the vault for it (1 bag). Rooms cannot receive more copies than were taken out; check the copies or the vault log quantity.',
    ]);
    expect(validateSite(model).map(brief)).toEqual([
      'handed-out-beyond-checkout 分发登记4!D6 row 1: 第 01 考场领取试卷 4405 27 份后，这一场共发出 27 份，而这一场从保密室领出的最多只有 26 份（1 袋）。发到考场的试卷不能多于出库的试卷，请核对试卷份数或出入库记录的数量。',
    ]);
  });

  /** A sentence or clause that tells the officer what to do: it starts with one of these verbs. */
  const FIX =
    /(?:^|[.:;,]\s+|\b(?:or|and|otherwise|then)\s+)(?:check|correct|recount|write|add|have|delete|move|fill|record|report|send|enter|set|pick|decide|compare|find|take|unhide)\b/i;

  test('every English message whose Chinese asks the officer to do something (请…) says what to do too', () => {
    const mute = ALL_META.flatMap((meta) =>
      Object.keys(meta.messages.zh)
        .filter((id) => meta.messages.zh[id].includes('请') && !FIX.test(meta.messages.en[id]))
        .map((id) => `${meta.id}.${id}: ${meta.messages.en[id]}`),
    );
    expect(mute).toEqual([]);
  });
});

describe('D7: a send-back whose bags differ, at the paper that differs', () => {
  const PLANTED = 'u-zhijiang-3days-daily-kaodian-planted';

  test('u-zhijiang-3days-daily-kaodian-planted: at 5501’s row (D14), naming 5501', async () => {
    const model = await modelOf(await fillWorkbook(site(PLANTED)));
    expect(validateSite(model).map(brief)).toEqual([
      'intake-before-receipt 入库清单3!C17 row null: 入库时间 1月9日 07:45 早于试卷交接到本单位的时间 1月10日 07:30（交接单“交接单3”）。试卷须先交接接收、后入库清点，请核对入库时间或交接时间。',
      'spare-bag-out 出入库记录!D8 row 5: 试卷 5501 在 1月10日 08:10 领出后共 3 袋在外，而按交接单备注，这份试卷的 3 袋中有 1 袋是备用卷，考试用卷只有 2 袋。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。',
      'dispatch-without-handover 出入库记录!D14 row 11: 1月10日 16:20 出库送回怀化分校的试卷在出入库记录上共 17 袋（第 7、8、9、10、11、12 行），而送回的交接单（交接单4）上是 16 袋，不一致的是试卷 5501（出入库记录第 11 行 3 袋，交接单 2 袋）。送回的试卷须与双方签写的交接单一致，请核对数量；确有试卷没有随交接单送回的，须立即查明去向。',
    ]);
    expect(validateSite(model, { lang: 'en' }).find((f) => f.rule === 'dispatch-without-handover')!.message).toBe(
      'The papers taken out at Jan 10 16:20 to be sent back to 怀化分校 are 17 bags on the vault log (Nos. 7, 8, 9, 10, 11, 12), but 16 bags on the sheet that sends them back (交接单4); the papers that differ: 5501 (3 bags on vault log No. 11, 2 bags on the sheet). Papers sent back must agree with the handover sheet signed by both sides; check the counts, and if papers did not go back with the sheet, find out at once where they are.',
    );
  });

  test('a paper the sheet leaves out: said as not on the sheet', async () => {
    const data = site(PLANTED);
    const sendBack = data.handovers!.at(-1)!;
    sendBack.items = sendBack.items!.filter((it) => !String(it.note).startsWith('6602'));
    sendBack.items.find((it) => String(it.note).startsWith('5501'))!.quantity = 3;
    sendBack.total = 15;
    expect((await findingsOf(data)).filter((f) => f.rule === 'dispatch-without-handover').map(brief)).toEqual([
      'dispatch-without-handover 出入库记录!D15 row 12: 1月10日 16:20 出库送回怀化分校的试卷在出入库记录上共 17 袋（第 7、8、9、10、11、12 行），而送回的交接单（交接单4）上是 15 袋，不一致的是试卷 6602（出入库记录第 12 行 2 袋，交接单上没有）。送回的试卷须与双方签写的交接单一致，请核对数量；确有试卷没有随交接单送回的，须立即查明去向。',
    ]);
  });

  test('items that do not each name one paper: at the first row, as before, naming none', async () => {
    const data = site(PLANTED);
    for (const it of data.handovers!.at(-1)!.items!) it.note = '已考';
    expect((await findingsOf(data)).filter((f) => f.rule === 'dispatch-without-handover').map(brief)).toEqual([
      'dispatch-without-handover 出入库记录!D10 row 7: 1月10日 16:20 出库送回怀化分校的试卷在出入库记录上共 17 袋（第 7、8、9、10、11、12 行），而送回的交接单（交接单4）上是 16 袋。送回的试卷须与双方签写的交接单一致，请核对数量；确有试卷没有随交接单送回的，须立即查明去向。',
    ]);
  });
});
