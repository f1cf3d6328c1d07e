/**
 * required-field's words for a form the workbook lacks (review 8, D3 and D4): in English a plain sentence naming
 * the form in English with the Chinese name on its sheet; in both languages advice for every face (the pane's,
 * the page's 表单 tab, and the CLI), not a CLI command alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SiteData } from '../../src/model/types';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { base, gridFromDrafts, modelOf } from './tester';

const blankZh = (zh: string, sheet: string) => `“${zh}”还是空白的：工作表“${sheet}”上这张表一项也没有填写。本单位须签写此表，请填写。`;
const blankEn = (en: string, sheet: string) =>
  `Nothing is filled in on ${en} (sheet "${sheet}"): it is still blank. This unit must keep this form: fill it in.`;
const ZH_ADVICE = '本单位须签写此表，请补上：可从“表单”页插入或下载空白表，或用 custody template 生成。';
const EN_ADVICE = 'This unit must keep this form: add it. A blank one can be inserted or downloaded from the Forms (表单) tab, or made with custody template.';

/** The required-field findings of the 考点 sample with `edit` made (and the sheet `drop` taken out), as tuples. */
function required(edit: (d: SiteData) => void, lang: 'zh' | 'en', drop?: string) {
  const d = base('kaodian');
  edit(d);
  const model = drop === undefined ? modelOf(d) : readWorkbook(gridFromDrafts(draftWorkbook(d).filter((s) => s.name !== drop)));
  return validateSite(model, { lang })
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
  test.each(FORMS)('%s’s sheet taken out: named in both languages, with advice for every face', (key, form, sheet, zh, en) => {
    const without = (d: SiteData) => void delete d[key];
    expect(required(without, 'zh', sheet)).toEqual([['form', 'error', form, null, null, `工作簿里没有填写“${zh}”。${ZH_ADVICE}`]]);
    expect(required(without, 'en', sheet)).toEqual([['form', 'error', form, null, null, `This workbook has nothing filled in on ${en}. ${EN_ADVICE}`]]);
  });

  test.each(FORMS)('%s’s sheet there but left blank: asked to be filled in on its sheet, not added (review 13b D5)', (key, form, sheet, zh, en) => {
    const without = (d: SiteData) => void delete d[key];
    expect(required(without, 'zh')).toEqual([['formBlank', 'error', form, sheet, 'A1', blankZh(zh, sheet)]]);
    expect(required(without, 'en')).toEqual([['formBlank', 'error', form, sheet, 'A1', blankEn(en, sheet)]]);
  });

  test('the blank workbook custody template writes: each form asked to be filled in on its sheet, not added (review 13b D5); no level’s reasons', () => {
    const blank = (lang: 'zh' | 'en') =>
      validateSite(readWorkbook(gridFromDrafts(draftWorkbook())), { lang })
        .filter((f) => f.rule === 'required-field')
        .map((f) => [messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.message]);
    // With 单位级别 blank a unit is taken for a 分校 (no 附件4 asked), as everywhere else.
    const asked = FORMS.filter(([key]) => key !== 'distributions');
    expect(blank('zh')).toEqual(
      asked.map(([, form, sheet, zh]) => [
        'formBlank',
        'error',
        form,
        sheet,
        'A1',
        `“${zh}”还是空白的：工作表“${sheet}”上这张表一项也没有填写。本单位须签写此表，请填写。`,
      ]),
    );
    expect(blank('en')).toEqual(
      asked.map(([, form, sheet, , en]) => [
        'formBlank',
        'error',
        form,
        sheet,
        'A1',
        `Nothing is filled in on ${en} (sheet "${sheet}"): it is still blank. This unit must keep this form: fill it in.`,
      ]),
    );
  });

  test('a form with no rows: the English sentence does not begin with the form’s lower-case name', () => {
    expect(required((d) => void (d.duty!.shifts = []), 'en')).toEqual([
      ['table', 'error', 5, '值班记录', 'A2', 'No row of the duty log (附件5) is filled in. Enter its records row by row.'],
    ]);
  });
});

/**
 * A 考点 with none of its vault's forms (review 10a O1, s-huarong-novault-kaodian: papers kept at the 分校, fetched
 * for each session): one finding, at 基本信息's 考点, saying why a 考点 keeps them, not three asking for a form each.
 */
describe('required-field: a 考点 with none of 附件2, 附件3, 附件5', () => {
  const ZH_NO_VAULT =
    '本考点的工作簿里附件2 纸质试卷入库清单、附件3 保密室试卷出入库记录表、附件5 保密室值班记录一张也没有填写，看不出试卷在本考点保密室的入库、出入库和值班。《湖南开放大学试卷安全保密管理专项整治实施方案》（三）要求各分校（学院）和考点建立试卷保密室；（四）要求考点接收试卷后及时入库清点并签写附件2，考试当天考务人员与考点卷库保管员（值班人员）在保密室内履行出入库交接并签写附件3，试卷入库至出库期间保密室值班人员签写附件5。请补上这三张表：可从“表单”页插入或下载空白表，或用 custody template 生成。';
  const EN_NO_VAULT =
    'This exam site’s workbook has none of the intake list (附件2), the vault log (附件3) and the duty log (附件5) filled in: nothing shows the papers taken into, out of and guarded in the site’s vault. The programme’s (三) has every 分校 and exam site keep a paper vault (试卷保密室); its (四) has an exam site count the papers in on arrival and sign 附件2, its staff and vault keeper sign each exam-day checkout and return in the vault on 附件3, and the vault’s duty staff sign 附件5 from intake to the last checkout. Add the three forms: blank ones can be inserted or downloaded from the Forms (表单) tab, or made with custody template.';
  const novault = () => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review10a', 's-huarong-novault-kaodian.json'), 'utf8')) as SiteData;
  const all = (d: SiteData, lang: 'zh' | 'en') =>
    validateSite(modelOf(d), { lang }).map((f) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message]);

  test('review10a s-huarong-novault-kaodian: one finding at 基本信息 B5 (the 考点), in both languages, nothing else', () => {
    expect(all(novault(), 'zh')).toEqual([['required-field', 'noVault', 'error', 0, '基本信息', 'B5', null, ZH_NO_VAULT]]);
    expect(all(novault(), 'en')).toEqual([['required-field', 'noVault', 'error', 0, '基本信息', 'B5', null, EN_NO_VAULT]]);
  });

  test('two of the three missing (附件3 kept): each asked for, as before', () => {
    const without = (d: SiteData) => void (delete d.intake, delete d.duty);
    expect(required(without, 'zh')).toEqual([
      ['formBlank', 'error', 2, '入库清单', 'A1', blankZh('附件2 纸质试卷入库清单', '入库清单')],
      ['formBlank', 'error', 5, '值班记录', 'A1', blankZh('附件5 保密室值班记录', '值班记录')],
    ]);
  });

  /**
   * A 分校 with none of the three (review 11 D7, r4-fenxiao-novault): one finding at 基本信息's 分校 with a 分校's
   * reasons — （三） its vault; （四） 附件2 on arrival, 附件3 when it hands the papers down, 附件5 — not three bare lines.
   */
  const ZH_NO_VAULT_BRANCH =
    '本分校的工作簿里附件2 纸质试卷入库清单、附件3 保密室试卷出入库记录表、附件5 保密室值班记录一张也没有填写，看不出试卷在本分校保密室的入库、下发考点的出库和值班。《湖南开放大学试卷安全保密管理专项整治实施方案》（三）要求各分校（学院）和考点建立试卷保密室；（四）要求分校（学院）接收试卷后及时入库清点并签写附件2，在考前下发试卷给考点时，考点考务人员与分校（学院）卷库保管员（值班人员）在保密室内履行出入库交接并签写附件3，试卷入库至出库期间各级保密室值班人员签写附件5。请补上这三张表：可从“表单”页插入或下载空白表，或用 custody template 生成。';
  const EN_NO_VAULT_BRANCH =
    'This branch school’s workbook has none of the intake list (附件2), the vault log (附件3) and the duty log (附件5) filled in: nothing shows the papers taken into the branch’s vault, handed out of it to its exam sites and guarded there. The programme’s (三) has every 分校 and exam site keep a paper vault (试卷保密室); its (四) has a 分校 count the papers in on arrival and sign 附件2, its vault keeper and each exam site’s staff sign 附件3 in the vault when the papers are handed down before the exam, and every level’s vault duty staff sign 附件5 from intake to the last checkout. Add the three forms: blank ones can be inserted or downloaded from the Forms (表单) tab, or made with custody template.';
  const branchWithout = () => {
    const d = base('fenxiao');
    delete d.intake;
    delete d.vaultLog;
    delete d.duty;
    return d;
  };

  test('a 分校 with none of the three: one finding at 基本信息 B4 (the 分校) with a 分校’s reasons, zh and en, nothing else', () => {
    expect(all(branchWithout(), 'zh')).toEqual([['required-field', 'noVaultBranch', 'error', 0, '基本信息', 'B4', null, ZH_NO_VAULT_BRANCH]]);
    expect(all(branchWithout(), 'en')).toEqual([['required-field', 'noVaultBranch', 'error', 0, '基本信息', 'B4', null, EN_NO_VAULT_BRANCH]]);
  });

  test('a 分校 with 附件3 kept: the two others asked for each, as before', () => {
    const d = branchWithout();
    d.vaultLog = base('fenxiao').vaultLog;
    expect(
      validateSite(modelOf(d))
        .filter((f) => f.rule === 'required-field')
        .map((f) => [messageIdOf(f), f.form, f.sheet, f.cell]),
    ).toEqual([
      ['formBlank', 2, '入库清单', 'A1'],
      ['formBlank', 5, '值班记录', 'A1'],
    ]);
  });
});

describe('required-field: a field emptied, or its label not found (review 17b D10)', () => {
  /** The 考点 sample's grid with 交接单's 日期 value cell emptied, and with its label too when `label`. */
  function handoverDate(label: boolean) {
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    const sheet = grid.sheets.find((s) => s.name === '交接单')!;
    const row = sheet.rows.findIndex((cells) => cells?.some((v) => typeof v === 'string' && v.replace(/\s/g, '') === '日期：'));
    const col = sheet.rows[row].findIndex((v) => typeof v === 'string' && v.replace(/\s/g, '') === '日期：');
    const value = sheet.rows[row].findIndex((v, c) => c > col && v instanceof Date);
    sheet.rows[row][value] = null;
    if (label) sheet.rows[row][col] = null;
    return validateSite(readWorkbook(grid))
      .filter((f) => f.rule === 'required-field')
      .map((f) => [messageIdOf(f), f.sheet, f.cell, f.message]);
  }

  test('the value emptied, its label there: at the value’s cell, “没有填写”', () => {
    expect(handoverDate(false)).toEqual([['field', '交接单', 'C3', '“日期”没有填写。这是附件1 纸质试卷交接单必填的一项，请补填后再提交。']]);
  });

  test('the label gone too: at the form’s title, saying the label is not found and how to put it back', () => {
    expect(handoverDate(true)).toEqual([
      [
        'noLabel',
        '交接单',
        'A2',
        '表上找不到“日期”这一项，所以它也没有填写。这是附件1 纸质试卷交接单必填的一项：请按空白表在表上写出“日期：”并填写（已有这一项、只是写法不同的，把它改成“日期：”）。',
      ],
    ]);
  });
});
