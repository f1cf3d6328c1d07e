/**
 * The long tables of the consolidated summary are written straight into
 * exceljs's streaming sheet (directRows in src/io/xlsx/summary/style.ts):
 * the file must be, byte for byte, the one exceljs makes from Row and Cell
 * objects (fillRow), style ids and shared strings included.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, Column, ShowContext } from '../../src/summary/columns';
import { streamingWriter } from '../../src/io/xlsx/summary';
import { directRows, fillRow, newSheet, shownRow, signature, styleHeader, tableSheet, tableStyles } from '../../src/io/xlsx/summary/style';
import { severityRows } from '../../src/io/xlsx/summary/conditional';

const COLUMNS: ReadonlyArray<Column<never>> = [
  { key: 'name', header: { zh: '名称', en: 'Name' }, width: 10 },
  { key: 'count', header: { zh: '数量', en: 'Count' }, width: 8, numFmt: '0' },
  { key: 'share', header: { zh: '比例', en: 'Share' }, width: 8, numFmt: '0.0%' },
  { key: 'note', header: { zh: '说明', en: 'Note' }, width: 12, wrap: true },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 8, words: { ok: { zh: '正常', en: 'OK' }, bad: { zh: '异常', en: 'Wrong' } } },
  { key: 'time', header: { zh: '时间', en: 'Time' }, width: 18, kind: 'datetime' },
  { key: 'plain', header: { zh: '其他', en: 'Other' }, width: 6 },
];

const ROWS: ReadonlyArray<readonly Cell[]> = [
  ['岳麓考点', 12, 0.25, '短', 'ok', '2024-06-15T08:30', 'x'],
  ['a & b < c > d "e" \'f\'', 0, -1.5, '一段很长很长的说明文字，一行放不下，要折行显示，这一行因此更高', 'bad', '2024-06-15', 1e21],
  [null, null, null, null, null, null, null],
  ['', '', '', '', '', '', ''],
  ['岳麓考点', 3.141592653589793, 1, null, 'unknown', 'not a date', ''],
  ['a name far too long for its narrow column, so it wraps', 7, null, '', 'ok', null, -0],
  ['\u0001 control', 1e-7, 2, 'line\nbreak', 'bad', '2024-01-01T00:00', 'end'],
];

/** Enough rows that the direct way writes several batches before its last. */
const MANY = Array.from({ length: 20 }, () => ROWS).flat();

const ctx: ShowContext = { lang: 'zh', ruleTitle: (id) => id };

/** exceljs's streaming writer, as the consolidated summary takes it. */
const Writer = streamingWriter()!;

async function written(direct: boolean): Promise<{ parts: Map<string, string>; used: boolean }> {
  const created = new Date(Date.UTC(2024, 0, 1));
  const wb = new Writer({ useStyles: true, useSharedStrings: true, creator: 'test', created, modified: created });
  let used = false;
  // Two sheets, so that the second starts from the registries the first filled.
  for (const name of ['甲', '乙']) {
    const ws = newSheet(wb, name, { ySplit: 1 }, '1:1');
    const widths = COLUMNS.map((c) => c.width);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const header = ws.addRow(COLUMNS.map((c) => c.header.zh));
    styleHeader(
      header,
      COLUMNS.map((c) => c.header.zh),
      widths,
    );
    header.commit();
    const styles = tableStyles(COLUMNS, 'zh');
    const rows = direct ? directRows(ws, COLUMNS.length) : undefined;
    used ||= rows !== undefined;
    for (const raw of MANY) {
      const shown = shownRow(COLUMNS, raw, widths, ctx, styles);
      if (rows) rows.add(shown);
      else {
        const row = ws.addRow([]);
        fillRow(row, shown);
        row.commit();
      }
    }
    rows?.end();
    // What tableSheet and its callers do after the rows: through exceljs, from the row the direct way left it at.
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: MANY.length + 1, column: COLUMNS.length } };
    severityRows(ws, COLUMNS.length, 2, MANY.length + 1, 5, 'zh');
    signature(ws, MANY.length + 3, COLUMNS.length, 'zh');
    (ws as unknown as { commit(): void }).commit();
  }
  await wb.commit();
  const zip = await JSZip.loadAsync(wb.stream.toBuffer());
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('string'));
  return { parts, used };
}

describe('directRows writes the bytes exceljs writes', () => {
  test('every part of the file is the same, and the direct way was taken', async () => {
    const viaExceljs = await written(false);
    const direct = await written(true);
    expect(direct.used).toBe(true);
    expect(viaExceljs.used).toBe(false);
    expect([...direct.parts.keys()]).toEqual([...viaExceljs.parts.keys()]);
    for (const [name, text] of viaExceljs.parts) expect([name, direct.parts.get(name)]).toEqual([name, text]);
    // The rows are there, the two blank ones (rows 4 and 5) left out as exceljs leaves them out.
    const sheet = direct.parts.get('xl/worksheets/sheet1.xml')!;
    const rowNumbers = [...sheet.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rowNumbers.slice(0, 6)).toEqual([1, 2, 3, 6, 7, 8]);
    // 7 rows a time, two of them blank; then the signature two rows below the last.
    expect(rowNumbers).toHaveLength(1 + 20 * 5 + 1);
    expect(rowNumbers[rowNumbers.length - 1]).toBe(MANY.length + 3);
    expect(sheet).toContain(`<mergeCell ref="A${MANY.length + 3}:G${MANY.length + 3}"/>`);
    expect(sheet).toContain('<c r="G3" s="2"><v>1e+21</v></c>');
    expect(sheet).toContain('<c r="D6" s="5"/>');
    expect(direct.parts.get('xl/sharedStrings.xml')).toContain('a &amp; b &lt; c &gt; d');
  });

  test('an ordinary workbook and a sheet with rows pending go through exceljs', () => {
    const ordinary = new ExcelJS.Workbook().addWorksheet('甲');
    ordinary.addRow(['x']);
    expect(directRows(ordinary, 1)).toBeUndefined();
    const ws = new Writer({ useStyles: true, useSharedStrings: true }).addWorksheet('乙');
    const header = ws.addRow(['x']);
    header.commit();
    expect(directRows(ws, 1)).toBeDefined();
    ws.addRow(['pending']);
    expect(directRows(ws, 1)).toBeUndefined();
  });
});

describe('a table longer than a sheet holds', () => {
  /** Rows 1..n of a sheet that tableSheet wrote, read back with exceljs: [row number, first cell, second cell]. */
  async function tableOf(rows: number, lastRow: number, streaming: boolean, lang: 'zh' | 'en' = 'zh'): Promise<{ returned: number; cells: unknown[][] }> {
    const wb = streaming ? new Writer({ useStyles: true, useSharedStrings: true }) : new ExcelJS.Workbook();
    const ws = newSheet(wb, '问题清单', { ySplit: 1 }, '1:1');
    const raw = Array.from({ length: rows }, (_, i) => [`第 ${i + 1} 行`, i + 1, null, null, null, null, null] as Cell[]);
    const returned = await tableSheet(ws, COLUMNS, raw, { ...ctx, lang }, { lastRow });
    let bytes: Buffer;
    if (streaming) {
      (ws as unknown as { commit(): void }).commit();
      await (wb as unknown as { commit(): Promise<void> }).commit();
      bytes = (wb as unknown as { stream: { toBuffer(): Buffer } }).stream.toBuffer();
    } else bytes = Buffer.from(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: unknown[][] = [];
    back.worksheets[0].eachRow((row, r) => cells.push([r, row.getCell(1).value, row.getCell(2).value]));
    return { returned, cells };
  }

  test.each([true, false])('ends at its last row with a row saying how many are left out (streaming: %s)', async (streaming) => {
    const { returned, cells } = await tableOf(10, 6, streaming);
    expect(cells).toEqual([
      [1, '名称', '数量'],
      [2, '第 1 行', 1],
      [3, '第 2 行', 2],
      [4, '第 3 行', 3],
      [5, '第 4 行', 4],
      [6, '另有 6 行未能列出：Excel 一张表最多 6 行。全部内容见 custody summary --format json 的输出，或各单位工作簿的检查结果', null],
    ]);
    expect(returned).toBe(6);
  });

  test('a table that just fits is written whole, with no such row; in English the row says so in English', async () => {
    expect((await tableOf(5, 6, true)).cells.map((c) => c[1])).toEqual(['名称', '第 1 行', '第 2 行', '第 3 行', '第 4 行', '第 5 行']);
    expect((await tableOf(6, 6, true, 'en')).cells.slice(-1)).toEqual([
      [
        6,
        "2 more rows are not listed: an Excel sheet holds at most 6 rows. All of them are in the output of custody summary --format json, or in each unit's own check",
        null,
      ],
    ]);
  });
});
