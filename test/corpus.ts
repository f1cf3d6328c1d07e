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

interface Edit {
  path: string;
  value?: unknown;
  delete?: boolean;
  push?: unknown;
}

interface PlantedCase {
  id: string;
  base: string;
  pair?: string;
  edits: Edit[];
}

function applyEdit(data: Record<string, unknown>, e: Edit): void {
  const keys = e.path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let o = data;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (e.delete) delete o[last];
  else if (e.push !== undefined) (o[last] as unknown[]).push(e.push);
  else o[last] = e.value;
}

function qaGroups(): CorpusGroup[] {
  const bases = ['zhanggong-kaodian', 'ganzhou-fenxiao'];
  const base = (name: string) => read('qa/fixtures', `${name}.json`);
  const groups: CorpusGroup[] = [{ name: 'qa clean', sites: bases.map((b) => ({ file: `${b}.xlsx`, data: base(b) })) }];
  const planted = JSON.parse(fs.readFileSync(path.join(__dirname, 'qa/fixtures/planted.json'), 'utf8')) as PlantedCase[];
  for (const c of planted) {
    const data = base(c.base);
    for (const e of c.edits) applyEdit(data as Record<string, unknown>, e);
    const other = bases.find((b) => b !== c.base)!;
    groups.push({
      name: `qa ${c.id}`,
      sites: [
        { file: `${c.base}-${c.id}.xlsx`, data },
        { file: `${other}.xlsx`, data: base(other) },
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
