/**
 * The hostile corpus (gen.ts) through the real CLI — `validate` and
 * `extract` — each run bounded (10 s of CPU, 512 MB resident, V8's heap held
 * to 512 MB): one line for a refused file, exit 2, no stack trace, no library
 * wording, and every input unchanged. Needs the CLI built (`npx tsc -p tsconfig.cli.json`).
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture } from '../helpers';
import { HostileCase, writeHostileCorpus } from './gen';

jest.setTimeout(900_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'custody.js');
const TIME = '/usr/bin/time';

let dir: string;
let corpus: HostileCase[];
const sums = new Map<string, string>();
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

interface Run {
  code: number | null;
  out: string;
  err: string;
  cpuSeconds: number;
  maxRssMb: number;
}

/** Runs the CLI under /usr/bin/time (its figures on the last line of stderr), killed at 120 s of wall time on a busy machine. */
function cli(...args: string[]): Run {
  const r = spawnSync(TIME, ['-f', 'TIME %U %S %M', process.execPath, '--max-old-space-size=512', BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: dir,
  });
  const lines = r.stderr.trimEnd().split('\n');
  const m = /^TIME ([\d.]+) ([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? '');
  if (!m) throw new Error(`no figures from time: ${r.stderr.slice(-500)} ${r.error ?? ''}`);
  // /usr/bin/time prints "Command exited with non-zero status N" before its figures.
  const err = lines
    .slice(0, -1)
    .filter((l) => !l.startsWith('Command exited with non-zero status'))
    .join('\n');
  return { code: r.status, out: r.stdout, err, cpuSeconds: Number(m[1]) + Number(m[2]), maxRssMb: Number(m[3]) / 1024 };
}

function bounded(r: Run): void {
  expect(r.cpuSeconds).toBeLessThan(10);
  expect(r.maxRssMb).toBeLessThan(512);
  for (const text of [r.out, r.err]) {
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|Error:|outside buffer bounds|Invalid array length|Cannot read properties|RangeError|TypeError/);
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-hostile-'));
  corpus = await writeHostileCorpus(path.join(dir, 'corpus'), fixture('kaodian.json'));
  for (const c of corpus) sums.set(c.file, sha(c.file));
});

afterAll(() => {
  for (const c of corpus ?? []) expect(sha(c.file)).toBe(sums.get(c.file));
  fs.rmSync(dir, { recursive: true, force: true });
});

const names = () => corpus.map((c) => [path.basename(c.file), c] as const);

test('the corpus has every kind', () => {
  expect(names().map(([n]) => n)).toEqual([
    'cyclic-9.xlsx',
    'cyclic-100.xlsx',
    'merge-whole-sheet.xlsx',
    'merges-100k-rows.xlsx',
    'row-2000000000.xlsx',
    'row-4294967295.xlsx',
    'lying-entry.xlsx',
    'many-entries.xlsx',
    'path-traversal.xlsx',
    'sheet-name-1mb.xlsx',
    'date-1e308.xlsx',
    'not-a-zip.xlsx',
    'truncated.xlsx',
    'encrypted.xlsx',
    'zip-encrypted.xlsx',
  ]);
});

describe('validate and extract, file by file', () => {
  it.each([
    'cyclic-9.xlsx',
    'cyclic-100.xlsx',
    'merge-whole-sheet.xlsx',
    'merges-100k-rows.xlsx',
    'row-2000000000.xlsx',
    'row-4294967295.xlsx',
    'lying-entry.xlsx',
    'many-entries.xlsx',
    'path-traversal.xlsx',
    'sheet-name-1mb.xlsx',
    'date-1e308.xlsx',
    'not-a-zip.xlsx',
    'truncated.xlsx',
    'encrypted.xlsx',
    'zip-encrypted.xlsx',
  ])('%s', (name) => {
    const c = corpus.find((x) => path.basename(x.file) === name)!;
    const v = cli('validate', c.file);
    bounded(v);
    const e = cli('extract', c.file);
    bounded(e);
    if (c.refused) {
      expect(v.code).toBe(2);
      const lines = v.out.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`${c.file}: 无法检查: `)).toBe(true);
      expect(lines[0].slice(`${c.file}: 无法检查: `.length)).toMatch(c.refused);
      expect(lines[0].length).toBeLessThan(c.file.length + 400);
      expect(e.code).toBe(2);
      expect(e.out).toBe('');
      expect(e.err.trim().split('\n')).toEqual([lines[0].replace(': 无法检查: ', ': ')]);
    } else {
      expect([0, 1]).toContain(v.code);
      expect(v.out.split('\n')[0]).toMatch(new RegExp(`^${c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（.+）: `));
      expect(e.code).toBe(0);
      expect(JSON.parse(e.out).site.examSite).toBe('岳麓考点');
    }
  });
});
