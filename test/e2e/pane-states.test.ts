/**
 * The pane's states in chromium, served on localhost as the browser face:
 * an unreadable file is an error with its one-line refusal (never "完成：0 个错误"),
 * the English switch leaves no Chinese but data, a clicked finding's preview is
 * in view, every control shows its keyboard focus and has a name of its own,
 * and reading happens in a Web Worker: the page answers while a large workbook
 * is read, and says which file of how many it is reading.
 *
 * Needs /usr/bin/chromium; without it this test FAILS unless CUSTODY_SKIP_E2E=1.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { largeSite } from '../../bench/validate';
import { fillWorkbook } from '../../src/cli/fill';
import { validateFiles } from '../../src/cli/validate';
import { ruleMeta } from '../../src/rules';
import { DIST, ensureBuilt } from '../addin/build';
import { SKIP, faultyWorkbooks, fixtureData, requireChromium, screenshot, serveAndLaunch, type ServedBrowser } from './chromium';

// The page's long tasks are timed on a 2-core host that the rest of the suite keeps busy (2–2.5 times the quiet
// figure in a full run, against a line at 0.6 s): a test that fails runs once more; a regression fails both runs.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let browser: Browser | undefined;
let session: ServedBrowser | undefined;
let origin = '';
let site = '';
let branch = '';
let formless = '';
let big = '';
const requests: string[] = [];
const consoleErrors: string[] = [];

const maybe = SKIP ? describe.skip : describe;

/**
 * Chinese text outside data: text and labels not inside an element marked translate="no" or
 * lang="zh…" (the language switch, file names, cells, the source's clause), once the data
 * strings (every string the workbooks hold: names, units, sheet names, file names) and what a
 * finding quotes from the form ("合计（袋）") are taken out.
 */
function chineseOutsideData(data: string[]): string[] {
  const exempt = (node: Element | null): boolean => {
    for (let e = node; e && e !== document.documentElement; e = e.parentElement) {
      if (e.getAttribute('translate') === 'no' || /^zh/.test(e.getAttribute('lang') ?? '')) return true;
    }
    return false;
  };
  const withoutData = (s: string) => data.reduce((text, d) => text.split(d).join(''), s.replace(/"[^"]*"|“[^”]*”/g, ''));
  const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('script, style')) continue;
    if (!exempt(n.parentElement) && cjk.test(withoutData(n.textContent ?? ''))) found.push(`text: ${n.textContent}`);
  }
  for (const e of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    if (exempt(e)) continue;
    for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
      const v = e.getAttribute(a);
      if (v && cjk.test(withoutData(v))) found.push(`${a}: ${v}`);
    }
  }
  if (cjk.test(document.title)) found.push(`title: ${document.title}`);
  return found;
}

/** Every string a value holds (the site data of a fixture). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsOf(v, out));
  return out;
}

maybe('the pane’s states in chromium', () => {
  beforeAll(async () => {
    requireChromium();
    ensureBuilt();
    ({ site, branch } = await faultyWorkbooks());
    const dir = path.dirname(site);
    // A workbook that opens but holds none of the forms.
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
    formless = path.join(dir, '签到表.xlsx');
    await other.xlsx.writeFile(formless);
    // A large 考点 workbook: 2,000 papers, 20,000 vault-log rows.
    big = path.join(dir, '大考点.xlsx');
    fs.writeFileSync(big, await fillWorkbook(largeSite(2000)));

    session = await serveAndLaunch(DIST);
    ({ browser, origin } = session);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
  });

  async function openPane(viewport = { width: 460, height: 900 }): Promise<Page> {
    const context = await browser!.newContext({ acceptDownloads: true, viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }

  const notXlsx = { name: 'notes.xlsx', mimeType: XLSX, buffer: Buffer.from('not a workbook') };
  const payload = (file: string) => ({ name: path.basename(file), mimeType: XLSX, buffer: fs.readFileSync(file) });

  test('a file that cannot be read is an error with its refusal, never "完成：0 个错误"', async () => {
    const page = await openPane();
    await page.setInputFiles('#file-input', [notXlsx]);
    await page.waitForSelector('section.site.unreadable');
    expect(await page.textContent('#status')).toBe(
      '无法读取 notes.xlsx：不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
    );
    expect(await page.getAttribute('#status', 'data-kind')).toBe('error');
    expect(await page.textContent('.site-error')).toBe(
      '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
    );

    // A workbook with none of the forms: refused in the reader's words; with a readable one beside it, both told.
    await page.setInputFiles('#file-input', [formless, site]);
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 3);
    const report = await validateFiles([site], { lang: 'zh' });
    const errors = report.files[0].findings.filter((f) => f.severity === 'error').length;
    const warnings = report.files[0].findings.length - errors;
    expect(await page.textContent('#status')).toBe(
      `无法读取 notes.xlsx：不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查（另有 1 个文件不是试卷保密表单）；完成：${errors.toLocaleString('en-US')} 个错误，${warnings.toLocaleString('en-US')} 个警告`,
    );
    expect(await page.getAttribute('#status', 'data-kind')).toBe('error');
    expect(await page.$$eval('section.site.unreadable .site-error', (n) => n.map((x) => x.textContent))).toEqual([
      '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
      '不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件',
    ]);
    await screenshot(page, 'pane-unreadable.png', 'pane-unreadable.png');
    // 合并汇总's button: the workbook with no form on its own, not among 无法读取 (as `custody summary` says it).
    await page.click('#tab-summary');
    await page.waitForSelector('#download-consolidated');
    expect(await page.textContent('#download-consolidated')).toBe('下载合并汇总（3 个工作簿，其中 1 个无法读取，1 个不是试卷保密表单）');
    await page.context().close();
  });

  test('in English nothing Chinese is left but data, on every tab, in every state', async () => {
    const sheets = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((w) => w.name);
    };
    const data = [
      ...stringsOf([fixtureData('kaodian.json'), fixtureData('fenxiao.json')]),
      ...(await sheets(site)),
      ...(await sheets(branch)),
      ...[site, branch, formless].map((f) => path.basename(f)),
      // The guide's file name, as IT hands it out (the footer names the file to open).
      '使用说明.html',
    ]
      .filter((d) => d.trim().length > 0)
      .sort((a, b) => b.length - a.length);
    const page = await openPane();
    await page.click('#lang-switch');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.waitForFunction(() => document.querySelector('.template-name')?.textContent?.startsWith('Whole site workbook'));
    expect(await page.evaluate(chineseOutsideData, data)).toEqual([]);
    await page.setInputFiles('#file-input', [payload(site), payload(branch), payload(formless), notXlsx]);
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 4 && document.body.dataset.ready === 'true');
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    expect(await page.textContent('#status')).toMatch(
      /^签到表\.xlsx: not a custody workbook: none of the custody forms .* \(1 more file could not be read\); Done: [\d,]+ errors?, [\d,]+ warnings?( \(a handover slip whose two copies disagree counts once in a summary: [\d,]+ errors? there\))?$/,
    );
    expect(await page.$$eval('section.site.unreadable .site-error', (n) => n.map((x) => x.textContent))).toEqual([
      'not a custody workbook: none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file',
      'Not an .xlsx workbook (the file is not in Excel format); check that it is the right file, or save it as .xlsx in Excel or WPS and check again',
    ]);
    await page.click('.finding[data-rule="column-total"]');
    await page.waitForSelector('#preview:not([hidden])');
    expect(await page.evaluate(chineseOutsideData, data)).toEqual([]);
    await screenshot(page, 'pane-english.png', 'pane-english.png');
    for (const tab of ['#tab-forms', '#tab-summary']) {
      await page.click(tab);
      await page.waitForTimeout(50);
      expect({ tab, chinese: await page.evaluate(chineseOutsideData, data) }).toEqual({ tab, chinese: [] });
    }
    // 合并汇总's button (the 汇总 tab open): the workbook with no form on its own, not among the unreadable.
    expect(await page.textContent('#download-consolidated')).toBe(
      'Download the consolidated summary (4 workbooks, 1 of them unreadable, 1 not a custody workbook)',
    );
    expect(await page.textContent('#tab-forms')).toBe('Forms');
    expect(await page.$$eval('.template-name', (n) => n.map((x) => x.firstChild?.textContent))).toEqual([
      'Whole site workbook (8 sheets)',
      'Form 1 · paper handover slip',
      'Form 2 · vault intake list',
      'Form 3 · vault in/out log',
      'Form 4 · paper distribution register',
      'Form 5 · vault duty log',
    ]);
    await page.context().close();
  });

  test('a click on a finding brings its cell preview into view, under the finding', async () => {
    const page = await openPane({ width: 460, height: 640 });
    await page.setInputFiles('#file-input', [site, branch]);
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 2);
    const inView = (selector: string) =>
      page.$eval(selector, (e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 1; // +1: sub-pixel layout
      });
    const findings = await page.$$('.finding[data-cell]:not([data-cell=""])');
    expect(await Promise.all(findings.map((f) => f.getAttribute('data-cell')))).toMatchInlineSnapshot(`
     [
       "D8",
       "A20",
       "D14",
       "D8",
       "D17",
       "A20",
       "A20",
       "D4",
     ]
    `);
    for (const finding of [findings[findings.length - 1], findings[0], findings[Math.floor(findings.length / 2)]]) {
      await finding.scrollIntoViewIfNeeded();
      await finding.click();
      await page.waitForSelector('#preview:not([hidden]) #preview-target');
      // Right under the finding clicked, and both on screen.
      expect(await finding.evaluate((b) => b.nextElementSibling?.id)).toBe('preview');
      expect(await finding.getAttribute('aria-expanded')).toBe('true');
      expect(await inView('#preview')).toBe(true);
      expect(await finding.evaluate((b) => b.getBoundingClientRect().top >= 0)).toBe(true);
      expect(await page.textContent('#preview h4')).toBe(`单元格位置：${await finding.getAttribute('data-sheet')}!${await finding.getAttribute('data-cell')}`);
      // The rule by its title, and the source's clause once: it starts with 依据 or 参照 itself (never 依据：依据《…》).
      const meta = ruleMeta((await finding.getAttribute('data-rule'))!)!;
      expect(await page.textContent('#preview .preview-message')).toBe(`${meta.title.zh}：${await finding.$eval('.message', (n) => n.textContent)}`);
      expect(await page.textContent('#preview .preview-clause')).toBe(meta.clause);
      expect(meta.clause).toMatch(/^(依据|参照)《/);
    }
    await findings[0].scrollIntoViewIfNeeded();
    await findings[0].click();
    await screenshot(page, 'pane-findings.png', 'pane-findings.png');
    await page.context().close();
  });

  test('every control shows its keyboard focus and has a name of its own', async () => {
    const page = await openPane();
    await page.setInputFiles('#file-input', [site, branch]);
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 2);
    // Chromium's own accessibility tree: the role and name a screen reader gets for the focused control.
    const cdp = await page.context().newCDPSession(page);
    const focusedName = async (): Promise<string> => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
      return `${nodes[0].role?.value} "${nodes[0].name?.value ?? ''}"`;
    };
    for (const tab of ['check', 'summary', 'forms']) {
      await page.evaluate((name) => (document.querySelector(`[data-tab="${name}"]`) as HTMLElement).click(), tab);
      await page.waitForTimeout(50);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // Every control the keyboard can reach on this tab, numbered; then Tab round them all once.
      const controls = await page.$$eval('button, input, summary, a[href], [tabindex]', (nodes) => {
        const reachable = nodes.filter((n) => (n as HTMLElement).tabIndex >= 0 && (n as HTMLElement).offsetParent !== null);
        reachable.forEach((n, i) => n.setAttribute('data-e2e-control', String(i)));
        return reachable.map((n) => n.outerHTML.slice(0, 100));
      });
      const seen: Array<{ control: string; name: string; outline: string }> = [];
      for (let i = 0; i < controls.length + 2 && seen.length < controls.length; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          // The file input is hidden behind its label, which shows the focus instead.
          const shown = e instanceof HTMLInputElement && e.type === 'file' ? e.labels![0] : e;
          const style = getComputedStyle(shown);
          return { control: e.dataset.e2eControl ?? e.outerHTML.slice(0, 100), outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        if (focus.control.startsWith('<body')) continue; // past the last control, before the first
        seen.push({ ...focus, name: await focusedName() });
      }
      // (Tab starts where the last focus was, so the round may begin anywhere: compared as sets.)
      expect({ tab, reached: seen.map((s) => controls[Number(s.control)] ?? s.control).sort() }).toEqual({ tab, reached: [...controls].sort() });
      expect({ tab, controls: controls.length >= { check: 10, summary: 5, forms: 8 }[tab]! }).toEqual({ tab, controls: true });
      for (const s of seen) expect({ tab, ...s }).toEqual({ tab, control: s.control, name: expect.stringMatching(/^\w+ "\S.*"$/), outline: 'solid 2px' });
      const names = seen.map((s) => s.name);
      expect({ tab, repeated: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ tab, repeated: [] });
    }
    await page.context().close();
  });

  test('reads in a worker: the page answers while a large workbook is read, and shows which file of how many', async () => {
    const page = await openPane();
    await page.evaluate(() => {
      // The jobs the page gives its worker, in order.
      const jobs: string[] = [];
      (window as unknown as { workerJobs: string[] }).workerJobs = jobs;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: { kind: string }, transfer?: Transferable[]) {
        jobs.push(message.kind);
        (post as (m: unknown, t: Transferable[]) => void).call(this, message, transfer ?? []);
      } as Worker['postMessage'];
      const w = window as unknown as { progressSeen: string[]; longTasks: number[]; allLongTasks: number[] };
      w.progressSeen = [];
      w.longTasks = [];
      new MutationObserver(() => {
        const box = document.getElementById('progress')!;
        const text = document.getElementById('progress-text')!.textContent ?? '';
        if (!box.hidden && w.progressSeen[w.progressSeen.length - 1] !== text) w.progressSeen.push(text);
      }).observe(document.getElementById('panel-check')!, { subtree: true, childList: true, characterData: true, attributes: true });
      w.allLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.allLongTasks.push(Math.round(e.duration));
        if (!document.getElementById('progress')!.hidden) for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    await page.setInputFiles('#file-input', [big, site, branch]);
    await page.waitForSelector('#progress:not([hidden])');
    expect(await page.textContent('#progress-text')).toBe('正在读取 1/3：大考点.xlsx');
    // While it is being read, a click is answered: the tab changes, the reading goes on.
    await page.click('#tab-forms');
    expect(await page.getAttribute('#tab-forms', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#panel-forms')).toBe(true);
    // The progress bar is on 校验; the status line, on every tab, still says what is being read.
    expect(await page.textContent('#status')).toBe('正在读取 1/3：大考点.xlsx');
    expect(await page.getAttribute('#progress', 'hidden')).toBeNull();
    await screenshot(page, 'pane-reading.png');
    await page.click('#tab-check');
    await screenshot(page, 'pane-progress.png', 'pane-progress.png');
    await page.waitForFunction(() => document.querySelectorAll('section.site').length === 3, undefined, { timeout: 240_000 });
    expect(await page.isVisible('#progress')).toBe(false);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen).toEqual(['正在读取 1/3：大考点.xlsx', '正在读取 2/3：岳麓考点-有误.xlsx', '正在读取 3/3：长沙分校-有误.xlsx']);
    // The page's thread was never held long while reading (exceljs on the page holds it for seconds).
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(longTasks.filter((ms) => ms > 1000)).toEqual([]);
    // Nor while they were checked: on their own, across the files and summed up, in the worker too. The checks across and the
    // summaries on the page held it 0.29 s quiet and 0.63–0.65 s in a full run on a busy host; what is left there (taking the
    // large grid across, drawing the findings) 0.14 s quiet.
    expect(await page.evaluate(() => (window as unknown as { workerJobs: string[] }).workerJobs)).toEqual(['read', 'read', 'read', 'check']);
    const allLongTasks = await page.evaluate(() => (window as unknown as { allLongTasks: number[] }).allLongTasks);
    expect(allLongTasks.filter((ms) => ms > 600)).toEqual([]);
    expect(requests.some((u) => u === `${origin}/read-worker.js`)).toBe(true);
    await page.context().close();
  }, 300_000);

  test('no request left the page origin, and nothing broke the CSP or fell back from the worker', () => {
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

// Reported as skipped, never as passed, when skipped on purpose.
if (SKIP) test.skip('pane states e2e (CUSTODY_SKIP_E2E=1: chromium tests not run)', () => undefined);
