/**
 * A 备注 that corrects its row's count (“3310 实为3袋” beside 数量 2: review 24 D3): the receiver wrote down that three
 * bags came, the form still says two, and every check reads the two. Said at the note, a warning: which is true is for
 * the people who counted, the record must say one.
 */
import { norm, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { COUNT_WORD, CORRECTION_WORDS, countOf, toHalfWidth } from '../model/text';
import { unitNameEn } from './count-unit';
import { paperCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'note-count',
  title: { zh: '备注与数量不符', en: 'A note gives another count' },
  severity: 'warning',
  forms: [1, 3],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“……清点无误后，双方签写附件1”；附件1、附件3“数量（袋/箱）”“数量（袋/份）”：表上记的是实有的数目',
  messages: {
    zh: {
      differs:
        '备注写的是“{note}”，说这一行实为 {said} {unit}，但“数量”写的是 {count} {unit}：两处不一致，看不出实有多少，各项核对和汇总都按“数量”的 {count} 计。表上的数量须是实有的数目：请核对实物，数量若写错了，改正“数量”（备注只写更正的经过）；备注若写错了，请改正备注。',
    },
    en: {
      differs:
        'The note reads “{note}”, saying the row holds {said} {unitEn}, but its 数量 is {count} {unitEn}: the two disagree, so how many there are cannot be told, and every check and the summary count the {count} of 数量. The form holds the number there is: check the papers; if 数量 is wrong, correct it (the note only says how it was corrected); if the note is wrong, correct the note.',
    },
  },
  docs: 'A 备注 on a handover row (附件1) or a vault-log row (附件3, where people keep a 备注 beside it) that says the row’s count is another — 实为, 实际, 实收, 实到, 实点, 应为, 更正为 or 改为 followed by a count (3袋, 三袋) that ends there (考场改为3号 and 改为8:30 are no count), after the row’s paper number or none — when that count is not the row’s 数量. A warning at the note: the checks read 数量. Not where the note names another paper than its row’s, where 数量 cannot be read (invalid-count’s), or where the note’s count is in another unit than the row’s.',
};

/**
 * 3310 实为3袋, 实收三袋, 应为：2, 改为3袋: the paper it names (if any), the count said and its unit (if written). The count
 * ends where a count ends — at its unit, a stop or the note's end — so that 考场改为3号 or 改为8:30 is no count.
 */
const CORRECTION = new RegExp(
  `(?:(\\d{3,6})\\s*)?(?:${CORRECTION_WORDS})\\s*[:：]?\\s*${COUNT_WORD}\\s*(袋|箱|份)?(?=(?<=[袋箱份])|\\s*(?:[,，。;；、)）]|$))`,
);

interface Row {
  note?: unknown;
  quantity?: unknown;
  unit?: unknown;
  paperNo?: unknown;
}

/** The count a row's note says it holds, where that is not its 数量; undefined otherwise. */
function noteDiffers(row: Row, unitOfRow: string): { said: number; count: number } | undefined {
  if (typeof row.note !== 'string') return undefined;
  const note = toHalfWidth(row.note);
  const m = CORRECTION.exec(note);
  const count = whole(row.quantity);
  const said = m ? countOf(m[2]) : undefined;
  if (!m || said === undefined || count === undefined || said === count) return undefined;
  if (m[3] && m[3] !== unitOfRow) return undefined;
  // The row's paper: its 试卷号, or on 附件1 (which has none) the first number its 备注 names (1001 高等数学基础).
  const own = paperCode(row.paperNo) || /\d{3,6}/.exec(note)?.[0];
  if (m[1] && own && paperCode(m[1]) !== own) return undefined;
  return { said, count };
}

export function check({ model, report }: RuleContext): void {
  const say = (path: string, row: Row, unit: string) => {
    const differs = noteDiffers(row, unit);
    if (differs) report(`${path}.note`, 'differs', { note: String(row.note).trim(), ...differs, unit, unitEn: unitNameEn(unit) });
  };
  (model.data.handovers ?? []).forEach((h, i) => (h?.items ?? []).forEach((it, j) => it && say(`handovers[${i}].items[${j}]`, it, norm(it.unit) || '袋')));
  (model.data.vaultLog ?? []).forEach((r, i) => r && say(`vaultLog[${i}]`, r, norm(r.unit) || '袋'));
}
