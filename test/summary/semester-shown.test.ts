/**
 * The semester in English titles (review round 15b D8): “湖南分部 长沙分校 天心考点 2024春 exam-paper custody summary”,
 * “… custody summary (2024春)”. A semester of a season and a year is said in English (Spring 2024); anything else
 * stays as typed, and Chinese as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { SiteData } from '../../src/model/types';
import { semesterShown } from '../../src/model/semester';
import { summarizeSite } from '../../src/summary/site';
import { OTHER_SEMESTER_ROW, OVERVIEW_TITLE, SITES_TITLE } from '../../src/summary/words';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import { summaryTable } from '../../src/taskpane/summary-table';

const kaodian = (semester: string): SiteData => {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), 'utf8')) as SiteData;
  return { ...data, site: { ...data.site!, semester } };
};

async function sheetTitle(semester: string, lang: 'zh' | 'en'): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await siteSummaryXlsx(summarizeSite(kaodian(semester)), [], lang)) as unknown as ArrayBuffer);
  return wb.worksheets[0].getCell('A1').value;
}

describe('the semester in English titles', () => {
  it.each([
    ['2024春', 'Spring 2024'],
    ['2024秋', 'Autumn 2024'],
    ['2024年秋季', 'Autumn 2024'],
    ['2025 春季学期', 'Spring 2025'],
    ['２０２４夏', 'Summer 2024'],
    ['2024冬', 'Winter 2024'],
    ['2023-2024学年第二学期', '2023-2024学年第二学期'],
    ['春季', '春季'],
  ])('%s in English: %s; in Chinese as typed', (typed, en) => {
    expect(semesterShown(typed, 'en')).toBe(en);
    expect(semesterShown(typed, 'zh')).toBe(typed);
  });

  it('a unit’s 汇总 sheet, the page’s 汇总 heading, 总览 and 站点汇总', async () => {
    expect(await sheetTitle('2024春', 'en')).toBe('湖南分部 长沙分校 岳麓考点  Spring 2024 exam-paper custody summary');
    expect(await sheetTitle('2024春', 'zh')).toBe('湖南分部 长沙分校 岳麓考点  2024春学期试卷保管汇总');
    expect(await sheetTitle('2023-2024学年第二学期', 'en')).toBe('湖南分部 长沙分校 岳麓考点  2023-2024学年第二学期 exam-paper custody summary');
    expect(summaryTable(summarizeSite(kaodian('2024秋')), 'en').title).toBe('岳麓考点 custody summary (Autumn 2024)');
    expect(summaryTable(summarizeSite(kaodian('2024秋')), 'zh').title).toBe('岳麓考点 试卷保管汇总（2024秋）');
    expect(OVERVIEW_TITLE.en('湖南分部', '2024春')).toBe('Exam-paper custody summary: 湖南分部, Spring 2024');
    expect(SITES_TITLE.en(['2024春', '2024秋'])).toBe('Exam-paper custody by unit, Spring 2024, Autumn 2024');
    expect(OTHER_SEMESTER_ROW.en.note('2024秋')).toBe('An Autumn 2024 workbook, not in the totals');
    expect(OTHER_SEMESTER_ROW.en.note('2024春')).toBe('A Spring 2024 workbook, not in the totals');
  });
});
