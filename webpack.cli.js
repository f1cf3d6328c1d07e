/**
 * The command line in one file: dist/cli/custody.js (and dist/cli/worker.js,
 * the threads of `summary`; dist/cli/xlsx-writer.js, exceljs's streaming
 * writer: see EXCELJS_PARTS), bundled from tsc's output in dist/src. A cold
 * `custody validate` otherwise spends a third of its time finding, reading and
 * compiling a hundred small modules; bin/custody.js loads this file through
 * V8's code cache.
 *
 * Left outside the bundle, loaded from node_modules when a command needs them:
 * exceljs but its streaming writer (see EXCELJS_PARTS), ajv, cli-progress, jszip (DEFAULT_IMPORT_ONLY), piscina, which
 * starts its own worker file, and the modules below. fflate is bundled: every command that reads inflates a
 * workbook's small parts with it, and from node_modules it took 12-15 ms of a cold `custody validate` (compiled
 * anew each run, worker_threads loaded with it), where the bundle's code cache holds it.
 */
const path = require('path');
const { wrapper: MODULE_WRAPPER } = require('module');
const { Compilation, sources } = require('webpack');

const ROOT = __dirname;

/**
 * Modules a bundled module requires at its top but calls into only later, if
 * ever: commander's child_process runs a sub-command's own executable (custody
 * has none); the batch pool's worker_threads starts the threads of `summary`; crypto
 * hashes the workbooks of a JSON report and names temporary files (the text
 * report of `validate` shows no hash and writes nothing). Each is a
 * stand-in that loads the real module from node_modules on first use, so that
 * no command starts by loading it.
 */
const LAZY_MODULES = [
  { request: 'child_process', issuer: /[\\/]node_modules[\\/]commander[\\/]/ },
  { request: 'worker_threads', issuer: /[\\/]dist[\\/]src[\\/]batch[\\/]pool\.js$/ },
  { request: 'crypto', issuer: /[\\/]dist[\\/]src[\\/]batch[\\/](workbook-file|cleanup)\.js$/ },
];

/**
 * The stand-in: every look at it (a member, `in`, its keys for `import * as`)
 * looks at the module, loaded then. `parts` (source of an object of loaders):
 * members given from files of their own, without loading the whole module,
 * until something else asks for it.
 */
const lazyModule = (name, parts = '{}') =>
  `var (() => { let m; const load = () => (m = m || require(${JSON.stringify(name)})); const parts = ${parts}; const made = {};
  return new Proxy({}, {
    get: (_, key) => (m || !Object.hasOwn(parts, key) ? load()[key] : (made[key] ??= parts[key]())),
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },
  }); })()`;

/**
 * exceljs's parts. `summary` writes with exceljs's streaming writer alone,
 * which loads in 70 ms and 16 MB where all of exceljs (its reader, the
 * ordinary workbook, CSV) takes 190 ms and 27 MB, CPU taken from the worker
 * threads while they read: `stream` and `ValueType` load only the writer and
 * the enums, the same modules all of exceljs gives them from. The writer
 * (with archiver, its zip) is bundled on its own, dist/cli/xlsx-writer.js,
 * run from a code cache as the command line is (bin/code-cache.js
 * requireBundle): from node_modules its 200-odd modules took some 200 ms of
 * CPU on a loaded machine, bundled 100 ms, 80 ms from the cache (its loading
 * and a first small workbook written: 265 ms against 130 ms). Not in
 * custody.js, which every `validate` reads whole. exceljs is a plain CommonJS
 * object: it has no `__esModule`, which tsc's default import asks for first.
 */
const EXCELJS_PARTS = `{
  __esModule: () => undefined,
  stream: () => ({ xlsx: { WorkbookWriter: require(require("path").join(__dirname, "..", "..", "bin", "code-cache.js")).requireBundle(require("path").join(__dirname, "xlsx-writer.js")) } }),
  ValueType: () => require("exceljs/lib/doc/enums.js").ValueType,
}`;

/**
 * A CommonJS module taken by a default import (jszip: templates and charts): tsc's import asks for `__esModule`
 * first, which must not load it — `template` and `summary` are registered by every command, and jszip's sixty
 * modules took 34 ms of a cold `custody validate` that never writes a zip.
 */
const DEFAULT_IMPORT_ONLY = '{ __esModule: () => undefined }';

function lazyModules({ request, contextInfo }, callback) {
  if (request === 'exceljs') return callback(null, lazyModule('exceljs', EXCELJS_PARTS));
  if (request === 'jszip') return callback(null, lazyModule('jszip', DEFAULT_IMPORT_ONLY));
  const name = request && request.replace(/^node:/, '');
  const lazy = LAZY_MODULES.find((l) => l.request === name && l.issuer.test(contextInfo.issuer || ''));
  if (lazy) return callback(null, lazyModule(name));
  return callback();
}

/**
 * Each bundle written as Node wraps a CommonJS module, `(function (exports, require, module, __filename, __dirname) {
 * … })`, once terser (which would respace it) is done: bin/code-cache.js compiles it as read. Wrapped there, the
 * megabyte of text was joined to the wrapper, which V8 copies whole into one string before it compiles: a cold
 * `custody validate` spent some 5 ms of CPU and 1.4 MB more on it (compiling from the cache: 19.5 ms against 14.4).
 */
const wrapAsModule = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('wrapAsModule', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'wrapAsModule', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        for (const chunk of compilation.chunks) {
          for (const file of chunk.files) compilation.updateAsset(file, (code) => new sources.ConcatSource(MODULE_WRAPPER[0], code, MODULE_WRAPPER[1]));
        }
      });
    });
  },
};

module.exports = {
  mode: 'production',
  target: 'node20',
  context: ROOT,
  entry: {
    custody: './dist/src/cli/main.js',
    worker: './dist/src/batch/worker.js',
    'xlsx-writer': 'exceljs/lib/stream/xlsx/workbook-writer.js',
  },
  // Always written, even unchanged: bin/custody.js runs the bundle only when it is newer than tsc's modules.
  output: { path: path.join(ROOT, 'dist', 'cli'), filename: '[name].js', library: { type: 'commonjs2' }, clean: true, compareBeforeEmit: false },
  externals: [
    lazyModules,
    { ajv: 'commonjs ajv', 'cli-progress': 'commonjs cli-progress', piscina: 'commonjs piscina' },
  ],
  // fflate's build for Node loads worker_threads as it loads, for the asynchronous calls (none of ours): its
  // browser build, the same synchronous code, spares a cold command those 3 ms.
  resolve: { alias: { fflate$: path.join(ROOT, 'node_modules', 'fflate', 'esm', 'browser.js') } },
  // The writer's zip helpers call `new Buffer`, which Node warns of outside node_modules (scripts/buffer-from-loader.js).
  module: { rules: [{ test: /[\\/]node_modules[\\/]archiver-utils[\\/]index\.js$/, loader: path.join(ROOT, 'scripts', 'buffer-from-loader.js') }] },
  // __dirname stays the bundle's folder: the worker file and the project folder are found from dist/cli.
  node: { __dirname: false, __filename: false },
  // Written in ASCII (\u escapes for the Chinese texts) and without spaces or comments: V8 reads a one-byte source
  // faster. Names are kept (stack traces) and nothing is rewritten: V8 compiles from the code cache either way.
  optimization: {
    minimize: true,
    minimizeOptions: { javascript: { compress: false, mangle: false, format: { ascii_only: true, comments: false } } },
  },
  plugins: [wrapAsModule],
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
