/**
 * What people type that the readers once misjudged (the outside testers' second
 * pass): a ditto mark in a paper's cell, a table header without one of its
 * columns, 单位级别 written with the name the source prints beside it, a
 * register or duty page of another semester. Each case as the rule tester
 * runs it: the whole finding, and nothing else found.
 */
import { ruleTester, typeInto } from './tester';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts } from './tester';
import type { SiteData } from '../../src/model/types';

ruleTester('required-field', {
  valid: [
    {
      name: '单位级别 written 分校（学院）, as the source names the level, on the 分校',
      base: 'fenxiao',
      retype: (g) => typeInto(g, '基本信息', 'B6', '分校（学院）'),
    },
    { name: '单位级别 written 考点（学习中心） on the 考点', retype: (g) => typeInto(g, '基本信息', 'B6', '考点(学习中心)') },
    { name: '单位级别 written 省校（分部） on the 省校', base: 'shengxiao', retype: (g) => typeInto(g, '基本信息', 'B6', '省校（分部）') },
    {
      name: '单位级别 typed 分校（学院） after its label in one cell',
      base: 'fenxiao',
      retype: (g) => (typeInto(g, '基本信息', 'A6', '单位级别：分校（学院）'), typeInto(g, '基本信息', 'B6', null)),
    },
  ],
  invalid: [
    {
      name: '单位级别 written 分校（或考点）: a bracket naming another level is no level',
      base: 'fenxiao',
      retype: (g) => typeInto(g, '基本信息', 'B6', '分校（或考点）'),
      errors: [{ messageId: 'level', form: 0, sheet: '基本信息', cell: 'B6', row: null, message: /^“单位级别”写的是“分校\(或考点\)”/ }],
    },
    {
      // It was unknown-paper at B7 (“试卷号‘〃’既不在入库清单上…”) and paper-name-mismatch at C7.
      name: 'a register row’s 试卷号 and 试卷名称 written 〃 and 同上 under the same paper: once at each cell, read as the row above’s',
      edit: (d) => {
        d.distributions![0].rows![1].paperNo = '〃';
        d.distributions![0].rows![1].paperName = '同上';
      },
      errors: [
        {
          messageId: 'ditto',
          form: 4,
          sheet: '分发登记1',
          cell: 'B7',
          row: 2,
          message: /^序号 2 这一行的“试卷号”写的是“〃”，没有写出试卷号。附件4 试卷分发登记表是签字存档的记录.*检查时暂按上一行的“1001”核对/,
        },
        { messageId: 'ditto', form: 4, sheet: '分发登记1', cell: 'C7', row: 2, message: /写的是“同上”.*暂按上一行的“高等数学基础”核对/ },
      ],
    },
    {
      name: 'an intake row’s 试卷名称 written ″ under another paper: the mark is said, no name mismatch is made of it',
      edit: (d) => void ((d.intake as { items: Array<{ paperName?: string }> }).items[1].paperName = '″'),
      errors: [{ messageId: 'ditto', form: 2, sheet: '入库清单', cell: 'C5', row: 2, message: /写的是“″”/ }],
    },
    {
      name: 'the first vault row’s 试卷名称 written 同上, with no row above: said as a ditto mark, not as an empty cell',
      edit: (d) => void (d.vaultLog![0].paperName = '同上'),
      errors: [
        {
          messageId: 'dittoNone',
          form: 3,
          sheet: '出入库记录',
          cell: 'C4',
          row: 1,
          message: /^序号 1 这一行的“试卷名称”写的是“同上”，没有写出试卷名称，上面也没有可沿用的/,
        },
      ],
    },
    {
      name: 'a handover’s 试卷归属 written 同上: said at its cell, not taken for a unit',
      edit: (d) => void (d.handovers![0].items![1].destination = '同上'),
      errors: [{ messageId: 'ditto', form: 1, sheet: '交接单', cell: 'C9', row: 2, message: /“试卷归属”写的是“同上”.*暂按上一行的“岳麓考点”核对/ }],
    },
    {
      // It was said on every row, at its 序号: 序号 1 这一行的“还卷时间”没有填写 …
      name: 'a vault log whose 还卷时间 column header was deleted: once, at the header row',
      retype: (g) => typeInto(g, '出入库记录', 'I3', null),
      errors: [
        { messageId: 'column', form: 3, sheet: '出入库记录', cell: 'A3', row: null, message: /^附件3 保密室试卷出入库记录表的表头里找不到“还卷时间”一栏/ },
      ],
    },
    {
      name: 'a register without its 领卷人签字 column: once, at its header',
      retype: (g) => typeInto(g, '分发登记1', 'G5', null),
      errors: [{ messageId: 'column', form: 4, sheet: '分发登记1', cell: 'A4', row: null, message: /找不到“领卷人签字”一栏/ }],
    },
    {
      name: 'a handover without its 试卷归属 column: once, at its header',
      retype: (g) => typeInto(g, '交接单', 'C7', null),
      errors: [{ messageId: 'column', form: 1, sheet: '交接单', cell: 'B7', row: null, message: /^附件1 纸质试卷交接单的表头里找不到“试卷归属”一栏/ }],
    },
  ],
});

describe('a sheet whose title names no semester', () => {
  test('is this semester’s when no titled sheet names another: a January register alone is judged with June’s (as before)', () => {
    const data: SiteData = base('kaodian');
    const grid = gridFromDrafts(draftWorkbook(data));
    const january = gridFromDrafts(
      draftWorkbook({ ...data, distributions: [{ ...data.distributions![0], start: '2025-01-04T08:30', end: '2025-01-04T10:00' }] }),
    );
    grid.sheets.push({ ...january.sheets.find((s) => s.name === '分发登记')!, name: '分发登记（1月）' });
    const model = readWorkbook(grid);
    expect(model.otherSemester).toBeUndefined();
    expect(model.data.distributions).toHaveLength(4);
    expect(validateSite(model).filter((f) => f.rule === 'sheet-of-another-semester')).toEqual([]);
  });
});
