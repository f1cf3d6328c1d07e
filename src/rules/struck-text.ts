import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'struck-text',
  title: { zh: '格内划掉的字', en: 'Struck text in a cell' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      cell: '这一格里“{struck}”划了删除线，后面另写了“{read}”：已按没划线的“{read}”读取和检查。删除线打印或换个软件打开时可能看不出，两个写法就连成了一个：请删去划掉的“{struck}”，只留“{read}”。',
    },
    en: {
      cell: 'In this cell “{struck}” is struck through and “{read}” written after it: it was read and checked as “{read}”, the text not struck. A strikethrough may not show in print or in another program, and the two then read as one: delete the struck “{struck}” and keep “{read}”.',
    },
  },
  docs: 'A cell of a form corrected in place: the old text struck through (a strikethrough on part of the cell’s text), the new typed after it — “~~2~~ 3”, “~~李强~~赵敏”. The cell is read as its text not struck (review 24: read whole, “2 3” was an invalid count, “李强赵敏” no one on the roster, two times an invalid time), and this asks, at the cell, that the struck text be deleted: a strikethrough may not show in print or in another program. A cell struck through whole is a row struck out (voided-row), not this. The command line and the browser page read the strikethrough of part of a cell; the Excel and WPS panes see a cell’s text whole, and check it as typed.',
};

export function check({ model, report }: RuleContext): void {
  (model.struckText ?? []).forEach(({ struck, read }, i) => report(`struckText[${i}]`, 'cell', { struck, read }));
}
