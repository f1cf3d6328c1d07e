/**
 * What the 说明 says of a form's figures left unknown (moved from none-figures.ts): the form not read, a cell of it
 * showing an error value, a row of it writing several 试卷号 — each with the figures it leaves unknown and where to look.
 */
import type { Lang } from '../rules/types';
import type { UnreadReason } from './none-figures';

/**
 * What a form that could not be read leaves unknown, and where to look: its finding at the form's title (`where`: the
 * sheets and cells, 工作表“出入库记录”A2). One wording for 站点汇总's 说明, the unit's 汇总 sheet and the pane's table.
 */
export const UNREAD_SAID: Record<UnreadReason, Record<Lang, (where: string) => string>> = {
  unreadSchedule: {
    zh: (w) => `考试安排未能读取（见${w} 处的问题），考生数、首场开考和余量无从计算，考生数未计入合计`,
    en: (w) =>
      `The exam schedule (考试安排) could not be read (see the finding at ${w}): candidates, first sessions and spare unknown, candidates not in the totals`,
  },
  unreadRoster: {
    zh: (w) => `涉卷人员名单未能读取（见${w} 处的问题），签字人是否在名单上、是否符合条件都没有检查`,
    en: (w) => `The staff roster (涉卷人员) could not be read (see the finding at ${w}): whether each signer is on it and eligible was not checked`,
  },
  unreadHandover: {
    zh: (w) => `附件1 交接单的交接明细未能读取（见${w} 处的问题），该交接单交接的袋数无从计算`,
    en: (w) => `The items of a handover sheet (附件1) could not be read (see the finding at ${w}): the bags it hands over unknown`,
  },
  unreadIntake: {
    zh: (w) => `附件2 入库清单未能读取（见${w} 处的问题），袋数、份数、余量、在库袋数、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `The intake list (附件2) could not be read (see the finding at ${w}): bags, copies, spare, bags in the vault, custody time and duty cover unknown, not in the totals`,
  },
  unreadLog: {
    zh: (w) => `附件3 出入库记录未能读取（见${w} 处的问题），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `The vault log (附件3) could not be read (see the finding at ${w}): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals`,
  },
  unreadRegister: {
    zh: (w) => `附件4 分发登记表未能读取（见${w} 处的问题），分发考场和份数无从计算`,
    en: (w) => `The distribution register (附件4) could not be read (see the finding at ${w}): rooms and copies handed out unknown`,
  },
  unreadDuty: {
    zh: (w) => `附件5 值班记录未能读取（见${w} 处的问题），值班覆盖和缺口无从计算`,
    en: (w) => `The duty log (附件5) could not be read (see the finding at ${w}): duty cover and gaps unknown`,
  },
};

/**
 * What a form one of whose figure's cells shows an error value (#N/A, #REF!) leaves unknown, and which cells (`where`:
 * 工作表“出入库记录”B6 显示 #N/A): the same figures as the form not read (UNREAD_SAID), said of the cell, not of the form.
 */
export const ERROR_SAID: Record<UnreadReason, Record<Lang, (where: string) => string>> = {
  unreadSchedule: {
    zh: (w) => `考试安排有格子显示错误值（${w}），考生数、首场开考和余量无从计算，考生数未计入合计`,
    en: (w) => `A cell of the exam schedule (考试安排) shows an error value (${w}): candidates, first sessions and spare unknown, candidates not in the totals`,
  },
  unreadRoster: {
    zh: (w) => `涉卷人员名单有格子显示错误值（${w}），签字人是否在名单上、是否符合条件都没有检查`,
    en: (w) => `A cell of the staff roster (涉卷人员) shows an error value (${w}): whether each signer is on it and eligible was not checked`,
  },
  unreadHandover: {
    zh: (w) => `附件1 交接单的交接明细有格子显示错误值（${w}），该交接单交接的袋数无从计算`,
    en: (w) => `A cell of a handover sheet's items (附件1) shows an error value (${w}): the bags it hands over unknown`,
  },
  unreadIntake: {
    zh: (w) => `附件2 入库清单有格子显示错误值（${w}），袋数、份数、余量、在库袋数、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `A cell of the intake list (附件2) shows an error value (${w}): bags, copies, spare, bags in the vault, custody time and duty cover unknown, not in the totals`,
  },
  unreadLog: {
    zh: (w) => `附件3 出入库记录有格子显示错误值（${w}），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `A cell of the vault log (附件3) shows an error value (${w}): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals`,
  },
  unreadRegister: {
    zh: (w) => `附件4 分发登记表有格子显示错误值（${w}），分发考场和份数无从计算`,
    en: (w) => `A cell of the distribution register (附件4) shows an error value (${w}): rooms and copies handed out unknown`,
  },
  unreadDuty: {
    zh: (w) => `附件5 值班记录有格子显示错误值（${w}），值班覆盖和缺口无从计算`,
    en: (w) => `A cell of the duty log (附件5) shows an error value (${w}): duty cover and gaps unknown`,
  },
};

/**
 * What a form one row of which writes several 试卷号 (“2207、2210”, review 20b D5) leaves unknown: the figures of
 * its papers, whose bags (copies, candidates) that row does not tell apart. Only forms with a 试卷号 column.
 */
export const SEVERAL_SAID: Partial<Record<UnreadReason, Record<Lang, (where: string) => string>>> = {
  unreadSchedule: {
    zh: (w) => `考试安排有一行写了几个试卷号（${w}），分不清各是多少考生，考生数、首场开考和余量无从计算，考生数未计入合计`,
    en: (w) =>
      `A row of the exam schedule (考试安排) writes several paper numbers (${w}): whose candidates are whose cannot be told, so candidates, first sessions and spare are unknown, candidates not in the totals`,
  },
  unreadIntake: {
    zh: (w) => `附件2 入库清单有一行写了几个试卷号（${w}），分不清各是几袋，袋数、份数、余量、在库袋数、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `A row of the intake list (附件2) writes several paper numbers (${w}): whose bags are whose cannot be told, so bags, copies, spare, bags in the vault, custody time and duty cover are unknown, not in the totals`,
  },
  unreadLog: {
    zh: (w) => `附件3 出入库记录有一行写了几个试卷号（${w}），分不清各是几袋，出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `A row of the vault log (附件3) writes several paper numbers (${w}): whose bags are whose cannot be told, so checkouts, returns, bags out, custody time and duty cover are unknown, not in the totals`,
  },
  unreadRegister: {
    zh: (w) => `附件4 分发登记表有一行写了几个试卷号（${w}），分不清各是几份，分发考场和份数无从计算`,
    en: (w) =>
      `A row of the distribution register (附件4) writes several paper numbers (${w}): whose copies are whose cannot be told, so rooms and copies handed out are unknown`,
  },
};

/**
 * What a form one of whose counts is corrected in brackets beside it (“2（实为3）”, review 25a D1) leaves unknown where
 * that cell is of no one paper's row (附件1's 数量; a row naming no 试卷号): which of the two counts the row holds cannot
 * be told, so the figures it adds to are unknown, as for a cell showing an error value. Only forms with a count.
 */
export const CORRECTED_SAID: Partial<Record<UnreadReason, Record<Lang, (where: string) => string>>> = {
  unreadSchedule: {
    zh: (w) => `考试安排有人数写了更正（${w}），看不出是哪个数，考生数、首场开考和余量无从计算，考生数未计入合计`,
    en: (w) =>
      `A count of the exam schedule (考试安排) is corrected beside it (${w}): which one holds cannot be told, so candidates, first sessions and spare are unknown, candidates not in the totals`,
  },
  unreadHandover: {
    zh: (w) => `附件1 交接单的交接明细有数量写了更正（${w}），看不出实有几袋，该交接单交接的袋数无从计算`,
    en: (w) =>
      `A count of a handover sheet's items (附件1) is corrected beside it (${w}): how many bags there are cannot be told, so the bags it hands over are unknown`,
  },
  unreadIntake: {
    zh: (w) => `附件2 入库清单有袋数写了更正（${w}），看不出是哪个数，袋数、份数、余量、在库袋数、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `A count of the intake list (附件2) is corrected beside it (${w}): which one holds cannot be told, so bags, copies, spare, bags in the vault, custody time and duty cover are unknown, not in the totals`,
  },
  unreadLog: {
    zh: (w) => `附件3 出入库记录有数量写了更正（${w}），看不出是哪个数，出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计`,
    en: (w) =>
      `A count of the vault log (附件3) is corrected beside it (${w}): which one holds cannot be told, so checkouts, returns, bags out, custody time and duty cover are unknown, not in the totals`,
  },
  unreadRegister: {
    zh: (w) => `附件4 分发登记表有份数写了更正（${w}），看不出是哪个数，分发考场和份数无从计算`,
    en: (w) =>
      `A count of the distribution register (附件4) is corrected beside it (${w}): which one holds cannot be told, so rooms and copies handed out are unknown`,
  },
};
