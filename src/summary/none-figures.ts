/**
 * Figures a unit's workbook cannot give, said so rather than 0 (review13: a unit with vault records but no
 * intake list): a unit that keeps no vault record (none of 附件2, 3, 5) has none of its vault's figures; one that
 * keeps no intake list (附件2) none of the figures made from it (bags, copies, spare, bags in the vault). Each table
 * column of such a figure says which reasons make it none (`NoneWhen`), and the words of each reason are here, for
 * the per-site tables, 站点汇总, the 汇总 sheet, 总览 and the CLI alike.
 */
import type { Lang } from '../rules/types';
import type { Column } from './columns';
import type { Words } from './words';

/**
 * Why a unit's figures of one kind are none, not 0: it keeps no vault record (SiteSummary.noVault: none of 附件2, 3,
 * 5), or keeps one but no intake list (SiteSummary.noIntake: no row of 附件2, its 附件3 or 5 filled in).
 */
export type NoneReason = 'noVault' | 'noIntake';
/** The reason a unit's figures are none, or undefined where they are all known. */
export const noneReason = (s: { noVault?: boolean; noIntake?: boolean } | null | undefined): NoneReason | undefined =>
  s?.noVault ? 'noVault' : s?.noIntake ? 'noIntake' : undefined;
/**
 * `word`, in a table's cell where a figure none for the reason would be (bags, copies, spare, checkouts, custody, duty
 * cover), that none is known rather than 0 or 100 %.
 */
export const NONE_WORDS: Words<NoneReason> = {
  noVault: { zh: '无保密室记录', en: 'no vault record' },
  noIntake: { zh: '无入库清单', en: 'no intake list' },
};
/** 站点汇总's 说明 of a unit whose figures are none: why, and that its stock is in no total (stock.ts; the row greyed by OTHER_SEMESTER_ROW's mark). */
export const NONE_NOTE: Words<NoneReason> = {
  noVault: {
    zh: '无保密室记录（附件2、3、5 都没有填写），未计入合计',
    en: 'No vault record (none of 附件2, 3, 5 filled in), not in the totals',
  },
  noIntake: {
    zh: '无入库清单（附件2 没有填写），袋数、份数无从计算，未计入合计',
    en: 'No intake list (附件2 not filled in): bags and copies unknown, not in the totals',
  },
};

/**
 * Of a column of a figure of a unit's vault: the reasons that make it none (`none`), and of them those its cell
 * says (`says`: the first column of each run of such cells, its word running on over the empty cells beside it).
 */
export interface NoneWhen {
  none: readonly NoneReason[];
  says?: readonly NoneReason[];
}
/** A figure of 附件3 or 5 (checkouts, custody, duty cover): none only where the unit keeps no vault record. */
export const NO_VAULT_ONLY: NoneWhen = { none: ['noVault'] };
/** A figure of 附件2 (bags, copies, spare, in the vault): none also where the unit keeps no intake list. */
export const NO_INTAKE_TOO: NoneWhen = { none: ['noVault', 'noIntake'] };

/** The raw cell of a figure that is none for `reason` under `when`: the reason's key where the column says it, else empty. */
export const noneCell = (reason: NoneReason, when: NoneWhen): string | null => (when.says?.includes(reason) ? reason : null);

/**
 * A column of a figure of a unit's vault: none at a row whose unit's reason (`reasonOf`) is one of `when.none`, not 0
 * nor a spare worked out from none; where `when.says` the reason, its word (NONE_WORDS), running on over the empty
 * cells beside it. For a per-site table and for 站点汇总 alike.
 */
export function noneColumn<T, C extends Column<T>>(
  column: C & { value: NonNullable<Column<T>['value']> },
  reasonOf: (item: T) => NoneReason | undefined,
  when: NoneWhen,
): C {
  const says = when.says ?? [];
  return {
    ...column,
    ...(says.length ? { words: Object.fromEntries(says.map((k) => [k, NONE_WORDS[k]])), runsOn: true } : {}),
    value: (item: T, lang: Lang) => {
      const reason = reasonOf(item);
      return reason !== undefined && when.none.includes(reason) ? noneCell(reason, when) : column.value(item, lang);
    },
  };
}

/**
 * What a site's 汇总 sheet says of figures it cannot give: with no vault record, in place of its duty cover (none of
 * its vault's figures); with no intake list, under its paper table (the figures of 附件2 alone).
 */
export const NONE_SITE: Words<NoneReason> = {
  noVault: {
    zh: '无保密室记录：附件2 入库清单、附件3 出入库记录、附件5 值班记录都没有填写，试卷袋数、份数、余量、出入库、保管期和值班覆盖无从计算。',
    en: 'No vault record: none of the intake list (附件2), the vault log (附件3) and the duty log (附件5) is filled in, so the bags, copies, spare, checkouts, custody period and duty cover cannot be worked out.',
  },
  noIntake: {
    zh: '无入库清单：附件2 入库清单没有填写，试卷袋数、份数、余量和在库袋数无从计算；出库、归还、分发和值班照附件3、4、5 计算。',
    en: 'No intake list: the intake list (附件2) is not filled in, so the bags, copies, spare and bags in the vault cannot be worked out; checkouts, returns, rooms and duty are from 附件3, 4 and 5.',
  },
};

type UnitsWords = { head: (n: number) => string; line: (named: string[], more: number) => string; more: (n: number) => string };

/**
 * Atop 总览's list of the units whose stock is in no level's totals for a reason (ConsolidatedTotals.noVault,
 * .noIntake), and the line the CLI may print: with no vault record, none of its vault's figures is known; with no
 * intake list, its bags and copies.
 */
export const NONE_UNITS_WORDS: Record<NoneReason, Record<Lang, UnitsWords>> = {
  noVault: {
    zh: {
      head: (n) => `注意：以下 ${n} 个单位的附件2、3、5 都没有填写，没有保密室记录，试卷份数、出入库和值班覆盖无从计算，未计入按单位级别的合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${named.length + more} 个单位` : ''}没有保密室记录（附件2、3、5 都没有填写），未计入按单位级别的合计。`,
      more: (n) => `另有 ${n} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the units below keep no vault record (none of 附件2, 3 and 5 filled in): their copies, checkouts and duty cover cannot be worked out, and they are in no level’s totals:',
      line: (named, more) =>
        `Note: ${named.join(', ')}${more ? ` and ${more} more` : ''} ${named.length + more === 1 ? 'keeps' : 'keep'} no vault record (none of 附件2, 3 and 5 filled in): not in the totals by unit level.`,
      more: (n) => `${n} more: see the findings`,
    },
  },
  noIntake: {
    zh: {
      head: (n) => `注意：以下 ${n} 个单位没有入库清单（附件2 没有填写），袋数、份数无从计算，未计入按单位级别的合计：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${named.length + more} 个单位` : ''}没有入库清单（附件2 没有填写），袋数、份数未计入按单位级别的合计。`,
      more: (n) => `另有 ${n} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the units below keep no intake list (附件2 not filled in): their bags and copies cannot be worked out, and they are in no level’s totals:',
      line: (named, more) =>
        `Note: ${named.join(', ')}${more ? ` and ${more} more` : ''} ${named.length + more === 1 ? 'keeps no intake list (附件2 not filled in): its' : 'keep no intake list (附件2 not filled in): their'} bags and copies are not in the totals by unit level.`,
      more: (n) => `${n} more: see the findings`,
    },
  },
};
