import type { SheetCopyNote } from '../model/site-model';
import { FORM_NAMES } from './required-field';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'form-copies-disagree',
  title: { zh: '同一张表的两份不一致或重复', en: 'Two copies of a form differ or repeat' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“1.……一式两份，双方签字有效”：同一张表的两份应完全相同',
  messages: {
    zh: {
      differs:
        '本工作表上的{form}有两份（第二份从 {copyCell} 起），第二份第 {seq} 行与第一份不一致：{diffs}。同一张表的两份应完全相同；检查只按第一份进行，第二份没有核对。请核对哪份是对的，把两份改成一样，或删去第二份。',
      otherSheet:
        '本工作表是工作表“{firstSheet}”上{form}的第二份（内容大部分相同），第二份第 {seq} 行与第一份不一致：{diffs}。同一张表的两份应完全相同；检查只按第一份（“{firstSheet}”）进行，本工作表没有核对。请核对哪份是对的，把两份改成一样，或删去本工作表。',
      extraRow:
        '本工作表上的{form}有两份（第二份从 {copyCell} 起），第二份比第一份多出一行：第 {seq} 行（{cells}）{again}。同一张表的两份应完全相同；检查只按第一份进行，这一行没有核对。请核对这一行是否确有其事：确有，就在第一份里补上（补上后才会检查）；没有，就在第二份里删去。',
      otherSheetExtraRow:
        '本工作表是工作表“{firstSheet}”上{form}的第二份（内容大部分相同），比第一份多出一行：第 {seq} 行（{cells}）{again}。同一张表的两份应完全相同；检查只按第一份（“{firstSheet}”）进行，这一行没有核对。请核对这一行是否确有其事：确有，就在“{firstSheet}”里补上（补上后才会检查）；没有，就在本工作表里删去。',
      missingRow:
        '本工作表上的{form}有两份（第二份从 {copyCell} 起），第二份比第一份少了一行：第一份第 {seq} 行（{cells}）。同一张表的两份应完全相同；检查按第一份进行，这一行已核对。请核对这一行是否确有其事：确有，就在第二份里补上；没有，就在第一份里删去。',
      otherSheetMissingRow:
        '工作表“{copySheet}”是本工作表上{form}的第二份（内容大部分相同），比本工作表少了一行：第 {seq} 行（{cells}）。同一张表的两份应完全相同；检查按本工作表进行，这一行已核对。请核对这一行是否确有其事：确有，就在“{copySheet}”里补上；没有，就在本工作表里删去。',
      sameSheet:
        '本工作表的{form}与工作表“{firstSheet}”上的完全相同（像是复制出来的工作表，没有改过）：只按“{firstSheet}”检查、计数了一次，本工作表没有计入。若是多余的副本，请删除本工作表；若记的是另一次，请按实际改填后再检查。',
    },
    en: {
      differs:
        'This sheet holds {formEn} twice (the second copy from {copyCell}), and No. {seq} of the second copy differs from the first: {diffsEn}. The two copies of one form must be the same; only the first was checked, not the second. Check which is right, and make the copies the same or delete the second.',
      otherSheet:
        'This sheet is a second copy of {formEn} on sheet "{firstSheet}" (mostly the same), and No. {seq} of the second copy differs from the first: {diffsEn}. The two copies of one form must be the same; only the first ("{firstSheet}") was checked, not this sheet. Check which is right, and make the copies the same or delete this sheet.',
      extraRow:
        'This sheet holds {formEn} twice (the second copy from {copyCell}), and the second copy has a row more than the first: No. {seq} ({cellsEn}){againEn}. The two copies of one form must be the same; only the first was checked, so this row was not. Check whether it happened: if it did, add it to the first copy (it is checked there); if not, delete it from the second.',
      otherSheetExtraRow:
        'This sheet is a second copy of {formEn} on sheet "{firstSheet}" (mostly the same), with a row more than the first: No. {seq} ({cellsEn}){againEn}. The two copies of one form must be the same; only the first ("{firstSheet}") was checked, so this row was not. Check whether it happened: if it did, add it to "{firstSheet}" (it is checked there); if not, delete it from this sheet.',
      missingRow:
        'This sheet holds {formEn} twice (the second copy from {copyCell}), and the second copy lacks a row of the first: No. {seq} of the first ({cellsEn}). The two copies of one form must be the same; the first was checked, this row with it. Check whether it happened: if it did, add it to the second copy; if not, delete it from the first.',
      otherSheetMissingRow:
        'Sheet "{copySheet}" is a second copy of {formEn} on this sheet (mostly the same), and lacks a row of this sheet: No. {seq} ({cellsEn}). The two copies of one form must be the same; this sheet was checked, this row with it. Check whether it happened: if it did, add it to "{copySheet}"; if not, delete it from this sheet.',
      sameSheet:
        'This sheet holds {formEn} exactly as sheet "{firstSheet}" does, unchanged (it looks like a copied sheet): only "{firstSheet}" was checked and counted, not this sheet. If it is a spare copy, delete this sheet; if it records another one, fill it in as it happened and check again.',
    },
  },
  docs: 'A table form (附件3, 涉卷人员, 考试安排) pasted twice on one sheet — the 一式两份 habit, the form printed twice on one page — with a copy that is not quite the same. A later copy on the sheet — or a sheet of its own, as Excel’s 移动或复制 → 建立副本 makes “出入库记录 (2)” — that is the first’s rows again is that form again, not more of its rows: its rows are aligned with the first’s by their content, in order (as a longest common subsequence aligns lines), and it is a copy when at least half its rows (and half the first’s) are the same rows, every other pair is the same row with at most half its cells changed, and a few rows (at most 3, at most half as many as the pairs) are only in the copy or only in the first — typed again, or left out. Rows only in the copy beside others only in the first are rows replaced: a continuation page, begun from a copy of page 1 with a row left in, lists other movements and is read as more rows. The first copy is the record and every other rule judges it alone; the copy is not read (its rows doubled every bag out: false overdraw). Each row of the copy that differs from its row in the first is said once, at the copy’s first differing cell, naming each differing cell of both copies and what each says (one finding a row: a row is one movement, and its cells are pointed at); a row only in the copy is said at that row (not checked: add it to the first copy if it happened, else delete it), naming its first cells and the copy’s row it repeats, if any; a row only in the first, at the first’s row (checked: add it to the copy if it happened, else delete it). An identical copy is read once, with no finding; a 考试安排 copy that differs in 报考人数 alone is schedule-copies-disagree’s (a warning saying which count the papers were checked against), wherever the copy is. A sheet of a form read whole (附件1 交接单, 附件4 分发登记, 附件2 入库清单, 附件5 值班记录) that reads exactly as an earlier sheet of it — a sheet copied and left unchanged (“交接单 (2)”, “分发登记1 (2)”, “入库清单 (2)”, “值班记录2 (2)”) — is not read as another handover, register, intake or duty log (review 24: its bags counted twice, an inventory mismatch at the correct 入库清单 and papers handed out beyond the checkout, never saying it was a copy; a copied 入库清单 counted its bags twice, a copied 值班记录 each shift twice, overlapping itself): one finding at the copy’s title names both sheets. A table form’s sheet copied unchanged (“出入库记录 (2)”) is its first copy’s rows again, read once, as above.',
};

type Diff = SheetCopyNote['diffs'][number];
type Cell = NonNullable<SheetCopyNote['cells']>[number];

/** A value as each language quotes it: a blank cell in the tool's words (“（空白）”, "(blank)"), else as the sheet writes it. */
const zh = (value: string) => (value === '' ? '（空白）' : value);
const en = (value: string) => (value === '' ? '(blank)' : value);

/** A differing cell as the messages quote it: “取卷时间”第二份 F22 写的是“1月11日 07:30”，第一份 F6 写的是“1月11日 08:10”. */
const diffZh = (d: Diff) => `“${d.field}”第二份 ${d.cell} 写的是“${zh(d.value)}”，第一份 ${d.firstCell} 写的是“${zh(d.firstValue)}”`;
const diffEn = (d: Diff) => `"${d.field}" reads "${en(d.value)}" at ${d.cell} in the second copy, "${en(d.firstValue)}" at ${d.firstCell} in the first`;

/** A row only in one copy as the messages name it: 试卷号“1001”、试卷名称“高等数学基础”…. */
const cellZh = (c: Cell) => `${c.field}“${c.value}”`;
const cellEn = (c: Cell) => `${c.field} "${c.value}"`;

/** The message of a note: a row that differs, or a row only in one copy; on the copy's sheet, or on one of its own. */
function messageIdOf(note: SheetCopyNote): string {
  const id = note.kind ?? 'differs';
  if (note.firstSheet === undefined || id === 'sameSheet') return id;
  return id === 'differs' ? 'otherSheet' : `otherSheet${id[0].toUpperCase()}${id.slice(1)}`;
}

export function check({ model, report }: RuleContext): void {
  (model.sheetCopies ?? []).forEach((note, i) => {
    const [form, formEn] = FORM_NAMES[note.form] ?? [note.form, note.form];
    const seq = model.locations[`sheetCopy[${i}]`]?.row ?? '';
    const cells = note.cells ?? [];
    report(`sheetCopy[${i}]`, messageIdOf(note), {
      firstSheet: note.firstSheet ?? '',
      copySheet: note.sheet,
      form,
      formEn,
      copyCell: note.copyCell,
      seq: String(seq),
      diffs: note.diffs.map(diffZh).join('；'),
      diffsEn: note.diffs.map(diffEn).join('; '),
      cells: cells.map(cellZh).join('、'),
      cellsEn: cells.map(cellEn).join(', '),
      again: note.sameAs === undefined ? '' : `，与第二份第 ${note.sameAs} 行相同`,
      againEn: note.sameAs === undefined ? '' : `, the same as No. ${note.sameAs} of the second copy`,
    });
  });
}
