/**
 * The validator and the summaries read the same custody facts (model/custody.ts,
 * model/pairing.ts), so they cannot disagree about a handover: over every
 * workbook the tests know (test/corpus.ts), the direction the rules give each
 * handover is the list the per-site summary puts it in; the checkouts the rules
 * treat as dispatches are the ones the summary counts as dispatched; and a
 * handover has a handover-copies-disagree finding exactly when the 交接配对
 * table shows its pair as disagreeing.
 */
import type { Finding } from '../../src/model/finding';
import { computeFacts } from '../../src/rules/facts';
import { consolidateModels } from '../../src/summary/consolidate';
import { paperCode } from '../../src/model/paper-code';
import { corpus } from '../corpus';
import { modelOf } from '../rules/tester';

const groups = corpus();

describe.each(groups.map((g) => [g.name, g] as const))('%s', (_name, group) => {
  const models = group.sites.map((s) => ({ file: s.file, model: modelOf(s.data) }));
  const consolidated = consolidateModels(models);

  it('direction and dispatch: the rules and the per-site summary agree', () => {
    for (const { file, model } of models) {
      const facts = computeFacts(model);
      const summary = consolidated.files.find((f) => f.file === file)!.summary!;
      const listed = (dir: 'in' | 'out') => summary.handovers[dir].map((h) => h.index);
      const byFacts = (dir: 'in' | 'out') => facts.direction.flatMap((d, i) => (d === dir ? [i] : []));
      expect({ file, in: listed('in'), out: listed('out') }).toEqual({ file, in: byFacts('in'), out: byFacts('out') });

      const rows = model.data.vaultLog ?? [];
      const dispatched = rows.filter((r, i) => facts.dispatch[i] && paperCode(r.paperNo)).length;
      expect({ file, dispatches: summary.totals.dispatches }).toEqual({ file, dispatches: dispatched });
      const outstandingDispatches = summary.outstanding.filter((o) => facts.dispatch[o.row - 1]);
      expect(outstandingDispatches).toEqual([]);
    }
  });

  it('pairing: a handover has a disagreement finding exactly when its pair disagrees', () => {
    const disagreeing = (f: Finding) => f.rule === 'handover-copies-disagree';
    const found = new Set<string>();
    for (const f of consolidated.files) for (const x of f.findings.filter(disagreeing)) found.add(`${f.file}|${x.sheet}`);
    const shown = new Set<string>();
    for (const p of consolidated.pairs) {
      if (p.status !== 'disagree') continue;
      shown.add(`${p.sender!.file}|${p.sender!.sheet}`);
      shown.add(`${p.receiver!.file}|${p.receiver!.sheet}`);
    }
    expect([...found].sort()).toEqual([...shown].sort());
    // And 交接配对 points each copy at the cell its first finding is at (validate, the marked copy), not at the slip's 附件1 label
    // (item rows aside: the validator pairs them by content, which the summary's compact copies do not keep).
    const firstCell = (file: string, sheet: string | null) =>
      consolidated.files.find((f) => f.file === file)!.findings.find((x) => disagreeing(x) && x.sheet === sheet)!.cell;
    const itemsDiffer = (p: (typeof consolidated.pairs)[number]) => p.differences.some((d) => d.field === 'items' || d.field === 'quantity');
    for (const p of consolidated.pairs.filter((x) => x.status === 'disagree' && !itemsDiffer(x)))
      for (const side of [p.sender!, p.receiver!])
        expect(`${side.file}|${side.sheet}!${side.cell}`).toBe(`${side.file}|${side.sheet}!${firstCell(side.file, side.sheet)}`);
    // Every matched pair is free of findings on both copies.
    for (const p of consolidated.pairs.filter((x) => x.status === 'matched')) {
      expect(found.has(`${p.sender!.file}|${p.sender!.sheet}`)).toBe(false);
      expect(found.has(`${p.receiver!.file}|${p.receiver!.sheet}`)).toBe(false);
    }
  });
});

it('the corpus covers disagreeing pairs and dispatches', () => {
  const names = groups.map((g) => g.name);
  expect(names).toContain('qa clean');
  expect(names.filter((n) => n.endsWith('handover-disagree'))).toHaveLength(3);
});
