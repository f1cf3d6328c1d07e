/**
 * Review 18a (test/fixtures/review18a/README.md): labels and cells as other offices' files hold them. A filled
 * workbook read as the CLI reads it and validated: the whole finding (rule, severity, sheet, cell, message), nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { parseA1, type WorkbookGrid } from '../../src/model/grid';
import { normalizeLabel } from '../../src/model/text';
import { validateSite } from '../../src/rules/engine';
import { canonical, filledWorkbook, fixture, gridOf } from '../helpers';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
let grid: WorkbookGrid;
beforeAll(async () => {
  grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

/** The grid with every label that ends in its colon (“考点：”, “日期：”) given `hint` before the colon. */
function hinted(g: WorkbookGrid, hint: string): { grid: WorkbookGrid; labels: number } {
  let labels = 0;
  const sheets = g.sheets.map((s) => ({
    ...s,
    rows: s.rows.map((r) =>
      (r ?? []).map((v) => {
        if (typeof v !== 'string' || !/^[\u4e00-\u9fff]{2,8}：$/.test(v)) return v;
        labels++;
        return `${v.slice(0, -1)}${hint}：`;
      }),
    ),
  }));
  return { grid: { ...g, sheets }, labels };
}

describe('D6: a hint of how to fill a label in, in brackets', () => {
  it.each(['（必填）', '（请填写）', '（选填）', '(必填)'])('every “X：” written “X%s：”: read as the blank form, no finding', (hint) => {
    const { grid: g, labels } = hinted(grid, hint);
    expect(labels).toBeGreaterThan(20);
    const model = readWorkbook(g);
    expect(validateSite(model).map(full)).toEqual([]);
    expect(canonical(model.data)).toEqual(canonical(fixture('kaodian.json')));
  });

  it('drops those hints, keeps a bracket that names the field', () => {
    expect(['考点（必填）：', '日期（请填写）', '备注（选填）', '保管员（亲笔签名）', '分校（学院）', '数量（袋/份）'].map(normalizeLabel)).toEqual([
      '考点',
      '日期',
      '备注',
      '保管员',
      '分校(学院)',
      '数量(袋/份)',
    ]);
  });
});

/** The grid with `value` put at `cell` of `sheet` (a copy: the shared grid unchanged). */
function withCell(g: WorkbookGrid, sheet: string, cell: string, value: string): WorkbookGrid {
  const { row, col } = parseA1(cell)!;
  const sheets = g.sheets.map((s) => (s.name === sheet ? { ...s, rows: s.rows.map((r) => [...(r ?? [])]) } : s));
  sheets.find((s) => s.name === sheet)!.rows[row][col] = value;
  return { ...g, sheets };
}

describe('D9: an Excel error value in a 试卷号 cell', () => {
  it('“#NAME?” as 附件3’s 试卷号: said as an error value at its cell, not as a mistyped paper number', () => {
    const model = readWorkbook(withCell(grid, '出入库记录', 'B5', '#NAME?'));
    expect(validateSite(model).map(full)).toEqual([
      [
        'unknown-paper',
        'error',
        '出入库记录',
        'B5',
        '“试卷号”这一格显示的是“#NAME?”，这是 Excel 的错误值：格子里的公式算不出结果（它用了 Excel 不认识的函数名或名称），表上和打印出来的都是“#NAME?”，不是试卷号，看不出出库或分发的是哪一种试卷。请改正公式，或删去公式直接填写试卷号。',
      ],
    ]);
  });
});

describe('D9: an Excel error value in a text field', () => {
  it('学期 “#REF!”: said at its cell (nothing was said)', () => {
    const at = readWorkbook(grid).locations['site.semester']!;
    const model = readWorkbook(withCell(grid, at.sheet, at.cell!, '#REF!'));
    expect(validateSite(model).map(full)).toEqual([
      [
        'required-field',
        'error',
        at.sheet,
        at.cell,
        '“学期”这一格显示的是“#REF!”，这是 Excel 的错误值：格子里的公式算不出结果（它引用的格子已被删除），表上和打印出来的都是“#REF!”，没有填出基本信息要写的“学期”。请改正公式，或删去公式直接填写。',
      ],
    ]);
  });

  it('交接单’s 接收地址 “#N/A”: said at its cell, once', () => {
    const at = readWorkbook(grid).locations['handovers[0].address']!;
    const model = readWorkbook(withCell(grid, at.sheet, at.cell!, '#N/A'));
    expect(validateSite(model).map(full)).toEqual([
      [
        'required-field',
        'error',
        at.sheet,
        at.cell,
        '“接收地址”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，没有填出附件1 纸质试卷交接单要写的“接收地址”。请改正公式，或删去公式直接填写。',
      ],
    ]);
  });
});

describe('D9: an Excel error value where a unit is named', () => {
  it.each(['handovers[0].to', 'site.examSite'])('%s “#N/A”: said once, at its cell — no unit compared with “#N/A”', (path) => {
    const at = readWorkbook(grid).locations[path]!;
    const model = readWorkbook(withCell(grid, at.sheet, at.cell!, '#N/A'));
    expect(validateSite(model).map((f) => [f.rule, f.sheet, f.cell])).toEqual([['required-field', at.sheet, at.cell]]);
  });
});

describe('D7: 出库 / 入库 over 日期 | 时间, a header on two rows', () => {
  /** c3 (review 17b: 取卷日期 | 取卷时间 on one row) with its header on two rows: 出库 over 日期 | 时间, 入库 over 日期 | 时间. */
  const grouped = (): WorkbookGrid => {
    const g = readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'layouts', 'c3-date-time-columns.xlsx'))));
    const log = g.sheets.find((s) => s.name === '出入库记录')!;
    const top = [
      '序号',
      '试卷号',
      '试卷名称',
      '数量（袋/份）',
      '取卷人签字',
      '出库',
      null,
      '卷库保管员出库签字',
      '还卷人签字',
      '入库',
      null,
      '保管员入库签字',
      '单位',
    ];
    const under = [null, null, null, null, null, '日期', '时间', null, null, '日期', '时间', null, null];
    log.rows = [...log.rows.slice(0, 2), top, under, ...log.rows.slice(3)];
    const downOver = ['A', 'B', 'C', 'D', 'E', 'H', 'I', 'L', 'M'].map((c) => `${c}3:${c}4`);
    log.merges = ['A2:M2', 'F3:G3', 'J3:K3', ...downOver];
    return g;
  };

  it('read as 取卷日期 | 取卷时间: every date joined to its time, no finding (each time “读不出是哪一天” before)', () => {
    const model = readWorkbook(grouped());
    expect(validateSite(model).map(full)).toEqual([]);
    expect(model.data.vaultLog?.map((r) => [r.takenAt, r.returnedAt])).toEqual([
      ['2024-06-15T07:45', '2024-06-15T10:20'],
      ['2024-06-15T09:45', '2024-06-15T12:15'],
      ['2024-06-16T07:50', '2024-06-16T10:15'],
    ]);
    expect([model.locations['vaultLog[0].takenAt.date']?.cell, model.locations['vaultLog[0].returnedAt.date']?.cell]).toEqual(['F5', 'J5']);
  });
});

describe('D9: a header cell showing an Excel error value', () => {
  it('附件3’s 取卷时间 header “#NAME?”: the lacking column said at that cell, not at the header’s first', () => {
    const log = grid.sheets.find((s) => s.name === '出入库记录')!;
    const row = log.rows.findIndex((r) => r?.includes('取卷时间'));
    const col = log.rows[row].indexOf('取卷时间');
    const cell = `${String.fromCharCode(65 + col)}${row + 1}`;
    const model = readWorkbook(withCell(grid, '出入库记录', cell, '#NAME?'));
    expect(validateSite(model).map(full)).toEqual([
      [
        'required-field',
        'error',
        '出入库记录',
        cell,
        '附件3 保密室试卷出入库记录表的表头里找不到“取卷时间”一栏，各行的“取卷时间”都读不到。请在表头加上“取卷时间”一栏（已有这一栏的，把表头改成“取卷时间”），逐行填写后再提交。',
      ],
    ]);
  });
});
