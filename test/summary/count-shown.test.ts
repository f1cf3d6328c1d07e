/**
 * A count of 1,000 or more is grouped by thousands on every face (fix-words21): the summary workbook's status said
 * “暂不能提交：6001 处错误需改正” where the pane said “6,001 处错误” (it grouped the line after the fact); the command
 * line's lines said 6001 too. One helper (model/count-shown.ts) for all; JSON keeps plain numbers.
 */
import { countShown } from '../../src/model/count-shown';
import type { Finding, RunReport } from '../../src/model/finding';
import { formatText } from '../../src/cli/validate';
import { counted } from '../../src/rules/plural';
import { summarizeSite } from '../../src/summary/site';
import { readinessText } from '../../src/summary/tables-site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { base } from '../rules/tester';

const finding = (severity: Finding['severity'], n: number): Finding => ({
  rule: 'required-field',
  severity,
  form: 3,
  sheet: '出入库记录',
  cell: `E${n + 3}`,
  row: n,
  message: `序号 ${n} 这一行的“取卷人签字”没有填写。`,
  clause: '',
});
const findings = (errors: number, warnings: number): Finding[] => [
  ...Array.from({ length: errors }, (_, i) => finding('error', i + 1)),
  ...Array.from({ length: warnings }, (_, i) => finding('warning', errors + i + 1)),
];

test('countShown: 1,000 and more grouped; fewer, and a fraction, as they are', () => {
  expect([0, 1, 999, 1000, 6001, 1234567, 12.5].map(countShown)).toEqual(['0', '1', '999', '1,000', '6,001', '1,234,567', '12.5']);
  expect([counted(6001, 'errors'), counted(1, 'errors'), counted(1001, 'bags')]).toEqual(['6,001 errors', '1 error', '1,001 bags']);
});

describe('the readiness line, the same words on the pane and in the summary workbook', () => {
  const s = summarizeSite(base('kaodian'), findings(6001, 2));
  const ready = summarizeSite(base('kaodian'), findings(0, 1234));

  test('not ready: 6,001 处错误 / 6,001 errors', () => {
    expect([readinessText(s, 'zh'), readinessText(s, 'en')]).toEqual(['暂不能提交：6,001 处错误需改正', 'Not ready: 6,001 errors to correct']);
    expect([summaryTable(s, 'zh').status, summaryTable(s, 'en').status]).toEqual([readinessText(s, 'zh'), readinessText(s, 'en')]);
  });

  test('ready with 1,234 warnings', () => {
    expect([readinessText(ready, 'zh'), readinessText(ready, 'en')]).toEqual([
      '可以提交（另有 1,234 处提醒，请看一眼）',
      'Ready to submit (1,234 warnings to look at)',
    ]);
  });
});

test('validate’s text: each file’s counts and the total grouped', () => {
  const report: RunReport = {
    files: [
      { file: 'a.xlsx', site: '岳麓考点', sha256: null, status: 'fix', findings: findings(1500, 1) },
      { file: 'b.xlsx', site: '宁乡考点', sha256: null, status: 'fix', findings: findings(2, 1000) },
    ],
  };
  const lines = (lang: 'zh' | 'en') =>
    formatText(report, lang)
      .split('\n')
      .filter((l) => /^(a|b)\.xlsx|^(合计|Total)/.test(l));
  expect(lines('zh')).toEqual(['a.xlsx（岳麓考点）：1,500 个错误，1 个警告', 'b.xlsx（宁乡考点）：2 个错误，1,000 个警告', '合计：1,502 个错误，1,001 个警告']);
  expect(lines('en')).toEqual([
    'a.xlsx (岳麓考点): 1,500 errors, 1 warning',
    'b.xlsx (宁乡考点): 2 errors, 1,000 warnings',
    'Total: 1,502 errors, 1,001 warnings',
  ]);
});
