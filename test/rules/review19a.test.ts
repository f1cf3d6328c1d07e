/**
 * Review 19a (test/fixtures/review19a/README.md): what an officer sees of rounds 17–18's findings. The filled 考点
 * workbook read as the CLI reads it, changed one way, validated: the whole finding (rule, severity, sheet, cell,
 * message), and nothing else beside the unchanged workbook's.
 */
import { readWorkbook } from '../../src/forms/workbook';
import type { Finding } from '../../src/model/finding';
import { parseA1, type WorkbookGrid } from '../../src/model/grid';
import type { SiteModel } from '../../src/model/site-model';
import { ruleTitle } from '../../src/rules';
import { validateSite } from '../../src/rules/engine';
import { filledWorkbook, fixture, gridOf } from '../helpers';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
let grid: WorkbookGrid;
beforeAll(async () => {
  grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

/** The grid with `value` put at each `cell` of `sheet` (a copy: the shared grid unchanged). */
function withCells(g: WorkbookGrid, sheet: string, cells: Record<string, string>): WorkbookGrid {
  const sheets = g.sheets.map((s) => (s.name === sheet ? { ...s, rows: s.rows.map((r) => [...(r ?? [])]) } : s));
  const target = sheets.find((s) => s.name === sheet)!;
  for (const [cell, value] of Object.entries(cells)) {
    const { row, col } = parseA1(cell)!;
    target.rows[row][col] = value;
  }
  return { ...g, sheets };
}

/** The findings of `changed` that the same workbook without the change does not have (`before`: it has them all). */
function added(before: SiteModel, changed: SiteModel): unknown[][] {
  const had = new Set(validateSite(before).map((f) => JSON.stringify(full(f))));
  return validateSite(changed)
    .map(full)
    .filter((f) => !had.has(JSON.stringify(f)));
}

describe('D10: an Excel error value in a 试卷号 cell', () => {
  const NA =
    '“试卷号”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是试卷号，看不出出库或分发的是哪一种试卷。请改正公式，或删去公式直接填写试卷号。';

  it('is titled 试卷号有误 (not 试卷号不在清单上: the paper may be on it)', () => {
    expect([ruleTitle('unknown-paper'), ruleTitle('unknown-paper', 'en')]).toEqual(['试卷号有误', 'Wrong paper number']);
    const before = readWorkbook(grid);
    const changed = readWorkbook(withCells(grid, '出入库记录', { B5: '#N/A' }));
    expect(validateSite(changed).map(full)).toEqual([['unknown-paper', 'error', '出入库记录', 'B5', NA]]);
    expect(validateSite(before)).toEqual([]);
  });

  it('is said where the workbook keeps neither an intake list nor a schedule to look papers up in (nothing was said)', () => {
    const strip = (m: SiteModel): SiteModel => ({ ...m, data: { ...m.data, intake: undefined, schedule: undefined } });
    const before = strip(readWorkbook(grid));
    const changed = strip(readWorkbook(withCells(grid, '出入库记录', { B5: '#N/A' })));
    expect(added(before, changed)).toEqual([['unknown-paper', 'error', '出入库记录', 'B5', NA]]);
  });
});

describe('D4: rows-after-closing names the rows below 以下空白 by 序号, as every other finding does', () => {
  /** 岳麓考点's vault log with a row holding `word` alone (in 试卷号) inserted at 0-based `at`, the rows below a row lower. */
  const closedAt = (at: number, word: string): WorkbookGrid => ({
    ...grid,
    sheets: grid.sheets.map((s) => {
      if (s.name !== '出入库记录') return s;
      const rows = [...s.rows];
      rows.splice(at, 0, [null, word]);
      return { ...s, rows, merges: s.merges.map((m) => m.replace(/\d+/g, (r) => String(Number(r) - 1 >= at ? Number(r) + 1 : Number(r)))) };
    }),
  });
  const said = (g: WorkbookGrid, lang: 'zh' | 'en') =>
    validateSite(readWorkbook(g), { lang })
      .filter((f) => f.rule === 'rows-after-closing')
      .map((f) => [f.sheet, f.cell, f.row, f.message]);

  it('one row below (序号 3, sheet row 7): “序号 3 这一行”, “1 row filled in (No. 3)”', () => {
    const g = closedAt(5, '（以下空白）');
    expect(said(g, 'zh')).toEqual([
      [
        '出入库记录',
        'B6',
        null,
        '这里写了“（以下空白）”，表示表格到此为止，但它下面还登记了序号 3 这一行（已照常检查）。“（以下空白）”下面不应再登记：请把“（以下空白）”移到最后一条真实记录的下面，误登的行整行删除。',
      ],
    ]);
    expect(said(g, 'en')).toEqual([
      [
        '出入库记录',
        'B6',
        null,
        'This cell says “（以下空白）” (nothing below), closing the table, yet the table goes on below it: 1 row filled in (No. 3), checked as usual. Nothing should be entered below “（以下空白）”: move it below the last real record, and delete any row entered by mistake.',
      ],
    ]);
  });

  it('two rows below (序号 2–3): “序号 2–3 这 2 行”, “2 rows filled in (Nos. 2–3)”', () => {
    const g = closedAt(4, '以下空白');
    expect(said(g, 'zh').map((f) => f[3])).toEqual([
      '这里写了“以下空白”，表示表格到此为止，但它下面还登记了序号 2–3 这 2 行（已照常检查）。“以下空白”下面不应再登记：请把“以下空白”移到最后一条真实记录的下面，误登的行整行删除。',
    ]);
    expect(said(g, 'en').map((f) => f[3])).toEqual([
      'This cell says “以下空白” (nothing below), closing the table, yet the table goes on below it: 2 rows filled in (Nos. 2–3), checked as usual. Nothing should be entered below “以下空白”: move it below the last real record, and delete any row entered by mistake.',
    ]);
  });
});

describe('D3: an Excel error value in a signature cell names no one for same-person and duty-chain either', () => {
  it('取卷人 E4 and 出库保管员 G4, 交班人 D5 and 接班人 D6 all #N/A: signature-not-a-name at each cell, nothing else', () => {
    const before = readWorkbook(grid);
    let g = withCells(grid, '出入库记录', { E4: '#N/A', G4: '#N/A' });
    g = withCells(g, '值班记录1', { D5: '#N/A', D6: '#N/A' });
    const changed = readWorkbook(g);
    expect(added(before, changed).map((f) => f.slice(0, 4))).toEqual([
      ['signature-not-a-name', 'error', '出入库记录', 'E4'],
      ['signature-not-a-name', 'error', '出入库记录', 'G4'],
      ['signature-not-a-name', 'error', '值班记录1', 'D5'],
      ['signature-not-a-name', 'error', '值班记录1', 'D6'],
    ]);
  });
});

describe('D11: formula-cycle’s words fit a cycle of two times, and one more cell in English', () => {
  it('取卷时间 F5 and 还卷时间 I5 working each other out: said once at F5, naming I5', () => {
    const sheets = grid.sheets.map((s) => {
      if (s.name !== '出入库记录') return s;
      const rows = s.rows.map((r) => [...(r ?? [])]);
      rows[4][5] = null;
      rows[4][8] = null;
      return { ...s, rows, formulas: { ...s.formulas, F5: 'I5-1/24', I5: 'F5+1/24' } };
    });
    const model = readWorkbook({ ...grid, sheets });
    const cycle = (lang: 'zh' | 'en') =>
      validateSite(model, { lang })
        .filter((f) => f.rule === 'formula-cycle')
        .map(full);
    expect(cycle('zh')).toEqual([
      [
        'formula-cycle',
        'error',
        '出入库记录',
        'F5',
        '单元格 F5 的公式引用了它自己（循环引用：直接引用，或经由别的格又引用回来），算不出结果：Excel 打开时会提示循环引用并显示 0，表上没有真正的数；本表另有 1 格也是这样（I5）。请改正公式，使它不再直接或间接引用自己所在的格（如合计不要把合计格自己算进去，两格不要互相引用），或删去公式、直接填写。',
      ],
    ]);
    expect(cycle('en')).toEqual([
      [
        'formula-cycle',
        'error',
        '出入库记录',
        'F5',
        'The formula in F5 refers to itself (a circular reference, directly or through other cells) and has no result: Excel warns of the circular reference on opening and shows 0, so the form shows no real figure; the same in 1 more cell of this sheet (I5). Correct the formula so that it no longer refers to its own cell, directly or through others (a total must not include its own cell; two cells must not refer to each other), or delete it and type the value.',
      ],
    ]);
  });
});

describe('D9: “李强、同上” in a signature cell of this unit’s side is one slip, one finding', () => {
  it('接收人签字 D20: signature-not-a-name (dittoAmong) naming 李强 as the one signer read; two-signers says nothing more', () => {
    const before = readWorkbook(grid);
    const said = (lang: 'zh' | 'en') => {
      const had = new Set(validateSite(before, { lang }).map((f) => JSON.stringify(full(f))));
      return validateSite(readWorkbook(withCells(grid, '交接单', { D20: '接收人签字（两人）：李强、同上' })), { lang })
        .map(full)
        .filter((f) => !had.has(JSON.stringify(f)));
    };
    expect(said('zh')).toEqual([
      [
        'signature-not-a-name',
        'error',
        '交接单',
        'D20',
        '“接收人签字”写的是“李强、同上”，其中“同上”不是签名：签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替。这一格只读出“李强”签了字，另一处看不出是谁签的，也无法核对名单和资格。请把“同上”换成另一名签字人的姓名，没有第二人签字的就删去它、请第二人补签。',
      ],
    ]);
    expect(said('en')).toEqual([
      [
        'signature-not-a-name',
        'error',
        '交接单',
        'D20',
        '"接收人签字" reads "李强、同上": "同上" in it is a ditto mark, not a signature; each signature cell carries the signers’ own names. Only 李强 is read as signing there; no one can tell who else signed, nor check them against the roster. Replace "同上" with the second signer’s name, or delete it and have the second person sign.',
      ],
    ]);
  });
});
