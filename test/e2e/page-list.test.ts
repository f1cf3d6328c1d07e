/**
 * The browser face's list of files in chromium, as review 14b used it (the page served on localhost; the offline page
 * is the same code): a folder dragged onto the drop zone (D2) is read as `custody validate` reads the folder, a
 * folder with no workbook gets one line; a file taken out with its × from the keyboard, then 全部清除 (D5), the list,
 * the status line and the 汇总 tab following; an unreadable file's alert said once (O4); in forced colours only the
 * selected tab underlined (D7).
 *
 * Needs /usr/bin/chromium; without it this test FAILS unless CUSTODY_SKIP_E2E=1.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { validateFiles } from '../../src/cli/validate';
import { DIST, ensureBuilt } from '../addin/build';
import { SKIP, faultyWorkbooks, requireChromium, screenshot, serveAndLaunch, tallyOf, type ServedBrowser } from './chromium';
import { scratchDir } from '../scratch';

let browser: Browser | undefined;
let session: ServedBrowser | undefined;
let origin = '';
let folder = '';
let empty = '';

const maybe = SKIP ? describe.skip : describe;

maybe('the list of files in chromium (review 14b)', () => {
  beforeAll(async () => {
    requireChromium();
    ensureBuilt();
    const { site, branch } = await faultyWorkbooks();
    // 长沙分校's folder: its own workbook, a 考点's in a subfolder, a note beside them (no workbook: not read).
    const dir = scratchDir('custody-e2e-folder-');
    folder = path.join(dir, '长沙分校');
    fs.mkdirSync(path.join(folder, '考点'), { recursive: true });
    fs.copyFileSync(branch, path.join(folder, path.basename(branch)));
    fs.copyFileSync(site, path.join(folder, '考点', path.basename(site)));
    fs.writeFileSync(path.join(folder, '说明.txt'), '收齐后汇总');
    empty = path.join(dir, '空文件夹');
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, '说明.txt'), '这里没有工作簿');
    session = await serveAndLaunch(DIST);
    ({ browser, origin } = session);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
  });

  async function openPane(): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"][data-host="browser"]');
    return page;
  }

  /** Drags paths onto the drop zone as the file manager does (chromium's own drag, by the DevTools protocol). */
  async function drag(page: Page, files: string[]): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    const box = (await (await page.$('#drop-zone'))!.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', { type, x, y, data: { items: [], files, dragOperationsMask: 1 } });
    }
  }

  const idle = (page: Page) => page.waitForFunction(() => !document.body.classList.contains('busy') && document.getElementById('progress')!.hidden);

  test('a folder dropped: its workbooks and its subfolder’s read, as `custody validate` reads the folder; one taken out by keyboard, then all', async () => {
    const page = await openPane();
    await drag(page, [folder]);
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 2);
    await idle(page);
    const report = await validateFiles([folder], { lang: 'zh' });
    expect(await page.$$eval('section.site h3', (n) => n.map((h) => h.textContent))).toEqual(report.files.map((f) => path.basename(f.file)));
    expect(await page.textContent('#status')).toBe(tallyOf(report));
    expect(await page.$$eval('section.site.unreadable', (n) => n.length)).toBe(0);
    await screenshot(page, 'page-list-folder-400.png');

    // A folder with no workbook in it: one line, nothing listed.
    await drag(page, [empty]);
    await page.waitForFunction(() => /空文件夹/.test(document.getElementById('status')!.textContent ?? ''));
    await idle(page);
    expect(await page.textContent('#status')).toBe('没有从文件夹“空文件夹”里读到工作簿：请打开这个文件夹，选中其中的工作簿，再拖到这里或点“选择工作簿…”选择。');
    expect(await page.$$eval('section.site', (n) => n.length)).toBe(2);

    // The first file's ×, reached by the keyboard: its name, then Enter.
    const first = path.basename(report.files[0].file);
    const second = report.files[1];
    const remove = page.locator(`[data-remove="${first}"]`);
    expect(await remove.getAttribute('aria-label')).toBe(`移除 ${first}`);
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 1);
    await idle(page);
    const alone = await validateFiles([second.file], { lang: 'zh' });
    expect(await page.textContent('#status')).toBe(`已移除 ${first}。${tallyOf(alone)}`);
    // The keyboard goes on at the next file's ×.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.remove)).toBe(path.basename(second.file));
    await page.click('#tab-summary');
    expect(await page.textContent('#download-consolidated')).toBe('下载合并汇总（1 个工作簿）');
    await page.waitForSelector('.summary-site');
    expect(await page.$$eval('.summary-site .file-name', (n) => n.map((h) => h.textContent))).toEqual([path.basename(second.file)]);
    await page.click('#tab-check');

    await page.click('#clear-all');
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 0);
    await idle(page);
    expect(await page.textContent('#status')).toBe('已移除 ' + path.basename(second.file) + '。');
    await page.context().close();
  });

  test('an unreadable file’s alert is said once, not again at each redraw; in forced colours only the selected tab is underlined', async () => {
    const page = await openPane();
    await page.setInputFiles('#file-input', [{ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') }]);
    await page.waitForSelector('section.site.unreadable');
    await idle(page);
    expect(await page.$$eval('.site-error[role="alert"]', (n) => n.length)).toBe(1);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && /^Could not read/.test(document.getElementById('status')!.textContent ?? ''));
    await idle(page);
    expect(await page.textContent('.site-error')).toBe(
      'Not an .xlsx workbook (the file is not in Excel format); check that it is the right file, or save it as .xlsx in Excel or WPS and check again',
    );
    expect(await page.$$eval('.site-error[role="alert"]', (n) => n.length)).toBe(0);
    expect(await page.getAttribute('[data-remove="notes.xlsx"]', 'aria-label')).toBe('Remove notes.xlsx');
    expect(await page.textContent('#clear-all')).toBe('Clear all');

    await page.emulateMedia({ forcedColors: 'active' });
    const underline = () =>
      page.$$eval('[role="tab"]', (tabs) => tabs.map((t) => [t.getAttribute('aria-selected'), getComputedStyle(t).borderBottomColor] as const));
    const tabs = await underline();
    const selected = tabs.filter(([s]) => s === 'true').map(([, c]) => c);
    const others = tabs.filter(([s]) => s !== 'true').map(([, c]) => c);
    const canvas = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'Canvas';
      document.body.append(probe);
      return getComputedStyle(probe).color;
    });
    expect(selected).toHaveLength(1);
    expect(others.every((c) => c === canvas)).toBe(true);
    expect(selected[0]).not.toBe(canvas);
    await page.context().close();
  });
});
