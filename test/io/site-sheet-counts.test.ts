/**
 * A 汇总 sheet's counts in words (review 8, D2): one of a thing in the singular in English (“1 error”, not
 * “1 errors”), and a count the status's verdict names not said a second time on its line.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { summarizeSite, type SiteSummary } from '../../src/summary/site';
import { PAPER_COLUMNS } from '../../src/summary/tables-site';
import { addSiteSummarySheet } from '../../src/io/xlsx/summary';
import type { Lang } from '../../src/rules/types';

const finding = (severity: Finding['severity']): Finding => ({
  rule: severity === 'error' ? 'not-returned' : 'duty-gap',
  severity,
  form: 3,
  sheet: '出入库记录',
  cell: 'J7',
  row: 3,
  message: '试卷 3310 出库后没有还卷记录',
  clause: '',
});

/** The 岳麓考点 fixture's 汇总 sheet with these findings: its status line (A3) and the heading of its problems. */
function sheetOf(findings: Finding[], lang: Lang): { status: string; heading: string } {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
  const wb = new ExcelJS.Workbook();
  const ws = addSiteSummarySheet(wb, summarizeSite(data, findings), { findings, lang });
  let heading = '';
  ws.eachRow((row) => {
    const text = String(row.getCell(1).value ?? '');
    if (/^(5\. Problems found|五、检查发现的问题)/.test(text)) heading = text;
  });
  return { status: String(ws.getCell('A3').value), heading };
}

describe('a 汇总 sheet’s status line and problems heading', () => {
  it('in English, one error: “1 error”, said once (the verdict names it)', () => {
    expect(sheetOf([finding('error')], 'en')).toEqual({
      status: 'Status: Not ready: 1 error to correct    0 warnings    on duty 45h 40m of 45h 40m    out 0 bags',
      heading: '5. Problems found (1 error, 0 warnings)',
    });
  });

  it('in English, ready with one warning: “1 warning”, said once', () => {
    expect(sheetOf([finding('warning')], 'en')).toEqual({
      status: 'Status: Ready to submit (1 warning to look at)    0 errors    on duty 45h 40m of 45h 40m    out 0 bags',
      heading: '5. Problems found (0 errors, 1 warning)',
    });
  });

  it('in Chinese, the errors the verdict names not said again', () => {
    expect(sheetOf([finding('error'), finding('error')], 'zh')).toEqual({
      status: '提交状态：暂不能提交：2 处错误需改正    警告 0    值班覆盖 45小时40分 / 45小时40分    未还 0 袋',
      heading: '五、检查发现的问题（错误 2，警告 0）',
    });
  });
});

describe('the 合计 row of a 汇总 sheet’s papers in English', () => {
  const totalsOf = (n: number) => {
    const s = { totals: { papers: n, sessions: n, roomsServed: n } } as unknown as SiteSummary;
    return ['paperName', 'sessionStart', 'rooms'].map((key) => PAPER_COLUMNS.find((c) => c.key === key)!.total(s, 'en'));
  };
  it('one of each in the singular, more in the plural', () => {
    expect(totalsOf(1)).toEqual(['1 paper', '1 session', '1 room session']);
    expect(totalsOf(2)).toEqual(['2 papers', '2 sessions', '2 room sessions']);
  });
});
