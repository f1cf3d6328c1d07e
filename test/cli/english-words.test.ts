/**
 * English output carries no Chinese of its own (review round 3, R7/R12): `custody demo --lang en`, `validate
 * --lang en` over the demo and the review-2 workbooks, the English summary workbook's cells and the marked
 * copies' notes. Chinese may stand only where it is the workbook's own text — a quoted value ("…", “…”), a name,
 * paper, sheet or file (the data of the workbooks, gathered with `custody extract`) — or a Chinese term kept in
 * brackets after its English (exam site (考点), (双人双锁)). The words the program itself supplies are not data:
 * the unit levels, the units of a count and the roster's roles are taken out of the data before the check.
 * English counts of one are singular and no noun is written "(s)".
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import { ROLES, UNIT_LEVELS } from '../../src/model/types';
import type { SiteData } from '../../src/model/types';
import { SITE_COLUMNS } from '../../src/summary/tables';

const REVIEW2 = path.join(__dirname, '../fixtures/review2');

/** Words this program says: never data, whatever a workbook writes them as. */
const PROGRAM_WORDS = new Set<string>([...UNIT_LEVELS, '分部', '袋', '份', '箱', ...ROLES, '【试卷保密助手】']);

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef【】]/;

function stringsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, into);
  return into;
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout };
}

/** What is left of an English text once quoted values, the workbooks' data and bracketed Chinese terms are taken out. */
function chineseLeft(text: string, data: readonly string[]): string[] {
  // NFKC: a paper title written 英语Ⅰ is shown 英语I.
  let t = text.normalize('NFKC').replace(/"[^"\n]*"|“[^”\n]*”/g, ' ');
  for (const d of data) t = t.split(d.normalize('NFKC')).join(' ');
  t = t.replace(/\([\u3400-\u9fff\d·、，]+\)/g, ' ');
  return t.split(/\n/).filter((line) => CJK.test(line));
}

describe('English output says nothing in Chinese but the workbooks’ own text', () => {
  let work: string;
  let books: string[];
  let data: string[];
  let demo: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-english-'));
    demo = (await run(['demo', '-o', path.join(work, 'demo'), '--lang', 'en'])).out;
    const fixtures = path.join(work, 'review2');
    fs.mkdirSync(fixtures);
    for (const f of fs.readdirSync(REVIEW2).filter((n) => n.endsWith('.json'))) {
      const site = JSON.parse(fs.readFileSync(path.join(REVIEW2, f), 'utf8')) as SiteData;
      fs.writeFileSync(path.join(fixtures, f.replace(/\.json$/, '.xlsx')), new Uint8Array(await fillWorkbook(site)));
    }
    for (const f of fs.readdirSync(path.join(REVIEW2, 'xlsx'))) fs.copyFileSync(path.join(REVIEW2, 'xlsx', f), path.join(fixtures, f));
    const demoFiles = fs.readdirSync(path.join(work, 'demo'));
    books = [
      ...demoFiles.filter((f) => !f.startsWith('试卷保管汇总')).map((f) => path.join(work, 'demo', f)),
      ...fs.readdirSync(fixtures).map((f) => path.join(fixtures, f)),
    ];
    const words = new Set<string>(demoFiles);
    for (const book of books) {
      words.add(path.basename(book));
      stringsIn(JSON.parse((await run(['extract', book])).out), words);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(book);
      for (const ws of wb.worksheets) words.add(ws.name);
    }
    for (const w of PROGRAM_WORDS) words.delete(w);
    data = [...words].filter((w) => CJK.test(w)).sort((a, b) => b.length - a.length);
  }, 120000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('custody demo --lang en: the listing, the planted mistakes and what to do next in English', () => {
    expect(demo).toContain(
      'Each workbook checked (counted as the summary counts: a handover slip whose two copies disagree is one problem however many fields differ; a check alone lists each field):\n',
    );
    expect(demo).toMatch(/8 mistakes planted on purpose, the check found 8:/);
    expect(demo).toContain('✓ proctor 贺红怡 signed for papers at the vault (Proctor at the vault)');
    expect(chineseLeft(demo, data)).toEqual([]);
  });

  it('validate --lang en: every message in English, the level words too; counts of one singular', async () => {
    const { out } = await run(['validate', ...books, '--lang', 'en']);
    expect(out).toContain('Taker "贺红怡" is "监考人员" on the roster, a proctor. Proctors may not take papers from the vault');
    expect(out).toContain('Papers may reach a branch school (分校) or an exam site (考点) at most 2 days before the exam');
    expect(out).toContain('"接收人签字" has only 1 distinct signer (龚梅).');
    expect(chineseLeft(out, data)).toEqual([]);
    expect(out).not.toMatch(/\w\(s\)/);
    expect(out).not.toMatch(/(?<![\d.,])1 (more |distinct )?(bags|copies|signers|errors|warnings|slips|papers)\b/);
  });

  it('summary --lang en and the demo’s summary: every cell; levels and units in English', async () => {
    const file = path.join(work, 'summary-en.xlsx');
    const { out } = await run(['summary', path.join(work, 'demo'), path.join(work, 'review2'), '-o', file, '--lang', 'en']);
    expect(chineseLeft(out, data)).toEqual([]);
    const [all, demoSummary] = await Promise.all(
      [file, path.join(work, 'demo', '试卷保管汇总.xlsx')].map(async (f) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(f);
        return wb;
      }),
    );
    const left: string[] = [];
    for (const ws of [...all.worksheets, ...demoSummary.worksheets]) {
      // 依据 quotes the source documents, in their words.
      const source = ws.name === 'Findings' ? (ws.getRow(1).values as unknown[]).indexOf('Source') : -1;
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          if (col === source || typeof cell.value !== 'string') return;
          for (const line of chineseLeft(cell.value, data)) left.push(`${ws.name}!${cell.address}: ${line}`);
        }),
      );
    }
    expect(left).toEqual([]);
    const levels = new Set(
      all
        .getWorksheet('Sites')!
        .getColumn(SITE_COLUMNS.findIndex((c) => c.key === 'level') + 1)
        .values.slice(3)
        .filter((v) => typeof v === 'string' && v !== '' && !v.startsWith('Prepared by') && !v.startsWith('Note ')),
    );
    // The bracketed word on a line of its own where the level wraps (review round 13a D8).
    expect([...levels].sort()).toEqual(['Branch school\n(分校)', 'Exam site\n(考点)']);
    // The demo's summary has a sheet per unit: its level, and what is still out counted in the singular.
    const faulty = demoSummary.getWorksheet('Summary-天心考点')!;
    expect(faulty.getCell('A2').value).toBe('Level: Exam site (考点)    File: 天心考点（考点，有错误）.xlsx');
    expect(String(faulty.getCell('A3').value)).toMatch(/ {4}out 1 bag$/);
    const unitColumn = faulty.getColumn(5).values.filter((v) => v === 'bag' || v === '袋');
    expect(unitColumn).toEqual(['bag']);
  });

  it('the marked copies’ notes in English: an English header, the rule title with an English colon', async () => {
    const marked = path.join(work, 'marked');
    await run(['validate', path.join(work, 'demo'), '--lang', 'en', '--mark', marked]);
    const notes: string[] = [];
    for (const f of fs.readdirSync(marked)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(marked, f));
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const note = cell.note;
            if (note) notes.push(typeof note === 'string' ? note : note.texts!.map((t) => t.text).join(''));
          }),
        );
    }
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.startsWith('[Exam Paper Custody Assistant]\nError '))).toBe(true);
    expect(notes).toContain(
      '[Exam Paper Custody Assistant]\nError Proctor at the vault: Taker "贺红怡" is "监考人员" on the roster, a proctor. Proctors may not take papers from the vault; exam-affairs staff do. Check the taker.',
    );
    expect(notes.flatMap((n) => chineseLeft(n, data))).toEqual([]);
  });
});
