/**
 * Packages other programs read otherwise than we would: two zip entries of
 * one name (or of names differing only in case, the same part to OPC), where
 * readers differ on which is the part (LibreOffice takes the last, we took
 * the first), are refused in one line; parts in UTF-16, which OPC allows and
 * LibreOffice reads, are read as their UTF-8 selves, whichever byte order,
 * with a byte-order mark or without, small or large.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { markedCopy } from '../../src/io/xlsx/mark';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { packageParts, readXlsx } from '../../src/io/xlsx/reader';
import { WorkbookReadError } from '../../src/model/limits';
import { findingAt } from '../findings';
import { fixture } from '../helpers';
import { RawEntry, zipOf } from '../hostile/zip-writer';

jest.setTimeout(60_000);

let base: Uint8Array;
/** The vault log's part, and the workbook's and shared strings'. */
let log: string;
const WORKBOOK = 'xl/workbook.xml';
const SHARED = 'xl/sharedStrings.xml';

beforeAll(async () => {
  base = new Uint8Array(await fillWorkbook(fixture('kaodian.json')));
  log = packageParts(base).sheets.get('出入库记录')!;
});

/** The base's parts stored as they are, with `more` entries after them (duplicates allowed). */
function withEntries(more: Array<[string, string]>): Uint8Array {
  const entries: RawEntry[] = Object.entries(unzipSync(base)).map(([name, data]) => ({ name, data, method: 0, declaredSize: data.length }));
  for (const [name, text] of more) entries.push({ name, data: strToU8(text), method: 0, declaredSize: strToU8(text).length });
  return new Uint8Array(zipOf(entries));
}

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** The one line a reader refuses with, in each language: every face reads with readXlsx (the CLI in Node, the browser without). */
function refusals(bytes: Uint8Array): Array<[string, string | undefined]> {
  return [() => readXlsx(bytes), () => readXlsxInNode(bytes), () => packageParts(bytes)].map((read) => {
    try {
      read();
    } catch (error) {
      if (error instanceof WorkbookReadError) return [error.message, error.en];
      throw error;
    }
    throw new Error('not refused');
  });
}

const DUPLICATE: [string, string] = [
  '压缩包里有同名的条目（名称相同或只差大小写），不同软件会读到不同的内容，不是正常的 .xlsx 文件，已拒绝读取；请向报送单位重新获取原文件',
  'the zip has two entries of one name (or names differing only in case), which programs read differently: not a normal .xlsx file, not read; get the original file again from the unit that sent it',
];

describe('two entries of one part', () => {
  it('the same name twice (the second an empty vault log): refused in one line, by every reader and by marking', async () => {
    const bytes = withEntries([[log, EMPTY_SHEET]]);
    expect(refusals(bytes)).toEqual([DUPLICATE, DUPLICATE, DUPLICATE]);
    await expect(markedCopy(bytes, [findingAt('出入库记录', 'A4')])).rejects.toThrow(DUPLICATE[0]);
  });

  it('names differing only in ASCII case (Sheet6.xml, sheet6.xml): refused too', () => {
    const upper = log.replace(/sheet(\d+)\.xml$/, 'Sheet$1.xml');
    expect(upper).not.toBe(log);
    expect(refusals(withEntries([[upper, EMPTY_SHEET]]))).toEqual([DUPLICATE, DUPLICATE, DUPLICATE]);
    expect(refusals(withEntries([['XL/STYLES.XML', EMPTY_SHEET]]))).toEqual([DUPLICATE, DUPLICATE, DUPLICATE]);
  });

  it('names differing otherwise are two parts: read as the base', () => {
    const grid = readXlsx(base);
    expect(
      readXlsx(
        withEntries([
          [`${log}.bak`, EMPTY_SHEET],
          ['xl/Ä.xml', '<a/>'],
          ['xl/ä.xml', '<a/>'],
        ]),
      ),
    ).toEqual(grid);
  });

  it('empty folder entries differing only in case (xl/worksheets/, xl/WORKSHEETS/) hold no part: read as the base (review 17a N3)', () => {
    const grid = readXlsx(base);
    const folders = withEntries([
      ['xl/worksheets/', ''],
      ['xl/WORKSHEETS/', ''],
      ['XL/', ''],
      ['xl/', ''],
    ]);
    expect(readXlsx(folders)).toEqual(grid);
    expect(readXlsxInNode(folders)).toEqual(grid);
    expect(packageParts(folders).sheets).toEqual(packageParts(base).sheets);
    // A folder's name holding data is an entry as any other: two of one name are refused still.
    expect(
      refusals(
        withEntries([
          ['xl/a/', 'x'],
          ['XL/A/', 'x'],
        ]),
      ),
    ).toEqual([DUPLICATE, DUPLICATE, DUPLICATE]);
  });
});

/** UTF-16 bytes of a text, in `order`, with a byte-order mark or without. */
function utf16(text: string, order: 'le' | 'be', mark: boolean): Uint8Array {
  const units = (mark ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** The base with some parts written in UTF-16 (their declaration saying so), deflated as usual. */
function inUtf16(parts: Record<string, Uint8Array>, names: string[], order: 'le' | 'be', mark: boolean): Uint8Array {
  const changed = { ...parts };
  for (const name of names) changed[name] = utf16(strFromU8(parts[name]).replace('encoding="UTF-8"', 'encoding="UTF-16"'), order, mark);
  return zipSync(changed);
}

describe('parts in UTF-16', () => {
  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('the vault log, the workbook part and the shared strings in UTF-16 %s (byte-order mark: %s) read as in UTF-8', (order, mark) => {
    const parts = unzipSync(base);
    const grid = readXlsx(base);
    for (const names of [[log], [WORKBOOK], [SHARED], [log, WORKBOOK, SHARED]]) {
      const bytes = inUtf16(parts, names, order, mark);
      expect(readXlsx(bytes)).toEqual(grid);
      expect(readXlsxInNode(bytes)).toEqual(grid);
    }
  });

  it('a large part (inflated as a stream, or whole and decoded a slice at a time) reads as in UTF-8', () => {
    const parts = unzipSync(base);
    // 30,000 rows of text no two alike (so that deflate keeps it large): some 5 MB in UTF-16, beyond what is inflated at once.
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `<row r="${100 + i}"><c r="M${100 + i}" t="inlineStr"><is><t>甲${(i * 7919) % 100_003}乙𠀀${i}丙丁</t></is></c></row>`,
    );
    parts[log] = strToU8(strFromU8(parts[log]).replace('</sheetData>', `${rows.join('')}</sheetData>`));
    const large = zipSync(parts);
    const grid = readXlsx(large);
    for (const order of ['le', 'be'] as const) {
      const bytes = inUtf16(parts, [log], order, true);
      expect(readXlsx(bytes)).toEqual(grid);
      expect(readXlsxInNode(bytes)).toEqual(grid);
    }
  });

  it('a workbook with parts in UTF-16 is marked as its UTF-8 self: the copy reads as the UTF-8 copy, its parts in UTF-8', async () => {
    const parts = unzipSync(base);
    const findings = [findingAt('出入库记录', 'A4'), findingAt('入库清单', 'B5')];
    const utf8Copy = readXlsx((await markedCopy(base, findings)).bytes);
    for (const order of ['le', 'be'] as const) {
      const copy = await markedCopy(inUtf16(parts, [log, WORKBOOK, SHARED], order, true), findings);
      expect(copy.marked).toBe(2);
      expect(readXlsx(copy.bytes)).toEqual(utf8Copy);
      const written = unzipSync(copy.bytes);
      expect([log, WORKBOOK, SHARED].map((name) => strFromU8(written[name]).slice(0, 38))).toEqual(Array(3).fill('<?xml version="1.0" encoding="UTF-8" s'));
    }
  });

  it('a UTF-16 part that is not well formed is refused as a UTF-8 one is', () => {
    const parts = unzipSync(base);
    parts[log] = strToU8(strFromU8(parts[log]).replace('</sheetData>', '</sheetData></sheetData>'));
    expect(() => readXlsx(inUtf16(parts, [log], 'le', true))).toThrow(
      '工作簿内容不是合格的 XML（文件已损坏或由不兼容的程序生成），请用 Excel 或 WPS 打开后重新保存为 .xlsx',
    );
  });
});
