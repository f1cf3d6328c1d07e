/**
 * Round 23: “2207 2” — a 试卷号 and a short number after it with a space, in one 试卷号 cell — was read as the paper
 * 22072 (the reader drops a code's white space): unknown-paper “试卷号“22072”既不在入库清单上…” and every check of
 * the row made on a paper that does not exist. It is the paper 2207 and a stray number: the row is checked as 2207,
 * and the cell told so, with what the row's own count cell says — the number is not guessed to be its count.
 * 岳麓考点 (test/fixtures/kaodian.json): the vault log's row 1 is 1001, 3 袋 (出入库记录 row 4).
 */
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from './tester';

const tuple = (f: Finding) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message];

function read(retype: (g: WorkbookGrid) => void) {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  retype(grid);
  return readWorkbook(grid);
}

describe('a stray number after a 试卷号 (“1001 3”)', () => {
  it('is the paper 1001, its row checked as 1001, the stray kept with its cell', () => {
    const model = read((g) => typeInto(g, '出入库记录', 'B4', '1001 3'));
    expect(model.data.vaultLog![0]).toMatchObject({ paperNo: '1001', quantity: 3 });
    expect(model.codeStrays).toEqual([{ path: 'vaultLog[0].paperNo', typed: '1001 3', paper: '1001', stray: '3' }]);
  });

  it('its 数量 blank: the stray said with that, and the blank 数量 said by required-field', () => {
    const model = read((g) => {
      typeInto(g, '出入库记录', 'B4', '1001 3');
      typeInto(g, '出入库记录', 'D4', null);
    });
    expect(validateSite(model).map(tuple)).toEqual([
      [
        'unknown-paper',
        'stray',
        'error',
        3,
        '出入库记录',
        'B4',
        1,
        '“试卷号”写的是“1001 3”：试卷号 1001 后面空一格多写了“3”，它不是试卷号的一部分，也看不出是不是这一行的数量（本工具已按试卷 1001 核对这一行，没有把它读成试卷号 10013）。这一行的“数量”没有填写。请把“3”从这一格删去，只写试卷号 1001；若它是这一行的数量，请核对后填在“数量”一栏。',
      ],
      [
        'required-field',
        'cell',
        'error',
        3,
        '出入库记录',
        'D4',
        1,
        '序号 1 这一行的“数量”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。',
      ],
    ]);
  });

  it('in English', () => {
    const model = read((g) => typeInto(g, '出入库记录', 'B4', '1001 3'));
    expect(validateSite(model, { lang: 'en' }).map((f) => [f.cell, f.message])).toEqual([
      [
        'B4',
        'The 试卷号 cell reads "1001 3": paper 1001 with "3" after a space, which is no part of the paper number, and may or may not be the row’s quantity (the row was checked as paper 1001, not as paper 10013). The row’s 数量 says 3. Delete "3" from this cell and write the paper number 1001 alone; if it is the row’s quantity, check it and write it in its 数量 (quantity).',
      ],
    ]);
  });

  it('“1001 3袋、2045 1袋” is still two papers read apart, no stray', () => {
    const model = read((g) => typeInto(g, '出入库记录', 'B4', '1001 3袋、2045 1袋'));
    expect(model.codeStrays).toBeUndefined();
    expect(model.data.vaultLog![0].paperNo).toBe('1001(3袋)、2045(1袋)');
  });

  it('a 考场号 is no 试卷号: “301 2” in 考场号 is read as before (3012), nothing said of a 试卷号', () => {
    const model = read((g) => typeInto(g, '分发登记1', 'E6', '301 2'));
    expect(model.codeStrays).toBeUndefined();
    expect(model.data.distributions![0].rows![0].room).toBe('3012');
    expect(validateSite(model).map(tuple)).toEqual([]);
  });
});
