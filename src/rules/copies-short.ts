import { takenBackLists } from '../model/deliveries';
import { intakeRowBags, isBlankValue, tm, whole } from './facts';
import { rowTotalWrong } from './row-total';
import type { RuleContext, RuleMeta } from './types';
import { candidatesCountedBefore, paperCode, shownCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'copies-short',
  title: { zh: '试卷份数不足', en: 'Too few copies' },
  severity: 'error',
  forms: [0, 2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2“31份装（袋）26份装（袋）11份装（袋）5份装（袋）”；考试安排“报考人数”',
  messages: {
    zh: {
      short:
        '试卷 {paper} 入库 {bags} 袋共 {copies} 份（{formula}），少于报考人数 {candidates} 人。试卷份数须够每位考生一份，请核对袋数或报考人数，不足的须及时向上级报告补发。',
      none: '考试安排上试卷 {paper} 有 {candidates} 人报考，但入库清单上没有这份试卷。请核对是漏收还是漏记：漏记的补入入库清单，没有收到的须及时向上级报告补发。',
    },
    en: {
      short:
        'Paper {paper}: {copies} copies in {bags} bags ({formula}), fewer than the {candidates} candidates. Check the bag counts or candidates; report a shortfall upward.',
      none: 'Paper {paper} has {candidates} candidates on the schedule but is on no intake list. Check whether it was not received or not recorded: add it to the list, or report the missing papers upward.',
    },
  },
  docs: 'A paper’s copies by envelope size (31·a + 26·b + 11·c + 5·d on the intake list) are fewer than its candidates on the schedule, reported at the 合计（袋） of the paper’s (first) intake row: the bags are what the officer counts again in the vault and corrects, or reports short upward; 报考人数 comes from the published list. Rows with an unreadable count are skipped, and so are the lists that took in only papers sent back up the chain (a 考点’s papers back at its 分校 after the exam): they were counted when they first came. An AB卷 written as two codes (1304A, 1304B) is one paper (model/paper-code.ts): its versions’ copies are added, and its candidates counted once where the schedule writes the same number on each version’s row of one session (different numbers are each version’s share, added). A scheduled paper with candidates that is on none of the intake lists has no copies at all: reported at its schedule row, where the lists name their papers (a row without a readable 试卷号 could be it).',
};

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const candidates = new Map<string, number>();
  /** Each paper's first schedule row. */
  const scheduled = new Map<string, number>();
  const countedBefore = candidatesCountedBefore(data.schedule ?? []);
  (data.schedule ?? []).forEach((s, i) => {
    const p = paperCode(s?.paperNo);
    const c = countedBefore.has(i) ? 0 : whole(s?.candidates);
    if (p && !scheduled.has(p)) scheduled.set(p, i);
    if (p && c !== undefined) candidates.set(p, (candidates.get(p) ?? 0) + c);
  });
  const copies = new Map<string, { copies: number; bags: number; row: string; shown: string; formula: string[] }>();
  const bad = new Set<string>();
  // A paper's copies over every intake list (one list per delivery) of papers received from above: papers a
  // 考点 sent back, taken in on their own list, were counted when they first came (model/deliveries.ts).
  const back = takenBackLists(data, tm);
  const rows = facts.intakes
    .filter((_, k) => !back.has(k))
    .flatMap(({ list, path }) => (list.items ?? []).map((it, i) => ({ it, row: `${path}.items[${i}]` })));
  // A paper only on such a list is on an intake list: not said to be on none.
  const namedBack = new Set(facts.intakes.filter((_, k) => back.has(k)).flatMap(({ list }) => (list.items ?? []).map((it) => paperCode(it?.paperNo))));
  let unnamedRow = false;
  rows.forEach(({ it, row }) => {
    // A row of several papers (“2207、2210”, unknown-paper's): whose bags are whose is not written, so none's copies known.
    const several = facts.several.get(row);
    if (several) return several.papers.forEach((w) => bad.add(paperCode(w)));
    const p = paperCode(it?.paperNo);
    // A row with something typed but no 试卷号 could be any paper.
    if (!p && it && !isBlankValue(Object.values(it))) unnamedRow = true;
    if (!p || !it) return;
    const sizes = [it.bags31, it.bags26, it.bags11, it.bags5];
    // Unreadable sizes, or sizes that do not add up to the row's 合计 (row-total): the copies are not known.
    if (!sizes.every((v) => isBlankValue(v) || whole(v) !== undefined) || rowTotalWrong(it as Record<string, unknown>)) {
      bad.add(p);
      return;
    }
    const [a, b, c, d] = sizes.map((v) => whole(v) ?? 0);
    // The paper said as its first intake row writes it (0304, not the 304 compared: model/paper-code.ts).
    const e = copies.get(p) ?? { copies: 0, bags: 0, row, shown: shownCode(it.paperNo), formula: [] };
    e.copies += 31 * a + 26 * b + 11 * c + 5 * d;
    e.bags += intakeRowBags(it) ?? a + b + c + d;
    e.formula.push(`31×${a}+26×${b}+11×${c}+5×${d}`);
    copies.set(p, e);
  });
  for (const [p, e] of copies) {
    const need = candidates.get(p);
    if (need === undefined || bad.has(p)) continue;
    if (e.copies < need)
      report(`${e.row}.totalBags`, 'short', { paper: e.shown, bags: e.bags, copies: e.copies, formula: e.formula.join(' + '), candidates: need });
  }
  // No copies at all: judged only where the lists say which papers they hold (a missing list is required-field's).
  if (rows.length === 0 || unnamedRow) return;
  for (const [p, need] of candidates) {
    if (need === 0 || copies.has(p) || bad.has(p) || namedBack.has(p)) continue;
    const row = scheduled.get(p)!;
    report(`schedule[${row}].paperNo`, 'none', { paper: shownCode(data.schedule![row]?.paperNo), candidates: need });
  }
}
