/**
 * Why a form's figures are unknown, as every face names it (review 22; fix-words24): the form not read (未能读取), a
 * cell of it showing an error value (显示错误值), a row of it writing several 试卷号 (一行几个试卷号) — or more than one
 * of these at once, a sheet of 附件3 not read and another's cell showing #N/A: then each, in that order
 * (附件3 未能读取、显示错误值), never the first alone beside a 说明 that says both.
 */
import type { Lang } from '../rules/types';

/**
 * One cause of a form's figures unknown: not read, a cell showing an error value, a row of several 试卷号, a count
 * corrected in brackets beside it (2（实为3）, model/text.ts countCorrection: which of the two the row holds cannot be
 * told, review 25a D1 — counted as 0 it made 明细之和 4 of 6 and 余量 −20).
 */
export type CausePart = 'unread' | 'error' | 'several' | 'corrected';
const PARTS: readonly CausePart[] = ['unread', 'error', 'several', 'corrected'];
/**
 * Why a form's figures are unknown where it is not merely not read (that is no cause: the reason's own `unread…`): a
 * cell of it shows an error value (#N/A, #REF!: `error`), a row of it writes several 试卷号 (“2207、2210”: `several`),
 * a count of it is corrected beside it (`corrected`), or several of these at once, named by each in PARTS' order
 * (`unreadError`: one sheet not read, a cell of another showing an error value).
 */
export type UnreadCause =
  | 'error'
  | 'several'
  | 'corrected'
  | 'unreadError'
  | 'unreadSeveral'
  | 'errorSeveral'
  | 'unreadCorrected'
  | 'errorCorrected'
  | 'severalCorrected'
  | 'unreadErrorSeveral'
  | 'unreadErrorCorrected'
  | 'unreadSeveralCorrected'
  | 'errorSeveralCorrected'
  | 'unreadErrorSeveralCorrected';

/** The key of the causes `parts` names, in PARTS' order (unread, error: unreadError). */
const keyOf = (parts: readonly CausePart[]): 'unread' | UnreadCause =>
  parts.map((p, i) => (i ? p[0].toUpperCase() + p.slice(1) : p)).join('') as 'unread' | UnreadCause;

/**
 * Every way a form's figures are unknown, the form not read first, then each cause alone, then two at once…: the keys
 * of the words each face says it in. Each set of PARTS by the bits of its number, fewest first.
 */
export const CAUSES: ReadonlyArray<'unread' | UnreadCause> = Array.from({ length: 2 ** PARTS.length - 1 }, (_, n) => n + 1)
  .map((bits) => PARTS.filter((_p, i) => bits & (1 << i)))
  .sort((a, b) => a.length - b.length)
  .map(keyOf);

/** The causes a key names, in PARTS' order (unreadError: unread, error). */
export const causeParts = (cause: 'unread' | UnreadCause): CausePart[] => cause.split(/(?=[A-Z])/).map((p) => p.toLowerCase() as CausePart);

/** The key of the causes that hold (each once, any order): undefined where the form was only not read. */
export function causeOf(parts: Iterable<CausePart>): UnreadCause | undefined {
  const held = new Set(parts);
  const named = PARTS.filter((p) => held.has(p));
  if (!named.length || (named.length === 1 && named[0] === 'unread')) return undefined;
  return keyOf(named) as UnreadCause;
}

/** The words of a key from the words of each cause (`part`), joined as `joined` says: 未能读取、显示错误值. */
export const causeWords = (
  cause: 'unread' | UnreadCause,
  part: Record<CausePart, Record<Lang, string>>,
  joined: Record<Lang, string>,
): Record<Lang, string> => {
  const parts = causeParts(cause);
  return { zh: parts.map((p) => part[p].zh).join(joined.zh), en: parts.map((p) => part[p].en).join(joined.en) };
};

/** A form's figures unknown, as a cell says why: not read, a cell showing an error value, a row of several 试卷号, a count corrected (more than one: each, 未能读取、显示错误值). */
export const CELL_WORDS: Record<CausePart, Record<Lang, string>> = {
  unread: { zh: '未能读取', en: 'not read' },
  error: { zh: '显示错误值', en: 'error value' },
  several: { zh: '一行几个试卷号', en: 'row of several papers' },
  corrected: { zh: '数字有更正', en: 'count amended' },
};
