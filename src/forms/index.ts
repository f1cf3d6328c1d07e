/**
 * The forms of a site workbook, in the order the workbook holds them, and how
 * each binds to the site data model.
 */
import type { SiteData } from '../model/types';
import { distributionForm } from './distribution';
import { dutyForm } from './duty';
import { handoverForm } from './handover';
import { intakeForm } from './intake';
import { FormId, FormLayout, FormRecord, blockPages } from './layout';
import { scheduleForm } from './schedule';
import { siteForm } from './site';
import { staffForm } from './staff';
import { vaultLogForm } from './vault-log';

export type { FormId } from './layout';

/**
 * How a form's records live in SiteData:
 * - `one`: a single object (`site`, `intake`, `duty`),
 * - `many`: one record per sheet (`handovers`, `distributions`),
 * - `rows`: the model's array is the form's table (`schedule`, `staff`, `vaultLog`),
 * - `lists`: one object, or an array when there are several (`intake`: one list per delivery).
 */
type Binding = 'one' | 'many' | 'rows' | 'lists';

export interface FormEntry {
  layout: FormLayout;
  /** The SiteData key. */
  key: keyof SiteData;
  binding: Binding;
  /** 附件 file name for the per-form template. */
  templateName: string;
}

export const FORMS: readonly FormEntry[] = [
  { layout: siteForm, key: 'site', binding: 'one', templateName: '基本信息' },
  { layout: scheduleForm, key: 'schedule', binding: 'rows', templateName: '考试安排' },
  { layout: staffForm, key: 'staff', binding: 'rows', templateName: '涉卷人员' },
  { layout: handoverForm, key: 'handovers', binding: 'many', templateName: '附件1 纸质试卷交接单' },
  { layout: intakeForm, key: 'intake', binding: 'lists', templateName: '附件2 纸质试卷入库清单' },
  { layout: vaultLogForm, key: 'vaultLog', binding: 'rows', templateName: '附件3 保密室试卷出入库记录表' },
  { layout: distributionForm, key: 'distributions', binding: 'many', templateName: '附件4 试卷分发登记表' },
  { layout: dutyForm, key: 'duty', binding: 'one', templateName: '附件5 保密室值班记录' },
];

export function formEntry(id: FormId): FormEntry {
  const entry = FORMS.find((f) => f.layout.id === id);
  if (!entry) throw new Error(`unknown form ${id}`);
  return entry;
}

/** The records a form holds for this data: one per sheet to write. */
export function recordsOf(entry: FormEntry, data: SiteData): FormRecord[] {
  const value = data[entry.key] as unknown;
  switch (entry.binding) {
    case 'one':
      if (!value) return [];
      // A form of blocks prints a page per day (附件5).
      return entry.layout.blocks ? blockPages(entry.layout.blocks, value as FormRecord) : [value as FormRecord];
    case 'many':
      return (value as FormRecord[] | undefined) ?? [];
    case 'lists':
      return Array.isArray(value) ? (value as FormRecord[]) : value ? [value as FormRecord] : [];
    case 'rows':
      return value ? [{ rows: value }] : [];
  }
}
