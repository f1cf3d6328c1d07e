/**
 * The outside review round 2 (test/fixtures/review2/), the defects left open: AB卷 written as two paper codes
 * (1304A, 1304B) is one paper; 考试安排 copied with another 报考人数 is said; a sheet of the unit's own with a paper
 * 考试安排 lacks is no continuation of it. Each correct site gives no finding at all; each planted mistake exactly its
 * finding (rule, form, sheet, cell, row, message).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { WorkbookGrid } from '../../src/model/grid';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { brief, modelOf, tuple } from './shape-sites';

const REVIEW2 = path.join(__dirname, '..', 'fixtures', 'review2');
const site = (name: string) => JSON.parse(fs.readFileSync(path.join(REVIEW2, `${name}.json`), 'utf8')) as SiteData;
const gridOf = (name: string): WorkbookGrid => readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(REVIEW2, 'xlsx', `${name}.xlsx`))));

async function filled(name: string, edit?: (d: SiteData) => void) {
  const data = site(name);
  edit?.(data);
  return modelOf(await fillWorkbook(data));
}

async function findings(name: string, edit?: (d: SiteData) => void): Promise<Finding[]> {
  return validateSite(await filled(name, edit));
}

/** Paper, copies, candidates, bags out, copies handed to rooms, rooms: what the summary says of each paper. */
async function papers(name: string, edit?: (d: SiteData) => void) {
  return summarizeSite(await filled(name, edit)).papers.map((p) => [p.paperNo, p.copies, p.candidates, p.bagsOut, p.copiesDistributed, p.rooms]);
}

const WUGANG = [
  ['1304', 62, 60, 2, 60, ['01', '02']],
  ['2216', 5, 0, 0, 0, []],
  ['3307', 26, 20, 0, 0, []],
];

/** The vault log's one 1304 row of 2 bags written as a row per version, 1304A and 1304B, a bag each. */
function logByVersion(d: SiteData): void {
  const log = d.vaultLog!;
  const i = log.findIndex((r) => r.paperNo === '1304');
  log.splice(i, 1, { ...log[i], paperNo: '1304A', quantity: 1 }, { ...log[i], paperNo: '1304B', quantity: 1 });
}

describe('AB卷 written as two paper codes, 1304A and 1304B, is one paper 1304', () => {
  test('n-wugang-ab-codes-kaodian (考试安排 1304 once; 入库清单 and 附件4 1304A/1304B; the vault log 1304, 2 bags): no finding', async () => {
    // Before: copies-short 考试安排 B3 (no 1304 taken in), session-without-register 出入库记录 B4, and
    // distribution-outside-custody at each of the four room rows (no checkout of 1304A/1304B that day).
    expect((await findings('n-wugang-ab-codes-kaodian')).map(brief)).toEqual([]);
    expect(await papers('n-wugang-ab-codes-kaodian')).toEqual(WUGANG);
  });

  test('the same with the vault log a row per version (1304A, 1304B): no finding, the same figures', async () => {
    expect((await findings('n-wugang-ab-codes-kaodian', logByVersion)).map(brief)).toEqual([]);
    expect(await papers('n-wugang-ab-codes-kaodian', logByVersion)).toEqual(WUGANG);
  });

  test('n-wugang-ab-codes-schedule-kaodian (考试安排 1304A and 1304B, 60 candidates each): no finding, 60 candidates', async () => {
    // Before: copies-short at 入库清单 H4 and H5, 31 copies of each version for 60 candidates.
    expect((await findings('n-wugang-ab-codes-schedule-kaodian')).map(brief)).toEqual([]);
    expect(await papers('n-wugang-ab-codes-schedule-kaodian')).toEqual(WUGANG);
  });

  test('考试安排 1304A and 1304B with the vault log’s one 1304 row: no finding (it was unknown-paper)', async () => {
    const oneRow = (d: SiteData) => {
      const log = d.vaultLog!;
      const i = log.findIndex((r) => r.paperNo === '1304A');
      log.splice(i, 2, { ...log[i], paperNo: '1304', quantity: 2 });
    };
    expect((await findings('n-wugang-ab-codes-schedule-kaodian', oneRow)).map(brief)).toEqual([]);
  });

  test('考试安排 1304A 31 and 1304B 29 candidates: each version’s share, 60 in all', async () => {
    const shares = (d: SiteData) => {
      d.schedule![0].candidates = 31;
      d.schedule![1].candidates = 29;
    };
    expect((await findings('n-wugang-ab-codes-schedule-kaodian', shares)).map(brief)).toEqual([]);
    expect(await papers('n-wugang-ab-codes-schedule-kaodian', shares)).toEqual(WUGANG);
  });

  test('planted: 70 candidates for the two versions’ 62 copies — one copies-short, at the first version’s bags', async () => {
    const found = await findings('n-wugang-ab-codes-kaodian', (d) => void (d.schedule![0].candidates = 70));
    expect(found.map(tuple)).toEqual([['copies-short', 2, '入库清单', 'H4', 1]]);
    expect(found[0].message).toBe(
      '试卷 1304 入库 2 袋共 62 份（31×1+26×0+11×0+5×0 + 31×1+26×0+11×0+5×0），少于报考人数 70 人。试卷份数须够每位考生一份，请核对袋数或报考人数，不足的须及时向上级报告补发。',
    );
  });

  test('planted: 1304B collected from room 01 after the bags were back — at its cell, naming 1304B as written', async () => {
    const found = await findings('n-wugang-ab-codes-kaodian', (d) => void (d.distributions![0].rows![1].returnedAt = '2025-01-11T11:00'));
    expect(found.map(tuple)).toEqual([['distribution-outside-custody', 4, '分发登记', 'H7', 2]]);
    expect(found[0].message).toBe(
      '试卷 1304B 在 1月11日 11:00 才从第 01 考场回收，但出入库记录第 1 行写它 1月11日 10:45 已还回保密室。须先回收、后入库，请核对回收时间或还卷时间。',
    );
  });
});

describe('a sheet of the unit’s own is no continuation of 考试安排, though it lists a paper 考试安排 lacks', () => {
  const SCHEDULE = [
    ['1304', 52],
    ['2216', 33],
    ['3307', 24],
    ['4405', 40],
    ['5501', 18],
    ['6602', 9],
  ];

  test('o-liuyang-notes-extra-paper (监考安排: rooms for 1304 and 4405, and 7701): no finding; 考试安排’s six sessions', () => {
    // Before: 监考安排 read as 考试安排 continued — copies-short at 入库清单 H4 (104 candidates) and H7 (80), and at
    // 监考安排 B5 (7701 on no intake list), required-field at 监考安排 B1 (no 开考时间, 结束时间).
    const model = readWorkbook(gridOf('o-liuyang-notes-extra-paper'));
    expect(validateSite(model).map(brief)).toEqual([]);
    expect(model.data.schedule!.map((s) => [s.paperNo, s.candidates])).toEqual(SCHEDULE);
    expect(model.sheets.find((s) => s.sheet === '监考安排')).toEqual({ sheet: '监考安排', form: null });
    expect(summarizeSite(model).totals.candidates).toBe(176);
  });

  test.each(['考场安排', '考试时间表', '监考安排表'])('the same sheet named %p: no finding, no form', (name) => {
    const grid = gridOf('o-liuyang-notes-extra-paper');
    grid.sheets.find((s) => s.name === '监考安排')!.name = name;
    const model = readWorkbook(grid);
    expect(validateSite(model).map(brief)).toEqual([]);
    expect(model.sheets.find((s) => s.sheet === name)).toEqual({ sheet: name, form: null });
  });

  test.each(['Sheet2', '考试安排（续）', '考试安排 (2)', '1月11日', '第二周', '1.11-1.12', '周六下午', '第二周考试'])(
    'a sheet named %p with 考试安排’s header and a paper more continues the form',
    async (name) => {
      const data = site('i-liuyang-two-weekends-kaodian');
      const grid = readXlsxInNode(new Uint8Array(await fillWorkbook(data)));
      const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
      // The second weekend's sessions on a sheet of their own: the header row, no title.
      const rows = schedule.rows.map((r) => (r ? [...r] : r));
      schedule.rows = [...rows.slice(0, 5), ...rows.slice(8)];
      grid.sheets.splice(grid.sheets.indexOf(schedule) + 1, 0, { name, rows: [rows[1], ...rows.slice(5, 8)], merges: [] });
      const model = readWorkbook(grid);
      expect(model.data.schedule!.map((s) => s.paperNo)).toEqual(data.schedule!.map((s) => s.paperNo));
      expect(model.sheets.find((s) => s.sheet === name)).toEqual({ sheet: name, form: 'schedule' });
    },
  );
});

describe('考试安排 copied with another 报考人数: the two timetables disagree — said at the copy’s cell, the first used', () => {
  /** i-liuyang's workbook with 考试安排 copied onto sheet `name`, 4405's 报考人数 (F6, 40 on the first) typed `value` there. */
  async function copied(name: string, value: unknown) {
    const data = site('i-liuyang-two-weekends-kaodian');
    const grid = readXlsxInNode(new Uint8Array(await fillWorkbook(data)));
    const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
    const rows = schedule.rows.map((r) => (r ? [...r] : r));
    rows[5][5] = value as never;
    grid.sheets.push({ ...schedule, name, rows });
    return { data, model: readWorkbook(grid) };
  }

  test('“考试安排 (2)” with 45 for 40: one warning at 考试安排 (2) F6, naming 考试安排 F6; the schedule is the first’s', async () => {
    const { data, model } = await copied('考试安排 (2)', 45);
    // Before: the copy set aside without a word.
    const found = validateSite(model);
    expect(found.map(tuple)).toEqual([['schedule-copies-disagree', 0, '考试安排 (2)', 'F6', 4]]);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toBe(
      '本表是考试安排的又一份，试卷 4405 的报考人数写的是 45，而考试安排 F6 写的是 40。两份考试安排不一致，试卷份数是按考试安排的 40 人核对的。请核对哪个人数是对的，改正后只留一份考试安排。',
    );
    expect(validateSite(model, { lang: 'en' })[0].message).toBe(
      'This sheet is another copy of the schedule: it gives paper 4405 45 candidates, but 考试安排 F6 gives 40. The two schedules disagree; copies were checked against 考试安排’s 40. Check which number is right, correct it, and keep one schedule.',
    );
    expect(model.data.schedule).toEqual(data.schedule);
  });

  test('a sheet of another name with the 考试安排 title is a copy too: the same warning there', async () => {
    const { model } = await copied('时间安排', 45); // its title, A1, is 考试安排's
    expect(validateSite(model).map(tuple)).toEqual([['schedule-copies-disagree', 0, '时间安排', 'F6', 4]]);
  });

  test('the copy with the same numbers, or the cell left blank: nothing to say', async () => {
    expect(validateSite((await copied('考试安排 (2)', 40)).model).map(brief)).toEqual([]);
    expect(validateSite((await copied('考试安排 (2)', null)).model).map(brief)).toEqual([]);
  });
});

describe('考试安排 continued on 考试安排（续） with a paper of the first sheet at another time is a continuation, not a copy', () => {
  /** i-liuyang with its 4405 (法律基础) sat as a second session of 1304 on the second weekend, that row alone on 考试安排（续）. */
  async function continued() {
    const text = fs.readFileSync(path.join(REVIEW2, 'i-liuyang-two-weekends-kaodian.json'), 'utf8');
    const data = JSON.parse(text.replace(/"4405"/g, '"1304"').replace(/法律基础/g, '计算机应用基础')) as SiteData;
    const grid = readXlsxInNode(new Uint8Array(await fillWorkbook(data)));
    const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
    const rows = schedule.rows.map((r) => (r ? [...r] : r));
    schedule.rows = [...rows.slice(0, 5), ...rows.slice(6)];
    grid.sheets.splice(grid.sheets.indexOf(schedule) + 1, 0, { ...schedule, name: '考试安排（续）', rows: [rows[0], rows[1], rows[5]] });
    return readWorkbook(grid);
  }

  test('no finding (was schedule-copies-disagree at 考试安排（续）F3, checkout-window F7, not-returned I7); both 1304 sessions read', async () => {
    const model = await continued();
    expect(validateSite(model).map(brief)).toEqual([]);
    expect(model.data.schedule!.map((s) => [s.paperNo, s.start, s.candidates])).toEqual([
      ['1304', '2025-01-04T09:00', 52],
      ['2216', '2025-01-04T14:00', 33],
      ['3307', '2025-01-05T09:00', 24],
      ['5501', '2025-01-11T14:00', 18],
      ['6602', '2025-01-12T09:00', 9],
      ['1304', '2025-01-11T09:00', 40],
    ]);
  });
});
