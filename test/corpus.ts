/**
 * Every site workbook the tests know, as groups checked together: the rule
 * fixtures (test/fixtures), the held-out QA corpus with each planted defect
 * (test/qa/fixtures) and the demo's sample network, clean and with its planted
 * defects. Used by tests that must hold "over all fixtures".
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFECT_KINDS, plantDefects, sampleNetwork } from '../src/demo/sample';
import type { SiteData } from '../src/model/types';

export interface CorpusGroup {
  name: string;
  /** Workbooks checked together, by file name. */
  sites: Array<{ file: string; data: SiteData }>;
}

const read = (dir: string, name: string): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, dir, name), 'utf8')) as SiteData;

/** A change planted into a copy of a site: `vaultLog[3].takenAt` set, deleted or pushed to. */
interface Edit {
  path: string;
  value?: unknown;
  delete?: boolean;
  push?: unknown;
}

/** A finding a planted case expects: its rule, form, row (序号) and cell. */
export type PlantedRow = [rule: string, form: number | null, row: number | null, cell: string | null];

/** One case of the held-out QA corpus (test/qa/fixtures/planted.json): a base site with one defect planted. */
export interface PlantedCase {
  id: string;
  rule: string;
  base: string;
  /** The base checked with it (the checks across workbooks). */
  pair?: string;
  story: string;
  edits: Edit[];
  expect: PlantedRow[];
  expectPair?: PlantedRow[];
}

/** The held-out corpus's two realistic sites, a 考点 and its 分校. */
export const QA_BASES = ['zhanggong-kaodian', 'ganzhou-fenxiao'];

export const qaBase = (name: string): SiteData => read('qa/fixtures', `${name}.json`);

export const plantedCases = (): PlantedCase[] => JSON.parse(fs.readFileSync(path.join(__dirname, 'qa/fixtures/planted.json'), 'utf8')) as PlantedCase[];

function applyEdit(data: Record<string, unknown>, e: Edit): void {
  const keys = e.path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let o = data;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (e.delete) delete o[last];
  else if (e.push !== undefined) (o[last] as unknown[]).push(e.push);
  else o[last] = e.value;
}

/** A planted case's site: its base with the case's edits made. */
export function plantedSite(c: PlantedCase): SiteData {
  const data = qaBase(c.base);
  for (const e of c.edits) applyEdit(data as unknown as Record<string, unknown>, e);
  return data;
}

function qaGroups(): CorpusGroup[] {
  const groups: CorpusGroup[] = [{ name: 'qa clean', sites: QA_BASES.map((b) => ({ file: `${b}.xlsx`, data: qaBase(b) })) }];
  for (const c of plantedCases()) {
    const other = QA_BASES.find((b) => b !== c.base)!;
    groups.push({
      name: `qa ${c.id}`,
      sites: [
        { file: `${c.base}-${c.id}.xlsx`, data: plantedSite(c) },
        { file: `${other}.xlsx`, data: qaBase(other) },
      ],
    });
  }
  return groups;
}

function demoGroups(): CorpusGroup[] {
  const out: CorpusGroup[] = [];
  for (const options of [{ sites: 2, papers: 5, sessions: 3 }, {}, { sites: 3, papers: 4, sessions: 2, lotsPerPaper: 2, seed: 5 }]) {
    const net = sampleNetwork(options);
    const label = JSON.stringify(options);
    const sites = (list: SiteData[]) => [{ file: 'branch.xlsx', data: net.branch }, ...list.map((data, i) => ({ file: `site${i}.xlsx`, data }))];
    out.push({ name: `demo ${label}`, sites: sites(net.sites) });
    out.push({ name: `demo ${label} all defects`, sites: sites([net.sites[0], plantDefects(net.sites[1]).data, ...net.sites.slice(2)]) });
    for (const kind of DEFECT_KINDS) {
      out.push({ name: `demo ${label} ${kind}`, sites: sites([plantDefects(net.sites[0], [kind]).data, ...net.sites.slice(1)]) });
    }
  }
  return out;
}

export function corpus(): CorpusGroup[] {
  const rules = ['fenxiao', 'kaodian', 'branch-roundtrip'].map((n) => ({ file: `${n}.xlsx`, data: read('fixtures', `${n}.json`) }));
  return [{ name: 'rule fixtures', sites: rules }, ...qaGroups(), ...demoGroups()];
}
