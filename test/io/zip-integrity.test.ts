/**
 * Packages that say one thing to one reader and another to the next (review
 * 14a D5, D9): a local header naming another part than the central directory
 * (Python refuses it, LibreOffice drops the sheet), a part whose bytes do not
 * give its CRC-32 (Python refuses it; Node's and fflate's inflaters do not
 * check it), a fake end record in the zip comment, an .ods renamed .xlsx, a
 * row numbered 0. Each is read as the file truly is, or refused in one line,
 * by the browser's reader and by Node's alike.
 */
import { strToU8, unzipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { packageParts, readXlsx } from '../../src/io/xlsx/reader';
import { WorkbookReadError } from '../../src/model/limits';
import { fixture } from '../helpers';
import { RawEntry, zipOf } from '../hostile/zip-writer';

jest.setTimeout(60_000);

let base: Uint8Array;
let log: string;

beforeAll(async () => {
  base = new Uint8Array(await fillWorkbook(fixture('kaodian.json')));
  log = packageParts(base).sheets.get('出入库记录')!;
});

const entriesOf = (bytes: Uint8Array): RawEntry[] =>
  Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data, method: 0 as const, declaredSize: data.length }));

/** The one line each reader refuses with (zh, en): the browser's and Node's. */
function refusals(bytes: Uint8Array): Array<[string, string | undefined]> {
  return [readXlsx, readXlsxInNode].map((read) => {
    try {
      read(bytes);
    } catch (error) {
      if (error instanceof WorkbookReadError) return [error.message, error.en];
      throw error;
    }
    throw new Error('not refused');
  });
}

/** The name of `part` in its local header (not in the central directory) replaced by `other`, of the same length. */
function localNameLies(bytes: Uint8Array, part: string, other: string): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(part);
  const lie = strToU8(other);
  expect(lie.length).toBe(name.length);
  for (let at = 0; at + 30 < out.length;) {
    expect(dv.getUint32(at, true)).toBe(0x04034b50);
    const length = dv.getUint16(at + 26, true);
    const size = dv.getUint32(at + 18, true);
    if (Buffer.from(out.subarray(at + 30, at + 30 + length)).equals(Buffer.from(name))) {
      out.set(lie, at + 30);
      return out;
    }
    at += 30 + length + dv.getUint16(at + 28, true) + size;
  }
  throw new Error(`no local header for ${part}`);
}

const MISMATCH: [string, string] = [
  '压缩包里有条目的名称前后不一致（目录里的名称与条目自身记录的不同），不同软件会读到不同的内容，文件已损坏，已拒绝读取；请用 Excel 或 WPS 打开后重新保存为 .xlsx，或向报送单位重新获取原文件',
  'the zip has an entry whose name in the directory differs from the name in its own header, which programs read differently: the file is damaged, not read; open it in Excel or WPS and save it again as .xlsx, or get the original file again from the unit that sent it',
];
const BAD_CRC: [string, string] = [
  '压缩包里有部件的校验码（CRC-32）不符，内容在复制或传输中出了错或被改动过，文件已损坏，已拒绝读取；请向报送单位重新获取原文件，或用 Excel 或 WPS 打开后重新保存为 .xlsx',
  'a part of the zip does not match its checksum (CRC-32): it was damaged in copying or sending, or changed, so the file is damaged, not read; get the original file again from the unit that sent it, or open it in Excel or WPS and save it again as .xlsx',
];

describe('the central directory and the local headers', () => {
  it('a local header naming the vault log otherwise than the directory (review 14a p03): refused in one line', () => {
    const stored = new Uint8Array(zipOf(entriesOf(base)));
    expect(readXlsx(stored)).toEqual(readXlsx(base));
    const other = log.replace(/[^/]+$/, (file) => 'e'.repeat(file.length));
    expect(refusals(localNameLies(stored, log, other))).toEqual([MISMATCH, MISMATCH]);
    // Any part the reader reads: the shared strings too.
    const shared = 'xl/sharedStrings.xml';
    expect(refusals(localNameLies(stored, shared, shared.replace('shared', 'SHARED')))).toEqual([MISMATCH, MISMATCH]);
  });

  it.each([
    ['stored', 0],
    ['deflated', 8],
  ] as const)('a %s part whose bytes do not give its CRC-32 (review 14a p04): refused in one line; its true CRC-32: read', (_how, method) => {
    const entries = entriesOf(base).map((e) => (method === 8 ? { ...e, method, data: deflate(e.data) } : e));
    expect(readXlsx(new Uint8Array(zipOf(entries)))).toEqual(readXlsx(base));
    for (const part of [log, 'xl/workbook.xml', 'xl/styles.xml']) {
      const wrong = entries.map((e) => (e.name === part ? { ...e, crc: 0x12345678 } : e));
      expect([part, refusals(new Uint8Array(zipOf(wrong)))]).toEqual([part, [BAD_CRC, BAD_CRC]]);
    }
  });

  it('a large part inflated as a stream (fflate, no host inflater) is checked once it has all come', () => {
    const parts = unzipSync(base);
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${200 + i}"><c r="M${200 + i}" t="inlineStr"><is><t>甲${(i * 7919) % 100_003}乙</t></is></c></row>`,
    );
    const big = strToU8(new TextDecoder().decode(parts[log]).replace('</sheetData>', `${rows.join('')}</sheetData>`));
    const entries = entriesOf(base).map((e) => (e.name === log ? { ...e, method: 8 as const, data: deflate(big), declaredSize: big.length } : e));
    // Beyond what fflate inflates at once (4 MB declared): its streaming inflater.
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    const grid = readXlsx(new Uint8Array(zipOf(entries)));
    expect(grid.sheets.find((s) => s.name === '出入库记录')!.rows[60_198][12]).toBe(`甲${(59_999 * 7919) % 100_003}乙`);
    const wrong = new Uint8Array(zipOf(entries.map((e) => (e.name === log ? { ...e, crc: 1 } : e))));
    expect(refusals(wrong)).toEqual([BAD_CRC, BAD_CRC]);
  });
});

const deflate = (data: Uint8Array): Uint8Array => new Uint8Array(require('zlib').deflateRawSync(data));

/** The zip with `comment` as its comment (the end record's comment length set to it). */
function withComment(bytes: Uint8Array, comment: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + comment.length);
  out.set(bytes);
  out.set(comment, bytes.length);
  new DataView(out.buffer).setUint16(bytes.length - 2, comment.length, true);
  return out;
}

describe('what the package is', () => {
  it('a fake end record inside the zip comment (review 14a p06) is not taken: the workbook is read', () => {
    const fake = new Uint8Array(22);
    new DataView(fake.buffer).setUint32(0, 0x06054b50, true);
    const comment = new Uint8Array([...strToU8('x'.repeat(10)), ...fake, ...strToU8('y'.repeat(10))]);
    const bytes = withComment(base, comment);
    expect(readXlsx(bytes)).toEqual(readXlsx(base));
    expect(readXlsxInNode(bytes)).toEqual(readXlsx(base));
  });

  it('bytes after the end record (some tools append them) are let be, as before', () => {
    const bytes = new Uint8Array([...base, ...strToU8('trailing bytes')]);
    expect(readXlsx(bytes)).toEqual(readXlsx(base));
  });

  it('an .ods renamed .xlsx (review 14a p11): says it is an OpenDocument spreadsheet, to be saved as .xlsx', () => {
    const ods = new Uint8Array(
      zipOf([
        { name: 'mimetype', data: strToU8('application/vnd.oasis.opendocument.spreadsheet'), method: 0, declaredSize: 46 },
        {
          name: 'content.xml',
          data: strToU8('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
          method: 0,
          declaredSize: 88,
        },
      ]),
    );
    const line: [string, string] = [
      '这是 OpenDocument 格式的表格（.ods，如 LibreOffice 或 WPS 保存的），不是 .xlsx，请在 Excel、WPS 或 LibreOffice 中打开后“另存为” .xlsx 再检查',
      'this is an OpenDocument spreadsheet (.ods, as LibreOffice or WPS save it), not an .xlsx; open it in Excel, WPS or LibreOffice, save it as .xlsx and check again',
    ];
    expect(refusals(ods)).toEqual([line, line]);
    // Another zip with no workbook in it: the line as before.
    const other = new Uint8Array(zipOf([{ name: 'a.txt', data: strToU8('a'), method: 0, declaredSize: 1 }]));
    expect(refusals(other)[0][0]).toBe(
      '压缩包里没有 Excel 工作簿内容（xl/workbook.xml），不是 .xlsx 文件，请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
    );
  });
});

describe('row numbers', () => {
  const withRow = (row: string): Uint8Array => {
    const entries = entriesOf(base).map((e) =>
      e.name === log ? { ...e, data: strToU8(new TextDecoder().decode(e.data).replace('</sheetData>', `${row}</sheetData>`)) } : e,
    );
    return new Uint8Array(zipOf(entries.map((e) => ({ ...e, declaredSize: e.data.length }))));
  };
  const LINE: [string, string] = [
    '工作表里有行号不合法的行（如第 0 行），Excel 会认为文件已损坏，已拒绝读取；请用 Excel 或 WPS 打开后重新保存为 .xlsx 再检查',
    'a sheet has a row with an invalid row number (such as row 0), which Excel calls damaged, not read; open it in Excel or WPS, save it again as .xlsx and check again',
  ];

  it.each(['0', '-1', '2.5', 'x'])('<row r="%s"> (review 14a x09: read silently as the next row) is refused in one line', (r) => {
    expect(refusals(withRow(`<row r="${r}"><c r="A999" t="inlineStr"><is><t>x</t></is></c></row>`))).toEqual([LINE, LINE]);
  });

  it('a row with no number, or numbered 999, is read as before', () => {
    for (const row of ['<row><c r="A999"><v>1</v></c></row>', '<row r="999"><c r="A999"><v>1</v></c></row>']) {
      const sheet = readXlsx(withRow(row)).sheets.find((s) => s.name === '出入库记录')!;
      expect(sheet.rows[998][0]).toBe(1);
    }
  });
});
