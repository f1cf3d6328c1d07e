/**
 * The one check service: every face — `custody validate`, the pane, the
 * consolidated summary (in memory and spooled) — gives exactly the service's
 * report for the same workbooks: same files, sites, digests, refusals and
 * findings in the same order.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbooks, exitCodeOf, siteNameOf, withAcross } from '../../src/check/service';
import { Refusal, printable, refusalLine } from '../../src/check/refusal';
import { nodeCheckOptions, workbookFile } from '../../src/batch/workbook-file';
import { consolidateFiles } from '../../src/batch/consolidate';
import { spoolFiles } from '../../src/batch/spool';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fileReports } from '../../src/summary/consolidate';
import { summarizeSite } from '../../src/summary/site';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary/site-sheet';
import { checkSites } from '../../src/taskpane/check';
import { CheckEntry, HeldChecks, checkHeld, readChecked, unpacked } from '../../src/taskpane/workbook-jobs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { Finding, RunReport } from '../../src/model/finding';
import { fixture } from '../helpers';
import { findingAt } from '../findings';

let dir: string;
let tmp: string;
let files: string[];
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-service-'));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-service-tmp-'));
  const branch = fixture('fenxiao.json');
  // The 分校's copy of the handover to 岳麓考点 disagrees with the 考点's: a finding across workbooks on both.
  branch.handovers![1].items![2].quantity = 3;
  branch.handovers![1].total = 7;
  const site = fixture('kaodian.json');
  site.vaultLog![0].takenAt = '六月中旬';
  fs.writeFileSync(path.join(dir, 'a-fenxiao.xlsx'), await fillWorkbook(branch));
  fs.writeFileSync(path.join(dir, 'b-kaodian.xlsx'), await fillWorkbook(site));
  fs.writeFileSync(path.join(dir, 'c-broken.xlsx'), '这不是工作簿\n');
  files = ['a-fenxiao.xlsx', 'b-kaodian.xlsx', 'c-broken.xlsx'].map((f) => path.join(dir, f));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function serviceReport(lang: 'zh' | 'en' = 'zh'): Promise<RunReport> {
  return (await checkWorkbooks(files.map(workbookFile), nodeCheckOptions(lang))).report;
}

describe('checkWorkbooks', () => {
  it('reads, checks each and across, names each site, hashes the bytes, refuses in one line', async () => {
    const report = await serviceReport();
    expect(report.files.map((f) => [path.basename(f.file), f.site, f.sha256, f.error])).toEqual([
      ['a-fenxiao.xlsx', '长沙分校', sha(fs.readFileSync(files[0])), undefined],
      ['b-kaodian.xlsx', '长沙分校 岳麓考点', sha(fs.readFileSync(files[1])), undefined],
      [
        'c-broken.xlsx',
        null,
        sha(fs.readFileSync(files[2])),
        '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
      ],
    ]);
    // The contract's key order.
    expect(Object.keys(report.files[2])).toEqual(['file', 'site', 'sha256', 'status', 'error', 'findings']);
    expect(Object.keys(report.files[0])).toEqual(['file', 'site', 'sha256', 'status', 'findings']);
    const across = (i: number) => report.files[i].findings.filter((f) => f.rule === 'handover-copies-disagree');
    expect([0, 1].map((i) => across(i).map((f) => [f.sheet, f.cell, f.row, f.message]))).toMatchInlineSnapshot(`
     [
       [
         [
           "交接单2",
           "D10",
           3,
           "这张交接单的“交接明细第 3 行”写的是“岳麓考点 3袋”，而对方“岳麓考点”留存的同一张交接单（文件“b-kaodian.xlsx”的 交接单 D10）写的是“岳麓考点 2袋”。一式两份须内容一致，请双方核对后改正。",
         ],
         [
           "交接单2",
           "D17",
           null,
           "这张交接单的“合计”写的是“7”，而对方“岳麓考点”留存的同一张交接单（文件“b-kaodian.xlsx”的 交接单 D17）写的是“6”。一式两份须内容一致，请双方核对后改正。",
         ],
       ],
       [
         [
           "交接单",
           "D10",
           3,
           "这张交接单的“交接明细第 3 行”写的是“岳麓考点 2袋”，而对方“长沙分校”留存的同一张交接单（文件“a-fenxiao.xlsx”的 交接单2 D10）写的是“岳麓考点 3袋”。一式两份须内容一致，请双方核对后改正。",
         ],
         [
           "交接单",
           "D17",
           null,
           "这张交接单的“合计”写的是“6”，而对方“长沙分校”留存的同一张交接单（文件“a-fenxiao.xlsx”的 交接单2 D17）写的是“7”。一式两份须内容一致，请双方核对后改正。",
         ],
       ],
     ]
    `);
    expect(report.files[1].findings.map((f) => f.rule)).toContain('invalid-datetime');
    expect(exitCodeOf(report)).toBe(2);
  });

  it('sorts once: the findings across workbooks take their place in reading order', () => {
    const sheets = [
      { sheet: 'A', form: null },
      { sheet: 'B', form: null },
    ];
    const own = [findingAt(null, null, 'whole'), findingAt('A', 'B2', 'own'), findingAt('B', 'A1', 'own')];
    const sorted = withAcross({ sheets }, own, [findingAt('B', 'A1', 'across'), findingAt('A', 'C1', 'across'), findingAt('A', 'B2', 'across')]);
    expect(sorted.map((x) => `${x.sheet}!${x.cell}:${x.rule}`)).toEqual([
      'null!null:whole',
      'A!C1:across',
      'A!B2:own',
      'A!B2:across',
      'B!A1:own',
      'B!A1:across',
    ]);
    expect(withAcross({ sheets }, own, [])).toBe(own);
  });

  it('a grid given directly; a reader that refuses; a summary workbook left out', async () => {
    const bytes = fs.readFileSync(files[1]);
    const grid = await gridFromXlsxBuffer(bytes);
    const run = await checkWorkbooks(
      [
        { file: 'open', grid, sha256: 'known' },
        {
          file: 'refused',
          grid: () => {
            throw new Refusal('文件过大');
          },
        },
        {
          file: 'crashed',
          grid: () => {
            throw new TypeError("Cannot read properties of undefined (reading 'model')");
          },
        },
        { file: 'summary', grid: { sheets: ['总览', '站点汇总', '交接配对', '问题清单'].map((name) => ({ name, rows: [], merges: [] })) } },
      ],
      { lang: 'zh' },
    );
    expect(run.report.files.map((f) => [f.file, f.sha256, f.error])).toEqual([
      ['open', 'known', undefined],
      ['refused', null, '文件过大'],
      // No library text reaches the user.
      ['crashed', null, '无法读取这个工作簿的内容，请用 Excel 或 WPS 打开后重新“另存为” .xlsx 再检查'],
    ]);
    expect(run.skipped).toEqual([{ file: 'summary', reason: '这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿' }]);
    expect(run.workbooks[0].model && siteNameOf(run.workbooks[0].model)).toBe('长沙分校 岳麓考点');
  });

  it('a unit’s own summary the pane downloads (“X（汇总）.xlsx”, zh and en) is left out as a summary; a unit’s one sheet named 汇总 is read (review 14b D3)', async () => {
    const bytes = fs.readFileSync(files[1]);
    const checked = await checkWorkbooks([{ file: 'site.xlsx', grid: await gridFromXlsxBuffer(bytes), sha256: 'x' }], { lang: 'zh' });
    const model = checked.workbooks[0].model!;
    const findings = checked.report.files[0].findings;
    const summaries = await Promise.all(
      (['zh', 'en'] as const).map(async (lang) => siteSummaryXlsx(summarizeSite(model, findings, { file: 'site.xlsx', sha256: 'x', lang }), findings, lang)),
    );
    const tally = { name: '汇总', rows: [['本单位试卷统计'], ['试卷代号', '袋数']], merges: [] };
    const run = await checkWorkbooks(
      [
        { file: '岳麓考点（汇总）.xlsx', grid: await gridFromXlsxBuffer(summaries[0]) },
        { file: 'Yuelu (summary).xlsx', grid: await gridFromXlsxBuffer(summaries[1]) },
        { file: 'tally.xlsx', grid: { sheets: [tally] } },
      ],
      { lang: 'zh' },
    );
    const skipped = '这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿';
    expect(run.skipped).toEqual([
      { file: '岳麓考点（汇总）.xlsx', reason: skipped },
      { file: 'Yuelu (summary).xlsx', reason: skipped },
    ]);
    expect(run.report.files.map((f) => [f.file, f.error])).toEqual([
      ['tally.xlsx', '不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件'],
    ]);
  });

  it('a unit’s workbook with sheets named like a summary’s (hidden, or pasted in) is checked; a summary with a sheet of notes added is left out (review 14a D2)', async () => {
    const grid = await gridFromXlsxBuffer(fs.readFileSync(files[1]));
    const named = (state?: 'hidden' | 'veryHidden') =>
      ['总览', '站点汇总', '交接配对', '问题清单'].map((name) => ({ name, rows: [], merges: [], ...(state ? { state } : {}) }));
    const alone = await checkWorkbooks([{ file: 'unit.xlsx', grid }], { lang: 'zh' });
    // Each on its own: two copies of one unit in a run are a finding of their own.
    const each = await Promise.all(
      [
        { file: 'hidden.xlsx', grid: { sheets: [...grid.sheets, ...named('veryHidden')] } },
        { file: 'pasted.xlsx', grid: { sheets: [...grid.sheets, ...named()] } },
      ].map((input) => checkWorkbooks([input], { lang: 'zh' })),
    );
    const unit = alone.report.files[0].findings.map((f) => [f.rule, f.sheet, f.cell]);
    expect(unit.length).toBeGreaterThan(0);
    expect(each.map((r) => r.report.files.map((f) => [f.file, f.error, f.findings.map((x) => [x.rule, x.sheet, x.cell])]))).toEqual([
      [['hidden.xlsx', undefined, unit]],
      [['pasted.xlsx', undefined, unit]],
    ]);
    const run = await checkWorkbooks([{ file: 'noted.xlsx', grid: { sheets: [...named(), { name: '备注', rows: [['已于12月5日报送']], merges: [] }] } }], {
      lang: 'zh',
    });
    expect(run.skipped).toEqual([{ file: 'noted.xlsx', reason: '这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿' }]);
  });

  it('names the 省校, which has no 分校 or 考点, by its 分部 (as its summary does)', () => {
    expect(siteNameOf({ data: { site: { level: '省校', branch: '湖南分部', school: '', examSite: '' } } })).toBe('湖南分部');
    expect(siteNameOf({ data: { site: { level: '分校', school: '长沙分校', branch: '湖南分部' } } })).toBe('长沙分校');
    expect(siteNameOf({ data: { site: {} } })).toBeNull();
  });

  it('slim: the same report, each workbook kept without its grid and with only what the checks across workbooks read', async () => {
    const whole = await checkWorkbooks(files.map(workbookFile), nodeCheckOptions('zh'));
    const told: number[] = [];
    const slim = await checkWorkbooks(files.map(workbookFile), { ...nodeCheckOptions('zh'), slim: true, onProgress: (done) => told.push(done) });
    // Told after each workbook (a progress bar), the refused one too.
    expect(told).toEqual([1, 2, 3]);
    expect(slim.report).toEqual(whole.report);
    expect(slim.skipped).toEqual(whole.skipped);
    expect(slim.workbooks.map((w) => [w.grid, w.model && Object.keys(w.model.data), w.model?.sheets])).toEqual([
      [undefined, ['site', 'handovers'], whole.workbooks[0].model!.sheets],
      [undefined, ['site', 'handovers'], whole.workbooks[1].model!.sheets],
      [undefined, undefined, undefined],
    ]);
    expect(whole.workbooks.map((w) => w.grid === undefined)).toEqual([false, false, true]);
  });

  it('one line for people: control characters escaped, library errors replaced', () => {
    expect(printable('a\nb\tc\u0007')).toBe('a\\nb\\tc\\u0007');
    expect(refusalLine(new Refusal('坏\n第二行'))).toBe('坏');
    expect(refusalLine(new RangeError('Invalid array length'), 'en')).toBe(
      'the workbook could not be read; open it in Excel or WPS and save it again as .xlsx',
    );
  });
});

describe('every face gives the service report', () => {
  it('custody validate --format json', async () => {
    const io = memoryIO();
    const code = await main(['node', 'custody', 'validate', ...files, '--format', 'json'], io);
    expect(code).toBe(2);
    expect(JSON.parse(io.stdout)).toEqual(await serviceReport());
  });

  it('custody validate DIR: the folder walked as summary walks it', async () => {
    const io = memoryIO();
    await main(['node', 'custody', 'validate', dir, '--format', 'json'], io);
    expect(JSON.parse(io.stdout)).toEqual(await serviceReport());
  });

  it('the pane (browser face: file name, bytes, grid)', async () => {
    const inputs = await Promise.all(
      files.map(async (file) => {
        const bytes = new Uint8Array(fs.readFileSync(file));
        try {
          return { id: file, label: file, bytes, grid: await gridFromXlsxBuffer(Buffer.from(bytes)) };
        } catch (error) {
          return { id: file, label: file, bytes, error: (error as Error).message };
        }
      }),
    );
    const sites = await checkSites(inputs, 'zh', async (bytes) => sha(bytes));
    expect({ files: sites.map((s) => s.report) }).toEqual(await serviceReport());
    expect(sites.map((s) => s.findings)).toEqual((await serviceReport()).files.map((f) => f.findings));
  });

  it('the browser face: each file read and checked on its own in both languages by the worker’s code, crossing as plain data', async () => {
    // What the worker keeps of each file read, by name, and what crosses to the page.
    const held = new Map<string, HeldChecks>();
    const opened = await Promise.all(
      files.map(async (file) => {
        try {
          const { read, held: checks } = await readChecked(file, new Uint8Array(fs.readFileSync(file)));
          held.set(file, checks);
          // structuredClone: what postMessage does to the worker's reply.
          return { file, opened: unpacked(structuredClone(read)) };
        } catch (error) {
          return { file, bytes: new Uint8Array(fs.readFileSync(file)), error: (error as Error).message };
        }
      }),
    );
    for (const lang of ['zh', 'en', 'zh'] as const) {
      // Checked again and again (a language switch, a file added): the checks across are never added twice.
      const entries = opened.map((o): CheckEntry =>
        o.opened ? { key: o.file, label: o.file } : { key: o.file, label: o.file, bytes: o.bytes, error: o.error },
      );
      const sites = structuredClone(await checkHeld(entries, (name) => held.get(name), lang));
      const expected = await serviceReport(lang);
      if (lang === 'en') expected.files[2].error = expect.any(String) as unknown as string;
      expect({ files: sites.map((s) => s.report) }).toEqual(expected);
      // Each readable file's summary made beside its checks, as the page would make it of what it holds.
      for (const [i, o] of opened.entries()) {
        const summary = o.opened?.model && summarizeSite(o.opened.model, sites[i].findings, { file: o.file });
        expect({ file: o.file, summary: sites[i].summary }).toEqual({ file: o.file, summary });
      }
      // The same on the page, where no worker runs: from the files it holds, the same results.
      const onPage = await checkHeld(entries, (name) => opened.find((o) => o.file === name)?.opened, lang);
      expect(onPage).toEqual(sites);
    }
    // A file the worker has not read is an error of the job, never a file with no findings.
    await expect(checkHeld([{ key: 'unread.xlsx', label: 'unread.xlsx' }], () => undefined, 'zh')).rejects.toThrow('unread.xlsx: not read');
    // The models unpacked on the page are those read in Node, locations in the same order.
    for (const o of opened.filter((x) => x.opened)) {
      const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(o.file)));
      expect(o.opened!.model!.data).toEqual(model.data);
      expect(Object.entries(o.opened!.model!.locations)).toEqual(Object.entries(model.locations));
      expect(o.opened!.model!.sheets).toEqual(model.sheets);
    }
  });

  it('the consolidated summary, in memory and spooled', async () => {
    const expected = await serviceReport();
    const inMemory = await consolidateFiles(files, { threads: 0 });
    expect({ files: fileReports(inMemory) }).toEqual(expected);
    const spool = await spoolFiles(files, { threads: 0, tmpDir: tmp });
    try {
      let text = '';
      await spool.writeJson((chunk) => void (text += chunk));
      expect({ files: (JSON.parse(text) as RunReport).files }).toEqual(expected);
    } finally {
      await spool.dispose();
    }
  });

  it('findings of the same cell keep the catalogue order (one sort everywhere)', async () => {
    const report = await serviceReport();
    const key = (f: Finding) => `${f.sheet}|${f.cell}`;
    for (const file of report.files) {
      const seen = new Set<string>();
      let last = '';
      for (const f of file.findings) {
        if (key(f) !== last && seen.has(key(f))) throw new Error(`${key(f)} split in ${file.file}`);
        seen.add(key(f));
        last = key(f);
      }
    }
  });
});
