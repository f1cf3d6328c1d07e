/**
 * One workbook file's result as the spooled consolidation (spool.ts) takes
 * it, made in the worker thread that read the file: the lines of the
 * temporary files and a few numbers, so that little crosses to the main
 * thread. Kept apart from spool.ts, which the main thread runs.
 */
import { pairCopiesOf } from '../summary/consolidate';
import { type CountedFile, countedFileOf } from '../summary/count-totals';
import { rowOf } from '../summary/columns';
import { SITE_COLUMNS, paperRowsOf } from '../summary/tables';
import type { ProcessedFile } from './consolidate';
import { packLocationsUnder } from '../model/location-map';

/** A file's compact record, kept in memory: what the totals count (CountedFile) and what the tables name it by. */
export interface FileRecord extends CountedFile {
  sha256: string | null;
  /** summary.site.school ('' when not given or unreadable): 站点汇总's rows are grouped by it (siteOrder). */
  school: string;
  /** The site as the findings report names it (`siteNameOf`). */
  reportSite: string | null;
}

/**
 * `slim`: the slim models without their locations, read back for the checks
 * across workbooks; `places`: their locations, packed (packLocationsUnder), a
 * line per model, read only for the few models those checks report on
 * (parsing them all was most of the checks' time); `copies`: each readable
 * file's handover copies as pairing compares them (`pairCopiesOf`), read back
 * to pair them once the worker threads are gone.
 */
export const SPOOLS = ['sites', 'papers', 'findings', 'summaries', 'slim', 'places', 'copies'] as const;
export type SpoolName = (typeof SPOOLS)[number];
export const SUMMARIES = SPOOLS.indexOf('summaries');
export const COPIES = SPOOLS.indexOf('copies');

/**
 * One file's result as the spooled consolidation takes it: made in the worker
 * thread, so that only strings and a few small objects cross to the main one.
 */
export interface SpoolEntry {
  file: string;
  /** Not a unit's workbook: left out, with the reason. */
  skipped?: string;
  record?: FileRecord;
  /**
   * The NDJSON lines (newline included) of every spool, in the order of
   * `SPOOLS`, as UTF-8: bytes that the main thread writes as they are (no
   * string to copy, decode or encode there), sent from the worker without a copy.
   */
  bytes?: Uint8Array;
  /** How many of `bytes` go to each spool (0: no line). */
  sizes?: number[];
  /** Findings per rule: [rule, errors, warnings]. */
  rules?: Array<[string, number, number]>;
}

const UTF8 = new TextEncoder();

/**
 * How many readable files have their full summary spooled. The workbook's
 * only use of them is a sheet per site, written for PER_SITE_SHEETS sites or
 * fewer; for thousands of sites they were a third of the bytes spooled,
 * turned into JSON that no one read. Each readable file takes a number from `taken`, shared by the
 * worker threads; one numbered `upTo` or more is not spooled, for there are
 * then more sites than get a sheet.
 */
export interface SummaryQuota {
  upTo: number;
  taken: Int32Array;
}

export function summaryQuota(upTo: number): SummaryQuota {
  return { upTo, taken: new Int32Array(new SharedArrayBuffer(4)) };
}

/** A processed file → its spool entry (in the worker thread); its summary spooled within `quota` (default: always). */
export function spoolEntryOf(r: ProcessedFile, lang?: 'zh' | 'en', quota?: SummaryQuota): SpoolEntry {
  const o = r.outcome;
  if (r.skipped) return { file: o.file, skipped: r.skipped };
  const s = o.summary;
  const record: FileRecord = {
    ...countedFileOf(o),
    sha256: o.sha256,
    school: s?.site.school.trim() ?? '',
    reportSite: o.site ?? null,
  };
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  const lines: Partial<Record<SpoolName, string>> = { sites: line(rowOf(SITE_COLUMNS, o, lang)), findings: line(o.findings) };
  const rules = new Map<string, [string, number, number]>();
  for (const x of o.findings) {
    const e = rules.get(x.rule) ?? [x.rule, 0, 0];
    e[x.severity === 'error' ? 1 : 2]++;
    rules.set(x.rule, e);
  }
  const entry: SpoolEntry = { file: o.file, record, rules: [...rules.values()] };
  if (s) {
    const papers = paperRowsOf(o, lang);
    if (papers.length) lines.papers = line(papers);
    if (!quota || Atomics.add(quota.taken, 0, 1) < quota.upTo) lines.summaries = line(s);
    // Every readable file has its line, none or not: pairing counts the units that gave a workbook.
    // Their fields as the slim model worked them out (service.ts slimModel), not again.
    lines.copies = line(pairCopiesOf(o.file, s, o.unknownFields, o.paperNames, r.slim, o.spacedCells));
  }
  if (r.slim) {
    const { locations, ...rest } = r.slim;
    lines.slim = line({ id: o.file, model: rest });
    // Packed by processFile in the spool's runs; packed here otherwise (every entry: under '').
    lines.places = line(r.places ?? packLocationsUnder(locations, ['']));
  }
  const encoded = SPOOLS.map((name) => UTF8.encode(lines[name] ?? ''));
  entry.sizes = encoded.map((b) => b.length);
  entry.bytes = new Uint8Array(entry.sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const b of encoded) {
    entry.bytes.set(b, at);
    at += b.length;
  }
  return entry;
}
