/**
 * A handover whose two copies disagree is one problem on a site's 汇总, however
 * many fields differ: counted once (the pane's 汇总, the site's figures) and
 * listed once with every difference (the 汇总 sheet the pane and the browser
 * face write).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { oncePerHandover } from '../../src/summary/once-per-handover';
import { summarizeSite } from '../../src/summary/site';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import { summaryTable } from '../../src/taskpane/summary-table';

const disagree = (cell: string, field: string): Finding => ({
  rule: 'handover-copies-disagree',
  severity: 'error',
  form: 1,
  sheet: '交接单',
  cell,
  row: null,
  message: `这张交接单的“${field}”与对方留存的不一致。`,
  clause: '依据',
});
const total: Finding = { rule: 'column-total', severity: 'error', form: 1, sheet: '交接单', cell: 'D17', row: null, message: '合计不符。', clause: '依据' };
const late: Finding = { rule: 'not-returned', severity: 'warning', form: 3, sheet: '出入库记录', cell: 'J7', row: 3, message: '还卷晚了。', clause: '依据' };
const FINDINGS = [disagree('C3', '日期'), total, disagree('D17', '合计'), late, disagree('D20', '接收人签字')];
const ONE = {
  ...disagree('C3', '日期'),
  message: '这张交接单的“日期”与对方留存的不一致。\n这张交接单的“合计”与对方留存的不一致。\n这张交接单的“接收人签字”与对方留存的不一致。',
};

const data = (): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;

test('the field findings of one disagreeing slip become one, where the first was, saying every difference', () => {
  expect(oncePerHandover(FINDINGS)).toEqual([ONE, total, late]);
  // Two slips, two problems; nothing else changes.
  const other = { ...disagree('C3', '日期'), sheet: '交接单2' };
  expect(oncePerHandover([other, ...FINDINGS])).toEqual([other, ONE, total, late]);
  expect(oncePerHandover([total, late])).toEqual([total, late]);
});

test('a site counts it once: its figures, and the pane’s 汇总', () => {
  const s = summarizeSite(data(), FINDINGS);
  expect(s.findings).toEqual({
    errors: 2,
    warnings: 1,
    byRule: {
      'handover-copies-disagree': { severity: 'error', count: 1 },
      'column-total': { severity: 'error', count: 1 },
      'not-returned': { severity: 'warning', count: 1 },
    },
  });
  const facts = summaryTable(s, 'zh').facts.filter(([k]) => k === '错误' || k === '警告');
  expect(facts).toEqual([
    ['错误', 2],
    ['警告', 1],
  ]);
  expect(summaryTable(s, 'en').status).toBe('Not ready: 2 errors to correct');
});

test('the 汇总 sheet lists it once, with every difference', async () => {
  const s = summarizeSite(data(), FINDINGS);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await siteSummaryXlsx(s, FINDINGS)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet('汇总')!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
  const from = rows.findIndex((r) => r[0] === '五、检查发现的问题（错误 2，警告 1）');
  // 说明 last, a line of it a row (its differences were one per line), running on across the page: not wrapped in a narrow column.
  expect(rows.slice(from, from + 8)).toEqual([
    ['五、检查发现的问题（错误 2，警告 1）'],
    // 说明's header merged to the last column: read back, each cell of the merge shows it.
    ['严重\n程度', '问题', '位置', ...Array<string>(16).fill('说明')],
    ['错误', '交接单两份不一致', '交接单!C3', '这张交接单的“日期”与对方留存的不一致。'],
    [null, null, null, '这张交接单的“合计”与对方留存的不一致。'],
    [null, null, null, '这张交接单的“接收人签字”与对方留存的不一致。'],
    ['错误', '合计行不符', '交接单!D17', '合计不符。'],
    // 位置 too, a line a row: 序号 3 (a short word after a space) whole on the next.
    ['警告', '试卷未按时还回', '出入库记录!J7', '还卷晚了。'],
    [null, null, '序号 3'],
  ]);
});
