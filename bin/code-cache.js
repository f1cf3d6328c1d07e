'use strict';
/**
 * V8's code cache for a bundled file: bin/custody.js's command line and bin/worker.js's threads. The cache is a
 * file beside the bundle: its first line names the bundle it was made from (size and time) and what has run with
 * it, then V8's data. A cache of another bundle, one V8 refuses (another Node, other flags) or one that cannot be
 * read only costs the compiling it would have saved, and is written anew.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

function readCache(cacheFile, bundleKey) {
  try {
    const bytes = fs.readFileSync(cacheFile);
    const end = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8'));
    return header.bundle === bundleKey ? { commands: header.commands, data: bytes.subarray(end + 1) } : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile, bundleKey, commands, data) {
  // Threads of one process may write at once: each its own temporary file, renamed over the cache whole.
  const tmp = `${cacheFile}.${process.pid}.${require('worker_threads').threadId}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify({ bundle: bundleKey, commands })}\n`), data]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A folder we may not write (an installed copy): every run compiles, as without a cache.
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Runs `bundle` as a CommonJS module (a child of `parent`), its code from `cacheFile` when V8 takes it. Returns its
 * exports; `held`, what the cache taken holds as run (undefined: none taken); `save(commands)`, the cache written
 * with all this thread has compiled of the bundle so far (the functions run, not only the outermost).
 */
function loadBundle(bundle, cacheFile, parent) {
  const stat = fs.statSync(bundle);
  const bundleKey = `${stat.size}:${stat.mtimeMs}`;
  const cache = readCache(cacheFile, bundleKey);
  // The bundle is written in ASCII (webpack.cli.js): read as latin1, the same text, in half the time of utf8's check.
  const text = fs.readFileSync(bundle, 'latin1');
  // And written wrapped as a module (webpack.cli.js wrapAsModule): compiled as read, not copied whole into a wrapped
  // string. Anything else (a bundle of an older build) is wrapped here.
  const source = text.startsWith(Module.wrapper[0]) ? text : Module.wrap(text);
  const script = new vm.Script(source, { filename: bundle, cachedData: cache && cache.data });
  const held = cache && !script.cachedDataRejected ? cache.commands : undefined;
  const mod = new Module(bundle, parent);
  const save = (commands) => writeCache(cacheFile, bundleKey, commands, script.createCachedData());
  script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return { exports: mod.exports, held, save };
}

/**
 * What this process's caches are called after: V8 refuses a cache made under other flags, and `summary` runs under
 * flags of its own (bin/custody.js), so its caches are kept apart: custody.js.summary.cache beside custody.js.cache.
 */
let flavour = '';

/** Sets this process's flavour: '' or '.summary' (bin/custody.js, before any bundle is loaded). */
function useFlavour(name) {
  flavour = name;
}

/** The cache of `bundle` under this process's flavour. */
const cacheFileOf = (bundle) => `${bundle}${flavour}.cache`;

/**
 * The exports of another bundle of the command line, loaded when a command first asks for it (dist/cli/xlsx-writer.js:
 * exceljs's streaming writer, webpack.cli.js), through a cache of its own under this process's flavour: written at
 * exit, holding all the run compiled of it, when V8 took none.
 */
function requireBundle(bundle) {
  const loaded = loadBundle(bundle, cacheFileOf(bundle), undefined);
  if (!loaded.held) process.once('exit', () => loaded.save(['required']));
  return loaded.exports;
}

module.exports = { loadBundle, useFlavour, cacheFileOf, requireBundle };
