/**
 * Property (structure): a workbook saved again by another program — its
 * dimension refs rewritten or gone, empty rows and style-only cells added past
 * the data, column widths, shared strings written inline, every element given
 * a namespace prefix, merges added over empty cells below the forms or split
 * where their cells are empty — reads (the one xlsx reader, then the forms)
 * to the same data and the same findings, whole, as the workbook it came from.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { a1, parseRange } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { readXlsx } from '../../src/io/xlsx/reader';
import { validateSite } from '../../src/rules/engine';
import { base } from './tester';

jest.setTimeout(300_000);

type Parts = Record<string, Uint8Array>;

/** The 考点 with three mistakes, so that there are findings to keep. */
function withMistakes(): SiteData {
  const d = base('kaodian');
  d.vaultLog![0].returnedAt = '2024-06-15T07:00';
  d.vaultLog![1].issuedBy = d.vaultLog![1].taker;
  d.handovers![0].total = 7;
  return d;
}

interface Resave {
  dimension: 0 | 1 | 2 | 3 | 4;
  emptyRows: number;
  styleOnlyCells: boolean;
  widths: boolean;
  inline: boolean;
  prefix: boolean;
  mergesBelow: number;
  splitMerges: boolean;
  spans: boolean;
}

const lastRow = (xml: string): number => Math.max(0, ...[...xml.matchAll(/<row [^>]*?r="(\d+)"/g)].map((m) => Number(m[1])));

/** The raw inner XML of each shared string (escapes kept), to write it inline. */
function sharedItems(parts: Parts): string[] {
  const sst = parts['xl/sharedStrings.xml'];
  return sst ? [...strFromU8(sst).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]) : [];
}

/** A merge whose cells but the first hold nothing, cut in two. */
function splitEmptyMerges(xml: string): string {
  const filled = new Set([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:<f|<v|<is)/g)].map((m) => m[1]));
  return xml.replace(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/g, (whole, ref: string) => {
    const box = parseRange(ref)!;
    if (box.right === box.left) return whole;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) if ((r > box.top || c > box.left) && filled.has(a1(r, c))) return whole;
    const mid = (box.left + box.right) >> 1;
    return `<mergeCell ref="${a1(box.top, box.left)}:${a1(box.bottom, mid)}"/><mergeCell ref="${a1(box.top, mid + 1)}:${a1(box.bottom, box.right)}"/>`;
  });
}

function resaveSheet(xml: string, how: Resave, shared: string[]): string {
  let out = xml;
  const dims = ['', '<dimension ref="A1"/>', '<dimension ref="A1:XFD1048576"/>', '<dimension ref="B2:C3"/>'];
  if (how.dimension) out = out.replace(/<dimension [^>]*\/>/, dims[how.dimension - 1]);
  if (how.spans) out = out.replace(/ spans="[^"]*"/g, '');
  if (how.splitMerges) out = splitEmptyMerges(out);
  const last = lastRow(out);
  if (how.styleOnlyCells)
    out = out.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (_, r, attrs, cells) => `<row r="${r}"${attrs}>${cells}<c r="AZ${r}" s="0"/></row>`);
  if (how.emptyRows) {
    const rows = Array.from(
      { length: how.emptyRows },
      (_, i) => `<row r="${last + 1 + i * 7}" ht="20" customHeight="1"><c r="C${last + 1 + i * 7}" s="0"/></row>`,
    );
    out = out.replace('</sheetData>', `${rows.join('')}</sheetData>`).replace('<sheetData/>', `<sheetData>${rows.join('')}</sheetData>`);
  }
  if (how.mergesBelow) {
    const refs = Array.from({ length: how.mergesBelow }, (_, i) => `<mergeCell ref="A${last + 100 + 3 * i}:F${last + 101 + 3 * i}"/>`).join('');
    out = out.includes('<mergeCells')
      ? out.replace(/<mergeCells count="\d+">/, (m) => m + refs)
      : out.replace(/(<\/sheetData>|<sheetData\/>)/, `$1<mergeCells>${refs}</mergeCells>`);
  }
  if (how.widths && !out.includes('<cols>')) out = out.replace('<sheetData', '<cols><col min="1" max="16384" width="11" customWidth="1"/></cols><sheetData');
  if (how.inline)
    out = out.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a, b, i) => `<c ${a}t="inlineStr"${b}><is>${shared[Number(i)]}</is></c>`);
  if (how.prefix) {
    out = out.replace(/<(\/?)(?![\w-]+:)([A-Za-z]\w*)/g, '<$1x:$2').replace(' xmlns="', ' xmlns:x="');
  }
  return out;
}

function resave(bytes: Uint8Array, how: Resave): Uint8Array {
  const parts = unzipSync(bytes);
  const shared = sharedItems(parts);
  for (const name of Object.keys(parts)) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) parts[name] = strToU8(resaveSheet(strFromU8(parts[name]), how, shared));
  }
  return zipSync(parts);
}

const resaves: fc.Arbitrary<Resave> = fc.record({
  dimension: fc.constantFrom(0, 1, 2, 3, 4),
  emptyRows: fc.integer({ min: 0, max: 4 }),
  styleOnlyCells: fc.boolean(),
  widths: fc.boolean(),
  inline: fc.boolean(),
  prefix: fc.boolean(),
  mergesBelow: fc.integer({ min: 0, max: 3 }),
  splitMerges: fc.boolean(),
  spans: fc.boolean(),
});

let original: Uint8Array;
const read = (bytes: Uint8Array) => {
  const model = readWorkbook(readXlsx(bytes));
  return { data: model.data, findings: validateSite(model) };
};

beforeAll(async () => {
  original = new Uint8Array(await fillWorkbook(withMistakes()));
});

it('the workbook it comes from has findings to keep', () => {
  expect(read(original).findings.length).toBeGreaterThanOrEqual(3);
});

it('every kind of re-save at once changes neither the data nor a finding', () => {
  const all: Resave = {
    dimension: 3,
    emptyRows: 4,
    styleOnlyCells: true,
    widths: true,
    inline: true,
    prefix: true,
    mergesBelow: 3,
    splitMerges: true,
    spans: true,
  };
  const resaved = resave(original, all);
  const merges = (b: Uint8Array) => (strFromU8(unzipSync(b)['xl/worksheets/sheet1.xml']).match(/mergeCell ref/g) ?? []).length;
  const sheet = strFromU8(unzipSync(resaved)['xl/worksheets/sheet1.xml']);
  // The re-save did what it says: prefixed, inline strings, the dimension rewritten, merges split and added.
  expect([sheet.includes('<x:sheetData>'), sheet.includes('t="inlineStr"'), sheet.includes('<x:dimension ref="A1:XFD1048576"/>')]).toEqual([true, true, true]);
  expect(merges(resaved)).toBeGreaterThan(merges(original) + 3);
  expect(read(resaved)).toEqual(read(original));
});

it('any mix of re-saves changes neither the data nor a finding', () => {
  const expected = read(original);
  fc.assert(
    fc.property(resaves, (how) => {
      expect(read(resave(original, how))).toEqual(expected);
    }),
    { numRuns: 30 },
  );
});
