/**
 * The pane's host-agnostic logic: checking several workbooks (with the
 * cross-workbook rules), grouping and ordering findings as shown, the 汇总
 * table, the words in both languages, and when the page loads Office.js.
 */
import { hostedByOffice } from '../../src/taskpane/taskpane';
import { SiteResult, checkSites, consolidatedLabel, copiesIn, counts, groupBySheet, skipReasonOf } from '../../src/taskpane/check';
import { MARKED_COPY_SKIPPED } from '../../src/check/marks';
import { SUMMARY_SHEET_SETS } from '../../src/summary/words';
import type { SiteModel } from '../../src/model/site-model';
import { BrowserReadError, openWorkbook } from '../../src/io/xlsx/browser';
import { readErrorLine } from '../../src/taskpane/read-error';
import { sortFindings } from '../../src/rules/engine';
import { readCheckableWorkbook } from '../../src/forms/workbook';
import type { WorkbookGrid } from '../../src/model/grid';
import { t } from '../../src/taskpane/i18n';
import { checkOutcome } from '../../src/taskpane/app';
import { summaryTable } from '../../src/taskpane/summary-table';
import { summarizeSite } from '../../src/summary/site';
import type { Finding } from '../../src/model/finding';
import { exceljsGrid, fixture, workbookBytes } from './helpers';
import { findingAt } from '../findings';
import * as fs from 'fs';
import * as path from 'path';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Intake } from '../../src/model/types';

const f = (sheet: string | null, cell: string | null, rule = 'r', severity: Finding['severity'] = 'error'): Finding =>
  findingAt(sheet, cell, rule, { severity });

test('Office.js is loaded only when Office hosts the page', () => {
  expect(hostedByOffice({ search: '?host=office', hash: '' })).toBe(true);
  expect(hostedByOffice({ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash: '' })).toBe(true);
  expect(hostedByOffice({ search: '', hash: '' })).toBe(false);
  expect(hostedByOffice({ search: '?file=x', hash: '' })).toBe(false);
});

test('findings in the one reading order: workbook-wide first, then sheet by sheet, row by row, at one cell as reported', () => {
  const sheets = [
    { sheet: 'A', form: null },
    { sheet: 'B', form: null },
  ];
  const sorted = sortFindings({ sheets }, [f('B', 'A2'), f('A', 'C10'), f('A', 'B2', 'w', 'warning'), f('A', 'B2', 'e'), f(null, null, 'x'), f('A', 'AA1')]);
  expect(sorted.map((x) => `${x.sheet}!${x.cell}:${x.rule}`)).toEqual(['null!null:x', 'A!AA1:r', 'A!B2:w', 'A!B2:e', 'A!C10:r', 'B!A2:r']);
  const groups = groupBySheet(sorted);
  expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([
    [null, 1, 0],
    ['A', 3, 1],
    ['B', 1, 0],
  ]);
  expect(counts(sorted)).toEqual({ errors: 5, warnings: 1 });
});

test('checking workbooks: readable ones validated, unreadable ones reported, each with its own findings', async () => {
  const data = fixture();
  (data.intake as Intake).totals!.bags31 = 9;
  const grid = await exceljsGrid(await workbookBytes(data));
  const [ok, bad] = await checkSites(
    [
      { id: 'a.xlsx', label: 'a.xlsx', grid },
      { id: 'b.xlsx', label: 'b.xlsx', error: '不是 .xlsx 工作簿' },
    ],
    'zh',
  );
  expect(ok.model).toBeDefined();
  expect(ok.findings.some((x) => x.rule === 'column-total')).toBe(true);
  expect(bad).toMatchObject({ id: 'b.xlsx', error: '不是 .xlsx 工作簿', findings: [] });
  const [en] = await checkSites([{ id: 'a', label: 'a', grid }], 'en');
  expect(en.findings.map((x) => x.rule)).toEqual(ok.findings.map((x) => x.rule));
});

test('the 汇总 table: one row per paper, totals, facts, both languages', async () => {
  const grid = await exceljsGrid(await workbookBytes(fixture()));
  const [site] = await checkSites([{ id: 'a', label: 'a', grid }], 'zh');
  const summary = summarizeSite(site.model!, site.findings);
  const zh = summaryTable(summary, 'zh');
  expect(zh.title).toContain('岳麓考点');
  expect(zh.rows.map((r) => r[0])).toEqual(['1001', '2045', '3310']);
  expect(zh.header[zh.chartColumns[0]]).toBe('份数');
  expect(zh.header[zh.chartColumns[1]]).toBe('考生数');
  // 1001: bags 31×1 + 26×1 + 5×1 = 62 copies for 57 candidates
  expect(zh.rows[0][8]).toBe(62);
  expect(zh.rows[0][9]).toBe(57);
  expect(zh.totals[0]).toBe('合计');
  // 首场开考: text on the page; a date in a sheet (the serial of 2024-06-15 08:30), shown by its format as the page shows it.
  expect(zh.header[2]).toBe('首场开考');
  expect([zh.rows[0][2], zh.sheetRows[0][2], zh.numFmts[2]]).toEqual(['2024年6月15日 08:30', 45458 + 8.5 / 24, 'yyyy"年"m"月"d"日" hh:mm']);
  expect(zh.sheetRows.map((r) => r.filter((_v, i) => i !== 2))).toEqual(zh.rows.map((r) => r.filter((_v, i) => i !== 2)));
  for (const row of [...zh.rows, zh.totals]) expect(row).toHaveLength(zh.header.length);
  const en = summaryTable(summary, 'en');
  expect(en.header).toHaveLength(zh.header.length);
  expect(en.totals[0]).toBe('Total');
  // Lengths of time in hours and minutes, as the 汇总 sheets show them (45.67 hours: 45 h 40 min).
  expect([summary.duty.custodyHours, summary.duty.coveredHours]).toEqual([45.67, 45.67]);
  expect(zh.facts.filter(([k]) => k === '保管期' || k === '值班覆盖')).toEqual([
    ['保管期', '2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）'],
    ['值班覆盖', '100%（45小时40分）'],
  ]);
  expect(en.facts.filter(([k]) => k === 'Custody period' || k === 'Duty coverage')).toEqual([
    ['Custody period', '2024-06-14 10:10 to 2024-06-16 07:50 (45h 40m)'],
    ['Duty coverage', '100% (45h 40m)'],
  ]);
  expect([en.rows[0][2], en.sheetRows[0][2], en.numFmts[2]]).toEqual(['2024-06-15 08:30', 45458 + 8.5 / 24, 'yyyy-mm-dd hh:mm']);
});

test('the 汇总 table of a 考点 that keeps no vault record (附件2, 3, 5 deleted): its custody and duty unknown, not 100 % of nothing', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review11', 'xlsx', 'r1-kaodian-novault.xlsx')));
  const [site] = await checkSites([{ id: 'r1', label: 'r1', grid: readXlsxInNode(bytes) }], 'zh');
  const summary = summarizeSite(site.model!, site.findings);
  expect(summaryTable(summary, 'zh').facts).toEqual([
    ['接收交接单', 1],
    ['移交交接单', 0],
    ['保管期', '无保密室记录'],
    ['值班覆盖', '无保密室记录'],
    ['值班空档', '无保密室记录'],
    ['未归还', '无保密室记录'],
    ['错误', 1],
    ['警告', 0],
  ]);
  expect(summaryTable(summary, 'en').facts.slice(2, 6)).toEqual([
    ['Custody period', 'no vault record'],
    ['Duty coverage', 'no vault record'],
    ['Duty gaps', 'no vault record'],
    ['Not returned', 'no vault record'],
  ]);
});

test('every word exists in both languages', () => {
  expect(t('zh', 'tabForms')).toBe('表单');
  expect(t('en', 'tabForms')).toBe('Forms');
  expect(t('zh', 'marked', { n: 3 })).toBe('已标记 3 个单元格。');
  expect(t('en', 'cleared', { n: 2 })).toContain('2 cells');
});

test('the pane refuses the same workbooks as `custody validate`, in the same words', async () => {
  const good = await exceljsGrid(await workbookBytes(fixture()));
  const headerless: WorkbookGrid = JSON.parse(JSON.stringify(good));
  // drop the vault log's header row so its table cannot be read
  const log = headerless.sheets.find((s) => s.rows.some((r) => r?.some((v) => v === '取卷人签字')))!;
  const at = log.rows.findIndex((r) => r?.some((v) => v === '取卷人签字'));
  log.rows[at] = [];
  const grids: WorkbookGrid[] = [
    good,
    { sheets: [] },
    { sheets: [{ name: 'S', rows: [['', '  '], [null]], merges: [] }] },
    { sheets: [{ name: 'S', rows: [['购物清单'], ['苹果', 3]], merges: [] }] },
    headerless,
  ];
  const outcome = (f: () => unknown): string => {
    try {
      f();
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    }
  };
  for (const grid of grids) {
    // `custody validate` refuses through readCheckableWorkbook; the pane reports the same words.
    const [result] = await checkSites([{ id: 'x', label: 'x.xlsx', grid }], 'zh');
    expect(result.error ?? 'ok').toBe(outcome(() => readCheckableWorkbook(grid)));
  }
  expect(() => readCheckableWorkbook(grids[3])).toThrow(/找不到任何一张试卷保密表单/);
  // A table whose header row is gone is said at its sheet, the rest checked (review 17b D2): not refused.
  expect(outcome(() => readCheckableWorkbook(grids[4]))).toBe('ok');
});

test('a workbook with none of the forms is refused in the pane’s language', async () => {
  const grid: WorkbookGrid = { sheets: [{ name: 'Sheet1', rows: [['会议签到表']], merges: [] }] };
  const [zh] = await checkSites([{ id: 'a', label: 'a.xlsx', grid }], 'zh');
  expect(zh.error).toBe('不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件');
  const [en] = await checkSites([{ id: 'a', label: 'a.xlsx', grid }], 'en');
  expect(en.error).toBe(
    'not a custody workbook: none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file',
  );
  const empty = await checkSites([{ id: 'b', label: 'b.xlsx', grid: { sheets: [{ name: 'S', rows: [], merges: [] }] } }], 'en');
  expect(empty[0].error).toBe('not a custody workbook: the workbook is empty, there is nothing to check; check that it is the right file');
});

test('the status line leads with a file that could not be read, never "0 errors"', () => {
  const site = (label: string, findings: Finding[], error?: string) => ({ id: label, label, findings, ...(error ? { error } : {}) });
  expect(checkOutcome([site('x.xlsx', [], '不是 .xlsx 工作簿')], 'zh')).toEqual({ text: '无法读取 x.xlsx：不是 .xlsx 工作簿', kind: 'error' });
  expect(checkOutcome([site('x.xlsx', [], 'bad'), site('y.xlsx', [], 'worse'), site('ok.xlsx', [f('S', 'A1'), f('S', 'B2', 'w', 'warning')])], 'en')).toEqual({
    text: 'Could not read x.xlsx: bad (1 more file could not be read); Done: 1 error, 1 warning',
    kind: 'error',
  });
  expect(checkOutcome([site('ok.xlsx', [f('S', 'A1')])], 'zh')).toEqual({ text: '完成：1 个错误，0 个警告', kind: 'info' });
});

test('the status line says how a summary counts a handover whose two copies disagree (once a slip), when that differs', () => {
  const disagree = (sheet: string, cell: string): Finding => ({ ...f(sheet, cell), rule: 'handover-copies-disagree' });
  const site = (label: string, findings: Finding[]) => ({ id: label, label, findings });
  const sites = [site('a.xlsx', [disagree('交接单', 'C3'), disagree('交接单', 'D17'), f('交接单', 'D20')]), site('b.xlsx', [disagree('交接单3', 'C3')])];
  expect(checkOutcome(sites, 'zh')).toEqual({ text: '完成：4 个错误，0 个警告（两份不一致的交接单每张计 1 个，汇总中计 3 个错误）', kind: 'info' });
  expect(checkOutcome(sites, 'en').text).toBe(
    'Done: 4 errors, 0 warnings (a handover slip whose two copies disagree counts once in a summary: 3 errors there)',
  );
  expect(checkOutcome([site('b.xlsx', [disagree('交接单3', 'C3')])], 'zh').text).toBe('完成：1 个错误，0 个警告');
});

const readable = (label: string, sha256: string, findings: Finding[] = []): SiteResult => ({
  id: label,
  label,
  findings,
  model: {} as SiteModel,
  report: { file: label, site: 'x', sha256, status: 'ready', findings },
});

test('a summary this tool wrote is skipped with its one line, not unreadable; a marked copy by its name, as the folder walk skips it', async () => {
  const summary: WorkbookGrid = { sheets: SUMMARY_SHEET_SETS[0].map((name) => ({ name, rows: [['x']], merges: [] })) };
  const [skipped] = await checkSites([{ id: 's', label: '试卷保管汇总.xlsx', grid: summary }], 'zh');
  expect(skipped).toMatchObject({ skipped: '这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿', findings: [] });
  expect(skipped.error).toBeUndefined();
  // In words for every face (review 8, D7): the page and the pane write marked copies too, and have no CLI.
  expect(skipReasonOf('岳麓考点（已标记）.xlsx', 'zh')).toBe('这是试卷保密助手写出的标记副本，不是单位工作簿');
  expect(skipReasonOf('Yuelu (marked) (2).xlsx', 'en')).toBe('a marked copy written by this tool, not a unit workbook');
  expect(skipReasonOf('岳麓考点.xlsx', 'zh')).toBeUndefined();
  // A text table chosen in the page: the CLI's line for it in a folder, in both languages.
  expect(skipReasonOf('考试安排.csv', 'zh')).toBe('这是文本表格（.csv/.tsv，只存一张表），不是工作簿；如要检查，请把整个工作簿在 Excel 或 WPS 中另存为 .xlsx');
  expect(skipReasonOf('值班.TSV', 'en')).toBe(
    'a text table (.csv/.tsv, one sheet only), not a workbook; to check it, save the whole workbook as .xlsx in Excel or WPS',
  );
  expect(t('zh', 'skippedLine', { reason: MARKED_COPY_SKIPPED.zh })).toBe(`已跳过：${MARKED_COPY_SKIPPED.zh}`);
  const results = [readable('a.xlsx', 'aa', [f('S', 'A1')]), skipped];
  expect(checkOutcome(results, 'zh')).toEqual({ text: '完成：1 个错误，0 个警告；已跳过 1 个文件', kind: 'info' });
  expect(checkOutcome(results, 'en').text).toBe('Done: 1 error, 0 warnings; 1 file skipped');
  expect(consolidatedLabel(results, 'zh')).toBe('下载合并汇总（1 个工作簿）');
});

test('a workbook given twice (the same bytes) is one workbook: its copy is a line under it, not in the status line; the summary lists it (its unit’s second)', () => {
  const results = [readable('01 - 副本.xlsx', 'aa', [f('S', 'A1')]), readable('01.xlsx', 'aa', [f('S', 'A1')]), readable('02.xlsx', 'bb')];
  expect(copiesIn(results, 'zh')).toEqual([
    { id: '01 - 副本.xlsx', of: '01.xlsx', file: '01 - 副本.xlsx', reason: '与 01.xlsx 内容完全相同，同一工作簿只计一次' },
  ]);
  expect(checkOutcome(results, 'zh').text).toBe('完成：1 个错误，0 个警告');
  // The download lists the copy as its own file (同单位第二本, fix-copy25): its button counts it (fix-setaside26 item 4).
  expect(consolidatedLabel(results, 'zh')).toBe('下载合并汇总（3 个工作簿）');
});

test('the consolidated summary’s count says how many of its workbooks could not be read, as `custody summary` does', () => {
  const bad = (label: string): SiteResult => ({
    id: label,
    label,
    findings: [],
    error: '文件是空的（0 字节），不是 Excel 工作簿，请重新获取原文件（或在 Excel 或 WPS 中重新保存为 .xlsx）后再检查',
  });
  const results = [readable('a.xlsx', 'aa'), readable('b.xlsx', 'bb'), bad('c.xlsx'), bad('d.xlsx')];
  expect(consolidatedLabel(results, 'zh')).toBe('下载合并汇总（4 个工作簿，其中 2 个无法读取）');
  expect(consolidatedLabel(results, 'en')).toBe('Download the consolidated summary (4 workbooks, 2 of them unreadable)');
  expect(consolidatedLabel(results.slice(0, 2), 'zh')).toBe('下载合并汇总（2 个工作簿）');
});

test('the consolidated summary’s button says a workbook with no form as not a custody workbook, not among 无法读取 (as `custody summary` does)', async () => {
  const formless: WorkbookGrid = { sheets: [{ name: 'Sheet1', rows: [['会议签到表']], merges: [] }] };
  const damaged: SiteResult = { id: 'c', label: 'c.xlsx', findings: [], error: '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件' };
  const [zh] = await checkSites([{ id: 'b', label: 'b.xlsx', grid: formless }], 'zh');
  const [en] = await checkSites([{ id: 'b', label: 'b.xlsx', grid: formless }], 'en');
  expect(consolidatedLabel([readable('a.xlsx', 'aa'), zh], 'zh')).toBe('下载合并汇总（2 个工作簿，其中 1 个不是试卷保密表单）');
  expect(consolidatedLabel([readable('a.xlsx', 'aa'), zh, damaged], 'zh')).toBe('下载合并汇总（3 个工作簿，其中 1 个无法读取，1 个不是试卷保密表单）');
  expect(consolidatedLabel([readable('a.xlsx', 'aa'), en], 'en')).toBe('Download the consolidated summary (2 workbooks, 1 of them not a custody workbook)');
  expect(consolidatedLabel([readable('a.xlsx', 'aa'), en, { ...en, id: 'd', label: 'd.xlsx' }], 'en')).toBe(
    'Download the consolidated summary (3 workbooks, 2 of them not custody workbooks)',
  );
  expect(consolidatedLabel([readable('a.xlsx', 'aa'), en, damaged], 'en')).toBe(
    'Download the consolidated summary (3 workbooks, 1 of them unreadable, 1 not a custody workbook)',
  );
  // A damaged file alone: as before.
  expect(consolidatedLabel([readable('a.xlsx', 'aa'), damaged], 'zh')).toBe('下载合并汇总（2 个工作簿，其中 1 个无法读取）');
});

test('an empty file is refused as empty in both languages, not as "not an .xlsx workbook" in English', async () => {
  const error = await openWorkbook('空文件.xlsx', new Uint8Array()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BrowserReadError);
  expect(readErrorLine(error, 'zh')).toBe('文件是空的（0 字节），不是 Excel 工作簿，请重新获取原文件（或在 Excel 或 WPS 中重新保存为 .xlsx）后再检查');
  expect(readErrorLine(error, 'en')).toBe(
    'The file is empty (0 bytes), not an Excel workbook; get the file again (or save it again as .xlsx in Excel or WPS) and check again',
  );
  // Across from the worker: its code, message and English line.
  const crossed = new BrowserReadError((error as BrowserReadError).code, (error as BrowserReadError).message, (error as BrowserReadError).en);
  expect(readErrorLine(crossed, 'en')).toBe(
    'The file is empty (0 bytes), not an Excel workbook; get the file again (or save it again as .xlsx in Excel or WPS) and check again',
  );
});

test('the status line says a workbook with no form as not a custody workbook, not 无法读取; a damaged one still 无法读取', async () => {
  const formless: WorkbookGrid = { sheets: [{ name: 'Sheet1', rows: [['会议签到表']], merges: [] }] };
  const damaged = { id: 'b', label: 'b.xlsx', findings: [], error: '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件' };
  const zh = [...(await checkSites([{ id: 'a', label: 'a.xlsx', grid: formless }], 'zh')), damaged as SiteResult];
  expect(checkOutcome(zh, 'zh')).toEqual({
    text: 'a.xlsx：不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件（另有 1 个文件无法读取）',
    kind: 'error',
  });
  expect(checkOutcome([...zh].reverse(), 'zh')).toEqual({
    text: '无法读取 b.xlsx：文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件（另有 1 个文件不是试卷保密表单）',
    kind: 'error',
  });
  const en = await checkSites([{ id: 'a', label: 'a.xlsx', grid: formless }], 'en');
  expect(checkOutcome(en, 'en').text).toBe(
    'a.xlsx: not a custody workbook: none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file',
  );
});
