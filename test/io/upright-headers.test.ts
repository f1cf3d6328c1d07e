/**
 * fix-print27 item 2: an English header with a word wider than its column stands upright (style.ts styleHeader), and
 * stood on one line: “Bags taken back” made table 一's header row of a unit's 汇总 sheet 125 pt, the handovers' 94, and
 * the English sheet of 长沙分校 printed on three pages where the Chinese took one (LibreOffice, the demo). Upright, a
 * header now wraps at its words into the lines its column holds side by side (upright.ts), its row as tall as its
 * longest line: that sheet prints on two pages, the demo's English summary on 16 in place of 18 (the Chinese 14).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { SiteData } from '../../src/model/types';
import { summarizeSite } from '../../src/summary/site';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import { uprightText } from '../../src/io/xlsx/summary/upright';

const kaodian = () => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), 'utf8')) as SiteData;

/** Each row holding an upright header: its height and each upright cell's text. */
async function uprightRows(lang: 'zh' | 'en'): Promise<Array<[number, number | undefined, Array<[string, unknown]>]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await siteSummaryXlsx(summarizeSite(kaodian(), []), [], lang)) as unknown as ArrayBuffer);
  const out: Array<[number, number | undefined, Array<[string, unknown]>]> = [];
  wb.worksheets[0].eachRow((row, r) => {
    const up: Array<[string, unknown]> = [];
    row.eachCell((c) => {
      if (c.alignment?.textRotation !== 90) return;
      expect(c.alignment.wrapText).toBe(true);
      up.push([c.address, c.value]);
    });
    if (up.length) out.push([r, row.height, up]);
  });
  return out;
}

test('an upright header wraps at its words into two lines where its column holds two, its row as tall as the longest line', async () => {
  expect(await uprightRows('en')).toEqual([
    [
      5,
      86,
      [
        ['I5', 'Copies'],
        ['J5', 'Candidates'],
        ['K5', 'Spare'],
        ['M5', 'Returned'],
        ['N5', 'Bags\nsent on'],
        ['O5', 'Bags\ntaken back'],
        ['Q5', 'Copies\nhanded'],
        ['R5', 'Bags\nout'],
        ['S5', 'Bags in\nvault'],
      ],
    ],
    [
      12,
      78,
      [
        ['A12', 'Direction'],
        ['F12', 'Handed\nby'],
        ['G12', 'Received\nby'],
      ],
    ],
    [
      16,
      71,
      [
        ['F16', 'Coverage'],
        ['H16', 'Overlaps'],
      ],
    ],
  ]);
  // The Chinese headers stand upright nowhere.
  expect(await uprightRows('zh')).toEqual([]);
});

test('the lines an upright header takes: as many as its column holds side by side (one in a column 5 wide), the longest as short as can be', () => {
  expect(['Bags taken back', 'Handovers out', 'Bags taken back'].map((h, i) => uprightText(h, [6, 6, 5][i]))).toEqual([
    'Bags\ntaken back',
    'Handovers\nout',
    'Bags taken back',
  ]);
  expect(uprightText('Copies handed to rooms', 10)).toBe('Copies\nhanded\nto rooms');
});
