/**
 * overdraw with a vault log kept in 份 (the log prints 数量（袋/份）, review 23 D2): loose copies out at once against
 * the copies the intake lists' bags hold, when the lists give each size; what cannot be known is not judged.
 * The 考点's 3310: two 11-copy bags (22 copies) taken in at 6月14日 10:10, taken out on its row 3 at 6月16日 07:50.
 */
import type { Intake, SiteData } from '../../src/model/types';
import { base, findingsFor } from './tester';

const overdraws = (edit: (d: SiteData) => void) =>
  findingsFor({ name: '', edit })
    .filter((f) => f.rule === 'overdraw')
    .map((f) => `${f.sheet}!${f.cell} row ${f.row}: ${f.message}`);

const out3310 = (d: SiteData, quantity: number, unit = '份') => Object.assign(d.vaultLog![2], { quantity, unit });
const list = (d: SiteData) => d.intake as Intake;

describe('overdraw in 份', () => {
  it('a list giving only 3310’s 合计（袋）: its copies unknown, 23 份 not judged', () => {
    expect(
      overdraws((d) => {
        out3310(d, 23);
        Object.assign(list(d).items![2], { bags11: undefined });
      }),
    ).toEqual([]);
  });

  it('no size written on 3310’s row, nor its 合计（袋）: no copies known, 23 份 not judged', () => {
    expect(
      overdraws((d) => {
        out3310(d, 23);
        Object.assign(list(d).items![2], { bags31: undefined, bags26: undefined, bags11: undefined, bags5: undefined, totalBags: undefined });
      }),
    ).toEqual([]);
  });

  it('a size that is no whole number (1.5): its copies unknown, not judged', () => {
    expect(
      overdraws((d) => {
        out3310(d, 23);
        Object.assign(list(d).items![2], { bags11: 1.5 });
      }),
    ).toEqual([]);
  });

  it('a second 3310 row in 份 while the first is out: over at the second, the copies out at once summed', () => {
    const found = overdraws((d) => {
      out3310(d, 12);
      d.vaultLog!.push({ ...d.vaultLog![2], quantity: 11, takenAt: '2024-06-16T07:55' });
    });
    expect(found).toEqual([
      '出入库记录!D7 row 4: 试卷 3310 在 6月16日 07:55 出库 11 份后，同时在库外的共 23 份，但到这时入库清单上这份试卷只有 22 份（2 袋，按 31、26、11、5 份装袋数算）。出库份数不能多于已入库的份数，请核对数量、单位（袋/份）或入库清单。',
    ]);
  });

  it('copies returned before the next checkout: never more out at once than in', () => {
    expect(
      overdraws((d) => {
        out3310(d, 20);
        d.vaultLog!.push({ ...d.vaultLog![2], quantity: 20, takenAt: '2024-06-16T10:30', returnedAt: '2024-06-16T12:00' });
      }),
    ).toEqual([]);
  });

  it('a paper over in 袋 is said once, in 袋, not again for its rows in 份', () => {
    const found = overdraws((d) => {
      out3310(d, 3, '袋');
      d.vaultLog!.push({ ...d.vaultLog![2], quantity: 30, unit: '份', takenAt: '2024-06-16T08:00' });
    });
    expect(found).toEqual([
      '出入库记录!D6 row 3: 试卷 3310 在 6月16日 07:50 出库 3 袋后，同时在库外的共 3 袋，但到这时入库清单上这份试卷只有 2 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
    ]);
  });

  it('the same kaodian without a change has no overdraw', () => {
    expect(base('kaodian').vaultLog![2].unit).toBe('袋');
    expect(overdraws(() => undefined)).toEqual([]);
  });
});
