import { FORM_NAMES } from './required-field';
import { sessionsWithoutRegister, unreadRegisters } from './session-without-register';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'hidden-sheet',
  title: { zh: '隐藏的工作表', en: 'Hidden sheet' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      skipped: '工作表“{sheet}”是隐藏的，没有检查：工作簿里已有未隐藏的{form}。它若是草稿或旧稿，请删除；若是有效的记录，请取消隐藏后再检查。',
      read: '工作表“{sheet}”是隐藏的，已作为{form}检查（工作簿里没有未隐藏的这种表）：请取消隐藏，让查看记录的人看得见。',
    },
    en: {
      skipped:
        'Sheet "{sheet}" is hidden and was not checked: the workbook already shows {formEn}. If it is a draft or an old copy, delete it; if it is a valid record, unhide it and check again.',
      read: 'Sheet "{sheet}" is hidden and was checked as {formEn} (no shown sheet holds that form): unhide it so that whoever reviews the records can see it.',
    },
  },
  docs: 'A sheet the workbook hides (hidden or very hidden) that is taken for a form. When a shown sheet holds the same form, the hidden one is not read — an old draft kept hidden was read as a second copy of the record, its bags added to the real one (false overdraws on the correct sheet) and its findings pointed at a sheet nobody could see — and this says so, at the hidden sheet’s A1, so that the officer deletes it or unhides it. When no shown sheet holds that form, the hidden sheet is the record there is: it is read and checked, and this asks that it be shown. A hidden sheet that is no form (a lookup list) is not mentioned. A hidden 附件4 not read while a session has no register among the shown ones is named by session-without-register’s error instead (it may be that register), not said twice.',
};

/** A form's name for people, by the form a sheet is (FORM_NAMES is keyed by the model's key). */
const NAMES = new Map(Object.values(FORM_NAMES).map(([zh, en, , id]) => [id, { zh, en }]));

export function check({ model, facts, report }: RuleContext): void {
  // A hidden 附件4 that may be a session's missing register: session-without-register's error names it, and says what to do.
  const named = unreadRegisters(model).length > 0 && sessionsWithoutRegister(model, facts).length > 0;
  (model.hiddenSheets ?? []).forEach(({ sheet, formId, read }, i) => {
    if (named && formId === 'distribution' && !read) return;
    const name = NAMES.get(formId);
    report(`hiddenSheets[${i}]`, read ? 'read' : 'skipped', { sheet, form: name?.zh, formEn: name?.en });
  });
}
