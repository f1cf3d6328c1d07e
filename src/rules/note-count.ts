/**
 * A 备注 that corrects its row's count (“3310 实为3袋” beside 数量 2: review 24 D3): the receiver wrote down that three
 * bags came, the form still says two, and every check reads the two. Said at the note, a warning: which is true is for
 * the people who counted, the record must say one.
 */
import { norm } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { type NotedRow, noteCount } from '../model/note-count';
import { unitNameEn } from './count-unit';

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

export function check({ model, report }: RuleContext): void {
  const say = (path: string, row: NotedRow, unit: string) => {
    const differs = noteCount(row, unit);
    if (differs) report(`${path}.note`, 'differs', { note: String(row.note).trim(), ...differs, unit, unitEn: unitNameEn(unit) });
  };
  (model.data.handovers ?? []).forEach((h, i) => (h?.items ?? []).forEach((it, j) => it && say(`handovers[${i}].items[${j}]`, it, norm(it.unit) || '袋')));
  (model.data.vaultLog ?? []).forEach((r, i) => r && say(`vaultLog[${i}]`, r, norm(r.unit) || '袋'));
}
