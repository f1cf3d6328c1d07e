import { norm } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { paperCode, papersWritten } from '../model/paper-code';
import { errorParams, isExcelError } from '../model/excel-errors';

export const meta: RuleMeta = {
  id: 'unknown-paper',
  title: { zh: '试卷号有误', en: 'Wrong paper number' },
  severity: 'error',
  forms: [0, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2–4“试卷号”：出库、分发的试卷须是入库清单或考试安排上的试卷',
  messages: {
    zh: {
      unknown: '试卷号“{paper}”既不在入库清单上，也不在考试安排里。出库或分发的试卷须是本单位入库的试卷，请核对试卷号（是否写错）。',
      several:
        '这一行写了 {count} 个试卷号“{paper}”，{count} 种试卷登记在同一行，分不清各是几袋（份），这一行的出库时间、袋数也就无法按试卷核对，汇总也算不出这几种试卷各出库了多少。请分成 {count} 行，每行写一个试卷号和它自己的数量。',
      error:
        '“试卷号”这一格显示的是“{paper}”，这是 Excel 的错误值：格子里的公式算不出结果（{cause}），表上和打印出来的都是“{paper}”，不是试卷号，看不出出库或分发的是哪一种试卷。请改正公式，或删去公式直接填写试卷号。',
    },
    en: {
      unknown: 'Paper number "{paper}" is neither on the intake list nor in the exam schedule. Check the paper number.',
      several:
        'This row writes {count} paper numbers, "{paper}": {count} papers on one row, and which of its bags (copies) are whose cannot be told, so its times and quantity cannot be checked paper by paper, nor the summary count each paper’s checkouts. Write it as {count} rows, each with one paper number and its own quantity.',
      error:
        'The 试卷号 cell shows "{paper}", an Excel error value: its formula cannot be worked out ({causeEn}), and the form on screen and in print shows "{paper}", not which paper was taken out or handed out. Correct the formula, or delete it and type the paper number.',
    },
  },
  docs: 'A 试卷号 in the vault log (附件3) or a distribution register (附件4) that is on neither the intake list nor the schedule: usually a mistyped number. A 试卷号 cell showing an Excel error value (#NAME?, #N/A: its formula not worked out) is told so, not as a mistyped number. A cell writing several numbers (“2207、2210”: two papers on one row) is told so, or, where one of them is on no list, that one; a note in brackets after the number (“5503（补考）”) is the paper 5503.',
};

export function check({ model, facts, report }: RuleContext): void {
  // With neither list nor schedule, no number can be told unknown; an error value is no number all the same.
  const lists = facts.intakePapers.size > 0 || facts.schedulePapers.size > 0;
  const known = (p: string) => facts.intakePapers.has(p) || facts.schedulePapers.has(p);
  const ask = (path: string, paperNo: unknown) => {
    // #NAME?, #N/A: the cell's formula failed, and the form prints the error, no paper (review 18a D9): told as such,
    // under a title true of it too (试卷号有误, review 19a D10).
    if (isExcelError(paperNo)) return report(path, 'error', { ...errorParams(paperNo), paper: norm(paperNo) });
    // 2207、2210: two papers on one row (review 20b D5): a number on no list said as such, else the row's two papers.
    const several = papersWritten(paperNo);
    const off = several.find((w) => lists && !known(paperCode(w)));
    if (off !== undefined) return report(path, 'unknown', { paper: off });
    if (several.length) return report(path, 'several', { paper: norm(paperNo), count: several.length });
    const p = paperCode(paperNo);
    if (lists && p && !known(p)) report(path, 'unknown', { paper: norm(paperNo) });
  };
  (model.data.vaultLog ?? []).forEach((r, i) => ask(`vaultLog[${i}].paperNo`, r?.paperNo));
  (model.data.distributions ?? []).forEach((d, i) => (d?.rows ?? []).forEach((r, j) => ask(`distributions[${i}].rows[${j}].paperNo`, r?.paperNo)));
}
