/**
 * The built WPS add-in (dist/wps/) driven in chromium against the independent
 * fake of the ET object model (test/wps/independent-fake.ts, written from
 * PLATFORM.md and VBA alone), on a held-out faulty workbook made here
 * (test/wps/independent-book.ts: its own defects, one form moved to D4, the
 * person's own fills and comments — a white fill among them — on finding cells
 * and others). For each way WPS builds are known to differ (Value2 shape,
 * property vs method, what "nothing" is, CreateTaskPane's spelling):
 * the pane's findings are the CLI's, a click selects exactly that cell, 标记
 * changes only the finding cells' fill and comment, 清除标记 puts back exactly
 * the prior fill and comment — also after the workbook is saved and reopened.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { MARK_COLORS } from '../../src/io/office-marks';
import { DIST, ROOT, ensureBuilt } from '../addin/build';
import { ARTIFACTS, SKIP, requireChromium, serveAndLaunch, type ServedBrowser } from './chromium';
import { Decoration, bookFromXlsx, cellAt, cliFindings, decorate, differences, heldOutWorkbook } from '../wps/independent-book';
import type { BookJson, EtProfile, FakeLog } from '../wps/independent-fake-model';

const maybe = SKIP ? describe.skip : describe;
const WPS = path.join(DIST, 'wps');
const MOVED = '出入库记录';
const MARK_SHEET_PREFIX = '试卷保密助手';
const LIST_SHEET = '问题清单';
const MARKED = '已标记 3 个单元格。';
/** This object model has no PageSetup: the list is written, and the pane says its print settings are to be set by hand. */
const LISTED = `${MARKED}全部问题列在最后一张工作表“${LIST_SHEET}”，可打印。这个版本的 WPS 没有接受问题清单的部分打印设置：打印前请在“页面设置”里设为 A4 横向、调整为一页宽，并把第 2 行设为顶端标题行。`;

const PROFILES: Array<[string, EtProfile]> = [
  [
    'VBA shapes, properties',
    { value2: 'vba', members: 'property', nothing: 'null', emptyCell: 'undefined', taskPane: 'CreateTaskPane', numberFormat: 'vba', surface: 'full' },
  ],
  [
    '1-D single row, methods',
    { value2: 'row1d', members: 'method', nothing: 'undefined', emptyCell: 'null', taskPane: 'CreateTaskpane', numberFormat: 'vba', surface: 'full' },
  ],
  [
    'always 2-D, mixed members',
    { value2: 'always2d', members: 'mixed', nothing: 'null', emptyCell: 'empty-string', taskPane: 'CreateTaskPane', numberFormat: 'vba', surface: 'full' },
  ],
  [
    '1-D single row and column, properties',
    {
      value2: 'line1d',
      members: 'property',
      nothing: 'undefined',
      emptyCell: 'empty-string',
      taskPane: 'CreateTaskPane',
      numberFormat: 'vba',
      surface: 'full',
    },
  ],
  [
    "only the documented members, every cell's NumberFormat, methods",
    { value2: 'row1d', members: 'method', nothing: 'null', emptyCell: 'undefined', taskPane: 'CreateTaskPane', numberFormat: 'grid', surface: 'documented' },
  ],
];

/** Members the fake leaves out that the adapter reads only to keep them as they were or to pick a spelling. */
const TOLERATED = new Set([
  'Worksheets.Add',
  'Workbook.Date1904',
  'Interior.PatternColor',
  'Application.CreateTaskpane',
  'Application.CreateTaskPane',
  'Range.Address',
  // The list of findings' look and print setup, each left out where the build lacks it; Delete, probed before a list is written.
  'Range.Font',
  'Range.Borders',
  'Rows.AutoFit',
  'Worksheet.PageSetup',
  'Worksheet.Delete',
  // The list's header frozen through the active window, where the build has one.
  'Application.ActiveWindow',
]);

/** The fake's three modules as one page script, with a require of their own: window.IndependentEt. */
function fakeScript(): string {
  const modules = ['independent-fake-model', 'independent-fake-range', 'independent-fake'].map((name) => {
    const source = fs.readFileSync(path.join(ROOT, 'test/wps', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
    return `defined['./${name}'] = (function () { var exports = {}; var module = { exports: exports };\n${outputText}\nreturn module.exports; })();`;
  });
  return `(function () { var defined = {}; function require(name) { return defined[name]; }\n${modules.join('\n')}\nwindow.IndependentEt = defined['./independent-fake']; })();`;
}

/** "#FFC7CE" → BGR, computed here rather than taken from the adapter. */
function bgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | (n >> 16);
}

type Tuple = [string, string, string, string, string, string];
const tupleOf = (f: Record<string, unknown>): Tuple => [
  String(f.rule),
  String(f.sheet ?? ''),
  String(f.cell ?? ''),
  f.row === null || f.row === undefined ? '' : String(f.row),
  String(f.severity),
  String(f.message),
];

maybe('the built WPS pane over an independently written ET fake, on a held-out workbook', () => {
  let browser: Browser | undefined;
  let session: ServedBrowser | undefined;
  let origin = '';
  let book: BookJson;
  let expected: Tuple[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireChromium();
    ensureBuilt();
    const { dir, file } = await heldOutWorkbook(MOVED);
    const found = await cliFindings(file);
    const at = (sheet: string): string => String(found.find((f) => f.sheet === sheet)?.cell);
    // The person's own marks: a yellow fill and a comment, a white fill, a comment alone — on finding cells; others elsewhere.
    const decorations: Decoration[] = [
      { sheet: MOVED, cell: at(MOVED), argb: 'FFFFFF00', comment: '原有批注：请复核还卷时间' },
      { sheet: '分发登记1', cell: at('分发登记1'), argb: 'FFFFFFFF' },
      { sheet: '值班记录1', cell: at('值班记录1'), comment: '交班时补签' },
      { sheet: MOVED, cell: 'D4', argb: 'FF92D050', comment: '表头已核' },
      { sheet: '基本信息', cell: 'B2', comment: '学期以通知为准' },
    ];
    const decorated = path.join(dir, '岳麓考点-另有误（有批注）.xlsx');
    await decorate(file, decorations, decorated);
    expected = (await cliFindings(decorated)).map(tupleOf);
    book = await bookFromXlsx(decorated);
    session = await serveAndLaunch(WPS);
    ({ browser, origin } = session);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
  });

  async function open(state: BookJson, profile: EtProfile, page = 'taskpane.html'): Promise<Page> {
    const p = await browser!.newPage({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    await p.addInitScript({
      content: `${fakeScript()}\nwindow.__fake = new window.IndependentEt.IndependentEtApplication(${JSON.stringify(state)}, ${JSON.stringify(profile)});\nwindow.Application = window.__fake.api;`,
    });
    await p.goto(`${origin}/${page}`);
    return p;
  }

  const snapshot = (p: Page): Promise<BookJson> => p.evaluate(() => (window as unknown as { __fake: { snapshot(): BookJson } }).__fake.snapshot());
  const log = (p: Page): Promise<FakeLog> =>
    p.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __fake: { log: FakeLog } }).__fake.log)) as FakeLog);
  /** The user's sheets: the marks record and the list of findings left out. */
  const visibleOnly = (b: BookJson): BookJson => ({ ...b, sheets: b.sheets.filter((s) => !s.name.startsWith(MARK_SHEET_PREFIX) && s.name !== LIST_SHEET) });

  /** Clicks a pane button and waits for its work to end; the status line it left. */
  async function run(p: Page, button: string): Promise<string> {
    await p.click(button);
    await p.waitForFunction(() => !document.body.classList.contains('busy'), undefined, { timeout: 30_000 });
    return (await p.textContent('#status')) ?? '';
  }

  async function shownFindings(p: Page): Promise<Tuple[]> {
    return p.$$eval('button.finding', (buttons) =>
      buttons.map((b) => {
        const d = (b as HTMLElement).dataset;
        return [d.rule, d.sheet, d.cell, d.row, d.severity, b.querySelector('.message')?.textContent ?? ''] as [string, string, string, string, string, string];
      }),
    );
  }

  test('the held-out workbook: findings on a moved sheet, a white-filled cell and a commented one', () => {
    expect(expected.map(([rule, sheet, , row]) => [rule, sheet, row])).toEqual([
      ['time-order', MOVED, '2'],
      ['required-field', '分发登记1', '2'],
      ['required-field', '值班记录1', '2'],
    ]);
    // The moved form's finding points into the moved cells, past the empty rows and columns above and left of D4.
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(expected[0][2])!;
    expect(Number(row)).toBeGreaterThan(3);
    expect(col > 'C' || col.length > 1).toBe(true);
    expect(cellAt(book, MOVED, expected[0][2])).toMatchObject({ fill: bgr('#FFFF00'), comment: '原有批注：请复核还卷时间' });
    expect(cellAt(book, '分发登记1', expected[1][2])?.fill).toBe(bgr('#FFFFFF'));
    expect(book.sheets.find((s) => s.name === MOVED)!.cells['1,1']).toBeUndefined();
  });

  test.each(PROFILES)(
    '%s: findings as the CLI, a click selects the cell, marks change only the finding cells, clear puts back exactly',
    async (_name, profile) => {
      const before = book;
      const page = await open(before, profile);
      await page.waitForSelector('body[data-ready="true"][data-face="wps"]');
      expect(await run(page, '#validate-btn')).toBe('完成：3 个错误，0 个警告');
      expect(await shownFindings(page)).toEqual(expected);

      for (const [, sheet, cell] of expected) {
        await page.click(`button.finding[data-sheet="${sheet}"][data-cell="${cell}"]`);
        await page.waitForFunction(
          ([s, c]) => {
            const sel = (window as unknown as { __fake: { log: FakeLog } }).__fake.log.selections;
            return sel.length > 0 && sel[sel.length - 1].sheet === s && sel[sel.length - 1].address.replace(/\$/g, '') === c;
          },
          [sheet, cell],
          { timeout: 10_000 },
        );
      }

      // A build that cannot delete a sheet writes no list: 清除标记 could not take it away.
      expect(await run(page, '#mark-btn')).toBe(profile.surface === 'full' ? LISTED : MARKED);
      const marked = await snapshot(page);
      const list = marked.sheets.find((s) => s.name === LIST_SHEET);
      expect(list && [list.cells['1,1']?.v, list.cells['3,3']?.v, list.cells['5,3']?.v]).toEqual(
        profile.surface === 'full' ? [expect.stringMatching(/^试卷保密助手检查发现的问题：错误 3 处/), MOVED, '值班记录1'] : undefined,
      );
      const changed = differences(before, visibleOnly(marked));
      const severityOf = new Map(expected.map(([, sheet, cell, , severity]) => [`${sheet}!${cell}`, severity]));
      expect(changed.map((d) => d.replace(/ (fill|comment):.*/, ' $1')).sort()).toEqual(
        [...severityOf.keys()].flatMap((k) => [`${k} comment`, `${k} fill`]).sort(),
      );
      for (const [, sheet, cell, , severity, message] of expected) {
        const now = cellAt(marked, sheet, cell)!;
        expect(now.fill).toBe(bgr(MARK_COLORS[severity as keyof typeof MARK_COLORS]));
        expect(now.comment).toContain(message);
        const prior = cellAt(before, sheet, cell)?.comment;
        if (prior) expect(now.comment!.startsWith(prior)).toBe(true);
      }

      // Nothing the adapter asked for failed; it reached only for members the fake models or that it probes tolerantly.
      const first = await log(page);
      expect(first.errors).toEqual([]);
      expect(first.unknownMembers.filter((m) => !TOLERATED.has(m))).toEqual([]);

      // Saved, closed and opened again: a fresh object model over what the file kept.
      await page.close();
      const reopened = await open(marked, profile);
      await reopened.waitForSelector('body[data-ready="true"]');
      expect(await run(reopened, '#clear-btn')).toBe('已恢复 3 个单元格原来的格式和批注。');
      const cleared = await snapshot(reopened);
      expect(differences(before, visibleOnly(cleared))).toEqual([]);
      // The record of prior states is gone; a build that cannot delete a sheet keeps it very hidden and empty.
      const records = cleared.sheets.filter((s) => s.name.startsWith(MARK_SHEET_PREFIX));
      if (profile.surface === 'full') expect(records).toEqual([]);
      else expect(records.map((r) => [r.visible, Object.values(r.cells).filter((c) => c.v !== undefined)])).toEqual([[2, []]]);
      const record = await log(reopened);
      expect(record.errors).toEqual([]);
      await reopened.close();
    },
    180_000,
  );

  test('mark, mark again, clear without reopening: back exactly; live check after an edit', async () => {
    const page = await open(book, PROFILES[1][1]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await run(page, '#validate-btn')).toBe('完成：3 个错误，0 个警告');
    expect(await run(page, '#mark-btn')).toBe(LISTED);
    expect(await run(page, '#validate-btn')).toBe('完成：3 个错误，0 个警告');
    expect(await run(page, '#mark-btn')).toBe(LISTED);
    expect(await run(page, '#clear-btn')).toBe('已恢复 3 个单元格原来的格式和批注。');
    expect(differences(book, await snapshot(page))).toEqual([]);
    // Someone signs the shift off: SheetChange, and the finding goes on its own.
    await page.evaluate(() => (window as unknown as { __fake: { edit(s: string, a: string, v: string): void } }).__fake.edit('值班记录1', 'D10', '陈静'));
    await page.waitForFunction(() => document.querySelectorAll('button.finding').length === 2, undefined, { timeout: 10_000 });
    expect((await shownFindings(page)).map((f) => f[1])).toEqual([MOVED, '分发登记1']);
    await page.close();
  }, 120_000);

  test('the entry page: synchronous ribbon callbacks open the pane', async () => {
    for (const [, profile] of PROFILES.slice(0, 2)) {
      const page = await open(book, profile, 'index.html');
      const kinds = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return ['OnAddinLoad', 'OnAction', 'GetImage'].map((n) => typeof w[n]);
      });
      expect(kinds).toEqual(['function', 'function', 'function']);
      const result = await page.evaluate(() => {
        const w = window as unknown as { OnAddinLoad(x: unknown): unknown; OnAction(c: { Id: string }): unknown; __fake: { panes: unknown[] } };
        const loaded = w.OnAddinLoad({});
        const acted = w.OnAction({ Id: 'btnOpenPane' });
        w.OnAction({ Id: 'btnValidate' });
        return {
          loaded,
          acted,
          panes: JSON.parse(JSON.stringify(w.__fake.panes)) as Array<{ url: string; Visible: boolean; DockPosition: number }>,
          storage: [...(w.__fake as unknown as { storage: Map<string, string> }).storage.entries()],
        };
      });
      expect(result.loaded).toBe(true);
      expect(result.acted).toBe(true);
      expect(result.panes).toHaveLength(1);
      expect(result.panes[0]).toMatchObject({ url: `${origin}/taskpane.html`, Visible: true, DockPosition: 2 });
      await page.close();

      // The pane WPS opened shares PluginStorage with the entry page: 校验 left there runs in the pane, once.
      const pane = await open(book, profile);
      await pane.waitForSelector('body[data-ready="true"]');
      await pane.evaluate((entries) => {
        const fake = (window as unknown as { __fake: { storage: Map<string, string> } }).__fake;
        for (const [k, v] of entries) fake.storage.set(k, v);
      }, result.storage);
      await pane.waitForFunction(() => document.querySelectorAll('button.finding').length === 3, undefined, { timeout: 10_000 });
      expect(await shownFindings(pane)).toEqual(expected);
      await pane.close();
    }
  });

  afterAll(() => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    expect(pageErrors).toEqual([]);
  });
});
