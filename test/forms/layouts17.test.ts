/**
 * Forms laid out as other units lay them out (review 17b, test/fixtures/layouts/, copied from the review's cases):
 * D5 a value typed under its label, and 基本信息's labels across a row with the values under them; D7 a hidden old
 * column headed like the visible one; D8 a group word over generic sub-headers (出库 over 取卷人 · 时间 · 保管员); D6 a
 * date and a time in two columns; D1 two different forms on one sheet. Each workbook read as the CLI reads it and
 * validated: the whole finding (rule, severity, sheet, cell, message), nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';

const XLSX = path.join(__dirname, '..', 'fixtures', 'layouts');
const read = (name: string) => readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

describe('D5: a value under its label', () => {
  test('附件2 “入库时间：” with the date typed under it (A18) is read: no finding', () => {
    const model = read('b8-value-below');
    expect((model.data.intake as { time?: string }).time).toBe('2024-06-14T10:10');
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('基本信息 with its labels across row 2 and the values under them: each value read from under its label', () => {
    const model = read('b9-info-horizontal');
    expect(model.data.site).toMatchObject({ semester: '2024春', branch: '湖南分部', school: '长沙分校', examSite: '岳麓考点', level: '考点' });
    expect(validateSite(model).map(full)).toEqual([]);
  });
});

describe('D7: an old column kept hidden, headed like the visible one', () => {
  test('the hidden 取卷时间 (F, empty) loses to the visible one (G): no finding', () => {
    const model = read('c4-hidden-old-column');
    expect(model.data.vaultLog!.map((r) => r.takenAt)).toEqual(['2024-06-15T07:45', '2024-06-15T09:45', '2024-06-16T07:50']);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('the hidden one holding last term’s 1月13日 07:40 is not read either: no finding', () => {
    const model = read('c5-hidden-old-column-filled');
    expect(model.data.vaultLog!.map((r) => r.takenAt)).toEqual(['2024-06-15T07:45', '2024-06-15T09:45', '2024-06-16T07:50']);
    expect(validateSite(model).map(full)).toEqual([]);
  });
});

describe('D8: a group word over generic sub-headers (出库 over 取卷人 · 时间 · 保管员; 入库 over 还卷人 · 时间 · 保管员)', () => {
  test('read as the form’s columns: no finding', () => {
    const model = read('c6-header-group-generic');
    expect(model.data.vaultLog!.map((r) => [r.takenAt, r.issuedBy, r.returnedAt, r.receivedBy])).toEqual([
      ['2024-06-15T07:45', '陈静', '2024-06-15T10:20', '陈静'],
      ['2024-06-15T09:45', '陈静', '2024-06-15T12:15', '陈静'],
      ['2024-06-16T07:50', '陈静', '2024-06-16T10:15', '陈静'],
    ]);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('planted: 2045 taken out 08:45 for its 10:30 exam is found at F6, and nothing else', () => {
    expect(validateSite(read('c6-header-group-generic-planted')).map(full)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'F6',
        '试卷 2045 在 6月15日 08:45 出库，比它这场考试开考（6月15日 10:30）早了 1小时45分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });
});

describe('D6: 附件3 with the date and the time in two columns (取卷日期 | 取卷时间, 还卷日期 | 还卷时间)', () => {
  test('each time read on its date column’s day (the time an Excel time): no finding', () => {
    const model = read('c3-date-time-columns');
    expect(model.data.vaultLog!.map((r) => [r.takenAt, r.returnedAt])).toEqual([
      ['2024-06-15T07:45', '2024-06-15T10:20'],
      ['2024-06-15T09:45', '2024-06-15T12:15'],
      ['2024-06-16T07:50', '2024-06-16T10:15'],
    ]);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('planted: 1001 taken out at 6:45 is found at the time’s cell G4, and nothing else', () => {
    expect(validateSite(read('c3-date-time-columns-planted')).map(full)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'G4',
        '试卷 1001 在 6月15日 06:45 出库，比它这场考试开考（6月15日 08:30）早了 1小时45分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });
});

describe('D1: different forms on one sheet, each read from its own region', () => {
  test.each([
    ['基本信息 over 考试安排 (基本信息 sheet)', 'a1-info-schedule-stacked'],
    ['交接单 over 入库清单 (交接入库 sheet)', 'a4-handover-intake-stacked'],
    ['every form on Sheet1', 'a5-all-on-sheet1'],
    ['附件2 in A–H, 附件3 from J (入库及出入库 sheet)', 'a2-intake-vault-side-by-side'],
  ])('%s: every form read, no finding', (_, name) => {
    const model = read(name);
    expect(model.data.schedule?.length).toBe(3);
    expect(model.data.handovers?.length).toBeGreaterThan(0);
    expect(model.data.vaultLog?.length).toBe(3);
    expect(model.data.site?.examSite).toBe('岳麓考点');
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('planted: 附件3 beside 附件2, its 2045 out at 08:45 found at its own cell O5, and nothing else', () => {
    expect(validateSite(read('a2-intake-vault-side-by-side-planted')).map(full)).toEqual([
      [
        'checkout-window',
        'error',
        '入库及出入库',
        'O5',
        '试卷 2045 在 6月15日 08:45 出库，比它这场考试开考（6月15日 10:30）早了 1小时45分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });

  test('each form’s values keep their real cells: 入库清单 under 交接单 on one sheet', () => {
    const model = read('a4-handover-intake-stacked');
    expect(model.locations['intake.items[0].paperNo']).toMatchObject({ sheet: '交接入库', cell: 'B27' });
  });
});

describe('D1’s regions and a marked copy’s 问题清单', () => {
  test('a list whose 工作表 column names 出入库记录, 涉卷人员 and 考试安排 (as forms’ titles read) is no form cut into regions: nothing more found', () => {
    const grid = readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, 'b8-value-below.xlsx'))));
    const list = {
      name: '问题清单',
      rows: [
        ['试卷保密助手检查发现的问题：错误 3 处，警告 0 处'],
        ['序', '严重程度', '工作表', '单元格', '序号/班次/栏目', '问题', '说明及改法'],
        [1, '错误', '出入库记录', 'G4', '序号 1', '必填项未填', '…'],
        [2, '错误', '涉卷人员', 'D8', '序号 3', '监考人员资格', '…'],
        [3, '错误', '考试安排', 'D4', '序号 2', '时间先后颠倒', '…'],
      ],
      merges: [],
    };
    const model = readWorkbook({ ...grid, sheets: [...grid.sheets, list] });
    expect(validateSite(model).map(full)).toEqual([]);
    expect(Object.values(model.locations).filter((at) => at.sheet === '问题清单')).toEqual([]);
  });
});
