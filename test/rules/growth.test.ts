/**
 * A guard against rules that grow faster than their rows, without timing: every rule runs (validateSite, one rule
 * at a time) over a generated clean 考点 with N and 4N papers — the vault log (10 rows a paper), 入库清单, 附件4,
 * the handover's items and the schedule 4× as long, the duty log with them — and the reads of those tables' rows
 * are counted (each table, and each list inside one, wrapped in a Proxy that counts element reads: indexing,
 * for…of, forEach, map and find all read elements by index). A rule that asks every row for each paper reads N²
 * rows: 16× at 4N. The facts every rule shares (computeFacts) are counted once, in the run of no rule, and taken
 * off each rule's count. Reads of the facts' own lists, built from these rows, are not counted.
 */
import { largeSite } from '../../bench/validate';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { RULES } from '../../src/rules/index';
import { modelOf } from './tester';

jest.setTimeout(120_000);

const INDEX = /^\d+$/;

/** `rows` whose element reads add to `counter.reads`. */
function counted<T extends object>(rows: T[], counter: { reads: number }): T[] {
  return new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && INDEX.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** The model of `papers` papers, its tables' rows counted into the returned counter. */
function countedSite(papers: number) {
  const counter = { reads: 0 };
  const site = largeSite(papers);
  // The bench's site has its rooms' proctor sign without a roster line: given one, the site is clean.
  site.staff!.push({ name: '周涛', roles: ['监考人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
  const model = modelOf(site);
  const d: SiteData = model.data;
  const wrap = <T extends object>(rows: T[] | undefined) => rows && counted(rows, counter);
  d.schedule = wrap(d.schedule);
  d.vaultLog = wrap(d.vaultLog);
  d.handovers = wrap(d.handovers?.map((h) => ({ ...h, items: wrap(h.items) })));
  const lists = Array.isArray(d.intake) ? d.intake : d.intake ? [d.intake] : [];
  const intake = lists.map((list) => ({ ...list, items: wrap(list.items) }));
  d.intake = Array.isArray(d.intake) ? wrap(intake) : intake[0];
  d.distributions = wrap(d.distributions?.map((r) => ({ ...r, rows: wrap(r.rows) })));
  if (d.duty) d.duty = { ...d.duty, shifts: wrap(d.duty.shifts) };
  return { model, counter };
}

/**
 * Reads of the tables' rows: by every rule together, the first run over the model (`all`: with what is kept of the
 * rows once worked out, the memos keyed by them); by the facts alone after it (`shared`); by each rule, `shared` taken off.
 */
function readsByRule(papers: number): { all: number; shared: number; byRule: Map<string, number> } {
  const { model, counter } = countedSite(papers);
  const readsOf = (only?: string[]) => {
    counter.reads = 0;
    expect(validateSite(model, { only })).toEqual([]);
    return counter.reads;
  };
  const all = readsOf();
  const shared = readsOf([]);
  return { all, shared, byRule: new Map(RULES.map((r) => [r.meta.id, readsOf([r.meta.id]) - shared])) };
}

/** Papers at 1×: 500 vault-log rows; 4×: 2,000. */
const N = 50;

test('no rule reads the tables’ rows faster than linearly: at most 6× the reads for 4× the rows', () => {
  const small = readsByRule(N);
  const large = readsByRule(4 * N);
  const table = RULES.map((r) => {
    const id = r.meta.id;
    const [a, b] = [small.byRule.get(id)!, large.byRule.get(id)!];
    return { id, reads: [a, b], ratio: a > 0 ? b / a : b };
  });
  console.log(`row reads at ${N} and ${4 * N} papers: all rules ${small.all} → ${large.all}, facts ${small.shared} → ${large.shared}; by rule:
${table.map((t) => `${t.id} ${t.reads.join(' → ')}`).join('; ')}`);
  // A few reads more (a rule that reads a fixed handful of rows) is no growth.
  const faster = table.filter((t) => t.reads[1] > 6 * t.reads[0] + 20);
  expect(faster).toEqual([]);
  // The rows are read (the count is of something); every rule together and the shared facts grow near-linearly.
  expect(small.shared).toBeGreaterThan(10 * N);
  expect(large.all).toBeLessThanOrEqual(6 * small.all);
  expect(large.shared).toBeLessThanOrEqual(6 * small.shared);
});
