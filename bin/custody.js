#!/usr/bin/env node
'use strict';
/**
 * `custody`: runs the command line bundled in one file, dist/cli/custody.js
 * (`npm run build:cli`), compiled from V8's code cache kept beside it, so that a
 * cold `custody validate` neither looks up a hundred modules nor compiles
 * again what the last run compiled. tsc's modules (dist/src/cli/main.js) are
 * run instead when the bundle is missing or older than them (only tsc was run
 * since), so that what runs is never older than the last build.
 *
 * The cache holds the code compiled by each command that has run once: a
 * command not yet in it writes it anew as it exits (a bundle rebuilt, another
 * Node, different V8 flags: the cache is refused and written anew too).
 * `summary`, run under a V8 flag of its own, keeps its own cache beside it
 * (custody.js.summary.cache). Any trouble with the cache only costs the time
 * it would have saved.
 */
const fs = require('fs');
const path = require('path');

const DIST = path.join(__dirname, '..', 'dist');
const BUNDLE = path.join(DIST, 'cli', 'custody.js');
const MODULES = path.join(DIST, 'src', 'cli', 'main.js');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
/** The first word that is not an option: the command, whose code the cache holds once it has run. */
const command = args.find((a) => !a.startsWith('-')) || '';
/**
 * What the cache records as run: a command's help runs little of its code, so
 * `validate --help` run first must not stand for `validate` (whose code would
 * then never be kept).
 */
const ran = args.some((a) => a === '--help' || a === '-h') ? `${command} --help` : command;

// V8 optimises a function once it has run a budget of bytecode (66 KB in Node
// 20's V8). `summary` runs the same readers and rules in each of its worker
// threads, and each thread compiled some 700 functions with TurboFan: seconds
// of CPU on a 2-core machine, taken from the readers. With a budget of 1 MB
// only the truly hot ones are optimised: 500 compiles in a summary of 3,000
// workbooks instead of 920 at 300 KB and 1,630 at V8's own, the summary
// about 5 % faster than at 300 KB, 10 % for 300 workbooks (alternated runs);
// a summary of one 50,000-row workbook 5 % slower. A command that reads one
// workbook gains nothing from it.
// V8 lets a heap grow to a multiple of what is alive in it, up to 4 when little is
// collected; capped at 2 for every command. `summary`'s peak RSS over 3,000
// workbooks fell by some 50 MB, with the worker threads' smaller text memos
// (src/batch/worker.ts) and the handover copies spooled (src/batch/spool.ts), for
// no CPU we could measure (at 2.5: 20 MB higher). `validate` of a 50,000-row vault
// log keeps some 75 MB alive at its peak but reached 325-333 MB of RSS in
// garbage not yet collected: 281-285 MB capped, its CPU time the same within noise.
// With that budget most functions are never optimised and ran in V8's interpreter
// all run long: `--always-sparkplug` gives each its baseline machine code at once
// (cheap to make, some 1.5-2x the interpreter's speed). Measured alternated, on a
// loaded machine: a worker's CPU for 1,000 workbooks 8 % lower, the summary of
// 3,000 workbooks 31.0 s of CPU against 32.6 s (three runs each).
// V8 refuses a code cache made under other flags, so `summary` keeps its own.
const WORKER_THREADS = command === 'summary';
require('v8').setFlagsFromString(WORKER_THREADS ? '--interrupt-budget=1000000 --always-sparkplug --heap-growing-percent=100' : '--heap-growing-percent=100');

/** The bundle as a CommonJS module, its code from the cache when V8 takes it (code-cache.js). */
function loadCli() {
  const codeCache = require('./code-cache');
  codeCache.useFlavour(WORKER_THREADS ? '.summary' : '');
  const bundle = codeCache.loadBundle(BUNDLE, codeCache.cacheFileOf(BUNDLE), module);
  const known = bundle.held || [];
  // At exit the cache holds all this run compiled too (made now, it would hold only the outermost function).
  if (!known.includes(ran)) process.once('exit', () => bundle.save([...known, ran]));
  return bundle.exports;
}

const bundleTime = mtime(BUNDLE);
const modulesTime = mtime(MODULES);
const cli = bundleTime !== undefined && (modulesTime === undefined || bundleTime >= modulesTime) ? loadCli() : require(MODULES);
cli.run(process.argv).then((code) => {
  process.exitCode = code;
});
