/**
 * The pane's Excel side: inserting the committed templates
 * (insertWorksheetsFromBase64, checked with office-addin-mock), and the Office
 * host end to end on a fake workbook — check, select, mark, clear, write 汇总.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import { OfficeMockObject } from 'office-addin-mock';
import * as path from 'path';
import { insertTemplate } from '../../src/io/office-forms';
import { MARKS_SETTING, selectCell } from '../../src/io/office-marks';
import { SUMMARY_SHEET } from '../../src/io/office-summary';
import type { TemplateInfo } from '../../src/taskpane/host';
import { FakeContext, FakeState, asExcel, installExcelEnums } from './fake-excel';
import { ROOT, exceljsGrid, fakeSheetsFromGrid, fixture, workbookBytes } from './helpers';
import type { Intake } from '../../src/model/types';

installExcelEnums();

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose package
// entry pulls an ES module Jest cannot require; give it the enum's own file.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

const TEMPLATES = path.join(ROOT, 'templates');

async function templates(): Promise<TemplateInfo[]> {
  const out: TemplateInfo[] = [];
  for (const file of fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.xlsx'))) {
    const buffer = fs.readFileSync(path.join(TEMPLATES, file));
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
    out.push({ file, name: file.replace(/\.xlsx$/, ''), sheets, base64: buffer.toString('base64') });
  }
  return out;
}

describe('insertTemplate (office-addin-mock)', () => {
  test('inserts the template at the end, then activates its first sheet: 2 syncs', async () => {
    const all = await templates();
    const handover = all.find((t) => t.file.startsWith('附件1'))!;
    const insert = jest.fn((_base64: string, _options: unknown) => ({ value: ['{id-1}'] }));
    const activate = jest.fn();
    const created: OfficeMockObject[] = [];
    const getItem = jest.fn((id: string) => {
      const ws = new OfficeMockObject({ name: id === '{id-1}' ? '附件1 交接单' : '?', activate });
      created.push(ws);
      return ws;
    });
    let syncs = 0;
    const context = new OfficeMockObject({
      workbook: { insertWorksheetsFromBase64: insert, worksheets: { getItem } },
      sync: async () => {
        syncs++;
        for (const ws of created) await ws.sync();
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    const result = await insertTemplate(context as unknown as Excel.RequestContext, handover.base64);
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert.mock.calls[0][0]).toBe(fs.readFileSync(path.join(TEMPLATES, handover.file)).toString('base64'));
    expect(insert.mock.calls[0][1]).toEqual({ positionType: 'End' });
    expect(getItem).toHaveBeenCalledWith('{id-1}');
    expect(activate).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ ids: ['{id-1}'], names: ['附件1 交接单'], syncs: 2 });
    expect(syncs).toBe(2);
  });

  test('the committed templates carry no comments, charts or pivot tables (Excel on the web refuses those)', async () => {
    for (const t of await templates()) {
      const zip = await JSZip.loadAsync(Buffer.from(t.base64, 'base64'));
      const parts = Object.keys(zip.files);
      expect(parts.filter((p) => /comments|charts\/|pivot|slicer|threadedComments/i.test(p))).toEqual([]);
    }
  });
});

describe('the Office host', () => {
  let state: FakeState;
  let runs = 0;

  async function host(opts: { notes?: boolean; insert?: boolean; print?: boolean; platform?: string } = {}) {
    // Office.context is a plain namespace, not a proxy that needs load/sync: office-addin-mock's
    // no-load mode (the one it uses for Outlook) models that.
    (globalThis as unknown as { Office: unknown }).Office = new OfficeMockObject(
      {
        context: {
          requirements: {
            isSetSupported: (_name: string, version: string) => {
              if (version === '1.18') return opts.notes ?? true;
              if (version === '1.13') return opts.insert ?? true;
              if (version === '1.9') return opts.print ?? true;
              return true;
            },
          },
          platform: opts.platform ?? 'PC',
        },
        PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
        HostType: { Excel: 'Excel' },
      },
      'outlook' as never,
    );
    (globalThis as unknown as { Excel: Record<string, unknown> }).Excel.run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => {
      runs++;
      return batch(asExcel(new FakeContext(state)));
    };
    const { officeHost } = await import('../../src/taskpane/office-face');
    return officeHost();
  }

  beforeEach(async () => {
    const data = fixture();
    // A planted defect: the intake 合计 no longer adds up.
    (data.intake as Intake).totals!.bags31 = 9;
    const grid = await exceljsGrid(await workbookBytes(data));
    const all = await templates();
    state = {
      sheets: fakeSheetsFromGrid(grid),
      settings: new Map(),
      inserted: [],
      sheetsOf: (b64) => all.find((t) => t.base64 === b64)?.sheets ?? ['Sheet1'],
    };
    runs = 0;
  });

  test('表单: inserting the whole site workbook adds its 8 sheets, renamed where names clash', async () => {
    const h = await host();
    const whole = (await templates()).find((t) => t.sheets.length > 1)!;
    const before = state.sheets.length;
    const message = await h.useTemplate(whole, 'zh');
    expect(state.inserted).toEqual([whole.base64]);
    expect(state.sheets.length).toBe(before + whole.sheets.length);
    expect(message).toMatch(/^已插入：/);
    expect(state.active).toBe(state.sheets[before].name);
  });

  test('表单: without ExcelApi 1.13 it says so instead of failing', async () => {
    const h = await host({ insert: false });
    const message = await h.useTemplate((await templates())[0], 'zh');
    expect(message).toContain('ExcelApi 1.13');
    expect(state.inserted).toEqual([]);
  });

  test('校验, select, 标记, 清除标记, 汇总', async () => {
    const h = await host();
    const before = JSON.stringify(state.sheets.map((s) => [s.name, [...s.fills], [...s.notes]]));
    const [site] = await h.check('zh');
    expect(site.error).toBeUndefined();
    expect(site.model).toBeDefined();
    const total = site.findings.find((f) => f.rule === 'column-total');
    expect(total).toBeDefined();
    expect([total!.sheet, total!.cell, total!.row]).toEqual(['入库清单', 'D14', null]);

    expect(await h.select(site, total!, 'zh')).toBeUndefined();
    expect(state.selected).toBe(`${total!.sheet}!${total!.cell}`);

    const marked = await h.mark!(site, 'zh');
    expect(marked).toMatch(/^已标记 \d+ 个单元格/);
    const sheet = state.sheets.find((s) => s.name === total!.sheet)!;
    expect(sheet.fills.get(total!.cell!)?.color).toBe('#FFC7CE');
    expect(sheet.notes.get(total!.cell!)).toBe(`【试卷保密助手】\n错误 合计行不符：${total!.message}`);
    expect(state.settings.has(MARKS_SETTING)).toBe(true);
    // Every finding listed on the last sheet, set up to print; checking again reads it as no form and finds the same.
    const list = state.sheets[state.sheets.length - 1];
    expect([list.name, list.rows.length, list.print?.titleRows]).toEqual(['问题清单', site.findings.length + 2, '$2:$2']);
    expect(marked).toContain('全部问题列在最后一张工作表“问题清单”，可打印。');
    const [rechecked] = await h.check('zh');
    expect(rechecked.model!.sheets.find((s) => s.sheet === '问题清单')?.form).toBeNull();
    expect(rechecked.findings).toEqual(site.findings);

    const cleared = await h.clearMarks!('zh');
    expect(cleared).toMatch(/^已恢复/);
    expect(JSON.stringify(state.sheets.map((s) => [s.name, [...s.fills], [...s.notes]]))).toBe(before);

    // More cells than are marked: the message says how many are left, and where to see them.
    const many = Array.from({ length: 5003 }, (_, i) => ({ ...total!, cell: `K${i + 1}` }));
    expect(await h.mark!({ ...site, findings: many }, 'zh')).toBe(
      '已标记 5,000 个单元格。有问题的单元格太多，只标记了前 5,000 个，另有 3 个没有标记：请在列表中查看。全部问题列在最后一张工作表“问题清单”，可打印。',
    );
    expect(await h.mark!({ ...site, findings: many }, 'en')).toBe(
      'Marked 5,000 cells. Too many cells to mark: the first 5,000 are marked, 3 more are not; see them in the list. Every finding is listed on the last sheet, “Findings”, ready to print.',
    );
    await h.clearMarks!('zh');
    expect(JSON.stringify(state.sheets.map((s) => [s.name, [...s.fills], [...s.notes]]))).toBe(before);

    const { summarizeSite } = await import('../../src/summary/site');
    const summary = summarizeSite(site.model!, site.findings);
    await h.writeSummary(site, summary, 'zh');
    await h.writeSummary(site, summary, 'zh');
    const sheets = state.sheets.filter((s) => s.name === SUMMARY_SHEET);
    expect(sheets).toHaveLength(1);
    expect(String(sheets[0].rows[0][0])).toContain('岳麓考点');
    expect(sheets[0].rows[3]).toContain('份数');
    expect(sheets[0].rows.some((r) => r[0] === '1001')).toBe(true);
    // 首场开考 (C) is a date (6月15日 08:30 and 10:30, 6月16日 08:30) in the format that shows it so, on every paper’s row and the 合计 row.
    const paperRows = sheets[0].rows.map((r, i) => [i, r] as const).filter(([, r]) => /^\d{4}$/.test(String(r[0])));
    expect(paperRows.map(([, r]) => r[2])).toEqual([45458 + 8.5 / 24, 45458 + 10.5 / 24, 45459 + 8.5 / 24]);
    // The 合计 row's “3 场” is text, written as text.
    const formatted = [...paperRows.map(([i]) => i), paperRows[paperRows.length - 1][0] + 1].map((i) => sheets[0].formats?.get(`C${i + 1}`));
    expect(formatted).toEqual([...Array(paperRows.length).fill('yyyy"年"m"月"d"日" hh:mm'), '@']);
    expect(sheets[0].charts).toHaveLength(1);
    expect(sheets[0].charts[0].series).toHaveLength(2);
    expect(state.active).toBe(SUMMARY_SHEET);

    // The 汇总 sheet is not mistaken for a form: checking again finds the same.
    const [again] = await h.check('zh');
    expect(again.model!.sheets.find((s) => s.sheet === SUMMARY_SHEET)?.form).toBeNull();
    expect(again.findings.map((x) => `${x.rule}|${x.sheet}|${x.cell}`)).toEqual(site.findings.map((x) => `${x.rule}|${x.sheet}|${x.cell}`));
    expect(again.model!.data).toEqual(site.model!.data);
  });

  test('review 20a D2: 写入汇总 keeps texts as texts — 试卷号 “1001” and 分发考场 “01” are no numbers; every cell holds what was written', async () => {
    const h = await host();
    const [site] = await h.check('zh');
    const { summarizeSite } = await import('../../src/summary/site');
    const { summarySheetValues, summaryTable } = await import('../../src/taskpane/summary-table');
    const summary = summarizeSite(site.model!, site.findings);
    await h.writeSummary(site, summary, 'zh');
    const sheet = state.sheets.find((s) => s.name === SUMMARY_SHEET)!;
    // 试卷号 (A) and 分发考场 (P) of the three papers' rows (5–7): text, formatted as text, as the CLI's workbook holds them.
    expect([4, 5, 6].map((r) => [sheet.rows[r][0], sheet.formats?.get(`A${r + 1}`), sheet.rows[r][15], sheet.formats?.get(`P${r + 1}`)])).toEqual([
      ['1001', '@', '01、02', '@'],
      ['2045', '@', '01', '@'],
      ['3310', '@', '01', '@'],
    ]);
    // Nothing else changed on the way: each cell holds the value written, a number a number (份数 I5: 62, a count grouped
    // by thousands as on every face since round 22's count columns: #,##0).
    const values = summarySheetValues(summaryTable(summary, 'zh'));
    expect(values.map((row, r) => row.map((_, c) => sheet.rows[r]?.[c] ?? ''))).toEqual(values);
    expect([sheet.rows[4][8], sheet.formats?.get('I5')]).toEqual([62, '#,##0']);
  });

  test('without the notes API marks still colour the cells', async () => {
    const h = await host({ notes: false });
    const [site] = await h.check('en');
    const message = await h.mark!(site, 'en');
    expect(message).toContain('ExcelApi 1.18');
    expect(state.sheets.every((s) => s.notes.size === 0)).toBe(true);
  });

  test('before ExcelApi 1.9 the list of findings is written without print setup', async () => {
    const h = await host({ print: false });
    const [site] = await h.check('zh');
    expect(await h.mark!(site, 'zh')).toBe(
      `已标记 ${site.findings.length} 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。此版本 Excel 不支持页面设置接口（ExcelApi 1.9），打印问题清单前请在“页面布局”里设为横向、调整为一页宽。`,
    );
    const list = state.sheets[state.sheets.length - 1];
    expect([list.name, list.rows.length, list.print]).toEqual(['问题清单', site.findings.length + 2, undefined]);
  });

  test('a finding on a hidden sheet: the status line says the sheet is hidden and how to show it; nothing moves', async () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'review6', 'xlsx', 'v-hidden-draft-sheet.xlsx'));
    state.sheets = fakeSheetsFromGrid(await exceljsGrid(bytes));
    state.active = '基本信息';
    const h = await host();
    const [site] = await h.check('zh');
    const hidden = site.findings.find((f) => f.rule === 'hidden-sheet')!;
    expect([hidden.sheet, hidden.cell]).toEqual(['出入库记录（草稿）', 'A1']);
    expect(await h.select(site, hidden, 'zh')).toBe(
      '工作表“出入库记录（草稿）”是隐藏的，跳不到 A1：请右键单击任一工作表标签 → 取消隐藏，选“出入库记录（草稿）”，再点这一条。',
    );
    expect([state.active, state.selected]).toEqual(['基本信息', undefined]);
    state.sheets.find((s) => s.name === '出入库记录（草稿）')!.visibility = 'VeryHidden';
    expect(await h.select(site, hidden, 'en')).toBe(
      'Sheet “出入库记录（草稿）” is very hidden, so A1 cannot be shown, and Unhide (right-click a sheet tab) does not list it: ask IT to set its Visible property to -1 - xlSheetVisible in the VBA editor (Alt+F11), or delete the sheet.',
    );
    // Shown again (the officer unhid it): the cell is selected, nothing said.
    delete state.sheets.find((s) => s.name === '出入库记录（草稿）')!.visibility;
    expect(await h.select(site, hidden, 'zh')).toBeUndefined();
    expect([state.active, state.selected]).toEqual(['出入库记录（草稿）', '出入库记录（草稿）!A1']);
  });

  test('Excel on the web reads with the 5 MB budget; every action is one Excel.run', async () => {
    const h = await host({ platform: 'OfficeOnline' });
    await h.check('zh');
    expect(runs).toBe(1);
  });
});

describe('selectCell on a hidden sheet (office-addin-mock)', () => {
  /** A context whose sheet has `visibility`; `refuse`: activating a hidden sheet fails the sync, as Office.js does. */
  function mockContext(visibility: string, refuse: boolean) {
    const calls: string[] = [];
    let syncs = 0;
    const sheets: OfficeMockObject[] = [];
    const getItem = (name: string) => {
      const ws = new OfficeMockObject({
        name,
        visibility,
        activate: () => calls.push(`activate ${name}`),
        getRange: (cell: string) => ({ select: () => calls.push(`select ${cell}`) }),
      });
      sheets.push(ws);
      return ws;
    };
    const context = new OfficeMockObject({
      workbook: { worksheets: { getItem } },
      sync: async () => {
        syncs++;
        const refused = refuse && visibility !== 'Visible' && calls.some((c) => c.startsWith('activate'));
        calls.length = 0;
        if (refused) throw new Error('InvalidOperation');
        for (const ws of sheets) await ws.sync();
      },
    });
    return { context: context as unknown as Excel.RequestContext, syncs: () => syncs };
  }

  test('a sheet shown: activated and selected in one sync, nothing to say', async () => {
    const { context, syncs } = mockContext('Visible', true);
    expect(await selectCell(context, '出入库记录', 'F8')).toBeUndefined();
    expect(syncs()).toBe(1);
  });

  test('Office.js refuses to activate it: one more sync reads its visibility, and the pane is told it is hidden', async () => {
    const hidden = mockContext('Hidden', true);
    expect(await selectCell(hidden.context, '出入库记录（草稿）', 'A1')).toBe('hidden');
    expect(hidden.syncs()).toBe(2);
    const veryHidden = mockContext('VeryHidden', true);
    expect(await selectCell(veryHidden.context, '出入库记录（草稿）', 'A1')).toBe('veryHidden');
  });

  test('a build that leaves it hidden without failing: the visibility read in the same sync tells it', async () => {
    const { context, syncs } = mockContext('Hidden', false);
    expect(await selectCell(context, '出入库记录（草稿）', 'A1')).toBe('hidden');
    expect(syncs()).toBe(1);
  });
});
