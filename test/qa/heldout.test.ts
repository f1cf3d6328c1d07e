/**
 * Held-out QA corpus, checked the way issue 3's acceptance check does it:
 * realistic 考点 and 分校 workbooks written as JSON (test/qa/fixtures/), one
 * planted defect per copy (planted.json), each run through the real CLI
 * (`node bin/custody.js fill`, then `validate --format json`, two files
 * together for the check across workbooks). For each copy: the right rule,
 * form and row (序号), the cell where the defect is, no finding beyond those
 * listed, and an exit code that agrees with the severities. Then the faulty
 * workbook is retyped as a person would (values pasted at an offset into a
 * fresh workbook, sheets renamed, dates typed as Chinese text — 附件4's
 * times as "8:40" and its 日期 without a year, as the form shows them —
 * full-width digits) and must give the same findings, cells shifted by the offset.
 *
 * Needs the CLI built (`npx tsc -p tsconfig.cli.json`).
 */
import ExcelJS from 'exceljs';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sampleNetwork } from '../../src/demo/sample';
import type { RunReport } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { loadBuffer, mapCells, pastedAsValues, writeBuffer } from '../helpers';
import { type PlantedCase, type PlantedRow, QA_BASES, plantedCases, plantedSite, qaBase } from '../corpus';

jest.setTimeout(600_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'custody.js');

const PLANTED = plantedCases();

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Two at a time: the machine is shared. */
async function pool<T, R>(items: T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Dates as people type them, in turn: 2025年1月11日8时10分, 2025/1/11 8:10, 1月11日 8:10 (year from the semester). */
function chineseDate(d: Date, i: number): string {
  const [y, mo, da, h, mi] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const p = (n: number) => String(n).padStart(2, '0');
  if (i % 3 === 0) return `${y}年${mo}月${da}日${h}时${mi}分`;
  if (i % 3 === 1) return `${y}/${mo}/${da} ${h}:${p(mi)}`;
  return `${mo}月${da}日 ${h}:${p(mi)}`;
}

const ROW_OFFSET = 3;
const COL_OFFSET = 2;

async function retype(buffer: Buffer): Promise<Buffer> {
  const source = await loadBuffer(buffer);
  // What the form shows is what is retyped: 附件4's times as "8:40", its 日期 as "1月11日" (the year from the semester).
  mapCells(source, (v, cell) => {
    if (!(v instanceof Date) || !cell.numFmt) return v;
    const p = (n: number) => String(n).padStart(2, '0');
    if (!/[yd]/i.test(cell.numFmt)) return `${v.getUTCHours()}:${p(v.getUTCMinutes())}`;
    if (!/h/i.test(cell.numFmt)) return `${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
    return v;
  });
  const copy = pastedAsValues(source, ROW_OFFSET, COL_OFFSET);
  copy.worksheets.forEach((ws, i) => (ws.name = `录入${i + 1}`));
  let k = 0;
  mapCells(copy, (v) => {
    if (v instanceof Date) return FULL_WIDTH(chineseDate(v, k++));
    if (typeof v === 'number') return FULL_WIDTH(String(v));
    if (typeof v === 'string' && /^\d{1,2}(:\d{2}|月\d{1,2}日)$/.test(v)) return FULL_WIDTH(v);
    return v;
  });
  return writeBuffer(copy);
}

function shift(cell: string, dr: number, dc: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return cell;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  c += dc;
  let col = '';
  while (c > 0) {
    const r = (c - 1) % 26;
    col = String.fromCharCode(65 + r) + col;
    c = Math.floor((c - 1) / 26);
  }
  return `${col}${Number(m[2]) + dr}`;
}

function cellText(wb: ExcelJS.Workbook, sheet: string, cell: string): string {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return '<no sheet>';
  const c = ws.getCell(cell);
  const v = c.isMerged ? c.master.value : c.value;
  const half = (t: string) => t.replace(/[\uff10-\uff19\uff0e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return half(rawText(v));
}

function rawText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'result' in v) return String((v as ExcelJS.CellFormulaValue).result ?? '');
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return String(v);
}

interface FileResult {
  code: number;
  findings: RunReport['files'][number]['findings'];
  sheets: string[];
  wb: ExcelJS.Workbook;
}

interface Outcome {
  c: PlantedCase;
  problems: string[];
  /** Planted defects found with the right rule, form, row and cell, straight and retyped. */
  found: number;
  planted: number;
  unexpected: number;
}

const key = (r: { rule: string; form: number | null; row: number | null }) => `${r.rule}|${r.form}|${r.row}`;

let dir: string;
const outcomes: Outcome[] = [];

async function validate(files: string[]): Promise<{ code: number; report: RunReport; stderr: string }> {
  const r = await run(['validate', ...files, '--format', 'json']);
  let report: RunReport;
  try {
    report = JSON.parse(r.stdout) as RunReport;
  } catch {
    report = { files: [] } as unknown as RunReport;
  }
  return { code: r.code, report, stderr: r.stderr };
}

async function fillFile(data: unknown, name: string): Promise<string> {
  const json = path.join(dir, `${name}.json`);
  const xlsx = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(json, JSON.stringify(data, null, 1));
  const r = await run(['fill', json, '-o', xlsx]);
  if (r.code !== 0) throw new Error(`fill ${name}: ${r.stderr}`);
  return xlsx;
}

/** Compare one file's findings with the expected rows; returns problems and how many expected rows matched. */
function judge(tag: string, findings: FileResult['findings'], expected: PlantedRow[], wb: ExcelJS.Workbook, checkCells: boolean) {
  const problems: string[] = [];
  const left = [...findings];
  let found = 0;
  for (const [rule, form, row, cell] of expected) {
    const i = left.findIndex((f) => key(f) === key({ rule, form, row }));
    if (i < 0) {
      problems.push(`${tag}: missing ${rule} form ${form} row ${row}`);
      continue;
    }
    const f = left.splice(i, 1)[0];
    if (checkCells && cell !== null) {
      const text = cellText(wb, f.sheet ?? '', f.cell ?? '');
      const ok = cell === '' ? text.trim() === '' : text.includes(cell);
      if (!ok) {
        problems.push(`${tag}: ${rule} points at ${f.sheet}!${f.cell} = "${text}", expected a cell with "${cell}"`);
        continue;
      }
    }
    if (!/[\u4e00-\u9fff]/.test(f.message.slice(0, 8))) problems.push(`${tag}: ${rule} message not Chinese first: ${f.message}`);
    found++;
  }
  for (const f of left) problems.push(`${tag}: unexpected ${f.rule} form ${f.form} row ${f.row} ${f.sheet}!${f.cell}: ${f.message}`);
  return { problems, found, unexpected: left.length };
}

function exitAgrees(code: number, findings: FileResult['findings'][]): boolean {
  const errors = findings.flat().some((f) => f.severity === 'error');
  return code === (errors ? 1 : 0);
}

async function check(c: PlantedCase): Promise<Outcome> {
  const data = plantedSite(c);
  const main = await fillFile(data, c.id);
  const files = [main];
  if (c.pair) files.push(await fillFile(qaBase(c.pair), `${c.id}-pair`));
  const expected = [c.expect, c.expectPair ?? []];
  const problems: string[] = [];
  let found = 0;
  let unexpected = 0;
  let planted = 0;

  const retypedFiles = await Promise.all(
    files.map(async (f) => {
      const out = f.replace(/\.xlsx$/, '-retyped.xlsx');
      fs.writeFileSync(out, await retype(fs.readFileSync(f)));
      return out;
    }),
  );
  let straight: Awaited<ReturnType<typeof validate>>;
  let again: Awaited<ReturnType<typeof validate>>;
  if (files.length === 1) {
    // One call for both (one node start on a shared machine): two workbooks of the same unit are never paired across,
    // and the retyped one, second by name, is told once to be the same unit's workbook again (unit-workbook-twice).
    const both = await validate([files[0], retypedFiles[0]]);
    const repeat = (f: { rule: string }) => f.rule === 'unit-workbook-twice';
    const told = both.report.files.map((f) => f.findings.filter(repeat).length);
    if (told.length === 2 && (told[0] !== 0 || told[1] !== 1)) problems.push(`unit-workbook-twice ${told.join('/')} times, not 0/1`);
    both.report.files.forEach((f) => (f.findings = f.findings.filter((x) => !repeat(x))));
    const errorsIn = (i: number) => (both.report.files[i]?.findings ?? []).some((f) => f.severity === 'error');
    const part = (i: number) => ({
      code: both.code === 1 ? (errorsIn(i) ? 1 : 0) : both.code,
      report: { files: both.report.files.slice(i, i + 1) } as RunReport,
      stderr: both.stderr,
    });
    if (both.code === 1 && !errorsIn(0) && !errorsIn(1)) problems.push('exit 1 without an error finding');
    if (both.code === 0 && (errorsIn(0) || errorsIn(1))) problems.push('exit 0 with an error finding');
    straight = part(0);
    again = part(1);
  } else {
    straight = await validate(files);
    again = await validate(retypedFiles);
  }

  for (const [tag, v, fs_] of [
    ['straight', straight, files],
    ['retyped', again, retypedFiles],
  ] as const) {
    if (v.report.files.length !== files.length) {
      problems.push(`${tag}: no report (exit ${v.code}) ${v.stderr.slice(0, 300)}`);
      planted += expected.flat().length;
      continue;
    }
    if (
      !exitAgrees(
        v.code,
        v.report.files.map((f) => f.findings),
      )
    )
      problems.push(`${tag}: exit ${v.code} disagrees with severities`);
    for (let i = 0; i < files.length; i++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(fs_[i]);
      const j = judge(`${tag}${i ? ' (pair)' : ''}`, v.report.files[i].findings, expected[i], wb, true);
      problems.push(...j.problems);
      found += j.found;
      unexpected += j.unexpected;
      planted += expected[i].length;
    }
  }
  // Retyped: same rule/form/row as straight, sheet by position, cell shifted by the offset.
  if (straight.report.files.length === files.length && again.report.files.length === files.length) {
    for (let i = 0; i < files.length; i++) {
      // A blank header or footer value sits right of its label; pasted without merges, the label no longer
      // spans its columns, so only the row is compared for those (the cell is checked blank above).
      const at = (f: { rule: string; row: number | null; cell: string | null }, c: string) =>
        f.rule === 'required-field' && f.row === null ? c.replace(/^[A-Z]+/, '') : c;
      const a = straight.report.files[i].findings.map((f) => `${key(f)}@${f.cell ? at(f, shift(f.cell, ROW_OFFSET, COL_OFFSET)) : ''}`).sort();
      const b = again.report.files[i].findings.map((f) => `${key(f)}@${f.cell ? at(f, f.cell) : ''}`).sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`retyped differs: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  }
  return { c, problems, found, planted, unexpected };
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('build the CLI first: npx tsc -p tsconfig.cli.json');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-qa-'));
  outcomes.push(...(await pool(PLANTED, 2, check)));
  const rate = outcomes.reduce((a, o) => a + o.found, 0) / outcomes.reduce((a, o) => a + o.planted, 0);
  const lines = outcomes.map((o) => `${o.problems.length ? '✗' : '✓'} ${o.c.id} ${o.c.rule} ${o.c.story}${o.problems.map((p) => `\n    ${p}`).join('')}`);
  console.log(`held-out detection rate: ${(rate * 100).toFixed(1)}% (${outcomes.length} planted copies)\n${lines.join('\n')}`);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('held-out corpus through the CLI', () => {
  test('the clean 考点 and 分校 workbooks give no finding, alone, together and retyped', async () => {
    const files = await Promise.all(QA_BASES.map((b) => fillFile(qaBase(b), `clean-${b}`)));
    for (const set of [[files[0]], [files[1]], files]) {
      const v = await validate(set);
      expect(v.code).toBe(0);
      expect(v.report.files.flatMap((f) => f.findings)).toEqual([]);
    }
    const retyped = await Promise.all(
      files.map(async (f) => {
        const out = f.replace(/\.xlsx$/, '-retyped.xlsx');
        fs.writeFileSync(out, await retype(fs.readFileSync(f)));
        return out;
      }),
    );
    const v = await validate(retyped);
    expect(v.report.files.flatMap((f) => f.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell} ${x.message}`))).toEqual([]);
    expect(v.code).toBe(0);
  });

  test('every rule of the catalogue is planted', () => {
    expect(new Set(PLANTED.map((p) => p.rule).filter((r) => r !== 'none')).size).toBe(26);
  });

  test('detection rate ≥ 95 %', () => {
    const found = outcomes.reduce((a, o) => a + o.found, 0);
    const planted = outcomes.reduce((a, o) => a + o.planted, 0);
    expect(found / planted).toBeGreaterThanOrEqual(0.95);
  });

  test('no finding beyond what was planted and its direct consequences', () => {
    expect(outcomes.filter((o) => o.unexpected > 0).map((o) => `${o.c.id}: ${o.problems.join(' | ')}`)).toEqual([]);
  });

  test.each(PLANTED.map((p) => [`${p.id} ${p.rule}: ${p.story}`, p.id] as const))('%s', (_n, id) => {
    const o = outcomes.find((x) => x.c.id === id)!;
    expect(o.problems).toEqual([]);
  });
});

/** A second source: the demo's generator, with other names, an autumn semester and its January exams. */
describe('generated network (src/demo/sample.ts) through the CLI', () => {
  const network = () =>
    sampleNetwork({
      seed: 7,
      semester: '2024秋',
      branch: '江西分部',
      school: '吉安分校',
      firstDay: '2025-01-09',
      sites: 2,
      papers: 5,
      sessions: 4,
      lotsPerPaper: 2,
      siteNames: ['青原考点', '井冈山考点'],
    });
  const minus = (iso: string, minutes: number) => new Date(Date.parse(`${iso}:00Z`) - minutes * 60_000).toISOString().slice(0, 16);

  test('the 分校 and its two 考点 give no finding together, also retyped', async () => {
    const n = network();
    const files = await Promise.all([n.branch, ...n.sites].map((d, i) => fillFile(d, `gen-${i}`)));
    const v = await validate(files);
    expect(v.report.files.flatMap((f) => f.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell} ${x.message}`))).toEqual([]);
    expect(v.code).toBe(0);
    const retyped = await Promise.all(
      files.map(async (f) => {
        const out = f.replace(/\.xlsx$/, '-retyped.xlsx');
        fs.writeFileSync(out, await retype(fs.readFileSync(f)));
        return out;
      }),
    );
    const w = await validate(retyped);
    expect(w.report.files.flatMap((f) => f.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell} ${x.message}`))).toEqual([]);
  });

  test.each([
    [
      'a checkout 70 minutes before its session',
      (d: SiteData) => {
        const r = d.vaultLog![0];
        const s = d.schedule!.find((x) => x.paperNo === r.paperNo)!;
        r.takenAt = minus(s.start as string, 70);
      },
      ['checkout-window|3|1'],
    ],
    [
      'a 30-minute gap between the first two shifts',
      (d: SiteData) => {
        d.duty!.shifts![1].from = minus(d.duty!.shifts![0].to as string, -30);
      },
      ['duty-gap|5|2'],
    ],
  ] as const)('planted in a generated 考点: %s', async (_n, edit, expected) => {
    const d = network().sites[0];
    edit(d);
    const file = await fillFile(d, `gen-planted-${expected[0]}`);
    const v = await validate([file]);
    expect(v.report.files[0].findings.map(key)).toEqual(expected);
    expect(v.code).toBe(1);
    const out = file.replace(/\.xlsx$/, '-retyped.xlsx');
    fs.writeFileSync(out, await retype(fs.readFileSync(file)));
    expect((await validate([out])).report.files[0].findings.map(key)).toEqual(expected);
  });
});
