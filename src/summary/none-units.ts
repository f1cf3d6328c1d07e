/**
 * What atop 总览 and in the CLI's lines names the units whose stock is in no level's totals, and why (moved from
 * none-figures.ts, whose figures' reasons they are).
 */
import type { Lang } from '../rules/types';
import { countShown } from '../model/count-shown';
import { CAUSES, type CausePart, type UnreadCause, causeParts, causeWords } from './causes';
import type { UnnamedSite } from './error-cells';
import { unnamedShown } from './words';

/**
 * A unit as the totals name it (ConsolidatedTotals.noVault, unreadLog…): its name, or a 考点 whose workbook names no
 * 考点 (SiteSummary.site.unnamed: its name is its 分校's), said as 站点汇总's 单位 says it (unnamedShown), not as its 分校.
 */
export type UnitName = string | { name: string; unnamed: UnnamedSite };
/** A unit's name as a line or a cell says it: 考点名称未能读取（工作表“基本信息”B5 显示 #N/A） for a 考点 that names none. */
export const unitNameShown = (u: UnitName, lang: Lang): string => (typeof u === 'string' ? u : unnamedShown(u.unnamed, lang));

/** The forms whose figures a unit's stock is left out of the totals for: 附件2 (bags, copies), 附件3 (bags still out), 考试安排 (candidates). */
export type StockForm = 'Intake' | 'Log' | 'Schedule';
/**
 * The reasons a unit's stock (bags, copies; bags still out; candidates) is left out of the totals: no vault record, no
 * intake list; the figures of 附件2, 3 or 考试安排 not read, or read but a cell showing an error value (errorLog), or a
 * row writing several 试卷号 (severalLog), as its figures' cells say (NONE_WORDS). And one left out of a level it is
 * counted in besides its own: a 分校 (省校) that sits exams itself (`ownSite`: its 本部考点, stock.ts), an exam site
 * whose papers and candidates are its unit's, counted in its unit's row and not again in the 考点 row.
 */
export type StockReason = 'noVault' | 'noIntake' | 'ownSite' | `${'unread' | UnreadCause}${StockForm}`;
/** The reasons of a form's stock unknown, not read first (unreadLog, errorLog, severalLog, then two or three at once: unreadErrorLog…). */
export const stockReasonsOf = (f: StockForm): StockReason[] => CAUSES.map((c): StockReason => `${c}${f}`);

type UnitsWords = { head: (n: number) => string; line: (named: string[], more: number) => string; more: (n: number) => string };

/** A form whose figures are left out, as the lines name it and what it leaves out (head: unknown and in no total; line: in no total). */
interface StockFormSaid {
  zh: { form: string; head: string; line: string };
  en: { form: string; head: string; line: (its: string) => string };
  /**
   * For a cell showing an error value, where a form may be unknown by some papers' rows alone and their other rows
   * count (stock.ts rowsUnknown): what is left out is the part that cannot be worked out, not all of it.
   */
  part?: { zh: { head: string; line: string }; en: { head: string; line: (its: string) => string } };
}
const STOCK_FORM: Record<StockForm, StockFormSaid> = {
  Intake: {
    zh: { form: '附件2 入库清单', head: '袋数、份数无从计算，未计入按单位级别的袋数、份数', line: '袋数、份数未计入按单位级别的袋数、份数' },
    en: {
      form: 'the intake list (附件2)',
      head: 'their bags and copies are unknown, and in no level’s bags and copies',
      line: (its) => `${its} bags and copies are not in the bags and copies by unit level`,
    },
    part: {
      zh: { head: '无从计算的袋数、份数未计入按单位级别的袋数、份数', line: '无从计算的袋数、份数未计入按单位级别的袋数、份数' },
      en: {
        head: 'the bags and copies that cannot be worked out are in no level’s bags and copies',
        line: (its) => `${its} bags and copies that cannot be worked out are not in the bags and copies by unit level`,
      },
    },
  },
  Log: {
    zh: { form: '附件3 出入库记录', head: '未还袋数无从计算，未计入合计', line: '未还袋数未计入合计' },
    en: {
      form: 'the vault log (附件3)',
      head: 'their bags still out are unknown, and in no total',
      line: (its) => `${its} bags still out are not in the totals`,
    },
  },
  Schedule: {
    zh: { form: '考试安排', head: '报考人数无从计算，未计入按单位级别的合计', line: '报考人数未计入按单位级别的合计' },
    en: {
      form: 'the exam schedule (考试安排)',
      head: 'their candidates are unknown, and in no level’s totals',
      line: (its) => `${its} candidates are not in the totals by unit level`,
    },
    part: {
      zh: { head: '无从计算的报考人数未计入按单位级别的合计', line: '无从计算的报考人数未计入按单位级别的合计' },
      en: {
        head: 'the candidates that cannot be worked out are in no level’s totals',
        line: (its) => `${its} candidates that cannot be worked out are not in the totals by unit level`,
      },
    },
  },
};
/** Why a form's figures are unknown, as the lines say it: not read, a cell showing an error value, a row of several 试卷号 (more than one: each, 未能读取，且有格子显示错误值). */
const CAUSE_SAID: Record<CausePart, Record<Lang, string>> = {
  unread: { zh: '未能读取', en: 'could not be read' },
  error: { zh: '有格子显示错误值', en: 'has a cell showing an error value' },
  several: { zh: '有一行写了几个试卷号', en: 'has a row writing several paper numbers' },
  corrected: { zh: '有数字写了更正', en: 'has a count corrected beside it' },
};
/** The words of a form's units left out for a cause (STOCK_FORM, CAUSE_SAID). */
const unknownWords = (f: StockFormSaid, cause: Record<Lang, string>): Record<Lang, UnitsWords> => ({
  zh: {
    head: (n) => `注意：以下 ${countShown(n)} 个单位的${f.zh.form}${cause.zh}（见“站点汇总”中该单位的说明），${f.zh.head}：`,
    line: (named, more) =>
      `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}的${f.zh.form}${cause.zh}（见检查结果），${f.zh.line}。`,
    more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
  },
  en: {
    head: () => `Note: ${f.en.form} of the units below ${cause.en} (see each unit’s note on the Sites sheet): ${f.en.head}:`,
    line: (named, more) =>
      `Note: ${f.en.form} of ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} ${cause.en} (see the findings): ${f.en.line(named.length + more === 1 ? 'its' : 'their')}.`,
    more: (n) => `${countShown(n)} more: see the findings`,
  },
});

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
      head: (n) => `注意：以下 ${countShown(n)} 个单位没有入库清单（附件2 没有填写），袋数、份数无从计算，未计入按单位级别的袋数、份数：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个单位` : ''}没有入库清单（附件2 没有填写），袋数、份数未计入按单位级别的袋数、份数。`,
      more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
    },
    en: {
      head: () =>
        'Note: the units below keep no intake list (附件2 not filled in): their bags and copies cannot be worked out, and are in no level’s bags and copies:',
      line: (named, more) =>
        `Note: ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} ${named.length + more === 1 ? 'keeps no intake list (附件2 not filled in): its' : 'keep no intake list (附件2 not filled in): their'} bags and copies are not in the bags and copies by unit level.`,
      more: (n) => `${countShown(n)} more: see the findings`,
    },
  },
  ownSite: {
    zh: {
      head: (n) =>
        `注意：以下 ${countShown(n)} 个单位自己也设考点（本部考点：附件4 有分发记录），计入考点的单位数；其袋数、份数、考生数和未还袋数与本单位的无法分出，只计入本单位一行，考点一行不重复计（为至少数），也不列入考生数排行：`,
      line: (named, more) =>
        `注意：${named.join('、')}${more ? ` 等 ${countShown(named.length + more)} 个本部考点` : ''}计入考点的单位数；其袋数、份数、考生数和未还袋数与本单位的无法分出，只计入本单位一行，考点一行不重复计。`,
      more: (n) => `另有 ${countShown(n)} 个，见“站点汇总”的考场次`,
    },
    en: {
      head: () =>
        'Note: the units below also sit exams themselves (own exam site, 本部考点: 附件4 hands out papers), counted among the exam sites; their bags, copies, candidates and bags out cannot be told apart from their unit’s: in its row only, not again in the exam sites’ (at least those), nor ranked by candidates:',
      line: (named, more) =>
        `Note: ${named.join(', ')}${more ? ` and ${countShown(more)} more` : ''} counted among the exam sites; ${named.length + more === 1 ? 'its' : 'their'} bags, copies, candidates and bags out cannot be told apart from ${named.length + more === 1 ? 'its unit’s' : 'their units’'}: in that unit’s row only, not again in the exam sites’ row.`,
      more: (n) => `${countShown(n)} more: see 考场次 on the Sites sheet`,
    },
  },
  ...(Object.fromEntries(
    (Object.keys(STOCK_FORM) as StockForm[]).flatMap((f) =>
      CAUSES.map((c): [StockReason, Record<Lang, UnitsWords>] => {
        // An error value or a corrected count may leave some papers' rows alone unknown, the others counted: the part that cannot be worked out.
        const said = STOCK_FORM[f];
        const part = causeParts(c).every((p) => p === 'error' || p === 'corrected') && said.part;
        return [
          `${c}${f}`,
          unknownWords(
            part ? { zh: { ...said.zh, ...part.zh }, en: { ...said.en, ...part.en } } : said,
            causeWords(c, CAUSE_SAID, { zh: '，且', en: ' and ' }),
          ),
        ];
      }),
    ),
  ) as Record<Exclude<StockReason, 'noVault' | 'noIntake' | 'ownSite'>, Record<Lang, UnitsWords>>),
};
