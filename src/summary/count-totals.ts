/**
 * A consolidation's totals, counted in one loop for both ways of consolidating: in-process (consolidate.ts, from each
 * file's outcome) and spooled (batch/spool.ts, from each file's compact record, spool-entry.ts) — the two loops had to
 * be changed alike by every change to what is counted.
 */
import type { ConsolidatedTotals, HandoverPair } from './consolidate';
import { countUnsummarised, emptyTotals } from './totals';
import { type UnitStock, addUnitStock, unitStockOf } from './stock';
import { type UnitOfFile, leaveOut, repeatsOf, setRepeatedUnits, setRunSemester } from './set-aside';
import type { RepeatedUnit } from '../model/repeated-unit';
import { unitOfWorkbook } from '../model/repeated-unit';
import { commonUnit, unitChainOf } from './common-unit';
import { countPairs } from './absent-receivers';
import type { SiteSummary } from './site';

/** One file as the totals count it: what it is, its findings and its stock (nothing where it was not read). */
export interface CountedFile extends UnitOfFile, UnitStock {
  readable: boolean;
  /** One-line reason it was not read. */
  error?: string;
  semester: string;
  /** The unit's chain of names (unitChainOf): 总览's title names the unit all share. */
  chain: string[];
  errors: number;
  warnings: number;
}

/** An unreadable file's stock: nothing, in no level (it is not counted in one). */
const NO_STOCK: UnitStock = { level: null, papers: 0, bags: 0, copies: 0, candidates: 0, bagsStillOut: 0 };

/** A file's outcome (its summary, or the reason it was not read) as the totals count it. */
export function countedFileOf(o: { file: string; error?: string; summary?: SiteSummary; digest?: string }): CountedFile {
  const s = o.summary;
  return {
    file: o.file,
    ...(o.error ? { error: o.error } : {}),
    readable: Boolean(s),
    site: s?.site.name ?? '',
    semester: s?.site.semester ?? '',
    ...(s ? { unit: unitOfWorkbook(s.site) } : {}),
    ...(o.digest ? { digest: o.digest } : {}),
    chain: s ? unitChainOf(s.site) : [],
    errors: s?.findings.errors ?? 0,
    warnings: s?.findings.warnings ?? 0,
    ...(s ? unitStockOf(s) : NO_STOCK),
  };
}

/**
 * The run's totals over its files (in the order listed) and handover pairs. A workbook set aside (of another semester,
 * a unit's second: set-aside.ts) is counted as a file on a line of its own, its findings beside it there (leaveOut),
 * never in 可以提交 / 需改正 nor in 错误 / 警告 — those count the same workbooks, the ones counted — nor in any stock.
 * `repeats`: the readable files' repeats worked out already (set-aside.ts repeatsOf).
 */
export function countTotals<T extends CountedFile>(
  files: readonly T[],
  pairs: readonly HandoverPair[],
  repeats: Array<RepeatedUnit<T>> = repeatsOf(files.filter((f) => f.readable)),
): ConsolidatedTotals {
  const t = emptyTotals(files.length);
  const readable = files.filter((f) => f.readable);
  const ofRunSemester = setRunSemester(t, readable);
  const once = setRepeatedUnits(t, readable, repeats);
  const counted = (file: string) => ofRunSemester(file) && once(file);
  for (const f of files) {
    if (!f.readable) {
      countUnsummarised(t, f.error);
      continue;
    }
    if (!counted(f.file)) {
      leaveOut(t, f.file, f);
      continue;
    }
    t.errors += f.errors;
    t.warnings += f.warnings;
    t.sites++;
    if (f.errors === 0) t.ready++;
    addUnitStock(t, f);
  }
  t.unit = commonUnit(readable.filter((f) => counted(f.file)).map((f) => f.chain));
  countPairs(t, pairs);
  return t;
}
