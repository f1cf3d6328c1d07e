import type { SheetCopyNote } from '../model/site-model';
import { FORM_NAMES } from './required-field';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'form-copies-disagree',
  title: { zh: '同一张表的两份不一致', en: 'Two copies of a form disagree' },
  severity: 'error',
  forms: [0, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“1.……一式两份，双方签字有效”：同一张表的两份应完全相同',
  messages: {
    zh: {
      differs:
        '本工作表上的{form}有两份（第二份从 {copyCell} 起），第二份第 {seq} 行与第一份不一致：{diffs}。同一张表的两份应完全相同；检查只按第一份进行，第二份没有核对。请核对哪份是对的，把两份改成一样，或删去第二份。',
      otherSheet:
        '本工作表是工作表“{firstSheet}”上{form}的第二份（内容大部分相同），第二份第 {seq} 行与第一份不一致：{diffs}。同一张表的两份应完全相同；检查只按第一份（“{firstSheet}”）进行，本工作表没有核对。请核对哪份是对的，把两份改成一样，或删去本工作表。',
    },
    en: {
      differs:
        'This sheet holds {formEn} twice (the second copy from {copyCell}), and row {seq} of the second copy differs from the first: {diffsEn}. The two copies of one form must be the same; only the first was checked, not the second. Check which is right, and make the copies the same or delete the second.',
      otherSheet:
        'This sheet is a second copy of {formEn} on sheet "{firstSheet}" (mostly the same), and row {seq} of the second copy differs from the first: {diffsEn}. The two copies of one form must be the same; only the first ("{firstSheet}") was checked, not this sheet. Check which is right, and make the copies the same or delete this sheet.',
    },
  },
  docs: 'A table form (附件3, 涉卷人员, 考试安排) pasted twice on one sheet — the 一式两份 habit, the form printed twice on one page — with a copy that is not quite the same. A later copy on the sheet — or a sheet of its own, as Excel’s 移动或复制 → 建立副本 makes “出入库记录 (2)” — with as many rows as the first, at least half of them the same at the same place and every other one the same row with at most half its cells changed, is that form again, not more of its rows (a continuation page, 序号 from 1 again, lists other movements and is read as more rows): the first copy is the record and every other rule judges it alone; the copy is not read (its rows doubled every bag out: false overdraw). Each row of the copy that differs from the first’s is said once, at the copy’s first differing cell, naming each differing cell of both copies and what each says (one finding a row: a row is one movement, and its cells are pointed at). An identical copy is read once, with no finding; a 考试安排 copy that differs in 报考人数 alone is schedule-copies-disagree’s (a warning saying which count the papers were checked against), wherever the copy is.',
};

type Diff = SheetCopyNote['diffs'][number];

/** A differing cell as the messages quote it: “取卷时间”第二份 F22 写的是“1月11日 07:30”，第一份 F6 写的是“1月11日 08:10”. */
const diffZh = (d: Diff) => `“${d.field}”第二份 ${d.cell} 写的是“${d.value}”，第一份 ${d.firstCell} 写的是“${d.firstValue}”`;
const diffEn = (d: Diff) => `"${d.field}" reads "${d.value}" at ${d.cell} in the second copy, "${d.firstValue}" at ${d.firstCell} in the first`;

export function check({ model, report }: RuleContext): void {
  (model.sheetCopies ?? []).forEach((note, i) => {
    const [form, formEn] = FORM_NAMES[note.form] ?? [note.form, note.form];
    const seq = model.locations[`sheetCopy[${i}]`]?.row ?? '';
    report(`sheetCopy[${i}]`, note.firstSheet === undefined ? 'differs' : 'otherSheet', {
      firstSheet: note.firstSheet ?? '',
      form,
      formEn,
      copyCell: note.copyCell,
      seq: String(seq),
      diffs: note.diffs.map(diffZh).join('；'),
      diffsEn: note.diffs.map(diffEn).join('; '),
    });
  });
}
