/**
 * The checks across workbooks of a spooled consolidation (across-spool.ts):
 * over the spooled slim models they find what the in-memory consolidation
 * finds, and a worker thread that cannot answer leaves the job to the caller,
 * with the same result.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { processFile } from '../../src/batch/consolidate';
import { SPOOLS, type SpoolName, spoolEntryOf } from '../../src/batch/spool-entry';
import { type AcrossJob, acrossInWorker, acrossOfSpool } from '../../src/batch/across-spool';
import { findAcross } from '../../src/check/service';
import type { SiteModel } from '../../src/model/site-model';

let dir: string;
let job: AcrossJob;
const slimModels: Array<{ id: string; model: SiteModel }> = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-across-'));
  const net = sampleNetwork({ sites: 3, papers: 2, sessions: 1 });
  // The second 考点 sends one its roster lists as a 监考员 to collect at the 分校's vault: a finding across on the 分校's vault
  // log and on the 考点's roster; the third agrees with its 分校 (no finding across).
  const second = net.sites[1];
  const collector = second.handovers![0].toSigners![0];
  second.staff!.find((m) => m.name === collector)!.roles = ['监考员'];
  const books = [net.branch, plantDefects(net.sites[0], ['handover-disagree']).data, second, net.sites[2]];
  const lines: Partial<Record<SpoolName, Buffer[]>> = {};
  const offsets: Array<[number, number]> = [];
  let placesAt = 0;
  for (const [i, data] of books.entries()) {
    const file = path.join(dir, `${i}.xlsx`);
    fs.writeFileSync(file, await fillWorkbook(data));
    const processed = await processFile(file, 'zh', true);
    slimModels.push({ id: file, model: (await processFile(file, 'zh')).slim! });
    // The spool's lines, as the spooled consolidation writes them.
    const entry = spoolEntryOf(processed, 'zh');
    let at = 0;
    entry.sizes!.forEach((size, k) => {
      const bytes = Buffer.from(entry.bytes!.subarray(at, at + size));
      at += size;
      (lines[SPOOLS[k]] ??= []).push(bytes);
      if (SPOOLS[k] === 'places') {
        offsets.push([placesAt, size]);
        placesAt += size;
      }
    });
  }
  const spool = (name: SpoolName) => {
    const file = path.join(dir, `${name}.ndjson`);
    fs.writeFileSync(file, Buffer.concat(lines[name] ?? []));
    return file;
  };
  job = { slim: spool('slim'), places: spool('places'), offsets, lang: 'zh' };
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('checks across spooled workbooks', () => {
  it('find what the in-memory consolidation finds, with the sheets of the files found on', async () => {
    const expected = [...findAcross(slimModels, 'zh')].filter(([, found]) => found.length > 0);
    const result = await acrossOfSpool(job);
    expect(result.found).toEqual(expected);
    // The disagreeing handover is reported on both of its workbooks.
    expect(result.found.map(([id, found]) => [path.basename(id), [...new Set(found.map((f) => f.rule))]])).toEqual([
      ['0.xlsx', ['handover-copies-disagree', 'proctor-takes-papers']],
      ['1.xlsx', ['handover-copies-disagree']],
      ['2.xlsx', ['proctor-takes-papers']],
    ]);
    // At the vault row's own cell, read from the spooled locations.
    const proctor = result.found[0][1].find((f) => f.rule === 'proctor-takes-papers')!;
    expect([proctor.sheet, proctor.cell, proctor.form]).toEqual(['出入库记录', expect.stringMatching(/^E\d+$/), 3]);
    expect(proctor.message).toContain('（文件“2.xlsx”的 涉卷人员');
    // And at the proctor's row of the 考点's roster, naming the 分校's vault log.
    const away = result.found[2][1];
    expect(away.map((f) => [f.sheet, f.cell, f.form])).toEqual([['涉卷人员', expect.stringMatching(/^B\d+$/), 0]]);
    expect(away[0].message).toContain('（文件“0.xlsx”的 出入库记录 第 ');
    expect(result.sheets).toEqual(result.found.map(([id]) => [id, slimModels.find((s) => s.id === id)!.model.sheets]));
  });

  it('read the locations of a workbook only when a finding across is on it', async () => {
    // 3.xlsx agrees with its 分校: its line in the places spool is never read, so it may point past the spool's end
    // (reading the locations of all 3,000 workbooks of a summary into this thread raised its peak RSS by some 25 MB).
    const offsets = job.offsets.map(([at, size], k): [number, number] => (k === 3 ? [at + 1e9, size] : [at, size]));
    expect(await acrossOfSpool({ ...job, offsets })).toEqual(await acrossOfSpool(job));
  });

  it('run by the caller when the worker thread cannot start or dies', async () => {
    const expected = await acrossOfSpool(job);
    expect(await acrossInWorker(job, path.join(dir, 'no-such-worker.js'))).toEqual(expected);
    const dying = path.join(dir, 'dying-worker.js');
    fs.writeFileSync(dying, 'throw new Error("worker failed");\n');
    expect(await acrossInWorker(job, dying)).toEqual(expected);
    const silent = path.join(dir, 'silent-worker.js');
    fs.writeFileSync(silent, 'process.exit(3);\n');
    expect(await acrossInWorker(job, silent)).toEqual(expected);
  });
});
