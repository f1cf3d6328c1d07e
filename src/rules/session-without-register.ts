import { type Facts, checkoutSession, notLoan, SessionFact, showTime, tm, vaultRows, whole } from './facts';
import { offSessionRegisters } from './register-session';
import type { RuleContext, RuleMeta } from './types';
import type { SiteData } from '../model/types';
import { paperCode, shownCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'session-without-register',
  title: { zh: '场次没有分发登记表', en: 'Session without a distribution register' },
  severity: 'error',
  forms: [0, 3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“考试当天当场，在特设考务办公室（考试值班室），试卷经由考务工作人员分发至考场及回收，签写附件4”',
  messages: {
    zh: {
      none: '试卷 {paper} 在 {taken} 出库，供 {start} 开考的这一场使用，但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。试卷分发至考场及回收须当场签写附件4，请补上这一场的登记表或登记行。',
      hidden:
        '试卷 {paper} 在 {taken} 出库，供 {start} 开考的这一场使用，但未隐藏的考务办公室试卷分发登记表（附件4）都没有登记这一场发放这份试卷；工作簿里隐藏的附件4 工作表{sheets}没有检查。这一场若登记在隐藏的表上，请取消隐藏后再检查（隐藏的登记表，查看记录的人看不见）；若那是草稿或旧稿，请删除它，并补上这一场的登记表或登记行。',
    },
    en: {
      none: 'Paper {paper} left the vault at {taken} for the session starting {start}, but no distribution register (附件4) records handing it out in that session. Handing papers to the rooms and taking them back is signed on 附件4 on the spot; add the register or its rows.',
      hidden:
        'Paper {paper} left the vault at {taken} for the session starting {start}, but no shown distribution register (附件4) records handing it out in that session, and {sheetsEn} not checked. If the session is recorded on a hidden sheet, unhide it and check again (a hidden register is one nobody reviewing the records sees); if that sheet is a draft or an old copy, delete it, and add the register or its rows.',
    },
  },
  docs: 'An exam session whose paper left the vault (附件3, not a dispatch: papers sent back on an outgoing handover) with no 附件4 row handing that paper out on that day. One finding per session, at the paper of its first checkout on the session’s day (else its first checkout): a bag taken out days early with another session is checkout-window’s, and not where this session’s register is missing. Not for a paper with 0 candidates on 考试安排 (no room is handed it). A register row whose day cannot be read (its sheet’s 日期 unreadable, its 领取时间 a bare time) may be any session’s: that paper’s sessions are not judged (invalid-datetime says the 日期). So are the rows of a register headed with a day none of its papers sits (register-session says the 日期): their times typed alone were read on that day. At a 分校 (or any unit not a 考点) the same, for the sessions of its own exam room (a loan on the exam day that is no dispatch down the chain), with or without an 附件4 in the workbook; at a 考点, not when the workbook has no 附件4 at all (required-field says the form is missing), nor when a register that day names a paper that is not known (unknown-paper). When the workbook hides a 附件4 beside shown ones (not read: hidden-sheet), the finding names the hidden sheet, which may be the session’s register, and says what to do either way; hidden-sheet then says nothing more of it.',
};

/**
 * The day (days since the epoch) a register row hands out its paper: its 领取时间, else the sheet's 日期.
 * A row whose day cannot be read (its 日期 unreadable: invalid-datetime's finding) may be any session's: its paper is not judged.
 */
function handoutDays(data: SiteData, facts: Facts): { byPaper: Set<string>; doubtfulDays: Set<number>; undatedPapers: Set<string> } {
  const byPaper = new Set<string>();
  const doubtfulDays = new Set<number>();
  const undatedPapers = new Set<string>();
  // A sheet headed with a day none of its papers sits (register-session's finding): its rows' times typed alone were
  // read on that day, so no row there tells the day its paper was handed out — as a row whose day cannot be read.
  const otherDay = new Set(offSessionRegisters(data, facts).flatMap((o) => (o.otherDay ? [o.sheet] : [])));
  (data.distributions ?? []).forEach((d, sheet) => {
    const sheetDay = Math.floor(tm(d?.start) / 1440);
    (d?.rows ?? []).forEach((r) => {
      const issued = tm(r?.issuedAt);
      const day = otherDay.has(sheet) ? Number.NaN : Number.isNaN(issued) ? sheetDay : Math.floor(issued / 1440);
      const paper = paperCode(r?.paperNo);
      if (Number.isNaN(day)) {
        if (paper) undatedPapers.add(paper);
        return;
      }
      if (paper) byPaper.add(`${paper}|${day}`);
      else doubtfulDays.add(day);
    });
  });
  return { byPaper, doubtfulDays, undatedPapers };
}

/** The hidden 附件4 sheets not read, a shown one holding the form (forms/hidden-sheets.ts): any may be a session's register. */
export function unreadRegisters(model: RuleContext['model']): string[] {
  return (model.hiddenSheets ?? []).filter((h) => h.formId === 'distribution' && !h.read).map((h) => h.sheet);
}

export function check({ model, facts, report }: RuleContext): void {
  const hidden = unreadRegisters(model);
  const sheets = hidden.map((s) => `“${s}”`).join('、');
  const sheetsEn = `the hidden sheet${hidden.length === 1 ? '' : 's'} ${hidden.map((s) => `"${s}"`).join(', ')}, ${hidden.length === 1 ? 'a 附件4, was' : 'each a 附件4, were'}`;
  for (const { row, t, session } of sessionsWithoutRegister(model, facts)) {
    const params = { paper: shownCode(model.data.vaultLog![row]?.paperNo), taken: showTime(t), start: showTime(session.start) };
    report(`vaultLog[${row}].paperNo`, hidden.length ? 'hidden' : 'none', hidden.length ? { ...params, sheets, sheetsEn } : params);
  }
}

/** The sessions whose paper left the vault with no register read handing it out that day, each at the checkout its finding is said at. */
export function sessionsWithoutRegister(model: RuleContext['model'], facts: RuleContext['facts']): Array<{ session: SessionFact; row: number; t: number }> {
  const data = model.data;
  const out: Array<{ session: SessionFact; row: number; t: number }> = [];
  // A 考点 with no 附件4 at all is required-field's (one finding for the form); a 分校 that runs an exam room of its own
  // keeps none unless it does run one (review 15a D3: its session's loan, with no register, was said by nothing).
  if (facts.level === undefined || (facts.level === '考点' && !data.distributions?.length)) return out;
  const { byPaper, doubtfulDays, undatedPapers } = handoutDays(data, facts);
  // A register row naming a paper nobody knows is unknown-paper's finding; its day's sessions are not judged.
  for (const key of byPaper) {
    const [paper, day] = key.split('|');
    if (!facts.intakePapers.has(paper) && !facts.schedulePapers.has(paper)) doubtfulDays.add(Number(day));
  }
  for (const checkout of checkoutsOfSessions(data, facts)) {
    const { session } = checkout;
    // A paper nobody sits is handed to no room: its session needs no register (a bag taken out anyway is not-returned's).
    if (whole(data.schedule?.[session.index]?.candidates) === 0) continue;
    const day = Math.floor(session.start / 1440);
    if (byPaper.has(`${session.paperNo}|${day}`) || doubtfulDays.has(day) || undatedPapers.has(session.paperNo)) continue;
    out.push(checkout);
  }
  return out;
}

/**
 * Each session's checkout, in the log's order, where its finding is said: the first one taken out on the session's own day, else
 * its first. A bag of a later session taken out with an earlier one (checkout-window's finding) is not where
 * the later session's register is missing: the officer who moves that row must still find this one.
 */
function checkoutsOfSessions(data: SiteData, facts: RuleContext['facts']): Array<{ session: SessionFact; row: number; t: number }> {
  const chosen = new Map<SessionFact, { session: SessionFact; row: number; t: number; sameDay: boolean }>();
  (data.vaultLog ?? []).forEach((r, row) => {
    if (!r || notLoan(facts, row)) return;
    const t = vaultRows(facts).taken[row];
    const session = checkoutSession(facts, row);
    if (!session) return;
    const sameDay = Math.floor(t / 1440) === Math.floor(session.start / 1440);
    const before = chosen.get(session);
    if (!before || (sameDay && !before.sameDay)) chosen.set(session, { session, row, t, sameDay });
  });
  // In the log's order, as the officer reads it.
  return [...chosen.values()].sort((a, b) => a.row - b.row);
}
