/**
 * The cell preview in chromium (review 19a D5, D6, D7): each case's workbook (test/addin/preview-cases.ts) opened in
 * the browser face, its finding clicked, the preview's table read whole — the cells as the sheet shows them (a time
 * typed into a 时分 cell “6:45”, not “1899-12-30 06:45”), hidden columns and rows left out and a thick line where they
 * are, a formula saved without its value said as one — and a screenshot kept in test-artifacts/.
 *
 * Needs /usr/bin/chromium; without it this test FAILS unless CUSTODY_SKIP_E2E=1.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { DIST, ensureBuilt } from '../addin/build';
import { EXPECTED_PREVIEW, type PreviewCase, previewCase } from '../addin/preview-cases';
import { SKIP, requireChromium, screenshot, serveAndLaunch, type ServedBrowser } from './chromium';
import { scratchDir } from '../scratch';

let browser: Browser | undefined;
let session: ServedBrowser | undefined;
let origin = '';
let dir = '';
const pageErrors: string[] = [];

const maybe = SKIP ? describe.skip : describe;

maybe('the cell preview in chromium (review 19a)', () => {
  beforeAll(async () => {
    requireChromium();
    ensureBuilt();
    dir = scratchDir('custody-e2e-preview-');
    session = await serveAndLaunch(DIST);
    ({ browser, origin } = session);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
  });

  /** The case's workbook opened in the page (language `lang`), its finding clicked: the page, the preview drawn. */
  async function clicked(name: PreviewCase, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
    const file = path.join(dir, `${name}.xlsx`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, await previewCase(name));
    const context = await browser!.newContext({ viewport: { width: 700, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"][data-host="browser"]');
    if (lang === 'en') await page.click('#lang-switch');
    await page.setInputFiles('#file-input', file);
    const want = EXPECTED_PREVIEW[name];
    const finding = `.finding[data-rule="${want.rule}"][data-sheet="${want.sheet}"][data-cell="${want.cell}"]`;
    await page.waitForSelector(finding);
    await page.click(finding);
    await page.waitForSelector('#preview:not([hidden]) #preview-target');
    return page;
  }

  const table = (page: Page) =>
    page.$$eval('#preview table.grid tr', (rows) => rows.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)));

  test.each(Object.keys(EXPECTED_PREVIEW) as PreviewCase[])('%s: the preview shows the cells as the sheet does', async (name) => {
    const page = await clicked(name);
    expect(await table(page)).toEqual(EXPECTED_PREVIEW[name].rows);
    expect(
      await page.$eval(
        '#preview-target',
        (td) =>
          td.closest('tr')!.cells[0].textContent + (td.closest('table') as HTMLTableElement).rows[0].cells[(td as HTMLTableCellElement).cellIndex].textContent,
      ),
    ).toMatch(new RegExp(`^${EXPECTED_PREVIEW[name].cell.replace(/^([A-Z]+)(\d+)$/, '$2(隐藏)?$1')}$`));
    await screenshot(page, `preview-${name}.png`);
    await page.context().close();
  });

  test('the gaps: a thick line and the hidden lines named on hover; a formula’s text on hover; English words', async () => {
    const col = await clicked('hidden-column');
    expect(
      await col.$$eval('#preview table.grid tr:first-child th.after-hidden', (ths) => ths.map((th) => [th.textContent, th.getAttribute('title')])),
    ).toEqual([['G', '这里有隐藏的列：F']]);
    expect(await col.$eval('#preview-target', (td) => td.className)).toBe('after-hidden target error');
    await col.context().close();

    const row = await clicked('hidden-row');
    expect(await row.$eval('#preview-target', (td) => [td.className, td.closest('tr')!.cells[0].textContent])).toEqual(['hidden-line target error', '5隐藏']);
    await row.context().close();

    const formula = await clicked('formula-not-saved', 'en');
    expect(await formula.$eval('#preview-target', (td) => [td.textContent, td.getAttribute('title'), td.className])).toEqual([
      '(formula, result not saved)',
      '=VLOOKUP(B4,考试安排!A:D,3,FALSE)-1/24',
      'formula target warning',
    ]);
    await screenshot(formula, 'preview-formula-not-saved-en.png');
    await formula.context().close();
    expect(pageErrors).toEqual([]);
  });
});
