/**
 * The one reader gives exactly the grid that exceljs gives: on every template,
 * every fixture and every kind of bench workbook, on files LibreOffice saves,
 * and on cells people and other programs make by hand. Where exceljs reads a
 * file wrongly or not at all, the expected grid is written out here. And the
 * check service over either grid gives the same report, model and summary.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { corpusData, corpusTasks } from '../../bench/corpus';
import { CheckedWorkbook, WorkbookInput, checkWorkbook, checkWorkbooks } from '../../src/check/service';
import { fillWorkbook } from '../../src/cli/fill';
import { DEFECT_KINDS, plantDefects, sampleNetwork } from '../../src/demo/sample';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { xlsxBuffer } from '../../src/io/xlsx/exceljs-writer';
import { readXlsx } from '../../src/io/xlsx/reader';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, parseA1, type WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { summarizeSite } from '../../src/summary/site';
import { handMade, withRow2 } from './hand-made';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');

async function viaExceljs(buf: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return gridFromWorkbook(wb);
}

/** Ours, as the browser reads (fflate, TextDecoder) and as Node reads (its zlib, its ASCII text), is exceljs's grid. */
async function same(buf: Uint8Array) {
  const ours = readXlsx(buf);
  expect(ours).toEqual(await viaExceljs(buf));
  expect(readXlsxInNode(buf)).toEqual(ours);
  return ours;
}

const json = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as SiteData;
const FIXTURES = [
  ...fs.readdirSync(path.join(ROOT, 'test/fixtures')).map((f) => path.join(ROOT, 'test/fixtures', f)),
  ...['zhanggong-kaodian.json', 'ganzhou-fenxiao.json'].map((f) => path.join(ROOT, 'test/qa/fixtures', f)),
].filter((f) => f.endsWith('.json'));
const TEMPLATES = fs
  .readdirSync(path.join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => path.join(ROOT, 'templates', f));

/** One bench workbook for each 分校 and 考点 kind, and for every planted mistake of the corpus. */
function benchSample(): Array<{ branch: number; site: number }> {
  const chosen: Array<{ branch: number; site: number }> = [];
  const kinds = new Set<string>();
  for (const t of corpusTasks(3000)) {
    const planted =
      (t.branch * 9 + t.site) % 5 === 4
        ? [DEFECT_KINDS[(t.branch + t.site) % DEFECT_KINDS.length], DEFECT_KINDS[(t.branch + t.site + 3) % DEFECT_KINDS.length]]
        : [];
    const fresh = planted.filter((k) => !kinds.has(k));
    if (chosen.length < 10 || fresh.length) {
      chosen.push({ branch: t.branch, site: t.site });
      fresh.forEach((k) => kinds.add(k));
    }
    if (kinds.size === DEFECT_KINDS.length && chosen.length >= 10) break;
  }
  return chosen;
}

describe('readXlsx = gridFromWorkbook(exceljs)', () => {
  it.each(TEMPLATES.map((f) => [path.basename(f), f]))('on the template %s', async (_name, file) => {
    await same(fs.readFileSync(file));
  });

  it.each(FIXTURES.map((f) => [path.relative(ROOT, f), f]))('on the filled fixture %s', async (_name, file) => {
    const grid = await same(await fillWorkbook(json(file)));
    expect(readWorkbook(grid).data.site).toEqual(json(file).site);
  });

  it('on bench workbooks of every kind: a 分校, its 考点, and every planted mistake', async () => {
    const sample = benchSample();
    expect(sample.length).toBeGreaterThanOrEqual(10);
    for (const { branch, site } of sample) await same(await fillWorkbook(corpusData(branch, site)));
  });

  it('on a 考点 with every planted mistake, and on the blank templates (formulas with no cached value)', async () => {
    const net = sampleNetwork({ sites: 2 });
    await same(await fillWorkbook(plantDefects(net.sites[1]).data));
    const grid = await same(await xlsxBuffer(draftWorkbook()));
    expect(grid.sheets.some((s) => s.formulas && Object.keys(s.formulas).length > 0)).toBe(true);
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((f) => fs.existsSync(f));
  (soffice ? it : it.skip)('on workbooks saved by LibreOffice (templates and a filled fixture, converted headless)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-lo-'));
    try {
      const filled = path.join(dir, 'filled', 'kaodian.xlsx');
      fs.mkdirSync(path.dirname(filled));
      fs.writeFileSync(filled, await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json'))));
      const inputs = [filled, TEMPLATES.find((f) => f.includes('全套'))!];
      // LibreOffice writes its own package: its own rels names, shared formulas, inline styles.
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          path.join(dir, 'out'),
          ...inputs,
        ],
        { stdio: 'ignore', timeout: 100_000 },
      );
      for (const input of inputs) {
        const out = path.join(dir, 'out', path.basename(input));
        const grid = await same(fs.readFileSync(out));
        expect(grid.sheets.map((s) => s.name)).toEqual(readXlsx(fs.readFileSync(input)).sheets.map((s) => s.name));
      }
      const original = readWorkbook(readXlsx(fs.readFileSync(filled))).data;
      expect(readWorkbook(readXlsx(fs.readFileSync(path.join(dir, 'out', 'kaodian.xlsx')))).data).toEqual(original);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on date cells whose format hides the date-time (review 13a D2): a serial under 文本 is its text, a date-time under yyyy/m/d a HiddenTimeDate', async () => {
    const dir = path.join(ROOT, 'test/fixtures/review13a/xlsx');
    const cell = (grid: WorkbookGrid, sheet: string, at: string) => {
      const { row, col } = parseA1(at)!;
      return grid.sheets.find((s) => s.name === sheet)!.rows[row][col];
    };
    const cases: Array<[string, string, string, (v: unknown) => void]> = [
      ['s1-date-cell-text-format', '出入库记录', 'F5', (v) => expect(v).toBe('45458.40625')],
      ['s2-schedule-cell-text-format', '考试安排', 'D4', (v) => expect(v).toBe('45458.4375')],
      [
        's3-date-cell-no-time-format',
        '出入库记录',
        'F5',
        (v) => expect([v instanceof HiddenTimeDate, (v as Date).toISOString()]).toEqual([true, '2024-06-15T09:45:00.000Z']),
      ],
    ];
    for (const [name, sheet, at, expectCell] of cases) {
      const buf = fs.readFileSync(path.join(dir, `${name}.xlsx`));
      // toEqual does not tell a Date's class: each face's cell is looked at too.
      for (const grid of [await same(buf), await viaExceljs(buf), readXlsxInNode(buf)]) expectCell(cell(grid, sheet, at));
      // The other date cells of the sheet are as before: Dates that show their time.
      const other = cell(readXlsx(buf), sheet, at === 'F5' ? 'F4' : 'D3');
      expect([other instanceof Date, other instanceof HiddenTimeDate]).toEqual([true, false]);
    }
  });

  it('on cells typed by hand: rich text, booleans, entities, escapes, dates in several formats, merges with stray values, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('手填 & <表>');
    ws.getCell('A1').value = { richText: [{ text: '接收单位：' }, { text: '岳麓考点', font: { bold: true } }] };
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = false;
    ws.getCell('D1').value = 'a & b < c > "d" \'e\'';
    ws.getCell('E1').value = '第一行\r\n第二行';
    ws.getCell('A2').value = new Date(Date.UTC(2024, 5, 15, 8, 30));
    ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
    ws.getCell('B2').value = new Date(Date.UTC(2024, 5, 15));
    ws.getCell('B2').numFmt = 'mm-dd-yy';
    ws.getCell('C2').value = 45458.5;
    ws.getCell('C2').numFmt = '0.00';
    ws.getCell('D2').value = 45458.5;
    ws.getCell('D2').numFmt = '[$-804]h:mm;@';
    ws.getCell('E2').value = 3.25;
    ws.getCell('A3').value = { formula: 'SUM(C2:E2)', result: 90920.25 } as ExcelJS.CellFormulaValue;
    ws.getCell('B3').value = { formula: 'A9*2' } as ExcelJS.CellFormulaValue;
    ws.getCell('C3').value = { formula: '"x"&"y"', result: 'xy' } as ExcelJS.CellFormulaValue;
    ws.getCell('D3').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 1)) } as ExcelJS.CellFormulaValue;
    ws.getCell('D3').numFmt = 'yyyy-mm-dd';
    ws.getCell('A5').value = '合并主格';
    ws.getCell('B5').value = '被合并的格';
    ws.mergeCells('A5:C6');
    ws.getCell('F9').value = '';
    ws.getCell('G10').value = '　全角空格　';
    ws.getCell('H12').value = -0.5;
    const other = wb.addWorksheet('第二张');
    other.getCell('B2').value = '２０２４年６月１５日';
    other.state = 'hidden';
    wb.addWorksheet('空表');
    await same(new Uint8Array(await wb.xlsx.writeBuffer()));
  });

  it('on the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('1904');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 5, 15, 8, 30));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd hh:mm';
    const grid = await same(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid.sheets[0].rows[0][0]).toEqual(new Date(Date.UTC(2024, 5, 15, 8, 30)));
  });

  it('on merges that reach below the last cell: exceljs gives their rows, empty', async () => {
    const wb = new ExcelJS.Workbook();
    const across = wb.addWorksheet('横向');
    across.getCell('A1').value = 'x';
    across.mergeCells('A1:B3');
    const down = wb.addWorksheet('纵向');
    down.getCell('A1').value = 'x';
    down.getCell('A5').value = 'm';
    down.mergeCells('A5:A7');
    const empty = wb.addWorksheet('只有合并');
    empty.mergeCells('B2:C2');
    const grid = await same(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid.sheets.map((s) => s.rows.length)).toEqual([3, 7, 2]);
  });
});

/** The package of a small workbook, its parts edited by hand. */
/**
 * A one-sheet workbook as `edit` makes it. Blank space follows its rows (as
 * merges, margins and page setup do in any real sheet), so that the fast path
 * reads them: it leaves what lies within PLAIN_ROOM of the text's end to the
 * general way (`nearEnd` keeps it so).
 */
/** A workbook as the check service takes it, its grid read by the one reader or by exceljs. */
async function inputOf(file: string, bytes: Uint8Array, reader: 'ours' | 'exceljs'): Promise<WorkbookInput> {
  return { file, bytes, sha256: null, grid: reader === 'ours' ? (b) => readXlsx(b!) : await viaExceljs(bytes) };
}

const summaryOf = (c: CheckedWorkbook) => (c.model ? summarizeSite(c.model, c.report.findings, { file: c.report.file, sha256: null }) : undefined);

/** The check service over both grids: the same report (every finding), model and site summary. */
async function sameChecks(file: string, bytes: Uint8Array): Promise<CheckedWorkbook> {
  const ours = await checkWorkbook(await inputOf(file, bytes, 'ours'));
  const theirs = await checkWorkbook(await inputOf(file, bytes, 'exceljs'));
  expect(ours.report).toEqual(theirs.report);
  expect(ours.model).toEqual(theirs.model);
  expect(summaryOf(ours)).toEqual(summaryOf(theirs));
  return ours;
}

describe('the check service over the one reader = over exceljs', () => {
  it.each(TEMPLATES.map((f) => [path.basename(f), f]))('on the template %s: the same refusal or findings', async (_name, file) => {
    await sameChecks(path.basename(file), fs.readFileSync(file));
  });

  it.each(FIXTURES.map((f) => [path.relative(ROOT, f), f]))('on the filled fixture %s: the same findings, model and summary', async (_name, file) => {
    const checked = await sameChecks(path.basename(file), await fillWorkbook(json(file)));
    expect(checked.model).toBeDefined();
  });

  it('on the bench sample checked together: the same findings, those across workbooks included', async () => {
    const books = await Promise.all(
      benchSample().map(async ({ branch, site }) => ({ file: `${branch}-${site}.xlsx`, bytes: await fillWorkbook(corpusData(branch, site)) })),
    );
    const run = async (reader: 'ours' | 'exceljs') => checkWorkbooks(await Promise.all(books.map((b) => inputOf(b.file, b.bytes, reader))));
    const [ours, theirs] = [await run('ours'), await run('exceljs')];
    expect(ours.report).toEqual(theirs.report);
    expect(ours.workbooks.map(summaryOf)).toEqual(theirs.workbooks.map(summaryOf));
    // The planted mistakes are found: the two paths agree on findings, not on an empty list.
    const findings = ours.report.files.flatMap((f) => f.findings);
    expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(ours.report.files.every((f) => f.error === undefined)).toBe(true);
  });
});

describe('readXlsx on what other programs and people write', () => {
  it('inline strings, rich runs, phonetic runs, empty formulas and line ends, as exceljs reads them', async () => {
    const buf = await handMade((sheet, shared) => [
      sheet
        .replace(
          /<c r="C1"([^>]*?) t="s"><v>\d+<\/v><\/c>/,
          '<c r="C1"$1 t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">行内 </t></r><r><t>文本_x000D_</t></r></is></c>',
        )
        .replace(
          '</sheetData>',
          '<row r="2"><c r="A2" t="str"><v>a\r\nc_x000D_</v></c><c r="B2" t="inlineStr"><is><t>原样_x000D_</t></is></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2"><f></f><v>0</v></c><c r="F2" t="inlineStr"><is></is></c></row></sheetData>',
        ),
      shared.replace(
        /<si><t>共享<\/t><\/si>/,
        '<si><r><t>共</t></r><r><rPr><i/></rPr><t>享</t></r><rPh sb="0" eb="2"><t>きょう</t></rPh><phoneticPr fontId="1"/></si>',
      ),
    ]);
    const grid = await same(buf);
    expect(grid.sheets[0].rows).toEqual([
      ['共享', 42, '行内 文本\r'],
      ['a\nc_x000D_', '原样_x000D_', false, '#N/A', 0],
    ]);
  });

  it('linked cells become their text, as exceljs makes them', async () => {
    const buf = await handMade((sheet, shared, zip) => {
      zip.file(
        'xl/worksheets/_rels/sheet1.xml.rels',
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>',
      );
      return [sheet.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="B1" r:id="rIdLink"/></hyperlinks>'), shared];
    });
    const grid = await same(buf);
    expect(grid.sheets[0].rows[0]).toEqual(['共享', '42', '占位']);
  });

  // exceljs misreads these: the expected grid is what the file says.
  it('CDATA is text, as Excel and LibreOffice read it (exceljs drops it): in shared and inline strings, values and formulas', async () => {
    // Review 14a D3: labels in CDATA made a valid workbook refused, a time in CDATA a false 必填项未填.
    const cells =
      '<c r="A2"><v><![CDATA[5]]></v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="inlineStr"><is><t><![CDATA[2024-06-15 06:30]]></t></is></c>' +
      '<c r="D2" t="str"><v>a<![CDATA[&amp;<b>]]>c</v></c><c r="E2"><f><![CDATA[SUM(A2:A2)]]></f></c>' +
      '<c r="F2" t="inlineStr"><is><r><t>甲</t></r><r><t><![CDATA[乙\r\n丙]]></t></r></is></c>';
    const buf = await handMade((sheet, shared) =>
      withRow2(cells)(sheet, shared.replace('</sst>', '<si><t xml:space="preserve"><![CDATA[出入库]]>记录</t></si></sst>')),
    );
    const grid = readXlsx(buf);
    expect(grid.sheets[0].rows).toEqual([
      ['共享', 42, '占位'],
      [5, '出入库记录', '2024-06-15 06:30', 'a&amp;<b>c', null, '甲乙\n丙'],
    ]);
    expect(grid.sheets[0].formulas).toEqual({ E2: 'SUM(A2:A2)' });
    expect(readXlsxInNode(buf)).toEqual(grid);
  });

  it('a str value with an entity is read once (exceljs decodes it twice)', async () => {
    const grid = readXlsx(await handMade(withRow2('<c r="A2" t="str"><v>a&amp;amp;b</v></c>')));
    expect(grid.sheets[0].rows[1]).toEqual(['a&amp;b']);
  });

  it('an empty shared string <si/> is empty text (exceljs: "[object Object]"); an index beyond the strings too (exceljs fails)', async () => {
    const grid = readXlsx(
      await handMade((sheet, shared) => withRow2('<c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>99</v></c>')(sheet, shared.replace('</sst>', '<si/></sst>'))),
    );
    expect(grid.sheets[0].rows[1]).toEqual(['', '']);
  });

  it('a number cell whose value is not a number is its text (exceljs: NaN, which a message would quote as “NaN”)', async () => {
    const grid = readXlsx(
      await handMade(
        withRow2(
          '<c r="A2"><v>abc</v></c><c r="B2" t="n"><v>十袋</v></c><c r="C2" t="x"><v>?</v></c><c r="D2"><f>A1</f><v>坏</v></c><c r="E2"><v>12abc</v></c>',
        ),
      ),
    );
    // A text that starts with a number stays that number (parseFloat's reading, as exceljs reads it).
    expect(grid.sheets[0].rows[1]).toEqual(['abc', '十袋', '?', '坏', 12]);
  });

  it('a date serial no calendar holds (1e308) stays its number (exceljs: an Invalid Date that breaks whatever shows it)', async () => {
    const grid = readXlsx(
      await handMade(withRow2('<c r="A2" s="1"><v>1e308</v></c>')).then(async (buf) => {
        const zip = await JSZip.loadAsync(buf);
        const styles = await zip.file('xl/styles.xml')!.async('string');
        zip.file(
          'xl/styles.xml',
          styles.replace(
            /<cellXfs count="\d+">[\s\S]*?<\/cellXfs>/,
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
          ),
        );
        return zip.generateAsync({ type: 'uint8array' });
      }),
    );
    expect(grid.sheets[0].rows[1]).toEqual([1e308]);
  });

  /** handMade's workbook with its own styles part: `cellXfs` (xf elements), and numFmts and dxfs as given. */
  const withStyles = (cells: string, xfs: string, extra = { numFmts: '', dxfs: '<dxfs count="0"/>' }) =>
    handMade(withRow2(cells)).then(async (buf) => {
      const zip = await JSZip.loadAsync(buf);
      const styles = await zip.file('xl/styles.xml')!.async('string');
      zip.file(
        'xl/styles.xml',
        styles.replace(/<cellXfs count="\d+">[\s\S]*?<\/cellXfs>/, `${extra.numFmts}<cellXfs>${xfs}</cellXfs>`).replace(/<dxfs count="0"\/>/, extra.dxfs),
      );
      return zip.generateAsync({ type: 'uint8array' });
    });
  const xf = (numFmtId: number) => `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;

  it('the East Asian built-in date formats (27–36, 50–58, no format code in the file: Chinese Excel and WPS write them) are dates (exceljs: bare numbers)', async () => {
    const ids = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];
    const cells = ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" s="${i + 1}"><v>45458.3368055555</v></c>`).join('');
    const grid = readXlsx(
      await withStyles(
        `${cells}<c r="${String.fromCharCode(65 + ids.length)}2" s="${ids.length + 1}"><v>0.3368055555</v></c>`,
        [0, ...ids, 32].map(xf).join(''),
      ),
    );
    const at = (iso: string) => new Date(iso);
    expect(grid.sheets[0].rows[1]).toEqual([...ids.map(() => at('2024-06-15T08:05:00.000Z')), at('1899-12-30T08:05:00.000Z')]);
  });

  it('a date-time under General or a number format (it shows 45458.40625) is a SerialShownDate; a whole serial there, and any other number, stays a number (exceljs: the same)', async () => {
    const cells = ['45458.40625', '45458.40625', '45458.40625', '45458', '3.25', '45458.40625'];
    const styles = [1, 2, 3, 1, 1, 4];
    const row = cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" s="${styles[i]}"><v>${v}</v></c>`).join('');
    const grid = await same(await withStyles(row, [0, 0, 2, 10, 22].map(xf).join('')));
    const got = grid.sheets[0].rows[1];
    const at = new Date('2024-06-15T09:45:00.000Z');
    expect(got).toEqual([at, at, at, 45458, 3.25, at]);
    // General, 0.00 and 0% show the serial; 22 (m/d/yy h:mm) shows the date-time.
    expect(got.map((v) => v instanceof SerialShownDate)).toEqual([true, true, true, false, false, false]);
    const viaLib = (await viaExceljs(await withStyles(row, [0, 0, 2, 10, 22].map(xf).join('')))).sheets[0].rows[1];
    expect(viaLib.map((v) => v instanceof SerialShownDate)).toEqual([true, true, true, false, false, false]);
  });

  it('review 17a N1: a date-time under a format that shows its time alone (h:mm, h:mm:ss, [h]:mm:ss, mm:ss, custom [h]:mm) is a ClockShownDate on both paths; a time alone there, and a date-time under m/d/yy h:mm, a plain Date', async () => {
    const cells = ['45458.40625', '45458.40625', '45458.40625', '45458.40625', '45458.40625', '0.40625', '45458.40625'];
    const styles = [1, 2, 3, 4, 5, 1, 6];
    const row = cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" s="${styles[i]}"><v>${v}</v></c>`).join('');
    const make = () =>
      withStyles(row, [0, 20, 21, 46, 45, 164, 22].map(xf).join(''), {
        numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts>',
        dxfs: '<dxfs count="0"/>',
      });
    const at = new Date('2024-06-15T09:45:00.000Z');
    const clock = [true, true, true, true, true, false, false];
    const got = (await same(await make())).sheets[0].rows[1];
    expect(got).toEqual([at, at, at, at, at, new Date('1899-12-30T09:45:00.000Z'), at]);
    expect(got.map((v) => v instanceof ClockShownDate)).toEqual(clock);
    // toEqual does not tell a Date's class: each path's cells are looked at.
    expect((await viaExceljs(await make())).sheets[0].rows[1].map((v) => v instanceof ClockShownDate)).toEqual(clock);
    expect(readXlsxInNode(await make()).sheets[0].rows[1].map((v) => v instanceof ClockShownDate)).toEqual(clock);
  });

  it("a conditional format's own number format (<dxf><numFmt>) does not stand for the workbook's of the same id", async () => {
    const grid = readXlsx(
      await withStyles('<c r="A2" s="1"><v>45458</v></c>', [0, 164].map(xf).join(''), {
        numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>',
        dxfs: '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>',
      }),
    );
    expect(grid.sheets[0].rows[1]).toEqual([new Date('2024-06-15T00:00:00.000Z')]);
  });

  it('a cell with no style takes the first, as Excel does: a date when that is a date format (exceljs: the number, with s="0" too)', async () => {
    const grid = readXlsx(
      await withStyles('<c r="A2"><v>45458</v></c><c r="B2" s="0"><v>45458</v></c><c r="C2" s="1"><v>45458</v></c>', [14, 0].map(xf).join('')),
    );
    expect(grid.sheets[0].rows[1]).toEqual([new Date('2024-06-15T00:00:00.000Z'), new Date('2024-06-15T00:00:00.000Z'), 45458]);
  });

  it('a date typed alone (00:00) under a number format with no time of day is a calendar date (a day, not 00:00 of it); under an hour, an elapsed [h] or a time, or holding a time its format hides, a moment', async () => {
    const formats = [14, 31, 164, 167, 22, 32, 165, 166, 14];
    const serials = [...formats.slice(0, -1).map(() => '45458'), '45458.5'];
    const cells = formats.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" s="${i + 1}"><v>${serials[i]}</v></c>`).join('');
    const numFmts =
      '<numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><numFmt numFmtId="165" formatCode="[h]:mm"/>' +
      '<numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; h&quot;时&quot;mm&quot;分&quot;"/><numFmt numFmtId="167" formatCode="yyyy&quot;h&quot;m\\sd"/></numFmts>';
    const grid = readXlsx(await withStyles(cells, [0, ...formats].map(xf).join(''), { numFmts, dxfs: '<dxfs count="0"/>' }));
    const row = grid.sheets[0].rows[1];
    expect(row).toEqual([...formats.slice(0, -1).map(() => new Date('2024-06-15T00:00:00.000Z')), new Date('2024-06-15T12:00:00.000Z')]);
    expect(row.map((v) => v instanceof CalendarDate)).toEqual([true, true, true, true, false, false, false, false, false]);
  });

  it('a merge written with $ ($A$2:$B$2) blanks the cells it covers and is listed as A2:B2 (exceljs: the same)', async () => {
    const buf = await handMade((sheet, shared) => [
      sheet.replace(
        '</sheetData>',
        '<row r="2"><c r="A2"><v>5</v></c><c r="B2"><v>6</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="$A$2:$B$2"/></mergeCells>',
      ),
      shared,
    ]);
    const grid = await same(buf);
    expect([grid.sheets[0].rows[1], grid.sheets[0].merges]).toEqual([[5], ['A2:B2']]);
  });

  it('a formula whose result is 0 under a date format reads as no result, its formula kept, as any other 0 (exceljs: 1899-12-30, the formula lost)', async () => {
    const grid = readXlsx(await withStyles('<c r="A2" s="1"><f>B2+1</f><v>0</v></c><c r="B2" s="1"><v>0</v></c>', [0, 22].map(xf).join('')));
    expect([grid.sheets[0].rows[1], grid.sheets[0].formulas]).toEqual([[null, new Date('1899-12-30T00:00:00.000Z')], { A2: 'B2+1' }]);
  });

  it("a linked date stays the date (exceljs: its text in the machine's time zone, which no reader takes back)", async () => {
    const buf = await withStyles('<c r="A2" s="1"><v>45458.5</v></c>', [0, 14].map(xf).join('')).then(async (b) => {
      const zip = await JSZip.loadAsync(b);
      zip.file(
        'xl/worksheets/_rels/sheet1.xml.rels',
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>',
      );
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<\/sheetData>/, '</sheetData><hyperlinks><hyperlink ref="A2" r:id="rIdLink"/></hyperlinks>'));
      return zip.generateAsync({ type: 'uint8array' });
    });
    expect(readXlsx(buf).sheets[0].rows[1]).toEqual([new Date('2024-06-15T12:00:00.000Z')]);
  });

  it('parts written with namespace prefixes (<x:worksheet>, <x:c>) are read (exceljs reads nothing)', async () => {
    const plain = await xlsxBuffer(draftWorkbook());
    const zip = await JSZip.loadAsync(plain);
    for (const sheet of Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(sheet)!.async('string');
      zip.file(
        sheet,
        xml
          .replace(/<(\/?)(\w+)/g, (m, slash: string, tag: string) => (tag === 'xml' ? m : `<${slash}x:${tag}`))
          .replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '),
      );
    }
    const prefixed = readXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(prefixed).toEqual(readXlsx(plain));
  });

  it('cells read in one match (the fast path) give what the general way gives: the same sheets with every cell written otherwise', async () => {
    const plain = await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json')));
    const zip = await JSZip.loadAsync(plain);
    let cells = 0;
    for (const sheet of Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(sheet)!.async('string');
      // Attributes in another order and a space before the end: no cell has the fast path's shape.
      const otherwise = xml.replace(/<c r="([A-Z]+\d+)"((?: [st]="[^"]*")*)(\/?)>/g, (_m, ref: string, rest: string, slash: string) => {
        cells++;
        return `<c${rest} r="${ref}" ${slash}>`;
      });
      expect(otherwise).not.toMatch(/<c r="/);
      zip.file(sheet, otherwise);
    }
    expect(cells).toBeGreaterThan(500);
    expect(readXlsx(await zip.generateAsync({ type: 'uint8array' }))).toEqual(readXlsx(plain));
  });

  it('rows, merges and shared strings read in one match give what the general way gives: the same parts written otherwise', async () => {
    const plain = await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json')));
    const zip = await JSZip.loadAsync(plain);
    let merges = 0;
    let rows = 0;
    for (const sheet of Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(sheet)!.async('string');
      // A space before the end: no row or merge has the fast path's shape (the cells still have theirs).
      const otherwise = xml
        .replace(/<mergeCell ref="([^"]*)"\/>/g, (_m, ref: string) => {
          merges++;
          return `<mergeCell ref="${ref}" />`;
        })
        .replace(/<row ([^>]*[^/])>/g, (_m, attributes: string) => {
          rows++;
          return `<row ${attributes} >`;
        });
      zip.file(sheet, otherwise);
    }
    expect(rows).toBeGreaterThan(100);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    const items = strings.match(/<si><t(?: xml:space="preserve")?>[^<&\r]*<\/t><\/si>/g) ?? [];
    zip.file('xl/sharedStrings.xml', strings.replace(/<si><t/g, '<si> <t'));
    expect(merges).toBeGreaterThan(50);
    expect(items.length).toBeGreaterThan(50);
    expect(readXlsx(await zip.generateAsync({ type: 'uint8array' }))).toEqual(readXlsx(plain));
  });

  it('cells at the edges of the fast path read as the general way reads them, and as written', async () => {
    // Row 2: every cell has the plain shape. Rows 3 and 4: cells just outside it (a small-letter or
    // zero-led reference, a style or type not of its letters, an entity, a CR), so the row goes the general way.
    const rows = [
      '<row r="2"><c r="A2" t="str"><v>甲</v></c><c r="B2" s="0" t="n"><v>1.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="s"></c><c r="F2"><v></v></c><c r="G2" s="0"/><c r="H2" t="s"><v>0</v></c></row>',
      '<row r="3"><c r="a3" t="str"><v>小写</v></c><c r="B3" s="1a"><v>2</v></c><c r="C3" t="str"><v>甲&amp;乙</v></c><c r="D3" t="str"><v>x\ry</v></c><c r="E3" s="1234567890"><v>3</v></c><c r="F3" t="s2"><v>4</v></c><c r="G03"><v>5</v></c></row>',
      '<row r="4"><c r="A4"><v>6</v></c><c r="B4" t="str"><v>&lt;</v></c></row>',
      // Rows of the plain shape (prefixed and dotted names, an empty value) and just outside it
      // (a zero-led number, single quotes, an entity in a value, a row that closes itself).
      '<row r="5" spans="1:2" x14ac:dyDescent="0.25" my.x-y_z="" ht="20"><c r="A5"><v>7</v></c></row>',
      "<row r='6' ht='20'><c r=\"A6\"><v>8</v></c></row>",
      '<row r="07" ht="20"><c r="A7"><v>9</v></c></row>',
      '<row r="8" ht="1&amp;2"><c r="A8"><v>10</v></c></row>',
      '<row r="9" ht="20"/><row r="10"/>',
      '<row r="11" spans="1:1"><c r="A11"><v>11</v></c></row>',
    ];
    const asWritten = await handMade((sheet, shared) => [sheet.replace('</sheetData>', `${rows.join('')}</sheetData>`), shared]);
    // The same cells with their attributes in another order: none has the plain shape.
    const otherwise = await handMade((sheet, shared) => [
      sheet.replace('</sheetData>', `${rows.join('')}</sheetData>`).replace(/<c r="([^"]+)"((?: [st]="[^"]*")*)(\/?)>/g, '<c$2 r="$1" $3>'),
      shared,
    ]);
    const grid = readXlsx(asWritten);
    expect(grid.sheets[0].rows).toEqual([
      ['共享', 42, '占位'],
      ['甲', 1.5, true, '#N/A', null, null, null, '共享'],
      ['小写', 2, '甲&乙', 'x\ny', 3, 4, 5],
      [6, '<'],
      [7],
      [8],
      [9],
      [10],
      [],
      [],
      [11],
    ]);
    expect(readXlsx(otherwise)).toEqual(grid);
    // The rows with their attributes after a space: none has the plain shape.
    const rowsOtherwise = await handMade((sheet, shared) => [
      sheet.replace('</sheetData>', `${rows.join('').replace(/<row /g, '<row  ')}</sheetData>`),
      shared,
    ]);
    expect(readXlsx(rowsOtherwise)).toEqual(grid);
  });

  it('shared strings at the edges of the fast path read as the general way reads them', async () => {
    const items = [
      '<si><t>甲</t></si>',
      '<si><t xml:space="preserve"> 前后有空格 </t></si>',
      '<si><t></t></si>',
      '<si><t>a&amp;b</t></si>',
      '<si><t>行\r\n尾</t></si>',
      '<si><t xml:space="default">默认</t></si>',
      '<si><t/></si>',
      '<si><t>_x0041_</t></si>',
      '<si><r><t>富</t></r><r><t>文本</t></r></si>',
    ];
    const cells = items.map((_, k) => `<c r="${String.fromCharCode(65 + k)}2" t="s"><v>${k + 2}</v></c>`).join('');
    const edit =
      (otherwise: boolean) =>
      (sheet: string, shared: string): [string, string] => {
        const added = otherwise ? items.map((x) => x.replace('<si><t', '<si> <t')) : items;
        return [sheet.replace('</sheetData>', `<row r="2">${cells}</row></sheetData>`), shared.replace('</sst>', `${added.join('')}</sst>`)];
      };
    const grid = readXlsx(await handMade(edit(false)));
    expect(grid.sheets[0].rows[1]).toEqual(['甲', ' 前后有空格 ', '', 'a&b', '行\n尾', '默认', '', 'A', '富文本']);
    expect(readXlsx(await handMade(edit(true)))).toEqual(grid);
  });

  it('reads no string past its end, and gives what the general way gives: cells cut by the ends of the decoded slices, near the end of the text, with long values and long row tags', async () => {
    // V8 compiles a scanner whose charCodeAt once read past the end of its string to a path about twice as slow.
    const readsPastEnd = (read: () => unknown): number => {
      const charCodeAt = String.prototype.charCodeAt;
      let past = 0;
      // Counted for this one synchronous read, then put back.
      String.prototype.charCodeAt = function (this: string, i: number) {
        if (i >= this.length || i < 0) past++;
        return charCodeAt.call(this, i);
      };
      try {
        read();
      } finally {
        String.prototype.charCodeAt = charCodeAt;
      }
      return past;
    };
    const rows: string[] = [];
    // Some 2.5 MB of rows: the reader decodes 1 MB at a time, and cells are cut where a slice ends.
    for (let r = 2; r <= 20_001; r++)
      rows.push(
        `<row r="${r}" spans="1:3" ht="20"><c r="A${r}" s="0" t="str"><v>名${r}</v></c><c r="B${r}"><v>${r}.5</v></c><c r="C${r}" t="s"><v>0</v></c></row>`,
      );
    const longest = 'x'.repeat(400);
    const tooLong = 'y'.repeat(401);
    rows.push(`<row r="20002"><c r="A20002" t="str"><v>${longest}</v></c><c r="B20002" t="str"><v>${tooLong}</v></c></row>`);
    rows.push(`<row r="20003" ht="20" note="${'z'.repeat(600)}"><c r="A20003"><v>3</v></c></row>`);
    // The last rows within PLAIN_ROOM of the text's end.
    rows.push('<row r="20004"><c r="A20004"><v>4</v></c></row><row r="20005"><c r="A20005" t="s"><v>1</v></c></row>');
    const asWritten = await handMade((sheet, shared) => [sheet.replace('</sheetData>', `${rows.join('')}</sheetData>`), shared], true);
    const otherwise = await handMade(
      (sheet, shared) => [
        sheet.replace('</sheetData>', `${rows.join('')}</sheetData>`).replace(/<c r="([^"]+)"((?: [st]="[^"]*")*)(\/?)>/g, '<c$2 r="$1" $3>'),
        shared,
      ],
      true,
    );
    let grid: ReturnType<typeof readXlsx> | undefined;
    expect(readsPastEnd(() => (grid = readXlsx(asWritten)))).toBe(0);
    const sheetRows = grid!.sheets[0].rows;
    expect(sheetRows).toHaveLength(20_005);
    expect(sheetRows[1]).toEqual(['名2', 2.5, '共享']);
    expect(sheetRows[12_345]).toEqual(['名12346', 12_346.5, '共享']);
    expect(sheetRows.slice(20_001)).toEqual([[longest, tooLong], [3], [4], ['占位']]);
    expect(readXlsx(otherwise)).toEqual(grid);
    const filled = await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json')));
    expect(readsPastEnd(() => readXlsx(filled))).toBe(0);
  });

  it("a cell of the plain shape beyond the sheet's limits is refused as the general way refuses it", async () => {
    for (const cell of ['<c r="XFE3"><v>1</v></c>', '<c r="A1048577" t="str"><v>x</v></c>']) {
      const plain = await handMade(withRow2(cell));
      const general = await handMade(withRow2(cell.replace(/^<c r="([^"]+)"/, '<c  r="$1"')));
      const refusal = (bytes: Uint8Array) => {
        try {
          readXlsx(bytes);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error('not refused');
      };
      expect(refusal(plain)).toMatch(/^工作簿超出读取上限：(列号|行号)/);
      expect(refusal(plain)).toBe(refusal(general));
    }
  });

  it('refuses a row that names an attribute twice, as the general way does', async () => {
    const plain = await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json')));
    for (const twice of ['<row r="2" r="3">', '<row r="2" ht="20" ht="21">', '<row r="2" spans="1:8" ht="20" spans="1:9">']) {
      const zip = await JSZip.loadAsync(plain);
      const sheet = 'xl/worksheets/sheet1.xml';
      const xml = await zip.file(sheet)!.async('string');
      expect(xml).toMatch(/<row r="2"[^>]*>/);
      zip.file(sheet, xml.replace(/<row r="2"[^>]*>/, twice));
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      expect(() => readXlsx(bytes)).toThrow('工作簿内容不是合格的 XML');
    }
  });

  it('sheets are found through the workbook relationships, whatever their parts are named', async () => {
    const plain = await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json')));
    const zip = await JSZip.loadAsync(plain);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    let renamed = rels;
    for (const f of Object.keys(zip.files).filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x))) {
      const name = f.replace('xl/worksheets/', '');
      zip.file(`xl/数据/${name.replace('sheet', '表')}`, await zip.file(f)!.async('uint8array'));
      zip.remove(f);
      renamed = renamed.replace(`worksheets/${name}`, `/xl/数据/${name.replace('sheet', '表')}`);
    }
    zip.file('xl/_rels/workbook.xml.rels', renamed);
    const moved = readXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(moved).toEqual(readXlsx(plain));
  });

  it('refuses XML that is not well formed, in plain words', async () => {
    for (const broken of [
      '</sheetData></sheetData>',
      '<row r="2"><c r="A2"><v>1</v></row></sheetData>',
      '<row r="2" r="2"/></sheetData>',
      '<row r="2"><c r="A2" t="str"><v>&nbsp;</v></c></row></sheetData>',
    ]) {
      const buf = await handMade((sheet, shared) => [sheet.replace('</sheetData>', broken), shared]);
      expect(() => readXlsx(buf)).toThrow('工作簿内容不是合格的 XML（文件已损坏或由不兼容的程序生成），请用 Excel 或 WPS 打开后重新保存为 .xlsx');
    }
  });

  it('refuses what is not a workbook, in plain words', async () => {
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(0), '文件是空的（0 字节），不是 Excel 工作簿，请重新获取原文件（或在 Excel 或 WPS 中重新保存为 .xlsx）后再检查'],
      [
        new TextEncoder().encode('not a zip at all, not even close'),
        '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
      ],
      [
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        '这是旧版 .xls（或 WPS 的 .et）格式的文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查',
      ],
    ];
    const good = await fillWorkbook(json(path.join(ROOT, 'test/fixtures/kaodian.json')));
    cases.push([good.subarray(0, good.length >> 1), '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件']);
    for (const [bytes, message] of cases) expect(() => readXlsx(bytes)).toThrow(message);
  });
});
