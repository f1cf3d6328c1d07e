/**
 * The work a vault log's rows cost, counted, not timed (issue 13: a 50,000-row log validated in 2 s). Each row's paper
 * and times are read once a run (facts.ts vaultRows, checkoutSession), not again by each rule that walks the log; a
 * roster's role words, a text cell's value and a signature's 和 test are worked out once a text, not once a cell.
 * Before: 16 paperCode and 25 tm calls a vault row in the rules, sessionFor three times a row, the role patterns run
 * four times a row and the reader's patterns 44 times a row (50,000 rows); the findings are the same.
 */
import { largeSite } from '../../bench/validate';
import * as paperCodes from '../../src/model/paper-code';
import * as values from '../../src/model/values';
import * as facts from '../../src/rules/facts';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { gridFromDrafts } from './tester';
import type { SiteData } from '../../src/model/types';
import type { WorkbookGrid } from '../../src/model/grid';
import { patternsRun } from '../patterns-run';

jest.setTimeout(120_000);

/** A clean 考点 of `papers` papers, 10 vault log rows each (the bench's site, its rooms' proctor on the roster). */
function site(papers: number): SiteData {
  const data = largeSite(papers);
  data.staff!.push({ name: '周涛', roles: ['监考人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
  return data;
}

const PAPERS = 60;
let grid: WorkbookGrid;
beforeAll(() => {
  grid = gridFromDrafts(draftWorkbook(site(PAPERS)));
});

/** Calls of each function while `work` runs. */
function callsDuring(spies: Record<string, jest.SpyInstance>, work: () => void): Record<string, number> {
  for (const spy of Object.values(spies)) spy.mockClear();
  work();
  return Object.fromEntries(Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length]));
}

test('the rules look up each vault row’s paper and times a few times, not once a rule; its session once', () => {
  const model = readWorkbook(grid);
  const rows = model.data.vaultLog!.length;
  expect(rows).toBe(10 * PAPERS);
  const spies = {
    paperCode: jest.spyOn(paperCodes, 'paperCode'),
    tm: jest.spyOn(values, 'tm'),
    sessionFor: jest.spyOn(facts, 'sessionFor'),
  };
  try {
    let findings: unknown[] = [];
    const calls = callsDuring(spies, () => void (findings = validateSite(model)));
    expect(findings).toEqual([]);
    // The other tables (schedule, intake, handover items, registers) have a row a paper: a tenth of the log's rows each.
    expect(calls.paperCode).toBeLessThanOrEqual(7 * rows);
    expect(calls.tm).toBeLessThanOrEqual(15 * rows);
    // Only the registers' rows ask for a session by a time of their own (handed-out-beyond-checkout).
    expect(calls.sessionFor).toBeLessThanOrEqual(PAPERS);
  } finally {
    for (const spy of Object.values(spies)) spy.mockRestore();
  }
});

test('a roster’s role words are read once each, not once for each signature of the log', () => {
  const model = readWorkbook(grid);
  // roleOf's patterns: the bracketed note after a role, (…) — run for each distinct word only, the first run after a fresh
  // workbook's words (the memo keeps what other tests read: at most the roster's few words here).
  const runs = patternsRun(() => void validateSite(model)).filter((p) => p.source === '\\([^()]*\\)');
  expect(runs.length).toBeLessThanOrEqual(model.data.staff!.reduce((n, s) => n + (s.roles?.length ?? 0), 0));
});

test('reading the log runs its text patterns a few times a row, not once a cell and pattern', () => {
  const runs = patternsRun(() => void readWorkbook(grid));
  // Before: 44 a row over 50,000 rows (a text cell's value worked out anew in each of its 6 text columns).
  expect(runs.length).toBeLessThanOrEqual(30 * 10 * PAPERS);
});
