/**
 * `custody validate FILE… [--format text|json] [--lang zh|en]`: every rule of
 * the catalogue over each workbook, and the cross-workbook rules over the
 * workbooks given together. Exit 0: no errors; 1: errors found; 2: a file
 * could not be read or the call was wrong (one line per such file; the other
 * files are still checked). Input files are only ever read.
 */
import { Command, Option } from 'commander';
import { checkWorkbooks, CheckRun, CheckedWorkbook, exitCodeOf, WorkbookInput } from '../check/service';
import { findWorkbookFiles, findWorkbooks, StatMemo, statFrom, THREADS_FROM } from '../batch/files';
import type { EarlyWorkers } from '../batch/pool';
import { nodeCheckOptions, workbookFile } from '../batch/workbook-file';
import { fileBudget } from '../batch/time-budget';
import type { FileReport, Finding, RunReport } from '../model/finding';
import { sheetShown } from '../forms/form-place';
import type { SheetForm } from '../model/site-model';
import { ruleTitle } from '../rules/index';
import { groupFindings } from '../check/finding-groups';
import { notCustody } from '../check/refusal';
import { countFindings, disagreeFolding } from '../summary/once-per-handover';
import type { Lang } from '../rules/types';
import type { CliIO } from './io';
import { JsonChunks, TextChunks } from '../batch/json-chunks';
import { progressBar } from './progress';
import { type FolderOption, fileLine, folderOptionRefusal, langOption, noWorkbookLine, skippedLine, threadsOption, unreadableLine } from './manners';
import { counted, singularOfOne } from '../rules/plural';
import { countShown } from '../model/count-shown';

/**
 * Checks workbook files and the workbooks in folders (as `summary` finds them,
 * marked copies passed by), each within its time budget: the check service's run.
 */
async function checkFiles(paths: readonly string[], options: { lang?: Lang } = {}): Promise<CheckRun> {
  return checkWorkbooks((await findWorkbooks(paths)).map(workbookFile), { ...nodeCheckOptions(options.lang), slim: true, budget: fileBudget() });
}

/**
 * Whether the files' SHA-256 are worked out: for the JSON report, which gives
 * them, and for several files, whose checks across workbooks take a copy (the
 * same bytes) as its workbook once. The text report of one workbook needs none
 * (and the CLI starts without loading Node's crypto).
 */
function needsDigest(files: number, opts: { format?: string }): boolean {
  return opts.format === 'json' || files > 1;
}

/** The findings report of workbook files and folders. */
export async function validateFiles(paths: readonly string[], options: { lang?: Lang } = {}): Promise<RunReport> {
  return (await checkFiles(paths, options)).report;
}

const WORDS = {
  zh: {
    error: '错误',
    warning: '警告',
    whole: '（整个工作簿）',
    clean: '未发现问题',
    counts: (e: number, w: number) => `${countShown(e)} 个错误，${countShown(w)} 个警告`,
    folded: (cells: number, slips: number) => `（其中 ${countShown(cells)} 处是 ${countShown(slips)} 张交接单的两份不一致，汇总中每张计 1 个）`,
    totalFolded: (e: number) => `（汇总中计 ${countShown(e)} 个错误）`,
    site: (site: string) => `（${site}）`,
    total: '合计：',
    unchecked: (files: number) => `；${countShown(files)} 个文件无法读取`,
    notCustody: (files: number) => `；${countShown(files)} 个文件不是试卷保密表单`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    whole: '(whole workbook)',
    clean: 'no problems found',
    counts: (e: number, w: number) => `${counted(e, 'errors')}, ${counted(w, 'warnings')}`,
    folded: (cells: number, slips: number) =>
      ` (${countShown(cells)} of them are differences between the two copies of ${singularOfOne(`${countShown(slips)} handover slips`)}; a summary counts each slip once)`,
    totalFolded: (e: number) => ` (a summary counts ${counted(e, 'errors')})`,
    site: (site: string) => ` (${site})`,
    total: 'Total: ',
    unchecked: (files: number) => singularOfOne(`; ${countShown(files)} files cannot be read`),
    notCustody: (files: number) => (files === 1 ? '; 1 file is not a custody workbook' : `; ${countShown(files)} files are not custody workbooks`),
  },
};

/** Text report: by file, then sheet; each line the cell, severity, the rule's title and the message. */
export function formatText(report: RunReport, lang: Lang = 'zh', sheetsOf?: SheetsOf): string {
  return [...textLines(report, lang, sheetsOf)].join('\n');
}

/** The sheets a file's model read (SiteModel.sheets, slim or not): a sheet of several forms is said with the form. */
type SheetsOf = (file: FileReport) => readonly SheetForm[] | undefined;

/** The text report's lines, as they come. */
function* textLines(report: RunReport, lang: Lang, sheetsOf?: SheetsOf): Generator<string> {
  const w = WORDS[lang];
  let errors = 0;
  let warnings = 0;
  /** Errors as a summary counts them (a disagreeing handover once a slip), when that differs. */
  let summaryErrors = 0;
  /** Files that could not be checked: said again in the total, the last line read, which would otherwise say 0 errors. */
  let unchecked = 0;
  /** Of them, those read but not custody workbooks (no form in them): said as such, not as unreadable. */
  let notOurs = 0;
  for (const file of report.files) {
    if (file.error !== undefined) {
      if (notCustody(file.error)) notOurs++;
      else unchecked++;
      yield unreadableLine(file.file, file.error, lang);
      continue;
    }
    const e = file.findings.filter((f) => f.severity === 'error').length;
    const n = file.findings.length - e;
    errors += e;
    warnings += n;
    const { cells, slips } = disagreeFolding(file.findings);
    summaryErrors += countFindings(file.findings).errors;
    const folded = cells > slips ? w.folded(cells, slips) : '';
    yield fileLine(`${file.file}${file.site ? w.site(file.site) : ''}`, file.findings.length ? w.counts(e, n) + folded : w.clean, lang);
    const bySheet = new Map<string, Finding[]>();
    const sheets = sheetsOf?.(file);
    for (const f of file.findings) {
      // A sheet holding several forms, each form's findings apart under its name: “Sheet1（出入库记录）” (review 19a D12).
      const key = sheetShown(sheets, f, lang) ?? w.whole;
      if (!bySheet.has(key)) bySheet.set(key, []);
      bySheet.get(key)!.push(f);
    }
    for (const [sheet, list] of bySheet) {
      yield `  ${sheet}`;
      // One mistake repeated down a column is one line, as in the other lists people read; --format json keeps each.
      const lines = groupFindings(list, lang, undefined, 'column');
      // Not Math.max(...widths): a sheet of some 125,000 findings or more overflows the call stack as arguments.
      const width = lines.reduce((w, g) => Math.max(w, (g.findings[0].cell ?? '').length), 2);
      for (const {
        findings: [f],
        message,
      } of lines) {
        yield `    ${(f.cell ?? '').padEnd(width)}  ${w[f.severity]}  ${ruleTitle(f.rule, lang)}  ${message}`;
      }
    }
  }
  if (report.files.length > 1) {
    const folded = summaryErrors < errors ? w.totalFolded(summaryErrors) : '';
    yield `${w.total}${w.counts(errors, warnings)}${folded}${unchecked ? w.unchecked(unchecked) : ''}${notOurs ? w.notCustody(notOurs) : ''}`;
  }
}

interface ValidateOptions {
  format: 'text' | 'json';
  lang: Lang;
  /** Folder for the marked copies. */
  mark?: string;
  /** Worker threads (default: one per core; 0: all in this thread). */
  threads?: number;
}

/** `custody validate`: the report printed, the marked copies written; returns the exit code. */
async function runValidate(paths: readonly string[], opts: ValidateOptions, io: CliIO): Promise<number> {
  // The worker threads start while the folders are searched, as for `summary`. Without a folder
  // the threads' code is not even loaded until the files are known to be many: a cold check of one file stays quick.
  const stats: StatMemo = new Map();
  const folder = (await Promise.all(paths.map(statFrom(stats)))).some((s) => s?.isDirectory());
  const early = folder ? await (await import('../batch/consolidate')).startEarlyWorkers(paths, { threads: opts.threads }, stats) : undefined;
  try {
    return await validatePaths(paths, opts, io, early);
  } finally {
    await early?.stop();
  }
}

/**
 * Each file as the check service takes it: read and checked on its own in
 * the worker threads when they are many (with each file's time budget, as for
 * `summary`), in the order of `files`; otherwise read by the service itself.
 */
async function workbookInputs(
  files: readonly string[],
  opts: ValidateOptions,
  early: EarlyWorkers | undefined,
  onProgress: (done: number) => void,
): Promise<{ inputs: WorkbookInput[]; told: boolean }> {
  const inThisThread = async () => {
    // Threads started while the folders were searched are not kept idle through the run.
    await early?.stop();
    return { inputs: files.map(workbookFile), told: false };
  };
  if (files.length < THREADS_FROM || opts.threads === 0) return inThisThread();
  const { processInWorkers, threadWorker } = await import('../batch/consolidate');
  if (!threadWorker({ threads: opts.threads }, files.length)) return inThisThread();
  const inputs: WorkbookInput[] = [];
  const take = (checked: CheckedWorkbook) => inputs.push({ file: checked.report.file, grid: { sheets: [] }, checked });
  await processInWorkers<CheckedWorkbook>(files, { lang: opts.lang, threads: opts.threads, early, onProgress }, take, {
    answer: 'checked',
    digest: needsDigest(files.length, opts),
  });
  return { inputs, told: true };
}

const MARK_FOLDER: FolderOption = { option: '--mark', holds: { zh: '标记副本', en: 'the marked copies' }, example: '标记副本' };

async function validatePaths(paths: readonly string[], opts: ValidateOptions, io: CliIO, early: EarlyWorkers | undefined): Promise<number> {
  const { files, passedBy } = await findWorkbookFiles(paths);
  for (const p of passedBy) io.err(skippedLine(p.file, p.reason[opts.lang], opts.lang));
  if (files.length === 0) {
    io.err(noWorkbookLine(paths, opts.lang));
    return 2;
  }
  // Before any work: no marked copy may replace a workbook being read.
  // The marking is loaded only when asked for.
  const refused = opts.mark === undefined ? undefined : await folderOptionRefusal(opts.mark, MARK_FOLDER, opts.lang);
  if (refused) {
    io.err(refused);
    return 2;
  }
  const mark = opts.mark ? { dir: opts.mark, ...(await import('./mark')) } : undefined;
  if (mark) await mark.refuseMarksOverInputs(files, paths, mark.dir, opts.lang);
  const bar = await progressBar(io, files.length, { zh: '校验', en: 'Checking' }, opts.lang);
  let run: CheckRun;
  try {
    // Each file read here (fewer than THREADS_FROM, or no threads) has its time budget as in the threads.
    const options = { ...(needsDigest(files.length, opts) ? nodeCheckOptions(opts.lang) : { lang: opts.lang }), budget: fileBudget() };
    const onProgress = (done: number) => bar?.update(done);
    const { inputs, told } = await workbookInputs(files, opts, early, onProgress);
    // Slim: a folder of thousands of workbooks is checked in some 30 KB a workbook (the marked copies read their files again).
    // One workbook is not: nothing is read after it, and slimming it worked out its records' digest, for checks
    // across workbooks that one cannot have (150 ms and a 20 MB string for a 50,000-row vault log).
    // Those checked in the threads come slim already, and told of as they came.
    run = await checkWorkbooks(inputs, told ? options : { ...options, slim: files.length > 1, onProgress });
  } finally {
    bar?.stop();
  }
  for (const s of run.skipped) io.err(skippedLine(s.file, s.reason, opts.lang));
  if (opts.format === 'json') {
    // Written a finding at a time: the text of JSON.stringify(report, null, 2), never one string.
    const json = new JsonChunks((chunk) => io.out(chunk));
    await json.value(run.report, '', 4);
    await json.end();
    for (const f of run.report.files) if (f.error !== undefined) io.err(unreadableLine(f.file, f.error, opts.lang));
  } else {
    // Written in chunks: never one string. Each line ends with its newline, so out() adds none but after the last.
    const text = new TextChunks((chunk) => io.out(chunk));
    const sheets = new Map(run.workbooks.map((c) => [c.report, c.model?.sheets]));
    for (const line of textLines(run.report, opts.lang, (file) => sheets.get(file))) await text.put(`${line}\n`);
    await text.end();
  }
  if (run.report.files.length === 0) {
    // Only files passed by (summaries, marked copies): the empty report is no all-clear.
    io.err(opts.lang === 'zh' ? '没有可检查的单位工作簿：找到的文件都已跳过' : 'no unit workbook to check: every file found was skipped');
    return 2;
  }
  // A marked copy not written is a file not done: exit 2, as for one that could not be read.
  const unmarked = mark ? await mark.writeMarkedCopies(run, mark.dir, opts.lang, io) : 0;
  return unmarked > 0 ? 2 : exitCodeOf(run.report);
}

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('检查工作簿中的表单，逐格指出问题 (check workbooks against the rule catalogue)')
    .argument('<files...>', '工作簿 .xlsx 或文件夹，可多个 (FILE|DIR…)')
    .addOption(new Option('--format <format>', '输出格式 (output format)').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .option('--mark <dir>', '把每个有问题的工作簿的标记副本写入此文件夹 (write marked copies into DIR)')
    .addOption(threadsOption())
    .action(async (paths: string[], opts: ValidateOptions) => {
      io.exitCode = await runValidate(paths, opts, io);
    });
}
