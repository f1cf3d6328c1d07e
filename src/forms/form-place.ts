/**
 * Which form a finding is in, where its sheet holds more than one (forms/form-regions.ts: every form on Sheet1, 附件2
 * beside 附件3): “Sheet1 F95 序号 2” could be any of eight tables with a 序号 2, and a printed page shows no row
 * numbers (review 19a D12). Every list people read names the form beside the sheet there: “Sheet1（出入库记录）”.
 */
import type { Finding } from '../model/finding';
import { parseA1 } from '../model/grid';
import type { FormId, SheetForm } from '../model/site-model';
import { FORMS } from './index';

/** Each form as its blank sheet is named (its layout's sheetName): what people call it. */
const FORM_NAMES = new Map<FormId, string>(FORMS.map(({ layout }) => [layout.id, layout.sheetName]));

/** The form that cell `cell` of `sheet` stands in, where the sheet holds more than one form; undefined elsewhere. */
export function formAt(sheets: readonly SheetForm[], sheet: string | null, cell: string | null): FormId | undefined {
  if (sheet === null || cell === null) return undefined;
  const at = parseA1(cell);
  if (!at) return undefined;
  let form: FormId | undefined;
  for (const s of sheets) {
    if (s.sheet !== sheet || !s.span || s.form === null) continue;
    if (within(s.span, s.span.across ? at.col : at.row) && (!s.span.rows || within(s.span.rows, at.row))) form = s.form;
  }
  return form;
}

const within = (span: { from: number; to?: number }, place: number) => place >= span.from && (span.to === undefined || place < span.to);

/**
 * A finding's sheet as the lists say it: “Sheet1（出入库记录）” (en “Sheet1 (出入库记录)”) in a sheet of several forms,
 * else the sheet; a sheet named as the form is (基本信息 over 考试安排: its 基本信息's findings) needs no more.
 */
export function sheetShown(sheets: readonly SheetForm[] | undefined, f: Pick<Finding, 'sheet' | 'cell'>, lang: 'zh' | 'en' = 'zh'): string | null {
  const form = sheets ? formAt(sheets, f.sheet, f.cell) : undefined;
  const name = form === undefined ? undefined : FORM_NAMES.get(form);
  if (name === undefined || f.sheet === name) return f.sheet;
  return lang === 'zh' ? `${f.sheet}（${name}）` : `${f.sheet} (${name})`;
}

/** The blank sheets' names of each form number (Finding.form): 0 基本信息, 考试安排, 涉卷人员; 3 出入库记录 … */
const NAMES_OF_NUMBER = new Map<number, string[]>();
for (const { layout } of FORMS) NAMES_OF_NUMBER.set(layout.attachment, [...(NAMES_OF_NUMBER.get(layout.attachment) ?? []), layout.sheetName]);

/**
 * The finding's sheet is named as the blank form's sheet of its form (出入库记录, 值班记录2): the lists say it as it is,
 * without reading which forms it holds (a marked copy of a 50,000-row 出入库记录 read its whole grid again for it:
 * 2.2 → 2.9 s, 285 → 342 MB).
 */
export function namedAsItsForm(f: Pick<Finding, 'sheet' | 'form'>): boolean {
  return f.sheet !== null && f.form !== null && (NAMES_OF_NUMBER.get(f.form) ?? []).some((name) => f.sheet!.startsWith(name));
}
