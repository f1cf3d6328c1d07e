/**
 * The command line's manners: help in Chinese with examples and exit codes,
 * argument errors in Chinese (English with --lang en) instead of commander's
 * English, the version, and how to run `custody` from where the user stands.
 */
import { type CommanderError, type Help, InvalidArgumentError, Option } from 'commander';
import { existsSync, promises as fsp, readFileSync, realpathSync } from 'fs';
import * as path from 'path';
import { isWorkbookName } from '../check/passed-by';
import { notCheckedSaid, printable } from '../check/refusal';
import type { Lang } from '../rules/types';

/** The project folder: the nearest folder up from here holding this package's package.json. */
export function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && existsSync(path.join(dir, 'bin', 'custody.js'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The language asked for on the command line (`--lang en`, `--lang=en`), before commander parses it. */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/** Exit codes after each command's help: the Chinese line, then the same in English. */
const EXIT_CODES = {
  check: [
    '退出码：0 未发现错误；1 发现错误（只有警告也是 0）；2 有文件无法读取，或命令用法不对。',
    '(exit code: 0 no errors; 1 errors found, warnings alone give 0; 2 a file could not be read, or a wrong call)',
  ].join('\n'),
  /** validate writes marked copies too: one not written is a file not done. */
  checkAndMark: [
    '退出码：0 未发现错误；1 发现错误（只有警告也是 0）；2 有文件无法读取、标记副本未能写出，或命令用法不对。',
    '(exit code: 0 no errors; 1 errors found, warnings alone give 0; 2 a file could not be read, a marked copy not written, or a wrong call)',
  ].join('\n'),
  /** summary writes one output: refused or not written is exit 2 too. */
  summary: [
    '退出码：0 未发现错误；1 发现错误（只有警告也是 0）；2 有文件无法读取、输出位置被拒绝或汇总未能写出，或命令用法不对。',
    '(exit code: 0 no errors; 1 errors found, warnings alone give 0; 2 a file could not be read, the output refused or not written, or a wrong call)',
  ].join('\n'),
  write: [
    '退出码：0 已写出；2 输入有误或无法写出（不会写出半个文件，也不会改写输入文件）。',
    '(exit code: 0 written; 2 wrong input or cannot write: never half a file, never the input changed)',
  ].join('\n'),
  read: ['退出码：0 已读出；2 文件无法读取，或命令用法不对。', '(exit code: 0 read; 2 the file could not be read, or a wrong call)'].join('\n'),
  demo: ['退出码：0 完成；2 无法写出。', '(exit code: 0 done; 2 cannot write)'].join('\n'),
};

/** The heading of each command's examples, in both languages as the options are. */
const EXAMPLES = '示例 (examples)：';

/** Characters a terminal draws two columns wide (CJK, full-width forms). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
const displayWidth = (text: string): number => text.length + (text.match(WIDE)?.length ?? 0);

/** Example commands, each with what it does (if anything) in one column, as a terminal draws them. */
function examples(rows: ReadonlyArray<readonly [string, string?]>): string[] {
  const column = Math.max(...rows.filter(([, note]) => note).map(([call]) => displayWidth(call))) + 4;
  return rows.map(([call, note]) => (note ? `  ${call}${' '.repeat(column - displayWidth(call))}${note}` : `  ${call}`));
}

/** The help's line on an output that exists already (fill, template: replacedLine says it). */
const REPLACES =
  '输出文件已存在时会提示“已替换”；已填有表单内容的单位工作簿不会被替换，除非加 --force。 (An output file that exists is replaced, and said so; a unit workbook with its forms filled in is not, unless --force.)';

/** What fill and template say of a file written over one that was there. */
export const replacedLine = (file: string, lang: Lang = 'zh'): string =>
  lang === 'en' ? `Note: replaced the file that was there, ${printable(file)}` : `注意：已替换原有的文件 ${printable(file)}`;

/** What the commands that write say of each file written. */
export const writtenLine = (file: string, lang: Lang = 'zh'): string => (lang === 'en' ? `Written: ${printable(file)}` : `已写出 ${printable(file)}`);

/** A workbook output (-o) whose name does not end in .xlsx: an .xlsx named out.txt opens in nothing that shows the forms. */
export const notXlsxLine = (file: string, lang: Lang = 'zh'): string =>
  lang === 'en' ? `the output file must end in .xlsx: ${printable(file)}` : `输出文件应以 .xlsx 结尾：${printable(file)}`;

/** What a folder option holds, said in its refusal. */
export interface FolderOption {
  option: '-o' | '--mark';
  holds: { zh: string; en: string };
  example: string;
}

/**
 * Why a folder option (template's -o, validate's --mark) cannot be that path, before any work; undefined when it can.
 * A file there, or a workbook's name where no folder is (`template -o 空白表.xlsx` made a folder of that name; `--mark
 * a.xlsx` said only that a file of that name exists: review 15b D9).
 */
export async function folderOptionRefusal(dir: string, what: FolderOption, lang: Lang): Promise<string | undefined> {
  const stat = await fsp.stat(dir).catch(() => undefined);
  if (stat?.isDirectory()) return undefined;
  const shown = printable(dir);
  if (stat) {
    return lang === 'en'
      ? `${what.option} is the folder to write ${what.holds.en} into, but ${shown} is a file: give a folder's name (e.g. ${what.option} ${what.example})`
      : `${what.option} 是写入${what.holds.zh}的文件夹，而 ${shown} 是一个文件：请给一个文件夹名（如 ${what.option} ${what.example}）`;
  }
  // A workbook's name as validate and summary know one (.xlsx … .ods, .numbers), not a list of its own.
  if (!isWorkbookName(path.basename(dir))) return undefined;
  return lang === 'en'
    ? `${what.option} is the folder to write ${what.holds.en} into, not a workbook's name: ${shown}; give a folder's name (e.g. ${what.option} ${what.example})`
    : `${what.option} 是写入${what.holds.zh}的文件夹，不是工作簿的文件名：${shown}；请给一个文件夹名（如 ${what.option} ${what.example}）`;
}

/** Every command's --lang: the language of the lines it writes (the forms themselves are the official Chinese ones). */
export const langOption = (description = '提示语言 (message language)'): Option => new Option('--lang <lang>', description).choices(['zh', 'en']).default('zh');

/** The option that lets fill, template and summary replace a file they cannot tell for their own (batch/keep-unit.ts). */
export const forceOption = (): Option =>
  new Option(
    '--force',
    '替换输出位置上已有的、不能确认是本工具写出的文件：填有表单内容的单位工作簿、其他表格、加密或读不出的工作簿 (replace a file where the output goes that this tool cannot tell for its own: a unit workbook with its forms filled in, another spreadsheet, a workbook encrypted or unreadable)',
  );

/**
 * The JSON's per-file `status` (validate and summary --format json), each code with the words 文件清单 shows for it
 * (summary/words.ts STATUS_WORDS; a test holds the two alike: not imported, for validate's cold start).
 */
const JSON_STATUS = [
  '--format json 的每个文件有 status (each file in the JSON has a status)：',
  '  ready 可以提交 · fix 需改正 · unreadable 无法读取 · notCustody 不是试卷保密表单 ·',
  '  otherSemester 属另一学期（未计入合计） · repeatedUnit 同单位第二本（未计入合计）',
  '  (ready to submit · to be corrected · unreadable · not a custody workbook · other semester, not counted ·',
  '  a unit’s second workbook of the semester, not counted)',
].join('\n');

/** Examples and exit codes shown after each command's help. */
export const HELP_AFTER: Record<string, string> = {
  custody: [
    '',
    EXAMPLES,
    ...examples([
      ['custody demo', '生成示例工作簿，检查并汇总（第一次使用从这里开始） (sample workbooks: start here)'],
      ['custody demo --lang en', '同上，英文输出 (the same, in English)'],
      ['custody template -o 空白表格', '写出空白模板 (blank forms)'],
      ['custody validate 岳麓考点.xlsx', '检查一个工作簿 (check a workbook)'],
      ['custody summary 各考点 -o 汇总.xlsx', '汇总一个文件夹里的工作簿 (summarise a folder)'],
    ]),
    '',
    '每个命令的说明、示例和退出码：custody <命令> --help (each command: custody <command> --help)',
    '输入文件从不被改写；无法读取的文件各有一行原因，其余文件照常处理。',
    '(Input files are never changed; a file that cannot be read gets one line saying why, the others are done as usual.)',
  ].join('\n'),
  template: ['', EXAMPLES, '  custody template', '  custody template -o 空白表格', '', REPLACES, EXIT_CODES.write].join('\n'),
  fill: ['', EXAMPLES, '  custody fill 岳麓考点.json -o 岳麓考点.xlsx', '', REPLACES, EXIT_CODES.write].join('\n'),
  extract: [
    '',
    EXAMPLES,
    ...examples([
      ['custody extract 岳麓考点.xlsx'],
      ['custody extract 岳麓考点.xlsx --locations > 数据.json', '连同每个值所在的单元格 (with the cell of each value)'],
    ]),
    '',
    EXIT_CODES.read,
  ].join('\n'),
  validate: [
    '',
    EXAMPLES,
    ...examples([
      ['custody validate 岳麓考点.xlsx'],
      ['custody validate 长沙分校.xlsx 岳麓考点.xlsx', '一起检查时还核对交接单的两份副本 (also compares the two copies of each handover)'],
      ['custody validate 各考点', '检查文件夹里的所有 .xlsx（也找子文件夹） (every .xlsx in a folder and its subfolders)'],
      ['custody validate 各考点 --mark 已标记', '把标记副本写入“已标记”文件夹 (marked copies into a folder)'],
      ['custody validate 岳麓考点.xlsx --format json --lang en', '英文的问题说明，JSON 格式 (messages in English, as JSON)'],
    ]),
    '',
    JSON_STATUS,
    EXIT_CODES.checkAndMark,
  ].join('\n'),
  summary: [
    '',
    EXAMPLES,
    ...examples([
      ['custody summary 各考点 -o 汇总.xlsx'],
      ['custody summary 各考点 -o summary.xlsx --lang en', '英文的汇总表 (the summary in English)'],
      ['custody summary 长沙分校.xlsx 各考点 --format json -o 汇总.json'],
    ]),
    '',
    '输出文件不能是正在读取的工作簿；输出文件已存在时会提示将被替换；已填有表单内容的单位工作簿不会被替换，除非加 --force。',
    '(The output cannot be a workbook being read; an output file that exists is replaced, and said so; a unit workbook with its forms filled in is not, unless --force.)',
    JSON_STATUS,
    EXIT_CODES.summary,
  ].join('\n'),
  demo: [
    '',
    EXAMPLES,
    ...examples([
      ['custody demo'],
      ['custody demo -o 示例', '写入“示例”文件夹 (into a folder of your choice)'],
      ['custody demo --lang en', '英文输出：检查结果、汇总表 (in English: findings and summary)'],
    ]),
    '',
    EXIT_CODES.demo,
  ].join('\n'),
};

/**
 * Each listed term ([options] said 选项) with its description back in the
 * column commander chose: commander pads a term by its length, a terminal
 * draws a Chinese character two columns wide.
 */
function chineseTerms(text: string): string {
  return text.replace(/^( {2}\S(?:.*?\S)?)( {2,})(?=\S)/gm, (_line, term: string, pad: string) => {
    const column = term.length + pad.length;
    const said = term.replace(/\[options\]/g, '[选项]');
    return said + ' '.repeat(Math.max(2, column - displayWidth(said)));
  });
}

/** Commander's English headings and notes, in Chinese. */
function chineseHelp(text: string): string {
  return chineseTerms(text)
    .replace(/\[options\]/g, '[选项]')
    .replace(/\[command\]/g, '[命令]')
    .replace(/^Usage: /m, '用法：')
    .replace(/^Arguments:$/m, '参数：')
    .replace(/^Options:$/m, '选项：')
    .replace(/^Commands:$/m, '命令：')
    .replace(/\(default: ([^)]*)\)/g, '（默认：$1）')
    .replace(/\(choices: ([^)]*)\)/g, '（可选：$1）');
}

/** An option's or argument's description with its choices and default said in Chinese. */
function describe(description: string, choices: readonly string[] | undefined, defaultValue: unknown): string {
  const extra: string[] = [];
  if (choices?.length) extra.push(`可选：${choices.join('、')}`);
  if (defaultValue !== undefined && defaultValue !== false) extra.push(`默认：${String(defaultValue)}`);
  return extra.length ? `${description}（${extra.join('；')}）` : description;
}

/** The help formatter with Chinese headings. */
export function helpConfiguration(): Partial<Help> {
  return {
    optionDescription: (option) => describe(option.description, option.argChoices, option.defaultValue),
    argumentDescription: (argument) => describe(argument.description, argument.argChoices, argument.defaultValue),
    formatHelp(cmd, helper) {
      const base = Object.getPrototypeOf(helper) as Help;
      return chineseHelp(base.formatHelp.call(helper, cmd, helper));
    },
  };
}

const quote = (s: string): string => s.replace(/^'|'$/g, '');

/** What each command's argument is, for the line of one missing (commander names it by its variable: “files”). */
const MISSING: Record<string, { zh: string; en: string }> = {
  files: { zh: '要检查的工作簿或文件夹', en: 'the workbooks or folders to check' },
  paths: { zh: '要汇总的工作簿或文件夹', en: 'the workbooks or folders to summarise' },
  book: { zh: '要读出的工作簿', en: 'the workbook to read' },
  data: { zh: '数据 JSON 文件', en: 'the data JSON file' },
};

/** Commander's error, said in the user's language (commander's own English never reaches the user). */
export function argumentError(error: CommanderError, lang: Lang): string {
  const m = (re: RegExp) => re.exec(error.message);
  const zh = lang === 'zh';
  let x: RegExpExecArray | null;
  switch (error.code) {
    case 'commander.missingArgument': {
      x = m(/argument '([^']+)'/);
      const what = MISSING[x?.[1] ?? ''];
      if (what) return zh ? `缺少${what.zh}` : `missing ${what.en}`;
      return zh ? `缺少参数 ${x?.[1] ?? ''}`.trim() : `missing argument ${x?.[1] ?? ''}`.trim();
    }
    case 'commander.optionMissingArgument':
      x = m(/option '([^']+)'/);
      return zh ? `选项 ${x?.[1] ?? ''} 后面需要一个值` : `option ${x?.[1] ?? ''} needs a value`;
    case 'commander.missingMandatoryOptionValue':
      x = m(/option '([^']+)'/);
      return zh ? `缺少必需的选项 ${x?.[1] ?? ''}` : `required option ${x?.[1] ?? ''} is missing`;
    case 'commander.unknownOption': {
      x = m(/option '([^']+)'/);
      const option = x?.[1] ?? '';
      // A file whose name starts with "-" is read as an option: no option of ours has a dot or a CJK character.
      const file = /[.\u3000-\u9fff\uff00-\uffef]/.test(option) ? `./${option}` : '';
      if (zh) return `没有这个选项：${option}${file ? `（若这是文件名，请写成 ${file}）` : ''}`;
      return `unknown option: ${option}${file ? ` (if it is a file name, write ${file})` : ''}`;
    }
    case 'commander.unknownCommand':
      x = m(/command '([^']+)'/);
      return zh
        ? `没有这个命令：${x?.[1] ?? ''}（可用：template、fill、extract、validate、summary、demo）`
        : `unknown command: ${x?.[1] ?? ''} (commands: template, fill, extract, validate, summary, demo)`;
    case 'commander.excessArguments':
      return zh ? '参数过多' : 'too many arguments';
    case 'commander.invalidArgument':
      x = m(/option '--threads <n>' argument '([^']*)' is invalid/);
      if (x) return zh ? `--threads 应为不小于 0 的整数：${x[1]}` : `--threads must be a whole number from 0: ${x[1]}`;
      x = m(/option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./);
      if (x) return zh ? `选项 ${x[1]} 的值“${x[2]}”无效，可选：${x[3].replace(/, /g, '、')}` : `option ${x[1]}: "${x[2]}" is not one of ${x[3]}`;
      return zh ? `参数的值无效` : 'invalid argument value';
    default:
      return zh ? '命令用法不对' : 'wrong use of the command';
  }
}

/**
 * `--threads <n>`, the same for validate and summary: a whole number from 0, else a
 * wrong call like any other (“错误：”, the help hint, exit 2; review 10c D12).
 */
export function threadsOption(): Option {
  return new Option('--threads <n>', '并行线程数（默认每个 CPU 一个，多给的不用；0 为不用线程） (worker threads, one per CPU at most; 0: none)').argParser(
    (text: string): number => {
      const n = Number(text);
      if (text.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('threads');
      return n;
    },
  );
}

/** The hint after an argument error: where the help is, for the command the user was calling. */
export function helpHint(argv: readonly string[], lang: Lang): string {
  const command = argv.slice(2).find((a) => Object.keys(HELP_AFTER).includes(a) && a !== 'custody');
  if (!command) {
    // The top help lists the commands; each command's own gives its usage, examples and exit codes.
    return lang === 'zh'
      ? '（用 custody --help 查看命令，custody ‹命令› --help 查看用法、示例和退出码）'
      : '(see custody --help for the commands, custody ‹command› --help for usage, examples and exit codes)';
  }
  const call = `custody ${command} --help`;
  return lang === 'zh' ? `（用 ${call} 查看用法、示例和退出码）` : `(see ${quote(call)} for usage, examples and exit codes)`;
}

/**
 * A folder npm puts on the PATH for one run only (`npx custody` adds its cache's
 * node_modules/.bin, `npm run` the project's): a command found there is gone
 * once the user types it again in her own shell.
 */
const forThisRunOnly = (dir: string): boolean => path.basename(dir) === '.bin' && path.basename(path.dirname(dir)) === 'node_modules';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || forThisRunOnly(dir)) continue;
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Whether `file` leads to `bin` (false for a broken link). */
function leadsTo(file: string, bin: string): boolean {
  try {
    return realpathSync(file) === realpathSync(bin);
  } catch {
    return false;
  }
}

/**
 * Whether this run came in through an installed command, wherever it lies
 * (the user may have typed its full path): `npm install -g .` and `npm link`
 * put a link named custody in npm's bin folder (POSIX), or a shim that runs
 * bin/custody.js through the package's link in npm's node_modules (Windows).
 * Either way node is given a path that is a link to this bin/custody.js, not
 * the file itself. Not npx's node_modules/.bin (there for one run only), nor
 * `node bin/custody.js` typed in a folder reached through a link.
 */
function cameThroughInstall(script: string, bin: string): boolean {
  const given = path.resolve(script);
  if (forThisRunOnly(path.dirname(given)) || !leadsTo(given, bin) || realpathSync(given) === given) return false;
  return path.basename(given) === 'custody' || given.split(path.sep).includes('node_modules');
}

/**
 * How to call `custody` from where the user stands: `custody` when this run
 * came through the installed command, or the command on the user's own PATH
 * is this one (installed with `npm install -g .` or `npm link`; not the PATH of
 * `npx custody`), otherwise `node <absolute path of bin/custody.js>`, with how
 * to install the short command. `script`: the path node was given (process.argv[1]).
 */
export function howToCall(lang: Lang = 'zh', script: string | undefined = process.argv[1]): { command: string; install?: string } {
  const bin = path.join(projectRoot(), 'bin', 'custody.js');
  const found = onPath('custody');
  if ((script && cameThroughInstall(script, bin)) || (found && leadsTo(found, bin))) return { command: 'custody' };
  const command = `node ${/\s/.test(bin) ? `"${bin}"` : bin}`;
  const root = projectRoot();
  const where = /\s/.test(root) ? `"${root}"` : root;
  const install =
    lang === 'en'
      ? `To type just custody: run npm install -g . (or npm link) in ${where}; it then works in any folder.`
      : `想直接输入 custody：在 ${where} 里运行 npm install -g .（或 npm link），之后在任何文件夹都可用。`;
  return { command, install };
}

/**
 * A line about one file: its name, then what is said of it after a colon — full-width in Chinese (“岳麓考点.xlsx：未发现问题”),
 * as every other sentence of ours writes it; “: ” in English.
 */
export function fileLine(file: string, said: string, lang: Lang = 'zh'): string {
  return `${printable(file)}${lang === 'en' ? ': ' : '：'}${said}`;
}

/**
 * The line of a file that could not be read (无法读取：why), or was read but is not a custody workbook (不是试卷保密表单：
 * why; notCheckedSaid): one wording for validate, summary and extract, as the pane and the page say it (review 16a O3).
 */
export function unreadableLine(file: string, reason: string, lang: Lang = 'zh'): string {
  return fileLine(file, notCheckedSaid(reason, lang), lang);
}

/** The line of a file passed by (a summary this tool wrote, a marked copy), in the language asked. */
export function skippedLine(file: string, reason: string, lang: Lang = 'zh'): string {
  return fileLine(file, `${lang === 'en' ? 'skipped: ' : '已跳过：'}${reason}`, lang);
}

/** The line of a run that found no workbook in the paths given. */
export function noWorkbookLine(paths: readonly string[], lang: Lang = 'zh'): string {
  const list = paths.map(printable).join(' ');
  return lang === 'en' ? `no .xlsx workbook found: ${list}` : `没有找到 .xlsx 工作簿：${list}`;
}
