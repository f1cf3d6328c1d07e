/**
 * required-field's words for a form the workbook lacks (review 8, D3 and D4): in English a plain sentence naming
 * the form in English with the Chinese name on its sheet; in both languages advice for every face (the pane's,
 * the page's 表单 tab, and the CLI), not a CLI command alone.
 */
import type { SiteData } from '../../src/model/types';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, modelOf } from './tester';

const ZH_ADVICE = '本单位须签写此表，请补上：可从“表单”页插入或下载空白表，或用 custody template 生成。';
const EN_ADVICE = 'This unit must keep this form: add it. A blank one can be inserted or downloaded from the Forms (表单) tab, or made with custody template.';

/** The required-field findings of the 考点 sample with `edit` made, as tuples. */
function required(edit: (d: SiteData) => void, lang: 'zh' | 'en') {
  const d = base('kaodian');
  edit(d);
  return validateSite(modelOf(d), { lang })
    .filter((f) => f.rule === 'required-field')
    .map((f) => [messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.message]);
}

const FORMS: Array<[keyof SiteData, number, string, string, string]> = [
  ['site', 0, '基本信息', '基本信息', 'the site information sheet (基本信息)'],
  ['schedule', 0, '考试安排', '考试安排', 'the exam schedule (考试安排)'],
  ['staff', 0, '涉卷人员', '涉卷人员名单', 'the staff roster (涉卷人员名单)'],
  ['handovers', 1, '交接单', '附件1 纸质试卷交接单', 'the handover sheet (附件1)'],
  ['intake', 2, '入库清单', '附件2 纸质试卷入库清单', 'the intake list (附件2)'],
  ['vaultLog', 3, '出入库记录', '附件3 保密室试卷出入库记录表', 'the vault log (附件3)'],
  ['distributions', 4, '分发登记', '附件4 试卷分发登记表', 'the distribution register (附件4)'],
  ['duty', 5, '值班记录', '附件5 保密室值班记录', 'the duty log (附件5)'],
];

describe('required-field: a form the workbook lacks', () => {
  test.each(FORMS)('%s left out: named in both languages, with advice for every face', (key, form, sheet, zh, en) => {
    const without = (d: SiteData) => void delete d[key];
    expect(required(without, 'zh')).toEqual([['form', 'error', form, sheet, 'A1', `工作簿里没有填写“${zh}”。${ZH_ADVICE}`]]);
    expect(required(without, 'en')).toEqual([['form', 'error', form, sheet, 'A1', `This workbook has nothing filled in on ${en}. ${EN_ADVICE}`]]);
  });

  test('a form with no rows: the English sentence does not begin with the form’s lower-case name', () => {
    expect(required((d) => void (d.duty!.shifts = []), 'en')).toEqual([
      ['table', 'error', 5, '值班记录', 'A2', 'No row of the duty log (附件5) is filled in. Enter its records row by row.'],
    ]);
  });
});
