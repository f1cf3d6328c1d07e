/**
 * A filled form longer than a page prints at full size over the pages it needs, each page's rows chosen so that they
 * fit it at full size (every host shrinks to the width alone), the table's last rows and its 合计 on the page of the
 * opinions, signature lines and 备注 below them (src/forms/page-breaks.ts). Before, a form was kept to one page by its
 * count of rows alone: 20 vault-log rows of long names were squeezed onto one landscape page (10-point text printed
 * at a third of its size), and 25–30 handover items printed 移交单位及意见 on one page and 移交人签字 on the next.
 */
import { strFromU8, unzipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { draftWorkbook } from '../../src/forms/workbook';
import type { SheetDraft } from '../../src/forms/draft';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';

/** A4's printable height at full size (points): the page less its top and bottom margins (0.6 in each). */
const PAGE_HEIGHT = { portrait: (11.69 - 1.2) * 72, landscape: (8.27 - 1.2) * 72 };

/** The rows each page ends with (read so on the drafts before they had any, to see this test fail there). */
const breaksOf = (draft: SheetDraft): number[] | undefined => (draft.print as { rowBreaks?: number[] }).rowBreaks;

/** Each printed page's height at full size: its rows, the title rows repeated atop every page after the first. */
function pageHeights(draft: SheetDraft): number[] {
  const height = (r: number) => draft.heights[r] ?? 15;
  const last = Number(/(\d+)$/.exec(draft.print.area)![1]) - 1;
  const titleEnd = Number(draft.print.titleRows!.split(':')[1]) - 1;
  let titles = 0;
  for (let r = 0; r <= titleEnd; r++) titles += height(r);
  const ends = [...(breaksOf(draft) ?? []), last];
  return ends.map((end, i) => {
    let sum = i === 0 ? 0 : titles;
    for (let r = i === 0 ? 0 : ends[i - 1] + 1; r <= end; r++) sum += height(r);
    return Math.round(sum);
  });
}

function longForms(): SiteData {
  const data = fixture('kaodian.json');
  const items = data.handovers![0].items!;
  data.handovers![0].items = Array.from({ length: 30 }, (_x, i) => ({ ...items[i % items.length] }));
  const log = data.vaultLog!;
  data.vaultLog = Array.from({ length: 20 }, (_x, i) => ({
    ...log[i % log.length],
    paperName: '马克思主义基本原理概论与中国特色社会主义理论体系（本科）',
    taker: '欧阳红（主考）、诸葛亮亮（考务组长）',
  }));
  return data;
}

const pagesOf = (drafts: SheetDraft[]) => Object.fromEntries(drafts.map((d) => [d.name, { fitToHeight: d.print.fitToHeight, rowBreaks: breaksOf(d) }]));

test('a form that fits one page at full size stays one page, with no break: the fixture’s every sheet', () => {
  const pages = pagesOf(draftWorkbook(fixture('kaodian.json')));
  expect(Object.values(pages).every((p) => p.fitToHeight === 1 && p.rowBreaks === undefined)).toBe(true);
  expect(Object.keys(pages)).toHaveLength(11);
});

test('a longer form runs over pages at full size, each page’s rows fitting it, its last three table rows (合计 among them) with its foot', () => {
  const drafts = draftWorkbook(longForms());
  const pages = pagesOf(drafts);
  expect(pages['交接单']).toEqual({ fitToHeight: 0, rowBreaks: [33] });
  expect(pages['出入库记录']).toEqual({ fitToHeight: 0, rowBreaks: [8, 14, 19] });
  // Every other sheet as before.
  for (const [name, p] of Object.entries(pages))
    if (!['交接单', '出入库记录'].includes(name)) expect({ name, ...p }).toEqual({ name, fitToHeight: 1, rowBreaks: undefined });

  const handover = drafts.find((d) => d.name === '交接单')!;
  // Items 1–30 on rows 8–37 (0-based 7–36), 合计 on row 38: page 2 begins with item 28, 合计 and the opinions and signatures below.
  expect(handover.cells.find((c) => c.row === 34 && c.col === 1)?.value).toBe(28);
  expect(handover.cells.find((c) => c.row === 37 && c.col === 1)?.value).toBe('合计');
  expect(pageHeights(handover).every((h) => h <= PAGE_HEIGHT.portrait)).toBe(true);
  const log = drafts.find((d) => d.name === '出入库记录')!;
  // Rows 1–20 on 0-based rows 3–22, the 备注 on 23: the last page holds rows 18–20 and the 备注.
  expect(log.cells.find((c) => c.row === 20 && c.col === 0)?.value).toBe(18);
  expect(pageHeights(log).every((h) => h <= PAGE_HEIGHT.landscape)).toBe(true);
  // Squeezed onto one page, those rows would print at under half their size.
  expect(pageHeights(log).reduce((a, b) => a + b, 0) / PAGE_HEIGHT.landscape).toBeGreaterThan(2);
});

test('the filled workbook carries the breaks: a page ends after 交接单’s row 34 and 出入库记录’s rows 9, 15 and 20 (1-based)', async () => {
  const parts = unzipSync(new Uint8Array(await fillWorkbook(longForms())));
  const sheet = (n: number) => strFromU8(parts[`xl/worksheets/sheet${n}.xml`]);
  const breaks = (xml: string) => [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
  // 交接单 is the fourth sheet, 出入库记录 the sixth.
  expect(breaks(sheet(4))).toEqual([34]);
  expect(breaks(sheet(6))).toEqual([9, 15, 20]);
  expect(/<pageSetup[^>]*fitToHeight="0"/.test(sheet(6))).toBe(true);
  expect(breaks(sheet(5))).toEqual([]);
});

test('交接明细, merged down the table’s side, is cut at the page break and said again beside page 2’s rows; the form reads the same', async () => {
  const handover = draftWorkbook(longForms()).find((d) => d.name === '交接单')!;
  const side = (d: SheetDraft) => d.merges.filter((m) => m.startsWith('A') && /^A\d+:A\d+$/.test(m));
  const label = (row: number) => handover.cells.find((c) => c.row === row && c.col === 0);
  // Header row 7 (1-based) to 合计 row 38, broken after row 34: one area a page, the label atop each.
  expect(side(handover)).toEqual(['A7:A34', 'A35:A38']);
  expect([label(6)?.value, label(34)?.value, label(35)?.value]).toEqual(['交接明细', '交接明细', null]);
  expect([label(6)?.style, label(34)?.style]).toEqual(['side', 'side']);
  // One page: one area, as before.
  expect(side(draftWorkbook(fixture('kaodian.json')).find((d) => d.name === '交接单')!)).toEqual(['A7:A17']);
  // Read back, the long form gives the record it was filled from.
  const data = longForms();
  const read = readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(data)));
  expect(read.data.handovers![0].items).toEqual(data.handovers![0].items);
});
