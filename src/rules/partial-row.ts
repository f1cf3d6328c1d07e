import { isBlankValue, labelOf } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'partial-row',
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '003 (四)“规范履行试卷交接手续”；003 (六)“保密室值班人员要重点检查试卷袋存放、密封情况、出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      row: '第 {seq} 行只填了一部分：{missing}没有填写。一行记录须填全，请补上（若这行作废，请整行删除）。',
      returned: '第 {seq} 行的还卷部分只填了一部分：{missing}没有填写。还卷人、还卷时间、入库保管员须一起填写。',
    },
    en: {
      row: 'Row {seq} is only partly filled: {missing} is empty. Fill the whole row (or delete it if void).',
      returned: 'The return part of row {seq} is only partly filled: {missing} is empty. Returner, return time and receiving keeper go together.',
    },
  },
  docs: 'A table row with some cells filled and a required one empty; one finding per row, at the first empty cell. The vault log’s return part (还卷人, 还卷时间, 入库签字) is all or nothing.',
};

type Row = Record<string, unknown> | undefined;

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const seqOf = (path: string) => model.locations[path]?.row ?? Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1;
  const rowCheck = (path: string, row: Row, required: readonly string[], messageId = 'row') => {
    if (!row) return;
    const missing = required.filter((k) => isBlankValue(row[k]));
    if (missing.length === 0) return;
    report(`${path}.${missing[0]}`, messageId, {
      seq: seqOf(path),
      missing: missing.map((k) => `“${labelOf(`${path}.${k}`)}”`).join('、'),
    });
  };
  (data.schedule ?? []).forEach((r, i) => rowCheck(`schedule[${i}]`, r as Row, ['paperNo', 'paperName', 'start', 'end']));
  (data.staff ?? []).forEach((r, i) => rowCheck(`staff[${i}]`, r as Row, ['name', 'formalStaff', 'candidateRelative', 'pledgeSigned']));
  (data.handovers ?? []).forEach((h, i) => (h?.items ?? []).forEach((r, j) => rowCheck(`handovers[${i}].items[${j}]`, r as Row, ['destination', 'quantity'])));
  (data.intake?.items ?? []).forEach((r, i) => {
    const row = r as Row;
    rowCheck(`intake.items[${i}]`, row, ['paperNo', 'paperName']);
    const sizes = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'];
    if (row && !isBlankValue(row.paperNo) && sizes.every((k) => isBlankValue(row[k]))) {
      report(`intake.items[${i}].bags31`, 'row', { seq: seqOf(`intake.items[${i}]`), missing: '袋数' });
    }
  });
  (data.vaultLog ?? []).forEach((r, i) => {
    const row = r as Row;
    rowCheck(`vaultLog[${i}]`, row, ['paperNo', 'paperName', 'quantity', 'taker', 'takenAt', 'issuedBy']);
    const back = ['returner', 'returnedAt', 'receivedBy'];
    if (row && back.some((k) => !isBlankValue(row[k]))) rowCheck(`vaultLog[${i}]`, row, back, 'returned');
    void facts;
  });
  (data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) =>
      rowCheck(`distributions[${i}].rows[${j}]`, r as Row, ['paperNo', 'paperName', 'copies', 'room', 'issuedAt', 'collector', 'returnedAt', 'returner']),
    ),
  );
  (data.duty?.shifts ?? []).forEach((r, i) => rowCheck(`duty.shifts[${i}]`, r as Row, ['kind', 'from', 'to', 'handedOverBy', 'takenOverBy']));
}
