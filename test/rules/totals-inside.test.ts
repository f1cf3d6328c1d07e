/**
 * fix-totals23. (1) Review 22b O4: a 小计 people write in 附件3 (“6月15日小计”) drew no finding — column-total read the
 * totals of 附件1 and 附件2 only. Such a total over a row whose count or day cannot be read is said to be unchecked,
 * naming that row, not called wrong (catalogue.test.ts has the cases with no other finding). (2) A handover's part
 * totals each summed its rows from the first: 2,000 小计 read every item some 2,000,000 times. They are now summed once
 * (rules/running-counts.ts): the reads grow with the rows, the findings are as before.
 */
import { check } from '../../src/rules/column-total';
import { computeFacts } from '../../src/rules/facts';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { SiteModel } from '../../src/model/site-model';
import { findingsFor, typeInto } from './tester';
import { filledWorkbook, fixture, gridOf } from '../helpers';

jest.setTimeout(120_000);

/** 岳麓考点's vault log with “6月15日小计” (数量 `figure`) between its days (6/15: rows 1–2, 3 and 1 bags; 6/16: row 3), and `typed`. */
const vaultDayTotal = (figure: CellValue, typed: Record<string, CellValue>) => (g: WorkbookGrid) => {
  const sheet = g.sheets.find((s) => s.name === '出入库记录')!;
  sheet.rows.splice(5, 0, [null, '6月15日小计']);
  sheet.merges = sheet.merges.map((m) => m.replace(/\d+/g, (r) => String(Number(r) - 1 >= 5 ? Number(r) + 1 : Number(r))));
  typeInto(g, '出入库记录', 'D6', figure);
  for (const [cell, v] of Object.entries(typed)) typeInto(g, '出入库记录', cell, v);
};

const found = (retype: (g: WorkbookGrid) => void) => findingsFor({ name: '', retype }).map((f) => [f.rule, f.form, f.sheet, f.cell, f.row, f.message]);

describe('a 小计 in the vault log over a row that cannot be read', () => {
  test('row 1’s 数量 shows #N/A: invalid-count at D4, and the 小计 at D6 said unchecked, naming row 1 (not a sum of 1)', () => {
    expect(found(vaultDayTotal(5, { D4: '#N/A' }))).toEqual([
      [
        'invalid-count',
        3,
        '出入库记录',
        'D4',
        1,
        '“数量”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。',
      ],
      [
        'column-total',
        3,
        '出入库记录',
        'D6',
        null,
        '“6月15日小计行的数量”写的是 5，但它合计的行中，序号 1 的“数量”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
      ],
    ]);
  });

  test('row 1’s 数量 in words that read as no count (三袋半): the 小计 said unchecked, its words quoted', () => {
    const findings = found(vaultDayTotal(5, { D4: '三袋半' }));
    expect(findings.map(([rule, , , cell]) => [rule, cell])).toEqual([
      ['invalid-count', 'D4'],
      ['column-total', 'D6'],
    ]);
    expect(findings[1][5]).toBe(
      '“6月15日小计行的数量”写的是 5，但它合计的行中，序号 1 的“数量”写的是“三袋半”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
    );
  });

  test('row 2’s 取卷时间 unreadable and the 小计 not the rest of 6/15 (5 for 3): unchecked, naming row 2’s 取卷时间', () => {
    expect(found(vaultDayTotal(5, { F5: '当天上午' }))).toEqual([
      [
        'invalid-datetime',
        3,
        '出入库记录',
        'F5',
        2,
        '“取卷时间”写的是“当天上午”，读不出是哪年哪月哪日几时几分。表上的时间须写到年、月、日、时、分，请改成如“2024年6月15日8时30分”或“2024-06-15 08:30”。',
      ],
      [
        'column-total',
        3,
        '出入库记录',
        'D6',
        null,
        '“6月15日小计行的数量”写的是 5，6月15日的各行（序号 1）相加是 3；但序号 2 的“取卷时间”写的是“当天上午”，看不出是哪一天，这一小计无从核对。请先改正序号 2 的“取卷时间”，再核对这一小计。',
      ],
    ]);
  });

  test('row 2’s 取卷时间 unreadable but the 小计 the day’s rows that can be read (3): not judged, no false finding', () => {
    expect(found(vaultDayTotal(3, { F5: '当天上午' })).map(([rule, , , cell]) => [rule, cell])).toEqual([['invalid-datetime', 'F5']]);
  });
});

describe('2,000 小计 rows on one handover sheet', () => {
  const ROWS = 2000;
  let base: WorkbookGrid;
  beforeAll(async () => {
    base = await gridOf(await filledWorkbook(fixture('kaodian.json')));
  });

  /** 岳麓考点's handover as `ROWS` items of 1 bag, a 小计 (1) under each — `wrong` on the one under item `at` — then the 合计. */
  function handoverWithSubtotals({ wrong, at }: { wrong?: number; at?: number } = {}): SiteModel {
    const sheets = base.sheets.map((s) => {
      if (s.name !== '交接单') return s;
      const rows: CellValue[][] = s.rows.slice(0, 7).map((r) => [...(r ?? [])]);
      for (let i = 1; i <= ROWS; i++) rows.push([null, i, '岳麓考点', 1, null, '袋'], [null, '小计', null, i === at ? wrong! : 1, null]);
      rows.push([null, '合计', null, ROWS, null], ...s.rows.slice(17).map((r) => [...(r ?? [])]));
      return { ...s, rows, merges: [] };
    });
    return readWorkbook({ ...base, sheets });
  }

  /** column-total alone over `model`, each read of a handover item's field counted: the findings' paths and the reads. */
  function checkedCounting(model: SiteModel): { paths: string[]; reads: number } {
    let reads = 0;
    const handovers = model.data.handovers!.map((h) => ({
      ...h,
      items: h.items?.map((it) => new Proxy(it, { get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)) })),
    }));
    const counted = { ...model, data: { ...model.data, handovers } };
    const paths: string[] = [];
    check({ model: counted, facts: computeFacts(model), report: (path) => void paths.push(path) });
    return { paths, reads };
  }

  test(`${ROWS} items, a 小计 under each, none wrong: ${ROWS} part totals, no finding, a few reads an item`, () => {
    const model = handoverWithSubtotals();
    expect([model.data.handovers![0].items!.length, model.partTotals!.length, model.data.handovers![0].total]).toEqual([ROWS, ROWS, ROWS]);
    const { paths, reads } = checkedCounting(model);
    expect(paths).toEqual([]);
    // Before: each 小计 read every item above it, some 2,000,000 item reads × 6 fields.
    expect(reads).toBeLessThanOrEqual(20 * ROWS);
  });

  test('one 小计 wrong among 2,000: that one said, at its cell, with the row it totals, as before', () => {
    const model = handoverWithSubtotals({ wrong: 5, at: 1001 });
    const { reads } = checkedCounting(model);
    expect(reads).toBeLessThanOrEqual(20 * ROWS);
    expect(validateSite(model, { only: ['column-total'] }).map((f) => [f.rule, f.form, f.sheet, f.cell, f.row, f.message])).toEqual([
      [
        'column-total',
        1,
        '交接单',
        'D2009',
        null,
        '“小计行的数量”写的是 5，但它合计的各行（序号 1001）相加是 1。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
    ]);
  });
});

/**
 * fix-totals24 (1): on 附件1 and 附件2 a 小计 over a row whose count cannot be read was passed over in silence (the
 * total neither checked nor said unchecked); it is said to be unchecked, naming that row, as on 附件3 (above).
 */
describe('a 小计 on the handover or the intake list over a row that cannot be read', () => {
  /** 岳麓考点's handover with a 小计 (`figure`) under its rows 1–3 (3, 1 and 2 bags), row 1's 数量 `typed`. */
  const handoverSubtotal = (figure: CellValue, typed: CellValue) => (g: WorkbookGrid) => {
    typeInto(g, '交接单', 'B11', '小计');
    typeInto(g, '交接单', 'D11', figure);
    typeInto(g, '交接单', 'D8', typed);
  };
  /** 岳麓考点's intake list with a 小计 (2, 1, 2, 1, 6: right) under its rows, row 1's 31份装 `typed`. */
  const intakeSubtotal = (typed: CellValue) => (g: WorkbookGrid) => {
    typeInto(g, '入库清单', 'B7', '小计');
    [2, 1, 2, 1, 6].forEach((n, k) => typeInto(g, '入库清单', `${'DEFGH'[k]}7`, n));
    typeInto(g, '入库清单', 'D4', typed);
  };

  test('handover row 1’s 数量 shows #N/A: invalid-count at D8, and the 小计 at D11 said unchecked, naming row 1', () => {
    expect(found(handoverSubtotal(6, '#N/A'))).toEqual([
      [
        'invalid-count',
        1,
        '交接单',
        'D8',
        1,
        '“数量”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。',
      ],
      [
        'column-total',
        1,
        '交接单',
        'D11',
        null,
        '“小计行的数量”写的是 6，但它合计的行中，序号 1 的“数量”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
      ],
      // fix-totals25: the printed 合计 likewise (it was silent).
      [
        'column-total',
        1,
        '交接单',
        'D17',
        null,
        '“合计”写的是 6，但它合计的行中，序号 1 的“数量”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
      ],
    ]);
  });

  test('handover row 1’s 数量 in words that read as no count (三袋半): the 小计 said unchecked, its words quoted', () => {
    const findings = found(handoverSubtotal(6, '三袋半'));
    expect(findings.map(([rule, , , cell]) => [rule, cell])).toEqual([
      ['invalid-count', 'D8'],
      ['column-total', 'D11'],
      ['column-total', 'D17'],
    ]);
    expect(findings[1][5]).toBe(
      '“小计行的数量”写的是 6，但它合计的行中，序号 1 的“数量”写的是“三袋半”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
    );
  });

  test('a handover 小计 over readable rows only, wrong: said wrong as before, not unchecked', () => {
    expect(found(handoverSubtotal(9, 3)).map(([rule, , , cell, , message]) => [rule, cell, message])).toEqual([
      [
        'column-total',
        'D11',
        '“小计行的数量”写的是 9，但它合计的各行（序号 1–3）相加是 6。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
    ]);
  });

  test('intake row 1’s 31份装 shows #N/A: invalid-count at D4, the 小计’s 31份装 at D7 said unchecked; its other columns checked', () => {
    expect(found(intakeSubtotal('#N/A'))).toEqual([
      [
        'invalid-count',
        2,
        '入库清单',
        'D4',
        1,
        '“31份装”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。',
      ],
      [
        'column-total',
        2,
        '入库清单',
        'D7',
        null,
        '“小计行的31份装（袋）”写的是 2，但它合计的行中，序号 1 的“31份装”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
      ],
      [
        'column-total',
        2,
        '入库清单',
        'D14',
        null,
        '“合计行的31份装（袋）”写的是 2，但它合计的行中，序号 1 的“31份装”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
      ],
    ]);
  });
});

/**
 * fix-totals24 (2): a day's 小计 on 附件4 (and 附件3 under a heading, catalogue.test.ts) covered the rows since the part
 * before it — the day before's too where it had no 小计. 分发登记1 kept for two days: 6/15's rows 1–2 (30 and 27 copies),
 * 6/16's row 3 (20), a total row under it; each case compares the findings with and without that total row.
 */
describe('a day’s 小计 on the distribution register', () => {
  /** 分发登记1 with 6/16's row 3 typed in, headings `first` / `second` above the days (none when ''), and `total` under row 3. */
  const twoDays = (first: string, second: string, total?: [string, number]) => (g: WorkbookGrid) => {
    const sheet = g.sheets.find((s) => s.name === '分发登记1')!;
    sheet.rows[7] = [3, '3310', '中国现代文学', 20, '01', '2024-06-16T08:05:00.000Z', '吴刚', '2024-06-16T10:06:00.000Z', '吴刚', null];
    const inserted: Array<[number, CellValue[]]> = [];
    if (total) inserted.push([8, [null, total[0], null, total[1]]]);
    if (first) inserted.push([7, [null, second]], [5, [null, first]]);
    for (const [at, row] of inserted) {
      sheet.rows.splice(at, 0, row);
      sheet.merges = sheet.merges.map((m) => m.replace(/\d+/g, (r) => String(Number(r) - 1 >= at ? Number(r) + 1 : Number(r))));
    }
  };
  /** The findings the total row adds to those of the register without it. */
  const added = (first: string, second: string, total: [string, number]) => {
    const without = found(twoDays(first, second)).map((f) => JSON.stringify(f.slice(0, 3).concat(f.slice(5))));
    return found(twoDays(first, second, total)).filter((f) => !without.includes(JSON.stringify(f.slice(0, 3).concat(f.slice(5)))));
  };
  const WRONG = (word: string, cell: string) => [
    [
      'column-total',
      4,
      '分发登记1',
      cell,
      null,
      `“${word}行的试卷份数”写的是 21，但6月16日的各行（序号 3）相加是 20。按日写的小计须等于当天各行之和，请核对后改正。`,
    ],
  ];

  test('6月16日小计 right (20): no finding added (was 20 against rows 1–3, 77)', () => {
    expect(added('', '', ['6月16日小计', 20])).toEqual([]);
  });
  test('6月16日小计 wrong (21): the day’s row 3 named', () => {
    expect(added('', '', ['6月16日小计', 21])).toEqual(WRONG('6月16日小计', 'D9'));
  });
  test('小计 under the heading 6月16日, right (20): no finding added', () => {
    expect(added('6月15日', '6月16日', ['小计', 20])).toEqual([]);
  });
  test('小计 under the heading 6月16日, wrong (21): the day’s row 3 named', () => {
    expect(added('6月15日', '6月16日', ['小计', 21])).toEqual(WRONG('小计', 'D11'));
  });
});

/**
 * Review 24 D2: a 分校 groups its vault log's checkouts by the 考点 they go to, a 小计 under each block named by the unit
 * (岳麓考点小计). Read as a record, it gave partial-row errors and, beside 试卷号, a made-up paper in the summary; a wrong
 * figure on it passed unseen. It is a part's total, checked over its block.
 */
describe('a 分校’s vault log with a 小计 under each 考点’s checkouts', () => {
  /** 长沙分校's log (rows 1–5: 2+2+2 bags to 岳麓考点, 2+1 to 天心考点) with `label`s 小计 under rows 3 and 5, in column `col`. */
  const unitSubtotals =
    (labels: [string, string], figures: [CellValue, CellValue], col = 0) =>
    (g: WorkbookGrid) => {
      const sheet = g.sheets.find((s) => s.name === '出入库记录')!;
      const subtotal = (label: string, figure: CellValue): CellValue[] => Object.assign([], { [col]: label, 3: figure });
      sheet.rows.splice(8, 0, subtotal(labels[1], figures[1]));
      sheet.rows.splice(6, 0, subtotal(labels[0], figures[0]));
      const shifted = (r: number) => r + (r >= 7 ? 1 : 0) + (r >= 9 ? 1 : 0);
      sheet.merges = sheet.merges.map((m) => m.replace(/\d+/g, (r) => String(shifted(Number(r)))));
    };
  const foundIn = (retype: (g: WorkbookGrid) => void) =>
    findingsFor({ name: '', base: 'fenxiao', retype }).map((f) => [f.rule, f.form, f.sheet, f.cell, f.row, f.message]);

  test.each([
    ['序号', 0],
    ['试卷号', 1],
  ])('named in the %s column, each right: no finding', (_, col) => {
    expect(foundIn(unitSubtotals(['岳麓考点小计', '天心考点小计'], [6, 3], col))).toEqual([]);
  });

  test('岳麓考点合计 and 天心考点 小计, each right: no finding', () => {
    expect(foundIn(unitSubtotals(['岳麓考点合计', '天心考点 小计'], [6, 3]))).toEqual([]);
  });

  test('岳麓考点小计 5 for 6: column-total at its cell, naming the rows it totals', () => {
    expect(foundIn(unitSubtotals(['岳麓考点小计', '天心考点小计'], [5, 3]))).toEqual([
      [
        'column-total',
        3,
        '出入库记录',
        'D7',
        null,
        '“岳麓考点小计行的数量”写的是 5，但它合计的各行（序号 1–3）相加是 6。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
    ]);
  });
});
