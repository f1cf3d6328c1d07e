/**
 * A rule's title as the summary prints it (a supervisor reads 交接单两份副本不一致,
 * not handover-copies-disagree). The rule's own `meta.title` wins when it has
 * one; this table stands in for rules that do not declare a title yet.
 */
import { ALL_META } from '../rules';
import type { Lang } from '../rules/types';

const FALLBACK: Record<string, Record<Lang, string>> = {
  'required-field': { zh: '必填项未填', en: 'Required field empty' },
  'invalid-datetime': { zh: '日期时间无法识别', en: 'Unreadable date or time' },
  'invalid-count': { zh: '数量不是非负整数', en: 'Count not a whole number' },
  'partial-row': { zh: '表格行只填了一部分', en: 'Row partly filled' },
  'row-total': { zh: '行合计与各项之和不符', en: 'Row total wrong' },
  'column-total': { zh: '合计栏与各行之和不符', en: 'Column total wrong' },
  'two-signers': { zh: '签字不足两人', en: 'Fewer than two signers' },
  'same-person': { zh: '同一人既交又接', en: 'Same person on both sides' },
  'time-order': { zh: '结束时间早于开始时间', en: 'End before start' },
  'arrival-too-early': { zh: '试卷到达过早', en: 'Papers arrived too early' },
  'intake-before-receipt': { zh: '入库早于接收', en: 'Intake before receipt' },
  'inventory-mismatch': { zh: '入库与接收袋数不符', en: 'Intake and receipt differ' },
  'unknown-paper': { zh: '试卷不在入库清单或考试安排中', en: 'Paper not on intake list or schedule' },
  'paper-name-mismatch': { zh: '同一试卷号名称不一', en: 'Paper name differs' },
  overdraw: { zh: '出库多于入库', en: 'More out than in' },
  'checkout-before-intake': { zh: '出库早于入库', en: 'Out before intake' },
  'checkout-window': { zh: '领卷时间不符', en: 'Checkout outside its window' },
  'not-returned': { zh: '出库未还或还卷过迟', en: 'Not returned or returned late' },
  'distribution-outside-custody': { zh: '分发时间不在出库期间', en: 'Handout outside checkout' },
  'copies-short': { zh: '试卷份数少于考生数', en: 'Fewer copies than candidates' },
  'duty-gap': { zh: '值班有空档或重叠', en: 'Duty gap or overlap' },
  'duty-chain': { zh: '交接班人员不衔接', en: 'Duty handover chain broken' },
  'staff-not-on-roster': { zh: '签字人不在涉卷人员名单', en: 'Signer not on roster' },
  'staff-ineligible': { zh: '签字人不符合涉卷条件', en: 'Signer not eligible' },
  'proctor-takes-papers': { zh: '监考人员领卷', en: 'Proctor took papers' },
  'handover-copies-disagree': { zh: '交接单两份副本不一致', en: 'Handover copies disagree' },
  'item-for-another-unit': { zh: '交接明细属于其他单位', en: 'Item for another unit' },
  'dispatch-without-handover': { zh: '分发考点无对应交接单', en: 'Dispatch without handover' },
  'intake-late': { zh: '接收后未及时入库', en: 'Intake late' },
  'keeper-not-custodian': { zh: '出入库签字人不是保管员', en: 'Keeper not a custodian' },
  'session-without-register': { zh: '考试场次无分发登记', en: 'Session without register' },
  'handed-out-beyond-checkout': { zh: '分发份数超过出库份数', en: 'Handed out beyond checkout' },
  'unreadable-file': { zh: '工作簿无法读取', en: 'Workbook unreadable' },
};

type Titled = { id: string; title?: Record<Lang, string> };

/** The rule's title in `lang`; an id no one knows is shown as it is. */
export function ruleTitle(id: string, lang: Lang = 'zh'): string {
  const own = (ALL_META as readonly Titled[]).find((m) => m.id === id)?.title;
  return own?.[lang] ?? FALLBACK[id]?.[lang] ?? id;
}
