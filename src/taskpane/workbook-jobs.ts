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
import type { Lang } from './i18n';

const LANGS: readonly Lang[] = ['zh', 'en'];

/** A workbook read and checked on its own, as it crosses to the page. */
export interface ReadAndChecked {
  grid: WorkbookGrid;
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

export async function sha256(bytes: Uint8Array): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads and checks a picked file; a file the reader refuses throws its BrowserReadError, as openWorkbook does. */
export async function readAndCheck(name: string, bytes: Uint8Array): Promise<ReadAndChecked> {
  const { grid } = await openWorkbook(name, bytes);
  const [zh, en] = await checkWorkbookIn({ file: name, bytes, grid }, LANGS, { hash: sha256 });
  const plain = ({ report, skipped }: CheckedWorkbook) => (skipped === undefined ? { report } : { report, skipped });
  return { grid, ...(zh.model ? { model: packModel(zh.model) } : {}), checks: { zh: plain(zh), en: plain(en) } };
}

export function unpacked(read: ReadAndChecked): OpenedWorkbookChecks {
  return { grid: read.grid, model: read.model && unpackModel(read.model), checks: read.checks };
}

/** The workbook as the check service takes it already checked, in `lang`. */
export function checkedIn(opened: OpenedWorkbookChecks, lang: Lang): CheckedWorkbook {
  return { ...opened.checks[lang], grid: opened.grid, ...(opened.model ? { model: opened.model } : {}) };
}

export function markWorkbook(bytes: Uint8Array, findings: readonly Finding[], lang: Lang): Promise<Uint8Array> {
  return markedCopy({ bytes }, findings, lang);
}

/** A site as the consolidated summary takes it, as it crosses to the worker. */
export interface ConsolidatedSite {
  file: string;
  sha256: string | null;
  model?: PackedModel;
  error?: string;
}

export function consolidatedWorkbook(sites: readonly ConsolidatedSite[], lang: Lang): Promise<Uint8Array> {
  const inputs = sites.map(({ model, ...site }) => ({ ...site, ...(model ? { model: unpackModel(model) } : {}) }));
  return consolidatedXlsx(consolidateModels(inputs, { lang }), { lang });
}
