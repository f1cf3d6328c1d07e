/**
 * The command line in one file: dist/cli/custody.js (and dist/cli/worker.js,
 * the threads of `summary`), bundled from tsc's output in dist/src. A cold
 * `custody validate` otherwise spends a third of its time finding, reading and
 * compiling a hundred small modules; bin/custody.js loads this file through
 * V8's code cache (scripts/cli-launch.js).
 *
 * Left outside the bundle, loaded from node_modules when a command needs them:
 * exceljs, ajv, cli-progress, jszip (the writers and `fill`), and piscina,
 * which starts its own worker file.
 */
const path = require('path');

const ROOT = __dirname;

/**
 * Node built-ins a bundled module requires at its top but calls into only
 * later, if ever (commander's child_process runs a sub-command's own
 * executable, which custody has none of; the batch pool's worker_threads
 * starts the threads of `summary`): each is a stand-in that loads the built-in on first use,
 * so that no command starts by compiling it. Only for modules that call into
 * the built-in's members, never for `import * as`.
 */
const LAZY_BUILTINS = [
  { builtin: 'child_process', issuer: /[\\/]node_modules[\\/]commander[\\/]/ },
  { builtin: 'worker_threads', issuer: /[\\/]dist[\\/]src[\\/]batch[\\/]pool\.js$/ },
];

const lazyBuiltin = (name) => `var new Proxy({}, { get: (_, key) => require(${JSON.stringify(name)})[key] })`;

function lazyBuiltins({ request, contextInfo }, callback) {
  const name = request && request.replace(/^node:/, '');
  const lazy = LAZY_BUILTINS.find((l) => l.builtin === name && l.issuer.test(contextInfo.issuer || ''));
  if (lazy) return callback(null, lazyBuiltin(name));
  return callback();
}

module.exports = {
  mode: 'production',
  target: 'node20',
  context: ROOT,
  entry: {
    custody: './dist/src/cli/main.js',
    worker: './dist/src/batch/worker.js',
  },
  // Always written, even unchanged: bin/custody.js runs the bundle only when it is newer than tsc's modules.
  output: { path: path.join(ROOT, 'dist', 'cli'), filename: '[name].js', library: { type: 'commonjs2' }, clean: true, compareBeforeEmit: false },
  resolve: {
    // fflate's Node build starts by loading worker_threads for its asynchronous API, which the reader does not use;
    // its plain build has the same synchronous inflate.
    alias: { fflate$: path.join(ROOT, 'node_modules', 'fflate', 'lib', 'browser.cjs') },
  },
  externals: [
    lazyBuiltins,
    { exceljs: 'commonjs exceljs', ajv: 'commonjs ajv', 'cli-progress': 'commonjs cli-progress', jszip: 'commonjs jszip', piscina: 'commonjs piscina' },
  ],
  // __dirname stays the bundle's folder: the worker file and the project folder are found from dist/cli.
  node: { __dirname: false, __filename: false },
  // Written in ASCII (\u escapes for the Chinese texts) and without spaces or comments: V8 reads a one-byte source
  // faster. Names are kept (stack traces) and nothing is rewritten: V8 compiles from the code cache either way.
  optimization: {
    minimize: true,
    minimizeOptions: { javascript: { compress: false, mangle: false, format: { ascii_only: true, comments: false } } },
  },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
