/**
 * The text report's tallies (src/cli/validate.ts): each file's errors as listed,
 * and, when a handover's two copies disagree in several fields, how many a
 * summary counts (one a slip), so that the two never seem to contradict.
 */
import { formatText } from '../../src/cli/validate';
import type { Finding, RunReport } from '../../src/model/finding';
import { findingAt } from '../findings';

const finding = (sheet: string, cell: string, rule: string, message: string): Finding => findingAt(sheet, cell, rule, { message });

const report: RunReport = {
  files: [
    {
      file: 'a.xlsx',
      site: '天心考点',
      sha256: null,
      status: 'fix',
      findings: [
        finding('交接单', 'C3', 'handover-copies-disagree', '日期不同'),
        finding('交接单', 'D17', 'column-total', '合计不符'),
        finding('交接单', 'D17', 'handover-copies-disagree', '合计不同'),
      ],
    },
    { file: 'b.xlsx', site: '长沙分校', sha256: null, status: 'fix', findings: [finding('交接单3', 'C3', 'handover-copies-disagree', '日期不同')] },
  ],
};

test('each file counts what it lists; a slip whose copies differ in several fields is said to count once in a summary', () => {
  expect(formatText(report, 'zh').split('\n')).toEqual([
    'a.xlsx（天心考点）：3 个错误，0 个警告（其中 2 处是 1 张交接单的两份不一致，汇总中每张计 1 个）',
    '  交接单',
    '    C3   错误  交接单两份不一致  日期不同',
    '    D17  错误  合计行不符  合计不符',
    '    D17  错误  交接单两份不一致  合计不同',
    'b.xlsx（长沙分校）：1 个错误，0 个警告',
    '  交接单3',
    '    C3  错误  交接单两份不一致  日期不同',
    '合计：4 个错误，0 个警告（汇总中计 3 个错误）',
  ]);
  expect(formatText(report, 'en').split('\n')[0]).toBe(
    'a.xlsx (天心考点): 3 errors, 0 warnings (2 of them are differences between the two copies of 1 handover slip; a summary counts each slip once)',
  );
  expect(formatText(report, 'en').split('\n').at(-1)).toBe('Total: 4 errors, 0 warnings (a summary counts 3 errors)');
});

test('no word of it when nothing is folded', () => {
  expect(formatText({ files: [report.files[1]] }, 'zh').split('\n')[0]).toBe('b.xlsx（长沙分校）：1 个错误，0 个警告');
});

test('the total says how many files could not be checked: its last line never reads as a clean run', () => {
  const unreadable = (file: string) => ({ file, site: null, sha256: null, status: 'unreadable' as const, error: '文件是空的', findings: [] });
  const run: RunReport = { files: [report.files[1], unreadable('空.xlsx'), unreadable('旧.xls')] };
  expect(formatText(run, 'zh').split('\n').at(-1)).toBe('合计：1 个错误，0 个警告；2 个文件无法读取');
  expect(formatText(run, 'en').split('\n').at(-1)).toBe('Total: 1 error, 0 warnings; 2 files cannot be read');
  const one: RunReport = { files: [report.files[1], unreadable('空.xlsx')] };
  expect(formatText(one, 'en').split('\n').at(-1)).toBe('Total: 1 error, 0 warnings; 1 file cannot be read');
  expect(formatText({ files: [unreadable('空.xlsx'), unreadable('旧.xls')] }, 'zh').split('\n')).toEqual([
    '空.xlsx：无法读取：文件是空的',
    '旧.xls：无法读取：文件是空的',
    '合计：0 个错误，0 个警告；2 个文件无法读取',
  ]);
});

test('one mistake repeated down a column is one line, naming the other rows and the column; rows whose values differ keep their own', () => {
  const empty = (n: number) => `序号 ${n} 这一行的“卷库保管员出库签字”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。`;
  const late = (time: string) => `“还卷时间”是 6月15日 ${time}，早于取卷时间 6月15日 07:45。结束不能早于开始，请核对这两个时间。`;
  const row = (n: number, cell: string, rule: string, message: string): Finding => ({ ...finding('出入库记录', cell, rule, message), form: 3, row: n });
  const findings = [
    ...[1, 2, 3, 4, 6].map((n) => row(n, `G${n + 3}`, 'required-field', empty(n))),
    row(1, 'I4', 'time-order', late('06:45')),
    row(2, 'I5', 'time-order', late('06:50')),
  ];
  const run: RunReport = { files: [{ file: 'k2.xlsx', site: '雨花考点', sha256: null, status: 'fix', findings }] };
  expect(formatText(run, 'zh').split('\n')).toEqual([
    'k2.xlsx（雨花考点）：7 个错误，0 个警告',
    '  出入库记录',
    `    G4  错误  必填项未填  ${empty(1)}（序号 2–4、6 这 4 行也是这样，在 G 列）`,
    `    I4  错误  时间先后颠倒  ${late('06:45')}`,
    `    I5  错误  时间先后颠倒  ${late('06:50')}`,
  ]);
});
