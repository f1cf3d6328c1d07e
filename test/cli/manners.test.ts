/**
 * The command line's manners: --version, help in Chinese with examples and
 * exit codes for every command, argument errors in Chinese (English with
 * --lang en) and never commander's English, and next steps that run where the
 * user stands.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { howToCall, projectRoot } from '../../src/cli/manners';

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

const version = (JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;

test('--version prints the package version, exit 0', async () => {
  expect(await run('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  expect(await run('-V')).toEqual({ code: 0, out: `${version}\n`, err: '' });
});

test.each(['validate', 'summary', 'fill', 'extract', 'template', 'demo'])('custody %s --help: Chinese headings, examples, exit codes', async (command) => {
  const r = await run(command, '--help');
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  expect(r.out.startsWith(`用法：custody ${command} `)).toBe(true);
  expect(r.out).toContain('\n选项：\n');
  expect(r.out).toContain('\n示例 (examples)：\n');
  expect(r.out).toMatch(/\n退出码：0 /);
  expect(r.out).not.toMatch(/Usage:|Options:|Arguments:|\(default:|display help/);
});

test('custody --help lists the commands with examples', async () => {
  const r = await run('--help');
  expect(r.code).toBe(0);
  expect(r.out).toContain('\n命令：\n');
  expect(r.out).toContain('custody validate 岳麓考点.xlsx');
  expect(r.out).toContain('-V, --version');
});

/** Columns a terminal draws: a Chinese character is two wide. */
const columns = (text: string): number => text.length + (text.match(/[\u2e80-\ua4cf\uff00-\uff60]/g)?.length ?? 0);
/** Where each listed item's description starts, in columns: items of one list all in one column. */
const descriptionColumns = (lines: string[]): number[] => lines.map((l) => columns(/^ {2}\S.*?\S {2,}(?=\S)/.exec(l)![0]));

test('custody validate --help: usage in Chinese, the exit codes exactly, the examples in one column', async () => {
  const lines = (await run('validate', '--help')).out.split('\n');
  expect(lines[0]).toBe('用法：custody validate [选项] <files...>');
  expect(lines).toContain('退出码：0 未发现错误；1 发现错误（只有警告也是 0）；2 有文件无法读取、标记副本未能写出，或命令用法不对。');
  const described = lines.slice(lines.indexOf('示例 (examples)：') + 1).filter((l) => /^ {2}custody .* {2,}\S/.test(l));
  expect(described.length).toBe(4);
  expect(new Set(descriptionColumns(described)).size).toBe(1);
});

test('custody --help: every command, [选项] and help [命令] included, described from one column', async () => {
  const out = (await run('--help')).out;
  const list = out.slice(out.indexOf('命令：\n') + 4, out.indexOf('\n\n', out.indexOf('命令：'))).split('\n');
  const items = list.filter((l) => /^ {2}\S/.test(l));
  expect(items.map((l) => l.trim().split(/ {2,}/)[0])).toEqual([
    'template [选项]',
    'fill [选项] <data>',
    'extract [选项] <book>',
    'validate [选项] <files...>',
    'summary [选项] <paths...>',
    'demo [选项]',
    'help [命令]',
  ]);
  expect(new Set(descriptionColumns(items)).size).toBe(1);
  expect(out).not.toContain('[options]');
});

test('the top help: its usage line in Chinese', async () => {
  expect((await run('--help')).out.split('\n')[0]).toBe('用法：custody [选项] [命令]');
  expect((await run('help', 'validate')).out.split('\n')[0]).toBe('用法：custody validate [选项] <files...>');
});

test('validate --help: the --format choices and default in Chinese', async () => {
  const r = await run('validate', '--help');
  expect(r.out).toContain('--format <format>  输出格式 (output format)（可选：text、json；默认：text）');
  expect(r.out).toContain('--mark <dir>');
});

describe('argument errors: one Chinese line and where the help is, exit 2', () => {
  const cases: Array<[string[], string]> = [
    [['validate'], '错误：缺少要检查的工作簿或文件夹\n（用 custody validate --help 查看用法、示例和退出码）\n'],
    [['summary'], '错误：缺少要汇总的工作簿或文件夹\n（用 custody summary --help 查看用法、示例和退出码）\n'],
    [['extract'], '错误：缺少要读出的工作簿\n（用 custody extract --help 查看用法、示例和退出码）\n'],
    // A file whose name starts with "-" (review round 10c D8): how to give it.
    [
      ['validate', '-天心考点.xlsx'],
      '错误：没有这个选项：-天心考点.xlsx（若这是文件名，请写成 ./-天心考点.xlsx）\n（用 custody validate --help 查看用法、示例和退出码）\n',
    ],
    [
      ['validate', 'x.xlsx', '--format', 'xml'],
      '错误：选项 --format <format> 的值“xml”无效，可选：text、json\n（用 custody validate --help 查看用法、示例和退出码）\n',
    ],
    [['validate', 'x.xlsx', '--bogus'], '错误：没有这个选项：--bogus\n（用 custody validate --help 查看用法、示例和退出码）\n'],
    [['fill', 'data.json'], '错误：缺少必需的选项 -o, --out <file>\n（用 custody fill --help 查看用法、示例和退出码）\n'],
    [['summary', 'dir', '-o'], '错误：选项 -o, --out <file> 后面需要一个值\n（用 custody summary --help 查看用法、示例和退出码）\n'],
    [['extract', 'a.xlsx', 'b.xlsx'], '错误：参数过多\n（用 custody extract --help 查看用法、示例和退出码）\n'],
    [['summary', 'dir', '--lang', 'fr'], '错误：选项 --lang <lang> 的值“fr”无效，可选：zh、en\n（用 custody summary --help 查看用法、示例和退出码）\n'],
    [['summary', 'dir', '-o', ''], '输出文件名（-o）是空的\n'],
    [
      ['help', 'frobnicate'],
      '错误：没有这个命令：frobnicate（可用：template、fill、extract、validate、summary、demo）\n（用 custody --help 查看命令，custody ‹命令› --help 查看用法、示例和退出码）\n',
    ],
    [
      ['frobnicate'],
      '错误：没有这个命令：frobnicate（可用：template、fill、extract、validate、summary、demo）\n（用 custody --help 查看命令，custody ‹命令› --help 查看用法、示例和退出码）\n',
    ],
  ];
  test.each(cases)('%j', async (args, err) => {
    expect(await run(...args)).toEqual({ code: 2, out: '', err });
  });

  test('in English: a missing argument by what it is, a file name read as an option', async () => {
    expect((await run('validate', '--lang', 'en')).err.split('\n')[0]).toBe('error: missing the workbooks or folders to check');
    expect((await run('validate', '-a.xlsx', '--lang', 'en')).err.split('\n')[0]).toBe(
      'error: unknown option: -a.xlsx (if it is a file name, write ./-a.xlsx)',
    );
  });

  test('in English with --lang en', async () => {
    expect(await run('validate', 'x.xlsx', '--format', 'xml', '--lang', 'en')).toEqual({
      code: 2,
      out: '',
      err: 'error: option --format <format>: "xml" is not one of text, json\n(see custody validate --help for usage, examples and exit codes)\n',
    });
  });
});

describe('next steps that run where the user stands', () => {
  const saved = process.env.PATH;
  afterEach(() => {
    process.env.PATH = saved;
  });

  test('not installed: node with the absolute path of bin/custody.js, and how to install', () => {
    process.env.PATH = '';
    const bin = path.join(projectRoot(), 'bin', 'custody.js');
    expect(path.isAbsolute(bin)).toBe(true);
    expect(howToCall()).toEqual({
      command: /\s/.test(bin) ? `node "${bin}"` : `node ${bin}`,
      install: `想直接输入 custody：在 ${projectRoot()} 里运行 npm install -g .（或 npm link），之后在任何文件夹都可用。`,
    });
  });

  test('installed (npm link puts a link to bin/custody.js on the PATH): plain custody', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-path-'));
    try {
      fs.symlinkSync(path.join(projectRoot(), 'bin', 'custody.js'), path.join(dir, 'custody'));
      process.env.PATH = dir;
      expect(howToCall()).toEqual({ command: 'custody' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('run through the installed command off the PATH (npm install -g . --prefix P, then P/bin/custody): plain custody, no install hint', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-prefix-'));
    try {
      // As npm lays it out: the package linked into lib/node_modules, bin/custody a link to its bin/custody.js.
      fs.mkdirSync(path.join(prefix, 'lib', 'node_modules'), { recursive: true });
      fs.mkdirSync(path.join(prefix, 'bin'));
      const linked = path.join(prefix, 'lib', 'node_modules', '试卷保密助手');
      fs.symlinkSync(projectRoot(), linked);
      fs.symlinkSync(path.join(linked, 'bin', 'custody.js'), path.join(prefix, 'bin', 'custody'));
      process.env.PATH = '';
      expect(howToCall('zh', path.join(prefix, 'bin', 'custody'))).toEqual({ command: 'custody' });
      // Windows: npm's shim runs node on bin/custody.js through the package's link in npm's node_modules.
      expect(howToCall('en', path.join(linked, 'bin', 'custody.js'))).toEqual({ command: 'custody' });
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  test('node bin/custody.js, typed in the project folder or in a folder reached through a link: node and the full path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-cwd-'));
    try {
      fs.symlinkSync(projectRoot(), path.join(dir, 'project'));
      process.env.PATH = '';
      const custody = path.join(projectRoot(), 'bin', 'custody.js');
      const notInstalled = {
        command: /\s/.test(custody) ? `node "${custody}"` : `node ${custody}`,
        install: `想直接输入 custody：在 ${projectRoot()} 里运行 npm install -g .（或 npm link），之后在任何文件夹都可用。`,
      };
      expect(howToCall('zh', custody)).toEqual(notInstalled);
      expect(howToCall('zh', path.join(dir, 'project', 'bin', 'custody.js'))).toEqual(notInstalled);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('run by npx (the node_modules/.bin of its cache on the PATH for this run only): not plain custody', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-npx-'));
    const bin = path.join(dir, 'node_modules', '.bin');
    try {
      fs.mkdirSync(bin, { recursive: true });
      fs.symlinkSync(path.join(projectRoot(), 'bin', 'custody.js'), path.join(bin, 'custody'));
      process.env.PATH = bin;
      const custody = path.join(projectRoot(), 'bin', 'custody.js');
      expect(howToCall('zh', path.join(bin, 'custody'))).toEqual({
        command: /\s/.test(custody) ? `node "${custody}"` : `node ${custody}`,
        install: `想直接输入 custody：在 ${projectRoot()} 里运行 npm install -g .（或 npm link），之后在任何文件夹都可用。`,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
