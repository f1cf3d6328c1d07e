/**
 * What the chromium end-to-end tests share: Debian's chromium (playwright-core,
 * no browser download), a static server for dist/ on localhost, the faulty
 * workbooks made by `custody fill`, and screenshots kept in test-artifacts/ and,
 * for the user guide, in docs/images/.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { Finding, RunReport } from '../../src/model/finding';
import { countFindings } from '../../src/summary/once-per-handover';
import type { Intake, SiteData } from '../../src/model/types';
import { ROOT } from '../addin/build';
import { scratchDir } from '../scratch';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SKIP = process.env.CUSTODY_SKIP_E2E === '1';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const DOC_IMAGES = path.join(ROOT, 'docs', 'images');
/**
 * The guide's pictures are written only when asked (`npm run docs:images`): written by every run, a screenshot taken
 * at another moment under load (the progress bar further on) changed docs/images while the guide's test, in the same
 * run, compared the built page with it — a red CI from a busy machine, and a checkout changed by running its tests.
 */
const WRITE_DOC_IMAGES = process.env.CUSTODY_DOC_IMAGES === '1';

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `E2E: chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium; .ci/run does) ` +
        'or set CHROMIUM_PATH; set CUSTODY_SKIP_E2E=1 only to skip these tests on purpose.',
    );
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (WRITE_DOC_IMAGES) fs.mkdirSync(DOC_IMAGES, { recursive: true });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A tiny static server for dir, on localhost only. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A folder served on localhost and chromium started: what each end-to-end suite opens before its tests and closes after. */
export interface ServedBrowser {
  browser: Browser;
  /** "http://127.0.0.1:PORT" of the server. */
  origin: string;
  close(): Promise<void>;
}

export async function serveAndLaunch(dir: string): Promise<ServedBrowser> {
  const server = await serve(dir);
  const stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  let browser: Browser;
  try {
    browser = await launch();
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    browser,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await browser.close();
      await stopServer();
    },
  };
}

async function fill(data: SiteData, dir: string, name: string): Promise<string> {
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(json, JSON.stringify(data));
  const out = path.join(dir, `${name}.xlsx`);
  const io = memoryIO();
  const code = await main(['node', 'custody', 'fill', json, '-o', out], io);
  if (code !== 0) throw new Error(`custody fill ${name}: ${io.stderr}`);
  return out;
}

/** The pane's tally of the validator's report: its errors and warnings, and what a summary counts when that differs. */
export function tallyOf(report: RunReport): string {
  const findings = report.files.flatMap((f) => f.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const summaryErrors = report.files.reduce((n, f) => n + countFindings(f.findings).errors, 0);
  const folded = summaryErrors < errors ? `（两份不一致的交接单每张计 1 个，汇总中计 ${summaryErrors.toLocaleString('en-US')} 个错误）` : '';
  return `完成：${errors.toLocaleString('en-US')} 个错误，${(findings.length - errors).toLocaleString('en-US')} 个警告${folded}`;
}

export const fixtureData = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8')) as SiteData;

/**
 * The 考点's workbook with a planted defect (the intake list's 合计 for 31-copy
 * bags says 9 where the rows add up to 2) and the 分校's, whose copy of the same
 * handover disagrees (4 bags, not 3) and has one sender only.
 */
export async function faultyWorkbooks(): Promise<{ dir: string; site: string; branch: string }> {
  const dir = scratchDir('custody-e2e-');
  const data = fixtureData('kaodian.json');
  (data.intake as Intake).totals!.bags31 = 9;
  const site = await fill(data, dir, '岳麓考点-有误');
  const branchData = fixtureData('fenxiao.json');
  const out = branchData.handovers!.find((h) => h.to === '岳麓考点')!;
  out.items![0].quantity = 4;
  out.fromSigners = ['张伟'];
  const branch = await fill(branchData, dir, '长沙分校-有误');
  return { dir, site, branch };
}

/** The 岳麓考点 workbook as the fixture has it: nothing to find in it. */
export async function cleanWorkbook(): Promise<string> {
  return fill(fixtureData('kaodian.json'), scratchDir('custody-e2e-clean-'), '岳麓考点');
}

/** The 岳麓考点 workbook whose vault log has `rows` rows holding only 试卷号 and 取卷时间: two findings a row (partial-row, not-returned). */
export async function halfFilledWorkbook(rows: number): Promise<string> {
  const dir = scratchDir('custody-e2e-many-');
  const data = fixtureData('kaodian.json');
  data.vaultLog = Array.from({ length: rows }, () => ({ paperNo: '1001', takenAt: '2024-06-15T07:45' }));
  return fill(data, dir, '岳麓考点-半填');
}

/** A screenshot for the record (test-artifacts/) and, when `docName` is given and asked (WRITE_DOC_IMAGES), for the user guide (docs/images/). */
export async function screenshot(page: Page, name: string, docName?: string): Promise<void> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  if (docName && WRITE_DOC_IMAGES) fs.copyFileSync(file, path.join(DOC_IMAGES, docName));
}

/** A finding by where it points (rule, sheet, cell): how the pane's list and the validator's are compared. */
export const findingKey = (f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string => `${f.rule}|${f.sheet ?? ''}|${f.cell ?? ''}`;

/** Text that is Chinese (CJK ideographs or full-width punctuation). */
export const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
