/**
 * A sheet per unit in the summary workbook for a few workbooks only, counted by workbooks (review round 9
 * D4): a folder of 5,000 copies of one unit (each re-saved: not the same bytes) counted one site, so every
 * copy got a 汇总- sheet, each read again from its file on the main thread: the run did not end in 16 minutes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillWorkbook } from '../../src/cli/fill';
import { sampleNetwork } from '../../src/demo/sample';
import { spoolFiles } from '../../src/batch/spool';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';

jest.setTimeout(120_000);

let dir: string;
let copies: string[];

/** The workbook `bytes` with a description of its own: another file of the same records, as a re-save makes. */
async function resaved(bytes: Uint8Array, n: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file('docProps/core.xml', core.replace('</cp:coreProperties>', `<dc:description>${n}</dc:description></cp:coreProperties>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-per-site-'));
  const one = await fillWorkbook(sampleNetwork({ sites: 1, papers: 2, sessions: 1 }).sites[0]);
  copies = [];
  for (let n = 1; n <= 3; n++) {
    const file = path.join(dir, `考点${n}.xlsx`);
    fs.writeFileSync(file, await resaved(one, n));
    copies.push(file);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheetNames(files: string[], perSiteSheets: number): Promise<string[]> {
  const spool = await spoolFiles(files, { threads: 0, summariesUpTo: perSiteSheets });
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(spool.source(), { perSiteSheets })) as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => ws.name);
  } finally {
    await spool.dispose();
  }
}

const TABLES = ['总览', '站点汇总', '文件清单', '试卷明细', '交接配对', '问题清单'];

describe('a sheet per unit: by the readable workbooks, a unit’s copies each one', () => {
  it('3 copies of one unit, sheets for 2: none (they were one site, and got 3)', async () => {
    expect(await sheetNames(copies, 2)).toEqual(TABLES);
  });

  it('2 copies of one unit, sheets for 2: one each, as before', async () => {
    expect(await sheetNames(copies.slice(0, 2), 2)).toEqual([...TABLES, '汇总-岳麓考点', '汇总-岳麓考点(2)']);
  });
});
