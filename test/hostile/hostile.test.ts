/**
 * The hostile corpus (gen.ts, gen-package.ts) through the real CLI —
 * `validate`, `extract` and `summary`, each file alone and beside a good
 * workbook — each run bounded (10 s of CPU, 512 MB resident, V8's heap held
 * to 512 MB): one line for a refused file, exit 2, the good workbook still
 * summarised, no stack trace, no library wording, file names with control
 * characters shown escaped, and every input unchanged. Needs the CLI built
 * (`npx tsc -p tsconfig.cli.json`).
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { printable } from '../../src/check/refusal';
import { fillWorkbook } from '../../src/cli/fill';
import { readXlsx } from '../../src/io/xlsx/reader';
import { fixture } from '../helpers';
import { HostileCase, writeHostileCorpus } from './gen';

jest.setTimeout(900_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'custody.js');
const TIME = '/usr/bin/time';

let dir: string;
let corpus: HostileCase[];
/** The workbook the corpus is made from (岳麓考点), and a good one of another unit (长沙分校). */
let base: string;
let good: string;
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
  base = path.join(dir, 'base.xlsx');
  good = path.join(dir, 'good.xlsx');
  fs.writeFileSync(base, await fillWorkbook(fixture('kaodian.json')));
  fs.writeFileSync(good, await fillWorkbook(fixture('fenxiao.json')));
  for (const f of [...corpus.map((c) => c.file), base, good]) sums.set(f, sha(f));
});

afterAll(() => {
  for (const [f, sum] of sums) expect(sha(f)).toBe(sum);
  fs.rmSync(dir, { recursive: true, force: true });
});

const KINDS = [
  'cyclic-9.xlsx',
  'cyclic-100.xlsx',
  'merge-whole-sheet.xlsx',
  'merges-100k-rows.xlsx',
  'row-2000000000.xlsx',
  'row-4294967295.xlsx',
  'lying-entry.xlsx',
  'many-entries.xlsx',
  'duplicate-entry.xlsx',
  'duplicate-entry-case.xlsx',
  'path-traversal.xlsx',
  'sheet-name-1mb.xlsx',
  'date-1e308.xlsx',
  'not-a-zip.xlsx',
  'truncated.xlsx',
  'encrypted.xlsx',
  'zip-encrypted.xlsx',
  'sheets-renamed.xlsx',
  'rels-outside.xlsx',
  'rels-absolute.xlsx',
  'rels-missing-part.xlsx',
  'rels-external.xlsx',
  'utf16-parts.xlsx',
  'shared-string-out-of-range.xlsx',
  'numfmt-2m-brackets.xlsx',
  'entity-expansion.xlsx',
  'external-entity.xlsx',
  'nested-3m-deep.xlsx',
  'empty.xlsx',
  'really-xls.xlsx',
  'really-csv.xlsx',
  'really-html.xlsx',
  'name\nwith-newline\u0007.xlsx',
];

/** validate's exit code for each file: summary must give the same verdict (one reader, one verdict). */
const verdicts = new Map<string, number | null>();
const kind = (name: string) => corpus.find((x) => path.basename(x.file) === name)!;
const nonEmpty = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

test('the corpus has every kind', () => {
  expect(corpus.map((c) => path.basename(c.file))).toEqual(KINDS);
});

describe('validate and extract, file by file', () => {
  it.each(KINDS)('%j', (name) => {
    const c = kind(name);
    const shown = printable(c.file);
    const v = cli('validate', c.file);
    bounded(v);
    const e = cli('extract', c.file);
    bounded(e);
    verdicts.set(name, v.code);
    if (c.refused) {
      expect(v.code).toBe(2);
      const lines = v.out.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`${shown}：无法读取：`)).toBe(true);
      expect(lines[0].slice(`${shown}：无法读取：`.length)).toMatch(c.refused);
      expect(lines[0].length).toBeLessThan(shown.length + 400);
      expect(e.code).toBe(2);
      expect(e.out).toBe('');
      // The same line from extract, in the words summary, the pane and the page use (review 16a O3).
      expect(e.err.trim().split('\n')).toEqual([lines[0]]);
    } else {
      expect([0, 1]).toContain(v.code);
      expect(v.out.split('\n')[0]).toMatch(new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（.+）：`));
      expect(e.code).toBe(0);
      expect(JSON.parse(e.out).site.examSite).toBe('岳麓考点');
    }
    if (c.sameAsBase) {
      // Read exactly as the workbook it was made from: the same findings, the same data.
      expect(v.out.split(c.file).join('FILE')).toBe(cli('validate', base).out.split(base).join('FILE'));
      expect(JSON.parse(e.out)).toEqual(JSON.parse(cli('extract', base).out));
    }
  });
});

describe('summary, each file alone and beside a good workbook', () => {
  it.each(KINDS)('%j', (name) => {
    const c = kind(name);
    const line = (text: string) => nonEmpty(text).filter((l) => l.includes('无法读取：'));
    // Outputs of their own: none replaces another (which the run would say).
    const out = path.join(dir, `alone-${KINDS.indexOf(name)}.xlsx`);
    const mixedOut = path.join(dir, `mixed-${KINDS.indexOf(name)}.json`);
    const alone = cli('summary', c.file, '-o', out);
    bounded(alone);
    expect(alone.code).toBe(verdicts.get(name) ?? cli('validate', c.file).code);
    // The file alone unreadable: no summary of nothing, a line saying so (review round 10c D9); else the summary
    // written is itself a workbook the one reader reads.
    const unreadable = line(alone.err).length > 0;
    expect(fs.existsSync(out)).toBe(!unreadable);
    if (unreadable) expect(nonEmpty(alone.err).pop()).toBe('没有可以汇总的工作簿（1 个无法读取，见上），未写出汇总');
    else expect(readXlsx(fs.readFileSync(out)).sheets.length).toBeGreaterThan(0);
    if (/[\n\u0007]/.test(name)) {
      // A file name with control characters, in a summary workbook beside a good one: written, and read again.
      bounded(cli('summary', c.file, good, '-o', out));
      expect(readXlsx(fs.readFileSync(out)).sheets.length).toBeGreaterThan(0);
    }
    const mixed = cli('summary', c.file, good, '--format', 'json', '-o', mixedOut);
    bounded(mixed);
    const json = JSON.parse(fs.readFileSync(mixedOut, 'utf8'));
    const sites: string[] = json.sites.map((s: { site: { name: string } }) => s.site.name);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([c.file, good].sort((a, b) => (a < b ? -1 : 1)));
    expect(sites).toContain('长沙分校');
    if (c.refused) {
      for (const r of [alone, mixed]) {
        expect(r.code).toBe(2);
        const [one, ...more] = line(r.err);
        expect(more).toEqual([]);
        expect(one.startsWith(`${printable(c.file)}：无法读取：`)).toBe(true);
        expect(one.slice(`${printable(c.file)}：无法读取：`.length)).toMatch(c.refused);
      }
      // Its line, then that there is nothing to summarise (checked above); nothing on stdout, no summary.
      expect(nonEmpty(alone.err)).toHaveLength(2);
      expect(alone.out).toBe('');
      expect(sites).toEqual(['长沙分校']);
      expect(json.files.find((f: { file: string }) => f.file === c.file).error).toMatch(c.refused);
    } else {
      expect([0, 1]).toContain(alone.code);
      expect([0, 1]).toContain(mixed.code);
      expect(alone.err).toBe('');
      expect(line(mixed.err)).toEqual([]);
      expect(alone.out).toContain('已汇总 1 个工作簿：');
      expect([...sites].sort()).toEqual(['岳麓考点', '长沙分校'].sort());
    }
  });
});
