/**
 * Review 17b (test/fixtures/review17b/README.md on its branch): labels as other units type them. The review's
 * workbooks, copied to test/fixtures/layouts/, read as the CLI reads them and validated: the whole finding
 * (rule, severity, sheet, cell, message), nothing else; and what was read where it matters.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readCheckableWorkbook, readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { bareLabel, normalizeLabel } from '../../src/model/text';
import { validateSite } from '../../src/rules/engine';

const XLSX = path.join(__dirname, '..', 'fixtures', 'layouts');
const grid = (name: string) => readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`))));
const read = (name: string) => readWorkbook(grid(name));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
/** What the model read at a path (`intake.keeper`, `duty.shifts`), the model's types aside. */
const at = (model: { data: unknown }, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], model.data);
type Row = Record<string, unknown>;
const rows = (model: { data: unknown }, path: string): Row[] => (at(model, path) as Row[] | undefined) ?? [];

describe('D2: a required mark on 附件5’s 值班时间', () => {
  it('“*值班时间：” on both duty sheets: the workbook is checked, no finding, every shift read', () => {
    const model = readCheckableWorkbook(grid('b2a-required-mark-duty-only'));
    expect(model.unreadRows ?? []).toEqual([]);
    expect(validateSite(model).map(full)).toEqual([]);
    expect(rows(model, 'duty.shifts').map((s) => [s.kind, s.from])).toEqual([
      ['日间', '2024-06-14T10:00'],
      ['夜间', '2024-06-14T20:00'],
      ['日间', '2024-06-15T08:00'],
      ['夜间', '2024-06-15T20:00'],
    ]);
  });
});

describe('D2: one sheet’s rows unread no longer refuse the whole workbook', () => {
  it('附件5 without 值班时间： on one sheet: said at that sheet’s title with advice that fits, the other sheets checked', () => {
    const g = grid('b2a-required-mark-duty-only');
    const duty1 = g.sheets.find((s) => s.name === '值班记录1')!;
    duty1.rows = duty1.rows.map((r) => r?.map((v) => (typeof v === 'string' && v.includes('值班时间') ? '当班时段：' : v)));
    const model = readCheckableWorkbook(g);
    expect(validateSite(model).map(full)).toEqual([
      [
        'required-field',
        'error',
        '值班记录1',
        'A2',
        '工作表“值班记录1”上找不到“值班时间：”，附件5 保密室值班记录各班的值班记录都读不出来，这张表没有检查（其他表照常检查）。附件5 没有表头行，每班都以“值班时间：”开头：请按空白表在每班前写上“值班时间：”和时间，再检查一次。',
      ],
    ]);
    expect(rows(model, 'duty.shifts').length).toBe(2);
  });
});

describe('D3: a required mark, a footnote mark, a hint in brackets, a unit’s 名称', () => {
  it('“*考点：”, “*日期：” (基本信息, 附件1): no finding, the values read', () => {
    const model = read('b2b-required-mark-info-handover');
    expect(validateSite(model).map(full)).toEqual([]);
    expect([model.data.site?.examSite, model.data.handovers?.[0].time]).toEqual(['岳麓考点', '2024-06-14T09:30']);
  });

  it('“单位级别②：”, “日期①：”, “入库时间①：” and the headers 取卷时间① · 还卷时间②: no finding, every time read', () => {
    const model = read('b3-labels-footnote-mark');
    expect(validateSite(model).map(full)).toEqual([]);
    expect([model.data.site?.level, model.data.handovers?.[0].time, at(model, 'intake.time')]).toEqual(['考点', '2024-06-14T09:30', '2024-06-14T10:10']);
    expect(model.data.vaultLog?.map((r) => [r.takenAt, r.returnedAt])).toEqual([
      ['2024-06-15T07:45', '2024-06-15T10:20'],
      ['2024-06-15T09:45', '2024-06-15T12:15'],
      ['2024-06-16T07:50', '2024-06-16T10:15'],
    ]);
  });

  it('“日期（年月日时分）：”, “入库时间（年月日时分）：”, 附件4 “日期（年月日）：”: no finding', () => {
    const model = read('b4-labels-with-hint');
    expect(validateSite(model).map(full)).toEqual([]);
    expect(model.data.distributions?.map((d) => d.start)).toEqual(['2024-06-15T08:30', '2024-06-15T10:30', '2024-06-16T08:30']);
  });

  it('“考点名称：岳麓考点” in one cell is 考点 岳麓考点; 单位级别’s value 考点 is no label', () => {
    const model = read('b6-label-value-one-cell');
    expect(validateSite(model).map(full)).toEqual([]);
    expect(model.data.site?.examSite).toBe('岳麓考点');
    expect(model.locations['site.examSite']).toMatchObject({ sheet: '基本信息', cell: 'A5' });
  });

  it('drops the marks that do not change a label, keeps the brackets that do', () => {
    expect(
      ['*考点', '＊日期：', '日期①', '单位级别²', '日期注1', '日期（注1）', '入库时间（年月日时分）：', '保管员（签字）', '*日期①（年月日）'].map(
        normalizeLabel,
      ),
    ).toEqual(['考点', '日期', '日期', '单位级别', '日期', '日期', '入库时间', '保管员', '日期']);
    expect(['分校（学院）', '值班时间（起）', '数量（袋/份）', '移交人签字（两人）', '31份装（袋）', '备注1', '*', '①'].map(normalizeLabel)).toEqual([
      '分校(学院)',
      '值班时间(起)',
      '数量(袋/份)',
      '移交人签字(两人)',
      '31份装(袋)',
      '备注1',
      '*',
      '①',
    ]);
    expect(bareLabel('取卷时间(月日时分)')).toBe('取卷时间');
  });
});

describe('D4: signature labels in other words; a footer label ends the table', () => {
  it('保管员签字, 发卷人签字, 收卷人签字, 负责人签名, 交班人签名, 接班人签名: no finding, every signer read', () => {
    const model = read('b5-labels-signature-words');
    expect(validateSite(model).map(full)).toEqual([]);
    expect(at(model, 'intake.keeper')).toBe('陈静');
    expect(rows(model, 'distributions').map((d) => [d.issuer, d.receiver, (d.rows as Row[]).length])).toEqual([
      ['李强', '赵敏', 2],
      ['赵敏', '李强', 1],
      ['李强', '赵敏', 1],
    ]);
    expect(model.data.duty?.supervisor).toBe('王芳');
    expect(rows(model, 'duty.shifts').map((s) => [s.handedOverBy, s.takenOverBy])).toEqual([
      ['陈静', '刘洋'],
      ['刘洋', '陈静'],
      ['陈静', '刘洋'],
      ['刘洋', '陈静'],
    ]);
  });
});

describe('D9: 以下空白 under the last row ends the table', () => {
  it('in 试卷归属 (附件1) and 试卷号 (附件2, 附件3): no row, no finding', () => {
    const model = read('d2-yixia-kongbai');
    expect(validateSite(model).map(full)).toEqual([]);
    expect([rows(model, 'handovers.0.items').length, rows(model, 'intake.items').length, rows(model, 'vaultLog').length]).toEqual([3, 3, 3]);
  });

  it('planted: 3310 out 3 袋 with 2 in — overdraw alone', () => {
    expect(validateSite(read('d2-yixia-kongbai-planted')).map(full)).toEqual([
      [
        'overdraw',
        'error',
        '出入库记录',
        'D6',
        '试卷 3310 在 6月16日 07:50 出库 3 袋后，同时在库外的共 3 袋，但到这时入库清单上这份试卷只有 2 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
      ],
    ]);
  });
});
