/**
 * A marked copy prints as its workbook does: each sheet's page breaks (src/forms/page-breaks.ts: a filled form longer
 * than a page is printed over pages at full size, broken before the rows that would not fit) and its print setup —
 * margins, paper, orientation, fit, centring, print area and title rows — as the input had them, whichever way the
 * copy is made. exceljs, marking a sheet that has notes already, read no page breaks and wrote none: the marked
 * 交接单 of 30 items printed squeezed onto one page or broken where the host chose.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { markedCopy, markedThroughExceljs } from '../../src/io/xlsx/mark';
import { packageParts } from '../../src/io/xlsx/reader';
import { attr } from '../../src/io/xlsx/mark-notes';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';

/** 交接单 of 30 items: a page break after its row 34 (page-breaks.test.ts). */
function longHandover(): SiteData {
  const data = fixture('kaodian.json');
  const items = data.handovers![0].items!;
  data.handovers![0].items = Array.from({ length: 30 }, (_x, i) => ({ ...items[i % items.length] }));
  return data;
}

const PRINT_TAGS = ['pageSetUpPr', 'printOptions', 'pageMargins', 'pageSetup', 'brk'] as const;

/** A start tag's attributes, by name (order aside). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Each sheet's print setup and page breaks as its XML has them, and the workbook's print areas and titles. */
function printed(bytes: Uint8Array): Record<string, unknown> {
  const pkg = packageParts(bytes);
  const out: Record<string, unknown> = {};
  for (const [name, part] of pkg.sheets) {
    const xml = strFromU8(pkg.bytes(part));
    const breaks = (kind: string) =>
      [...(new RegExp(`<${kind}\\b[\\s\\S]*?</${kind}>`).exec(xml)?.[0] ?? '').matchAll(/<brk\b[^>]*>/g)].map((m) => attributes(m[0]));
    out[name] = {
      ...Object.fromEntries(PRINT_TAGS.filter((t) => t !== 'brk').map((t) => [t, attributes(new RegExp(`<${t}\\b[^>]*>`).exec(xml)?.[0] ?? '')])),
      rowBreaks: breaks('rowBreaks'),
      colBreaks: breaks('colBreaks'),
    };
  }
  const workbook = strFromU8(pkg.bytes('xl/workbook.xml'));
  out.definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
    .filter((m) => /_xlnm\.Print_/.test(m[1]))
    .map((m) => `${attr(`<x${m[1]}>`, 'name')}@${attr(`<x${m[1]}>`, 'localSheetId')}=${m[2]}`)
    .sort();
  return out;
}

const finding = (cell: string): Finding =>
  ({ rule: 'required-field', severity: 'error', form: 1, sheet: '交接单', cell, row: null, message: `${cell} 有误`, clause: '' }) as Finding;

describe.each([
  ['patched in place', markedCopy],
  ['through exceljs', markedThroughExceljs],
])('a marked copy, %s', (_way, mark) => {
  test('keeps every sheet’s page breaks and print setup as the workbook had them (交接单 of 30 items: its break after row 34)', async () => {
    const bytes = new Uint8Array(await fillWorkbook(longHandover()));
    const before = printed(bytes);
    expect((before['交接单'] as { rowBreaks: unknown }).rowBreaks).toEqual([{ id: '34', max: '16383', man: '1' }]);
    const copy = await mark(bytes, [finding('C3'), finding('D8')]);
    expect(copy.marked).toBe(2);
    const after = printed(copy.bytes);
    // The copy adds its list of findings (问题清单) as the last sheet, printed of its own: the input's sheets as they were.
    const { 问题清单: _list, ...sheets } = after;
    expect(sheets).toEqual({ ...before, definedNames: expect.any(Array) });
    expect((after.definedNames as string[]).filter((n) => !/@11=/.test(n))).toEqual(before.definedNames);
  });
});

test('through exceljs, column breaks kept too, and the page setup’s link to a printer settings part the copy lacks dropped', async () => {
  const filled = unzipSync(new Uint8Array(await fillWorkbook(longHandover())));
  const part = packageParts(zipSync(filled)).sheets.get('交接单')!;
  // As Excel saves a sheet printed before: its printer's settings linked from <pageSetup>; a column break by hand.
  filled[part] = strToU8(
    strFromU8(filled[part])
      .replace(/<pageSetup\b/, '<pageSetup r:id="rId99"')
      .replace('</rowBreaks>', '</rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks>'),
  );
  const bytes = zipSync(filled);
  const copy = await markedThroughExceljs(bytes, [finding('C3')]);
  const sheet = strFromU8(unzipSync(copy.bytes)[packageParts(copy.bytes).sheets.get('交接单')!]);
  expect(/<pageSetup\b[^>]*>/.exec(sheet)?.[0]).toBe(/<pageSetup\b[^>]*>/.exec(strFromU8(filled[part]))![0].replace(' r:id="rId99"', ''));
  expect(sheet).toContain(
    '<rowBreaks count="1" manualBreakCount="1"><brk id="34" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks>',
  );
});
