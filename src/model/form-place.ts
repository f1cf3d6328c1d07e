/**
 * Which form a finding is in, where its sheet holds more than one (forms/form-regions.ts: every form on Sheet1, 附件2
 * beside 附件3): “Sheet1 F95 序号 2” could be any of eight tables with a 序号 2, and a printed page shows no row
 * numbers (review 19a D12). Every list people read names the form beside the sheet there: “Sheet1（出入库记录）”.
 */
import type { Finding } from './finding';
import { parseA1 } from './grid';
import type { FormId, SheetForm } from './site-model';
import { FORM_OF_KEY } from './labels';

/** Each form as its blank sheet is named (the templates' sheet names): what people call it. */
const FORM_NAMES: Readonly<Record<FormId, string>> = {
  site: '基本信息',
  schedule: '考试安排',
  staff: '涉卷人员',
  handover: '交接单',
  intake: '入库清单',
  vaultLog: '出入库记录',
  distribution: '分发登记',
  duty: '值班记录',
};

/** The form that cell `cell` of `sheet` stands in, where the sheet holds more than one form; undefined elsewhere. */
export function formAt(sheets: readonly SheetForm[], sheet: string | null, cell: string | null): FormId | undefined {
  if (sheet === null || cell === null) return undefined;
  const at = parseA1(cell);
  if (!at) return undefined;
  let form: FormId | undefined;
  for (const s of sheets) {
    if (s.sheet !== sheet || !s.span || s.form === null) continue;
    const place = s.span.across ? at.col : at.row;
    if (place >= s.span.from && (s.span.to === undefined || place < s.span.to)) form = s.form;
  }
  return form;
}

/**
 * A finding's sheet as the lists say it: “Sheet1（出入库记录）” (en “Sheet1 (出入库记录)”) in a sheet of several forms,
 * else the sheet; a sheet named as the form is (基本信息 over 考试安排: its 基本信息's findings) needs no more.
 */
export function sheetShown(sheets: readonly SheetForm[] | undefined, f: Pick<Finding, 'sheet' | 'cell'>, lang: 'zh' | 'en' = 'zh'): string | null {
  const form = sheets ? formAt(sheets, f.sheet, f.cell) : undefined;
  if (form === undefined || f.sheet === FORM_NAMES[form]) return f.sheet;
  return lang === 'zh' ? `${f.sheet}（${FORM_NAMES[form]}）` : `${f.sheet} (${FORM_NAMES[form]})`;
}

/** The blank sheets' names of each form number (Finding.form): 0 基本信息, 考试安排, 涉卷人员; 3 出入库记录 … */
const NAMES_OF_NUMBER = new Map<number, string[]>();
for (const { form, attachment } of Object.values(FORM_OF_KEY)) NAMES_OF_NUMBER.set(attachment, [...(NAMES_OF_NUMBER.get(attachment) ?? []), FORM_NAMES[form]]);

/**
 * The finding's sheet is named as the blank form's sheet of its form (出入库记录, 值班记录2): the lists say it as it is,
 * without reading which forms it holds (a marked copy of a 50,000-row 出入库记录 read its whole grid again for it:
 * 2.2 → 2.9 s, 285 → 342 MB).
 */
export function namedAsItsForm(f: Pick<Finding, 'sheet' | 'form'>): boolean {
  return f.sheet !== null && f.form !== null && (NAMES_OF_NUMBER.get(f.form) ?? []).some((name) => f.sheet!.startsWith(name));
}
