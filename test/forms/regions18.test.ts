/**
 * Review 18a (test/fixtures/review18a/README.md) against form-regions.ts: D4 a row holding a form's title alone inside
 * another form's table (“6月15日下午考试安排”, a session separator; “考试安排”) cut the table in two — its later rows and
 * their errors lost, a false “表头行找不到” and false findings; D8 the cost of titles: a 备注 naming 考试安排 on every row
 * of a log compared each cell with every note found (quadratic), and a sheet of titles made a region — a copy of the
 * sheet's rows — for each. The workbooks: the demo's faulty 天心考点 (as `custody demo` makes it) changed in memory as
 * the review's gen.py changes it, and review 17b's layouts; the whole finding, nothing else. Cost is counted, not timed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { formRegions } from '../../src/forms/form-regions';
import { indexSheet, readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { readXlsx } from '../../src/io/xlsx/reader';
import type { Finding } from '../../src/model/finding';
import { CellValue, SheetGrid, WorkbookGrid, parseRange } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const LAYOUTS = path.join(__dirname, '..', 'fixtures', 'layouts');
const layout = (name: string) => readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(LAYOUTS, `${name}.xlsx`))));

/** The demo's faulty 天心考点 workbook (7 errors), read. */
async function faultyDemo(): Promise<WorkbookGrid> {
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  return readXlsx(new Uint8Array(await fillWorkbook(plantDefects(net.sites[1]).data)));
}

const A1 = /^([A-Z]+)(\d+)$/;
const shiftCell = (cell: string, at: number) => cell.replace(A1, (_m, c: string, r: string) => `${c}${Number(r) - 1 >= at ? Number(r) + 1 : r}`);

/** The workbook with a row inserted into `sheet` at 0-based `at` (a person's 插入行), holding `cells`: merges below moved down. */
function withRow(grid: WorkbookGrid, name: string, at: number, cells: CellValue[]): WorkbookGrid {
  const sheets = grid.sheets.map((sheet): SheetGrid => {
    if (sheet.name !== name) return sheet;
    // The sheets changed here hold no uncached formula, struck cell, hidden row or filter to move with them.
    expect([sheet.formulas, sheet.struck, sheet.hiddenRows, sheet.autoFilter].filter((x) => x && Object.keys(x).length > 0)).toEqual([]);
    const rows = [...sheet.rows.slice(0, at), cells, ...sheet.rows.slice(at)];
    const merges = sheet.merges.map((m) =>
      m
        .split(':')
        .map((c) => shiftCell(c, at))
        .join(':'),
    );
    return { ...sheet, rows, merges };
  });
  return { ...grid, sheets };
}

/** The faulty demo's 7 errors, the vault log's rows 3–5 (sheet rows 6–8) a row lower: as with the row inserted above them. */
const BASE_WITH_LOG_ROW_INSERTED = [
  ['column-total', 'error', '交接单', 'D17', '“合计”写的是 11，但上面各行相加是 10。合计须等于本栏各行之和，请核对后改正。'],
  ['two-signers', 'error', '交接单', 'D20', '“接收人签字”只有 1 人签字（龚梅）。交接单每一方须两人签字，请由另一名在场人员补签。'],
  [
    'checkout-window',
    'error',
    '出入库记录',
    'F4',
    '试卷 1001 在 6月15日 06:30 出库，比它这场考试开考（6月15日 08:30）早了 2小时。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
  ],
  [
    'invalid-datetime',
    'error',
    '出入库记录',
    'I5',
    '“还卷时间”写的是“6月15日 十点多”，读不出是哪年哪月哪日几时几分。表上的时间须写到年、月、日、时、分，请改成如“2024年6月15日8时30分”或“2024-06-15 08:30”。',
  ],
  [
    'proctor-takes-papers',
    'error',
    '出入库记录',
    'E7',
    '取卷人“贺红怡”在涉卷人员名单上是“监考人员”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
  ],
  [
    'not-returned',
    'error',
    '出入库记录',
    'I8',
    '试卷 1112 于 6月15日 13:15 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
  ],
  [
    'duty-gap',
    'error',
    '值班记录2',
    'D3',
    '上一班到 6月15日 06:00 结束，这一班 6月15日 08:00 才开始，中间 2小时无人值班。试卷在库期间须 24 小时昼夜值班，请补记这段值班或核对时间。',
  ],
];

describe('review 18a D4: a form’s title alone on a row inside another form’s table is a note there, no region', () => {
  test.each([
    ['fr08: “6月15日下午考试安排” (a session separator)', '6月15日下午考试安排'],
    ['fr05: “考试安排”', '考试安排'],
  ])('%s between the vault log’s rows 2 and 3: every row read, the 7 errors at their cells, nothing else', async (_, text) => {
    const model = readWorkbook(withRow(await faultyDemo(), '出入库记录', 5, [text]));
    expect(model.data.vaultLog!.map((r) => r.paperNo)).toEqual(['1001', '1038', '1075', '1112', '1149']);
    expect(validateSite(model).map(full)).toEqual(BASE_WITH_LOG_ROW_INSERTED);
  });

  test('every form on Sheet1, the log with “6月15日下午考试安排” between its rows and “考试安排” between its title and its header: every form read, no finding', () => {
    let grid = layout('a5-all-on-sheet1');
    // Sheet1: the log's title at row 92, its header at 93, its rows 1–3 at 94–96 (0-based 91, 92, 93–95).
    grid = withRow(grid, 'Sheet1', 94, ['6月15日下午考试安排']);
    grid = withRow(grid, 'Sheet1', 92, ['考试安排']);
    const model = readWorkbook(grid);
    expect(model.data.vaultLog!.map((r) => [r.paperNo, r.takenAt])).toEqual([
      ['1001', '2024-06-15T07:45'],
      ['2045', '2024-06-15T09:45'],
      ['3310', '2024-06-16T07:50'],
    ]);
    expect(model.data.schedule?.length).toBe(3);
    expect(model.data.staff?.length).toBe(7);
    expect(model.data.distributions?.length).toBe(3);
    expect(model.data.site?.examSite).toBe('岳麓考点');
    expect(model.locations['vaultLog[2].takenAt']).toMatchObject({ sheet: 'Sheet1', cell: 'F98' });
    expect(validateSite(model).map(full)).toEqual([]);
  });
});

describe('review 18a D5: rows filled in under 以下空白 are read, and said once at it', () => {
  test('lb02: 以下空白 in the log’s row 10, rows 11–12 filled (1112 never returned, the proctor 贺红怡 taking 1075): both rows judged, one warning at A10', async () => {
    const grid = await faultyDemo();
    const log = grid.sheets.find((s) => s.name === '出入库记录')!;
    const rows = [...log.rows];
    // As review 18a's gen.py: row 10 holds 以下空白 alone; rows 11 and 12 copy rows 7 and 6 (序号 9 and 10).
    rows[9] = ['以下空白'];
    rows[10] = [9, ...rows[6].slice(1)];
    rows[11] = [10, ...rows[5].slice(1)];
    const model = readWorkbook({ ...grid, sheets: grid.sheets.map((s) => (s === log ? { ...log, rows } : s)) });
    expect(model.data.vaultLog!.map((r) => r.paperNo)).toEqual(['1001', '1038', '1075', '1112', '1149', '1112', '1075']);
    // The handover's two, the log's rows 1–2 (above 以下空白, where they were) and the duty gap are the base's.
    const base = BASE_WITH_LOG_ROW_INSERTED;
    expect(validateSite(model).map(full)).toEqual([
      ...base.slice(0, 4),
      [
        'proctor-takes-papers',
        'error',
        '出入库记录',
        'E6',
        '取卷人“贺红怡”在涉卷人员名单上是“监考人员”，同一次（6月15日 13:15）还取了 1 个试卷（第 10 行：1075）。监考人员不得到保密室领卷，须由考务人员领取，请核对这几行的取卷人。',
      ],
      [
        'not-returned',
        'error',
        '出入库记录',
        'I7',
        '试卷 1112 于 6月15日 13:15 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
      ],
      [
        'rows-after-closing',
        'warning',
        '出入库记录',
        'A10',
        '这里写了“以下空白”，表示表格到此为止，但它下面还登记了序号 9–10 这 2 行（已照常检查）。“以下空白”下面不应再登记：请把“以下空白”移到最后一条真实记录的下面，误登的行整行删除。',
      ],
      [
        'overdraw',
        'error',
        '出入库记录',
        'D11',
        '试卷 1112 在 6月15日 13:15 出库 1 袋后，同时在库外的共 2 袋，但到这时入库清单上这份试卷只有 1 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
      ],
      [
        'not-returned',
        'error',
        '出入库记录',
        'I11',
        '试卷 1112 于 6月15日 13:15 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
      ],
      [
        'overdraw',
        'error',
        '出入库记录',
        'D12',
        '试卷 1075 在 6月15日 13:15 出库 2 袋后，同时在库外的共 4 袋，但到这时入库清单上这份试卷只有 2 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
      ],
      base[6],
    ]);
  });
});

/**
 * Counts the work done while `run` runs: every callback an array's iteration method (some, every, find, filter, map,
 * forEach, …) calls, and every read of a row of `sheet` and of a cell of its rows (a row read by index or walked).
 */
function workOf(sheet: SheetGrid, run: (sheet: SheetGrid) => void): number {
  let work = 0;
  const counted = <T>(list: T[]): T[] =>
    new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) work++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  const watched: SheetGrid = { ...sheet, rows: counted(sheet.rows.map((cells) => (cells ? counted(cells) : cells))) };
  const methods = ['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'flatMap', 'reduce'] as const;
  const originals = methods.map((m) => Array.prototype[m]);
  methods.forEach((m, i) => {
    const original = originals[i] as (...args: unknown[]) => unknown;
    Object.defineProperty(Array.prototype, m, {
      configurable: true,
      writable: true,
      value(this: unknown[], fn: unknown, ...rest: unknown[]) {
        const inner = typeof fn === 'function' ? (...a: unknown[]) => (work++, (fn as (...b: unknown[]) => unknown)(...a)) : fn;
        return original.call(this, inner, ...rest);
      },
    });
  });
  try {
    run(watched);
  } finally {
    methods.forEach((m, i) => Object.defineProperty(Array.prototype, m, { configurable: true, writable: true, value: originals[i] }));
  }
  return work;
}

/** A vault log of `n` rows whose 备注 (L) says 按考试安排领取 on every row: a title of 考试安排 in each note. */
function loggedWithNotes(n: number): SheetGrid {
  const rows: CellValue[][] = [
    ['附件3'],
    ['纸质试卷出入库记录表'],
    ['序号', '试卷号', '试卷名称', '数量（袋/份）', '取卷人签字', '取卷时间', '卷库保管员出库签字', '还卷人签字', '还卷时间', '保管员入库签字', '单位', '备注'],
  ];
  for (let i = 1; i <= n; i++)
    rows.push([i, '1001', '高等数学基础', 2, '龚梅', '2024-06-15 07:45', '姜彬磊', '龚梅', '2024-06-15 10:15', '姜彬磊', '袋', '按考试安排领取']);
  return { name: '出入库记录', rows, merges: [] };
}

/** A sheet 目录 of `n` rows × 10 cells, every cell one of the eight forms' titles (review 18a fr03). */
function everyCellATitle(n: number): SheetGrid {
  const titles = ['基本信息', '考试安排', '涉卷人员', '纸质试卷交接单', '纸质试卷入库清单', '出入库记录', '试卷分发登记表', '保密室值班记录'];
  return { name: '目录', rows: Array.from({ length: n }, (_, r) => Array.from({ length: 10 }, (_, c) => titles[(r + c) % 8])), merges: [] };
}

describe('review 18a D8: the cost of titles on a sheet grows with its rows, not with their square', () => {
  test('a log whose 备注 names 考试安排 on every row: one region, the sheet; 4× the rows, at most 5× the work', () => {
    const workFor = (n: number) => {
      const sheet = loggedWithNotes(n);
      return workOf(sheet, (watched) => {
        const regions = formRegions(watched, indexSheet);
        expect(regions.length).toBe(1);
        expect(regions[0].sheet).toBe(watched);
      });
    };
    const small = workFor(1_000);
    const large = workFor(4_000);
    expect(large).toBeLessThanOrEqual(5 * small);
  });

  test('every cell of 1,000 / 4,000 rows a form’s title: read whole (no region a title), the work 4× the rows at most 5×', () => {
    const workFor = (n: number) =>
      workOf(everyCellATitle(n), (watched) => {
        const regions = formRegions(watched, indexSheet);
        expect(regions.length).toBe(1);
        expect(regions[0].sheet).toBe(watched);
      });
    const small = workFor(1_000);
    expect(workFor(4_000)).toBeLessThanOrEqual(5 * small);
  });

  test('forms stacked on Sheet1: each region holds its own rows and one empty row for those above it, none of those below', () => {
    const sheet = layout('a5-all-on-sheet1').sheets[0];
    const regions = formRegions(sheet, indexSheet);
    const tops = regions.map((r) => r.sheet.rows.findIndex((cells) => cells.length > 0));
    // 基本信息 from the top, then 考试安排 (row 15), 涉卷人员 (30), 交接单 (附件1 at 47), 入库清单 (70), 出入库记录 (91), 分发登记 (107), 值班记录.
    expect(tops.slice(0, 7)).toEqual([0, 14, 29, 46, 69, 90, 106]);
    expect(regions.length).toBe(8);
    regions.forEach((r, i) => {
      const end = i + 1 < regions.length ? tops[i + 1] : sheet.rows.length;
      expect(r.sheet.rows.length).toBe(end);
      expect(new Set(r.sheet.rows.slice(0, tops[i])).size).toBeLessThanOrEqual(1);
      // Its own rows are the sheet's, not copies of them.
      r.sheet.rows.slice(tops[i]).forEach((cells, k) => expect(cells).toBe(sheet.rows[tops[i] + k]));
    });
    // Every merge of the sheet in one region, and only there.
    expect(regions.flatMap((r) => r.sheet.merges).sort()).toEqual([...sheet.merges].sort());
    expect(regions.every((r) => r.sheet.merges.every((m) => parseRange(m) !== undefined))).toBe(true);
  });
});
