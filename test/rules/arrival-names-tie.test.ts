/**
 * arrival-too-early reads the papers an item names by name only as item-papers.ts namesIn reads them (its index of the
 * schedule's names by their first characters), longest first, each taken out of the text before the next is looked
 * for. Of two names of one length that an item writes overlapping (“语文、数学” and “数学、英语” in “语文、数学、英语”),
 * one is read and the other is not there any more: which one is the order of item-papers.ts (`longerFirst`: ties by the
 * name, “数学、英语” before “语文、数学”), whatever order 考试安排 lists them in. (The rule sorted by length alone,
 * so the schedule's order chose: listed 语文、数学 first, it read 语文、数学 — its session the next day, no finding.)
 */
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { namesIn, paperNamesOf } from '../../src/model/item-papers';
import { base, modelOf } from './tester';

const 语文数学 = { paperNo: '4101', paperName: '语文、数学', start: '2024-06-15T14:00', end: '2024-06-15T15:30', candidates: 10 };
const 数学英语 = { paperNo: '4102', paperName: '数学、英语', start: '2024-06-19T08:30', end: '2024-06-19T10:00', candidates: 10 };

/** 岳麓考点 receiving 6月14日 09:30 one item of 6 bags that names its papers “语文、数学、英语”, the two listed in `order`. */
function tied(order: 'yuwen first' | 'shuxue first'): SiteData {
  const d = base('kaodian');
  d.schedule!.push(...(order === 'yuwen first' ? [语文数学, 数学英语] : [数学英语, 语文数学]));
  d.handovers![0].items = [{ destination: '岳麓考点', quantity: 6, unit: '袋', note: '语文、数学、英语' }];
  return d;
}

const arrival = (d: SiteData) =>
  validateSite(modelOf(d))
    .filter((f) => f.rule === 'arrival-too-early')
    .map((f) => [f.rule, f.severity, f.form, f.sheet, f.cell, f.row, f.message]);

describe('two names of one length written overlapping', () => {
  it('namesIn reads the one first by name, whatever order the schedule gives', () => {
    for (const order of ['yuwen first', 'shuxue first'] as const) {
      expect(namesIn('岳麓考点 语文、数学、英语', paperNamesOf(tied(order).schedule))).toEqual(['数学、英语']);
    }
  });

  it.each(['yuwen first', 'shuxue first'] as const)('arrival-too-early judges the item by 数学、英语 (4102, 6月19日) — schedule %s', (order) => {
    expect(arrival(tied(order))).toEqual([
      [
        'arrival-too-early',
        'error',
        1,
        '交接单',
        'C3',
        null,
        '试卷 6月14日 09:30 交接到岳麓考点，比最早一场考试（6月19日 08:30）早了 4天23小时。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期。',
      ],
    ]);
  });

  it('a name standing alone is read as before: 语文、数学 (4101, the next day) gives no finding', () => {
    const d = tied('yuwen first');
    d.handovers![0].items![0].note = '语文、数学';
    expect(arrival(d)).toEqual([]);
  });
});
