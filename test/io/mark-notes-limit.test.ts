/**
 * A workbook whose notes are not as Excel writes them is marked through
 * exceljs, which holds every note and rewrites the whole workbook, with no
 * bound of its own (60,000 notes took 22 s and 700 MB): beyond LIMITS.markNotes
 * notes or LIMITS.markNotesBytes of notes parts, its marked copy is refused in
 * one line before exceljs is asked, and the findings still stand.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fflate from 'fflate';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { markedCopy, markedThroughExceljs } from '../../src/io/xlsx/mark';
import { packageParts } from '../../src/io/xlsx/reader';
import type { Finding } from '../../src/model/finding';
import * as zip from '../../src/io/xlsx/zip';
import { LIMITS, REFUSALS, WorkbookReadError } from '../../src/model/limits';
import type { SiteData } from '../../src/model/types';
import { findingAt } from '../findings';
import { fixture } from '../helpers';
import { RawEntry, zipOf } from '../hostile/zip-writer';

jest.setTimeout(120_000);

const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const VML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
/** A VML drawing of notes as Excel writes it (its idmap first), and one not so (review9b's: a shape of 40 MB). */
const EXCEL_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>';
const OTHER_VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape>${'x'.repeat(1000)}</v:shape></xml>`;

const comments = (notes: number, text: (row: number) => string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>x</author></authors><commentList>' +
  Array.from({ length: notes }, (_, i) => `<comment ref="J${20 + i}" authorId="0"><text><t>${text(20 + i)}</t></text></comment>`).join('') +
  '</commentList></comments>';

/**
 * The vault log of a workbook with a mistake given `notes` notes on empty cells and no VML drawing (not as Excel
 * writes them: marked through exceljs); `unlinked`: the notes part is no sheet's, which exceljs reads all the same.
 */
async function noted(notes: number, text: (row: number) => string = (r) => `旧注释${r}`, unlinked = false, vml?: string): Promise<Uint8Array> {
  const data: SiteData = fixture('kaodian.json');
  // A finding on the vault log: its marks go where the notes are.
  data.vaultLog![0].takenAt = '六月中旬';
  const bytes = new Uint8Array(await fillWorkbook(data));
  const log = packageParts(bytes).sheets.get('出入库记录')!;
  const parts = unzipSync(bytes);
  parts['xl/comments99.xml'] = strToU8(comments(notes, text));
  if (!unlinked) {
    const rels = log.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    let rel = `<Relationship Id="rNotes" Type="${COMMENTS_REL}" Target="../comments99.xml"/>`;
    if (vml !== undefined) {
      // A VML drawing too, the one the sheet's <legacyDrawing> names: the notes' pair, as the copy patches it in place.
      parts['xl/drawings/vmlDrawing99.vml'] = strToU8(vml);
      rel += `<Relationship Id="rNotesVml" Type="${VML_REL}" Target="../drawings/vmlDrawing99.vml"/>`;
      parts[log] = strToU8(strFromU8(parts[log]).replace('</worksheet>', '<legacyDrawing r:id="rNotesVml"/></worksheet>'));
    }
    parts[rels] = strToU8(
      parts[rels]
        ? strFromU8(parts[rels]).replace('</Relationships>', `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
  }
  return zipSync(parts);
}

const finding: Finding = findingAt('出入库记录', 'A4');

async function refusal(bytes: Uint8Array, mark = markedCopy): Promise<[string, string | undefined]> {
  const error = await mark(bytes, [finding]).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkbookReadError)) throw new Error(`not refused: ${String(error)}`);
  return [error.message, error.en];
}

test('the limits stated', () => {
  expect([LIMITS.markNotes, LIMITS.markNotesBytes]).toEqual([10_000, 16 * 1024 * 1024]);
});

test('notes beyond the limit: the marked copy refused in one line, zh and en, with the count found', async () => {
  expect(await refusal(await noted(LIMITS.markNotes + 1))).toEqual([
    '批注 10,001 条，超过标记副本的上限 10,000 条（这些批注不是 Excel 的写法，副本须整本重写）；检查结果不受影响。请用 Excel 或 WPS 打开后重新保存，再标记',
    '10,001 notes, over the 10,000 a marked copy may have (these notes are not as Excel writes them, so the copy would be written anew); the findings stand. Open it in Excel or WPS, save it again and mark it again',
  ]);
});

test('through exceljs, a notes part no sheet links to counts too: exceljs reads it all the same', async () => {
  expect((await refusal(await noted(LIMITS.markNotes + 1, undefined, true), markedThroughExceljs))[0]).toMatch(/^批注 10,001 条，超过标记副本的上限 10,000 条/);
});

test('notes parts beyond the size limit: refused, the size found named', async () => {
  const long = '注'.repeat(2 * 1024 * 1024);
  // Three notes of 6 MB each (a Chinese character is 3 bytes): 18 MB and a little.
  const [zh, en] = await refusal(await noted(3, () => long));
  expect([zh, en]).toEqual([
    '批注部件共 18.0 MB，超过标记副本的上限 16 MB（这些批注不是 Excel 的写法，副本须整本重写）；检查结果不受影响。请用 Excel 或 WPS 打开后重新保存，再标记',
    'notes parts of 18.0 MB, over the 16 MB a marked copy may have (these notes are not as Excel writes them, so the copy would be written anew); the findings stand. Open it in Excel or WPS, save it again and mark it again',
  ]);
});

test('a notes part that declares a small size and inflates beyond it: stopped at its declared size, refused as damaged', async () => {
  const long = '注'.repeat(2 * 1024 * 1024);
  const entries: RawEntry[] = Object.entries(unzipSync(await noted(3, () => long))).map(([name, data]) =>
    name === 'xl/comments99.xml' ? { name, data: deflateSync(data), method: 8, declaredSize: 1000 } : { name, data, method: 0, declaredSize: data.length },
  );
  const bounded = jest.spyOn(zip, 'inflatedUpTo');
  const whole = jest.spyOn(zip, 'inflateEntry');
  try {
    expect(await refusal(new Uint8Array(zipOf(entries)))).toEqual([
      REFUSALS.broken,
      'the file is damaged or incomplete (perhaps cut short when downloaded or copied); get the original file again',
    ]);
    // Read only up to the 1,000 bytes it declares (and one more), never whole.
    expect(bounded.mock.calls.filter(([, , most]) => most === 1000)).toHaveLength(1);
    expect(bounded.mock.results.find((_, i) => bounded.mock.calls[i][2] === 1000)?.value).toMatchObject({ whole: false });
    expect(whole.mock.calls.filter(([, entry]) => entry.name === 'xl/comments99.xml')).toEqual([]);
  } finally {
    bounded.mockRestore();
    whole.mockRestore();
  }
});

test('inflatedUpTo: a part inflated no further than its bound and a slice of deflated bytes (some 1 MB)', () => {
  const data = deflateSync(strToU8('注'.repeat(6 * 1024 * 1024)));
  const push = jest.spyOn(fflate.Inflate.prototype, 'push');
  try {
    const part = zip.inflatedUpTo(data, 8, 1000);
    expect([part.whole, part.bytes.length]).toEqual([false, 1001]);
    // One push of 1 KB of its 18 KB: the rest never inflated.
    expect(push.mock.calls.map(([chunk]) => chunk.length)).toEqual([1024]);
  } finally {
    push.mockRestore();
  }
  expect(zip.inflatedUpTo(deflateSync(strToU8('<x/>')), 8, 4)).toEqual({ bytes: strToU8('<x/>'), whole: true });
  expect(zip.inflatedUpTo(strToU8('<x/>'), 0, 3)).toEqual({ bytes: strToU8('<x/>'), whole: false });
});

/** Notes parts of 18 MB as declared, with a VML drawing: review9b's comments-vml-huge, at a test's size. */
const longNotes = (vml: string) => noted(3, () => '注'.repeat(2 * 1024 * 1024), false, vml);

const BYTES_LINE = [
  '批注部件共 18.0 MB，超过标记副本的上限 16 MB（这些批注不是 Excel 的写法，副本须整本重写）；检查结果不受影响。请用 Excel 或 WPS 打开后重新保存，再标记',
  'notes parts of 18.0 MB, over the 16 MB a marked copy may have (these notes are not as Excel writes them, so the copy would be written anew); the findings stand. Open it in Excel or WPS, save it again and mark it again',
];

test('notes parts declared beyond the size limit, not as Excel writes them: refused from the central directory, neither part inflated beyond its first 4 KB', async () => {
  const bytes = await longNotes(OTHER_VML);
  const whole = jest.spyOn(zip, 'inflateEntry');
  const bounded = jest.spyOn(zip, 'inflatedUpTo');
  try {
    expect(await refusal(bytes)).toEqual(BYTES_LINE);
    expect(whole.mock.calls.map(([, entry]) => entry.name).filter((name) => /comments99|vmlDrawing99/.test(name))).toEqual([]);
    expect(bounded.mock.calls.map(([, , most]) => most)).toEqual(expect.arrayContaining([4096]));
    expect(bounded.mock.calls.every(([, , most]) => most === 4096)).toBe(true);
  } finally {
    whole.mockRestore();
    bounded.mockRestore();
  }
});

test('a notes part whose deflated data is garbage, declared beyond the limit: the limit line, not a damaged-file line', async () => {
  const entries: RawEntry[] = Object.entries(unzipSync(await longNotes(OTHER_VML))).map(([name, data]) =>
    name === 'xl/comments99.xml'
      ? { name, data: new Uint8Array(4096).map((_, i) => (i * 151 + 7) % 256), method: 8, declaredSize: 40 * 1024 * 1024 }
      : { name, data, method: 0, declaredSize: data.length },
  );
  const [zh] = await refusal(new Uint8Array(zipOf(entries)));
  expect(zh).toBe(
    '批注部件共 40.0 MB，超过标记副本的上限 16 MB（这些批注不是 Excel 的写法，副本须整本重写）；检查结果不受影响。请用 Excel 或 WPS 打开后重新保存，再标记',
  );
});

test('notes parts beyond the size limit as Excel writes them: still patched in place, every note kept', async () => {
  const copy = await markedCopy(await longNotes(EXCEL_VML), [finding]);
  expect(copy.marked).toBe(1);
  const parts = unzipSync(copy.bytes);
  const comments = strFromU8(parts['xl/comments99.xml']);
  expect((comments.match(/<comment /g) ?? []).length).toBe(4);
  expect(comments).toContain('<comment ref="A4"');
  expect(strFromU8(parts['xl/drawings/vmlDrawing99.vml'])).toMatch(/<o:idmap v:ext="edit" data="1,2"\/>/);
});

test('notes up to the limit are marked through exceljs, and kept', async () => {
  const copy = await markedCopy(await noted(LIMITS.markNotes), [finding]);
  expect(copy.marked).toBe(1);
  const kept = Object.entries(unzipSync(copy.bytes))
    .filter(([name]) => /^xl\/comments\d+\.xml$/.test(name))
    .map(([, data]) => (strFromU8(data).match(/<comment /g) ?? []).length);
  expect(kept.reduce((a, b) => a + b, 0)).toBe(LIMITS.markNotes + 1);
});

test.each([
  [
    'more notes than the limit',
    'noted.xlsx',
    () => noted(LIMITS.markNotes + 1),
    '批注 10,001 条，超过标记副本的上限 10,000 条（这些批注不是 Excel 的写法，副本须整本重写）；检查结果不受影响。请用 Excel 或 WPS 打开后重新保存，再标记',
  ],
  ['notes parts declared beyond the limit', 'huge.xlsx', () => longNotes(OTHER_VML), BYTES_LINE[0]],
])('validate --mark of %s: the findings printed, the copy refused in one line naming the file, exit 2, no copy written', async (_, name, workbook, line) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-mark-notes-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, await workbook());
    const io = memoryIO();
    const code = await main(['node', 'custody', 'validate', file, '--mark', path.join(dir, 'out')], io);
    const plain = memoryIO();
    await main(['node', 'custody', 'validate', file], plain);
    expect(code).toBe(2);
    expect(io.stdout).toBe(plain.stdout);
    expect(io.stderr.trim().split('\n')).toEqual([`${file}：无法写出标记副本：${line}`]);
    expect(fs.readdirSync(dir)).toEqual([name]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
