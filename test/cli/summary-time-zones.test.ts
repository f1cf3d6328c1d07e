/**
 * A summary's times are the sites' wall clock: the same dates, to the byte,
 * whatever the time zone of the machine that writes them. `custody summary`
 * (the built CLI: four workbooks or more are read in worker threads) run
 * under TZ=America/New_York and TZ=Asia/Shanghai. Needs the CLI built
 * (`npm run build:cli`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'custody.js');
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'batch', 'worker.js'))) throw new Error('build the CLI first: npm run build:cli');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-time-zones-'));
  const net = sampleNetwork({ sites: 3, papers: 3, sessions: 2 });
  fs.mkdirSync(path.join(dir, 'books'));
  fs.writeFileSync(path.join(dir, 'books', '长沙分校.xlsx'), await fillWorkbook(net.branch));
  for (const [i, site] of net.sites.entries())
    fs.writeFileSync(path.join(dir, 'books', `考点${i + 1}.xlsx`), await fillWorkbook(i === 1 ? plantDefects(site, ['duty-gap']).data : site));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The summary written in a time zone: each sheet's XML, and the zone's offset from UTC on the exam day (minutes, as getTimezoneOffset). */
async function summaryIn(tz: string): Promise<{ offset: number; sheets: Record<string, string> }> {
  const env = { ...process.env, TZ: tz };
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(Date.UTC(2024, 5, 15)).getTimezoneOffset()))'], {
    env,
    encoding: 'utf8',
  });
  const out = path.join(dir, `汇总-${tz.replace('/', '-')}.xlsx`);
  const r = spawnSync(process.execPath, [BIN, 'summary', path.join(dir, 'books'), '-o', out, '--threads', '2'], { env, encoding: 'utf8' });
  expect({ tz, code: r.status, stderr: r.stderr }).toEqual({ tz, code: 1, stderr: '' });
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const sheets: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) sheets[name] = await zip.file(name)!.async('string');
  return { offset: Number(probe.stdout), sheets };
}

test('every sheet is the same in New York and in Shanghai, and its times are the wall clock written', async () => {
  const newYork = await summaryIn('America/New_York');
  const shanghai = await summaryIn('Asia/Shanghai');
  // The zones were in force: EDT, 4 hours behind UTC; China, 8 ahead.
  expect([newYork.offset, shanghai.offset]).toEqual([240, -480]);
  expect(Object.keys(newYork.sheets)).toHaveLength(10);
  expect(newYork.sheets).toEqual(shanghai.sheets);
  // 试卷明细 (sheet4): the first paper's first session, 2024-06-15 08:30 — 45,457 days after 1899-12-30 and 8.5 hours — a number, not text.
  expect(newYork.sheets['xl/worksheets/sheet4.xml']).toMatch(new RegExp(`<c r="E2" s="\\d+"><v>${45458 + 8.5 / 24}</v></c>`));
});
