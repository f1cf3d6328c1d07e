/**
 * A corpus of realistic site workbooks for the benchmarks: N workbooks made of
 * networks of one 分校 and nine 考点 (every fifth 考点 with two real mistakes),
 * written through the `custody fill` path. Cached per N under the system's
 * temporary folder, so that a second run measures only the consolidation.
 */
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFECT_KINDS, plantDefects, sampleNetwork, siteNameOf } from '../src/demo/sample';
import type { SiteData } from '../src/model/types';

const CITIES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西'];
const SITES_PER_BRANCH = 9;
const VERSION = 'v2';

export interface CorpusTask {
  file: string;
  branch: number;
  /** -1: the 分校's own workbook; else the index of the 考点. */
  site: number;
}

function schoolName(k: number): string {
  return k < CITIES.length ? `${CITIES[k]}分校` : `第${k + 1}分校`;
}

/** The data of one corpus workbook (pure, deterministic). */
export function corpusData(branch: number, site: number): SiteData {
  const school = schoolName(branch);
  const city = school.replace(/分校$/, '');
  const net = sampleNetwork({
    seed: 1000 + branch,
    school,
    sites: SITES_PER_BRANCH,
    siteNames: Array.from({ length: SITES_PER_BRANCH }, (_, i) => `${city}${siteNameOf(i).replace(/考点$/, '')}考点`),
    papers: 8,
    sessions: 4,
  });
  if (site < 0) return net.branch;
  const data = net.sites[site];
  if ((branch * SITES_PER_BRANCH + site) % 5 === 4) {
    const a = DEFECT_KINDS[(branch + site) % DEFECT_KINDS.length];
    const b = DEFECT_KINDS[(branch + site + 3) % DEFECT_KINDS.length];
    return plantDefects(data, [a, b]).data;
  }
  return data;
}

function corpusDir(n: number): string {
  return path.join(os.tmpdir(), 'custody-bench', `${n}-${VERSION}`);
}

export function corpusTasks(n: number): CorpusTask[] {
  const dir = corpusDir(n);
  const tasks: CorpusTask[] = [];
  for (let k = 0; tasks.length < n; k++) {
    const folder = path.join(dir, schoolName(k));
    tasks.push({ file: path.join(folder, `${schoolName(k)}.xlsx`), branch: k, site: -1 });
    for (let i = 0; i < SITES_PER_BRANCH && tasks.length < n; i++) {
      tasks.push({ file: path.join(folder, `${String(i + 1).padStart(2, '0')}.xlsx`), branch: k, site: i });
    }
  }
  return tasks;
}

/** Writes the corpus of n workbooks (in worker threads) unless it is already there; returns the files. */
export async function ensureCorpus(n: number, threads: number, log: (s: string) => void): Promise<string[]> {
  const tasks = corpusTasks(n);
  const marker = path.join(corpusDir(n), '.complete');
  if (existsSync(marker)) return tasks.map((t) => t.file);
  const started = Date.now();
  log(`生成 ${n} 个示例工作簿到 ${corpusDir(n)} …`);
  for (const dir of new Set(tasks.map((t) => path.dirname(t.file)))) await fs.mkdir(dir, { recursive: true });
  const worker = path.join(__dirname, 'corpus-worker.js');
  if (existsSync(worker)) {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: worker, maxThreads: threads, minThreads: threads });
    let done = 0;
    const batch = 200;
    for (let i = 0; i < tasks.length; i += batch) {
      await Promise.all(tasks.slice(i, i + batch).map((t) => pool.run(t, { name: 'writeCorpusFile' })));
      done += Math.min(batch, tasks.length - i);
      if (done % 1000 === 0 || done === tasks.length) log(`  ${done}/${tasks.length}`);
    }
    await pool.destroy();
  } else {
    const { writeCorpusFile } = await import('./corpus-worker');
    for (const t of tasks) await writeCorpusFile(t);
  }
  await fs.writeFile(marker, new Date().toISOString());
  log(`  用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return tasks.map((t) => t.file);
}
