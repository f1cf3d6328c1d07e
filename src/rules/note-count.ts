/**
 * A 备注 that corrects its row's count (“3310 实为3袋” beside 数量 2: review 24 D3): the receiver wrote down that three
 * bags came, the form still says two, and every check reads the two. Said at the note, a warning: which is true is for
 * the people who counted, the record must say one.
 */
import { norm } from './facts';
import { differsFrom, type NotedRow, noteCount, type NoteSays, noteSays } from '../model/note-count';
import type { RuleContext, RuleMeta } from './types';
import { unitNameEn } from './count-unit';
import { paperCode } from '../model/paper-code';
import { type ItemText, itemCodes, type PaperNames } from '../model/item-papers';

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
      otherRow:
        '备注写的是“{note}”，说第 {seq} 行的试卷 {paper} 实为 {said} {unit}，但第 {seq} 行的“数量”写的是 {count} {unit}：两处不一致，看不出实有多少，各项核对和汇总都按“数量”的 {count} 计。请核对实物：第 {seq} 行的数量若写错了，改正那一格（备注只写更正的经过）；备注若写错了，请改正备注。',
    },
    en: {
      differs:
        'The note reads “{note}”, saying the row holds {said} {unitEn}, but its 数量 is {count} {unitEn}: the two disagree, so how many there are cannot be told, and every check and the summary count the {count} of 数量. The form holds the number there is: check the papers; if 数量 is wrong, correct it (the note only says how it was corrected); if the note is wrong, correct the note.',
      otherRow:
        'The note reads “{note}”, saying paper {paper} on row {seq} holds {said} {unitEn}, but row {seq}’s 数量 is {count} {unitEn}: the two disagree, so how many there are cannot be told, and every check and the summary count the {count} of 数量. Check the papers: if row {seq}’s 数量 is wrong, correct that cell (the note only says how it was corrected); if the note is wrong, correct the note.',
    },
  },
  docs: 'A 备注 on a handover row (附件1) or a vault-log row (附件3, where people keep a 备注 beside it) that says the row’s count is another — 实为, 实际, 实收, 实到, 实点, 应为, 更正为 or 改为 followed by a count (3袋, 三袋) that ends there (考场改为3号 and 改为8:30 are no count), after the row’s paper number or none — when that count is not the row’s 数量. A warning at the note: the checks read 数量. On 附件1, whose rows name their papers in their text, a note that names another row (第2行) or a paper that is not its row’s but another row’s (“1001 高等数学基础；2045 实为2袋” on 1001’s row) is compared with that row’s 数量, and said at the note naming the row. Not where the note names another paper no row of the sheet holds (or, on 附件3, another paper than its row’s), where 数量 cannot be read (invalid-count’s), or where the note’s count is in another unit than the row’s.',
};

export function check({ model, facts, report }: RuleContext): void {
  const reportAt = (path: string, row: NotedRow, unit: string, differs: { said: number; count: number }, extra?: object) =>
    report(`${path}.note`, extra ? 'otherRow' : 'differs', { note: String(row.note).trim(), ...differs, unit, unitEn: unitNameEn(unit), ...extra });
  (model.data.handovers ?? []).forEach((h, i) => {
    const items = h?.items ?? [];
    const seqOf = (k: number) => model.locations[`handovers[${i}].items[${k}]`]?.row ?? k + 1;
    items.forEach((it, j) => {
      const unit = norm(it?.unit) || '袋';
      const says = it ? noteSays(it, unit) : undefined;
      if (!it || !says) return;
      const about = rowNoted(it, j, says, items, seqOf, facts.paperNames);
      if (about === 'another') return;
      const target = about === 'own' ? it : items[about]!;
      if ((norm(target.unit) || '袋') !== unit) return;
      const differs = differsFrom(target, says.said);
      if (differs) reportAt(`handovers[${i}].items[${j}]`, it, unit, differs, about === 'own' ? undefined : { paper: says.paper ?? '', seq: seqOf(about) });
    });
  });
  // A vault row names its paper in its 试卷号: its note's count is its own, unless it names another paper (noteCount).
  (model.data.vaultLog ?? []).forEach((r, i) => {
    const unit = norm(r?.unit) || '袋';
    const differs = r ? noteCount(r, unit) : undefined;
    if (differs) reportAt(`vaultLog[${i}]`, r!, unit, differs);
  });
}

/**
 * Which row of a handover a note's count is about (附件1 has no 试卷号 column: a row's paper is in its text). Its own
 * row, unless it names another: by 第N行 (“另：2045 实为2袋，见第2行”, review 25a D7), or by a paper that is not the
 * row's own (“1001 高等数学基础；2045 实为2袋” on 1001's row) — then the row holding that paper, or 'another' where no
 * row of the sheet does (not this rule's to weigh).
 */
function rowNoted(
  item: ItemText,
  index: number,
  says: NoteSays,
  items: ReadonlyArray<ItemText | null | undefined>,
  seqOf: (k: number) => number,
  names: PaperNames | undefined,
): number | 'own' | 'another' {
  const named = /第\s*(\d+)\s*行/.exec(says.rest);
  if (named) {
    const k = items.findIndex((it, j) => !!it && seqOf(j) === Number(named[1]));
    if (k >= 0) return k === index ? 'own' : k;
  }
  const codesOf = (it: ItemText) => itemCodes(it, names).map(paperCode);
  const own = codesOf({ ...item, note: says.rest });
  if (!says.paper || own.length === 0 || own.includes(says.paper)) return 'own';
  const k = items.findIndex((it, j) => j !== index && !!it && codesOf(it).includes(says.paper!));
  return k >= 0 ? k : 'another';
}
