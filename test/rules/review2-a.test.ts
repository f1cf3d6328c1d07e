/**
 * The outside review round 2 (test/fixtures/review2/), part A: D2 (a sheet of the unit's own read as a second
 * 考试安排), D5 (AB卷 names; one paper named otherwise is one finding), D6 (a 0-candidate paper taken out and never
 * written back: one finding, not three), D8 (arrival said exactly; copies-short at the row's bags). Each correct
 * site gives no finding at all; each planted mistake exactly its finding (rule, form, sheet, cell, row, message).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { brief, modelOf, tuple } from './shape-sites';

const REVIEW2 = path.join(__dirname, '..', 'fixtures', 'review2');
const site = (name: string) => JSON.parse(fs.readFileSync(path.join(REVIEW2, `${name}.json`), 'utf8')) as SiteData;
const handTyped = (name: string) => readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(REVIEW2, 'xlsx', `${name}.xlsx`)))));

async function filled(name: string, edit?: (d: SiteData) => void) {
  const data = site(name);
  edit?.(data);
  return modelOf(await fillWorkbook(data));
}

async function findings(name: string, edit?: (d: SiteData) => void, lang: 'zh' | 'en' = 'zh'): Promise<Finding[]> {
  return validateSite(await filled(name, edit), { lang });
}

describe('D2: a sheet of the unit’s own with 试卷号 and 人数 is not a second 考试安排', () => {
  const SCHEDULE = [
    ['1304', 52],
    ['2216', 33],
    ['3307', 24],
    ['4405', 40],
    ['5501', 18],
    ['6602', 9],
  ];

  test.each([
    // 监考安排: 考场号 · 试卷号 · 试卷名称 · 监考人员 · 考试时间 · 人数, a row per room.
    'o-liuyang-notes-extra',
    // 考试时间表: the published timetable pasted beside the form (试卷号 · 试卷名称 · 考试日期 · 考试时间 · 考生人数).
    'o-liuyang-extra-timetable',
  ])('%s: no finding; the schedule is 考试安排’s six sessions, 176 candidates; the extra sheet is no form', (name) => {
    const model = handTyped(name);
    expect(validateSite(model).map(brief)).toEqual([]);
    expect(model.data.schedule!.map((s) => [s.paperNo, s.candidates])).toEqual(SCHEDULE);
    const extra = model.sheets[model.sheets.length - 1];
    expect(extra).toEqual({ sheet: name === 'o-liuyang-notes-extra' ? '监考安排' : '考试时间表', form: null });
  });

  test('the summary counts 176 candidates, not 268', () => {
    const summary = summarizeSite(handTyped('o-liuyang-notes-extra'));
    expect(summary.totals.candidates).toBe(176);
    expect(summary.papers.map((p) => [p.paperNo, p.candidates])).toEqual(SCHEDULE);
  });

  test('the same 考试安排 twice (the sheet copied): read once, no figure doubled, no finding', async () => {
    const data = site('i-liuyang-two-weekends-kaodian');
    const grid = readXlsxInNode(new Uint8Array(await fillWorkbook(data)));
    const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
    grid.sheets.push({ ...schedule, name: '考试安排 (2)' });
    const model = readWorkbook(grid);
    expect(model.data.schedule).toEqual(data.schedule);
    expect(validateSite(model).map(brief)).toEqual([]);
  });

  test('the unit’s own sheet placed before 考试安排: 考试安排 is still the form', async () => {
    const grid = readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(REVIEW2, 'xlsx', 'o-liuyang-notes-extra.xlsx'))));
    grid.sheets.unshift(grid.sheets.pop()!);
    const model = readWorkbook(grid);
    expect(validateSite(model).map(brief)).toEqual([]);
    expect(model.data.schedule!.map((s) => [s.paperNo, s.candidates])).toEqual(SCHEDULE);
  });

  test('考试安排 continued on a second sheet (other papers) is still read as the form', async () => {
    const data = site('i-liuyang-two-weekends-kaodian');
    const grid = readXlsxInNode(new Uint8Array(await fillWorkbook(data)));
    const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
    // The second weekend's sessions moved onto a sheet of their own (title and header copied).
    const rows = schedule.rows.map((r) => (r ? [...r] : r));
    const second = { ...schedule, name: '考试安排（续）', rows: [rows[0], rows[1], ...rows.slice(5, 8)] };
    schedule.rows = [...rows.slice(0, 5), ...rows.slice(8)];
    grid.sheets.splice(grid.sheets.indexOf(schedule) + 1, 0, second);
    const model = readWorkbook(grid);
    expect(model.data.schedule!.map((s) => [s.paperNo, s.candidates])).toEqual(SCHEDULE);
  });
});

describe('D5: AB卷 — one paper code, two versions — is one name; a name written otherwise is one finding', () => {
  test('n-wugang-ab-zero-cancelled-kaodian (“计算机应用基础（A卷）/（B卷）”): no finding', async () => {
    expect((await findings('n-wugang-ab-zero-cancelled-kaodian')).map(brief)).toEqual([]);
  });

  test.each(['计算机应用基础A卷', '计算机应用基础(B卷)', '计算机应用基础 （B卷）'])('written %p: no finding', async (name) => {
    const edit = (d: SiteData) => void (d.vaultLog![0].paperName = name);
    expect((await findings('n-wugang-ab-zero-cancelled-kaodian', edit)).map(brief)).toEqual([]);
  });

  test('one paper written “计算机应用” on the vault log and a register row: one finding at the first, naming the other', async () => {
    const edit = (d: SiteData) => {
      d.vaultLog![0].paperName = '计算机应用';
      d.distributions![0].rows![1].paperName = '计算机应用';
    };
    const found = await findings('n-wugang-ab-zero-cancelled-kaodian', edit);
    expect(found.map(tuple)).toEqual([['paper-name-mismatch', 3, '出入库记录', 'C4', 1]]);
    expect(found[0].message).toBe(
      '试卷号 1304 在这里写作“计算机应用”，另有 1 处写法也与其他表不同（分发登记 C7“计算机应用”），而其他表（入库清单、考试安排、分发登记表）写作“计算机应用基础”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了，这几处一并改正。',
    );
    const en = await findings('n-wugang-ab-zero-cancelled-kaodian', edit, 'en');
    expect(en[0].message).toMatch(/^Paper 1304 is named "计算机应用" here, and differently from the rest in 1 more place \(分发登记 C7“计算机应用”\)/);
  });
});

describe('D6: a 0-candidate paper taken out on exam day and never written back: one finding, not three', () => {
  test('the planted site: not-returned at I5, and the send-back sheet’s 3 bags for 2 — nothing else', async () => {
    const found = await findings('n-wugang-ab-zero-cancelled-kaodian-planted');
    expect(found.map(tuple)).toEqual([
      ['not-returned', 3, '出入库记录', 'I5', 2],
      // At 3307's row, the paper the sheet's 2 bags differ for (review6 D7; was the send-back's first row, 2216's D6).
      ['dispatch-without-handover', 3, '出入库记录', 'D7', 4],
    ]);
    expect(found[0].message).toBe(
      '试卷 2216 于 1月11日 13:10 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
    );
  });

  test('a real overdraw is still found: 2 bags of 2216 taken out on exam day where 1 was taken in', async () => {
    const found = await findings('n-wugang-ab-zero-cancelled-kaodian-planted', (d) => void (d.vaultLog![1].quantity = 2));
    expect(found.map(tuple)).toEqual([
      ['overdraw', 3, '出入库记录', 'D5', 2],
      ['not-returned', 3, '出入库记录', 'I5', 2],
      // At 3307's row, the paper the sheet's 2 bags differ for (review6 D7; was the send-back's first row, 2216's D6).
      ['dispatch-without-handover', 3, '出入库记录', 'D7', 4],
    ]);
  });

  test('a paper with candidates taken out with no register for its session is still session-without-register', async () => {
    const edit = (d: SiteData) => void (d.schedule![1].candidates = 3);
    const found = await findings('n-wugang-ab-zero-cancelled-kaodian-planted', edit);
    expect(found.map((f) => f.rule)).toContain('session-without-register');
  });
});

describe('D8: arrival said exactly; too few copies pointed at the bags', () => {
  test('a delivery 2 days 18 hours before the first session: “早了 2天18小时”, at 交接单2 C3', async () => {
    const found = await findings('i-liuyang-two-deliveries-kaodian-planted');
    const arrival = found.filter((f) => f.rule === 'arrival-too-early');
    expect(arrival.map(tuple)).toEqual([['arrival-too-early', 1, '交接单2', 'C3', null]]);
    expect(arrival[0].message).toMatch(/^试卷 1月8日 15:00 交接到浏阳考点，比最早一场考试（1月11日 09:00）早了 2天18小时。/);
    const en = await findings('i-liuyang-two-deliveries-kaodian-planted', undefined, 'en');
    expect(en.find((f) => f.rule === 'arrival-too-early')!.message).toMatch(/at Jan 8 15:00, 2 days 18 h before the first session/);
  });

  test('6602: 12 candidates for 11 copies — at the 入库清单 row’s 合计（袋）, not its 序号', () => {
    const found = validateSite(handTyped('o-liuyang-notes-all-planted'));
    expect(found.filter((f) => f.rule === 'copies-short').map(tuple)).toEqual([['copies-short', 2, '入库清单', 'H9', 6]]);
  });
});

describe('codes told apart by a letter after them, each with a name of its own, are two papers (not an AB卷)', () => {
  /** 浏阳考点 with its 1304 written 1304A and its 4405 (法律基础) written 1304B everywhere. */
  const lettered = (d: SiteData) => {
    const recode = (row: { paperNo?: unknown } | null | undefined) => {
      if (row?.paperNo === '1304') row.paperNo = '1304A';
      else if (row?.paperNo === '4405') row.paperNo = '1304B';
    };
    d.schedule?.forEach(recode);
    d.vaultLog?.forEach(recode);
    [d.intake ?? []].flat().forEach((list) => list?.items?.forEach(recode));
    d.distributions?.forEach((dist) => dist?.rows?.forEach(recode));
  };

  test('1304A 计算机应用基础 and 1304B 法律基础: no finding (was paper-name-mismatch at 入库清单 C7)', async () => {
    expect((await findings('i-liuyang-two-weekends-kaodian', lettered)).map(brief)).toEqual([]);
  });

  test('one of them named otherwise once is still said, of the code as written', async () => {
    const found = await findings('i-liuyang-two-weekends-kaodian', (d) => {
      lettered(d);
      d.vaultLog!.find((r) => r?.paperNo === '1304B')!.paperName = '计算机应用基础';
    });
    expect(found.map(brief)).toEqual([
      'paper-name-mismatch 出入库记录!C7 row 4: 试卷号 1304B 在这里写作“计算机应用基础”，而其他表（入库清单、考试安排、分发登记表）写作“法律基础”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了。',
    ]);
  });
});
