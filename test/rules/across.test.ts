/**
 * handover-copies-disagree: the two copies of one handover, in the sender's and the receiver's workbooks.
 * proctor-takes-papers: a dispatch's taker who signs for the receiving unit, judged by that unit's roster.
 */
import type { SiteData } from '../../src/model/types';
import type { SiteModel } from '../../src/model/site-model';
import { slimModel, slimPlaces } from '../../src/check/service';
import { unpackLocations } from '../../src/model/location-map';
import { messageIdOf, validateAcross, validateSite } from '../../src/rules/engine';
import { base, modelOf } from './tester';

function across(editK?: (d: SiteData) => void, editF?: (d: SiteData) => void) {
  const k = base('kaodian');
  const f = base('fenxiao');
  editK?.(k);
  editF?.(f);
  const out = validateAcross([
    { id: 'kaodian', model: modelOf(k) },
    { id: 'fenxiao', model: modelOf(f) },
  ]);
  const brief = (x: { rule: string; sheet: string | null; cell: string | null; row: number | null }) => `${x.rule} ${x.sheet}!${x.cell} row ${x.row}`;
  return { k: out.get('kaodian')!.map(brief), f: out.get('fenxiao')!.map(brief), raw: out };
}

describe('handover-copies-disagree', () => {
  const valid: Array<[string, ((d: SiteData) => void) | undefined, ((d: SiteData) => void) | undefined]> = [
    ['both copies agree', undefined, undefined],
    ['signers listed in another order', (d) => (d.handovers![0].toSigners = ['赵敏', '李强']), undefined],
    ['a handover only one side has', undefined, (d) => void d.handovers!.splice(2, 1)],
    ['the same items listed in another order', (d) => void d.handovers![0].items!.reverse(), undefined],
    // One unit written short on one copy and in full on the other (both were reported as differing).
    ['the receiving unit written in full on the 考点’s copy', (d) => (d.handovers![0].to = '长沙分校岳麓考点'), undefined],
    ['the sending unit written 长沙分校（学院） on the 考点’s copy', (d) => (d.handovers![0].from = '长沙分校（学院）'), undefined],
  ];
  test.each(valid)('valid: %s', (_n, ek, ef) => {
    const r = across(ek, ef);
    expect([...r.k, ...r.f]).toEqual([]);
  });

  test('invalid: the 考点’s copy made out to the 分校 itself: said once, at its 接收单位, by receiver-not-this-unit (not again as a difference)', () => {
    const wrong = (d: SiteData) => (d.handovers![0].to = '长沙分校');
    expect(across(wrong)).toMatchObject({ k: [], f: [] });
    const k = base('kaodian');
    wrong(k);
    expect(validateSite(modelOf(k)).map((x) => `${x.rule} ${x.sheet}!${x.cell}`)).toEqual(['receiver-not-this-unit 交接单!C4']);
  });

  test('invalid: and with another difference on the same copy: that one is still reported on both files', () => {
    const r = across((d) => {
      d.handovers![0].to = '长沙分校';
      d.handovers![0].toSigners = ['李强', '孙悦'];
    });
    expect(r.k).toEqual(['handover-copies-disagree 交接单!D20 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D20 row null']);
  });

  test('invalid: a different time, reported on both files', () => {
    const r = across((d) => (d.handovers![0].time = '2024-06-14T10:30'));
    expect(r.k).toEqual(['handover-copies-disagree 交接单!C3 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!C3 row null']);
    expect(r.raw.get('kaodian')![0].message).toMatch(/6月14日|2024-06-14/);
    expect(r.raw.get('kaodian')![0].form).toBe(1);
  });

  test('invalid: the same day and hour a year apart: both times quoted with their year (never “1月6日 16:00” against “1月6日 16:00”)', () => {
    const r = across(undefined, (d) => (d.handovers![1].time = d.handovers![1].time!.replace(/^\d{4}/, (y) => String(Number(y) - 1))));
    expect(r.k).toEqual(['handover-copies-disagree 交接单!C3 row null']);
    const kMessage = r.raw.get('kaodian')![0].message;
    const fMessage = r.raw.get('fenxiao')![0].message;
    expect(kMessage).toContain('写的是“2024年6月14日 09:30”');
    expect(kMessage).toContain('写的是“2023年6月14日 09:30”');
    expect(fMessage).toContain('写的是“2023年6月14日 09:30”');
  });

  test('invalid: a different bag count on row 2', () => {
    const r = across(undefined, (d) => {
      d.handovers![1].items![1].quantity = 2;
      d.handovers![1].total = 7;
    });
    expect(r.k).toEqual(['handover-copies-disagree 交接单!D9 row 2', 'handover-copies-disagree 交接单!D17 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D9 row 2', 'handover-copies-disagree 交接单2!D17 row null']);
  });

  test('invalid: items in another order and one count differs: only that item, at its own 序号 in each copy', () => {
    const r = across(
      (d) => void d.handovers![0].items!.reverse(),
      (d) => {
        d.handovers![1].items![0].quantity = 4;
        d.handovers![1].total = 7;
      },
    );
    expect(r.k).toEqual(['handover-copies-disagree 交接单!D10 row 3', 'handover-copies-disagree 交接单!D17 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D8 row 1', 'handover-copies-disagree 交接单2!D17 row null']);
    expect(r.raw.get('kaodian')![0].message).toContain('1001 高等数学基础');
  });

  test("invalid: items in another order, one count miscopied so that it equals its neighbour's: paired by 备注, not by position", () => {
    const r = across((d) => {
      d.handovers![0].items!.reverse();
      d.handovers![0].items![2].quantity = 2; // 1001: 3 → 2, now like the unnamed 2-bag row at the same 序号 in the other copy
      d.handovers![0].total = 5;
    });
    expect(r.k).toEqual(['handover-copies-disagree 交接单!D10 row 3', 'handover-copies-disagree 交接单!D17 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D8 row 1', 'handover-copies-disagree 交接单2!D17 row null']);
  });

  test('invalid: a row written twice on one copy only: the one left over, at its 序号 on that copy, at the 合计 of the other', () => {
    const r = across((d) => {
      const items = d.handovers![0].items!;
      items.splice(1, 0, { ...items[0] });
    });
    expect(r.k).toEqual(['handover-copies-disagree 交接单!B9 row 2']);
    // Its own row 2 holds 2045 1袋: the row it lacks is said at its 合计 (review 25a D3).
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D17 row null']);
    expect(r.raw.get('kaodian')![0].message).toContain('没有这一行');
  });

  test('invalid: a row written twice on both copies, in another order on one, and a row more on one: only that row', () => {
    const extra = { destination: '岳麓考点', quantity: 1, unit: '袋', note: '3310 中国现代文学' };
    const r = across(
      (d) => {
        const [a, b, c] = d.handovers![0].items!;
        d.handovers![0].items = [a, b, { ...a }, c, extra];
      },
      (d) => {
        const [a, b, c] = d.handovers![1].items!;
        d.handovers![1].items = [a, { ...a }, b, c];
      },
    );
    expect(r.k).toEqual(['handover-copies-disagree 交接单!B12 row 5']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D17 row null']); // no 5th row on its sheet: at its 合计
    expect(r.raw.get('kaodian')![0].message).toContain('3310 中国现代文学');
  });

  test('invalid, in English: the tool’s own words in English (an item row named by its number, a missing row, a blank field, a list of signers)', () => {
    const k = base('kaodian');
    const items = k.handovers![0].items!;
    items.splice(1, 0, { ...items[0] });
    k.handovers![0].address = undefined;
    k.handovers![0].toSigners = ['李强', '王芳'];
    const out = validateAcross(
      [
        { id: 'kaodian', model: modelOf(k) },
        { id: 'fenxiao', model: modelOf(base('fenxiao')) },
      ],
      { lang: 'en' },
    );
    const agree = 'Both copies must agree: check them together with the other side and correct.';
    const tuples = (id: string) => out.get(id)!.map((x) => [x.rule, x.severity, x.sheet, x.cell, x.message]);
    const at = (sheet: string, cell: string, message: string) => ['handover-copies-disagree', 'error', sheet, cell, `${message} ${agree}`];
    expect(tuples('kaodian')).toEqual([
      at(
        '交接单',
        'C5',
        `"接收地址" on this handover sheet reads "(blank)", but the other side's copy (长沙分校: file "fenxiao", 交接单2 C5) reads "长沙市岳麓区麓山南路1号".`,
      ),
      at(
        '交接单',
        'B9',
        `Row No. 2 of the items on this handover sheet reads "岳麓考点 3袋 (1001 高等数学基础)", a row the other side's copy (长沙分校: file "fenxiao", 交接单2 D17) does not have.`,
      ),
      at(
        '交接单',
        'D20',
        `"接收人签字" on this handover sheet reads "李强、王芳", but the other side's copy (长沙分校: file "fenxiao", 交接单2 D20) reads "李强、赵敏".`,
      ),
    ]);
    expect(tuples('fenxiao')).toEqual([
      at(
        '交接单2',
        'C5',
        `"接收地址" on this handover sheet reads "长沙市岳麓区麓山南路1号", but the other side's copy (岳麓考点: file "kaodian", 交接单 C5) reads "(blank)".`,
      ),
      at(
        '交接单2',
        'D17',
        `The items of this handover sheet (the sender's copy) have no row "岳麓考点 3袋 (1001 高等数学基础)", which the other side's copy (岳麓考点: file "kaodian", 交接单 B9) has.`,
      ),
      at(
        '交接单2',
        'D20',
        `"接收人签字" on this handover sheet reads "李强、赵敏", but the other side's copy (岳麓考点: file "kaodian", 交接单 D20) reads "李强、王芳".`,
      ),
    ]);
  });

  test('invalid: a different receiving signer', () => {
    const r = across((d) => (d.handovers![0].toSigners = ['李强', '王芳']));
    expect(r.k).toEqual(['handover-copies-disagree 交接单!D20 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!D20 row null']);
  });
});

test('handover-copies-disagree: a copy whose receiving unit was written differently is still paired (by sender and time)', () => {
  const k = base('kaodian');
  k.handovers![0].to = '岳麓区考点';
  k.site!.examSite = '岳麓区考点';
  const out = validateAcross([
    { id: 'k', model: modelOf(k) },
    { id: 'f', model: modelOf(base('fenxiao')) },
  ]);
  expect(out.get('k')!.map((f) => [f.rule, f.cell])).toEqual([['handover-copies-disagree', 'C4']]);
  expect(out.get('f')!.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['handover-copies-disagree', '交接单2', 'C4']]);
});

test("handover-copies-disagree: two workbooks of the same unit hold the same side's copy twice and are not paired", () => {
  const older = base('fenxiao');
  const newer = base('fenxiao');
  newer.handovers![0].time = '2024-06-13T16:00';
  newer.handovers![1].toSigners = ['李强'];
  const out = validateAcross([
    { id: 'v1', model: modelOf(older) },
    { id: 'v2', model: modelOf(newer) },
  ]);
  expect([...out.get('v1')!, ...out.get('v2')!].filter((f) => f.rule === 'handover-copies-disagree')).toEqual([]);
});

/**
 * 长沙分校's dispatch to 岳麓考点 (its 交接单2, 6月14日 09:30): 李强 takes 1001 and 2045 out at 09:10, 赵敏 3310 at 09:12 —
 * both sign the sheet as 岳麓考点's 接收人 (《实施方案》（四）: the 考点's 考务人员 collect at the 分校's vault).
 */
describe('proctor-takes-papers across workbooks: a dispatch’s taker judged by the receiving unit’s roster', () => {
  const RULE = 'proctor-takes-papers';
  /** The findings across of this rule on each workbook: [id, sheet, cell, row, message id]. */
  function proctorsAcross(editK?: (d: SiteData) => void, editF?: (d: SiteData) => void, as: (m: SiteModel) => SiteModel = (m) => m) {
    const k = base('kaodian');
    const f = base('fenxiao');
    editK?.(k);
    editF?.(f);
    const out = validateAcross([
      { id: 'kaodian', model: as(modelOf(k)), file: '/收齐/岳麓考点.xlsx' },
      { id: 'fenxiao', model: as(modelOf(f)), file: '/收齐/长沙分校.xlsx' },
    ]);
    const found = [...out].flatMap(([id, list]) => list.filter((x) => x.rule === RULE).map((x) => ({ id, ...x, messageId: messageIdOf(x) })));
    return { brief: found.map((x) => [x.id, x.sheet, x.cell, x.row, x.messageId]), found, f };
  }
  const kaodianProctor = (name: string) => (d: SiteData) => void (d.staff!.find((m) => m.name === name)!.roles = ['监考员']);

  test('valid: the 考点’s 考务人员 collect, whatever the 分校’s roster says of a namesake', () => {
    const r = proctorsAcross(undefined, (d) => {
      d.staff!.push({ name: '李强', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
    });
    expect(r.brief).toEqual([]);
    expect(validateSite(modelOf(r.f)).map((x) => x.rule)).toEqual([]);
  });

  /** 李强's taking of 1001 and 2045 at 09:10, said on both workbooks: the 分校's vault row and the 考点's roster row. */
  const LIQIANG_TAKING = [
    ['kaodian', '涉卷人员', 'B4', 2, 'proctorAway'],
    ['fenxiao', '出入库记录', 'E4', 1, 'proctorThere'],
  ];

  test('invalid: the 考点 sent one its roster lists as a 监考员: once for the taking on each workbook, the 分校’s vault row and the 考点’s roster row', () => {
    const r = proctorsAcross(kaodianProctor('李强'));
    expect(r.brief).toEqual(LIQIANG_TAKING);
    expect(r.found.map((x) => x.message)).toEqual([
      '本单位涉卷人员“李强”是“监考员”，却在长沙分校的保密室领取了下发本单位的 2 个试卷（文件“长沙分校.xlsx”的 出入库记录 第 1–2 行：1001、2045）。' +
        '监考人员不得到保密室领卷，下发的试卷须由本单位的考务人员领取，请改派考务人员领卷，或核对长沙分校记录的取卷人。',
      '取卷人“李强”领取的是随交接单（交接单2）下发岳麓考点的试卷，在岳麓考点的涉卷人员名单上是“监考员”（文件“岳麓考点.xlsx”的 涉卷人员 B4），' +
        '却在本单位保密室领取了 2 个试卷（第 1–2 行：1001、2045）。监考人员不得到保密室领卷，下发的试卷须由岳麓考点的考务人员领取，请与岳麓考点核对取卷人。',
    ]);
  });

  test('invalid: two takings by the 考点’s 监考员: one finding per taking on each workbook', () => {
    const r = proctorsAcross(kaodianProctor('李强'), (d) => void (d.vaultLog![2].taker = '李强'));
    expect(r.brief).toEqual([
      ['kaodian', '涉卷人员', 'B4', 2, 'proctorAway'],
      ['kaodian', '涉卷人员', 'B4', 2, 'proctorAway'],
      ['fenxiao', '出入库记录', 'E4', 1, 'proctorThere'],
      ['fenxiao', '出入库记录', 'E6', 3, 'proctorThere'],
    ]);
    expect(r.found[1].message).toMatch(/领取了下发本单位的 1 个试卷（文件“长沙分校.xlsx”的 出入库记录 第 3 行：3310）/);
  });

  // Item: a dispatch whose sheet has no receiving signature. Its collector is the 考点's (《实施方案》（四）), not the 分校's
  // 监考员 of the same name: judged by the 考点's roster when its workbook is checked too, never by the namesake alone.
  const unsigned = (d: SiteData) => {
    d.staff!.push({ name: '李强', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
    d.handovers![1].toSigners = [];
  };
  const otherRules = (f: SiteData) =>
    validateSite(modelOf(f))
      .filter((x) => x.rule !== RULE)
      .map((x) => `${x.rule} ${x.sheet}!${x.cell}`);

  test('valid: a sheet with no receiving signature, its collector a namesake of the 分校’s 监考员 and the 考点’s 考务人员', () => {
    const r = proctorsAcross(undefined, unsigned);
    expect(r.brief).toEqual([]);
    expect(validateSite(modelOf(r.f)).filter((x) => x.rule === RULE)).toEqual([]);
    // The missing signature is said where it is missing, and nothing else.
    expect(otherRules(r.f)).toEqual(['required-field 交接单2!F20']);
  });

  test('invalid: the same sheet, the collector the 考点’s 监考员: judged by its roster, said on both workbooks', () => {
    expect(proctorsAcross(kaodianProctor('李强'), unsigned).brief).toEqual(LIQIANG_TAKING);
  });

  test('invalid: the same from slim models sent through JSON, as `summary` spools them', () => {
    const spooled = (m: SiteModel): SiteModel => {
      const { locations: _, ...rest } = slimModel(m, {});
      return { ...(JSON.parse(JSON.stringify(rest)) as SiteModel), locations: unpackLocations(JSON.parse(JSON.stringify(slimPlaces(m)))) };
    };
    expect(proctorsAcross(kaodianProctor('李强'), undefined, spooled).brief).toEqual(LIQIANG_TAKING);
    expect(proctorsAcross(kaodianProctor('李强'), undefined, (m) => slimModel(m)).brief).toEqual(LIQIANG_TAKING);
    expect(proctorsAcross(kaodianProctor('李强'), unsigned, spooled).brief).toEqual(LIQIANG_TAKING);
  });

  test('invalid: a return to the 分校’s vault by the 考点’s 监考员, its taker not one', () => {
    const r = proctorsAcross(kaodianProctor('李强'), (d) => {
      Object.assign(d.vaultLog![2], { returner: '李强', returnedAt: '2024-06-15T12:30', receivedBy: '周建' });
      d.vaultLog![0].taker = '赵敏';
      d.vaultLog![1].taker = '赵敏';
    });
    expect(r.brief).toEqual([
      ['kaodian', '涉卷人员', 'B4', 2, 'returnerAway'],
      ['fenxiao', '出入库记录', 'H6', 3, 'returnerThere'],
    ]);
    expect(r.found[0].message).toMatch(
      /^本单位涉卷人员“李强”是“监考员”，却向长沙分校的保密室送回了 1 个试卷（文件“长沙分校.xlsx”的 出入库记录 第 3 行：3310）/,
    );
    expect(r.found[1].message).toMatch(/^还卷人“李强”送回的是随交接单（交接单2）下发岳麓考点的试卷.*却向本单位保密室送回了 1 个试卷（第 3 行：3310）/);
  });

  const fenxiaoHejun = (d: SiteData) => {
    d.staff!.push({ name: '何军', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
    d.vaultLog![0].taker = '何军、李强';
    d.vaultLog![1].taker = '何军、李强';
  };

  test('valid: the 分校’s own 监考员, who signs its sheet as 移交人, is its own finding (one workbook), not one across', () => {
    const r = proctorsAcross(kaodianProctor('李强'), (d) => {
      fenxiaoHejun(d);
      d.handovers![1].fromSigners = ['张伟', '何军'];
    });
    expect(r.brief).toEqual([]);
    expect(validateSite(modelOf(r.f)).map((x) => [x.rule, x.cell, messageIdOf(x)])).toEqual([[RULE, 'E4', 'proctorTaking']]);
  });

  test('invalid: a 监考员 of the 分校’s roster the 考点’s does not list, collecting with the 考点’s receiver: the 分校’s own, said across only', () => {
    const r = proctorsAcross(undefined, fenxiaoHejun);
    expect(r.brief).toEqual([['fenxiao', '出入库记录', 'E4', 1, 'proctorOwn']]);
    expect(r.found[0].message).toBe(
      '取卷人“何军”在本单位涉卷人员名单上是“监考员”（涉卷人员 B8），不在岳麓考点的涉卷人员名单上（文件“岳麓考点.xlsx”），却在本单位保密室领取了随交接单（交接单2）下发岳麓考点的 2 个试卷（第 1–2 行：1001、2045）。' +
        '监考人员不得到保密室领卷，下发的试卷须由岳麓考点的考务人员领取，请核对取卷人。',
    );
    // Alone, the 分校's workbook cannot tell its 监考员 from a namesake of the 考点's.
    expect(validateSite(modelOf(r.f)).filter((x) => x.rule === RULE)).toEqual([]);
  });

  test('valid: with no receiving copy to judge by (the 考点’s workbook holds no handover from the 分校), nothing is said', () => {
    const r = proctorsAcross((d) => {
      kaodianProctor('李强')(d);
      d.handovers = [];
    });
    expect(r.brief.filter(([id]) => id === 'fenxiao')).toEqual([]);
  });
});
