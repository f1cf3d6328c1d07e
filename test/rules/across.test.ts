/** handover-copies-disagree: the two copies of one handover, in the sender's and the receiver's workbooks. */
import type { SiteData } from '../../src/model/types';
import { validateAcross } from '../../src/rules/engine';
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

  test('invalid: the 考点’s copy made out to the 分校 itself, reported on both files', () => {
    const r = across((d) => (d.handovers![0].to = '长沙分校'));
    expect(r.k).toEqual(['handover-copies-disagree 交接单!C4 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!C4 row null']);
  });

  test('invalid: a different time, reported on both files', () => {
    const r = across((d) => (d.handovers![0].time = '2024-06-14T10:30'));
    expect(r.k).toEqual(['handover-copies-disagree 交接单!C3 row null']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!C3 row null']);
    expect(r.raw.get('kaodian')![0].message).toMatch(/6月14日|2024-06-14/);
    expect(r.raw.get('kaodian')![0].form).toBe(1);
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

  test('invalid: a row written twice on one copy only: the one left over, at its 序号 on both copies', () => {
    const r = across((d) => {
      const items = d.handovers![0].items!;
      items.splice(1, 0, { ...items[0] });
    });
    expect(r.k).toEqual(['handover-copies-disagree 交接单!B9 row 2']);
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!B9 row 2']);
    expect(r.raw.get('kaodian')![0].message).toContain('（无此行）');
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
    expect(r.f).toEqual(['handover-copies-disagree 交接单2!A2 row null']); // no 5th row on its sheet: at the handover
    expect(r.raw.get('kaodian')![0].message).toContain('3310 中国现代文学');
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
