/**
 * Whole workbooks through real .xlsx files: the clean 考点 and 分校 fixtures
 * give no finding; each planted defect gives its own finding and no other;
 * and a workbook retyped as people do (sheets renamed, values pasted at an
 * offset, dates typed as Chinese text, full-width digits) gives the same.
 */
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook, SiteModel } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { Intake, SiteData } from '../../src/model/types';
import { validateAcross, validateSite } from '../../src/rules/engine';
import { retyped } from '../helpers';
import { base, Base } from './tester';

async function modelFromXlsx(buffer: Buffer): Promise<SiteModel> {
  return readWorkbook(await gridFromXlsxBuffer(buffer));
}

const key = (f: Finding) => `${f.rule}|form ${f.form}|row ${f.row}`;

interface Planted {
  name: string;
  base: Base;
  edit: (d: SiteData) => void;
  /** rule, form, row of each finding expected. */
  expect: Array<[string, number | null, number | null]>;
}

const PLANTED: Planted[] = [
  { name: 'handover date left empty', base: 'kaodian', edit: (d) => void delete d.handovers![0].time, expect: [['required-field', 1, null]] },
  { name: 'checkout time unreadable', base: 'kaodian', edit: (d) => (d.vaultLog![1].takenAt = '上午'), expect: [['invalid-datetime', 3, 2]] },
  { name: 'bag count in words that are no number', base: 'fenxiao', edit: (d) => (d.vaultLog![3].quantity = '若干袋'), expect: [['invalid-count', 3, 4]] },
  { name: 'shift without 接班人', base: 'fenxiao', edit: (d) => void delete d.duty!.shifts![1].takenOverBy, expect: [['required-field', 5, 2]] },
  {
    name: 'a stub vault row',
    base: 'kaodian',
    edit: (d) => d.vaultLog!.push({ paperNo: '3310', paperName: '中国现代文学', quantity: 1 }),
    expect: [['partial-row', 3, 4]],
  },
  { name: 'intake row total wrong', base: 'fenxiao', edit: (d) => ((d.intake as Intake).items![0].totalBags = 6), expect: [['row-total', 2, 1]] },
  { name: 'handover 合计 wrong', base: 'fenxiao', edit: (d) => (d.handovers![2].total = 4), expect: [['column-total', 1, null]] },
  { name: 'one receiving signer', base: 'kaodian', edit: (d) => (d.handovers![0].toSigners = ['李强']), expect: [['two-signers', 1, null]] },
  { name: 'taker is the keeper', base: 'fenxiao', edit: (d) => (d.vaultLog![1].taker = '周建'), expect: [['same-person', 3, 2]] },
  { name: 'return before checkout', base: 'kaodian', edit: (d) => (d.vaultLog![0].returnedAt = '2024-06-15T07:30'), expect: [['time-order', 3, 1]] },
  { name: 'arrived four days early', base: 'kaodian', edit: (d) => (d.handovers![0].time = '2024-06-11T09:30'), expect: [['arrival-too-early', 1, null]] },
  {
    name: 'intake before receipt',
    base: 'fenxiao',
    edit: (d) => ((d.intake as Intake).time = '2024-06-13T09:00'),
    expect: [['intake-before-receipt', 2, null]],
  },
  {
    name: 'intake short of what was received',
    base: 'kaodian',
    edit: (d) => {
      d.handovers![0].items![0].quantity = 4;
      d.handovers![0].total = 7;
    },
    expect: [['inventory-mismatch', 2, null]],
  },
  {
    name: 'mistyped paper in a room handout',
    base: 'kaodian',
    edit: (d) => (d.distributions![1].rows![0].paperNo = '2405'),
    expect: [['unknown-paper', 4, 1]],
  },
  { name: 'paper named differently', base: 'fenxiao', edit: (d) => (d.vaultLog![4].paperName = '管理学概论'), expect: [['paper-name-mismatch', 3, 5]] },
  { name: 'more bags out than in', base: 'kaodian', edit: (d) => (d.vaultLog![1].quantity = 2), expect: [['overdraw', 3, 2]] },
  { name: 'checkout before intake', base: 'fenxiao', edit: (d) => (d.vaultLog![0].takenAt = '2024-06-13T10:30'), expect: [['checkout-before-intake', 3, 1]] },
  { name: 'checkout two hours early', base: 'kaodian', edit: (d) => (d.vaultLog![2].takenAt = '2024-06-16T06:20'), expect: [['checkout-window', 3, 3]] },
  {
    name: 'never returned',
    base: 'kaodian',
    edit: (d) => {
      const r = d.vaultLog![1];
      delete r.returner;
      delete r.returnedAt;
      delete r.receivedBy;
    },
    expect: [['not-returned', 3, 2]],
  },
  {
    name: 'room handout before checkout',
    base: 'kaodian',
    edit: (d) => (d.distributions![0].rows![1].issuedAt = '2024-06-15T07:40'),
    expect: [['distribution-outside-custody', 4, 2]],
  },
  { name: 'too few copies', base: 'fenxiao', edit: (d) => (d.schedule![2].candidates = 23), expect: [['copies-short', 2, 3]] },
  { name: 'a gap in the duty log', base: 'fenxiao', edit: (d) => (d.duty!.shifts![1].to = '2024-06-14T07:00'), expect: [['duty-gap', 5, 3]] },
  { name: 'broken duty chain', base: 'fenxiao', edit: (d) => (d.duty!.shifts![2].handedOverBy = '刘红'), expect: [['duty-chain', 5, 3]] },
  { name: 'keeper not on roster', base: 'fenxiao', edit: (d) => (d.vaultLog![0].issuedBy = '周健'), expect: [['staff-not-on-roster', 3, 1]] },
  {
    name: 'receiver without pledge (once, at the roster row)',
    base: 'kaodian',
    edit: (d) => (d.staff![2].pledgeSigned = false),
    expect: [['staff-ineligible', 0, 3]],
  },
  { name: 'a proctor takes papers', base: 'kaodian', edit: (d) => (d.vaultLog![2].taker = '周涛'), expect: [['proctor-takes-papers', 3, 3]] },
];

describe('whole workbooks (.xlsx)', () => {
  test.each(['kaodian', 'fenxiao'] as Base[])('clean %s workbook: no finding, also retyped', async (name) => {
    const buffer = await fillWorkbook(base(name));
    expect(validateSite(await modelFromXlsx(buffer)).map(key)).toEqual([]);
    expect(validateSite(await modelFromXlsx(await retyped(buffer))).map(key)).toEqual([]);
  });

  test('the 考点 and 分校 workbooks checked together agree', async () => {
    const sites = [
      { id: 'k', model: await modelFromXlsx(await fillWorkbook(base('kaodian'))) },
      { id: 'f', model: await modelFromXlsx(await fillWorkbook(base('fenxiao'))) },
    ];
    expect([...validateAcross(sites).values()].flat()).toEqual([]);
  });

  test.each(PLANTED.map((p) => [p.name, p] as const))('planted: %s → its finding and no other, also retyped', async (_n, p) => {
    const data = base(p.base);
    p.edit(data);
    const buffer = await fillWorkbook(data);
    const model = await modelFromXlsx(buffer);
    const found = validateSite(model);
    expect(found.map(key)).toEqual(p.expect.map(([r, f, row]) => `${r}|form ${f}|row ${row}`));
    const model2 = await modelFromXlsx(await retyped(buffer));
    const again = validateSite(model2);
    expect(again.map(key)).toEqual(found.map(key));
    // The same messages, but for sheet names and cell addresses.
    const back = (f: Finding) => model2.sheets.reduce((t, s, i) => t.split(s.sheet).join(model.sheets[i].sheet), f.message).replace(/[A-Z]+\d+/g, '');
    expect(again.map(back)).toEqual(found.map((f) => f.message.replace(/[A-Z]+\d+/g, '')));
  });

  test('the planted table covers every single-workbook rule', () => {
    const rules = new Set(PLANTED.flatMap((p) => p.expect.map((e) => e[0])));
    expect(rules.size).toBe(25);
  });
});
