import { dayOf, norm, sessionAt, showTime, tm } from './facts';
import { ITEM_WORD_BREAK, type PaperNames, itemText, namesIn } from '../model/item-papers';
import type { Facts } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { paperCode, shownCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'arrival-too-early',
  title: { zh: '试卷到达过早', en: 'Papers arrived too early' },
  severity: 'error',
  forms: [0, 1],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“严格控制好试卷到达目的地时间，原则上到分校（或考点）时间不得早于2天”',
  messages: {
    zh: {
      handover:
        '试卷 {time} 交接到{unit}，比最早一场考试（{first}）早了 {span}。方案规定试卷到分校（或考点）不得早于考前 {limit} 天；如属特殊情况须考前一个月报备，否则请核对日期。',
      handoverName:
        '试卷 {time} 交接到{unit}，比最早一场考试（{first}）早了 {span}：交接明细写的“{name}”在考试安排上有 {count} 个试卷号（{codes}），按其中最早开考的 {code} 计。方案规定试卷到分校（或考点）不得早于考前 {limit} 天；如属特殊情况须考前一个月报备，否则请核对日期（交接明细写上试卷号，就按那个试卷号的考试计）。',
    },
    en: {
      handover:
        'Papers were handed over to {unit} at {time}, {spanEn} before the first session ({first}). Papers may reach a branch school (分校) or an exam site (考点) at most {limit} days before the exam; a special case is reported to the provincial school a month ahead, otherwise check the date.',
      handoverName:
        'Papers were handed over to {unit} at {time}, {spanEn} before the first session ({first}): the items name "{name}", which the exam schedule (考试安排) gives {count} paper numbers ({codesEn}), judged by the first of them to start, {code}. Papers may reach a branch school (分校) or an exam site (考点) at most {limit} days before the exam; a special case is reported to the provincial school a month ahead, otherwise check the date (with the paper number written on the item, it is judged by that paper’s session).',
    },
  },
  docs: 'Papers reached a 分校 or 考点 more than the set number of days (default 2, 基本信息) before their first session, counted in calendar days (the message says the time exactly, 2天18小时): the handovers a 分校 or 考点 receives, and those the 省校 or a 分校 sends down (to a 分校, to a 考点). What the 省校 receives from the printer is not judged (the clause sets the time papers reach a 分校 or 考点). A dispatch and the handover sheet that carries it are one movement, judged once, on the sheet, by the first session of the papers it carries (its items, else its dispatches) not over by the sheet’s time; an item’s paper is its 试卷号 when it has one, else the whole paper names in its text, the longest first (“大学英语（补考）” is the 补考’s paper, not 大学英语’s); a name the 考试安排 gives several 试卷号 (two rows of one name, each its own code) stands for every one of them: the item is judged by the earliest session of any, and the message names the name, its codes and the one that decided (a 补考 of the same 试卷号 sent on alone after the paper’s first session is judged by the 补考; sent with the first delivery, by the first session); a dispatch with no sheet is dispatch-without-handover’s. Papers with no session on the sender’s 考试安排 (a 分校 listing only its own rooms’ sessions) are judged by the sender’s first session: the receiving 考点’s workbook judges the same handover by its own schedule, and says it there.',
};

/**
 * The sheets that bring papers to a 分校 or 考点 (《实施方案》（四）): what a 分校 or
 * 考点 receives, and what the 省校 or a 分校 sends down. Nothing when the level
 * cannot be read (no sheet has a direction then).
 */
function deliversToBranchOrSite(level: Facts['level'], direction: Facts['direction'][number]): boolean {
  if (direction === 'in') return level === '分校' || level === '考点';
  return direction === 'out' && (level === '分校' || level === '省校');
}

export function check({ model, facts, report }: RuleContext): void {
  const limit = facts.settings.arrivalDaysBefore;
  const data = model.data;
  const sessionsBy = facts.sessionsByPaper;
  // Each name's 试卷号 — every one of them where the schedule gives a name several (round 25: its last row's was taken) —
  // and the names as item-papers.ts looks them up in a text.
  const codes = new Map<string, NameCode[]>();
  for (const s of data.schedule ?? []) {
    const [name, code] = [norm(s?.paperName), paperCode(s?.paperNo)];
    if (!name || !code) continue;
    const known = codes.get(name) ?? [];
    if (!known.some((c) => c.code === code)) codes.set(name, [...known, { code, shown: shownCode(s?.paperNo) }]);
  }
  const names = facts.paperNames;

  // A dispatch is judged on the handover sheet that carries it, never on its own vault-log row.
  (data.handovers ?? []).forEach((h, i) => {
    if (!h || !deliversToBranchOrSite(facts.level, facts.direction[i])) return;
    const t = tm(h.time);
    if (Number.isNaN(t)) return;
    // The papers named on the items (试卷号 or 名称 in 试卷归属/备注); any item naming none means any paper.
    let first = Number.NaN;
    // The name of several 试卷号 the first session was found by, and which of its codes that session is.
    let byName: { name: string; code: NameCode } | undefined;
    let allNamed = (h.items ?? []).length > 0;
    for (const it of h.items ?? []) {
      let named = false;
      for (const { code, name } of papersNamed(itemText(it), sessionsBy, names, codes)) {
        // The session the papers come for (sessionAt): a 补考 of the same 试卷号 sent on after the first session is judged by it.
        const session = sessionAt(sessionsBy.get(code.code), t);
        if (session) {
          named = true;
          if (Number.isNaN(first) || session.start < first) {
            first = session.start;
            byName = name !== undefined && codes.get(name)!.length > 1 ? { name, code } : undefined;
          }
        }
      }
      if (!named) allNamed = false;
    }
    // Items naming no paper: the papers of the dispatches this sheet carries (one movement, judged once, here).
    const named = first;
    if (!allNamed) first = firstOfCarried(facts, i, t, first);
    if (Number.isNaN(first)) return;
    const days = Math.floor(first / 1440) - dayOf(h.time);
    if (days <= limit) return;
    const said = { time: showTime(t), unit: h.to ?? '本单位', first: showTime(first), span: showDays(first - t), spanEn: showDaysEn(first - t), limit };
    if (!byName || first !== named) return void report(`handovers[${i}].time`, 'handover', said);
    const all = codes.get(byName.name)!;
    report(`handovers[${i}].time`, 'handoverName', {
      ...said,
      name: byName.name,
      count: all.length,
      codes: all.map((c) => c.shown).join('、'),
      codesEn: all.map((c) => c.shown).join(', '),
      code: byName.code.shown,
    });
  });
}

/** A 试卷号 a paper's name stands for on 考试安排: as compared, and as the schedule writes it. */
interface NameCode {
  code: string;
  shown: string;
}

/**
 * The papers (试卷号) an item's text names, each with the name it was found by. A 试卷号 on it decides (“5503
 * 大学英语（补考）” is 5503). Else the papers' whole names found in it (item-papers.ts namesIn: looked up by the characters
 * of the text, not each name asked of it), longest first, each taken out of the text before a shorter one is looked for,
 * and each standing as words of its own: “大学英语（补考）” is the 补考's paper, never 大学英语's, and 英语 is not read
 * inside 大学英语. A name the schedule gives several 试卷号 stands for each of them (the earliest session decides).
 */
function papersNamed(
  text: string,
  sessionsBy: Facts['sessionsByPaper'],
  names: PaperNames,
  codes: ReadonlyMap<string, readonly NameCode[]>,
): Array<{ code: NameCode; name?: string }> {
  const written = text
    .split(ITEM_WORD_BREAK)
    .map((w) => paperCode(w))
    .filter((c) => c && sessionsBy.has(c));
  if (written.length > 0) return written.map((code) => ({ code: { code, shown: code } }));
  return namesIn(text, names).flatMap((name) => codes.get(name)!.map((code) => ({ code, name })));
}

/**
 * How long before the session the papers came, as the officer checks it against “不得早于2天”: 2天18小时, not
 * the 3 calendar days the rule counts by (1月8日 15:00 → 1月11日 09:00).
 */
function showDays(minutes: number): string {
  const [d, h, m] = daysHoursMinutes(minutes);
  return `${d}天${h > 0 ? `${h}小时` : ''}${m > 0 ? `${m}分` : ''}`;
}

function showDaysEn(minutes: number): string {
  const [d, h, m] = daysHoursMinutes(minutes);
  return [`${d} day${d === 1 ? '' : 's'}`, h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}

const daysHoursMinutes = (minutes: number): [number, number, number] => [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];

/** The first session to come of the papers an outgoing handover (at `t`) carries by its dispatches; else of every paper. */
function firstOfCarried(facts: Facts, handover: number, t: number, named: number): number {
  const starts: number[] = [];
  facts.custody.movement.forEach((h, r) => {
    if (h !== handover) return;
    const start = sessionAt(facts.sessionsByPaper.get(paperCode(facts.data.vaultLog?.[r]?.paperNo)), t)?.start;
    starts.push(start ?? Number.NaN);
  });
  if (starts.length === 0 || starts.some((t) => Number.isNaN(t))) return facts.firstSessionStart;
  return starts.reduce((a, b) => Math.min(a, b), Number.isNaN(named) ? Infinity : named);
}
