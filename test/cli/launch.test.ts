/**
 * bin/custody.js: runs the bundled CLI (dist/cli/custody.js) through V8's code
 * cache, or tsc's modules when the bundle is missing or older than them; and
 * the bundle says exactly what the CLI says in-process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { Worker } from 'worker_threads';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';

const ROOT = path.resolve(__dirname, '..', '..');
/** The text Node wraps a CommonJS module's code in (Module.wrap), before and after it; not in Node's typings. */
const WRAPPER = (Module as unknown as { wrapper: readonly [string, string] }).wrapper;

function node(bin: string, args: readonly string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bin/custody.js chooses what to run and keeps the code cache', () => {
  let root: string;
  const bin = () => path.join(root, 'bin', 'custody.js');
  const bundle = () => path.join(root, 'dist', 'cli', 'custody.js');
  const modules = () => path.join(root, 'dist', 'src', 'cli', 'main.js');
  const cache = () => `${bundle()}.cache`;
  /** A stand-in CLI: says which build ran, with what and from where; its exit code is the run's. */
  const standIn = (name: string) =>
    `exports.run = async (argv) => { process.stdout.write(${JSON.stringify(name)} + ' ' + JSON.stringify(argv.slice(2)) + ' ' + __dirname + '\\n'); return 3; };\n`;
  const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);
  const header = () => {
    const bytes = fs.readFileSync(cache());
    return JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8')) as { bundle: string; commands: string[] };
  };
  const bundleKey = () => {
    const s = fs.statSync(bundle());
    return `${s.size}:${s.mtimeMs}`;
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-launch-'));
    fs.mkdirSync(path.join(root, 'bin'));
    fs.mkdirSync(path.dirname(bundle()), { recursive: true });
    fs.mkdirSync(path.dirname(modules()), { recursive: true });
    for (const file of ['custody.js', 'code-cache.js', 'worker.js']) fs.copyFileSync(path.join(ROOT, 'bin', file), path.join(root, 'bin', file));
    fs.writeFileSync(modules(), standIn('modules'));
    fs.writeFileSync(bundle(), standIn('bundle'));
    at(modules(), 1_000_000);
    at(bundle(), 1_000_010);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the bundle when it is newer than the modules: its __dirname is dist/cli, its exit code the process’s', () => {
    expect(node(bin(), ['validate', 'a.xlsx'])).toEqual({ code: 3, out: `bundle ["validate","a.xlsx"] ${path.dirname(bundle())}\n`, err: '' });
  });

  test('a bundle written wrapped as Node wraps a module (as webpack.cli.js writes them) runs the same, its cache taken', () => {
    fs.writeFileSync(bundle(), Module.wrap(standIn('bundle')));
    at(bundle(), 1_000_010);
    const said = { code: 3, out: `bundle ["validate","a.xlsx"] ${path.dirname(bundle())}\n`, err: '' };
    expect(node(bin(), ['validate', 'a.xlsx'])).toEqual(said);
    at(cache(), 1_000_030);
    expect(node(bin(), ['validate', 'a.xlsx'])).toEqual(said);
    expect(fs.statSync(cache()).mtimeMs).toBe(1_000_030_000);
  });

  test('the modules when only tsc ran since the bundle was built, or there is no bundle', () => {
    at(modules(), 1_000_020);
    expect(node(bin(), ['--version'])).toEqual({ code: 3, out: `modules ["--version"] ${path.dirname(modules())}\n`, err: '' });
    fs.rmSync(bundle());
    expect(node(bin(), ['--version'])).toEqual({ code: 3, out: `modules ["--version"] ${path.dirname(modules())}\n`, err: '' });
    expect(fs.readdirSync(path.dirname(bundle()))).toEqual([]);
  });

  test('the cache is written by the first run of each command, and not again by a command it holds', () => {
    expect(fs.existsSync(cache())).toBe(false);
    expect(node(bin(), ['validate', '--lang', 'en', 'a.xlsx']).out).toBe(`bundle ["validate","--lang","en","a.xlsx"] ${path.dirname(bundle())}\n`);
    expect(header()).toEqual({ bundle: bundleKey(), commands: ['validate'] });
    at(cache(), 1_000_030);
    expect(node(bin(), ['validate', 'b.xlsx']).code).toBe(3);
    expect(fs.statSync(cache()).mtimeMs).toBe(1_000_030_000);
    expect(node(bin(), ['--help']).code).toBe(3);
    expect(header()).toEqual({ bundle: bundleKey(), commands: ['validate', ' --help'] });
    // A command's help first does not stand for the command: its code is kept when it runs.
    expect(node(bin(), ['extract', '--help']).code).toBe(3);
    expect(node(bin(), ['extract', 'a.xlsx']).code).toBe(3);
    expect(header()).toEqual({ bundle: bundleKey(), commands: ['validate', ' --help', 'extract --help', 'extract'] });
    expect(fs.readdirSync(path.dirname(bundle())).sort()).toEqual(['custody.js', 'custody.js.cache']);
  });

  test('a rebuilt bundle, a cache V8 refuses and an unreadable cache: the run is the same and the cache written anew', () => {
    node(bin(), ['validate', 'a.xlsx']);
    fs.appendFileSync(bundle(), '// rebuilt\n');
    at(bundle(), 1_000_040);
    const expected = { code: 3, out: `bundle ["extract","d.xlsx"] ${path.dirname(bundle())}\n`, err: '' };
    expect(node(bin(), ['extract', 'd.xlsx'])).toEqual(expected);
    expect(header()).toEqual({ bundle: bundleKey(), commands: ['extract'] });
    fs.writeFileSync(cache(), `${JSON.stringify({ bundle: bundleKey(), commands: ['extract'] })}\nnot V8's code cache`);
    expect(node(bin(), ['extract', 'd.xlsx'])).toEqual(expected);
    expect(header()).toEqual({ bundle: bundleKey(), commands: ['extract'] });
    expect(fs.readFileSync(cache()).includes("not V8's code cache")).toBe(false);
    fs.writeFileSync(cache(), 'garbage');
    expect(node(bin(), ['extract', 'd.xlsx'])).toEqual(expected);
    expect(header()).toEqual({ bundle: bundleKey(), commands: ['extract'] });
  });

  test('summary, run under V8 flags of its own, keeps its own cache and leaves the other commands’ cache alone', () => {
    node(bin(), ['validate', 'a.xlsx']);
    const before = fs.readFileSync(cache());
    expect(node(bin(), ['summary', 'd'])).toEqual({ code: 3, out: `bundle ["summary","d"] ${path.dirname(bundle())}\n`, err: '' });
    expect(fs.readFileSync(cache())).toEqual(before);
    const summaryCache = `${bundle()}.summary.cache`;
    const bytes = fs.readFileSync(summaryCache);
    expect(JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8'))).toEqual({ bundle: bundleKey(), commands: ['summary'] });
    at(summaryCache, 1_000_050);
    expect(node(bin(), ['summary', 'e']).code).toBe(3);
    expect(fs.statSync(summaryCache).mtimeMs).toBe(1_000_050_000);
    expect(fs.readdirSync(path.dirname(bundle())).sort()).toEqual(['custody.js', 'custody.js.cache', 'custody.js.summary.cache']);
  });

  test('summary runs under other V8 flags than the other commands: each refuses the other’s code cache', () => {
    node(bin(), ['summary', 'd']);
    const summaryCache = `${bundle()}.summary.cache`;
    const bytes = fs.readFileSync(summaryCache);
    const code = bytes.subarray(bytes.indexOf(10) + 1);
    // summary's code offered to validate, as if validate had made it: V8 refuses it (its flags differ) and it is written anew.
    fs.writeFileSync(cache(), Buffer.concat([Buffer.from(`${JSON.stringify({ bundle: bundleKey(), commands: ['validate'] })}\n`), code]));
    at(cache(), 1_000_060);
    expect(node(bin(), ['validate', 'a.xlsx']).code).toBe(3);
    expect(fs.statSync(cache()).mtimeMs).not.toBe(1_000_060_000);
    // validate's own code, offered back to validate, is taken: not written again.
    at(cache(), 1_000_070);
    expect(node(bin(), ['validate', 'b.xlsx']).code).toBe(3);
    expect(fs.statSync(cache()).mtimeMs).toBe(1_000_070_000);
    // And validate's code offered to summary is refused the same way.
    const validateCode = fs.readFileSync(cache()).subarray(fs.readFileSync(cache()).indexOf(10) + 1);
    fs.writeFileSync(summaryCache, Buffer.concat([Buffer.from(`${JSON.stringify({ bundle: bundleKey(), commands: ['summary'] })}\n`), validateCode]));
    at(summaryCache, 1_000_080);
    expect(node(bin(), ['summary', 'e']).code).toBe(3);
    expect(fs.statSync(summaryCache).mtimeMs).not.toBe(1_000_080_000);
  });

  test('another bundle a command asks for (requireBundle) has a cache of its own, apart for summary, written once', () => {
    const other = path.join(path.dirname(bundle()), 'other.js');
    fs.writeFileSync(other, `exports.said = 'other ' + __dirname;\n`);
    fs.writeFileSync(
      bundle(),
      `exports.run = async () => { const p = require('path'); const { requireBundle } = require(p.join(__dirname, '..', '..', 'bin', 'code-cache.js'));
        process.stdout.write(requireBundle(p.join(__dirname, 'other.js')).said + '\\n'); return 3; };\n`,
    );
    at(bundle(), 1_000_010);
    const said = { code: 3, out: `other ${path.dirname(bundle())}\n`, err: '' };
    expect(node(bin(), ['validate', 'a.xlsx'])).toEqual(said);
    expect(node(bin(), ['summary', 'd'])).toEqual(said);
    const built = fs.statSync(other);
    const caches = [`${other}.cache`, `${other}.summary.cache`];
    for (const file of caches) {
      const bytes = fs.readFileSync(file);
      expect(JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8'))).toEqual({ bundle: `${built.size}:${built.mtimeMs}`, commands: ['required'] });
      at(file, 1_000_090);
    }
    // Each taken by the next run under its flags: neither written again.
    expect(node(bin(), ['validate', 'b.xlsx'])).toEqual(said);
    expect(node(bin(), ['summary', 'e'])).toEqual(said);
    for (const file of caches) expect(fs.statSync(file).mtimeMs).toBe(1_000_090_000);
  });
});

describe('bin/worker.js runs the bundle’s worker threads from a code cache of their own', () => {
  let root: string;
  const worker = () => path.join(root, 'dist', 'cli', 'worker.js');
  const header = (file: string) => {
    const bytes = fs.readFileSync(file);
    return JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8')) as { bundle: string; commands: string[] };
  };
  /**
   * A thread started from bin/worker.js: what its stand-in worker says (its __dirname), once it has run `ms` — or, with
   * none, ended as soon as it has said it (on a loaded machine a thread may not have said anything after a fixed 50 ms).
   */
  const thread = (workerData: object, ms?: number) =>
    new Promise<string>((resolve, reject) => {
      const w = new Worker(path.join(root, 'bin', 'worker.js'), { workerData });
      let said = '';
      const end = () => void w.terminate().then(() => resolve(said));
      w.on('message', (m: string) => {
        said = m;
        if (ms === undefined) end();
      });
      w.on('error', reject);
      if (ms !== undefined) setTimeout(end, ms);
    });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-worker-'));
    fs.mkdirSync(path.join(root, 'bin'));
    fs.mkdirSync(path.dirname(worker()), { recursive: true });
    for (const file of ['code-cache.js', 'worker.js']) fs.copyFileSync(path.join(ROOT, 'bin', file), path.join(root, 'bin', file));
    // Kept alive by its port, as the pool's threads are between batches.
    fs.writeFileSync(
      worker(),
      `const { parentPort } = require('worker_threads'); parentPort.on('message', () => {}); parentPort.postMessage('worker ' + __dirname);\n`,
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the first thread writes the cache once it has worked a while; the next takes it and writes nothing', async () => {
    expect(await thread({}, 1500)).toBe(`worker ${path.dirname(worker())}`);
    const s = fs.statSync(worker());
    expect(header(`${worker()}.cache`)).toEqual({ bundle: `${s.size}:${s.mtimeMs}`, commands: ['worker'] });
    fs.utimesSync(`${worker()}.cache`, 1_000_000, 1_000_000);
    expect(await thread({}, 1500)).toBe(`worker ${path.dirname(worker())}`);
    expect(fs.statSync(`${worker()}.cache`).mtimeMs).toBe(1_000_000_000);
    // validate --mark's threads (other V8 flags in a real run) keep their own; no temporary file is left.
    expect(await thread({ mark: true }, 1500)).toBe(`worker ${path.dirname(worker())}`);
    expect(fs.readdirSync(path.dirname(worker())).sort()).toEqual(['worker.js', 'worker.js.cache', 'worker.js.mark.cache']);
  });

  test('a thread that ends before it has worked a while writes no cache', async () => {
    expect(await thread({})).toBe(`worker ${path.dirname(worker())}`);
    expect(fs.readdirSync(path.dirname(worker()))).toEqual(['worker.js']);
  });
});

describe('the bundled CLI (npm run build:cli) says exactly what the CLI says in-process', () => {
  const BIN = path.join(ROOT, 'bin', 'custody.js');
  let dir: string;

  beforeAll(async () => {
    const bundle = path.join(ROOT, 'dist', 'cli', 'custody.js');
    const modules = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
    if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < fs.statSync(modules).mtimeMs) throw new Error('build the CLI first: npm run build:cli');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-bundle-'));
    const kaodian = fixture('kaodian.json');
    const faulty: SiteData = JSON.parse(JSON.stringify(kaodian));
    faulty.vaultLog![0].takenAt = '六月中旬';
    fs.writeFileSync(path.join(dir, 'kaodian.xlsx'), await fillWorkbook(kaodian));
    fs.writeFileSync(path.join(dir, 'faulty.xlsx'), await fillWorkbook(faulty));
    // Enough workbooks for `summary` to start its threads (the bundled worker), each with its own bytes; one unit's five
    // workbooks, of which summary counts the first by name (a, the faulty one: it exits 1) and leaves the others out.
    fs.mkdirSync(path.join(dir, 'sites'));
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const data: SiteData = JSON.parse(JSON.stringify(name === 'a' ? faulty : kaodian));
      data.handovers![0].items![0].note = `第 ${name} 份`;
      fs.writeFileSync(path.join(dir, 'sites', `${name}.xlsx`), await fillWorkbook(data));
    }
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test('custody summary -o: the same workbook and words, written with exceljs’s streaming writer alone, bundled with its own cache', async () => {
    const mine = path.join(dir, 'in-process.xlsx');
    const bundled = path.join(dir, 'bundled.xlsx');
    const io = memoryIO();
    expect(await main(['node', 'custody', 'summary', path.join(dir, 'sites'), '-o', mine, '--threads', '2'], io)).toBe(1);
    // The bundle run as bin/custody.js runs it; at exit, the modules of exceljs and its zip it loaded from node_modules.
    const r = bundledSaying(
      "Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/](exceljs|archiver)/.test(k)).map((k) => require('path').basename(k)).join(' ')",
      ['summary', path.join(dir, 'sites'), '-o', bundled, '--threads', '2'],
    );
    expect(r.status).toBe(1);
    // exceljs's enums alone (ValueType, plain constants): the writer is dist/cli/xlsx-writer.js, its cache beside it
    // (summary's, made for this build of it).
    expect(r.said).toBe('enums.js');
    const writer = path.join(ROOT, 'dist', 'cli', 'xlsx-writer.js');
    const cache = fs.readFileSync(`${writer}.summary.cache`);
    const built = fs.statSync(writer);
    expect(JSON.parse(cache.subarray(0, cache.indexOf(10)).toString('utf8'))).toEqual({ bundle: `${built.size}:${built.mtimeMs}`, commands: ['required'] });
    // Nor does Node warn of the writer's zip helpers' `new Buffer`, which it lets pass only from node_modules.
    expect(r.err).toBe(io.stderr);
    expect(await parts(bundled)).toEqual(await parts(mine));
  });

  test('each bundle is written wrapped as Node wraps a module: bin/code-cache.js compiles it as read, without a copy', () => {
    for (const name of ['custody.js', 'worker.js', 'xlsx-writer.js']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', 'cli', name), 'latin1');
      expect([text.startsWith(WRAPPER[0]), text.endsWith(WRAPPER[1])]).toEqual([true, true]);
    }
  });

  test('custody validate loads nothing from node_modules but its bundle, nor worker_threads or fs/promises for one file (a cold start spared)', () => {
    const r = bundledSaying(
      "JSON.stringify([...Object.keys(require.cache).filter((k) => k.includes('node_modules')), ...process.moduleLoadList.filter((m) => /worker_threads|fs\\/promises/.test(m))])",
      ['validate', path.join(dir, 'faulty.xlsx')],
    );
    expect(r.status).toBe(1);
    expect(JSON.parse(r.said)).toEqual([]);
  });

  test('custody template -o: the bundle writes the same templates (jszip loaded when they are written)', async () => {
    const mine = path.join(dir, 'templates-in-process');
    const bundled = path.join(dir, 'templates-bundled');
    expect(await main(['node', 'custody', 'template', '-o', mine], memoryIO())).toBe(0);
    expect(node(BIN, ['template', '-o', bundled]).code).toBe(0);
    const names = fs.readdirSync(mine).sort();
    expect(fs.readdirSync(bundled).sort()).toEqual(names);
    expect(names).toHaveLength(6);
    for (const name of names) expect(fs.readFileSync(path.join(bundled, name)).equals(fs.readFileSync(path.join(mine, name)))).toBe(true);
  });

  /** The bundle run as bin/custody.js runs it, with what `expression` gives at its exit (written last to stderr, after a NUL). */
  function bundledSaying(expression: string, args: readonly string[]) {
    const script = [
      `process.on('exit', () => process.stderr.write('\\0' + ${expression}));`,
      `process.argv.splice(1, 0, ${JSON.stringify(BIN)});`,
      `require(${JSON.stringify(BIN)});`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8' });
    const end = r.stderr.lastIndexOf('\0');
    return { status: r.status, said: r.stderr.slice(end + 1), err: r.stderr.slice(0, end) };
  }

  async function parts(file: string) {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .sort();
    return Promise.all(names.map(async (n) => [n, await zip.files[n].async('string')]));
  }

  test.each(
    [
      ['validate', 'kaodian.xlsx', 'faulty.xlsx'],
      ['validate', 'faulty.xlsx', '--format', 'json', '--lang', 'en'],
      ['validate', 'missing.xlsx', 'kaodian.xlsx'],
      ['extract', 'faulty.xlsx', '--locations'],
      ['--version'],
      ['--help'],
      ['validate', '--help'],
      ['nosuch'],
      ['validate', '--format', 'xml', 'kaodian.xlsx'],
      ['summary', 'sites', '--format', 'json', '--threads', '2'],
      // Five files: the bundle checks them in its worker threads, in the order given; in-process (no built worker), in this thread.
      ['validate', 'sites/e.xlsx', 'sites/c.xlsx', 'sites/a.xlsx', 'sites/d.xlsx', 'sites/b.xlsx', '--threads', '2'],
      ['validate', 'sites', 'missing.xlsx', '--format', 'json', '--threads', '2'],
      ['validate', 'sites', '--threads', '0'],
    ].map((args) => [args.join(' '), args]),
  )('custody %s', async (_call, args) => {
    const abs = args.map((a) => (a.endsWith('.xlsx') || a === 'sites' ? path.join(dir, a) : a));
    const io = memoryIO();
    const code = await main(['node', 'custody', ...abs], io);
    expect(node(BIN, abs)).toEqual({ code, out: io.stdout, err: io.stderr });
  });
});
