/**
 * Review 17b's leftovers on forms laid out as other units lay them out (fix-layout18): 单位名称 as the label of the
 * unit's own name in 基本信息. Workbooks from test/fixtures/layouts/ (the review's) or drawn from the fixtures, edited
 * as the officer typed them, read as the CLI reads them and validated: the whole finding (rule, severity, sheet, cell,
 * message), nothing else; and what was read, where.
 */
import * as fs from 'fs';
import * as path from 'path';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from '../rules/tester';

const XLSX = path.join(__dirname, '..', 'fixtures', 'layouts');
const grid = (name: string) => readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const rowsOf = (g: WorkbookGrid, sheet: string): CellValue[][] => g.sheets.find((s) => s.name === sheet)!.rows as CellValue[][];

describe('单位名称: the unit’s own name where 基本信息 asks it by the unit’s level', () => {
  test('a 考点 typing “单位名称：” for “考点：” (A5, its value in B5): read as its 考点, at B5; no finding', () => {
    const g = grid('b8-value-below');
    rowsOf(g, '基本信息')[4][0] = '单位名称：';
    const model = readWorkbook(g);
    expect([model.data.site?.examSite, model.locations['site.examSite']]).toEqual(['岳麓考点', { sheet: '基本信息', cell: 'B5', form: 0, row: null }]);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('“单位名称：岳麓考点” in one cell: read at A5; no finding', () => {
    const g = grid('b8-value-below');
    rowsOf(g, '基本信息')[4] = ['单位名称：岳麓考点'];
    const model = readWorkbook(g);
    expect([model.data.site?.examSite, model.locations['site.examSite']?.cell]).toEqual(['岳麓考点', 'A5']);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('a 分校 typing “单位名称：” for “分校（学院）：”: read as its 分校; no finding', () => {
    const g = gridFromDrafts(draftWorkbook(base('fenxiao')));
    const info = rowsOf(g, '基本信息');
    const at = info.findIndex((r) => r?.[0] === '分校（学院）：');
    expect(at).toBeGreaterThan(0);
    typeInto(g, '基本信息', `A${at + 1}`, '单位名称：');
    const model = readWorkbook(g);
    expect([model.data.site?.school, model.data.site?.examSite ?? '']).toEqual(['长沙分校', '']);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('单位级别 left blank: 单位名称 岳麓考点 is read as the 考点 its name ends with; only the blank level is said', () => {
    const g = grid('b8-value-below');
    const info = rowsOf(g, '基本信息');
    info[4][0] = '单位名称：';
    info[5][1] = null;
    const model = readWorkbook(g);
    expect(model.data.site?.examSite).toBe('岳麓考点');
    expect(validateSite(model).map(full)).toEqual([
      ['required-field', 'error', '基本信息', 'B6', '“单位级别”没有填写。这是基本信息必填的一项，请补填后再提交。'],
    ]);
  });

  test('“考点：岳麓考点” kept and a 单位名称 naming the 分校 in place of 分校（学院）: the 考点 stands, the 分校 is still not found', () => {
    const g = grid('b8-value-below');
    rowsOf(g, '基本信息')[3][0] = '单位名称：';
    const model = readWorkbook(g);
    expect([model.data.site?.examSite, model.data.site?.school]).toEqual(['岳麓考点', undefined]);
    expect(validateSite(model).map(full)).toEqual([
      [
        'required-field',
        'error',
        '基本信息',
        'A1',
        '表上找不到“分校”这一项，所以它也没有填写。这是基本信息必填的一项：请按空白表在表上写出“分校：”并填写（已有这一项、只是写法不同的，把它改成“分校：”）。',
      ],
    ]);
  });
});
