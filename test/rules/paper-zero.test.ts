/**
 * A 试卷号 with a leading zero: typed as text (“02045”) in 考试安排 and 入库清单, but a number cell (2045: Excel
 * drops the zero from a cell that is not text) in 出入库记录 and 分发登记. One paper (model/paper-code.ts): no
 * finding on a correct site, one 试卷号 row in the summary shown as first written, and a planted mistake said
 * with the code its cell holds.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { brief, modelOf } from './shape-sites';

/** The 岳麓考点 fixture's 2045 cells (考试安排 row 4, 入库清单 row 5, 出入库记录 row 5, 分发登记2 row 6). */
const AS_TYPED: Record<string, string | number> = { '考试安排!B4': '02045', '入库清单!B5': '02045', '出入库记录!B5': 2045, '分发登记2!B6': 2045 };

/** The fixture, edited, filled, then the cells typed over with exceljs (a number cell where a number is given). */
async function site(edit: (data: SiteData) => void = () => undefined, typed = AS_TYPED) {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
  edit(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
  for (const [at, value] of Object.entries(typed)) {
    const [sheet, cell] = at.split('!');
    wb.getWorksheet(sheet)!.getCell(cell).value = value;
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const model = await modelOf(bytes);
  const findings = validateSite(model);
  return { bytes, findings: findings.map((f) => `${f.severity} ${brief(f)}`), summary: summarizeSite(model, findings) };
}

test('the workbook holds what the test means: text cells 02045, number cells 2045', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await site()).bytes as unknown as ArrayBuffer);
  const cell = (at: string) => wb.getWorksheet(at.split('!')[0])!.getCell(at.split('!')[1]);
  expect(Object.keys(AS_TYPED).map((at) => [at, cell(at).type, cell(at).value])).toEqual([
    ['考试安排!B4', ExcelJS.ValueType.String, '02045'],
    ['入库清单!B5', ExcelJS.ValueType.String, '02045'],
    ['出入库记录!B5', ExcelJS.ValueType.Number, 2045],
    ['分发登记2!B6', ExcelJS.ValueType.Number, 2045],
  ]);
});

test('a correct site: no finding, and 02045 once in the summary with its checkout and handout', async () => {
  const { findings, summary } = await site();
  expect(findings).toEqual([]);
  expect(summary.papers.map((p) => [p.paperNo, p.paperName, p.candidates, p.copies, p.checkouts, p.returns, p.copiesDistributed, p.rooms])).toEqual([
    ['1001', '高等数学基础', 57, 62, 1, 1, 57, ['01', '02']],
    ['02045', '管理学基础', 31, 31, 1, 1, 31, ['01']],
    ['3310', '中国现代文学', 20, 22, 1, 1, 20, ['01']],
  ]);
  expect(summary.totals).toMatchObject({ papers: 3, checkouts: 3, copiesDistributed: 108 });
});

/** The other way round: 考试安排 and 入库清单 number cells, 出入库记录 and 分发登记 text. */
const SWAPPED: Record<string, string | number> = { '考试安排!B4': 2045, '入库清单!B5': 2045, '出入库记录!B5': '02045', '分发登记2!B6': '02045' };

test('swapped (numbers in 考试安排 and 入库清单): no finding, and the summary shows 2045, as its first row writes it', async () => {
  const { findings, summary } = await site(undefined, SWAPPED);
  expect(findings).toEqual([]);
  expect(summary.papers.map((p) => [p.paperNo, p.checkouts, p.copiesDistributed])).toEqual([
    ['1001', 1, 57],
    ['2045', 1, 31],
    ['3310', 1, 20],
  ]);
});

describe.each([
  ['text in 考试安排 and 入库清单', AS_TYPED, '02045', '2045'],
  ['text in 出入库记录 and 分发登记', SWAPPED, '2045', '02045'],
])('a planted mistake is still found, said with the code its cell holds (%s)', (_, typed, planned, used) => {
  const without = (at: string) => Object.fromEntries(Object.entries(typed).filter(([k]) => k !== at));

  test(`too few copies (40 candidates): copies-short quotes the intake row’s ${planned}`, async () => {
    const { findings } = await site((d) => void (d.schedule![1].candidates = 40), typed);
    expect(findings).toEqual([
      `error copies-short 入库清单!H5 row 2: 试卷 ${planned} 入库 1 袋共 31 份（31×1+26×0+11×0+5×0），少于报考人数 40 人。试卷份数须够每位考生一份，请核对袋数或报考人数，不足的须及时向上级报告补发。`,
    ]);
  });

  test('a scheduled paper on no intake list (07001): copies-short quotes its schedule row', async () => {
    const session = { paperNo: '07001', paperName: '社会学概论', start: '2024-06-16T10:30', end: '2024-06-16T12:00', candidates: 5 };
    const { findings } = await site((d) => void d.schedule!.push(session), typed);
    expect(findings).toEqual([
      'error copies-short 考试安排!B6 row 4: 考试安排上试卷 07001 有 5 人报考，但入库清单上没有这份试卷。请核对是漏收还是漏记：漏记的补入入库清单，没有收到的须及时向上级报告补发。',
    ]);
  });

  test(`3 bags taken out under another name: overdraw and paper-name-mismatch quote the vault row’s ${used}`, async () => {
    const { findings } = await site((d) => Object.assign(d.vaultLog![1], { paperName: '管理学', quantity: 3 }), typed);
    expect(findings).toEqual([
      `warning paper-name-mismatch 出入库记录!C5 row 2: 试卷号 ${used} 在这里写作“管理学”，而其他表（入库清单、考试安排、分发登记表）写作“管理学基础”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了。`,
      `error overdraw 出入库记录!D5 row 2: 试卷 ${used} 在 6月15日 09:45 出库 3 袋后，同时在库外的共 3 袋，但到这时入库清单上这份试卷只有 1 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。`,
    ]);
  });

  test(`35 copies to a room from one bag: handed-out-beyond-checkout quotes the register row’s ${used}`, async () => {
    const { findings } = await site((d) => void (d.distributions![1].rows![0].copies = 35), typed);
    expect(findings).toEqual([
      `error handed-out-beyond-checkout 分发登记2!D6 row 1: 第 01 考场领取试卷 ${used} 35 份后，这一场共发出 35 份，而这一场从保密室领出的最多只有 31 份（1 袋）。发到考场的试卷不能多于出库的试卷，请核对试卷份数或出入库记录的数量。`,
    ]);
  });

  test(`the session’s 分发登记 missing: session-without-register quotes the vault row’s ${used}`, async () => {
    const { findings } = await site((d) => void d.distributions!.splice(1, 1), without('分发登记2!B6'));
    expect(findings).toEqual([
      `error session-without-register 出入库记录!B5 row 2: 试卷 ${used} 在 6月15日 09:45 出库，供 6月15日 10:30 开考的这一场使用，但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。试卷分发至考场及回收须当场签写附件4，请补上这一场的登记表或登记行。`,
    ]);
  });

  test('a code naming no paper (2046, 02046) is still unknown', async () => {
    const other = typeof typed['出入库记录!B5'] === 'number' ? 2046 : '02046';
    const { findings } = await site(undefined, { ...typed, '出入库记录!B5': other });
    expect(findings).toEqual([
      `error unknown-paper 出入库记录!B5 row 2: 试卷号“${other}”既不在入库清单上，也不在考试安排里。出库或分发的试卷须是本单位入库的试卷，请核对试卷号（是否写错）。`,
    ]);
  });
});
