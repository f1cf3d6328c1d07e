/**
 * `custody validate FILE… --mark DIR`: the marked copy differs from its
 * original in exactly the finding cells — their fill and note — and in
 * nothing else (values, other cells' styles, merges, widths, heights,
 * validations); an input is never written over.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { markedPaths } from '../../src/cli/mark';
import type { RunReport } from '../../src/model/finding';
import type { Intake, SiteData } from '../../src/model/types';
import { fixture } from '../helpers';

let dir: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-mark-'));
  fs.mkdirSync(path.join(dir, 'in'));
  const faulty: SiteData = fixture('kaodian.json');
  faulty.vaultLog![0].takenAt = '六月中旬';
  (faulty.intake as Intake).totals!.bags31 = 9;
  faulty.duty!.shifts![2].handedOverBy = '刘洋';
  faulty.duty!.shifts![2].takenOverBy = '陈静';
  fs.writeFileSync(path.join(dir, 'in', 'faulty.xlsx'), await fillWorkbook(faulty));
  fs.writeFileSync(path.join(dir, 'in', 'clean.xlsx'), await fillWorkbook(fixture('kaodian.json')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const noteOf = (cell: ExcelJS.Cell): string => {
  const n = cell.note;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
};

/** Every difference between two workbooks, as `sheet!cell: what`, plus sheet-level differences. */
function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  // The copy's last sheet: the list of its findings (test/io/mark-list.test.ts); the others the original's.
  expect(b.worksheets.map((w) => w.name)).toEqual([...a.worksheets.map((w) => w.name), '问题清单']);
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name)!;
    const sheetParts = (ws: ExcelJS.Worksheet): Record<string, unknown> => ({
      merges: ws.model.merges,
      widths: ws.columns?.map((c) => c.width) ?? [],
      heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height),
      // Compared cell by cell: exceljs writes them grouped into ranges and reads them back in another order.
      validations: Object.entries((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).sort(([x], [y]) =>
        x < y ? -1 : 1,
      ),
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      views: ws.views,
    });
    const [pa, pb] = [sheetParts(wa), sheetParts(wb)];
    for (const key of Object.keys(pa)) if (JSON.stringify(pa[key]) !== JSON.stringify(pb[key])) out.push(`${wa.name}: ${key}`);
    const rows = Math.max(wa.rowCount, wb.rowCount);
    const cols = Math.max(wa.columnCount, wb.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const x = wa.getCell(r, c);
        const y = wb.getCell(r, c);
        if (JSON.stringify(x.value) !== JSON.stringify(y.value)) out.push(`${wa.name}!${x.address}: value`);
        const { fill: fx, border: bx, ...restX } = x.style ?? {};
        const { fill: fy, border: by, ...restY } = y.style ?? {};
        if (JSON.stringify(restX) !== JSON.stringify(restY)) out.push(`${wa.name}!${x.address}: style`);
        if (JSON.stringify(fx ?? null) !== JSON.stringify(fy ?? null)) out.push(`${wa.name}!${x.address}: fill`);
        if (JSON.stringify(bx ?? null) !== JSON.stringify(by ?? null)) out.push(`${wa.name}!${x.address}: border`);
        if (noteOf(x) !== noteOf(y)) out.push(`${wa.name}!${x.address}: note`);
      }
    }
  }
  return out;
}

describe('custody validate --mark DIR', () => {
  it('--mark a file or a workbook’s name: refused in one line before any work, nothing written (review 15b D9)', async () => {
    const input = path.join(dir, 'in', 'faulty.xlsx');
    const before = sha(input);
    const clean = path.join(dir, 'in', 'clean.xlsx');
    expect(await run('validate', input, '--mark', clean)).toEqual({
      code: 2,
      out: '',
      err: `--mark 是写入标记副本的文件夹，而 ${clean} 是一个文件：请给一个文件夹名（如 --mark 标记副本）\n`,
    });
    const named = path.join(dir, '标记.xlsx');
    expect(await run('validate', input, '--mark', named, '--lang', 'en')).toEqual({
      code: 2,
      out: '',
      err: `--mark is the folder to write the marked copies into, not a workbook's name: ${named}; give a folder's name (e.g. --mark 标记副本)\n`,
    });
    expect(fs.existsSync(named)).toBe(false);
    // Any name validate takes for a workbook, as check/passed-by.ts knows them: an .ods too (a folder of that name was made).
    const ods = path.join(dir, '标记.ods');
    expect(await run('validate', input, '--mark', ods)).toEqual({
      code: 2,
      out: '',
      err: `--mark 是写入标记副本的文件夹，不是工作簿的文件名：${ods}；请给一个文件夹名（如 --mark 标记副本）\n`,
    });
    expect(fs.existsSync(ods)).toBe(false);
    expect(sha(input)).toBe(before);
  });

  it('says in English how many cells it marked, one cell as one (review 20a: “(1 cells)”)', async () => {
    const one = path.join(dir, 'in', 'one.xlsx');
    const data: SiteData = fixture('kaodian.json');
    data.vaultLog![0].takenAt = '六月中旬';
    fs.writeFileSync(one, await fillWorkbook(data));
    const marks = path.join(dir, 'marked-en');
    const r = await run('validate', one, '--mark', marks, '--lang', 'en', '--format', 'json');
    expect((JSON.parse(r.out) as RunReport).files[0].findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['出入库记录!F4']);
    expect(r.err).toBe(`marked copy written: ${path.join(marks, 'one (marked).xlsx')} (1 cell)\n`);
  });

  it('marks exactly the finding cells, fill, frame and note, names the marked sheets in their footers, and changes nothing else', async () => {
    const input = path.join(dir, 'in', 'faulty.xlsx');
    const before = sha(input);
    const marks = path.join(dir, 'marked');
    const r = await run('validate', input, path.join(dir, 'in', 'clean.xlsx'), '--mark', marks, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as RunReport;
    const findings = report.files[0].findings;
    const cells = [...new Set(findings.filter((f) => f.sheet && f.cell).map((f) => `${f.sheet}!${f.cell}`))];
    // 基本信息!B5: faulty.xlsx is clean.xlsx's unit and semester again (unit-workbook-twice), said on the one after it by name.
    expect(cells).toMatchInlineSnapshot(`
     [
       "基本信息!B5",
       "入库清单!D14",
       "出入库记录!F4",
       "值班记录2!D5",
       "值班记录2!D9",
     ]
    `);
    // Only the workbook with findings gets a copy; the input is untouched.
    expect(fs.readdirSync(marks)).toEqual(['faulty（已标记）.xlsx']);
    expect(sha(input)).toBe(before);
    expect(r.err).toBe(`已写出标记副本 ${path.join(marks, 'faulty（已标记）.xlsx')}（标记 ${cells.length} 个单元格）\n`);

    const original = await load(input);
    const marked = await load(path.join(marks, 'faulty（已标记）.xlsx'));
    const sheets = [...new Set(cells.map((c) => c.split('!')[0]))];
    // A finding cell that is a merged area's first cell frames the area's outline too, without a note (mark-merges.test.ts):
    // 基本信息's 考点 B5:D5, 值班记录2's 交班人 of the day and the night shift D5:F5 and D9:F9.
    const outline = ['基本信息!C5', '基本信息!D5', '值班记录2!E5', '值班记录2!F5', '值班记录2!E9', '值班记录2!F9'];
    const expected = [
      ...cells.flatMap((c) => [`${c}: fill`, `${c}: border`, `${c}: note`]),
      ...outline.flatMap((c) => [`${c}: fill`, `${c}: border`]),
      ...sheets.map((s) => `${s}: headerFooter`),
    ].sort();
    expect(differences(original, marked).sort()).toEqual(expected);
    for (const sheet of sheets) expect(marked.getWorksheet(sheet)!.headerFooter.oddFooter).toBe(`${sheet} · 第 &P 页，共 &N 页`);
    // Each note says its findings.
    for (const f of findings.filter((x) => x.cell)) {
      expect(noteOf(marked.getWorksheet(f.sheet!)!.getCell(f.cell!))).toContain(f.message);
    }
  });

  it('refuses, before any work, a marked copy that would replace an input (exit 2, one line)', async () => {
    const folder = path.join(dir, 'in');
    // Named on its own, a file of a marked copy's name is an input (a folder's walk passes it by).
    const trap = path.join(folder, 'faulty（已标记）.xlsx');
    fs.copyFileSync(path.join(folder, 'clean.xlsx'), trap);
    const before = sha(trap);
    const r = await run('validate', path.join(folder, 'faulty.xlsx'), trap, '--mark', folder);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`错误：输出文件就是正在读取的输入文件之一，已拒绝（输入文件从不被改写）：${trap}，请换一个输出文件名\n`);
    expect(sha(trap)).toBe(before);
    fs.rmSync(trap);
  });

  it('a --mark folder that cannot be written gets a line saying so, not that the workbook is unreadable (exit 2)', async () => {
    const notFolder = path.join(dir, 'not-a-folder');
    fs.writeFileSync(notFolder, '');
    const faulty = path.join(dir, 'in', 'faulty.xlsx');
    const r = await run('validate', faulty, '--mark', path.join(notFolder, 'marks'));
    expect(r.code).toBe(2);
    // The folder could not be made: a file is where a folder of its path should be (a file as --mark itself is refused
    // before any work, above).
    expect(r.err).toBe(`${faulty}：无法写出标记副本：无法读写文件（路径中有一段不是文件夹）：${path.join(notFolder, 'marks')}\n`);
    expect(fs.readFileSync(notFolder, 'utf8')).toBe('');
  });

  it("two inputs of one name get numbered copies; a macro workbook's copy stays .xlsm", () => {
    expect(markedPaths(['a/x.xlsx', 'b/x.xlsx', 'b/X.XLSX', 'c/宏.xlsm'], 'out', 'zh')).toEqual([
      path.join('out', 'x（已标记）.xlsx'),
      path.join('out', 'x（已标记） (2).xlsx'),
      path.join('out', 'X（已标记） (3).xlsx'),
      path.join('out', '宏（已标记）.xlsm'),
    ]);
    expect(markedPaths(['x.xlsx', 'x.xlsx'], 'out', 'en')).toEqual([path.join('out', 'x (marked).xlsx'), path.join('out', 'x (marked) (2).xlsx')]);
  });

  it('marked copies written into the folder read are passed by on the next run (each one line), as summaries are; named on their own they are read', async () => {
    const folder = path.join(dir, 'again');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(dir, 'in', 'faulty.xlsx'), path.join(folder, 'faulty.xlsx'));
    fs.copyFileSync(path.join(dir, 'in', 'clean.xlsx'), path.join(folder, 'clean.xlsx'));
    const marks = path.join(folder, '已标记');
    expect((await run('validate', folder, '--mark', marks)).code).toBe(1);
    const copy = path.join(marks, 'faulty（已标记）.xlsx');
    expect(fs.readdirSync(marks)).toEqual([path.basename(copy)]);
    const skipped = `${copy}：已跳过：这是试卷保密助手写出的标记副本，不是单位工作簿\n`;
    const again = await run('validate', folder, '--format', 'json');
    expect(again.err).toBe(skipped);
    expect((JSON.parse(again.out) as RunReport).files.map((f) => path.basename(f.file))).toEqual(['clean.xlsx', 'faulty.xlsx']);
    const summary = await run('summary', folder, '--format', 'json', '-o', path.join(dir, 'again.json'));
    expect(summary.err.split('\n')[0]).toBe(skipped.trim());
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'again.json'), 'utf8')).files).toHaveLength(2);
    const named = await run('validate', copy, '--format', 'json');
    expect([named.err, (JSON.parse(named.out) as RunReport).files.map((f) => path.basename(f.file))]).toEqual(['', [path.basename(copy)]]);
  });
});
