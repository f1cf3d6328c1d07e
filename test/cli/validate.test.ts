/** `custody validate` in-process: text and JSON output, exit codes, several files, bad files among good ones. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { Finding, RunReport } from '../../src/model/finding';
import { formatText } from '../../src/cli/validate';
import { ruleTitle } from '../../src/summary/rule-titles';
import type { SiteData } from '../../src/model/types';
import { LIMITS } from '../../src/model/limits';
import { fixture, loadBuffer, writeBuffer } from '../helpers';
import { RawEntry, repeatBomb, zipOf } from '../hostile/zip-writer';

let dir: string;
const file = (name: string) => path.join(dir, name);

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

async function json(...args: string[]): Promise<{ code: number; report: RunReport; err: string }> {
  const r = await run(...args, '--format', 'json');
  return { code: r.code, report: JSON.parse(r.out) as RunReport, err: r.err };
}

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-validate-'));
  const kaodian = fixture('kaodian.json');
  fs.writeFileSync(file('kaodian.xlsx'), await fillWorkbook(kaodian));
  fs.writeFileSync(file('fenxiao.xlsx'), await fillWorkbook(fixture('fenxiao.json')));
  const faulty: SiteData = JSON.parse(JSON.stringify(kaodian));
  faulty.vaultLog![0].takenAt = '六月中旬';
  faulty.duty!.shifts![2].handedOverBy = '刘洋';
  faulty.duty!.shifts![2].takenOverBy = '陈静';
  faulty.duty!.shifts![3].handedOverBy = '陈静';
  faulty.duty!.shifts![3].takenOverBy = '刘洋';
  fs.writeFileSync(file('faulty.xlsx'), await fillWorkbook(faulty));
  const warnOnly: SiteData = JSON.parse(JSON.stringify(faulty));
  warnOnly.vaultLog![0].takenAt = kaodian.vaultLog![0].takenAt;
  fs.writeFileSync(file('warning.xlsx'), await fillWorkbook(warnOnly));
  // The 分校's copy of the handover to 岳麓考点 says 7 bags on row 3.
  const branch = fixture('fenxiao.json');
  branch.handovers![1].items![2].quantity = 3;
  branch.handovers![1].total = 7;
  fs.writeFileSync(file('fenxiao-disagree.xlsx'), await fillWorkbook(branch));

  // Bad files.
  fs.writeFileSync(file('not-a-zip.xlsx'), '这不是工作簿\n');
  const good = fs.readFileSync(file('kaodian.xlsx'));
  fs.writeFileSync(file('truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  fs.writeFileSync(file('old.xls'), ole);
  const enc = Buffer.from(ole);
  Buffer.from('EncryptionInfo', 'utf16le').copy(enc, 1024);
  fs.writeFileSync(file('encrypted.xlsx'), enc);
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  fs.writeFileSync(file('empty.xlsx'), await writeBuffer(empty));
  const other = new ExcelJS.Workbook();
  const ws = other.addWorksheet('工资表');
  ws.addRow(['姓名', '基本工资', '绩效']);
  ws.addRow(['张三', 5000, 1200]);
  fs.writeFileSync(file('no-forms.xlsx'), await writeBuffer(other));
  const headless = await loadBuffer(good);
  const log = headless.getWorksheet('出入库记录')!;
  log.getRow(3).eachCell((cell) => {
    cell.value = null;
  });
  fs.writeFileSync(file('header-deleted.xlsx'), await writeBuffer(headless));
  // A worksheet part that says it is 1 KB and inflates far beyond the limit.
  const zip = await JSZip.loadAsync(good);
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .map(async (name) => ({ name, data: await zip.file(name)!.async('uint8array') })),
  );
  const entries: RawEntry[] = parts.map(({ name, data }) =>
    name === 'xl/worksheets/sheet1.xml'
      ? { name, method: 8, data: repeatBomb('<worksheet><sheetData> ', 2 * LIMITS.entryInflatedBytes), declaredSize: 1024 }
      : { name, method: 0, data, declaredSize: data.length },
  );
  fs.writeFileSync(file('bomb.xlsx'), zipOf(entries));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('custody validate', () => {
  test('a clean workbook: exit 0, text says so', async () => {
    const r = await run('validate', file('kaodian.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('未发现问题');
    expect(r.err).toBe('');
  });

  test('errors: exit 1, text grouped by sheet with cell, rule title and message', async () => {
    const r = await run('validate', file('faulty.xlsx'));
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/faulty\.xlsx（长沙分校 岳麓考点）：1 个错误，1 个警告/);
    expect(lines).toContain('  出入库记录');
    expect(r.out).toMatch(/ {4}F4 +错误 +日期时间无法识别 +“取卷时间”写的是“六月中旬”/);
    expect(r.out).toMatch(/值班记录\d*\n +[A-Z]+\d+ +警告 +交接班不衔接/);
  });

  test('warnings only: exit 0', async () => {
    const r = await run('validate', file('warning.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('交接班不衔接');
  });

  test('JSON: the DOMAIN.md findings format', async () => {
    const { code, report } = await json('validate', file('faulty.xlsx'));
    expect(code).toBe(1);
    expect(report.files).toHaveLength(1);
    const f = report.files[0];
    expect(Object.keys(f)).toEqual(['file', 'site', 'sha256', 'status', 'findings']);
    expect(f.status).toBe('fix');
    expect(f.sha256).toBe(sha(file('faulty.xlsx')));
    expect(f.site).toBe('长沙分校 岳麓考点');
    expect(f.findings[0]).toEqual({
      rule: 'invalid-datetime',
      severity: 'error',
      form: 3,
      sheet: '出入库记录',
      cell: 'F4',
      row: 1,
      message: expect.stringContaining('六月中旬'),
      clause: expect.stringContaining('取卷时间'),
    });
    expect(Object.keys(f.findings[0])).toEqual(['rule', 'severity', 'form', 'sheet', 'cell', 'row', 'message', 'clause']);
  });

  test('--lang en', async () => {
    const r = await run('validate', file('faulty.xlsx'), '--lang', 'en');
    expect(r.out).toMatch(/F4 +error +Unreadable date or time +"取卷时间" reads "六月中旬"/);
    // The file's line in English punctuation too.
    expect(r.out.split('\n')[0]).toMatch(/faulty\.xlsx \(长沙分校 岳麓考点\): 1 error, 1 warning$/);
  });

  test('several files: each reported, and checked across (both copies of a handover)', async () => {
    const clean = await json('validate', file('kaodian.xlsx'), file('fenxiao.xlsx'));
    expect(clean.code).toBe(0);
    expect(clean.report.files.map((f) => f.findings.length)).toEqual([0, 0]);
    const { code, report } = await json('validate', file('kaodian.xlsx'), file('fenxiao-disagree.xlsx'));
    expect(code).toBe(1);
    const [k, b] = report.files;
    expect(k.findings.map((f) => [f.rule, f.sheet, f.row])).toEqual([
      ['handover-copies-disagree', '交接单', 3],
      ['handover-copies-disagree', '交接单', null],
    ]);
    expect(b.findings.map((f) => [f.rule, f.sheet, f.row])).toEqual([
      ['handover-copies-disagree', '交接单2', 3],
      ['handover-copies-disagree', '交接单2', null],
      // The 分校's own copy now also disagrees with its dispatch of 6 bags.
      ['dispatch-without-handover', '出入库记录', 1],
    ]);
    expect(k.findings[0].message).toMatch(/3袋/);
  });

  const bad: Array<[string, RegExp]> = [
    ['not-a-zip.xlsx', /不是 \.xlsx/],
    ['truncated.xlsx', /损坏或不完整/],
    ['old.xls', /旧版 \.xls/],
    ['encrypted.xlsx', /加密/],
    ['bomb.xlsx', /单个部件解压后的大小 超过 64 MB（xl\/worksheets\/sheet1.xml），上限 64 MB/],
    ['missing.xlsx', /找不到文件/],
  ];
  const badInEnglish: Array<[string, string]> = [
    [
      'not-a-zip.xlsx',
      'not an .xlsx workbook (the file is not in Excel format); check that it is the right file, or save it as .xlsx in Excel or WPS and check again',
    ],
    ['truncated.xlsx', 'the file is damaged or incomplete (perhaps cut short when downloaded or copied); get the original file again'],
    ['old.xls', 'this is an old .xls (or WPS .et) file; save it as .xlsx in Excel or WPS and check again'],
    ['encrypted.xlsx', 'the workbook has an open password (it is encrypted); remove the password in Excel, save it as .xlsx and check again'],
    [
      'bomb.xlsx',
      'the workbook is beyond a reading limit: one part unzipped over 64 MB (xl/worksheets/sheet1.xml), limit 64 MB. It looks like a suspect file and was not read; if it is a real workbook, delete the extra rows, columns or merges and save it again as .xlsx',
    ],
    ['missing.xlsx', 'file not found; check the file name and its path'],
  ];
  test.each(badInEnglish)('--lang en: %s cannot be read, said in English', async (name, reason) => {
    const { code, report, err } = await json('validate', file(name), file('faulty.xlsx'), '--lang', 'en');
    expect(code).toBe(2);
    expect(report.files[0].error).toBe(reason);
    expect(err).toBe(`${file(name)}: cannot be read: ${reason}\n`);
  });

  test.each(bad)('%s: one-line reason, exit 2, the good file still checked, input untouched', async (name, reason) => {
    const before = fs.existsSync(file(name)) ? sha(file(name)) : null;
    const { code, report, err } = await json('validate', file('faulty.xlsx'), file(name));
    expect(code).toBe(2);
    expect(report.files[0].findings).toEqual((await json('validate', file('faulty.xlsx'))).report.files[0].findings);
    const f = report.files[1];
    expect(f.error).toMatch(reason);
    expect(f.error).not.toContain('\n');
    expect(f.findings).toEqual([]);
    expect(err.trim().split('\n')).toEqual([`${file(name)}：无法读取：${f.error}`]);
    if (before) expect(sha(file(name))).toBe(before);
    const text = await run('validate', file(name));
    expect(text.code).toBe(2);
    expect(text.out.trim().split('\n')).toHaveLength(1);
    expect(text.out).not.toMatch(/\bat .*\.ts:\d+/);
  });

  const NO_FORMS = '不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件';
  const EMPTY = '不是试卷保密表单：工作簿是空的，没有任何内容可检查，请确认选对了文件';
  test('a workbook read but holding none of the forms (or nothing): said as not a custody workbook, not 无法读取; exit 2; a damaged one still 无法读取', async () => {
    const { code, report, err } = await json('validate', file('faulty.xlsx'), file('no-forms.xlsx'), file('empty.xlsx'), file('truncated.xlsx'));
    expect(code).toBe(2);
    expect(report.files.slice(1).map((f) => [f.error, f.findings])).toEqual([
      [NO_FORMS, []],
      [EMPTY, []],
      ['文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件', []],
    ]);
    expect(err.trim().split('\n')).toEqual([
      `${file('no-forms.xlsx')}：${NO_FORMS}`,
      `${file('empty.xlsx')}：${EMPTY}`,
      `${file('truncated.xlsx')}：无法读取：文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件`,
    ]);
    const text = await run('validate', file('no-forms.xlsx'), file('empty.xlsx'), file('truncated.xlsx'));
    expect([text.code, text.out.trim().split('\n')]).toEqual([
      2,
      [
        `${file('no-forms.xlsx')}：${NO_FORMS}`,
        `${file('empty.xlsx')}：${EMPTY}`,
        `${file('truncated.xlsx')}：无法读取：文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件`,
        '合计：0 个错误，0 个警告；1 个文件无法读取；2 个文件不是试卷保密表单',
      ],
    ]);
    const en = await run('validate', file('no-forms.xlsx'), file('empty.xlsx'), '--lang', 'en');
    expect([en.code, en.out.trim().split('\n')]).toEqual([
      2,
      [
        `${file('no-forms.xlsx')}: not a custody workbook: none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file`,
        `${file('empty.xlsx')}: not a custody workbook: the workbook is empty, there is nothing to check; check that it is the right file`,
        'Total: 0 errors, 0 warnings; 2 files are not custody workbooks',
      ],
    ]);
  });

  test('summary and extract say a workbook with no form as validate does', async () => {
    const summary = await run('summary', file('kaodian.xlsx'), file('no-forms.xlsx'), '-o', file('sub/no-forms-summary.xlsx'));
    expect(summary.code).toBe(2);
    expect(summary.err).toBe(`${file('no-forms.xlsx')}：${NO_FORMS}\n`);
    expect(summary.out.split('\n')[0]).toMatch(/^已汇总 2 个工作簿（其中 1 个不是试卷保密表单）：/);
    const none = await run('summary', file('no-forms.xlsx'), file('truncated.xlsx'), '-o', file('sub/none-summary.xlsx'));
    expect([none.code, none.err.trim().split('\n').pop()]).toEqual([2, '没有可以汇总的工作簿（1 个无法读取，1 个不是试卷保密表单，见上），未写出汇总']);
    const extract = await run('extract', file('no-forms.xlsx'));
    expect([extract.code, extract.out, extract.err]).toEqual([2, '', `${file('no-forms.xlsx')}：${NO_FORMS}\n`]);
  });

  test('header-deleted.xlsx: checked, its lost table said once at its sheet, input untouched (review 17b D2: it was refused)', async () => {
    const before = sha(file('header-deleted.xlsx'));
    const { code, report, err } = await json('validate', file('header-deleted.xlsx'));
    expect([code, report.files[0].error, err]).toEqual([1, undefined, '']);
    const on = (report.files[0].findings as Array<{ rule: string; sheet: string; cell: string; message: string }>).filter((f) => f.sheet === '出入库记录');
    expect(on.map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        'required-field',
        'A2',
        '工作表“出入库记录”上附件3 保密室试卷出入库记录表的表头行（试卷号、试卷名称、数量（袋/份）…）找不到，表里的各行都读不出来，这张表没有检查（其他表照常检查）。请按空白表恢复表头行（各栏名称写在表格上方的同一行），再检查一次。',
      ],
    ]);
    expect(sha(file('header-deleted.xlsx'))).toBe(before);
  });

  test('only a summary workbook given: it is left out, said on stderr, and that nothing was checked (exit 2, as for no workbook found)', async () => {
    const summary = file('sub/汇总.xlsx');
    expect((await run('summary', file('kaodian.xlsx'), '-o', summary)).code).toBe(0);
    const r = await run('validate', summary);
    expect([r.code, r.out]).toEqual([2, '\n']);
    expect(r.err).toBe(`${summary}：已跳过：这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿\n没有可检查的单位工作簿：找到的文件都已跳过\n`);
  });

  test('a wrong call: exit 2', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', file('kaodian.xlsx'), '--format', 'xml')).code).toBe(2);
    expect((await run('validate', file('kaodian.xlsx'), '--lang', 'fr')).code).toBe(2);
    for (const [threads, lang, line] of [
      ['-1', 'zh', '错误：--threads 应为不小于 0 的整数：-1\n（用 custody validate --help 查看用法、示例和退出码）'],
      ['2.5', 'zh', '错误：--threads 应为不小于 0 的整数：2.5\n（用 custody validate --help 查看用法、示例和退出码）'],
      ['两个', 'en', 'error: --threads must be a whole number from 0: 两个\n(see custody validate --help for usage, examples and exit codes)'],
    ]) {
      // A wrong call like any other (review 10c D12): “错误：” and where the help is.
      const r = await run('validate', file('kaodian.xlsx'), '--threads', threads, '--lang', lang);
      expect(r).toEqual({ code: 2, out: '', err: `${line}\n` });
    }
  });
});

test('the text report of one sheet with 130,000 findings is written whole (no call takes one argument per finding)', () => {
  const finding = (i: number): Finding => ({
    rule: 'required-field',
    severity: 'error',
    form: 3,
    sheet: '出入库记录',
    cell: `B${i + 4}`,
    row: i + 1,
    message: '缺少试卷号',
    clause: '',
  });
  const findings = Array.from({ length: 130_000 }, (_, i) => finding(i));
  const lines = formatText({ files: [{ file: 'long.xlsx', site: '岳麓考点', sha256: null, status: 'fix', findings }] }).split('\n');
  expect(lines).toHaveLength(2 + 130_000);
  expect(lines[2]).toBe(`    B4       错误  ${ruleTitle('required-field', 'zh')}  缺少试卷号`);
  expect(lines[lines.length - 1]).toBe(`    B130003  错误  ${ruleTitle('required-field', 'zh')}  缺少试卷号`);
});

test('a folder: the spreadsheet files people save instead of .xlsx each get their line (.xls, WPS .et, .xlsb, .ods, .numbers; .csv, .tsv passed by); .xlsm is read; other files are not listed', async () => {
  const folder = file('mixed');
  fs.mkdirSync(folder);
  const good = fs.readFileSync(file('kaodian.xlsx'));
  fs.writeFileSync(path.join(folder, 'a.xlsx'), good);
  fs.writeFileSync(path.join(folder, 'b.xlsm'), good);
  fs.copyFileSync(file('old.xls'), path.join(folder, 'c.xls'));
  fs.copyFileSync(file('old.xls'), path.join(folder, 'd.et'));
  const zipOnly = fs.readFileSync(file('not-a-zip.xlsx'));
  fs.writeFileSync(path.join(folder, 'e.ods'), zipOnly);
  fs.writeFileSync(path.join(folder, 'f.xlsb'), zipOnly);
  fs.writeFileSync(path.join(folder, 'g.numbers'), zipOnly);
  fs.writeFileSync(path.join(folder, '考试安排.csv'), '试卷号,试卷名称\n1304,管理学基础\n');
  fs.writeFileSync(path.join(folder, '值班.TSV'), '值班人\t时间\n');
  fs.writeFileSync(path.join(folder, '说明.docx'), zipOnly);
  fs.writeFileSync(path.join(folder, '~$a.xlsx'), zipOnly);
  const { code, report, err } = await json('validate', folder);
  expect(code).toBe(2);
  // A sheet exported as text is no unit's workbook: passed by with its line, not counted as a file that cannot be read.
  const text = '已跳过：这是文本表格（.csv/.tsv，只存一张表），不是工作簿；如要检查，请把整个工作簿在 Excel 或 WPS 中另存为 .xlsx';
  expect(err.split('\n').filter((l) => l.includes('已跳过'))).toEqual([
    `${path.join(folder, '值班.TSV')}：${text}`,
    `${path.join(folder, '考试安排.csv')}：${text}`,
  ]);
  const summary = await run('summary', folder, '-o', file('mixed-summary.xlsx'), '--lang', 'en');
  expect(summary.err.split('\n').filter((l) => l.includes('text table'))).toEqual(
    ['值班.TSV', '考试安排.csv'].map(
      (name) =>
        `${path.join(folder, name)}: skipped: a text table (.csv/.tsv, one sheet only), not a workbook; to check it, save the whole workbook as .xlsx in Excel or WPS`,
    ),
  );
  const oldXls = '这是旧版 .xls（或 WPS 的 .et）格式的文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查';
  const notXlsx = '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查';
  expect(report.files.map((f) => [path.basename(f.file), f.error ?? null])).toEqual([
    ['a.xlsx', null],
    ['b.xlsm', null],
    ['c.xls', oldXls],
    ['d.et', oldXls],
    ['e.ods', notXlsx],
    ['f.xlsb', notXlsx],
    ['g.numbers', notXlsx],
  ]);
  expect(report.files[1].findings).toEqual(report.files[0].findings.map((f) => ({ ...f })));
});

test('a folder holding only summaries this tool wrote: validate and summary each say there is no unit workbook, exit 2, nothing written', async () => {
  const folder = file('only-summaries');
  fs.mkdirSync(folder);
  const made = path.join(folder, '汇总.xlsx');
  expect((await run('summary', file('kaodian.xlsx'), '-o', made)).code).toBe(0);
  const skipped = `${made}：已跳过：这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿`;
  const v = await run('validate', folder);
  expect([v.code, v.out, v.err]).toEqual([2, '\n', `${skipped}\n没有可检查的单位工作簿：找到的文件都已跳过\n`]);
  // In JSON, the report all the same (no file in it), for a program that reads it.
  const j = await run('validate', folder, '--format', 'json');
  expect([j.code, JSON.parse(j.out)]).toEqual([2, { files: [] }]);
  const out = file('nothing.xlsx');
  const s = await run('summary', folder, '-o', out);
  expect([s.code, s.out, s.err]).toEqual([2, '', `${skipped}\n没有可汇总的单位工作簿：找到的文件都已跳过\n`]);
  expect(fs.existsSync(out)).toBe(false);
  const en = await run('validate', folder, '--lang', 'en');
  expect(en.err).toBe(
    `${made}: skipped: a summary (试卷保管汇总) written by this tool, not a unit workbook\nno unit workbook to check: every file found was skipped\n`,
  );
});

test("summary --lang en: the lines it prints are English, an unreadable file's reason too", async () => {
  const out = file('summary-en.xlsx');
  const r = await run('summary', file('kaodian.xlsx'), file('old.xls'), '-o', out, '--lang', 'en');
  expect(r.code).toBe(2);
  expect(r.err).toBe(`${file('old.xls')}: cannot be read: this is an old .xls (or WPS .et) file; save it as .xlsx in Excel or WPS and check again\n`);
  const lines = r.out.trim().split('\n');
  expect(lines[0]).toMatch(/^Summarised 2 workbooks \(1 could not be read\): 1 ready to submit, 0 to correct; 0 errors, 0 warnings\.$/);
  expect(lines[1]).toBe(
    'Papers by unit level (the same papers passed down the chain, not added up): Exam site (考点): 1 unit, 6 bags, 115 copies (108 candidates). 0 bags not back in the vault.',
  );
  expect(lines[2]).toMatch(/^Handover sheets' two copies: 0 matching pairs, 0 disagreeing, \d+ with one side only\.$/);
  expect(lines[3]).toBe(`Written: ${out}`);
});
