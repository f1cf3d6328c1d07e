/**
 * The labels the rules quote (src/model/labels.ts) are the ones the forms
 * print: every field and column of every layout, and nothing else; and each
 * form key names the form, attachment and template sheet the layouts declare.
 */
import { FORMS } from '../../src/forms/index';
import { isAlternative, layoutFields } from '../../src/forms/layout';
import { FORM_OF_KEY, PRINTED_LABELS, cleanLabel, labelOf } from '../../src/model/labels';

describe('printed labels', () => {
  it('are the layouts’ own labels, field by field', () => {
    const fromLayouts: Record<string, string> = {};
    for (const { key, layout } of FORMS) {
      for (const f of layoutFields(layout)) fromLayouts[`${key}.${f.key}`] = cleanLabel(f.label);
      // 附件5's shifts are named as its columns were (值班时间, 班次), now printed as blocks.
      for (const table of [layout.table, layout.formerTable])
        // A column read only in place of printed ones (考试安排's 考试日期 · 考试时间) is not printed: its findings name it themselves.
        for (const c of table?.columns ?? []) if (!isAlternative(c)) fromLayouts[`${key}.${table!.key}.${c.key}`] = cleanLabel(c.label);
    }
    expect(PRINTED_LABELS).toEqual(fromLayouts);
  });

  it('each form key names the layout’s form, attachment and template sheet', () => {
    const fromLayouts = Object.fromEntries(FORMS.map((f) => [f.key, { form: f.layout.id, attachment: f.layout.attachment, sheetName: f.templateName }]));
    expect(FORM_OF_KEY).toEqual(fromLayouts);
  });

  it('a model path is named by its printed label', () => {
    expect(labelOf('vaultLog[3].takenAt')).toBe('取卷时间');
    expect(labelOf('handovers[0].items[2].quantity')).toBe('数量');
    expect(labelOf('intake.totals.bags31')).toBe('合计行的31份装（袋）');
    expect(labelOf('intake.totals.totalBags')).toBe('合计行的合计（袋）');
    expect(labelOf('distributions[1].start')).toBe('日期');
    expect(labelOf('staff[0].pledgeSigned')).toBe('保密承诺书');
    expect(labelOf('nowhere.field')).toBe('field');
  });

  it('drops a unit in brackets and the colon', () => {
    expect(cleanLabel('数量（袋）：')).toBe('数量');
    expect(cleanLabel('合计(袋)')).toBe('合计');
  });
});
