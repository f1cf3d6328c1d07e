/**
 * The readers survive how people type: each tolerance of DOMAIN.md "Reading
 * workbooks as people fill them" has its own test here.
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { sheetGridFromWorksheet } from '../../src/io/xlsx/exceljs-grid';
import type { Intake, SiteData } from '../../src/model/types';
import { readXlsx } from '../../src/io/xlsx/reader';
import { ruleMeta } from '../../src/rules/index';
import { validateSite } from '../../src/rules/engine';
import { canonical, filledWorkbook, fixture, gridOf, mapCells, pastedAsValues, readBack, stacked, writeBuffer } from '../helpers';

const kaodian = (): SiteData => fixture('kaodian.json');

/** The row whose printed 序号 (column A) is `seq`; 0 when none is. */
function rowNumbered(sheet: ExcelJS.Worksheet, seq: number): number {
  let found = 0;
  sheet.eachRow((r, n) => void (!found && r.getCell(1).value === seq && (found = n)));
  return found;
}

function dateText(d: Date, style: number): string {
  const [y, mo, da, h, mi] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const p = (n: number) => String(n).padStart(2, '0');
  switch (style) {
    case 0:
      return `${y}年${mo}月${da}日${h}时${mi}分`;
    case 1:
      return `${y}/${mo}/${da} ${h}:${p(mi)}`;
    case 2:
      return `${mo}月${da}日 ${h}:${p(mi)}`; // the year comes from the semester
    case 3:
      return `${y}-${p(mo)}-${p(da)} ${p(h)}:${p(mi)}`;
    default:
      return `${y}.${mo}.${da} ${h}:${p(mi)}`;
  }
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readers survive how people fill the forms', () => {
  test('renamed and reordered sheets are recognised by their content', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    wb.worksheets.forEach((ws, i) => {
      ws.name = `表${wb.worksheets.length - i}`;
    });
    wb.worksheets.reverse();
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test('a copy pasted as values at an offset into a fresh workbook (no merges, no styles)', async () => {
    const data = kaodian();
    const copy = pastedAsValues(await filledWorkbook(data), 3, 2);
    const model = await readBack(copy);
    expect(canonical(model.data)).toEqual(canonical(data));
    // Findings still point at the real cell: shifted 3 rows down and 2 columns right.
    const loc = model.locations['vaultLog[0].taker'];
    expect(copy.getWorksheet(loc.sheet)!.getCell(loc.cell).value).toBe('李强');
    expect(loc.cell).toBe('G7');
  });

  test('an autumn semester with its exams in January: "1月11日 8:10" is read in the next year', async () => {
    const data = kaodian();
    const shiftYear = (v: unknown) => (typeof v === 'string' ? v.replace(/^2024-06-1(\d)/, '2025-01-1$1') : v);
    data.site!.semester = '2024秋';
    data.handovers!.forEach((h) => (h.time = shiftYear(h.time) as string));
    (data.intake as Intake).time = shiftYear((data.intake as Intake).time) as string;
    data.schedule!.forEach((s) => ((s.start = shiftYear(s.start) as string), (s.end = shiftYear(s.end) as string)));
    data.vaultLog!.forEach((r) => ((r.takenAt = shiftYear(r.takenAt) as string), (r.returnedAt = shiftYear(r.returnedAt) as string)));
    data.distributions!.forEach((d) => {
      d.start = shiftYear(d.start) as string;
      d.end = shiftYear(d.end) as string;
      d.rows!.forEach((r) => ((r.issuedAt = shiftYear(r.issuedAt) as string), (r.returnedAt = shiftYear(r.returnedAt) as string)));
    });
    data.duty!.shifts!.forEach((s) => ((s.from = shiftYear(s.from) as string), (s.to = shiftYear(s.to) as string)));
    const wb = await filledWorkbook(data);
    mapCells(wb, (v) => (v instanceof Date ? dateText(v, 2) : v));
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test.each([0, 1, 2, 3, 4])('dates typed as text, style %d', async (style) => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    mapCells(wb, (v) => (v instanceof Date ? dateText(v, style) : v));
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test('times typed into Excel as times ("8:05": a serial below 1, a date of 1899-12-30) are read on their row\'s or form\'s day, as the same typed as text', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const timeOnly = (d: Date) => (d.getUTCHours() * 60 + d.getUTCMinutes()) / 1440;
    const sameDay = (a: unknown, b: unknown) => a instanceof Date && b instanceof Date && a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
    let changed = 0;
    for (const ws of wb.worksheets) {
      // 附件4's 领取/回收时间 (hh:mm cells under the form's date); 还卷时间 and 结束时间 on their row's start day.
      const starts = new Map<number, number>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const pair = { 还卷时间: '取卷时间', 结束时间: '开考时间' }[String(cell.value)];
          if (pair) row.eachCell((c) => void (String(c.value) === pair && starts.set(Number(cell.col), Number(c.col))));
        }),
      );
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const start = starts.get(Number(cell.col));
          const timeCell = cell.numFmt === 'hh:mm' || (start !== undefined && sameDay(cell.value, row.getCell(start).value));
          if (!(cell.value instanceof Date) || !timeCell) return;
          cell.value = timeOnly(cell.value);
          cell.numFmt = 'h:mm';
          changed++;
        }),
      );
    }
    expect(changed).toBe(7);
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test('a date typed into Excel without its time (a date format with no hour) in a 时分 field is incomplete and said so at its cell, by either reader; in a date field it is the date', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const model = await readBack(wb);
    const timeAt = model.locations['handovers[0].time'];
    const dayOf = (iso: string | undefined) => new Date(`${iso!.slice(0, 10)}T00:00:00Z`);
    // 附件1's 日期 (a date and time) and 附件4's 日期 (a date, its times in the rows) each typed as the day alone.
    const typed = [
      { at: timeAt, day: dayOf(data.handovers![0].time) },
      { at: model.locations['distributions[0].start'], day: dayOf(data.distributions![0].start) },
    ];
    for (const { at, day } of typed) {
      const c = wb.getWorksheet(at.sheet)!.getCell(at.cell);
      c.value = day;
      // A style of its own: exceljs shares one style object among the cells written with it.
      c.style = { ...c.style, numFmt: 'yyyy"年"m"月"d"日"' };
    }
    const handoverDay = typed[0].day;
    const shown = `${handoverDay.getUTCFullYear()}/${handoverDay.getUTCMonth() + 1}/${handoverDay.getUTCDate()}`;
    const bytes = new Uint8Array(await writeBuffer(wb));
    for (const grid of [readXlsx(bytes), await gridOf(wb)]) {
      const read = readWorkbook(grid);
      expect(read.data.handovers![0].time).toBe(shown);
      const meta = ruleMeta('invalid-datetime')!;
      expect(validateSite(read).filter((f) => f.rule === meta.id)).toEqual([
        {
          rule: 'invalid-datetime',
          severity: 'error',
          form: 1,
          sheet: timeAt.sheet,
          cell: timeAt.cell,
          row: null,
          message: `“日期”只写了日期“${shown}”，没有写几时几分。表上的时间须写到年、月、日、时、分，请补上时间，如“2024年6月15日8时30分”。`,
          clause: meta.clause,
        },
      ]);
      // Nothing else is read differently: 附件4's date is its day, the handover's time all that changed.
      read.data.handovers![0].time = data.handovers![0].time;
      expect(canonical(read.data)).toEqual(canonical(data));
    }
  });

  test('thresholds written with the unit their label names ("90分钟", "３天", "2个小时", "150 分") are their numbers', async () => {
    const data = kaodian();
    Object.assign(data.site!.settings!, {
      checkoutLeadMinutes: '90分钟',
      arrivalDaysBefore: '３天',
      intakeWithinHours: '2个小时',
      returnGraceMinutes: '150 分',
    });
    const model = await readBack(await filledWorkbook(data));
    expect(model.data.site!.settings).toEqual({
      ...kaodian().site!.settings,
      checkoutLeadMinutes: 90,
      arrivalDaysBefore: 3,
      intakeWithinHours: 2,
      returnGraceMinutes: 150,
    });
  });

  test.each([
    ['one below the other', 30, 0],
    ['side by side', 0, 12],
  ])('handover sheets kept on one worksheet, %s: each read, every value at its own cell', async (_how, rowOffset, colOffset) => {
    const data: SiteData = fixture('fenxiao.json');
    const wb = await filledWorkbook(data);
    const [first, second] = [wb.getWorksheet('交接单2')!, wb.getWorksheet('交接单3')!];
    second.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (!cell.isMerged || cell.master === cell) first.getCell(r + rowOffset, c + colOffset).value = cell.value;
      }),
    );
    for (const range of Object.values(
      (second as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges,
    )) {
      first.mergeCells(range.top + rowOffset, range.left + colOffset, range.bottom + rowOffset, range.right + colOffset);
    }
    wb.removeWorksheet(second.id);
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
    // The second copy's values sit where they were pasted: its receiving unit's cell, moved by the offset.
    const moved = (await readBack(await filledWorkbook(data))).locations['handovers[2].to']!;
    const at = model.locations['handovers[2].to']!;
    const shift = (cell: string) => {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
      return `${String.fromCharCode(col.charCodeAt(0) + colOffset)}${Number(row) + rowOffset}`;
    };
    expect([at.sheet, at.cell]).toEqual(['交接单2', shift(moved.cell)]);
  });

  test('a handover sheet with its second copy (一式两份) printed beside it: one handover, not two', async () => {
    const data: SiteData = fixture('fenxiao.json');
    const wb = await filledWorkbook(data);
    const sheet = wb.getWorksheet('交接单2')!;
    const cells: Array<[number, number, ExcelJS.CellValue]> = [];
    sheet.eachRow((row, r) => row.eachCell((cell, c) => void ((!cell.isMerged || cell.master === cell) && cells.push([r, c, cell.value]))));
    for (const [r, c, v] of cells) sheet.getCell(r, c + 12).value = v;
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test.each(['合计', '总计'])(
    'a totals row typed under the items ("%s" beside the printed 序号) ends the table: read as its total, not as an item',
    async (word) => {
      const data = kaodian();
      const wb = await filledWorkbook(data);
      const sheet = wb.getWorksheet('入库清单')!;
      // The row under the last item, its 序号 (4) printed by the form: 合计 typed in 试卷号, the bags in their columns.
      const row = rowNumbered(sheet, 4);
      expect(row).toBeGreaterThan(0);
      sheet.getCell(row, 2).value = word;
      // Its figures copied from the form's own 合计 row further down, which stays as printed.
      let printed = 0;
      sheet.eachRow((r, n) => void (n > row && r.values && (r.values as ExcelJS.CellValue[]).includes('合计') && !printed && (printed = n)));
      expect(printed).toBeGreaterThan(row);
      sheet.getRow(printed).eachCell((cell, c) => void (c > 2 && typeof cell.value === 'number' && (sheet.getCell(row, c).value = cell.value)));
      const model = await readBack(wb);
      expect(canonical(model.data.intake)).toEqual(canonical(data.intake));
      expect(validateSite(model).filter((f) => f.sheet === '入库清单')).toEqual([]);
    },
  );

  test("a signature merged down over the rows it signs (one 保管员 for three rows) is each row's", async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const sheet = wb.getWorksheet('出入库记录')!;
    // The columns where 陈静 signs every row, merged from the first row down over the next two.
    const first = rowNumbered(sheet, 1);
    const columns: number[] = [];
    sheet.getRow(first).eachCell((cell, c) => void (cell.value === '陈静' && columns.push(c)));
    expect(columns).toHaveLength(2);
    for (const c of columns) sheet.mergeCells(first, c, first + 2, c);
    const model = await readBack(wb);
    expect(canonical(model.data.vaultLog)).toEqual(canonical(data.vaultLog));
    expect(validateSite(model).filter((f) => f.sheet === '出入库记录')).toEqual([]);
  });

  test('a value merged down from a cell above the table (a header) is not taken into the rows', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const sheet = wb.getWorksheet('出入库记录')!;
    const first = rowNumbered(sheet, 1);
    // The 序号 header merged down into the first row: that row's 序号 is the header's slave, not a value.
    sheet.getCell(first, 1).value = null;
    sheet.mergeCells(first - 1, 1, first, 1);
    const model = await readBack(wb);
    expect(canonical(model.data.vaultLog)).toEqual(canonical(data.vaultLog));
  });

  test('a 小计 row between the items is neither an item nor the total', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const sheet = wb.getWorksheet('入库清单')!;
    const row = rowNumbered(sheet, 2);
    sheet.spliceRows(row, 0, [null, '小计', null, 3]);
    const model = await readBack(wb);
    expect((model.data.intake as Intake).items).toEqual((data.intake as Intake).items);
    expect((model.data.intake as Intake).totals).toEqual((data.intake as Intake).totals);
  });

  test.each([
    ['出入库记录', 'vaultLog'],
    ['涉卷人员', 'staff'],
  ] as const)('a %s continued on a second form below the first, on the same sheet: its rows are read too', async (sheetName, key) => {
    const data = kaodian();
    const rows = data[key] as unknown[];
    const wb = await stacked({ ...data, [key]: rows.slice(0, -1) }, { ...data, [key]: rows.slice(-1) }, sheetName);
    const model = await readBack(wb);
    expect(canonical(model.data[key])).toEqual(canonical(rows));
  });

  test('a second 入库清单 (another delivery) below the first on the same sheet is its own list', async () => {
    const data = kaodian();
    const intake = data.intake as Intake;
    const { paperNo: _no, paperName: _name, ...bags } = intake.items![0];
    const second: Intake = { ...intake, items: intake.items!.slice(0, 1), totals: bags as Intake['totals'] };
    const wb = await stacked(data, { ...data, intake: second }, '入库清单');
    const model = await readBack(wb);
    expect(canonical(model.data.intake)).toEqual(canonical([intake, second]));
  });

  test('full-width digits in counts, dates and paper numbers', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    mapCells(wb, (v) => {
      if (v instanceof Date) return FULL_WIDTH(dateText(v, 0));
      if (typeof v === 'number') return FULL_WIDTH(String(v));
      if (typeof v === 'string' && /^\d+$/.test(v)) return FULL_WIDTH(v);
      return v;
    });
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test('a value typed into its label\'s own cell ("接收单位：岳麓考点")', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const ws = wb.getWorksheet('交接单')!;
    let moved = 0;
    ws.eachRow((row) => {
      const label = row.getCell(1).value;
      if (label === '接收单位：' || label === '联系人（负责人）：' || label === '日期：') {
        let col = 2;
        while (row.getCell(col).isMerged && row.getCell(col).master.address === row.getCell(1).address) col++;
        const valueCell = row.getCell(col);
        const v = valueCell.value instanceof Date ? dateText(valueCell.value, 0) : String(valueCell.value);
        row.getCell(1).value = `${String(label)}${v}`;
        valueCell.value = null;
        moved++;
      }
    });
    expect(moved).toBe(3);
    const model = await readBack(wb);
    expect(canonical(model.data)).toEqual(canonical(data));
    expect(model.locations['handovers[0].to'].cell).toMatch(/^A\d+$/);
  });

  test('signers separated by 、，/ and spaces', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const separators = ['，', '/', ' ', '、 '];
    let i = 0;
    mapCells(wb, (v) => (typeof v === 'string' && /(^|：)[\u4e00-\u9fa5]{2}、[\u4e00-\u9fa5]{2}$/.test(v) ? v.replace('、', separators[i++ % 4]) : v));
    expect(i).toBeGreaterThan(0);
    const model = await readBack(wb);
    expect(model.data.handovers![0].fromSigners).toEqual(['张伟', '孙丽']);
    expect(model.data.handovers![0].toSigners).toEqual(['李强', '赵敏']);
  });

  test('formulas whose cached values are missing still give their totals', async () => {
    const data = kaodian();
    delete (data.intake as Intake).totals;
    (data.intake as Intake).items!.forEach((item) => delete item.totalBags);
    delete data.handovers![0].total;
    const wb = await filledWorkbook(data);
    let stripped = 0;
    mapCells(wb, (v) => {
      if (v && typeof v === 'object' && 'formula' in v) {
        stripped++;
        return { formula: (v as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
      }
      return v;
    });
    expect(stripped).toBeGreaterThan(5);
    const model = await readBack(wb);
    expect((model.data.intake as Intake).totals).toEqual({ bags31: 2, bags26: 1, bags11: 2, bags5: 1, totalBags: 6 });
    expect((model.data.intake as Intake).items!.map((i) => i.totalBags)).toEqual([3, 1, 2]);
    expect(model.data.handovers![0].total).toBe(6);
  });

  test('rows and columns inserted by hand', async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const ws = wb.getWorksheet('出入库记录')!;
    ws.spliceRows(2, 0, ['（本表由考点考务办填写）']);
    const grid = sheetGridFromWorksheet(ws);
    // An extra column between 试卷名称 and 数量.
    grid.rows.forEach((row) => row.splice(3, 0, null));
    const model = readWorkbook({ sheets: [grid] });
    expect(model.data.vaultLog).toEqual(data.vaultLog);
    expect(model.locations['vaultLog[0].quantity'].cell).toBe('E5');
  });

  test("merged cells: a value sits in the merge's first cell", async () => {
    const data = kaodian();
    const wb = await filledWorkbook(data);
    const ws = wb.getWorksheet('交接单')!;
    expect(ws.getCell('C3').isMerged).toBe(true);
    const model = await readBack(wb);
    expect(model.locations['handovers[0].time'].cell).toBe('C3');
  });
});

test("a sheet that only mentions a form's name further down is not taken for that form", () => {
  const notes = {
    name: '工作备忘',
    rows: [['本学期工作要点'], ['1. 核对人员'], ['2. 收集材料'], ['3. 整理归档'], ['4. 联系分校'], ['5. 按考试安排组织考务'], ['6. 涉卷人员培训']],
    merges: [],
  };
  const model = readWorkbook({ sheets: [notes] });
  expect(model.sheets).toEqual([{ sheet: '工作备忘', form: null }]);
  expect(model.unreadRows ?? []).toEqual([]);
});
