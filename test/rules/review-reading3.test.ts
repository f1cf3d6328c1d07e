/**
 * Reading defects found by outside reviews (round 3): 晚12时 is midnight, not noon; a date with 晚 after it on a
 * field that asks for the date; boxes and bags in one count cell; two people joined by 和 in a cell one signs; a
 * roster writing a space for a name's middle dot; CUSTODY.SIGNERS reading a cell as the workbook reads it. Each
 * case drawn into a workbook, read back and validated (tester.ts): exactly the findings listed, nothing else.
 */
import { base, findingsFor, modelOf } from './tester';
import type { Finding } from '../../src/model/finding';
import type { Handover, SiteData } from '../../src/model/types';
import { signers } from '../../src/functions/custody';
import { personKey, signaturesIn } from '../../src/model/people';

const brief = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} row ${f.row}: ${f.message}`;
const findings = (edit: (d: SiteData) => void) => findingsFor({ name: '', edit }).map(brief);

/** 刘洋 (the roster's fifth row, on duty every other shift) renamed: the roster as `listed`, the four signatures as `signed`. */
const renameLiuYang = (listed: string, signed: readonly string[]) => (d: SiteData) => {
  d.staff![4].name = listed;
  const [a, b, c, e] = signed;
  Object.assign(d.duty!.shifts![0], { takenOverBy: a });
  Object.assign(d.duty!.shifts![1], { handedOverBy: b });
  Object.assign(d.duty!.shifts![2], { takenOverBy: c });
  Object.assign(d.duty!.shifts![3], { handedOverBy: e });
};

describe('晚12时 is midnight', () => {
  /** The night shift of 6月14日 ends at midnight as written, the next one takes over at 0:00. */
  const endsAtMidnight = (written: string) => (d: SiteData) => {
    d.duty!.shifts![1].to = written;
    d.duty!.shifts![2].from = '2024-06-15T00:00';
  };

  test.each(['晚12时', '晚上12点', '夜12时', '6月14日晚12时'])('a shift from 20:00 to “%s”: 6月15日 0:00, no finding', (written) => {
    const data = base('kaodian');
    endsAtMidnight(written)(data);
    expect(modelOf(data).data.duty!.shifts![1].to).toBe('2024-06-15T00:00');
    expect(findings(endsAtMidnight(written))).toEqual([]);
  });
});

describe('a date with the part of the day after it', () => {
  test.each(['6月15日晚', '6月15日晚上', '6月15日夜里'])('附件4 日期 “%s”: the date, no finding', (written) => {
    const edit = (d: SiteData) => {
      const r = d.distributions![0];
      r.start = written;
      r.end = '08:30—10:00';
      r.rows!.forEach((row) => Object.assign(row, { issuedAt: '8:05', returnedAt: '10:08' }));
    };
    const data = base('kaodian');
    edit(data);
    expect(modelOf(data).data.distributions![0].start).toBe('2024-06-15T08:30');
    expect(findings(edit)).toEqual([]);
  });

  test('a 值班时间 “6月14号晚” (a time asked for): unreadable, told to write the hour', () => {
    expect(
      findings((d) => {
        d.duty!.shifts![1].from = '6月14号晚';
        d.duty!.shifts![1].to = '次日8时';
      }),
    ).toEqual([
      'invalid-datetime 值班记录1!D7 row 2: “值班时间”写的是“6月14号晚”，只写了日期和“晚”，没有写几时几分。表上的时间须写到年、月、日、时、分，请写明几点几分，如“6月14号 20:30”。',
    ]);
  });
});

describe('boxes and bags in one count cell', () => {
  const handoverRow = (quantity: string, unit?: string) => (d: SiteData) => {
    const item = d.handovers![0].items![2] as { quantity?: unknown; unit?: string };
    item.quantity = quantity;
    if (unit) item.unit = unit;
    else delete item.unit;
  };

  test.each([
    ['二箱三袋', '2', '3'],
    ['2箱3袋', '2', '3'],
  ])('“%s” on a row in 袋: one invalid-count naming both units, left out of the totals, the 合计 said unchecked', (written, boxes, bags) => {
    expect(findings(handoverRow(written, '袋'))).toEqual([
      `invalid-count 交接单!D10 row 3: “数量”写的是“${written}”，箱和袋写在了同一格里：看不出是 ${boxes} 箱另加 ${bags} 袋，还是 ${boxes} 箱内共装 ${bags} 袋。本表此处按“袋”计，这一格算不出总数，检查时暂不计入。请核对实物后按“袋”写出总数（只写数字）；是 ${boxes} 箱（内装 ${bags} 袋）的，把本行的单位改为“箱”。`,
      // fix-totals25: the 合计 over it was silent.
      `column-total 交接单!D17 row null: “合计”写的是 6，但它合计的行中，序号 3 的“数量”写的是“${written}”，箱和袋写在了同一格里，而这一行按“袋”计，算不出它是多少，这一合计无从核对。请先按“袋”写出序号 3 的“数量”，再核对这一合计。`,
    ]);
  });

  test('“1箱2袋” on the vault log (no 箱 there): one invalid-count naming both units', () => {
    expect(
      findings((d) => {
        d.vaultLog![1].quantity = '1箱2袋';
      }),
    ).toEqual([
      'invalid-count 出入库记录!D5 row 2: “数量”写的是“1箱2袋”，箱和袋写在了同一格里：看不出是 1 箱另加 2 袋，还是 1 箱内共装 2 袋。本表此处按“袋”计，这一格算不出总数，检查时暂不计入。请核对实物后按“袋”写出总数（只写数字）。',
    ]);
  });

  test('“一箱二袋” with no unit picked reads as “1箱2袋” does: 1 箱, 内装2袋 in its 备注, the 合计 6 bags agrees', () => {
    const edit = (d: SiteData) => {
      handoverRow('一箱二袋')(d);
      d.handovers![0].total = 6;
    };
    const data = base('kaodian');
    edit(data);
    expect(modelOf(data).data.handovers![0].items![2]).toEqual({ destination: '岳麓考点', quantity: 1, unit: '箱', note: '内装2袋' });
    expect(findings(edit)).toEqual([]);
  });
});

describe('two people joined by 和 in a cell one signs', () => {
  test('取卷人 “李强和赵敏”, both on the roster: read as 李强、赵敏 (two signing one cell), no finding', () => {
    const edit = (d: SiteData) => void (d.vaultLog![1].taker = '李强和赵敏');
    const data = base('kaodian');
    edit(data);
    expect(modelOf(data).data.vaultLog![1].taker).toBe('李强、赵敏');
    expect(findings(edit)).toEqual([]);
  });

  test('取卷人 “李强和钱多”: the one off the roster, once, at that cell', () => {
    expect(findings((d) => void (d.vaultLog![1].taker = '李强和钱多'))).toEqual([
      'staff-not-on-roster 出入库记录!E5 row 2: 签字人“钱多”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。',
    ]);
  });

  test('a name with 和 in it on the roster (李和平) stays one person', () => {
    const edit = renameLiuYang('李和平', ['李和平', '李和平', '李和平', '李和平']);
    const data = base('kaodian');
    edit(data);
    expect(modelOf(data).data.duty!.shifts![0].takenOverBy).toBe('李和平');
    expect(findings(edit)).toEqual([]);
  });
});

describe('a roster writing a space for a name’s middle dot', () => {
  test('涉卷人员 “阿依古丽 买买提”, the duty signed with the dot, without it, with a bullet and with a space: that person, no finding', () => {
    expect(findings(renameLiuYang('阿依古丽 买买提', ['阿依古丽·买买提', '阿依古丽买买提', '阿依古丽•买买提', '阿依古丽 买买提']))).toEqual([]);
  });

  test('涉卷人员 “王 芳” (a name padded to three characters) is still 王芳, no dotted name', () => {
    expect(findings((d) => void (d.staff![0].name = '王 芳'))).toEqual([]);
  });
});

describe('a cell of signers without a roster: the reader and CUSTODY.SIGNERS read it alike', () => {
  test.each([
    ['阿依古丽 买买提', ['阿依古丽买买提']],
    ['买买提 阿依古丽', ['买买提阿依古丽']],
    ['阿依古丽\n买买提', ['阿依古丽', '买买提']],
    ['黄志刚 刘春香', ['黄志刚', '刘春香']],
    ['欧阳娜娜 李强', ['欧阳娜娜', '李强']],
    ['王 芳 田 勇', ['王芳', '田勇']],
    ['黄志刚和易敏', ['黄志刚', '易敏']],
    ['李明 主考、王芳', ['李明', '王芳']],
  ])('“%s” names %p', (text, people) => {
    expect(signaturesIn(text).map(personKey)).toEqual(people);
    expect(signers(text)).toEqual({ ok: true, value: people.length });
  });

  test('a handover received by “阿依古丽 买买提” alone, no one on the roster: one signer (two-signers), not two', () => {
    const edit = (d: SiteData) => {
      d.staff = [];
      (d.handovers![0] as Handover).toSigners = ['阿依古丽 买买提'];
    };
    const found = findings(edit).filter((f) => f.startsWith('two-signers'));
    expect(found).toEqual(['two-signers 交接单!D20 row null: “接收人签字”只有 1 人签字（阿依古丽买买提）。交接单每一方须两人签字，请由另一名在场人员补签。']);
  });
});
