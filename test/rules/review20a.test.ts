/**
 * Review 20a (test/fixtures/review20a/README.md): the faces as used. D5: an Excel error value is explained by the cause
 * of the value the cell shows, not a list of any; D4: a table row is named by its 序号 in English too (“No. 2”), never
 * “row 2”, which reads as the sheet's row.
 */
import { readWorkbook } from '../../src/forms/workbook';
import type { Finding } from '../../src/model/finding';
import { rowWords } from '../../src/model/finding';
import { parseA1, type WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { filledWorkbook, fixture, gridOf } from '../helpers';

const full = (f: Finding) => [f.rule, f.sheet, f.cell, f.row, f.message];
let grid: WorkbookGrid;
beforeAll(async () => {
  grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

/** The grid with `value` put at each `cell` of the vault log (a copy: the shared grid unchanged). */
function withLogCells(g: WorkbookGrid, cells: Record<string, string>): WorkbookGrid {
  const sheets = g.sheets.map((s) => (s.name === '出入库记录' ? { ...s, rows: s.rows.map((r) => [...(r ?? [])]) } : s));
  const log = sheets.find((s) => s.name === '出入库记录')!;
  for (const [cell, value] of Object.entries(cells)) {
    const { row, col } = parseA1(cell)!;
    log.rows[row][col] = value;
  }
  return { ...g, sheets };
}

describe('D5: an error value explained by its own cause', () => {
  const model = () => readWorkbook(withLogCells(grid, { I5: '#N/A', D5: '#REF!', F6: '#DIV/0!' }));

  it('in Chinese: #N/A a lookup not found, #REF! a cell deleted, #DIV/0! a division by 0', () => {
    expect(validateSite(model()).map(full)).toEqual([
      [
        'invalid-count',
        '出入库记录',
        'D5',
        2,
        '“数量”这一格显示的是“#REF!”，这是 Excel 的错误值：格子里的公式算不出结果（它引用的格子已被删除），表上和打印出来的都是“#REF!”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。',
      ],
      [
        'invalid-datetime',
        '出入库记录',
        'I5',
        2,
        '“还卷时间”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是日期时间。请改正公式，或删去公式直接填写，如“2024年6月15日8时30分”。',
      ],
      [
        'invalid-datetime',
        '出入库记录',
        'F6',
        3,
        '“取卷时间”这一格显示的是“#DIV/0!”，这是 Excel 的错误值：格子里的公式算不出结果（它在除以 0 或空格），表上和打印出来的都是“#DIV/0!”，不是日期时间。请改正公式，或删去公式直接填写，如“2024年6月15日8时30分”。',
      ],
    ]);
  });

  it('in English the same', () => {
    expect(validateSite(model(), { lang: 'en' }).map((f) => f.message.replace(/^[^(]*\(|\).*$/g, ''))).toEqual([
      'a cell it refers to was deleted',
      'a value it looks up was not found',
      'it divides by zero or by a blank cell',
    ]);
  });
});

describe('an error value in a 试卷名称 cell (seen with review 20b)', () => {
  it('is said as the error value it is, with the name the other forms write — not as a paper named “#N/A”', () => {
    expect(validateSite(readWorkbook(withLogCells(grid, { C4: '#N/A' }))).map(full)).toEqual([
      [
        'paper-name-mismatch',
        '出入库记录',
        'C4',
        1,
        '“试卷名称”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是试卷名称（试卷号 1001 在其他表写作“高等数学基础”）。请改正公式，或删去公式直接填写试卷名称。',
      ],
    ]);
  });
});

describe('D4: a table row named by its 序号', () => {
  it('“No. 2” in English, 序号 2 in Chinese, 第3班 / shift 3 on 附件5', () => {
    const vault = { form: 3, row: 2 } as const;
    const duty = { form: 5, row: 3 } as const;
    expect([rowWords(vault, 'en'), rowWords(vault), rowWords(duty, 'en'), rowWords(duty)]).toEqual(['No. 2', '序号 2', 'shift 3', '第3班']);
  });
});
