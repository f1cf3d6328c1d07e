/** Consolidation over files: one file at a time, unreadable files, worker threads. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { consolidateFiles, processFile } from '../../src/batch/consolidate';
import { slimModel } from '../../src/check/service';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateAcross } from '../../src/rules/engine';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-consolidate-'));
  const net = sampleNetwork({ sites: 4, papers: 3, sessions: 2 });
  const books = [net.branch, net.sites[0], plantDefects(net.sites[1], ['one-signer', 'duty-gap']).data, net.sites[2], net.sites[3]];
  files = [];
  for (const [i, data] of books.entries()) {
    const file = path.join(dir, `${i}.xlsx`);
    fs.writeFileSync(file, await fillWorkbook(data));
    files.push(file);
  }
  fs.writeFileSync(path.join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  files.push(path.join(dir, 'old.xls'), path.join(dir, 'missing.xlsx'), path.join(dir));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('processFile', () => {
  it('a workbook: its SHA-256, findings and summary; a slim model for the checks across files', async () => {
    const r = await processFile(files[2]);
    expect(r.outcome.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.outcome.error).toBeUndefined();
    expect(r.outcome.summary!.site.name).toBe('天心考点');
    expect(r.outcome.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['two-signers', 'duty-gap']));
    expect(Object.keys(r.slim!.data)).toEqual(['site', 'handovers']);
  });

  it('what cannot be read gives a one-line reason, never a throw', async () => {
    expect((await processFile(path.join(dir, 'old.xls'))).outcome.error).toContain('旧版 .xls');
    expect((await processFile(path.join(dir, 'missing.xlsx'))).outcome.error).toBe('找不到文件，请检查文件名和路径是否写对');
    expect((await processFile(dir)).outcome.error).toContain('文件夹');
  });
});

describe('slim models', () => {
  it('the checks across workbooks find the same, at the same cells, on slim models as on whole ones', async () => {
    const net = sampleNetwork({ sites: 2 });
    const bad = plantDefects(net.sites[1]).data;
    bad.handovers![0].items![1].quantity = 99;
    const models = await Promise.all([net.branch, net.sites[0], bad].map(async (d) => readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(d)))));
    const whole = validateAcross(models.map((model, i) => ({ id: String(i), model })));
    const slim = validateAcross(models.map((model, i) => ({ id: String(i), model: slimModel(model) })));
    expect([...slim]).toEqual([...whole]);
    expect([...whole].map(([id, found]) => [id, found.map((f) => [f.rule, f.sheet, f.cell, f.row])])).toMatchInlineSnapshot(`
     [
       [
         "0",
         [
           [
             "handover-copies-disagree",
             "交接单3",
             "C3",
             null,
           ],
           [
             "handover-copies-disagree",
             "交接单3",
             "D9",
             2,
           ],
           [
             "handover-copies-disagree",
             "交接单3",
             "D17",
             null,
           ],
           [
             "handover-copies-disagree",
             "交接单3",
             "D20",
             null,
           ],
         ],
       ],
       [
         "1",
         [],
       ],
       [
         "2",
         [
           [
             "handover-copies-disagree",
             "交接单",
             "C3",
             null,
           ],
           [
             "handover-copies-disagree",
             "交接单",
             "D9",
             2,
           ],
           [
             "handover-copies-disagree",
             "交接单",
             "D17",
             null,
           ],
           [
             "handover-copies-disagree",
             "交接单",
             "D20",
             null,
           ],
         ],
       ],
     ]
    `);
  });
});

describe('consolidateFiles', () => {
  it('in this thread: every file accounted for, pairs across files, findings across files added', async () => {
    const progress: number[] = [];
    const c = await consolidateFiles(files, { threads: 0, onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(c.totals).toMatchObject({ files: 8, unreadable: 3, sites: 5 });
    // The one-signer copy disagrees with the 分校's copy: a pair and a finding on both files.
    expect(c.totals.pairs).toMatchObject({ matched: 3, disagree: 1, 'receiver-only': 1 });
    const branch = c.files.find((f) => f.file === files[0])!;
    expect(branch.findings.map((f) => f.rule)).toContain('handover-copies-disagree');
    expect(branch.summary!.ready).toBe(false);
  });

  const dist = path.join(__dirname, '../../dist/src/batch/consolidate.js');
  (fs.existsSync(dist) ? it : it.skip)('on worker threads (the built CLI): the same result', async () => {
    const built = require(dist) as typeof import('../../src/batch/consolidate');
    const inProcess = await consolidateFiles(files, { threads: 0 });
    const threaded = await built.consolidateFiles(files, { threads: 2 });
    expect(JSON.parse(JSON.stringify(threaded))).toEqual(JSON.parse(JSON.stringify(inProcess)));
  });
});
