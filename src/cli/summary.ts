/**
 * `custody summary FILE|DIR… -o SUMMARY.xlsx [--format json]`: the consolidated
 * custody summary over many workbooks. Folders are searched for .xlsx (not
 * Office lock files, not the output itself); unreadable files are listed with a
 * one-line reason and the others still summarised.
 *
 * Exit code as `validate`: 0 no errors; 1 errors found; 2 a file could not be
 * read or the call was wrong. The summary is written in every case.
 */
import { type Command, Option } from 'commander';
// fs/promises reached when used, not loaded by every start of the CLI.
import { createWriteStream, promises as fsp } from 'fs';
import * as path from 'path';
import {
  type StatMemo,
  exists,
  findWorkbookFiles,
  outputIsFolder,
  refuseOutputsOverInputs,
  sameFileIn,
  writeAtomically,
  writeFileAtomic,
} from '../batch/files';
import { checkWorkbook } from '../check/service';
import { Refusal, notCustody, printable, refusalLine } from '../check/refusal';
import { nodeCheckOptions, workbookFile } from '../batch/workbook-file';
import type { ConsolidatedTotals, LevelTotals } from '../summary/consolidate';
import { levelFigure, levelWhy, levelsShown, noneLinesOf, otherSemesterLinesOf, repeatedUnitLinesOf, unknownWhy, whyShown } from '../summary/overview';
import { SET_ASIDE_COUNT_WORDS, type SetAside, levelWord } from '../summary/words';
import { setAsideCounts } from '../summary/set-aside';
import { absentReceiverLinesOf } from '../summary/absent-receivers';
import type { SpooledConsolidation } from '../batch/spool';
import type { EarlyWorkers } from '../batch/pool';
import { type CliIO, describeError } from './io';
import { progressBar } from './progress';
import { forceOption, langOption, noWorkbookLine, notXlsxLine, skippedLine, threadsOption, unreadableLine, writtenLine } from './manners';
import { counted, singularOfOne } from '../rules/plural';
import { countShown } from '../model/count-shown';

const DEFAULT_SUMMARY_NAME = '试卷保管汇总.xlsx';

export interface SummaryRunOptions {
  out?: string;
  format?: 'xlsx' | 'json';
  lang?: 'zh' | 'en';
  threads?: number;
  /** Write over a unit's workbook filled in that is where the output goes (refuseReplacingUnitWorkbook). */
  force?: boolean;
  /** Where the temporary files go while the summary is made (default: the system's temporary folder). */
  tmpDir?: string;
}

/**
 * The papers in the run, level by level down the chain (省校, 分校, 考点, then
 * units whose level cannot be read): each level's figures side by side, never
 * added up, for a level's papers are those the level above passed on to it.
 */
function stockLine(t: ConsolidatedTotals, lang: 'zh' | 'en'): string {
  const levels = levelsShown(t);
  // A level's candidates some or all of whose units' 考试安排 could not be read: at least N, or unknown (levelFigure).
  const candidates = (l: LevelTotals) => levelFigure(l, 'candidates');
  // Bags and copies of a level some units of which keep no 附件2 or one not read: at least N (review 22a D2), or unknown.
  const stock = (l: LevelTotals) => {
    const [bags, copies] = [levelFigure(l, 'bags'), levelFigure(l, 'copies')];
    const why = () => whyShown(levelWhy(l, 'bags'), lang);
    if (lang === 'en') {
      if (bags === null || copies === null) return `bags and copies unknown (${why()})`;
      return `${bags.atLeast ? 'at least ' : ''}${counted(bags.n, 'bags')}, ${copies.atLeast ? 'at least ' : ''}${counted(copies.n, 'copies')}`;
    }
    if (bags === null || copies === null) return `袋数、份数未知：${why().replace(/ /g, '')}`;
    return `${bags.atLeast ? '至少 ' : ''}${countShown(bags.n)} 袋、${copies.atLeast ? '至少 ' : ''}${countShown(copies.n)} 份`;
  };
  // Bags still out with a unit's 附件3 not read (in no figure): at least N, or unknown where N is 0.
  // Why unknown, as the figures' cells say it: 附件3 未能读取, or 附件3 显示错误值 where its cells show an error value.
  const outWhy = unknownWhy(t, 'Log');
  const out = outWhy.length ? (t.bagsStillOut > 0 ? { n: t.bagsStillOut, atLeast: true } : null) : { n: t.bagsStillOut };
  if (lang === 'en') {
    const said = (c: ReturnType<typeof candidates>, l: LevelTotals) =>
      c === null
        ? `candidates unknown: ${whyShown(levelWhy(l, 'candidates'), lang)}`
        : c.atLeast
          ? `at least ${countShown(c.n)} candidates`
          : `${countShown(c.n)} candidates`;
    const each = levels.map((l) => singularOfOne(`${levelWord(l.level, lang)}: ${countShown(l.units)} units, ${stock(l)} (${said(candidates(l), l)})`));
    const back =
      out === null
        ? `Bags not back in the vault unknown (${whyShown(outWhy, lang)})`
        : `${out.atLeast ? 'At least ' : ''}${counted(out.n, 'bags')} not back in the vault`;
    return `Papers by unit level (the same papers passed down the chain, not added up): ${each.length ? each.join('; ') : 'none'}. ${back}.`;
  }
  // 考试安排未能读取, 考试安排显示错误值: the words of the cells, run together after 报考人数未知.
  const said = (c: ReturnType<typeof candidates>, l: LevelTotals) =>
    c === null ? `报考人数未知：${whyShown(levelWhy(l, 'candidates'), lang).replace(/ /g, '')}` : `报考${c.atLeast ? '至少' : ''} ${countShown(c.n)} 人`;
  const each = levels.map((l) => `${levelWord(l.level, lang)} ${countShown(l.units)} 个，${stock(l)}（${said(candidates(l), l)}）`);
  const back = out === null ? `未还保密室袋数未知（${whyShown(outWhy, lang)}）` : `未还保密室${out.atLeast ? '至少' : ''} ${countShown(out.n)} 袋`;
  return `试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：${each.length ? each.join('；') : '无'}。${back}。`;
}

/** The line on workbooks of another semester (otherSemesterLines), their files as the CLI prints a name. */
const otherSemesterLines = (t: ConsolidatedTotals, lang: 'zh' | 'en'): string[] => otherSemesterLinesOf(t, lang, printable);

/** The line on a unit's second workbooks (repeatedUnitLinesOf), their files as the CLI prints a name. */
const repeatedUnitLines = (t: ConsolidatedTotals, lang: 'zh' | 'en'): string[] => repeatedUnitLinesOf(t, lang, printable);

/** The few lines a person reads after a summary run. */
/** Of the files not summarised, those read but not custody workbooks (notCustody), and those that could not be read. */
function notCheckedCounts(files: ReadonlyArray<{ error: string }>): [number, number] {
  const notOurs = files.filter((f) => notCustody(f.error)).length;
  return [notOurs, files.length - notOurs];
}

const notCustodyEn = (n: number): string => (n === 1 ? '1 not a custody workbook' : `${countShown(n)} not custody workbooks`);

/**
 * “（其中 1 个无法读取，2 个不是试卷保密表单，1 个属另一学期）” after the files summarised: those neither 可以提交 nor 需改正
 * (set aside: SET_ASIDE_COUNT_WORDS, as 总览 counts them), so that the counts add up to the files; nothing when there are none.
 */
function notCheckedZh(unread: number, notOurs: number, aside: string[]): string {
  const parts = [unread ? `${countShown(unread)} 个无法读取` : '', notOurs ? `${countShown(notOurs)} 个不是试卷保密表单` : '', ...aside].filter(Boolean);
  return parts.length > 0 ? `（其中 ${parts.join('，')}）` : '';
}

function notCheckedEn(unread: number, notOurs: number, aside: string[]): string {
  const parts = [unread ? `${countShown(unread)} could not be read` : '', notOurs ? notCustodyEn(notOurs) : '', ...aside].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The workbooks set aside, by why, in the head line's words (none: nothing). */
const setAsideParts = (t: ConsolidatedTotals, lang: 'zh' | 'en'): string[] =>
  Object.entries(setAsideCounts(t)).flatMap(([why, n]) => (n > 0 ? [SET_ASIDE_COUNT_WORDS[why as SetAside][lang](countShown(n))] : []));

function summaryLines(c: { totals: ConsolidatedTotals; unreadable(): ReadonlyArray<{ error: string }> }, lang: 'zh' | 'en' = 'zh'): string[] {
  const t = c.totals;
  const [notOurs, unread] = notCheckedCounts(c.unreadable());
  const unpaired = t.pairs['sender-only'] + t.pairs['receiver-only'];
  if (lang === 'en') {
    return [
      singularOfOne(
        `Summarised ${countShown(t.files)} workbooks${notCheckedEn(unread, notOurs, setAsideParts(t, lang))}: ${countShown(t.ready)} ready to submit, ${countShown(t.sites - t.ready)} to correct; ${countShown(t.errors)} errors, ${countShown(t.warnings)} warnings.`,
      ),
      ...otherSemesterLines(t, lang),
      ...repeatedUnitLines(t, lang),
      ...noneLinesOf(t, lang),
      stockLine(t, lang),
      singularOfOne(
        `Handover sheets' two copies: ${countShown(t.pairs.matched)} matching pairs, ${countShown(t.pairs.disagree)} disagreeing, ${countShown(unpaired)} with one side only.`,
      ),
      ...absentReceiverLinesOf(t, lang),
    ];
  }
  return [
    `已汇总 ${countShown(t.files)} 个工作簿${notCheckedZh(unread, notOurs, setAsideParts(t, lang))}：可以提交 ${countShown(t.ready)} 个，需改正 ${countShown(t.sites - t.ready)} 个；错误 ${countShown(t.errors)} 处，警告 ${countShown(t.warnings)} 处。`,
    ...otherSemesterLines(t, lang),
    ...repeatedUnitLines(t, lang),
    ...noneLinesOf(t, lang),
    stockLine(t, lang),
    `交接单两份副本：一致 ${countShown(t.pairs.matched)} 对，不一致 ${countShown(t.pairs.disagree)} 对，仅一方 ${countShown(unpaired)} 份。`,
    ...absentReceiverLinesOf(t, lang),
  ];
}

/** Runs a summary over paths; returns the exit code. Used by the command and by `demo`. */
export async function runSummary(inputs: readonly string[], options: SummaryRunOptions, io: CliIO): Promise<number> {
  // The worker threads start while the folders are searched, rather than after (some 100 ms each to be ready).
  const { startEarlyWorkers } = await import('../batch/consolidate');
  const stats: StatMemo = new Map();
  const early = await startEarlyWorkers(inputs, { threads: options.threads }, stats);
  try {
    return await summarize(inputs, options, io, early, stats);
  } finally {
    await early?.stop();
  }
}

async function summarize(inputs: readonly string[], options: SummaryRunOptions, io: CliIO, early: EarlyWorkers | undefined, stats: StatMemo): Promise<number> {
  const format = options.format ?? 'xlsx';
  const out = options.out ?? (format === 'json' ? undefined : DEFAULT_SUMMARY_NAME);
  const { files: found, passedBy } = await findWorkbookFiles(inputs);
  for (const p of passedBy) io.err(skippedLine(p.file, p.reason[options.lang ?? 'zh'], options.lang));
  // A summary written here before is found in the folder: it is replaced, not read. Anything else being read is never written over.
  const previous = out ? await previousSummary(out, found, stats) : undefined;
  const files = found.filter((f) => f !== previous);
  if (out) await refuseOutputsOverInputs([out], [...inputs, ...files], stats);
  // A previous summary found among the inputs was read just above: it may go; any other file there is read once here.
  if (out && previous === undefined) (await import('../batch/keep-unit')).refuseReplacingUnitWorkbook(out, { force: options.force });
  if (files.length === 0) {
    io.err(noWorkbookLine(inputs, options.lang));
    return 2;
  }
  const replacing = out !== undefined && (await exists(out));
  if (replacing) {
    io.err(
      options.lang === 'en' ? `Note: ${printable(out)} exists and will be replaced by the new summary.` : `注意：${printable(out)} 已存在，将被新的汇总替换。`,
    );
  }

  const bar = await progressBar(io, files.length, { zh: '汇总', en: 'Summary' }, options.lang);
  // The rows wait in temporary files while the files are read (memory does not grow with their
  // number); they are streamed into the output and the temporary files removed, also on error.
  // The workbook writer (exceljs's streaming writer) is loaded while the worker threads read,
  // once the first file is back: not before, when it would hold up their start.
  let writer: Promise<typeof import('../io/xlsx/summary')> | undefined;
  const loadWriter = () => (writer ??= import('../io/xlsx/summary').then((m) => (m.streamingWriter(), m)));
  const onProgress = (done: number) => {
    bar?.update(done);
    if (done === 1 && format === 'xlsx') loadWriter().catch(() => undefined);
  };
  let c: SpooledConsolidation;
  try {
    // The consolidation's modules are loaded only by this command, not by every start of the CLI.
    const [{ spoolFiles }, { PER_SITE_SHEETS }] = await Promise.all([import('../batch/spool'), import('../summary/consolidate')]);
    // The workbook reads the sites' full summaries only for a sheet per site; JSON reads them all.
    const summariesUpTo = format === 'xlsx' ? PER_SITE_SHEETS : undefined;
    // The workbook's 试卷明细 and 交接配对 are written while the checks across workbooks still run.
    const settleLater = format === 'xlsx';
    c = await spoolFiles(files, { lang: options.lang, threads: options.threads, tmpDir: options.tmpDir, summariesUpTo, settleLater, onProgress, early });
  } finally {
    bar?.stop();
  }
  try {
    for (const f of c.skipped) io.err(skippedLine(f.file, f.reason, options.lang));
    for (const f of c.unreadable()) io.err(unreadableLine(f.file, f.error, options.lang));
    if (c.skipped.length === files.length) {
      // Nothing but summaries written here before: an empty summary would say nothing, and exit 0 that all is well.
      io.err(options.lang === 'en' ? 'no unit workbook to summarise: every file found was skipped' : '没有可汇总的单位工作簿：找到的文件都已跳过');
      return 2;
    }
    const n = c.unreadable().length;
    if (c.skipped.length + n >= files.length) {
      // Not one workbook read: no summary of nothing (review round 10c D9); the lines above say why each was not.
      // (Counted from the list: the totals wait for the checks across workbooks, still running here.)
      const [notOurs, unread] = notCheckedCounts(c.unreadable());
      io.err(
        options.lang === 'en'
          ? `no workbook could be summarised (${[unread ? `${counted(unread, 'files')} unreadable` : '', notOurs ? notCustodyEn(notOurs) : ''].filter(Boolean).join(', ')}, see above); nothing written`
          : `没有可以汇总的工作簿（${[unread ? `${countShown(unread)} 个无法读取` : '', notOurs ? `${countShown(notOurs)} 个不是试卷保密表单` : ''].filter(Boolean).join('，')}，见上），未写出汇总`,
      );
      return 2;
    }
    if (format === 'json') {
      if (out) {
        await keptIfNotWritten(writeJsonFile(c, out), out, replacing);
        for (const line of summaryLines(c, options.lang)) io.err(line);
        io.err(writtenLine(out, options.lang));
      } else {
        await c.writeJson((chunk) => io.out(chunk));
      }
    } else {
      const { consolidatedXlsx } = await loadWriter();
      const bytes = await consolidatedXlsx(c.source(), { lang: options.lang });
      // The writer has waited for the checks across workbooks; the totals printed below count them.
      await c.settled();
      await keptIfNotWritten(writeFileAtomic(out!, bytes), out!, replacing);
      for (const line of summaryLines(c, options.lang)) io.out(line);
      io.out(writtenLine(out!, options.lang));
    }
  } finally {
    await c.dispose();
  }
  if (c.totals.unreadable > 0) return 2;
  return c.totals.errors > 0 ? 1 : 0;
}

/**
 * The summary's write; where it was to replace an earlier one and fails (a full
 * disk), its line says the earlier one is kept — written beside it and renamed
 * over it only when whole, it is — as “将被新的汇总替换” said before the work.
 */
async function keptIfNotWritten(write: Promise<void>, out: string, replacing: boolean): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!replacing) throw error;
    const shown = printable(out);
    throw new Refusal(
      `${describeError(error, 'zh')}；原有的 ${shown} 未被替换，保持原样`,
      `${describeError(error, 'en')}; the earlier ${shown} was kept as it was`,
    );
  }
}

/** The JSON streamed into `out` as writeAtomically writes (a temporary file beside it, then renamed over it). */
function writeJsonFile(c: SpooledConsolidation, out: string): Promise<void> {
  return writeAtomically(out, async (into, flag) => {
    const stream = createWriteStream(into, { encoding: 'utf8', flags: flag });
    const failed = new Promise<never>((_, reject) => stream.once('error', reject));
    failed.catch(() => undefined);
    try {
      const write = (chunk: string) =>
        stream.write(chunk) ? undefined : Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
      await c.writeJson(write);
      // end's callback is called on an error too (a full disk): the file is then not whole, and not renamed over the output.
      await Promise.race([new Promise<void>((resolve, reject) => stream.end('\n', (error?: Error | null) => (error ? reject(error) : resolve()))), failed]);
    } catch (error) {
      stream.destroy();
      throw error;
    }
  });
}

/** The found workbook that is the output itself and a summary this tool wrote (replaced, not read). */
async function previousSummary(out: string, found: readonly string[], stats: StatMemo): Promise<string | undefined> {
  const file = await sameFileIn(out, found, stats);
  if (file === undefined) return undefined;
  if ((await import('../batch/keep-unit')).namedAsSummaryFile(file)) return file;
  const checked = await checkWorkbook(workbookFile(file), nodeCheckOptions());
  return checked.skipped ? file : undefined;
}

const jsonIntoWorkbookLine = (out: string, lang: 'zh' | 'en'): string =>
  lang === 'en'
    ? `--format json writes JSON, not a workbook: ${out} would be a “workbook” Excel cannot open. Give a file name ending in .json, or leave out --format json for the summary workbook`
    : `--format json 写出的是 JSON，不是工作簿：写到 ${out} 会成为一个 Excel 打不开的“工作簿”。请把文件名改为以 .json 结尾，或去掉 --format json 写出汇总工作簿`;

/** Why -o cannot be the summary's output, in the language asked (before any work); undefined when it can. */
function outputRefusal(out: string | undefined, format: 'xlsx' | 'json', lang: 'zh' | 'en'): string | undefined {
  if (out === undefined) return undefined;
  if (out.trim() === '') return lang === 'en' ? 'the output file name (-o) is empty' : '输出文件名（-o）是空的';
  // JSON into a file named .xlsx is a “workbook” Excel cannot open, passed on as one (review 21b O1).
  if (format === 'json') return /\.xls[xm]?$/i.test(out) ? jsonIntoWorkbookLine(out, lang) : undefined;
  if (out === '-') {
    return lang === 'en'
      ? 'a summary workbook cannot be written to the screen (-o -): give a file name ending in .xlsx, or --format json'
      : '汇总工作簿不能输出到屏幕（-o -）：请给出以 .xlsx 结尾的文件名，或用 --format json';
  }
  if (path.extname(out).toLowerCase() !== '.xlsx') return notXlsxLine(out, lang);
  return undefined;
}

/**
 * -o a folder that is there, or a path written as a folder's (`x.xlsx/`, whose extension path.extname still reads):
 * said so before any work (review round 10c D12; review 14a D9 named a temporary file after the whole run).
 */
async function folderRefusal(out: string, lang: 'zh' | 'en'): Promise<string | undefined> {
  if (out === '-') return undefined;
  if (/[\\/]$/.test(out)) return refusalLine(outputIsFolder(out), lang);
  const isFolder = await fsp.stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isFolder ? refusalLine(outputIsFolder(out), lang) : undefined;
}

export function registerSummary(program: Command, io: CliIO): void {
  program
    .command('summary')
    .description('多个工作簿的试卷保管汇总（文件或文件夹） (consolidated custody summary)')
    .argument('<paths...>', '工作簿 .xlsx 或文件夹 (FILE|DIR…)')
    .option(
      '-o, --out <file>',
      `输出文件；默认 ${DEFAULT_SUMMARY_NAME}，--format json 时默认输出到屏幕（-o - 同） (SUMMARY.xlsx; JSON goes to the screen unless -o names a file)`,
    )
    .addOption(new Option('--format <format>', '输出格式 (output format)').choices(['xlsx', 'json']).default('xlsx'))
    .addOption(langOption('问题说明的语言 (message language)'))
    .addOption(threadsOption())
    .addOption(forceOption())
    .action(async (paths: string[], opts: { out?: string; format: 'xlsx' | 'json'; lang: 'zh' | 'en'; threads?: number; force?: boolean }) => {
      const refused = (opts.out ? await folderRefusal(opts.out, opts.lang) : undefined) ?? outputRefusal(opts.out, opts.format, opts.lang);
      if (refused) {
        io.err(refused);
        io.exitCode = 2;
        return;
      }
      // "-o -" is the screen, as JSON without -o (review round 10c D2: it made a file named "-").
      const out = opts.out === '-' ? undefined : opts.out;
      io.exitCode = await runSummary(paths, { out, format: opts.format, lang: opts.lang, threads: opts.threads, force: opts.force }, io);
    });
}
