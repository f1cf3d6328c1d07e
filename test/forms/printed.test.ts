/**
 * What the drafts print beyond their cells' own values: the unit a count
 * prints, picked in the helper column beside the form (附件1 袋/箱, 附件3
 * 袋/份), typed by hand or filled; the rows repeated atop every page; the
 * room a header field's value has for the widest it takes.
 */
import { FORMS, formEntry } from '../../src/forms';
import { CELL_PADDING, formText, textUnits } from '../../src/forms/measure';
import { renderForm } from '../../src/forms/render';
import { a1, parseRange } from '../../src/model/grid';

describe('a count prints the unit picked beside it', () => {
  test('附件1 and 附件3 carry one number format per unit over their 数量 rows, following the 单位 cell of each row; no other form has any', () => {
    const rules = Object.fromEntries(FORMS.map((entry) => [entry.layout.id, renderForm(entry.layout, entry.layout.sheetName).formatRules]));
    expect(rules).toEqual({
      site: undefined,
      schedule: undefined,
      staff: undefined,
      // 交接单: 数量 is D, 单位 is F (beside the print area, A:E), rows 8–16.
      handover: [
        { range: 'D8:D16', whenColumn: 5, equals: '袋', numFmt: '0"袋"' },
        { range: 'D8:D16', whenColumn: 5, equals: '箱', numFmt: '0"箱"' },
      ],
      intake: undefined,
      // 出入库记录: 数量 is D, 单位 is K (beside the print area, A:J), rows 4–13.
      vaultLog: [
        { range: 'D4:D13', whenColumn: 10, equals: '袋', numFmt: '0"袋"' },
        { range: 'D4:D13', whenColumn: 10, equals: '份', numFmt: '0"份"' },
      ],
      distribution: undefined,
      duty: undefined,
    });
  });

  test('a filled form writes the count as a plain number and its unit beside it, the rules covering every row it has', () => {
    const items = Array.from({ length: 12 }, (_x, i) => ({ destination: `考点${i + 1}`, quantity: i + 1, unit: i % 2 ? '箱' : '袋' }));
    const draft = renderForm(formEntry('handover').layout, '交接单', undefined, { items });
    const at = (row: number, col: number) => draft.cells.find((c) => c.row === row && c.col === col)!;
    const rows = items.map((_x, i) => 7 + i);
    expect(rows.map((r) => ({ cell: a1(r, 3), value: at(r, 3).value, numFmt: at(r, 3).numFmt, unit: at(r, 5).value }))).toEqual(
      items.map((item, i) => ({ cell: `D${8 + i}`, value: item.quantity, numFmt: undefined, unit: item.unit })),
    );
    expect(draft.formatRules).toEqual([
      { range: 'D8:D19', whenColumn: 5, equals: '袋', numFmt: '0"袋"' },
      { range: 'D8:D19', whenColumn: 5, equals: '箱', numFmt: '0"箱"' },
    ]);
  });
});

describe('附件1 totals its 数量 per unit (2箱 and 3袋 are not 5)', () => {
  const handover = formEntry('handover').layout;
  const totalOf = (draft: ReturnType<typeof renderForm>) => {
    const cell = draft.cells.find((c) => c.style === 'total' && c.col === 3)!;
    return { cell: a1(cell.row, cell.col), value: cell.value, formula: cell.formula, numFmt: cell.numFmt };
  };
  // 数量 D8:D16, 单位 F8:F16: each unit's SUMIF, 箱 first, then what no unit picked counts for, each after a 、, the first cut off.
  const FORMULA =
    'MID(IF(SUMIF(F8:F16,"箱",D8:D16)>0,"、"&SUMIF(F8:F16,"箱",D8:D16)&"箱","")&IF(SUMIF(F8:F16,"袋",D8:D16)>0,"、"&SUMIF(F8:F16,"袋",D8:D16)&"袋","")' +
    '&IF((SUM(D8:D16)-SUMIF(F8:F16,"箱",D8:D16)-SUMIF(F8:F16,"袋",D8:D16))>0,"、"&(SUM(D8:D16)-SUMIF(F8:F16,"箱",D8:D16)-SUMIF(F8:F16,"袋",D8:D16)),""),2,99)';

  test('the blank form’s 合计 is a formula that works it out from the 数量 and 单位 typed, empty until something is', () => {
    expect(totalOf(renderForm(handover, '交接单'))).toEqual({ cell: 'D17', value: '', formula: FORMULA, numFmt: undefined });
  });

  test('fill, where the data leaves the total out, keeps the formula with the rows’ total per unit as its value; a row of no unit stands bare', () => {
    const items = [
      { destination: '岳麓考点', quantity: 3, unit: '袋' },
      { destination: '天心考点', quantity: 2, unit: '箱' },
      { destination: '雨花考点', quantity: 4, unit: '袋' },
    ];
    expect(totalOf(renderForm(handover, '交接单', undefined, { items }))).toEqual({ cell: 'D17', value: '2箱、7袋', formula: FORMULA, numFmt: undefined });
    const unpicked = [...items, { destination: '望城考点', quantity: 12 }];
    expect(totalOf(renderForm(handover, '交接单', undefined, { items: unpicked })).value).toBe('2箱、7袋、12');
  });

  test('fill writes the data’s own total as it is: a plain number, printed with the rows’ unit when they all name one; text as text', () => {
    const bags = [
      { destination: '岳麓考点', quantity: 3, unit: '袋' },
      { destination: '天心考点', quantity: 2, unit: '袋' },
    ];
    expect(totalOf(renderForm(handover, '交接单', undefined, { items: bags, total: 5 }))).toEqual({
      cell: 'D17',
      value: 5,
      formula: undefined,
      numFmt: '0"袋"',
    });
    // Wrong, and written as the data says: the validator's to find.
    const mixed = [bags[0], { ...bags[1], unit: '箱' }];
    expect(totalOf(renderForm(handover, '交接单', undefined, { items: mixed, total: 5 }))).toEqual({
      cell: 'D17',
      value: 5,
      formula: undefined,
      numFmt: undefined,
    });
    expect(totalOf(renderForm(handover, '交接单', undefined, { items: mixed, total: '2箱、3袋' })).value).toBe('2箱、3袋');
  });
});

describe('the rows repeated atop every printed page', () => {
  test('every form with a table repeats its title and header lines with the table header; 基本信息 and 附件5 have no table to run on', () => {
    const titles = Object.fromEntries(FORMS.map((entry) => [entry.layout.id, renderForm(entry.layout, entry.layout.sheetName).print.titleRows]));
    expect(titles).toEqual({
      site: undefined,
      schedule: '1:2',
      staff: '1:2',
      // 附件1: caption, title, 日期, 接收单位, 接收地址, 联系人, the table header.
      handover: '1:7',
      // 附件2 and 附件3: caption, title naming the unit and 学期, the table header.
      intake: '1:3',
      vaultLog: '1:3',
      // 附件4: caption, title, the unit with 日期 and 时间, the two rows of the table header.
      distribution: '1:5',
      duty: undefined,
    });
  });

  test('a register long enough to print on more pages keeps them, each page with its session', () => {
    const rows = Array.from({ length: 18 }, (_x, i) => ({ paperNo: '1001', copies: 30, room: String(i + 1) }));
    const draft = renderForm(formEntry('distribution').layout, '分发登记', undefined, { start: '2024-06-15T08:30', end: '2024-06-15T10:00', rows });
    // Rows 1–15 on the first page (0-based rows 5–19), 16–18 with 发卷人/收卷人 and the 备注 on the second (page-breaks.test.ts).
    expect(draft.print).toEqual({ landscape: true, area: 'A1:J25', titleRows: '1:5', fitToHeight: 0, rowBreaks: [19] });
  });
});

describe('a header value is as wide as the widest it takes', () => {
  test("附件4's 日期 holds its longest date and 时间 its blank on one line: columns G and J widened, the row one line tall", () => {
    const draft = renderForm(formEntry('distribution').layout, '分发登记');
    const row3 = draft.cells.filter((c) => c.row === 2 && c.value !== null).map((c) => ({ cell: a1(c.row, c.col), value: c.value, holds: c.holds }));
    expect(row3).toEqual([
      { cell: 'A3', value: '湖南分部______分校（学院）______考点', holds: undefined },
      { cell: 'F3', value: '日期：', holds: undefined },
      { cell: 'G3', value: '    年  月  日', holds: '2024年12月28日' },
      { cell: 'H3', value: '时间：', holds: undefined },
      { cell: 'I3', value: '（     ：   —     ：   ）', holds: '（     ：   —     ：   ）' },
    ]);
    // G was 11.75 (the date "2024年6月15日" broke over two lines), J 12. I3:J3's blank (（     ：   —     ：   ）)
    // spread over I and J by their widths (review 15b D3: it all went to J, 15.25). G was 15, its digits measured at
    // 宋体's half width: with Calibri's metrics (Carlito) LibreOffice printed 2024年6月15日 on two lines in every session.
    expect(draft.widths).toEqual([6, 8, 16, 9.5, 7.5, 10, 17.75, 10, 13.5, 13.75]);
    expect(draft.heights[2]).toBe(26);
  });

  test('in every form, every value cell is as wide as what it must hold, blank or filled', () => {
    const filled = {
      time: '2024-12-28T23:59',
      start: '2024-12-28T08:30',
      end: '2024-12-28T10:00',
      shifts: [{ kind: '日间', from: '2024-12-28T23:59', to: '2024-12-29T23:59' }],
    };
    for (const record of [undefined, filled]) {
      const held = FORMS.flatMap((entry) => {
        const draft = renderForm(entry.layout, entry.layout.sheetName, undefined, record);
        const spans = draft.merges.map((m) => parseRange(m)!);
        return draft.cells
          .filter((c) => c.holds !== undefined)
          .map((c) => {
            const span = spans.find((b) => b.top === c.row && b.left === c.col) ?? { left: c.col, right: c.col };
            const have = draft.widths.slice(span.left, span.right + 1).reduce((x, y) => x + y, 0);
            return { form: entry.layout.id, cell: a1(c.row, c.col), holds: c.holds, fits: have >= formText.textUnits(c.holds!) + CELL_PADDING };
          });
      });
      expect(held).toEqual([
        // A blank wider than the longest date is what the cell must hold.
        { form: 'handover', cell: 'C3', holds: '        年     月     日     时     分', fits: true },
        { form: 'intake', cell: 'C17', holds: '      年    月    日    时    分', fits: true },
        { form: 'distribution', cell: 'G3', holds: '2024年12月28日', fits: true },
        { form: 'distribution', cell: 'I3', holds: '（     ：   —     ：   ）', fits: true },
        { form: 'duty', cell: 'D3', holds: '2024年12月28日23时59分', fits: true },
        { form: 'duty', cell: 'F3', holds: '28日23时59分', fits: true },
        { form: 'duty', cell: 'D7', holds: '2024年12月28日23时59分', fits: true },
        { form: 'duty', cell: 'F7', holds: '28日23时59分', fits: true },
      ]);
    }
  });
});

describe('a digit or Latin letter of a form is measured as wide as it prints where 宋体 is missing', () => {
  test("4/3 of Calibri's digit (DejaVu Sans, LibreOffice's sans on Linux: 0.64 em), a space one, a CJK character two; 宋体's own measure (the summary's) keeps it at one", () => {
    const texts = ['2024年6月15日', '08:30—10:00', '    年  月  日', 'A'];
    // In thirds of a unit: 7 digits and 3 characters; 10 digits and colons and a dash; 8 spaces and 3 characters; a letter.
    expect(texts.map((t) => Math.round(formText.textUnits(t) * 3))).toEqual([7 * 4 + 18, 10 * 4 + 6, 24 + 18, 4]);
    expect(texts.map((t) => textUnits(t))).toEqual([13, 12, 14, 1]);
    // A room of 13 units (12 inside the padding): 2024年6月15日 took one line at half width, two as it prints.
    expect([formText.wrappedLines('2024年6月15日', 13), formText.wrappedLines('2024年6月15日', 16.5)]).toEqual([2, 1]);
  });

  test("附件5's widths: 值班时间 (D) holds 2024年12月28日23时59分 on one line, the 日间 / 夜间 column (B) a character and its room either side", () => {
    // Were [4, 5, 13, 23, 4, 17]: with Calibri's metrics (Carlito) 日 printed 10 pt from 情况记录, read as one line with it.
    expect(renderForm(formEntry('duty').layout, '值班记录').widths).toEqual([4, 7, 13, 27, 4, 17]);
  });
});
