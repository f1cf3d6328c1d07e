/**
 * The add-in build the manifest and end-to-end tests look at: dist/ as
 * `npm run build` leaves it. Rebuilt (webpack --mode production) when missing
 * or older than its sources; a lock keeps parallel test files from building twice.
 * (docs/images is not a source here, though the guide inlines it: the e2e tests rewrite those screenshots every run.)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

const SOURCES = [
  'src',
  'templates',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'webpack.wps.js',
  'tsconfig.json',
  'scripts/offline-page.js',
  'scripts/guide-page.js',
  'docs/使用说明.md',
];
const OUTPUTS = [
  'taskpane.html',
  'taskpane.js',
  'functions.json',
  'functions.js',
  'templates.json',
  'manifest.xml',
  'wps/ribbon.xml',
  'wps/index.html',
  'wps/taskpane.js',
  'wps/publish.html',
  'read-worker.js',
  'offline/试卷保密助手.html',
  'offline/使用说明.html',
  '使用说明.html',
  'wps/使用说明.html',
  'wps-offline/使用说明.html',
];

function newest(p: string): number {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

function upToDate(): boolean {
  const outputs = OUTPUTS.map((f) => path.join(DIST, f));
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return SOURCES.every((s) => newest(s) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  const lock = path.join(ROOT, 'dist', '.addin-build.lock');
  fs.mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // another test file is building; a lock older than 5 minutes is stale
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 300_000) fs.rmdirSync(lock);
      } catch {
        /* gone already */
      }
      sleep(500);
    }
  }
  try {
    if (!upToDate()) {
      execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
    }
  } finally {
    fs.rmdirSync(lock);
  }
}
