/**
 * English names a table row by its printed 序号 as the lists do (“No. 4”, several “Nos. 1–2”), never “row 4”, which
 * reads as the sheet's row 4 — the vault log's, the roster's, a second copy's rows mid-sentence (fix-words21; review
 * 20a D4 made a row's own words “Row No. 3:”). Each case: the whole finding in both languages, naming the same 序号.
 */
import { type Finding, seqsEn } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, type Base, modelOf } from './tester';

const tuple = (f: Finding) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message];

function both(from: Base, edit: (d: SiteData) => void): { zh: unknown[][]; en: unknown[][] } {
  const data = base(from);
  edit(data);
  const model = modelOf(data);
  return { zh: validateSite(model).map(tuple), en: validateSite(model, { lang: 'en' }).map(tuple) };
}

/** 1001 out at 07:45 and back at 07:55, then out again at 08:00 (as catalogue.test.ts's outBackOutAgain). */
function outBackOutAgain(d: SiteData): void {
  const first = d.vaultLog![0];
  d.vaultLog!.splice(1, 0, { ...first, takenAt: '2024-06-15T08:00' });
  first.returnedAt = '2024-06-15T07:55';
}

const vault = (rule: string, id: string, cell: string, row: number) => [rule, id, 'error', 3, '出入库记录', cell, row];
const register = (id: string, sheet: string, cell: string, row: number) => ['distribution-outside-custody', id, 'error', 4, sheet, cell, row];

describe('a vault log row named mid-sentence: its 序号, “No. 1” / “Nos. 1–2”, as 第 1 行 / 第 1–2 行 says it', () => {
  test('distribution-outside-custody, a handout while the paper was back in the vault (between)', () => {
    expect(
      both('kaodian', (d) => {
        outBackOutAgain(d);
        d.distributions![0].rows![0].issuedAt = '2024-06-15T07:58';
      }),
    ).toEqual({
      zh: [
        [
          ...register('between', '分发登记1', 'F6', 1),
          '试卷 1001 在 6月15日 07:58 发给第 01 考场，但那时它已还回保密室（出入库记录第 1 行，6月15日 07:55 还回），6月15日 08:00 才再次出库。试卷须在出库期间分发，请核对领取时间或出入库时间。',
        ],
      ],
      en: [
        [
          ...register('between', '分发登记1', 'F6', 1),
          'Paper 1001 was handed to room 01 at Jun 15 07:58, but it was back in the vault then (vault log No. 1, returned at Jun 15 07:55) and left again only at Jun 15 08:00. Check the handout or vault times.',
        ],
      ],
    });
  });

  test('distribution-outside-custody, handed out before it left the vault (before)', () => {
    expect(both('kaodian', (d) => void (d.distributions![1].rows![0].issuedAt = '2024-06-15T09:40'))).toEqual({
      zh: [
        [
          ...register('before', '分发登记2', 'F6', 1),
          '试卷 2045 在 6月15日 09:40 发给第 01 考场，但它 6月15日 09:45 才从保密室出库（出入库记录第 2 行）。试卷须先出库、后分发，请核对领取时间或取卷时间。',
        ],
      ],
      en: [
        [
          ...register('before', '分发登记2', 'F6', 1),
          'Paper 2045 was handed to room 01 at Jun 15 09:40, but left the vault only at Jun 15 09:45 (vault log No. 2). Papers leave the vault before they are handed out: check the handout or checkout time.',
        ],
      ],
    });
  });

  test('distribution-outside-custody, collected after it went back (after)', () => {
    expect(both('kaodian', (d) => void (d.distributions![0].rows![1].returnedAt = '2024-06-15T10:25'))).toEqual({
      zh: [
        [
          ...register('after', '分发登记1', 'H7', 2),
          '试卷 1001 在 6月15日 10:25 才从第 02 考场回收，但出入库记录第 1 行写它 6月15日 10:20 已还回保密室。须先回收、后入库，请核对回收时间或还卷时间。',
        ],
      ],
      en: [
        [
          ...register('after', '分发登记1', 'H7', 2),
          'Paper 1001 was collected from room 02 at Jun 15 10:25, but vault log No. 1 has it back in the vault at Jun 15 10:20. Papers are collected before they go back: check the collection or return time.',
        ],
      ],
    });
  });

  test('proctor-takes-papers, two rows taken at once: “Nos. 1–2”', () => {
    expect(
      both('fenxiao', (d) => {
        d.vaultLog![0].taker = '李强（监考）';
        d.vaultLog![1].taker = '李强（监考）';
      }),
    ).toEqual({
      zh: [
        [
          ...vault('proctor-takes-papers', 'proctorWritten', 'E4', 1),
          '取卷人写的是“李强（监考）”：是监考人员，却在本单位保密室领取了 2 个试卷（第 1–2 行：1001、2045）。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
        ],
      ],
      en: [
        [
          ...vault('proctor-takes-papers', 'proctorWritten', 'E4', 1),
          'The taker is written "李强（监考）", a proctor, who took 2 papers from this vault (Nos. 1–2: 1001, 2045). Proctors may not take papers from the vault; exam-affairs staff do. Check the taker.',
        ],
      ],
    });
  });

  test('proctor-takes-papers, one row: “No. 1”, never “rows 1”', () => {
    expect(both('fenxiao', (d) => void (d.vaultLog![0].taker = '李强（监考）'))).toEqual({
      zh: [
        [
          ...vault('proctor-takes-papers', 'proctorWritten', 'E4', 1),
          '取卷人写的是“李强（监考）”：是监考人员，却在本单位保密室领取了 1 个试卷（第 1 行：1001）。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
        ],
      ],
      en: [
        [
          ...vault('proctor-takes-papers', 'proctorWritten', 'E4', 1),
          'The taker is written "李强（监考）", a proctor, who took 1 paper from this vault (No. 1: 1001). Proctors may not take papers from the vault; exam-affairs staff do. Check the taker.',
        ],
      ],
    });
  });
});

test('keeper-not-custodian names the roster’s row by its 序号: “(No. 2)” as “（序号 2）”', () => {
  expect(both('kaodian', (d) => void (d.vaultLog![1].issuedBy = '李强'))).toEqual({
    zh: [
      [
        ...vault('keeper-not-custodian', 'keeper', 'G5', 2),
        '“李强”在“卷库保管员出库签字”签字，但在涉卷人员名单上（序号 2）是考务人员、交接人员，不是卷库保管员或值班人员。保密室出入库须与卷库保管员（值班人员）交接，请由保管员签字，或在名单上补记此人的职责。',
      ],
    ],
    en: [
      [
        ...vault('keeper-not-custodian', 'keeper', 'G5', 2),
        '"李强" signs "卷库保管员出库签字" but is 考务人员, 交接人员 on the staff roster (No. 2), neither a vault keeper (卷库保管员) nor a duty officer (值班人员). Papers leave and enter the vault through the keeper; have the keeper sign, or add the role on the roster.',
      ],
    ],
  });
});

test('seqsEn: one 序号 “No.”, several or a run “Nos.”', () => {
  expect([seqsEn([4]), seqsEn(['4']), seqsEn([4, 5]), seqsEn(['5–7']), seqsEn(['1', '3', '…'])]).toEqual([
    'No. 4',
    'No. 4',
    'Nos. 4, 5',
    'Nos. 5–7',
    'Nos. 1, 3, …',
  ]);
});
