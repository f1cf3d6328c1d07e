/**
 * 问题清单 of the consolidated summary: a workbook read but holding none of the forms is listed as 不是试卷保密表单, its
 * reason the rest of the line; one that could not be read stays 工作簿无法读取 (summary/tables.ts findingRowsOf).
 */
import { FINDING_COLUMNS, findingRowsOf } from '../../src/summary/tables';
import { ruleTitle } from '../../src/summary/rule-titles';

const NO_FORMS = '不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件';
const DAMAGED = '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件';

test('a workbook with no form: 不是试卷保密表单 and why; a damaged one: 工作簿无法读取 and why', () => {
  const rule = FINDING_COLUMNS.findIndex((c) => c.key === 'rule');
  const message = FINDING_COLUMNS.findIndex((c) => c.key === 'message');
  const rows = [...findingRowsOf({ file: '工资表.xlsx', error: NO_FORMS, findings: [] }), ...findingRowsOf({ file: 'b.xlsx', error: DAMAGED, findings: [] })];
  expect(rows.map((r) => [r[0], ruleTitle(String(r[rule])), r[message]])).toEqual([
    ['工资表.xlsx', '不是试卷保密表单', '工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件'],
    ['b.xlsx', '工作簿无法读取', DAMAGED],
  ]);
  expect([ruleTitle('not-custody-workbook', 'en'), ruleTitle('unreadable-file', 'en')]).toEqual(['Not a custody workbook', 'Workbook unreadable']);
});
