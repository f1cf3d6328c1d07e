/**
 * The marked copy made by patching the package (mark-parts.ts) against the
 * one made through exceljs: read back with exceljs, every cell of every sheet
 * has the same value, style and note text; the parts a mark does not touch
 * are the original's bytes; cells the sheet lacked are added where they go;
 * notes there already are kept, ours merged in; what the patch does not
 * handle (threaded comments) goes through exceljs.
 */
import { fieldLabels } from '../../src/check/finding-list';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { markedCopy, markedThroughExceljs } from '../../src/io/xlsx/mark';
import { markParts } from '../../src/io/xlsx/mark-parts';
import { MARK_COLORS, cellMarks } from '../../src/check/marks';
import type { Finding } from '../../src/model/finding';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsx } from '../../src/io/xlsx/reader';
import { listEntries } from '../../src/io/xlsx/zip';
import { validateSite } from '../../src/rules/engine';
import { fixture, loadBuffer, writeBuffer } from '../helpers';

type Seen = Record<string, Record<string, { value: unknown; style: unknown; note: string }>>;

const noteText = (note: ExcelJS.Cell['note']): string => (typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join(''));

/** Every cell of every sheet as exceljs reads it: value, style, the note's text. */
async function cellsOf(bytes: Uint8Array): Promise<Seen> {
  const wb = await loadBuffer(bytes);
  const seen: Seen = {};
  wb.eachSheet((ws) => {
    const cells: Seen[string] = (seen[ws.name] = {});
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = { value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: noteText(cell.note) };
      }),
    );
  });
  return seen;
}

const finding = (sheet: string, cell: string, severity: 'error' | 'warning', message: string): Finding =>
  ({ rule: 'copies-short', severity, sheet, cell, message }) as Finding;

/** A small workbook: a styled row with a gap, a row styled as a whole (customFormat), rows missing between and after. */
async function craftedBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.getColumn(4).font = { italic: true };
  ws.getCell('A2').value = '甲';
  ws.getCell('A2').font = { bold: true };
  ws.getCell('C2').value = 3;
  const styled = ws.getRow(5);
  styled.font = { color: { argb: 'FF0000FF' } };
  styled.getCell(2).value = '乙';
  ws.getCell('A9').value = '丙';
  wb.addWorksheet('空');
  return new Uint8Array(await writeBuffer(wb));
}

/** A workbook whose sheet 表 has 甲 in A1 with a note of its own (原有批注), as people's workbooks have. */
function notedBook(): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.getCell('A1').value = '甲';
  ws.getCell('A1').note = '原有批注';
  return { wb, ws };
}

test('the patched copy reads back as the exceljs copy, cell by cell, on a filled workbook with mistakes', async () => {
  const data = fixture('kaodian.json');
  data.vaultLog![2].quantity = 3;
  data.handovers![0].toSigners = ['李强'];
  const bytes = new Uint8Array(await fillWorkbook(data));
  const findings = validateSite(readWorkbook(readXlsx(bytes)));
  expect(findings.length).toBeGreaterThanOrEqual(2);
  // With the fields' labels (合计) as markedCopy gives them, and the exceljs copy reads them.
  const labels = fieldLabels(findings, readXlsx(bytes));
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS, undefined, { findings, lang: 'zh', labels })!;
  expect(patched).toBeDefined();
  const viaExceljs = await markedThroughExceljs(bytes, findings);
  expect(patched.marked).toBe(viaExceljs.marked);
  expect(await cellsOf(patched.bytes)).toEqual(await cellsOf(viaExceljs.bytes));
  // The parts no mark touches are the original's, byte for byte; the marked sheets' rels, notes and VML are added.
  const before = unzipSync(bytes);
  const after = unzipSync(patched.bytes);
  const marked = new Set(findings.map((f) => f.sheet));
  const sheetParts = Object.keys(before).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const changed = Object.keys(before).filter((n) => strFromU8(before[n]) !== strFromU8(after[n]));
  // The workbook part and its relationships: the list of findings added as the last sheet (mark-list.test.ts).
  expect(changed.filter((n) => !sheetParts.includes(n)).sort()).toEqual([
    '[Content_Types].xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/workbook.xml',
  ]);
  expect(changed.filter((n) => sheetParts.includes(n)).length).toBe(marked.size);
  const added = Object.keys(after).filter((n) => !(n in before));
  expect(added.filter((n) => n.startsWith('xl/comments')).length).toBe(marked.size);
  expect(added.filter((n) => n.startsWith('xl/drawings/vmlDrawing')).length).toBe(marked.size);
});

test('cells the sheet lacks are added in their place, styled as their row or column; rows too; an empty sheet too', async () => {
  const bytes = await craftedBook();
  const findings = [
    finding('表', 'B2', 'error', '行中间缺的格'),
    finding('表', 'C2', 'warning', '已有的格'),
    finding('表', 'E2', 'warning', '行末尾之后'),
    finding('表', 'A2', 'error', '有样式的格'),
    finding('表', 'D3', 'error', '缺的一行，列有样式'),
    finding('表', 'A5', 'warning', '整行有样式的行'),
    finding('表', 'B5', 'error', '整行有样式的行里已有的格'),
    finding('表', 'B12', 'warning', '最后一行之后'),
    finding('空', 'C4', 'error', '空表'),
  ];
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS, undefined, { findings, lang: 'zh' })!;
  expect(patched.marked).toBe(9);
  const viaExceljs = await markedThroughExceljs(bytes, findings);
  const mine = await cellsOf(patched.bytes);
  expect(mine).toEqual(await cellsOf(viaExceljs.bytes));
  // Exactly these cells have a fill, in their severity's colour, and a frame all round: thick for an error, dashed
  // for a warning (told apart printed in grey). (The list of findings' own fills and borders aside: mark-list.test.ts.)
  const frame = (style: { border?: Partial<ExcelJS.Borders> }) => {
    const sides = (['left', 'right', 'top', 'bottom'] as const).map((side) => style.border?.[side]?.style);
    return new Set(sides).size === 1 ? sides[0] : sides.join('/');
  };
  const filled = Object.entries(mine)
    .filter(([sheet]) => sheet !== '问题清单')
    .flatMap(([sheet, cells]) =>
      Object.entries(cells)
        .map(([address, c]) => [
          address,
          (c.style as { fill?: ExcelJS.FillPattern }).fill?.fgColor?.argb,
          frame(c.style as { border?: Partial<ExcelJS.Borders> }),
        ])
        .filter(([, fill, line]) => fill !== undefined || line !== undefined)
        .map(([address, fill, line]) => `${sheet}!${address} ${fill} ${line}`),
    );
  expect(filled.sort()).toEqual(
    [
      '表!B2 FFFFC7CE thick',
      '表!C2 FFFFEB9C mediumDashed',
      '表!E2 FFFFEB9C mediumDashed',
      '表!A2 FFFFC7CE thick',
      '表!D3 FFFFC7CE thick',
      '表!A5 FFFFEB9C mediumDashed',
      '表!B5 FFFFC7CE thick',
      '表!B12 FFFFEB9C mediumDashed',
      '空!C4 FFFFC7CE thick',
    ].sort(),
  );
  // And the grid the forms read is the original's: a mark adds no value.
  expect({ sheets: readXlsx(patched.bytes).sheets.filter((s) => s.name !== '问题清单') }).toEqual(readXlsx(bytes));
});

test('a sheet with notes already is patched too: a noted cell gets the finding below its note, the others new notes, the rest kept; as the exceljs copy reads', async () => {
  const { wb, ws } = notedBook();
  ws.getCell('B3').value = '乙';
  ws.getCell('B3').note = '别人的批注';
  ws.getCell('C2').value = '丙';
  const other = wb.addWorksheet('另一张');
  other.getCell('A1').value = '丁';
  const bytes = new Uint8Array(await writeBuffer(wb));
  const findings = [finding('表', 'A1', 'error', '有问题'), finding('表', 'C2', 'warning', '也有问题'), finding('另一张', 'A1', 'error', '第三个')];
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS)!;
  expect(patched).toBeDefined();
  expect(patched.marked).toBe(3);
  // Read back with the list of findings both ways add (the parts below: without it).
  const mine = await cellsOf(markParts(bytes, cellMarks(findings), MARK_COLORS, undefined, { findings, lang: 'zh' })!.bytes);
  const [a1, c2, d1] = cellMarks(findings).map((m) => m.text);
  expect([mine['表'].A1.note, mine['表'].B3.note, mine['表'].C2.note, mine['另一张'].A1.note]).toEqual([`原有批注\n\n${a1}`, '别人的批注', c2, d1]);
  expect(mine).toEqual(await cellsOf((await markedThroughExceljs(bytes, findings)).bytes));
  // The first sheet's own parts patched (no part added for it); the second sheet's notes new; nothing else changed.
  const before = unzipSync(bytes);
  const after = unzipSync(patched.bytes);
  const changed = Object.keys(before).filter((n) => strFromU8(before[n]) !== strFromU8(after[n]));
  expect(changed.sort()).toEqual(
    ['[Content_Types].xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
  );
  expect(
    Object.keys(after)
      .filter((n) => !(n in before))
      .sort(),
  ).toEqual(['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/_rels/sheet2.xml.rels']);
  // Each drawing's shapes numbered in blocks of its own: the first's new box in a block neither had.
  const idmap = (name: string) => /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(strFromU8(after[name]))![1];
  expect([idmap('xl/drawings/vmlDrawing1.vml'), idmap('xl/drawings/vmlDrawing2.vml')]).toEqual(['1,2', '3']);
  expect(strFromU8(after['xl/drawings/vmlDrawing1.vml']).match(/<v:shape\b/g)).toHaveLength(3);
});

test('a note a finding is added to gets a box big enough to show it: its rows and columns grown, its place kept; other boxes untouched', async () => {
  const { wb, ws } = notedBook();
  ws.getCell('B3').note = '别人的批注';
  const bytes = new Uint8Array(await writeBuffer(wb));
  const message = '“合计行31份袋”写的是9，但上面各行相加是2。合计须等于本栏各行之和，请核对后改正。';
  const patched = markParts(bytes, cellMarks([finding('表', 'A1', 'error', message)]), MARK_COLORS)!;
  const vml = 'xl/drawings/vmlDrawing1.vml';
  const shapes = (part: Uint8Array) => strFromU8(part).match(/<v:shape\b[\s\S]*?<\/v:shape>/g)!;
  const [before, after] = [unzipSync(bytes)[vml], unzipSync(patched.bytes)[vml]].map(shapes);
  // exceljs's box of A1: columns 1 to 3, rows 0 to 4, 97.8 × 59.1 pt. The note now reads 原有批注, a blank line, the mark's
  // title line and its finding (three lines of 18 characters): 6 lines and a margin, 7 rows of 14 pt, 3 columns.
  const [text] = cellMarks([finding('表', 'A1', 'error', message)]).map((m) => m.text);
  expect(`原有批注\n\n${text}`.split('\n').map((line) => Math.ceil(Math.max(1, line.length) / 18))).toEqual([1, 1, 1, 3]);
  expect(after[0]).toBe(
    before[0]
      .replace('<x:Anchor>1, 6, 0, 14, 3, 2, 4, 16</x:Anchor>', '<x:Anchor>1, 6, 0, 14, 4, 2, 7, 16</x:Anchor>')
      .replace('width:97.8pt;height:59.1pt', 'width:200pt;height:98pt'),
  );
  expect(after[0]).not.toBe(before[0]);
  // B3's box, not marked, as it was; and the drawing otherwise the same.
  expect(after.slice(1)).toEqual(before.slice(1));
  expect(strFromU8(unzipSync(patched.bytes)[vml]).replace(after[0], '')).toBe(strFromU8(unzipSync(bytes)[vml]).replace(before[0], ''));
});

test('a notes drawing written with single quotes (as Excel writes some) is merged into too: its blocks kept, its note shape type not repeated', async () => {
  const { wb, ws } = notedBook();
  ws.getCell('C2').value = '丙';
  const parts = unzipSync(new Uint8Array(await writeBuffer(wb)));
  const vml = 'xl/drawings/vmlDrawing1.vml';
  parts[vml] = strToU8(
    strFromU8(parts[vml])
      .replace(/(<o:idmap\b[^>]*\bdata=)"([^"]*)"/, "$1'$2'")
      .replace(/<v:shapetype id="_x0000_t202"/, "<v:shapetype id='_x0000_t202'"),
  );
  const findings = [finding('表', 'C2', 'warning', '也有问题')];
  const patched = markParts(zipSync(parts), cellMarks(findings), MARK_COLORS)!;
  expect(patched).toBeDefined();
  const drawing = strFromU8(unzipSync(patched.bytes)[vml]);
  expect(/<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(drawing)![1]).toBe('1,2');
  expect(drawing.match(/_x0000_t202['"] coordsize/g)).toHaveLength(1);
  expect((await cellsOf(patched.bytes))['表'].C2.note).toBe(cellMarks(findings)[0].text);
});

test('notes it does not handle go through exceljs, kept and ours added below: threaded comments', async () => {
  const { wb } = notedBook();
  const parts = unzipSync(new Uint8Array(await writeBuffer(wb)));
  const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
  parts[rels] = strToU8(
    strFromU8(parts[rels]).replace(
      '</Relationships>',
      '<Relationship Id="rIdT" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>',
    ),
  );
  parts['xl/threadedComments/threadedComment1.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
  );
  const bytes = zipSync(parts);
  const findings = [finding('表', 'A1', 'error', '有问题')];
  expect(markParts(bytes, cellMarks(findings), MARK_COLORS)).toBeUndefined();
  const copy = await markedCopy(bytes, findings);
  expect((await cellsOf(copy.bytes))['表'].A1.note).toBe(`原有批注\n\n${cellMarks(findings)[0].text}`);
});

test('through exceljs too, every note gets a box that shows it: exceljs writes all in one small box; one whose text fits is left as written', async () => {
  const { wb, ws } = notedBook();
  ws.getCell('B3').value = '乙';
  ws.getCell('B3').note = '别人的批注';
  ws.getCell('C5').value = '丙';
  const bytes = new Uint8Array(await writeBuffer(wb));
  const message = '“合计行31份袋”写的是9，但上面各行相加是2。合计须等于本栏各行之和，请核对后改正。';
  const copy = await markedThroughExceljs(bytes, [finding('表', 'A1', 'error', message), finding('表', 'C5', 'warning', message)]);
  const vml = strFromU8(unzipSync(copy.bytes)['xl/drawings/vmlDrawing1.vml']);
  const boxes = Object.fromEntries(
    [
      ...vml.matchAll(
        /<v:shape\b[^>]*width:([\d.]+pt);height:([\d.]+pt)[\s\S]*?<x:Anchor>([^<]*)<\/x:Anchor>[\s\S]*?<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g,
      ),
    ].map((m) => [`${m[4]},${m[5]}`, `${m[3]} | ${m[1]} × ${m[2]}`]),
  );
  // exceljs's box: two columns from the next, four rows from the one above, 97.8 × 59.1 pt. A1's note (原有批注, a blank
  // line, the mark's title line, its finding in three lines of 18): 7 rows of 3 columns; C5's (the mark alone): 5 rows.
  // B3's short note shows in exceljs's box: left as exceljs wrote it.
  expect(boxes).toEqual({
    '0,0': '1, 6, 0, 14, 4, 2, 7, 16 | 200pt × 98pt',
    '2,1': '2, 6, 1, 14, 4, 2, 5, 16 | 97.8pt × 59.1pt',
    '4,2': '3, 6, 3, 14, 6, 2, 8, 16 | 200pt × 70pt',
  });
});

test('through exceljs, a note on a cell without a value (which exceljs drops as it loads) is kept; marked, the finding goes below it', async () => {
  const { wb, ws } = notedBook();
  ws.getCell('B3').note = '别人的批注';
  ws.getCell('D4').note = '空格子上的批注';
  const bytes = new Uint8Array(await writeBuffer(wb));
  expect((await loadBuffer(bytes)).getWorksheet('表')!.getCell('B3').note).toBeUndefined();
  const findings = [finding('表', 'D4', 'error', '有问题')];
  const copy = await markedThroughExceljs(bytes, findings);
  // Read from the comments part itself: exceljs would drop them again.
  const comments = strFromU8(unzipSync(copy.bytes)['xl/comments1.xml']);
  const notes = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g)].map(([, ref, body]) => [
    ref,
    [...body.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''),
  ]);
  expect(Object.fromEntries(notes)).toEqual({ A1: '原有批注', B3: '别人的批注', D4: `空格子上的批注\n\n${cellMarks(findings)[0].text}` });
  // The cells stay without a value.
  const sheet = strFromU8(unzipSync(copy.bytes)['xl/worksheets/sheet1.xml']);
  expect(sheet).not.toMatch(/<c r="B3"[^>]*>\s*<v>/);
  expect(sheet).not.toMatch(/<c r="D4"[^>]*>\s*<v>/);
});

test('a macro workbook (.xlsm) whose copy goes through exceljs is still typed a macro workbook (its name keeps .xlsm); a plain one stays plain', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').getCell('A1').note = '原有批注';
  const plain = new Uint8Array(await writeBuffer(wb));
  const parts = unzipSync(plain);
  const types = '[Content_Types].xml';
  const [sheetType, macroType] = [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  ];
  parts[types] = strToU8(strFromU8(parts[types]).replace(sheetType, macroType));
  const findings = [finding('表', 'A1', 'error', '有问题')];
  const typeOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)[types]);
  const macro = typeOf((await markedCopy(zipSync(parts), findings)).bytes);
  expect([macro.includes(macroType), macro.includes(sheetType)]).toEqual([true, false]);
  const copy = typeOf((await markedCopy(plain, findings)).bytes);
  expect([copy.includes(macroType), copy.includes(sheetType)]).toEqual([false, true]);
});

test('cells without an r attribute (exceljs cannot load them) are placed by their order: a mark on the second lands on it alone', async () => {
  const bytes = await craftedBook();
  const parts = unzipSync(bytes);
  const sheet = 'xl/worksheets/sheet1.xml';
  parts[sheet] = strToU8(strFromU8(parts[sheet]).replace(/<c r="[A-Z]+2"/g, '<c'));
  const unnumbered = zipSync(parts);
  const findings = [finding('表', 'B2', 'error', '第二格')];
  const patched = unzipSync(markParts(unnumbered, cellMarks(findings), MARK_COLORS)!.bytes);
  const row = (xml: string) => /<row r="2"[\s\S]*?<\/row>/.exec(xml)![0];
  const before = row(strFromU8(parts[sheet]));
  const after = row(strFromU8(patched[sheet]));
  const cells = (r: string) => r.match(/<c\b[^>]*>/g)!;
  expect(cells(before).length).toBe(2);
  // Unnumbered, the file's A2 and C2 are read as A2 and B2: the second cell is B2, and only it changes.
  expect(cells(after)[0]).toBe(cells(before)[0]);
  // It had no style of its own: it gets the first format added (a copy of format 0 with the fill).
  expect(cells(before)[1]).toBe('<c>');
  expect(cells(after)[1]).toBe(`<c s="${/<cellXfs count="(\d+)"/.exec(strFromU8(parts['xl/styles.xml']))![1]}">`);
  expect(after.replace(/\ss="\d+"/g, '')).toBe(before.replace(/\ss="\d+"/g, ''));
});

test('the notes’ VML shapes are numbered in blocks no other drawing takes, a block per 1,023 notes', async () => {
  const wb = new ExcelJS.Workbook();
  const noted = wb.addWorksheet('有批注');
  noted.getCell('A1').value = '甲';
  noted.getCell('A1').note = '原有批注';
  const ws = wb.addWorksheet('表');
  ws.getCell('A1').value = '乙';
  const bytes = new Uint8Array(await writeBuffer(wb));
  const findings = Array.from({ length: 2500 }, (_x, i) => finding('表', `B${i + 1}`, 'warning', `第 ${i + 1} 行`));
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS)!;
  expect(patched.marked).toBe(2500);
  const parts = unzipSync(patched.bytes);
  const vml = Object.keys(parts).filter((n) => n.endsWith('.vml'));
  const blocksOf = (name: string) => /data="([^"]*)"/.exec(strFromU8(parts[name]))![1];
  const idsOf = (name: string) => [...strFromU8(parts[name]).matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  const before = Object.keys(unzipSync(bytes)).filter((n) => n.endsWith('.vml'));
  expect(before.map(blocksOf)).toEqual(['1']);
  const ours = vml.filter((n) => !before.includes(n));
  expect(ours.map(blocksOf)).toEqual(['2,3,4']);
  const ids = idsOf(ours[0]);
  expect(ids.length).toBe(2500);
  expect(new Set(ids).size).toBe(2500);
  expect(ids.every((id) => [2, 3, 4].includes(Math.floor(id / 1024)))).toBe(true);
  expect([ids[0], ids[1022], ids[1023], ids[2499]]).toEqual([2049, 3071, 3073, 4550]);
  // The sheet with notes kept its own, untouched.
  expect(strFromU8(parts[before[0]])).toBe(strFromU8(unzipSync(bytes)[before[0]]));
});

/** The crafted workbook with its first sheet's XML changed by `edit`, and its parts changed by `more`. */
async function editedBook(edit: (sheet: string) => string, more: (parts: Record<string, Uint8Array>) => void = () => undefined): Promise<Uint8Array> {
  const parts = unzipSync(await craftedBook());
  parts['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(parts['xl/worksheets/sheet1.xml'])));
  more(parts);
  return zipSync(parts);
}

test('what the sheet writes otherwise: attributes in single quotes, an address given as $B$2, a note quoting control characters', async () => {
  const bytes = await editedBook((sheet) => sheet.replace(/<sheetData>[\s\S]*<\/sheetData>/, (data) => data.replace(/(\w+)="([^"]*)"/g, "$1='$2'")));
  const findings = [finding('表', '$B$2', 'error', '写作\u0001“十\uFFFE”'), finding('表', 'C2', 'warning', '已有的格')];
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS, undefined, { findings, lang: 'zh' })!;
  expect(patched.marked).toBe(2);
  const comments = strFromU8(unzipSync(patched.bytes)['xl/comments1.xml']);
  expect(comments).toContain('写作“十”');
  expect(comments).not.toMatch(/[\u0001\uFFFE]/);
  const viaExceljs = await markedThroughExceljs(bytes, [finding('表', 'B2', 'error', '写作“十”'), findings[1]]);
  expect(await cellsOf(patched.bytes)).toEqual(await cellsOf(viaExceljs.bytes));
});

test('<legacyDrawing> goes among the worksheet’s own elements, not into an <extLst> of a conditional format', async () => {
  const rule =
    '<conditionalFormatting sqref="A1:A9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"><x14:id xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>';
  const bytes = await editedBook((sheet) => sheet.replace('</sheetData>', `</sheetData>${rule}`));
  const sheet = strFromU8(unzipSync(markParts(bytes, cellMarks([finding('表', 'A1', 'error', '甲')]), MARK_COLORS)!.bytes)['xl/worksheets/sheet1.xml']);
  expect(sheet.indexOf('<legacyDrawing')).toBeGreaterThan(sheet.indexOf('</conditionalFormatting>'));
  expect(sheet).toContain(rule);
});

test('parts it does not handle go through exceljs: rows out of order, a self-closed rels part', async () => {
  const marks = cellMarks([finding('表', 'A2', 'error', '甲')]);
  const outOfOrder = await editedBook((sheet) => sheet.replace(/(<row r="2"[\s\S]*?<\/row>)([\s\S]*?<row r="5"[\s\S]*?<\/row>)/, '$2$1'));
  expect(markParts(outOfOrder, marks, MARK_COLORS)).toBeUndefined();
  const selfClosed = await editedBook(
    (sheet) => sheet,
    (parts) =>
      void (parts['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      )),
  );
  expect(markParts(selfClosed, marks, MARK_COLORS)).toBeUndefined();
});

test('parts stored without compression are deflated anew (a data descriptor on a stored entry is refused by some readers)', async () => {
  const stored = zipSync(unzipSync(await craftedBook()), { level: 0 });
  const marked = markParts(stored, cellMarks([finding('表', 'A2', 'error', '甲')]), MARK_COLORS)!.bytes;
  expect([...listEntries(marked).values()].filter((e) => e.method !== 8).map((e) => `${e.name} ${e.method}`)).toEqual([]);
  const before = unzipSync(stored);
  const after = unzipSync(marked);
  for (const name of Object.keys(before))
    if (!/styles|sheet1|Content_Types/.test(name) && !name.endsWith('/')) expect(strFromU8(after[name])).toBe(strFromU8(before[name]));
  // Folders' entries (which hold nothing) are left out.
  expect(Object.keys(after).filter((n) => n.endsWith('/'))).toEqual([]);
});

test('a marked cell on a hidden row (by hand or by a filter) is shown in the copy, both ways; a hidden row with no mark stays hidden', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ['甲', '乙', '丙', '丁'].forEach((v, i) => (ws.getCell(`A${i + 1}`).value = v));
  ws.autoFilter = 'A1:A4';
  ws.getRow(2).hidden = true;
  ws.getRow(3).hidden = true;
  const bytes = new Uint8Array(await writeBuffer(wb));
  const findings = [finding('表', 'A2', 'error', '被隐藏的行')];
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS, undefined, { findings, lang: 'zh' })!;
  const viaExceljs = await markedThroughExceljs(bytes, findings);
  for (const copy of [patched.bytes, viaExceljs.bytes]) {
    const hidden = (await loadBuffer(copy)).getWorksheet('表')!;
    expect([1, 2, 3, 4].filter((r) => hidden.getRow(r).hidden)).toEqual([3]);
  }
  // Only the marked row's tag changed: its hidden attribute gone, nothing else of it.
  const rows = (b: Uint8Array) => strFromU8(unzipSync(b)['xl/worksheets/sheet1.xml']).match(/<row\b[^>]*>/g)!;
  const [before, after] = [rows(bytes), rows(patched.bytes)];
  expect(after[1]).toBe(before[1].replace(/ hidden="1"/, ''));
  expect(after.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));
});

test('a hidden or very hidden sheet a mark is on is shown in the copy, both ways; a hidden sheet with no mark stays hidden (review 24 D8)', async () => {
  const wb = new ExcelJS.Workbook();
  for (const [name, state] of [
    ['表', 'visible'],
    ['交接单(旧)', 'hidden'],
    ['旧 & 草稿', 'veryHidden'],
    ['名单', 'hidden'],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = name;
    ws.state = state;
  }
  const bytes = new Uint8Array(await writeBuffer(wb));
  const findings = [finding('交接单(旧)', 'A1', 'warning', '隐藏的工作表'), finding('旧 & 草稿', 'B2', 'error', '隐藏的工作表上的问题')];
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS)!;
  const viaExceljs = await markedThroughExceljs(bytes, findings);
  for (const copy of [patched.bytes, viaExceljs.bytes]) {
    const states = (await loadBuffer(copy)).worksheets.map((ws) => `${ws.name} ${ws.state}`);
    expect(states.slice(0, 4)).toEqual(['表 visible', '交接单(旧) visible', '旧 & 草稿 visible', '名单 hidden']);
  }
  // Only the marked sheets' tags changed in the workbook part: their state gone, nothing else of the part.
  const workbookXml = (b: Uint8Array) => strFromU8(unzipSync(b)['xl/workbook.xml']);
  expect(workbookXml(patched.bytes)).toBe(
    workbookXml(bytes)
      .replace(/(name="交接单\(旧\)"[^>]*?) state="hidden"/, '$1')
      .replace(/(name="旧 &amp; 草稿"[^>]*?) state="veryHidden"/, '$1'),
  );
  expect(workbookXml(patched.bytes)).not.toBe(workbookXml(bytes));
});
