import { seqsEn } from '../model/finding';
import { numberRuns } from './plural';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'rows-after-closing',
  title: { zh: '以下空白下面还有记录', en: 'Rows below the table’s end mark' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      rows: '这里写了“{word}”，表示表格到此为止，但它下面还登记了序号 {seqs} {these}（已照常检查）。“{word}”下面不应再登记：请把“{word}”移到最后一条真实记录的下面，误登的行整行删除。',
    },
    en: {
      rows: 'This cell says “{word}” (nothing below), closing the table, yet the table goes on below it: {count} rows filled in ({seqsEn}), checked as usual. Nothing should be entered below “{word}”: move it below the last real record, and delete any row entered by mistake.',
    },
  },
  docs: 'A table closed by 以下空白 (（以下空白）, 以下无, 此栏空白, 完 …: a row holding only that word, in any column) with rows filled in below it. 以下空白 is written under a form’s last row so that nothing is added to it afterwards; rows written below it are either movements entered after the form was closed — a checkout never returned, a proctor taking papers (review 18a D5) — or the word put down too early. They are read as the table’s rows and checked like every other row (left out, a checkout never returned was never asked back, and the summary showed nothing still out, while the printout shows the rows), and this says once, at the closing word’s cell, which rows stand below it: move the word below the last real record, or delete rows entered by mistake. The 合计 row under the closing word is the table’s, as ever; a footer label (收卷人签字：) still ends the table; a line holding a note alone (注：6月16日下午无考试, 核对人：莫琳桂), above or below the word, is no row and not said.',
};

export function check({ model, report }: RuleContext): void {
  // Rows named by 序号, as every other finding names them: on paper there are no sheet row numbers (review 19a D4).
  (model.rowsAfterClosing ?? []).forEach(({ word, seqs }, i) => {
    const runs = numberRuns(seqs);
    const these = seqs.length === 1 ? '这一行' : `这 ${seqs.length} 行`;
    report(`rowsAfterClosing[${i}]`, 'rows', { word, seqs: runs.join('、'), seqsEn: seqsEn(runs), these, count: seqs.length });
  });
}
