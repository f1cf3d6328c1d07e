/**
 * A part stored as the same bytes as one read before is not read again
 * (same-part.ts): exact on what counts as the same, bounded in what it keeps,
 * and its inflated bytes still count against the workbook's limits. The
 * reader with its memos warm reads every workbook as a fresh reader does.
 */
import { strToU8, zipSync } from 'fflate';
import { readXlsx } from '../../src/io/xlsx/reader';
import { SamePartMemo } from '../../src/io/xlsx/same-part';
import { listEntries, type InflateBudget } from '../../src/io/xlsx/zip';
import { LIMITS, WorkbookReadError } from '../../src/model/limits';
import { templateBytes } from '../helpers';

const STYLES = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts></styleSheet>';

/** A package of the given parts, each deflated (level 6) or stored (level 0). */
function pack(parts: Record<string, string>, level: 0 | 6 = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, [strToU8(text), { level }]])));
}

/** Reads `name` of `bytes` through the memo; `read` counts the part as inflated, as the real reader does. */
function readThrough(memo: SamePartMemo<string>, bytes: Uint8Array, name: string, budget: InflateBudget = { total: 0 }) {
  const entry = listEntries(bytes).get(name)!;
  const read = jest.fn(() => {
    budget.total += entry.declaredSize;
    return `read ${name} ${entry.declaredSize}`;
  });
  const value = memo.get(bytes, entry, budget, read);
  return { value, reads: read.mock.calls.length, budget };
}

describe('SamePartMemo', () => {
  it('reads a part once for every workbook that stores it as the same bytes, and counts its bytes each time', () => {
    const memo = new SamePartMemo<string>();
    const size = STYLES.length;
    const first = readThrough(memo, pack({ 'xl/styles.xml': STYLES, 'xl/a.xml': '<a/>' }), 'xl/styles.xml');
    const second = readThrough(memo, pack({ 'xl/b.xml': '<b/>', 'xl/styles.xml': STYLES }), 'xl/styles.xml', { total: 100 });
    expect([first.value, first.reads, first.budget.total]).toEqual([`read xl/styles.xml ${size}`, 1, size]);
    expect([second.value, second.reads, second.budget.total]).toEqual([`read xl/styles.xml ${size}`, 0, 100 + size]);
  });

  it('reads again a part stored as the same bytes under another declared CRC-32 (which the read then refuses: review 14a D5)', () => {
    const memo = new SamePartMemo<string>();
    const bytes = pack({ 'xl/styles.xml': STYLES }, 0);
    readThrough(memo, bytes, 'xl/styles.xml');
    const wrong = bytes.slice();
    // The CRC-32 in the central directory (the one the reader takes), at offset 16 of its one record.
    const dv = new DataView(wrong.buffer);
    const central = wrong.length - 22 - dv.getUint32(wrong.length - 22 + 12, true);
    dv.setUint32(central + 16, dv.getUint32(central + 16, true) ^ 1, true);
    expect(listEntries(wrong).get('xl/styles.xml')!.crc).not.toBe(listEntries(bytes).get('xl/styles.xml')!.crc);
    expect(readThrough(memo, wrong, 'xl/styles.xml').reads).toBe(1);
    expect(readThrough(memo, bytes, 'xl/styles.xml').reads).toBe(0);
  });

  it('reads again a part whose bytes, name or way of storing differ', () => {
    const memo = new SamePartMemo<string>();
    readThrough(memo, pack({ 'xl/styles.xml': STYLES }), 'xl/styles.xml');
    const other = STYLES.replace('yyyy-mm-dd', 'yyyy-mm-de');
    expect(readThrough(memo, pack({ 'xl/styles.xml': other }), 'xl/styles.xml').reads).toBe(1);
    expect(readThrough(memo, pack({ 'xl/styles2.xml': STYLES }), 'xl/styles2.xml').reads).toBe(1);
    expect(readThrough(memo, pack({ 'xl/styles.xml': STYLES }, 0), 'xl/styles.xml').reads).toBe(1);
    // Each of them is now known.
    expect(readThrough(memo, pack({ 'xl/styles.xml': other }), 'xl/styles.xml').reads).toBe(0);
    expect(readThrough(memo, pack({ 'xl/styles.xml': STYLES }, 0), 'xl/styles.xml').reads).toBe(0);
  });

  it('keeps the last four variants of a part, and none stored in more than 64 KB', () => {
    const memo = new SamePartMemo<string>();
    const variant = (i: number) => pack({ 'x.xml': `<x n="${i}"/>` });
    for (let i = 0; i < 5; i++) readThrough(memo, variant(i), 'x.xml');
    // 0 was the first kept, and forgotten when 4 came.
    expect([4, 3, 2, 1, 0].map((i) => readThrough(memo, variant(i), 'x.xml').reads)).toEqual([0, 0, 0, 0, 1]);

    const large = pack({ 'big.xml': `<a>${'x'.repeat(70 * 1024)}</a>` }, 0);
    expect([1, 2].map(() => readThrough(memo, large, 'big.xml').reads)).toEqual([1, 1]);
  });

  it('keeps nothing of a part whose reading failed', () => {
    const memo = new SamePartMemo<string>();
    const bytes = pack({ 'x.xml': '<x/>' });
    const entry = listEntries(bytes).get('x.xml')!;
    expect(() =>
      memo.get(bytes, entry, { total: 0 }, () => {
        throw new Error('not well formed');
      }),
    ).toThrow('not well formed');
    expect(readThrough(memo, bytes, 'x.xml').reads).toBe(1);
  });

  it('refuses a known part past the workbook limit as reading it would', () => {
    const memo = new SamePartMemo<string>();
    const bytes = pack({ 'xl/styles.xml': STYLES });
    readThrough(memo, bytes, 'xl/styles.xml');
    const nearlyFull = { total: LIMITS.totalInflatedBytes - 10 };
    let refusal: unknown;
    try {
      readThrough(memo, bytes, 'xl/styles.xml', nearlyFull);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkbookReadError);
    expect(refusal).toMatchObject({ reason: 'limit', message: expect.stringContaining('解压后的总大小') });
  });
});

describe('the reader with its memos warm', () => {
  it('reads each template, and a workbook whose date styles differ in one format, as a fresh reader does', () => {
    const templates = templateBytes();
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c></row></sheetData></worksheet>';
    const dated = (formatCode: string) =>
      pack({
        '[Content_Types].xml': '<Types/>',
        '_rels/.rels': '<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': '<workbook><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
          '<Relationships><Relationship Id="r1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="x/styles" Target="styles.xml"/></Relationships>',
        'xl/styles.xml': `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${formatCode}"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
        'xl/worksheets/sheet1.xml': sheet,
      });
    const workbooks = [...templates, dated('yyyy-mm-dd'), dated('0.00'), ...templates, dated('yyyy-mm-dd')];

    const fresh = (bytes: Uint8Array) => {
      let grid: unknown;
      jest.isolateModules(() => {
        grid = (jest.requireActual('../../src/io/xlsx/reader') as typeof import('../../src/io/xlsx/reader')).readXlsx(bytes);
      });
      return grid;
    };
    const warm = workbooks.map((bytes) => readXlsx(bytes));
    expect(warm).toEqual(workbooks.map(fresh));
    expect(warm.slice(templates.length, templates.length + 2).map((g) => g.sheets[0].rows[0][0])).toEqual([new Date(Date.UTC(2023, 2, 15)), 45000]);
  });
});
