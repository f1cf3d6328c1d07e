/**
 * A distribution register (附件4) is signed for one session, on the day, on the spot; people make the next session's
 * sheet by copying the last one and may leave its 日期 or 时间 as it was (review 24 D1: 分发登记2 still headed 08:30—10:00
 * over 2045, which sits 10:30—12:00, and nothing said it). The header is judged against the sessions of the papers the
 * sheet hands out, as 考试安排 gives them.
 */
import { showTime, tm } from './facts';
import { showDayEn } from '../model/values';
import type { Facts, SessionFact } from './facts';
import type { RuleContext, RuleMeta } from './types';
import type { Distribution } from '../model/types';
import { paperCode, shownCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'register-session',
  title: { zh: '登记表场次与考试安排不符', en: 'Register headed with another session' },
  severity: 'error',
  forms: [0, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“考试当天当场，在特设考务办公室（考试值班室），试卷经由考务工作人员分发至考场及回收，签写附件4”；附件4 表头的“日期”“时间”是这一场的',
  messages: {
    zh: {
      day: '这张分发登记表表头的日期是 {header}，但表上的试卷 {sessions}，都不在这一天。附件4 一场一表，考试当天当场签写；表头的日期可能是从别的场次的登记表复制来后没有改。请按这一场的考试安排改正表头的日期（或核对表上的试卷号）。',
      time: '这张分发登记表表头的时间是 {header}，但表上的试卷 {sessions}，不是这一场。附件4 一场一表；表头的时间可能是从别的场次的登记表复制来后没有改。请按这一场的考试安排改正表头的时间（或核对表上的试卷号）。',
      row: '试卷 {paper} 在考试安排里是 {session} 考试，不是这张登记表表头的场次（{header}）。附件4 一场一表，每场的试卷登记在那一场的登记表上。请核对试卷号，或把这一行登记到试卷 {paper} 那一场的登记表上。',
    },
    en: {
      day: 'This distribution register is headed with the date {headerEn}, but on the exam schedule, {sessionsEn}: none on that day. 附件4 is one sheet per session, signed on the day; the header may have been copied from another session’s register and not changed. Correct the header’s date to this session’s, as the exam schedule gives it (or check the paper numbers).',
      time: 'This distribution register is headed with the time {header}, but on the exam schedule, {sessionsEn}: not this session. 附件4 is one sheet per session; the header may have been copied from another session’s register and not changed. Correct the header’s time to this session’s, as the exam schedule gives it (or check the paper numbers).',
      row: 'Paper {paper} sits at {session} on the exam schedule, not in the session this register is headed with ({header}). 附件4 is one sheet per session, each paper on its own session’s register: check the paper number, or record this row on the register of paper {paper}’s session.',
    },
  },
  docs: 'A distribution register (附件4) whose header (日期, 时间) is not the session of the papers it hands out, as 考试安排 gives them: where no paper on the sheet sits then, one finding at the header’s 日期 (no paper sits on that day) or 时间 (they sit that day, at other times); where some do and others do not, one at the first row of each that does not. A header session fits a paper’s when their times overlap (a 时间 range covering two sessions fits both); a header with a date and no readable 时间 is judged by its day alone; a header whose date cannot be read is invalid-datetime’s. Papers not on 考试安排 (unknown-paper’s) and rows with no paper are not judged. Where the header’s day is no session of its papers, their rows written with a time and no date are not taken as handed out that day by session-without-register, whose finding would send the officer to add a register that is there.',
};

const DAY = 1440;

/** The header's session: its start and end (minutes), or its day alone where its 时间 cannot be read. */
function headerSpan(d: Distribution): { start: number; end: number; timed: boolean } | undefined {
  const start = tm(d.start);
  if (!Number.isNaN(start)) {
    const end = tm(d.end);
    return { start, end: Number.isNaN(end) || end < start ? start : end, timed: true };
  }
  const day = typeof d.start === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.start) ? tm(`${d.start}T00:00`) : Number.NaN;
  return Number.isNaN(day) ? undefined : { start: day, end: day + DAY - 1, timed: false };
}

const fits = (span: { start: number; end: number; timed: boolean }, s: SessionFact): boolean =>
  span.timed ? span.start <= s.end && s.start <= span.end : Math.floor(s.start / DAY) === Math.floor(span.start / DAY);

/** A register sheet the header of which no paper on it fits, or some of whose papers do not: what is said, where. */
export interface OffSession {
  sheet: number;
  span: { start: number; end: number; timed: boolean };
  /** Every paper on the sheet with sessions on 考试安排, at its first row. */
  papers: Array<{ paper: string; row: number; sessions: SessionFact[] }>;
  /** Those whose sessions the header does not fit. */
  off: Array<{ paper: string; row: number; sessions: SessionFact[] }>;
  /** No paper of the sheet sits on the header's day. */
  otherDay: boolean;
}

/** The registers whose header is not the session of (some of) their papers: worked out once a workbook (its facts), for this rule and session-without-register. */
export function offSessionRegisters(data: RuleContext['model']['data'], facts: Facts): OffSession[] {
  let known = OFF_SESSION.get(facts);
  if (!known) OFF_SESSION.set(facts, (known = offSessionOf(data, facts)));
  return known;
}
const OFF_SESSION = new WeakMap<Facts, OffSession[]>();

function offSessionOf(data: RuleContext['model']['data'], facts: Facts): OffSession[] {
  const out: OffSession[] = [];
  (data.distributions ?? []).forEach((d, sheet) => {
    const span = d && headerSpan(d);
    if (!span) return;
    const papers = new Map<string, { paper: string; row: number; sessions: SessionFact[] }>();
    (d.rows ?? []).forEach((r, row) => {
      const paper = paperCode(r?.paperNo);
      const sessions = paper ? facts.sessionsByPaper.get(paper) : undefined;
      if (paper && sessions?.length && !papers.has(paper)) papers.set(paper, { paper, row, sessions });
    });
    const list = [...papers.values()];
    const off = list.filter((p) => !p.sessions.some((s) => fits(span, s)));
    if (!off.length) return;
    const day = Math.floor(span.start / DAY);
    const otherDay = !list.some((p) => p.sessions.some((s) => Math.floor(s.start / DAY) === day));
    out.push({ sheet, span, papers: list, off, otherDay });
  });
  return out;
}

const clock = (minutes: number): string => showTime(minutes).slice(-5);
const spanShown = (start: number, end: number): string => `${showTime(start)}${end > start ? `—${clock(end)}` : ''}`;
const dayShown = (o: OffSession): string => showTime(o.span.start).split(' ')[0];
const headerShown = (o: OffSession): string => (o.span.timed ? spanShown(o.span.start, o.span.end) : dayShown(o));
const sessionsShown = (sessions: SessionFact[]): string => sessions.map((s) => spanShown(s.start, s.end)).join('、');

export function check({ model, facts, report }: RuleContext): void {
  for (const o of offSessionRegisters(model.data, facts)) {
    if (o.off.length === o.papers.length) {
      const at = o.otherDay || !o.span.timed ? 'start' : 'end';
      const header = at === 'start' ? dayShown(o) : headerShown(o);
      // A day alone is not turned into English with the messages' times (engine.ts englishTimes): named so here.
      const headerEn = at === 'start' ? showDayEn(o.span.start) : header;
      const sessions = o.off.map((p) => `${p.paper} 在考试安排里是 ${sessionsShown(p.sessions)} 考试`).join('，');
      const sessionsEn = o.off.map((p) => `paper ${p.paper} on it sits at ${sessionsShown(p.sessions)}`).join('; ');
      report(`distributions[${o.sheet}].${at}`, at === 'start' ? 'day' : 'time', { header, headerEn, sessions, sessionsEn });
      continue;
    }
    const header = headerShown(o);
    for (const p of o.off) {
      const paper = shownCode(model.data.distributions![o.sheet].rows![p.row].paperNo);
      report(`distributions[${o.sheet}].rows[${p.row}].paperNo`, 'row', { paper, session: sessionsShown(p.sessions), header });
    }
  }
}
