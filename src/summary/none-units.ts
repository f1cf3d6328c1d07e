/**
 * What atop 总览 and in the CLI's lines names the units whose stock is in no level's totals, and why (moved from
 * none-figures.ts, whose figures' reasons they are).
 */
import type { Lang } from '../rules/types';
import { countShown } from '../model/count-shown';

/** The reasons a unit's stock (bags, copies; bags still out; candidates) is left out of the totals: the figures of 附件2, 3 or 考试安排. */
export type StockReason = 'noVault' | 'noIntake' | 'unreadIntake' | 'unreadLog' | 'unreadSchedule';

type UnitsWords = { head: (n: number) => string; line: (named: string[], more: number) => string; more: (n: number) => string };

/**
 * Atop 总览's list of the units whose stock is in no level's totals for a reason (ConsolidatedTotals.noVault,
 * .noIntake), and the line the CLI may print: with no vault record, none of its vault's figures is known; with no
 * intake list, its bags and copies.
 */
export const NONE_UNITS_WORDS: Record<StockReason, Record<Lang, UnitsWords>> = {
  noVault: {
    zh: {
      head: (n) => `注意：以下 ${countShown(n)} 个单位的附件2、3、5 都没有填写，没有保密室记录，试卷份数、出入库和值班覆盖无从计算，未计入按单位级别的合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}没有保密室记录（附件2、3、5 都没有填写），未计入按单位级别的合计。`,
      more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the units below keep no vault record (none of 附件2, 3 and 5 filled in): their copies, checkouts and duty cover cannot be worked out, and they are in no level’s totals:',
      line: (named, more) =>
        `Note: ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} ${named.length + more === 1 ? 'keeps' : 'keep'} no vault record (none of 附件2, 3 and 5 filled in): not in the totals by unit level.`,
      more: (n) => `${countShown(n)} more: see the findings`,
    },
  },
  noIntake: {
    zh: {
      head: (n) => `注意：以下 ${countShown(n)} 个单位没有入库清单（附件2 没有填写），袋数、份数无从计算，未计入按单位级别的合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}没有入库清单（附件2 没有填写），袋数、份数未计入按单位级别的合计。`,
      more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the units below keep no intake list (附件2 not filled in): their bags and copies cannot be worked out, and they are in no level’s totals:',
      line: (named, more) =>
        `Note: ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} ${named.length + more === 1 ? 'keeps no intake list (附件2 not filled in): its' : 'keep no intake list (附件2 not filled in): their'} bags and copies are not in the totals by unit level.`,
      more: (n) => `${countShown(n)} more: see the findings`,
    },
  },
  unreadIntake: {
    zh: {
      head: (n) => `注意：以下 ${countShown(n)} 个单位的附件2 入库清单未能读取（见“站点汇总”中该单位的说明），袋数、份数无从计算，未计入按单位级别的合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}的附件2 入库清单未能读取（见检查结果），袋数、份数未计入按单位级别的合计。`,
      more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the intake list (附件2) of the units below could not be read (see each unit’s note on the Sites sheet): their bags and copies are unknown, and they are in no level’s totals:',
      line: (named, more) =>
        `Note: the intake list (附件2) of ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} could not be read (see the findings): ${named.length + more === 1 ? 'its' : 'their'} bags and copies are not in the totals by unit level.`,
      more: (n) => `${countShown(n)} more: see the findings`,
    },
  },
  unreadLog: {
    zh: {
      head: (n) => `注意：以下 ${countShown(n)} 个单位的附件3 出入库记录未能读取（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}的附件3 出入库记录未能读取（见检查结果），未还袋数未计入合计。`,
      more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the vault log (附件3) of the units below could not be read (see each unit’s note on the Sites sheet): their bags still out are unknown, and in no total:',
      line: (named, more) =>
        `Note: the vault log (附件3) of ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} could not be read (see the findings): ${named.length + more === 1 ? 'its' : 'their'} bags still out are not in the totals.`,
      more: (n) => `${countShown(n)} more: see the findings`,
    },
  },
  unreadSchedule: {
    zh: {
      head: (n) => `注意：以下 ${countShown(n)} 个单位的考试安排未能读取（见“站点汇总”中该单位的说明），报考人数无从计算，未计入按单位级别的合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}的考试安排未能读取（见检查结果），报考人数未计入按单位级别的合计。`,
      more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the exam schedule (考试安排) of the units below could not be read (see each unit’s note on the Sites sheet): their candidates are unknown, and in no level’s totals:',
      line: (named, more) =>
        `Note: the exam schedule (考试安排) of ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} could not be read (see the findings): ${named.length + more === 1 ? 'its' : 'their'} candidates are not in the totals by unit level.`,
      more: (n) => `${countShown(n)} more: see the findings`,
    },
  },
};
