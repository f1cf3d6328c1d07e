/**
 * Which form a sheet is: `bestForm` looks for table headers only where a form
 * could still win (scoreBound), and must choose exactly what scoring every form
 * in FORMS order chooses — on the templates, the filled fixtures and the sample
 * network's workbooks, and on the same sheets with text cells blanked at random
 * (titles, labels and headers gone: the sheets where forms come close).
 */
import * as fc from 'fast-check';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { FORMS, FormEntry } from '../../src/forms/index';
import { scoreForm } from '../../src/forms/read';
import { MIN_SCORE, bestForm, indexSheet } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { SheetGrid } from '../../src/model/grid';
import { allFixtures, templateBytes } from '../helpers';

jest.setTimeout(120_000);

/** The form of the highest score, the first of those that tie, as scoring every form finds it. */
function scoringEveryForm(sheet: SheetGrid): FormEntry | null {
  const index = indexSheet(sheet);
  let best: FormEntry | null = null;
  let bestScore = MIN_SCORE - 0.001;
  for (const entry of FORMS) {
    const score = scoreForm(index, entry.layout);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

const formOf = (entry: FormEntry | null): string | null => (entry ? entry.layout.sheetName : null);

let sheets: SheetGrid[] = [];

beforeAll(async () => {
  const templates = templateBytes();
  const fixtures = allFixtures();
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  const data = [...fixtures, net.branch, ...net.sites, plantDefects(net.sites[1]).data];
  const filled = await Promise.all(data.map(async (d) => new Uint8Array(await fillWorkbook(d))));
  sheets = [...templates, ...filled].flatMap((bytes) => readXlsxInNode(bytes).sheets);
});

test('every sheet of the templates, fixtures and sample workbooks is taken for the form scoring every form gives', () => {
  expect(sheets.length).toBeGreaterThan(60);
  const chosen = sheets.map((s) => [s.name, formOf(bestForm(indexSheet(s)))]);
  expect(chosen).toEqual(sheets.map((s) => [s.name, formOf(scoringEveryForm(s))]));
  // Most are forms, a few are not (说明 sheets): both kinds are covered.
  expect(chosen.filter(([, f]) => f !== null).length).toBeGreaterThan(sheets.length / 2);
});

test('with text cells blanked at random, the same form as scoring every form', () => {
  fc.assert(
    fc.property(fc.nat(), fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.nat(), (pick, share, seed) => {
      const sheet = sheets[pick % sheets.length];
      let state = seed;
      const coin = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648 < share;
      };
      const rows = sheet.rows.map((row) => row.map((v) => (typeof v === 'string' && coin() ? null : v)));
      const blanked: SheetGrid = { ...sheet, rows };
      expect(formOf(bestForm(indexSheet(blanked)))).toBe(formOf(scoringEveryForm(blanked)));
    }),
    { numRuns: 300, seed: 20261201 },
  );
});
