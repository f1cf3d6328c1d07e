/**
 * English messages show the tool's times as "Jun 15 08:30" (and with a year "Jun 15, 2024 08:30"), but a value
 * quoted from a cell stays as the cell holds it: “6月15日 十点多” was shown as “Jun 15 十点多”, which no Ctrl-F finds
 * (review round 10c D5).
 */
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleExamSite } from '../../src/demo/sample';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { englishTimes, validateSite } from '../../src/rules/engine';

jest.setTimeout(60_000);

test('a date and time typed as words is quoted as typed; the tool’s own times in English', async () => {
  const planted = plantDefects(sampleExamSite()).data;
  const model = readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(planted)));
  const typed = planted.vaultLog!.map((r) => r.returnedAt).find((t) => String(t).endsWith('十点多'));
  expect(typed).toMatch(/^\d{1,2}月\d{1,2}日 十点多$/);
  const findings = validateSite(model, { lang: 'en' });
  const unreadable = findings.filter((f) => f.rule === 'invalid-datetime' && f.message.includes('十点多'));
  expect(unreadable).toHaveLength(1);
  expect(unreadable[0].message).toContain(`reads "${typed}", which is not a date and time.`);
  // The tool's times still in English, never “6月15日 08:30” beside an English sentence.
  expect(findings.filter((f) => /\d月\d{1,2}日 \d{2}:\d{2}/.test(f.message)).map((f) => f.message)).toEqual([]);
  expect(findings.some((f) => /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{2}:\d{2}/.test(f.message))).toBe(true);
});

test.each([
  ['6月15日 08:30 至 6月15日 10:00', 'Jun 15 08:30 至 Jun 15 10:00'],
  ['2024年6月15日 08:30', 'Jun 15, 2024 08:30'],
  ['ends at 1月11日 20:00: 12 h', 'ends at Jan 11 20:00: 12 h'],
  ['"6月15日 十点多"', '"6月15日 十点多"'],
  ['"1月8日晚"', '"1月8日晚"'],
  ['"6月15日 8:30"', '"6月15日 8:30"'],
  ['"6月15日 08:305"', '"6月15日 08:305"'],
  ['13月15日 08:30', '13月15日 08:30'],
])('englishTimes(%j) = %j', (text, english) => {
  expect(englishTimes(text)).toBe(english);
});
