/**
 * The intake lists (附件2) of a workbook. A unit that receives papers more than
 * once keeps one list per delivery (docs/领域说明.md, 校验规则): each its own
 * table, 合计, 入库时间 and keeper; the vault's stock is their sum. The data
 * model keeps `intake` backward compatible: one list is an object (path
 * `intake`), several are an array (paths `intake[0]`, `intake[1]`, …). Which
 * delivery each list took in, and when the vault holds papers: deliveries.ts.
 */
import type { Intake, SiteData } from './types';

export interface IntakeList {
  list: Intake;
  /** Model path of the list: `intake` or `intake[1]`. */
  path: string;
  /** Its place among the workbook's lists (0-based). */
  index: number;
}

const MEMO = new WeakMap<object, IntakeList[]>();

/** Every intake list of the workbook, in the order the workbook holds them. */
export function intakeLists(data: SiteData): IntakeList[] {
  const intake = data.intake as Intake | Intake[] | undefined | null;
  if (!intake || typeof intake !== 'object') return [];
  const known = MEMO.get(intake);
  if (known) return known;
  const lists = Array.isArray(intake)
    ? intake.flatMap((list, index) => (list && typeof list === 'object' ? [{ list, path: `intake[${index}]`, index }] : []))
    : [{ list: intake, path: 'intake', index: 0 }];
  MEMO.set(intake, lists);
  return lists;
}
