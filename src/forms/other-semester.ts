/**
 * The sheets of a workbook that belong to another semester than its 基本信息's:
 * a 2024秋 handover, intake list and vault log appended to a 2024春 workbook.
 * Read with this semester's, their January times were judged against June's
 * sessions (checkout-window, not-returned 4872小时, duty-gap 4830小时); they are
 * set aside instead, each said once at its title (sheet-of-another-semester).
 *
 * A sheet is another semester's when its title names one (附件1–3 print
 * “____学期” in it) that is not 基本信息's — unless every date on it falls in
 * this semester: then its title is what is wrong (left from last semester's
 * form), said the same way, and the sheet is judged. A sheet whose title names none
 * (附件4, 附件5 print no 学期) is this semester's, as before, unless every date
 * on it falls in a semester that a titled sheet of this workbook names as
 * another: a January register beside a 2024秋 vault log goes with it. A lone
 * mistyped year names no other semester, and stays to be judged. When every
 * form is of one other semester, none of this one, it is 基本信息's 学期 that
 * was left from last semester: that is said at its cell, and the forms judged —
 * by their titles, or, where no title names a semester (the template's
 * “______学期” left blank), by the dates of two forms or more (slipByDates).
 */
import { semesterKey, semesterKeyOfDate, semesterInTitle } from '../model/semester';
import { semesterDates } from '../model/datetime';
import type { SheetGrid } from '../model/grid';
import type { OtherSemesterSheet } from '../model/site-model';
import type { FormEntry } from './index';
import type { FormRecord } from './layout';
import type { FormRead } from './read';

/** A form's sheet (or one copy on a sheet) as read, before it is bound into the model. */
export interface SheetRead {
  entry: FormEntry;
  sheet: SheetGrid;
  read: FormRead;
  record: FormRecord;
}

/** The workbook-wide sheets carry no semester of their own. */
const OWN_SEMESTER = new Set(['site', 'schedule', 'staff']);

/** Every date a record holds (`2025-01-04`, `2025-01-04T07:45`), in the order met. */
function datesIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) out.push(value.slice(0, 10));
  } else if (Array.isArray(value)) {
    for (const v of value) datesIn(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) datesIn(v, out);
  }
  return out;
}

/** The one semester every date of the record falls in; undefined when it has none, or dates of two. */
function semesterOfDates(record: FormRecord): { key: string; first: string } | undefined {
  const dates = datesIn(record);
  const keys = new Set(dates.map(semesterKeyOfDate));
  const [key] = keys;
  return keys.size === 1 && key !== undefined ? { key, first: dates.reduce((a, b) => (b < a ? b : a)) } : undefined;
}

/** What is known of a sheet of another semester: its semester, how it was known, whether it is still judged with this one. */
export type OtherSemester = Pick<OtherSemesterSheet, 'semester' | 'by' | 'first' | 'kept'>;

/** The sheets of other semesters; or, when every form names one other semester, that semester: 基本信息's 学期 is then what is wrong. */
interface OtherSemesters {
  sheets: Map<SheetRead, OtherSemester>;
  site?: string;
}

/** Each sheet of another semester than `own` (基本信息's 学期), with that semester as its title writes it. */
export function otherSemesterSheets(own: string | undefined, sheets: readonly SheetRead[]): OtherSemesters {
  const found = new Map<SheetRead, OtherSemester>();
  const ownKey = semesterKey(own);
  if (ownKey === undefined) return { sheets: found };
  // By title first: the semesters other than this one that the workbook's sheets are set aside for.
  const named = new Map<string, string>();
  const forms = sheets.filter((s) => !OWN_SEMESTER.has(s.entry.layout.id));
  const untitled: SheetRead[] = [];
  for (const s of forms) {
    const semester = s.read.title ? semesterInTitle(s.read.title.text) : undefined;
    const key = semester === undefined ? undefined : semesterKey(`${semester}学期`);
    if (semester === undefined || key === undefined) untitled.push(s);
    else if (key !== ownKey) {
      // A title left from last semester on this semester's records (all its dates this semester's): the title is what is wrong.
      const dates = semesterOfDates(s.record);
      if (dates?.key === ownKey) found.set(s, { semester, by: 'title', first: dates.first, kept: true });
      else {
        found.set(s, { semester, by: 'title' });
        if (!named.has(key)) named.set(key, semester);
      }
    }
  }
  if (named.size === 0) return untitled.length === forms.length ? { sheets: found, ...slipByDates(forms, ownKey) } : { sheets: found };
  // Then the sheets that name none, by their dates: only into a semester a titled sheet was set aside for.
  for (const s of untitled) {
    const dates = semesterOfDates(s.record);
    const semester = dates && dates.key !== ownKey ? named.get(dates.key) : undefined;
    if (semester !== undefined) found.set(s, { semester, by: 'dates', first: dates!.first });
  }
  // Every form of one other semester, none of this one: 基本信息 was left from last semester, the forms are this workbook's.
  if (named.size === 1 && forms.every((s) => found.get(s)?.kept === undefined && found.has(s))) return { sheets: new Map(), site: [...named.values()][0] };
  return { sheets: found };
}

/**
 * No form's title names a semester (the template's “______学期” left blank): 基本信息's 学期 is a slip when the
 * dates of two or more forms, and of every form that has any, fall in one other semester — last semester's
 * workbook copied and filled anew, its 学期 not changed. A single form's dates (a mistyped year) tell nothing. Dates
 * that may all have been typed without their year (“6月15日 8:30”) took it from that very 学期: they tell only a
 * later semester (June's under 2024秋 read in 2025, 2025春's), not an earlier one (January's under 2025春 read in
 * 2025, 2024秋's, where the file copied forward is 2025秋's).
 */
function slipByDates(forms: readonly SheetRead[], ownKey: string): { site?: string } {
  const keys = new Set<string | undefined>();
  let dated = 0;
  let ownYears = true;
  for (const s of forms) {
    const dates = datesIn(s.record);
    if (dates.length === 0) continue;
    dated++;
    keys.add(semesterOfDates(s.record)?.key);
    ownYears &&= dates.every((d) => Number(d.slice(0, 4)) === yearTypedWithout(ownKey, Number(d.slice(5, 7))));
  }
  const [key] = keys;
  // Keys are `2024秋`, `2025春`: as strings they sort as the semesters follow one another.
  const told = key !== undefined && key !== ownKey && (!ownYears || key > ownKey);
  return dated >= 2 && keys.size === 1 && told ? { site: key } : {};
}

/** The year a date typed without one is read in, under the semester `key` (model/datetime.ts semesterDates). */
function yearTypedWithout(key: string, month: number): number {
  const { year, autumn } = semesterDates(key);
  return autumn && month < 8 ? year! + 1 : year!;
}
