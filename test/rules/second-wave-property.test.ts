/**
 * Property (DOMAIN.md "Second wave"): on a clean site, writing people with a
 * role or title (in brackets, full- or half-width, or after a space), or
 * splitting the one delivery into two with an intake list each, changes no
 * finding: there are none before and none after.
 */
import fc from 'fast-check';
import type { Handover, Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { base, modelOf } from './tester';

const TITLES = ['（考务组长）', '(主考)', ' 主考', '（卷库保管员）', ' 值班人员', '(组长)', '（负责人）'];

/** Every signature on this unit's forms given the title chosen for it (or none). */
function withTitles(d: SiteData, pick: (k: number) => string): SiteData {
  let k = 0;
  const t = (n: string | undefined) => (n ? `${n}${pick(k++)}` : n);
  for (const h of d.handovers ?? []) {
    h.fromSigners = h.fromSigners?.map((n) => t(n)!);
    h.toSigners = h.toSigners?.map((n) => t(n)!);
  }
  for (const r of d.vaultLog ?? []) Object.assign(r, { taker: t(r.taker), issuedBy: t(r.issuedBy), returner: t(r.returner), receivedBy: t(r.receivedBy) });
  for (const x of d.distributions ?? []) Object.assign(x, { issuer: t(x.issuer), receiver: t(x.receiver) });
  for (const s of d.duty?.shifts ?? []) Object.assign(s, { handedOverBy: t(s.handedOverBy), takenOverBy: t(s.takenOverBy) });
  const intake = d.intake as Intake;
  intake.keeper = t(intake.keeper);
  return d;
}

/** The 考点's delivery split after `cut` of its papers, the second part arriving `later` minutes after the first. */
function split(d: SiteData, cut: number, later: number): SiteData {
  const h = d.handovers![0];
  const one = d.intake as Intake;
  const items = one.items!;
  const parts = [items.slice(0, cut), items.slice(cut)];
  const bags = (rows: typeof items) => rows.reduce((a, r) => a + (r.totalBags as number), 0);
  const at = (base: string, minutes: number) => new Date(Date.parse(`${base}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
  d.handovers = parts.map((rows, k): Handover => ({
    ...h,
    time: at(h.time!, k * later),
    items: rows.map((r) => ({ destination: h.to, quantity: r.totalBags, unit: '袋', note: `${r.paperNo} ${r.paperName}` })),
    total: bags(rows),
  }));
  const sum = (rows: typeof items, key: 'bags31' | 'bags26' | 'bags11' | 'bags5' | 'totalBags') => rows.reduce((a, r) => a + (r[key] as number), 0);
  d.intake = parts.map((rows, k) => ({
    ...one,
    time: at(one.time!, k * later),
    items: rows,
    totals: {
      bags31: sum(rows, 'bags31'),
      bags26: sum(rows, 'bags26'),
      bags11: sum(rows, 'bags11'),
      bags5: sum(rows, 'bags5'),
      totalBags: sum(rows, 'totalBags'),
    },
  }));
  return d;
}

const findings = (d: SiteData) => validateSite(modelOf(d)).map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message}`);

it('a clean site has no finding to begin with', () => expect(findings(base('kaodian'))).toEqual([]));

it('titles after names change no finding', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('', ...TITLES), { minLength: 1, maxLength: 12 }), (titles) => {
      expect(findings(withTitles(base('kaodian'), (k) => titles[k % titles.length]))).toEqual([]);
    }),
    { numRuns: 15 },
  );
});

it('splitting the one delivery into two, each with its intake list, changes no finding', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 10, max: 120 }), (cut, later) => {
      expect(findings(split(base('kaodian'), cut, later))).toEqual([]);
    }),
    { numRuns: 10 },
  );
});
