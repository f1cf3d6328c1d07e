/**
 * The browser face's slow work on one workbook, the same code in the Web
 * Worker (read-worker.ts) and on the page where no worker runs: read it with
 * the one reader and check it on its own, in both languages (switching the
 * pane's language then needs no checking on the page); write its marked copy;
 * write the consolidated summary of many (300 sites held the page 0.8 s).
 * What it returns is plain data, to cross from the worker to the page.
 */
import { CheckedWorkbook, PackedModel, checkWorkbookIn, packModel, unpackModel } from '../check/service';
import { markedCopy, openWorkbook } from '../io/xlsx/browser';
import { consolidatedXlsx } from '../io/xlsx/summary';
import { consolidateModels } from '../summary/consolidate';
import type { FileReport, Finding } from '../model/finding';
import type { WorkbookGrid } from '../model/grid';
import type { SiteModel } from '../model/site-model';
import { SiteInput, SiteResult, checkSites } from './check';
import type { Lang } from './i18n';
import { type DateKinds, dateKindsOf, withDateKinds } from './date-kinds';

const LANGS: readonly Lang[] = ['zh', 'en'];

/** A workbook read and checked on its own, as it crosses to the page. */
export interface ReadAndChecked {
  grid: WorkbookGrid;
  /** The cells whose date format kind the crossing drops (date-kinds.ts); absent: none. */
  dateKinds?: DateKinds;
  /** Absent for a workbook that is no unit's (a summary) or could not be checked. */
  model?: PackedModel;
  checks: Record<Lang, { report: FileReport; skipped?: string }>;
}

/** The same, on the page: its model unpacked once. */
export interface OpenedWorkbookChecks {
  grid: WorkbookGrid;
  model?: SiteModel;
  checks: ReadAndChecked['checks'];
}

async function sha256(bytes: Uint8Array): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the checks across workbooks take of a workbook read: its model and its checks on its own (the worker keeps no grid). */
export type HeldChecks = Omit<OpenedWorkbookChecks, 'grid'> & { grid?: WorkbookGrid };

/** Reads and checks a picked file: as it crosses to the page, and as it is held for the checks across. */
export async function readChecked(name: string, bytes: Uint8Array): Promise<{ read: ReadAndChecked; held: HeldChecks }> {
  const { grid } = await openWorkbook(name, bytes);
  const [zh, en] = await checkWorkbookIn({ file: name, bytes, grid }, LANGS, { hash: sha256 });
  const plain = ({ report, skipped }: CheckedWorkbook) => (skipped === undefined ? { report } : { report, skipped });
  const checks = { zh: plain(zh), en: plain(en) };
  const dateKinds = dateKindsOf(grid);
  return {
    read: { grid, ...(dateKinds.at.length ? { dateKinds } : {}), ...(zh.model ? { model: packModel(zh.model) } : {}), checks },
    held: { checks, ...(zh.model ? { model: zh.model } : {}) },
  };
}

/** Reads and checks a picked file; a file the reader refuses throws its BrowserReadError, as openWorkbook does. */
export async function readAndCheck(name: string, bytes: Uint8Array): Promise<ReadAndChecked> {
  return (await readChecked(name, bytes)).read;
}

export function unpacked(read: ReadAndChecked): OpenedWorkbookChecks {
  return { grid: withDateKinds(read.grid, read.dateKinds), model: read.model && unpackModel(read.model), checks: read.checks };
}

/** The workbook as the check service takes it already checked, in `lang`. */
function checkedIn(opened: HeldChecks, lang: Lang): CheckedWorkbook {
  return { ...opened.checks[lang], ...(opened.grid ? { grid: opened.grid } : {}), ...(opened.model ? { model: opened.model } : {}) };
}

/**
 * A file given to the checks, by the key it was read under and the label it is
 * shown by (its name, or its name told apart from an open namesake): read (its
 * checks held under its key), or why not (and its bytes, for the SHA-256).
 */
export type CheckEntry = { key: string; label: string } & ({ error?: undefined; seed?: HeldSeed } | { error: string; bytes?: Uint8Array });

/**
 * A file read by a worker since ended (停止): its checks and model as the page holds them, given to the worker that
 * now runs, which holds them under the entry's key (reading it again would take as long as it did).
 */
export interface HeldSeed {
  checks: ReadAndChecked['checks'];
  model?: PackedModel;
}

/** What a worker holds of a seed. */
export function heldFromSeed(seed: HeldSeed): HeldChecks {
  return { checks: seed.checks, ...(seed.model ? { model: unpackModel(seed.model) } : {}) };
}

/** A seed of a file the page holds read. */
export function seedOf(opened: OpenedWorkbookChecks): HeldSeed {
  return { checks: opened.checks, ...(opened.model ? { model: packModel(opened.model) } : {}) };
}

/** A file checked, as it crosses to the page: without the grid and model the page holds. */
export type CheckedFile = Omit<SiteResult, 'grid' | 'model'>;

/**
 * The checks across the files given and each one's summary, in the worker:
 * with many files, or one large one, they held the page for a quarter of a
 * second or more after every reading and every switch of language.
 */
export async function checkHeld(entries: readonly CheckEntry[], held: (name: string) => HeldChecks | undefined, lang: Lang): Promise<CheckedFile[]> {
  const inputs = entries.map((entry): SiteInput => {
    if (entry.error !== undefined) return { id: entry.key, label: entry.label, bytes: entry.bytes, error: entry.error };
    const checks = held(entry.key);
    if (!checks) throw new Error(`${entry.key}: not read`);
    return { id: entry.key, label: entry.label, checked: checkedIn(checks, lang) };
  });
  const results = await checkSites(inputs, lang, sha256);
  return results.map(({ grid: _grid, model: _model, ...result }) => result);
}

export function markWorkbook(bytes: Uint8Array, findings: readonly Finding[], lang: Lang): Promise<Uint8Array> {
  return markedCopy({ bytes }, findings, lang);
}

/**
 * A site as the consolidated summary takes it, as it crosses to the worker: by
 * the key its model is held under there (packing 300 models on the page and
 * copying them across held it some 65 ms for nothing), or why it was not read.
 */
export interface ConsolidatedSite {
  file: string;
  sha256: string | null;
  key: string;
  error?: string;
}

/** The consolidated summary of the sites given, each with the model held under its key (a file not read has none). */
export function consolidatedWorkbook(sites: readonly ConsolidatedSite[], held: (key: string) => HeldChecks | undefined, lang: Lang): Promise<Uint8Array> {
  const inputs = sites.map(({ key, ...site }) => {
    const model = held(key)?.model;
    return { ...site, ...(model ? { model } : {}) };
  });
  return consolidatedXlsx(consolidateModels(inputs, { lang }), { lang });
}
