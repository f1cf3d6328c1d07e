import { canonical, filledWorkbook, fixture, readBack } from '../helpers';
import type { Intake } from '../../src/model/types';

describe('fill → extract returns the data unchanged', () => {
  test.each([
    ['a 考点 workbook', 'kaodian.json'],
    ['a 分校 workbook (handovers in and out, dispatches, full duty log)', 'branch-roundtrip.json'],
  ])('%s', async (_name, file) => {
    const data = fixture(file);
    const model = await readBack(await filledWorkbook(data));
    expect(model.unreadRows ?? []).toEqual([]);
    expect(canonical(model.data)).toEqual(canonical(data));
  });

  test('every value read points at the cell it came from', async () => {
    const data = fixture('kaodian.json');
    const wb = await filledWorkbook(data);
    const model = await readBack(wb);
    const cases: Array<[string, unknown]> = [
      ['handovers[0].to', '岳麓考点'],
      ['vaultLog[1].taker', '赵敏'],
      ['intake.keeper', '陈静'],
      ['duty.shifts[3].takenOverBy', '陈静'],
      ['distributions[1].rows[0].room', '01'],
      ['schedule[2].paperNo', '3310'],
    ];
    for (const [path, expected] of cases) {
      const loc = model.locations[path];
      expect(loc).toBeDefined();
      expect(String(wb.getWorksheet(loc.sheet)!.getCell(loc.cell).value)).toBe(expected);
    }
    expect(model.locations['vaultLog[1]']).toMatchObject({ sheet: '出入库记录', form: 3, row: 2 });
    expect(model.locations['handovers[0].total']).toMatchObject({ form: 1, row: null });
  });

  test('a blank template reads as an empty model', async () => {
    const model = await readBack(await filledWorkbook({}));
    expect(model.data).toEqual({});
    expect(model.sheets.map((s) => s.form)).toEqual(['site', 'schedule', 'staff', 'handover', 'intake', 'vaultLog', 'distribution', 'duty']);
  });

  test('wrong values are written as given, for the validator to find', async () => {
    const data = fixture('kaodian.json');
    data.handovers![0].total = 99;
    data.handovers![0].toSigners = ['李强'];
    (data.intake as Intake).items![0].bags31 = '若干';
    data.vaultLog![0].takenAt = '6月15日早上';
    const model = await readBack(await filledWorkbook(data));
    expect(model.data.handovers![0].total).toBe(99);
    expect(model.data.handovers![0].toSigners).toEqual(['李强']);
    expect((model.data.intake as Intake).items![0].bags31).toBe('若干');
    expect(model.data.vaultLog![0].takenAt).toBe('6月15日早上');
  });

  test('many rows grow the table past its printed blank rows', async () => {
    const data = fixture('kaodian.json');
    const row = data.vaultLog![0];
    data.vaultLog = Array.from({ length: 250 }, (_, i) => ({ ...row, paperNo: String(5000 + i) }));
    const model = await readBack(await filledWorkbook(data));
    expect(model.data.vaultLog).toHaveLength(250);
    expect(model.data.vaultLog![249].paperNo).toBe('5249');
    expect(model.locations['vaultLog[249]'].row).toBe(250);
  });
});
