/**
 * Which semester a form names or its dates fall in. A workbook keeps one
 * unit's forms for one semester (基本信息's 学期); 附件1–3 print theirs in the
 * title ("2024秋学期国家开放大学纸质试卷交接单"). Semesters written differently
 * (2024秋, 2024年秋季, 2024-2025学年第一学期) are compared by their key:
 * the year the semester starts in and 春 or 秋.
 */
import { semesterDates } from './datetime';
import { toHalfWidth } from './text';
import type { SiteModel } from './site-model';
import type { SiteInfo } from './types';

/** `2024秋` for 2024秋, 2024年秋季, 2024-2025学年第一学期; `2024春` for 2024春, 2023-2024学年第二学期; undefined without a year. */
export function semesterKey(semester: string | undefined): string | undefined {
  const { year, autumn } = semesterDates(semester);
  return year === undefined ? undefined : `${year}${autumn ? '秋' : '春'}`;
}

/**
 * The semester a day falls in, as a key: an Open University spring semester
 * sits its exams in June–July, an autumn one in January of the next year, so
 * February–July is that year's 春, August–December that year's 秋 and January
 * the last year's 秋.
 */
export function semesterKeyOfDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(iso);
  if (!m) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month === 1) return `${year - 1}秋`;
  return month <= 7 ? `${year}春` : `${year}秋`;
}

/** The semester before 学期 in a form's title, as written without 学期 (`2024秋`, `2024-2025学年第一`); undefined for a blank (____学期) or none. */
export function semesterInTitle(title: string): string | undefined {
  const text = toHalfWidth(title).replace(/\s+/g, '');
  const at = text.indexOf('学期');
  if (at < 0) return undefined;
  const m = /(\d{4}(?:[-—–~至]\d{4}学年)?(?:第?[一二12上下])|\d{4}年?(?:春|秋)季?)$/.exec(text.slice(0, at));
  return m ? m[1] : undefined;
}

/**
 * The semester workbooks checked or summarised together are of, as a key: the
 * one most of them name; of two named as often, the later (a summary is made
 * for the semester at hand, and an earlier one's file is the one left over).
 * Undefined when none names a semester that can be read.
 */
function mainSemesterKey(semesters: Iterable<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const s of semesters) {
    const key = semesterKey(s);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let main: string | undefined;
  let most = 0;
  // Keys are `2024春`, `2024秋`: as strings they sort as the semesters follow one another.
  for (const [key, n] of counts) if (n > most || (n === most && main !== undefined && key > main)) [main, most] = [key, n];
  return main;
}

/**
 * Items checked or summarised together, by semester: the run's (`mainSemesterKey`), those of it, and those
 * whose 学期 reads as another (one that cannot be read is neither: required-field's). What
 * workbook-of-another-semester says and what a summary leaves out of its totals, alike.
 */
export function bySemester<T>(items: readonly T[], semesterOf: (item: T) => string | undefined): { main: string | undefined; ofMain: T[]; other: T[] } {
  const main = mainSemesterKey(items.map(semesterOf));
  const ofMain: T[] = [];
  const other: T[] = [];
  for (const item of items) {
    const key = semesterKey(semesterOf(item));
    if (key !== undefined && main !== undefined) (key === main ? ofMain : other).push(item);
  }
  return { main, ofMain, other };
}

/**
 * 基本信息 as a workbook is counted by: with its forms' semester where its 学期 is a slip — every form of one other
 * semester and none of its own (sheet-of-another-semester's `site`, said at that cell) — so that a summary and the
 * checks across workbooks count, pair and group the workbook with the semester its forms are of, as the check of
 * the workbook itself judges them, and not set it aside for the 学期 typed.
 */
export function countedSite(model: Pick<SiteModel, 'data' | 'otherSemester'>): SiteInfo | undefined {
  const site = model.data.site;
  const slip = model.otherSemester?.find((o) => o.by === 'site');
  return site && slip ? { ...site, semester: slip.semester } : site;
}

const SEASONS: Record<string, string> = { 春: 'Spring', 夏: 'Summer', 秋: 'Autumn', 冬: 'Winter' };

/**
 * A semester as an English sentence says it: `Spring 2024` for 2024春, 2024年春季, 2024春学期 (秋 Autumn, 夏 Summer,
 * 冬 Winter); anything else as typed (2023-2024学年第二学期 names no season), and as typed in Chinese (review 15b D8:
 * “2024春 exam-paper custody summary”).
 */
export function semesterShown(semester: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return semester;
  const m = /^(\d{4})\s*年?\s*([春夏秋冬])\s*季?\s*(?:学期)?$/.exec(toHalfWidth(semester).trim());
  return m ? `${SEASONS[m[2]]} ${m[1]}` : semester;
}
