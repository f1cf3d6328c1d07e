/**
 * Whose receipt a handover is. A sheet kept in a unit's workbook and read as
 * received there (custody.ts, `directionOf`) is that unit's receipt: its copy
 * of 附件1 (备注 1 “押运方和接收方分别存档”), its papers counted into its vault.
 * Its 接收单位 should then name the unit (基本信息's 考点, 分校 or 分部); where
 * it names another (“宁乡县考点” on 宁乡考点's receipt), that one cell is what is
 * wrong — said once there (receiver-not-this-unit), and the items are judged
 * against the unit that received them, not blamed row by row
 * (item-for-another-unit).
 */
import { sameUnit, unitKey } from './custody';
import type { Custody } from './custody';
import type { Handover } from './types';

/**
 * The 接收单位 names the unit. The 省校 is written by its 分部 or as the
 * university (“湖南分部”, “湖南开放大学”, “国家开放大学湖南分部”): at the 省校,
 * any 接收单位 that names no 分校 or 考点 names it.
 */
function namesUnit(custody: Custody, to: string): boolean {
  return sameUnit(to, custody.ownName) || (custody.level === '省校' && !/分校|学院|考点/.test(to));
}

/** The handover is the unit's receipt (`direction` in), the unit's name is known, and its 接收单位 is written but names another unit. */
export function receiverMisnamed(custody: Custody, h: Handover | null | undefined, index: number): boolean {
  const to = unitKey(h?.to);
  return custody.direction[index] === 'in' && unitKey(custody.ownName) !== '' && to !== '' && !namesUnit(custody, to);
}

/** A 接收单位 (the sender's copy's, say) names this unit (`namesUnit`): what `receiverMisnamed` asks the receiver's copy to say. */
export function namesThisUnit(custody: Custody, to: unknown): boolean {
  const key = unitKey(to);
  return key !== '' && namesUnit(custody, key);
}
