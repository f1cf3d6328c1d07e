import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'schedule-copies-disagree',
  title: { zh: '两份考试安排人数不一致', en: 'Two schedules disagree' },
  severity: 'warning',
  forms: [0],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2“31份装（袋）……5份装（袋）”：试卷份数按考试安排“报考人数”核对，一个单位只有一份考试安排',
  messages: {
    zh: {
      differs:
        '本表是考试安排的又一份，试卷 {paper} 的报考人数写的是 {value}，而{firstSheet} {firstCell} 写的是 {firstValue}。两份考试安排不一致，试卷份数是按{firstSheet}的 {firstValue} 人核对的。请核对哪个人数是对的，改正后只留一份考试安排。',
    },
    en: {
      differs:
        'This sheet is another copy of the schedule: it gives paper {paper} {value} candidates, but {firstSheet} {firstCell} gives {firstValue}. The two schedules disagree; copies were checked against {firstSheet}’s {firstValue}. Check which number is right, correct it, and keep one schedule.',
    },
  },
  docs: 'A second 考试安排 — the sheet copied (“考试安排 (2)”), or the timetable typed again under its title — that lists no session of its own is not read: the first is the one judged. Where it writes another 报考人数 for a session (the same paper, at the same start where the paper sits more than once), the officer holds two timetables that disagree, and copies-short judged by the first: said at the copy’s cell, naming the first’s cell and both numbers. A sheet of the unit’s own (监考安排, 考场安排: 人数 a room) is no copy and is not compared.',
};

export function check({ model, report }: RuleContext): void {
  (model.scheduleCopies ?? []).forEach((note, i) => report(`scheduleCopy[${i}]`, 'differs', { ...note }));
}
