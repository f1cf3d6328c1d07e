/**
 * The spooled consolidation (`custody summary` over thousands of files): the
 * workbook and the JSON streamed from its temporary files are the same as
 * those written from the in-memory consolidation, and the temporary files are
 * removed, also when writing fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { runSummary } from '../../src/cli/summary';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { listCharts } from '../../src/io/xlsx/chart';
import { consolidatedJson } from '../../src/summary/consolidate';
import { consolidateFiles } from '../../src/batch/consolidate';
import { spoolFiles } from '../../src/batch/spool';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';

let dir: string;
let files: string[];
let tmp: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-spool-'));
  const net = sampleNetwork({ sites: 4, papers: 3, sessions: 2 });
  const books = [
    net.branch,
    net.sites[0],
    plantDefects(net.sites[1], ['one-signer', 'duty-gap']).data,
    plantDefects(net.sites[2], ['handover-disagree']).data,
    net.sites[3],
  ];
  files = [];
  // Named so that the order of the output is not the order given.
  for (const [i, data] of books.entries()) {
    const file = path.join(dir, `${'edcba'[i]}.xlsx`);
    fs.writeFileSync(file, await fillWorkbook(data));
    files.push(file);
  }
  fs.writeFileSync(path.join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  files.push(path.join(dir, 'old.xls'), path.join(dir, 'missing.xlsx'));
  // Temporary files of the runs below go here, where they can be counted.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-spool-tmp-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every sheet's cell values, row by row. */
async function cells(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n] = ((row.values as unknown[]) ?? []).map((v) => (v === undefined ? null : v));
    });
    out[ws.name] = rows;
  }
  return out;
}

describe('spooled consolidation', () => {
  it('streams the same workbook and JSON as the in-memory consolidation, and removes its temporary files', async () => {
    const inMemory = await consolidateFiles([...files].sort(), { threads: 0 });
    const spool = await spoolFiles(files, { threads: 0, tmpDir: tmp });
    try {
      expect(fs.existsSync(spool.dir)).toBe(true);
      expect(path.dirname(spool.dir)).toBe(tmp);
      expect(spool.totals).toEqual(inMemory.totals);
      expect(spool.totals).toMatchObject({ files: 7, unreadable: 2, sites: 5 });
      expect(spool.totals.pairs).toMatchInlineSnapshot(`
       {
         "disagree": 2,
         "matched": 2,
         "receiver-only": 1,
         "sender-only": 0,
       }
      `);
      expect(spool.pairs).toEqual(inMemory.pairs);
      expect(spool.unreadable().map((f) => path.basename(f.file))).toEqual(['missing.xlsx', 'old.xls']);
      // Findings across workbooks counted in.
      expect([...spool.across].map(([file, found]) => [path.basename(file), found.map((f) => [f.rule, f.sheet, f.cell, f.row])])).toMatchInlineSnapshot(`
       [
         [
           "b.xlsx",
           [
             [
               "handover-copies-disagree",
               "交接单",
               "C3",
               null,
             ],
           ],
         ],
         [
           "c.xlsx",
           [
             [
               "handover-copies-disagree",
               "交接单",
               "D20",
               null,
             ],
           ],
         ],
         [
           "e.xlsx",
           [
             [
               "handover-copies-disagree",
               "交接单3",
               "D20",
               null,
             ],
             [
               "handover-copies-disagree",
               "交接单4",
               "C3",
               null,
             ],
           ],
         ],
       ]
      `);

      const chunks: string[] = [];
      await spool.writeJson((chunk) => void chunks.push(chunk));
      expect(chunks.join('')).toBe(JSON.stringify(consolidatedJson(inMemory), null, 2));
      chunks.slice(0, -1).forEach((c) => expect(c.endsWith('\n')).toBe(true));

      const streamed = await consolidatedXlsx(spool.source());
      const held = await consolidatedXlsx(inMemory);
      const a = await cells(streamed);
      const b = await cells(held);
      expect(Object.keys(a)).toEqual(Object.keys(b));
      expect(Object.keys(a)).toHaveLength(6 + 5);
      expect(a).toEqual(b);
      // 站点汇总 read back from the spool in its own order, not the files': the 分校 (e.xlsx, its file last), its 考点 by name, the unreadable last.
      const fileCol = a['站点汇总'][2].indexOf('文件');
      expect(a['站点汇总'].slice(3, 10).map((r) => [r[1], r[2], r[3], r[fileCol]])).toMatchInlineSnapshot(`
       [
         [
           "长沙分校",
           "长沙分校",
           "分校",
           "e.xlsx",
         ],
         [
           "长沙分校",
           "开福考点",
           "考点",
           "b.xlsx",
         ],
         [
           "长沙分校",
           "天心考点",
           "考点",
           "c.xlsx",
         ],
         [
           "长沙分校",
           "雨花考点",
           "考点",
           "a.xlsx",
         ],
         [
           "长沙分校",
           "岳麓考点",
           "考点",
           "d.xlsx",
         ],
         [
           undefined,
           undefined,
           undefined,
           "missing.xlsx",
         ],
         [
           undefined,
           undefined,
           undefined,
           "old.xls",
         ],
       ]
      `);
      expect(a['问题清单'].length).toMatchInlineSnapshot(`10`);
      expect(await listCharts(streamed)).toEqual(await listCharts(held));
    } finally {
      await spool.dispose();
    }
    expect(fs.existsSync(spool.dir)).toBe(false);
    await spool.dispose(); // twice is fine
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('spools the full summaries of only as many sites as get a sheet; one left out is made again from its file if the sheets are written after all', async () => {
    const inMemory = await consolidateFiles([...files].sort(), { threads: 0 });
    const summaries = (spool: { dir: string }) => fs.readFileSync(path.join(spool.dir, 'summaries.ndjson'), 'utf8').split('\n').filter(Boolean);
    const few = await spoolFiles(files, { threads: 0, tmpDir: tmp, summariesUpTo: 2 });
    try {
      // 5 readable files: the first 2 have their summary spooled, the other 3 not.
      expect(summaries(few).map((line) => (JSON.parse(line) as { file: string }).file)).toEqual(
        inMemory.files
          .filter((f) => f.summary)
          .slice(0, 2)
          .map((f) => f.file),
      );
      // A sheet per site for up to 10 sites: the 3 left out are read again, and the workbook is the one held in memory.
      const a = await cells(await consolidatedXlsx(few.source(), { perSiteSheets: 10 }));
      expect(Object.keys(a)).toHaveLength(6 + 5);
      expect(a).toEqual(await cells(await consolidatedXlsx(inMemory, { perSiteSheets: 10 })));
    } finally {
      await few.dispose();
    }
    const all = await spoolFiles(files, { threads: 0, tmpDir: tmp, summariesUpTo: 5 });
    try {
      expect(summaries(all)).toHaveLength(5);
    } finally {
      await all.dispose();
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('settling later: the pairs are made when it returns; 试卷明细 and 交接配对 are written before the checks across workbooks are awaited; the same workbook and totals', async () => {
    const inMemory = await consolidateFiles([...files].sort(), { threads: 0 });
    const spool = await spoolFiles(files, { threads: 0, tmpDir: tmp, settleLater: true });
    try {
      expect(spool.pairs).toEqual(inMemory.pairs);
      const source = spool.source();
      const order: string[] = [];
      const watched = {
        ...source,
        async *paperRows() {
          for await (const row of source.paperRows()) yield row;
          order.push('papers written');
        },
        settled() {
          order.push('settled asked for');
          return source.settled();
        },
      };
      const a = await cells(await consolidatedXlsx(watched));
      // 试卷明细's rows read twice before the checks are awaited: once for its widths (a figure's word, review 22b D5), once written.
      expect(order).toEqual(['papers written', 'papers written', 'settled asked for']);
      expect(a).toEqual(await cells(await consolidatedXlsx(inMemory)));
      await spool.settled();
      expect(spool.totals).toEqual(inMemory.totals);
    } finally {
      await spool.dispose();
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('pairs the copies read back from disk as in memory: a unit that gave a workbook with no handover copy still counts as provided', async () => {
    const net = sampleNetwork({ sites: 2, papers: 2, sessions: 1 });
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-spool-copies-'));
    try {
      const books = [net.branch, { ...net.sites[0], handovers: [] }, net.sites[1]];
      const paths = await Promise.all(
        books.map(async (data, i) => {
          const file = path.join(own, `${i}.xlsx`);
          fs.writeFileSync(file, await fillWorkbook(data));
          return file;
        }),
      );
      const inMemory = await consolidateFiles(paths, { threads: 0 });
      const spool = await spoolFiles(paths, { threads: 0, tmpDir: tmp });
      try {
        expect(spool.pairs).toEqual(inMemory.pairs);
        // The 分校's copy to the 考点 whose own copies are gone: one-sided, its counterpart's unit present
        // (the 分部 gave no workbook: its copy to the 分校 is one-sided, its unit absent).
        expect(spool.pairs.map((p) => [p.status, p.from, p.to, p.counterpartProvided])).toEqual([
          ['sender-only', '长沙分校', '岳麓考点', true],
          ['receiver-only', '湖南分部', '长沙分校', false],
          ['matched', '长沙分校', '天心考点', true],
        ]);
      } finally {
        await spool.dispose();
      }
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('JSON with no readable file and no pairs: empty arrays as JSON.stringify writes them', async () => {
    const only = [path.join(dir, 'old.xls')];
    const spool = await spoolFiles(only, { threads: 0, tmpDir: tmp });
    try {
      let text = '';
      await spool.writeJson((chunk) => void (text += chunk));
      expect(text).toBe(JSON.stringify(consolidatedJson(await consolidateFiles(only, { threads: 0 })), null, 2));
      expect(JSON.parse(text)).toMatchObject({ sites: [], handoverPairs: [] });
    } finally {
      await spool.dispose();
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('the CLI removes the temporary files when writing the output fails', async () => {
    const out = path.join(dir, 'taken.xlsx');
    fs.mkdirSync(out); // a folder where the output should go: the rename fails
    const io = memoryIO();
    await expect(runSummary(files.slice(0, 3), { out, threads: 0, tmpDir: tmp }, io)).rejects.toThrow();
    expect(fs.readdirSync(tmp)).toEqual([]);
    fs.rmSync(out, { recursive: true });
  });

  it('the CLI writes --format json to a file, streamed, the same as in memory', async () => {
    const out = path.join(dir, 'summary.json');
    const io = memoryIO();
    const code = await runSummary(files, { out, format: 'json', threads: 0, tmpDir: tmp }, io);
    expect(code).toBe(2);
    const inMemory = await consolidateFiles([...files].sort(), { threads: 0 });
    expect(fs.readFileSync(out, 'utf8')).toBe(JSON.stringify(consolidatedJson(inMemory), null, 2) + '\n');
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  const dist = path.join(__dirname, '../../dist/src/batch/spool.js');
  (fs.existsSync(dist) ? it : it.skip)(
    'settling later on worker threads (the built CLI), disposed at once: the temporary files go only once the checks across workbooks, in a thread of their own, are counted in',
    async () => {
      const built = require(dist) as typeof import('../../src/batch/spool');
      const inMemory = await consolidateFiles([...files].sort(), { threads: 0 });
      const spool = await built.spoolFiles(files, { threads: 2, tmpDir: tmp, settleLater: true });
      const order: string[] = [];
      const settled = spool.settled().then(() => order.push('settled'));
      await spool.dispose();
      order.push('disposed');
      expect(fs.existsSync(spool.dir)).toBe(false);
      await settled;
      expect(order).toEqual(['settled', 'disposed']);
      expect(spool.totals).toEqual(inMemory.totals);
      expect(fs.readdirSync(tmp)).toEqual([]);
    },
  );

  (fs.existsSync(dist) ? it : it.skip)('on worker threads (the built CLI): the same result, in file order', async () => {
    const built = require(dist) as typeof import('../../src/batch/spool');
    const spool = await built.spoolFiles(files, { threads: 2, tmpDir: tmp });
    try {
      const inMemory = await consolidateFiles([...files].sort(), { threads: 0 });
      expect(spool.totals).toEqual(inMemory.totals);
      let text = '';
      await spool.writeJson((chunk) => void (text += chunk));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(consolidatedJson(inMemory))));
    } finally {
      await spool.dispose();
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
