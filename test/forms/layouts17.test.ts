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
