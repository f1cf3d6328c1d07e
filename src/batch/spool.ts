/**
 * Node only: the consolidation of thousands of workbooks in memory that does
 * not grow with their number (`custody summary`, the benchmark).
 *
 * Each file's result is folded in as it arrives from the worker threads, in
 * the order of the files (a small reorder window keeps that order): its bulky
 * parts — the 站点汇总 row, the 试卷明细 rows, its findings, its full summary,
 * the slim model of the checks across workbooks and its handover copies — are
 * appended to NDJSON files in a temporary folder, one per output; in memory
 * stay only a compact record per file (a few numbers) and the running counts
 * per rule. The worker threads turn a result into those lines and numbers
 * (`spoolEntryOf`, spool-entry.ts), so that little crosses to the main thread.
 * When the summary is written, the rows are read back line by line into the
 * streaming writer (or the JSON is streamed out), and the temporary folder is
 * removed at the end, also on error (`dispose`).
 *
 * What still grows with the number of files, by design: the compact per-file
 * record (~0.3 KB); and, once the workers have ended, side by side: the slim
 * models, read back all at once for the check across workbooks (a global
 * matching; across-spool.ts, in a thread of its own), with repeated strings
 * shared and without their cell locations, which are read from disk only for
 * the models a finding across workbooks is reported on; and in this thread the
 * handover copies (pairing is a global matching too) and the pairs themselves.
 */
import { closeSync, openSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SiteModel } from '../model/site-model';
import type { FileReport, Finding } from '../model/finding';
import { fileReport, withAcross } from '../check/service';
import { ConsolidatedTotals, HandoverPair, HandoverPairer, type PairCopies } from '../summary/consolidate';
import { countTotals } from '../summary/count-totals';
import { repeatedUnitFiles, repeatsOf, setAsideFiles, setAsideNote, setAsideOf } from '../summary/set-aside';
import type { RepeatedUnit } from '../model/repeated-unit';
import { COPIES, FileRecord, SPOOLS, SUMMARIES, SpoolEntry, SpoolName, summaryQuota } from './spool-entry';
import { makeTemporaryFolder, sweepLeftovers } from './cleanup';
import { SpoolWriter, readLineAt, readLines } from './ndjson';
import { JsonChunks, nested } from './json-chunks';
import { type AcrossJob, type AcrossResult, acrossInWorker, acrossOfSpool } from './across-spool';
import { ConsolidateFilesOptions, processFile, processInWorkers, threadWorker } from './consolidate';
import { fileBudget } from './time-budget';
import { SiteSummary, addFindings } from '../summary/site';
import type { ConsolidatedSource, SettledSource } from '../io/xlsx/summary';
import { rowOf } from '../summary/columns';
import { rankChartData } from '../summary/overview';
import { columnIndex } from '../summary/tables-site';
import { fileStatus, siteNameShown } from '../summary/words';
import { countFindings } from '../summary/once-per-handover';
import { FILE_COLUMNS, SITE_COLUMNS, countByRule, disagreeCountedPerCopy, findingRowsOf, setAsideMarked, semestersOf } from '../summary/tables';
import { schoolsShown, siteOrder } from '../summary/site-order';
import { byFileName } from '../model/file-order';

type Row = Array<string | number | null>;

/** The cells of a 站点汇总 row that the checks across workbooks change, and the 分校 that all the run's units name (schoolsShown). */
const [STATUS, ERRORS, WARNINGS, SCHOOL] = ['status', 'errors', 'warnings', 'school'].map((k) => columnIndex(SITE_COLUMNS, k));

/** The next line of a spool that must have one. */
async function nextLine<T>(lines: AsyncIterator<T>): Promise<T> {
  const next = await lines.next();
  if (next.done) throw new Error('a spool has fewer lines than its files');
  return next.value;
}

/** A consolidation whose rows wait on disk; `dispose()` removes them. */
export class SpooledConsolidation {
  readonly records: FileRecord[] = [];
  skipped: Array<{ file: string; reason: string }> = [];
  pairs: HandoverPair[] = [];
  totals!: ConsolidatedTotals;
  /** The checks across workbooks being counted in (finish). */
  private settling?: Promise<void>;
  /** Findings of the checks across workbooks, by file (only files with some). */
  across = new Map<string, Finding[]>();
  /** The sheets of the files with findings across workbooks: their findings' reading order. */
  private readonly sheetsOf = new Map<string, SiteModel['sheets']>();
  private readonly byRule = new Map<string, { errors: number; warnings: number }>();
  /** Each file's findings by rule, as counted into `byRule`: a unit's second workbook's are taken out again once it is known. */
  private readonly rulesOf = new Map<string, ReadonlyArray<[string, number, number]>>();
  /** The readable files' units' second workbooks (set-aside.ts repeatsOf), worked out once the files are in (finish). */
  private repeats: Array<RepeatedUnit<FileRecord>> = [];
  /** The site of each line of the `copies` spool, in order. */
  private copySites: string[] = [];
  /** Readable files whose summary was not spooled (beyond the quota). */
  private readonly unspooled = new Set<string>();
  private lang: 'zh' | 'en' | undefined;
  /** Where each slim model's locations line is in the `places` spool: [offset, bytes], in the order of the slim models. */
  private places: Array<[number, number]> = [];
  /** Where each record's 站点汇总 row is in the `sites` spool: [offset, bytes], read in 站点汇总's order (siteOrder), not the files'. */
  private readonly siteLines: Array<[number, number]> = [];
  /** Open spools: written synchronously, so that no more than a few hundred KB wait in memory for the disk. */
  private readonly out = new Map<SpoolName, SpoolWriter>();

  private untrack = (): void => undefined;

  private constructor(readonly dir: string) {}

  /** A new, empty spool in a new folder under `tmpDir` (default: the system's). */
  static async create(tmpDir = os.tmpdir()): Promise<SpooledConsolidation> {
    // What a killed run left here goes first; this run's folder is removed even on a signal.
    await sweepLeftovers(tmpDir);
    const { folder, untrack } = await makeTemporaryFolder(tmpDir, 'summary');
    const spool = new SpooledConsolidation(folder);
    spool.untrack = untrack;
    try {
      for (const name of SPOOLS) spool.out.set(name, new SpoolWriter(openSync(spool.spool(name), 'w')));
    } catch (error) {
      await spool.dispose();
      throw error;
    }
    return spool;
  }

  /** Closes the spools, what waits written first (`flush`) or dropped (the run failed). */
  private closeSpools(flush: boolean): void {
    try {
      if (flush) for (const w of this.out.values()) w.flush();
    } finally {
      for (const w of this.out.values()) closeSync(w.fd);
      this.out.clear();
    }
  }

  /** The NDJSON file of one output. */
  spool(name: SpoolName): string {
    return path.join(this.dir, `${name}.ndjson`);
  }

  /** Folds in one file's result; files must come in the order they are to be listed. */
  take(e: SpoolEntry): void {
    if (e.skipped) {
      this.skipped.push({ file: e.file, reason: e.skipped });
      return;
    }
    const rec = e.record!;
    this.records.push(rec);
    if (rec.readable && !e.sizes?.[SUMMARIES]) this.unspooled.add(rec.file);
    let at = 0;
    e.sizes?.forEach((size, k) => {
      if (!size) return;
      const out = this.out.get(SPOOLS[k])!;
      if (SPOOLS[k] === 'places') this.places.push([out.written, size]);
      if (SPOOLS[k] === 'sites') this.siteLines.push([out.written, size]);
      out.add(e.bytes!.subarray(at, at + size));
      at += size;
    });
    this.addRules(e.rules ?? [], 1);
    if (e.rules?.length) this.rulesOf.set(rec.file, e.rules);
    if (e.sizes?.[COPIES]) this.copySites.push(rec.site);
  }

  /** Adds (`sign` 1) or takes out (-1) one file's findings by rule. */
  private addRules(rules: ReadonlyArray<[string, number, number]>, sign: 1 | -1): void {
    for (const [rule, errors, warnings] of rules) {
      const c = this.byRule.get(rule) ?? { errors: 0, warnings: 0 };
      c.errors += sign * errors;
      c.warnings += sign * warnings;
      // A rule only the left-out workbook met is in no chart, as it would be in a run without that workbook.
      if (c.errors === 0 && c.warnings === 0) this.byRule.delete(rule);
      else this.byRule.set(rule, c);
    }
  }

  private countRules(findings: readonly Finding[]): void {
    countByRule(findings, this.byRule);
  }

  /**
   * After the last file: the checks across workbooks (in a worker thread of
   * `acrossWorker`'s when given, while this one pairs the handover copies),
   * the pairs, the totals; the spools closed. With `settleLater`, it returns
   * once the pairs are made: the checks across workbooks may still run, and
   * what they change (the totals, the records' counts, the findings) is ready
   * when `settled()` resolves.
   */
  async finish(lang?: 'zh' | 'en', acrossWorker?: string, settleLater = false): Promise<void> {
    this.lang = lang;
    this.closeSpools(true);
    // A unit's second workbooks, once for the pairing and the totals.
    this.repeats = repeatsOf(this.records.filter((r) => r.readable));
    const job: AcrossJob = { slim: this.spool('slim'), places: this.spool('places'), offsets: this.places, lang };
    this.places = [];
    const across = acrossWorker ? acrossInWorker(job, acrossWorker) : acrossOfSpool(job);
    // Not left unhandled while the pairing is awaited; awaited (and thrown) by settled().
    across.catch(() => undefined);
    this.pairs = await this.pairCopies();
    this.settling = across.then((found) => this.countAcross(found));
    this.settling.catch(() => undefined);
    if (!settleLater) await this.settling;
  }

  /** Resolves once the checks across workbooks are counted in (at once after a `finish` without `settleLater`). */
  settled(): Promise<void> {
    return this.settling ?? Promise.reject(new Error('settled() before finish()'));
  }

  private countAcross({ found, sheets }: AcrossResult): void {
    for (const [id, f] of found) this.across.set(id, f);
    for (const [id, s] of sheets) this.sheetsOf.set(id, s);
    for (const rec of this.records) {
      const found = this.across.get(rec.file);
      if (!found || !rec.readable) continue;
      // As the summary counts them: a disagreeing handover once per slip, not once per field.
      const counted = countFindings(found);
      rec.errors += counted.errors;
      rec.warnings += counted.warnings;
    }
    this.totals = countTotals(this.records, this.pairs, this.repeats);
    // A workbook set aside: its findings in no chart of 总览, as in none of its figures (those count the workbooks counted).
    const aside = setAsideFiles(this.totals);
    for (const rec of this.records) {
      const found = this.across.get(rec.file);
      if (found && !aside.has(rec.file)) this.countRules(found);
    }
    for (const file of aside) this.addRules(this.rulesOf.get(file) ?? [], -1);
  }

  /**
   * The handover copies read back and paired. Held in memory while the worker
   * threads ran, they were some 12 MB of the main thread's 27 MB alive over
   * 3,000 workbooks, at the run's peak; now they are read once the worker
   * threads are gone, while the checks across workbooks run.
   */
  private async pairCopies(): Promise<HandoverPair[]> {
    const pairer = new HandoverPairer(repeatedUnitFiles(this.records, this.repeats));
    let k = 0;
    for await (const copies of readLines<PairCopies>(this.spool('copies'))) {
      if (k === this.copySites.length) throw new Error('the copies spool has more lines than its files');
      pairer.addCopies(this.copySites[k++], copies);
    }
    if (k !== this.copySites.length) throw new Error('the copies spool has fewer lines than its files');
    this.copySites = [];
    return pairer.pairs();
  }

  /** The files that could not be read, with the reason. */
  unreadable(): Array<{ file: string; error: string }> {
    return this.records.filter((r) => r.error).map((r) => ({ file: r.file, error: r.error! }));
  }

  /** Each file's findings (its own, then those across workbooks), in file order. */
  private async *findings(): AsyncGenerator<{ rec: FileRecord; findings: Finding[] }> {
    let i = 0;
    for await (const own of readLines<Finding[]>(this.spool('findings'))) {
      const rec = this.records[i++];
      const found = rec.readable ? this.across.get(rec.file) : undefined;
      yield { rec, findings: found ? withAcross({ sheets: this.sheetsOf.get(rec.file) ?? [] }, own, found) : own };
    }
  }

  /** Each readable file's summary, with the findings across workbooks counted in. */
  private async *summaries(): AsyncGenerator<SiteSummary> {
    const spooled = readLines<SiteSummary>(this.spool('summaries'))[Symbol.asyncIterator]();
    try {
      for (const rec of this.records) {
        if (!rec.readable) continue;
        const s = this.unspooled.has(rec.file) ? await this.summaryAgain(rec.file) : await nextLine(spooled);
        const found = this.across.get(rec.file);
        yield found ? addFindings(s, found) : s;
      }
    } finally {
      await spooled.return?.(undefined);
    }
  }

  /**
   * A summary the quota left out, made again from its file: only when the
   * sites turn out to be few after all, which the quota rules out but for a
   * file whose worker was stopped after taking its number.
   */
  private async summaryAgain(file: string): Promise<SiteSummary> {
    const summary = (await processFile(file, this.lang, false, { budget: fileBudget() })).outcome.summary;
    if (!summary) throw new Error(`${file}: 汇总期间文件已改变，无法再读取（File changed during the summary）`);
    return summary;
  }

  /** What `consolidatedXlsx` writes from, read back from the spools. */
  source(): ConsolidatedSource {
    // The generators below run later, outside this call: they take what they read as locals.
    const { records, pairs, lang, siteLines } = this;
    const spool = (name: SpoolName) => this.spool(name);
    const findingsOf = () => this.findings();
    const summaries = () => this.summaries();
    const settled = async (): Promise<SettledSource> => {
      await this.settled();
      const totals = this.totals;
      const aside = setAsideFiles(totals);
      const places = records.map((r) => ({ readable: r.readable, level: r.level, school: r.school, name: r.site }));
      const [order, schools] = [siteOrder(places), schoolsShown(places)];
      return {
        totals: this.totals,
        chart: rankChartData(
          disagreeCountedPerCopy(this.byRule, pairs),
          // A 考点 naming no 考点: as 站点汇总's 单位 says it, not its 分校's name.
          records
            .filter((r) => r.readable && !aside.has(r.file))
            .map((r) => ({ ...r, name: siteNameShown({ name: r.site, unnamed: r.unnamed }, lang ?? 'zh') || r.file })),
        ),
        semesters: semestersOf(records.map((r) => r.semester)),
        async *siteRows() {
          if (siteLines.length !== records.length) throw new Error('the sites spool has not a line per file');
          const sites = openSync(spool('sites'), 'r');
          try {
            for (const i of order) {
              const rec = records[i];
              const row = readLineAt<Row>(sites, ...siteLines[i]);
              if (rec.readable) {
                row[STATUS] = fileStatus(rec);
                row[ERRORS] = rec.errors;
                row[WARNINGS] = rec.warnings;
                row[SCHOOL] = schools[i];
              }
              yield setAsideMarked(row, rec.file, totals, lang ?? 'zh');
            }
          } finally {
            closeSync(sites);
          }
        },
        *fileRows() {
          for (const r of records) {
            const site = siteNameShown({ name: r.site, unnamed: r.unnamed }, lang ?? 'zh');
            const status = fileStatus({ ...r, aside: r.readable ? setAsideOf(r.file, totals) : undefined });
            // A workbook set aside: why, as its 站点汇总 row says (setAsideNote).
            const note = r.error ?? (r.readable ? setAsideNote(r.file, totals, lang ?? 'zh') : undefined) ?? '';
            yield rowOf(FILE_COLUMNS, { file: r.file, site, status, sha256: r.sha256, note });
          }
        },
        async *findingRows() {
          for await (const { rec, findings } of findingsOf()) {
            const site = siteNameShown({ name: rec.site, unnamed: rec.unnamed }, lang ?? 'zh');
            yield* findingRowsOf({ file: rec.file, error: rec.error, site, findings }, pairs, lang);
          }
        },
        async *sites() {
          const findings = findingsOf();
          try {
            for await (const summary of summaries()) {
              let next = await findings.next();
              while (!next.done && !next.value.rec.readable) next = await findings.next();
              if (next.done) return;
              yield { file: next.value.rec.file, summary, findings: next.value.findings };
            }
          } finally {
            // Its file closed now, not when collected: the files after the last readable one are not read.
            await findings.return(undefined);
          }
        },
      };
    };
    return {
      pairs,
      files: records.map((r) => r.file),
      async *paperRows() {
        for await (const rows of readLines<Row[]>(spool('papers'))) yield* rows;
      },
      settled,
    };
  }

  /**
   * `custody summary --format json`, streamed: the same text as
   * `JSON.stringify(consolidatedJson(c), null, 2)`, in chunks that end at a
   * line's end (but the last), so that no more than a chunk is held.
   */
  async writeJson(emit: (chunk: string) => void | Promise<void>): Promise<void> {
    await this.settled();
    const json = new JsonChunks(emit);
    const findings = () => this.findings();
    await json.put('{\n  "files": ');
    const reports = (async function* (): AsyncGenerator<FileReport> {
      for await (const { rec, findings: found } of findings()) {
        yield fileReport(rec.file, rec.readable ? rec.reportSite : null, rec.sha256, found, rec.error);
      }
    })();
    // A file's findings one at a time: a file may have hundreds of thousands.
    await json.array(reports, '  ', 2);
    await json.put(',\n  "sites": ');
    await json.array(this.summaries(), '  ');
    await json.put(',\n  "handoverPairs": ');
    await json.array(this.pairs, '  ');
    await json.put(`,\n  "totals": ${nested(this.totals, '  ')}\n}`);
    await json.end();
  }

  /** Removes the temporary folder (safe to call twice). */
  async dispose(): Promise<void> {
    // The checks across workbooks read the spools: not removed under them.
    await this.settling?.catch(() => undefined);
    try {
      this.closeSpools(false);
    } catch {
      // Closing failed: the folder goes all the same.
    }
    await fs.rm(this.dir, { recursive: true, force: true });
    this.untrack();
  }
}

/**
 * Reads, checks and summarises every file (on every core, as
 * `consolidateFiles`) into a spooled consolidation. The caller writes the
 * summary from it and must `dispose()` it; on error it is disposed here.
 */
export async function spoolFiles(
  files: readonly string[],
  options: ConsolidateFilesOptions & {
    /** Where the temporary folder goes (default: the system's). */
    tmpDir?: string;
    /** Spool the full summaries of at most this many readable files (default: all; see SummaryQuota). */
    summariesUpTo?: number;
    /** Return before the checks across workbooks are counted in: the caller awaits `settled()` (see finish). */
    settleLater?: boolean;
  } = {},
): Promise<SpooledConsolidation> {
  // The order of the output (buildConsolidated sorts the same way).
  const sorted = [...files].sort(byFileName);
  const spool = await SpooledConsolidation.create(options.tmpDir);
  try {
    const quota = options.summariesUpTo === undefined ? undefined : summaryQuota(options.summariesUpTo);
    // A byte copy of another file is taken like any workbook: unit-workbook-twice sets it aside as its unit's second.
    await processInWorkers<SpoolEntry>(sorted, options, (e) => spool.take(e), { answer: 'spool', quota });
    // A thread of its own for the checks across workbooks where the files had threads.
    await spool.finish(options.lang, threadWorker(options, files.length), options.settleLater);
    return spool;
  } catch (error) {
    await spool.dispose();
    throw error;
  }
}
