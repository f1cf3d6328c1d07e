/**
 * The outside review's hand-typed workbooks (test/fixtures/review/xlsx) whose dates and times are written
 * as people write them (D1, D4): a correct site gives no finding; an unreadable cell one finding, at that cell.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { messageIdOf, validateSite } from '../../src/rules/engine';

const modelOf = (name: string) =>
  readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review', 'xlsx', `${name}.xlsx`)))));
const findingsOf = (name: string): Finding[] => validateSite(modelOf(name));
const brief = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} row ${f.row}: ${f.message}`;

describe('dates and times as the review typed them', () => {
  test.each([
    // 值班时间：2025年1月6日16时至6日20时, each shift's line in one cell (the form pasted from Word).
    'f-handtyped-duty-one-cell',
    // Our template, shift 1's whole period typed into its start cell over the 至.
    'f-template-duty-one-cell',
    // 附件4 日期：1月11日上午.
    'f-handtyped-register-date-halfday',
    // 取卷时间 元月8日 18:10, 还卷时间 21:15.
    'f-handtyped-vault-yuanyue',
    // The same site with 附件5's start and end in their own cells (as before).
    'f-handtyped-kaodian',
  ])('%s: no finding', (name) => {
    expect(findingsOf(name).map(brief)).toEqual([]);
  });

  test.each(['f-handtyped-duty-one-cell', 'f-template-duty-one-cell'])(
    '%s: each shift read from its one cell, the end on its start’s day or the next',
    (name) => {
      const shifts = modelOf(name).data.duty!.shifts!.slice(0, 3);
      expect(shifts.map((s) => [s.from, s.to])).toEqual([
        ['2025-01-06T16:00', '2025-01-06T20:00'],
        ['2025-01-06T20:00', '2025-01-07T08:00'],
        ['2025-01-07T08:00', '2025-01-07T20:00'],
      ]);
    },
  );

  test('f-handtyped-time-variants: 16时整 reads; 18.10 and 21.15 are times written with a dot, one finding each, told to use a colon', () => {
    const found = findingsOf('f-handtyped-time-variants');
    expect(found.map((f) => [f.rule, messageIdOf(f), f.sheet, f.cell, f.row])).toEqual([
      ['invalid-datetime', 'dotTime', '出入库', 'E3', 1],
      ['invalid-datetime', 'dotTime', '出入库', 'H3', 1],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      '“取卷时间”写的是“1月8日18.10”，时和分之间用了小数点，读不出是几时几分。请改成“1月8日18:10”（时和分之间用冒号），或写成如“8时30分”。',
      '“还卷时间”写的是“21.15”，时和分之间用了小数点，读不出是几时几分。请改成“21:15”（时和分之间用冒号），或写成如“8时30分”。',
    ]);
  });
});
