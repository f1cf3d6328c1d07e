/**
 * The forms besides 附件2–5 whose rows may be lost (their header row deleted): 考试安排, 涉卷人员 and 附件1's 交接明细.
 * required-field says each once at its title; the summary then took what it lost as known — 考试安排 made every paper's
 * candidates none and the unit's 0 (its 余量 115 copies for nobody, its level's 报考人数 short by 108 with no word),
 * its first sessions empty and 0 场; 交接明细 made the handover's bags 0; and a roster sheet not read beside one read
 * made every signer on it “not on the roster”. Now each says 考试安排 / 附件1 / 涉卷人员 未能读取 where its figure would
 * be, with the sheet and cell of its finding, and the totals leave the candidates out, naming the unit.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { noneLinesOf, rankChartData } from '../../src/summary/overview';
import { rowOf } from '../../src/summary/columns';
import { SITE_COLUMNS } from '../../src/summary/tables';
import { HANDOVER_COLUMNS } from '../../src/summary/tables-site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { validateSite } from '../../src/rules/engine';
import { fixture } from '../helpers';
import { level, none } from './levels';
import { type Lost, lostBook } from './unread-books';

jest.setTimeout(60_000);

async function summaryOf(book: Buffer) {
  const model = readWorkbook(await gridFromXlsxBuffer(book));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  return { s, findings, outcome: { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null } };
}
const lost = async (form: Lost) => summaryOf(await lostBook(form));
const found = (findings: ReadonlyArray<{ rule: string; sheet: string | null; cell: string | null }>) => findings.map((f) => [f.rule, f.sheet, f.cell]);

const SCHEDULE_ZH = '考试安排未能读取（见工作表“考试安排”A1 处的问题），考生数、首场开考和余量无从计算，考生数未计入合计';

describe('考试安排 not read', () => {
  it('the paper table: 首场开考, 考生数 and 余量 say 考试安排 未能读取; the vault’s figures as read', async () => {
    const { s, findings } = await lost('schedule');
    expect(found(findings)).toEqual([['required-field', '考试安排', 'A1']]);
    expect(s.unread).toEqual([{ form: 'schedule', sheet: '考试安排', cell: 'A1' }]);
    const zh = summaryTable(s, 'zh');
    const S = '考试安排 未能读取';
    expect(zh.rows[0]).toEqual(['1001', '高等数学基础', S, 1, 1, 0, 1, 3, 62, S, S, 1, 1, 0, 0, '01、02', 57, 0, 3]);
    // Were '', 0 场, 0 candidates and a spare of 115; then 余量 blank beside 考生数 (review 21b D2: every cell made from it says it).
    expect(zh.totals).toEqual(['合计', '3 种试卷', S, 2, 1, 2, 1, 6, 115, S, S, 3, 3, 0, 0, '4 个\n考场次', 108, 0, 6]);
    expect(zh.facts[0]).toEqual(['未能读取', SCHEDULE_ZH]);
    expect(summaryTable(s, 'en').facts[0]).toEqual([
      'Not read',
      'The exam schedule (考试安排) could not be read (see the finding at 考试安排!A1): candidates, first sessions and spare unknown, candidates not in the totals',
    ]);
    expect(summaryTable(s, 'en').rows[0].slice(2, 11)).toEqual(['考试安排 not read', 1, 1, 0, 1, 3, 62, '考试安排 not read', '考试安排 not read']);
  });

  it('站点汇总: 考生数 says it, the 说明 why and where; the custody and duty cover as 附件2, 3 and 5 say', async () => {
    const { outcome } = await lost('schedule');
    const row = rowOf(SITE_COLUMNS, outcome);
    const at = (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)];
    expect(['bags', 'copies', 'candidates', 'checkouts', 'custodyHours', 'coverage', 'note'].map(at)).toEqual([
      6,
      115,
      'unreadSchedule',
      3,
      45.67,
      1,
      SCHEDULE_ZH,
    ]);
  });

  it('totals: its bags and copies in its level, its candidates in none (were 0), named; out of the ranking by candidates', async () => {
    const { s } = await lost('schedule');
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.unreadSchedule, t.unreadIntake, t.unreadLog]).toEqual([['岳麓考点'], undefined, undefined]);
    // Its level counts it among the units whose candidates are unknown (review 21 D3: 总览 and the CLI say so, not 0).
    expect(t.levels).toEqual([
      none('省校'),
      none('分校'),
      { ...level('考点', 1, 6, 115, 0, 0), candidatesUnknown: 1, candidatesWhy: ['unreadSchedule'] },
      none(null),
    ]);
    expect(noneLinesOf(t, 'zh')).toEqual(['注意：岳麓考点的考试安排未能读取（见检查结果），报考人数未计入按单位级别的合计。']);
    expect(noneLinesOf(t, 'en')).toEqual([
      'Note: the exam schedule (考试安排) of 岳麓考点 could not be read (see the findings): its candidates are not in the totals by unit level.',
    ]);
    const unit = { name: '岳麓考点', errors: 1, warnings: 0, papers: 3, candidates: 0, copies: 115, level: '考点' as const };
    expect(rankChartData(new Map(), [{ ...unit, unreadSchedule: true }]).big).toEqual([]);
    expect(rankChartData(new Map(), [unit]).big).toEqual([{ name: '岳麓考点', candidates: 0, copies: 115 }]);
  });
});

describe('附件1 交接明细 not read', () => {
  it('the handover’s bags say 附件1 未能读取 (were 0), its other fields as read; the 说明 says why and where', async () => {
    const { s, findings, outcome } = await lost('handover');
    expect(found(findings)).toEqual([['required-field', '交接单', 'A2']]);
    expect(s.handovers.in.map((h) => rowOf(HANDOVER_COLUMNS, h, 'zh'))).toEqual([
      ['in', '长沙分校 → 岳麓考点', '2024-06-14T09:30', 'unreadHandover', '', '张伟、孙丽', '李强、赵敏', '交接单!A2'],
    ]);
    const line = '附件1 交接单的交接明细未能读取（见工作表“交接单”A2 处的问题），该交接单交接的袋数无从计算';
    expect(summaryTable(s, 'zh').facts[0]).toEqual(['未能读取', line]);
    const row = rowOf(SITE_COLUMNS, outcome);
    expect(row[SITE_COLUMNS.findIndex((c) => c.key === 'note')]).toBe(line);
    // The paper table and the totals as read: the intake list says the bags.
    expect(summaryTable(s, 'zh').totals).toEqual(['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, 108, 7, 3, 3, 0, 0, '4 个\n考场次', 108, 0, 6]);
  });
});

describe('涉卷人员 not read', () => {
  it('the whole roster: required-field alone, no signer said to be off it; the 说明 says what was not checked', async () => {
    const { s, findings } = await lost('staff');
    expect(found(findings)).toEqual([['required-field', '涉卷人员', 'A1']]);
    expect(summaryTable(s, 'zh').facts[0]).toEqual([
      '未能读取',
      '涉卷人员名单未能读取（见工作表“涉卷人员”A1 处的问题），签字人是否在名单上、是否符合条件都没有检查',
    ]);
  });

  it('a second roster sheet not read beside one read: its people are not “not on the roster” (were 15 staff-not-on-roster findings, one a person and sheet)', async () => {
    const data = fixture('kaodian.json');
    const all = data.staff!;
    data.staff = all.slice(0, 2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
    // The rest of the roster on a sheet of its own, its header row left out.
    const ws = wb.addWorksheet('涉卷人员（续）');
    ws.addRow(['涉卷人员名单']);
    ws.addRow([]);
    all
      .slice(2)
      .forEach((m, i) => ws.addRow([i + 3, m.name, (m.roles ?? []).join('、'), m.formalStaff ? '是' : '否', m.candidateRelative ? '是' : '否', '是']));
    const { s, findings } = await summaryOf(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(found(findings)).toEqual([['required-field', '涉卷人员（续）', 'A1']]);
    expect(s.unread).toEqual([{ form: 'staff', sheet: '涉卷人员（续）', cell: 'A1' }]);
  });
});
