/**
 * Review 20a D7 on the 汇总 tab: a unit's workbooks together, the one counted first and those set aside after it
 * (not the counted one last, under them, when it was read last); counts with thousands separators, as the badges and
 * the status line show them.
 */
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { summarizeSite } from '../../src/summary/site';
import type { SiteResult } from '../../src/taskpane/check';
import { pageTexts, summaryTable } from '../../src/taskpane/summary-table';
import { countedFirst } from '../../src/taskpane/summary-view';
import { findingAt } from '../findings';
import { fixture } from './helpers';

async function sitesOf(files: ReadonlyArray<[string, string]>) {
  return Promise.all(
    files.map(async ([label, json], i) => {
      const model = readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(fixture(json))));
      return { site: { id: String(i), label, model, findings: [] } as SiteResult, summary: summarizeSite(model, [], { file: label }) };
    }),
  );
}

test('the counted workbook first (by file name, as `custody summary` counts it), those set aside under it, where the unit was first read', async () => {
  // Read in this order after 停止: n4, the 分校's, c8, c4 — the three 岳麓考点 workbooks one unit, c4 counted.
  const sites = await sitesOf([
    ['n4-many-rows.xlsx', 'kaodian.json'],
    ['fenxiao.xlsx', 'fenxiao.json'],
    ['c8-error-values.xlsx', 'kaodian.json'],
    ['c4-formula-not-saved.xlsx', 'kaodian.json'],
  ]);
  expect(countedFirst(sites).map((s) => s.site.label)).toEqual(['c4-formula-not-saved.xlsx', 'n4-many-rows.xlsx', 'c8-error-values.xlsx', 'fenxiao.xlsx']);
  // No unit given twice: the order read.
  expect(countedFirst([sites[1], sites[3]]).map((s) => s.site.label)).toEqual(['fenxiao.xlsx', 'c4-formula-not-saved.xlsx']);
});

test('counts of thousands grouped on the 汇总 tab: the readiness line, the table and the facts (6,001 as the badge says)', async () => {
  const [{ site }] = await sitesOf([['a.xlsx', 'kaodian.json']]);
  const many: Finding[] = Array.from({ length: 6001 }, (_, i) => findingAt('出入库记录', `F${i + 4}`, 'invalid-datetime', { severity: 'error' }));
  const zh = summaryTable(summarizeSite(site.model!, many), 'zh');
  expect(zh.status).toBe('暂不能提交：6,001 处错误需改正');
  expect(summaryTable(summarizeSite(site.model!, many), 'en').status).toBe('Not ready: 6,001 errors to correct');
  const shown = pageTexts(zh);
  expect(shown.facts.filter(([k]) => k === '错误' || k === '警告')).toEqual([
    ['错误', '6,001'],
    ['警告', '0'],
  ]);
  // The papers' rows as the table holds them, numbers as text: 份数 of 1001 is 62, under a thousand.
  expect(shown.rows.map((r) => r.slice(0, 2))).toEqual([
    ['1001', '高等数学基础'],
    ['2045', '管理学基础'],
    ['3310', '中国现代文学'],
    ['合计', '3 种试卷'],
  ]);
  // The sheet's values stay numbers (Excel and WPS show them by their format).
  expect(zh.facts.find(([k]) => k === '错误')).toEqual(['错误', 6001]);
  // A count of thousands in the table: 6,001 checkouts shown grouped, the sheet's row holding 6001.
  const table = { ...zh, rows: [zh.rows[0].map((v, i) => (i === 11 ? 6001 : v))] };
  expect(pageTexts(table).rows[0][11]).toBe('6,001');
});
