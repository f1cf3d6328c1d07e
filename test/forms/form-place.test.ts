/**
 * namedAsItsForm: a finding on a sheet named as its form's blank sheet (出入库记录, 值班记录2, 基本信息) is said with the
 * sheet as it is, without reading the workbook's forms again to name one (the marked copy of a 50,000-row 出入库记录
 * read its whole grid again for it); any other sheet (Sheet1, a sheet of another form's name) may hold several forms.
 */
import { namedAsItsForm } from '../../src/forms/form-place';

test.each([
  ['出入库记录', 3, true],
  ['值班记录2', 5, true],
  ['分发登记1', 4, true],
  ['基本信息', 0, true],
  ['考试安排', 0, true],
  ['交接单', 1, true],
  ['Sheet1', 3, false],
  ['出入库记录', 2, false],
  ['入库清单', 3, false],
  ['保密室记录', 5, false],
] as const)('%s, form %d: %s', (sheet, form, named) => {
  expect(namedAsItsForm({ sheet, form })).toBe(named);
});

test('a finding with no sheet or no form is not one of them', () => {
  expect([namedAsItsForm({ sheet: null, form: 3 }), namedAsItsForm({ sheet: '出入库记录', form: null })]).toEqual([false, false]);
});
