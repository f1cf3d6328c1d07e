'use strict';
/**
 * A worker thread of the bundled command line (`summary`'s readers and its checks across workbooks, `validate
 * --mark`'s copies): dist/cli/worker.js run from V8's code cache beside it (code-cache.js), as bin/custody.js runs the
 * command line. Started without it, each thread compiled the 1 MB bundle anew: 70–90 ms against 30–35 ms with the
 * cache, and the checks across workbooks' thread starts on the summary's last stretch, where nothing else runs.
 * A thread that finds no cache V8 takes writes one once it has worked a while, so that it holds the readers' and
 * rules' code too, not only the outermost functions. `--mark`'s threads run under other V8 flags than `summary`'s
 * (bin/custody.js): each keeps its own cache.
 */
const path = require('path');
const { workerData } = require('worker_threads');
const { loadBundle } = require('./code-cache');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli', 'worker.js');
/** How long a thread works before it writes the cache: a few workbooks read, well within the shortest run of threads. */
const SAVE_AFTER_MS = 400;

const marks = Boolean(workerData && workerData.mark);
const loaded = loadBundle(BUNDLE, marks ? `${BUNDLE}.mark.cache` : `${BUNDLE}.cache`, module);
if (!loaded.held) setTimeout(() => loaded.save(['worker']), SAVE_AFTER_MS).unref();
