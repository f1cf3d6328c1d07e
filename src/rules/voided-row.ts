import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'voided-row',
  title: { zh: '作废的行', en: 'Row marked void' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“规范履行试卷交接手续”；（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      // Kept on record as the form allows (使用说明): said as kept, never told to delete the row it was told how to keep
      // (review 25a D5: struck's advice, followed, gave “请整行删除”).
      row: '此行注明作废，已当作作废的行留作记录：不计入合计，也不参与各项检查。',
      struck:
        '此行填了的格子都划了删除线，已当作作废的行，不参与检查。删除线打印或换个软件打开时可能看不出：若是误登，请整行删除；要留作记录，请在备注里写“作废”。',
      struckNoNote:
        '此行填了的格子都划了删除线，已当作作废的行，不参与检查。删除线打印或换个软件打开时可能看不出：若是误登，请整行删除；要留作记录，请在这一行表格右边的空格里写“作废”（这张表没有备注栏）。',
    },
    en: {
      row: 'This row is marked void (作废) and kept on record as a void row: it is not counted in any total, nor checked.',
      struck:
        'Every filled cell of this row is struck through: it is taken as void and not checked. A strikethrough may not show in print or in another program: if the row was entered by mistake, delete the whole row; to keep it on record, write 作废 in its 备注.',
      struckNoNote:
        'Every filled cell of this row is struck through: it is taken as void and not checked. A strikethrough may not show in print or in another program: if the row was entered by mistake, delete the whole row; to keep it on record, write 作废 in the empty cell right of the table on this row (the form has no 备注 column).',
    },
  },
  docs: 'A table row whose 备注 says it is void — 作废 opening the note: 作废, 此行作废, 已作废, 作废（误登，见第4行）; 作废 going on with a word (作废试卷2袋), or a count or 无 after it (作废：0份, 作废（2份）, 作废：无), names papers and is not this. The 备注 is the form’s own column (附件1, 附件4) or one added to the table’s header; 作废 typed where there is room — in the row’s 序号 cell, or in the first filled cell right of the table (and of its 备注) on its row — is read alike on every table, with a 备注 or none (review 24: on 附件3, which prints none, read as live such a row gave not-returned on itself and an overdraw on the correct row; on 附件1 and 附件4 it stayed live, its bags in the 合计), and is said there. The row is left out of every check and every total, and said once, at its 作废 cell, as kept on record so (a warning that it is not counted; a row kept on record as 作废 is the form’s way, never told to be deleted, review 25a D5): the record keeps one line per movement, and a struck line checked as live gave errors on itself and on the correct rows around it (an overdraw on the right row of the same paper). A sheet whose rows are all struck is still the form, filled: each row is said here, and required-field asks for the form only where no valid record of it is left. A row struck through as on paper — every filled cell of the table in a strikethrough font, its 序号 aside — is void in the same way (review 12: checked as live, a mistaken line struck out gave an overdraw on the correct row and errors on itself); it is said once, at its first struck cell, that it was taken as void, and that a strikethrough may not show in print or in another program: delete the row, or write 作废 in its 备注 — on a table with no 备注, right of the table on the row. The command line, the browser page, the Excel pane and the WPS pane all read the strikethrough.',
};

export function check({ model, report }: RuleContext): void {
  (model.voided ?? []).forEach((row, i) => report(`voided[${i}]`, row.struck ? (row.noNoteColumn ? 'struckNoNote' : 'struck') : 'row'));
}
