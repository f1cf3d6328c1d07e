import { COLUMN_TWICE, columnKeysOf, columnTwicePath, labelOf } from '../model/labels';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'column-headed-twice',
  title: { zh: '表头有两栏同名', en: 'A column headed twice' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      twice:
        '表头里有两栏都叫“{field}”：检查读的是 {readColumn} 栏，这一栏（{column} 栏）没有读，两栏填的又不一样。同一张表每一项只能有一栏：请核对哪一栏是对的，删去不用的一栏（或把它的表头改成别的名字，如“备注”），再检查一次。',
    },
    en: {
      twice:
        'Two columns of the header are both "{field}": the checks read column {readColumn}, not this one (column {column}), and the two are filled in differently. A form has one column for each item: check which is right, delete the other (or give its header another name, such as 备注), and check again.',
    },
  },
  docs: 'A table (附件1–4, 涉卷人员, 考试安排) whose header has two visible columns of one name (取卷时间 over F and over G: the unit’s old column left beside the one in use, a column pasted in twice). The checks read one of them — the first, unless the first is empty under its header and the other filled in (then the other, and nothing is said) — and when both are filled in and not alike, this says so once, at the other column’s header cell, naming the one read. A column hidden beside a shown one of the same name is not read and not said (the shown one is the one in use); two alike columns are read as one.',
};

/** The forms' tables: where each instance's header notes are bound (its form's path), and its columns' generic path. */
function tables(model: RuleContext['model'], facts: RuleContext['facts']): Array<[string, string]> {
  const data = model.data;
  return [
    ['schedule', 'schedule'],
    ['staff', 'staff'],
    ...(data.handovers ?? []).map((_, i): [string, string] => [`handovers[${i}]`, 'handovers.items']),
    ...facts.intakes.map(({ path }): [string, string] => [path, 'intake.items']),
    ['vaultLog', 'vaultLog'],
    ...(data.distributions ?? []).map((_, i): [string, string] => [`distributions[${i}]`, 'distributions.rows']),
  ];
}

export function check({ model, facts, report }: RuleContext): void {
  for (const [at, generic] of tables(model, facts)) {
    // Marked by the reader where the table has such a column: its columns asked only then (a workbook's ~200 paths else).
    if (!model.locations[`${at}.${COLUMN_TWICE}`]) continue;
    for (const key of columnKeysOf(generic)) {
      const path = `${at}.${columnTwicePath(key)}`;
      if (!model.locations[path]) continue;
      const column = (p: string) => (model.locations[p]?.cell ?? '').replace(/\d+$/, '');
      report(path, 'twice', { field: labelOf(`${generic}.${key}`), column: column(path), readColumn: column(`${path}.read`) });
    }
  }
}
