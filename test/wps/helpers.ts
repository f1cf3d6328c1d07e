/**
 * An .xlsx as WPS would hold it, for the fake ET: values as Value2 gives them
 * (dates as serials, formula errors as CVErr numbers, rich text as text), the
 * number formats, fills as BGR, struck fonts, notes as comments, merges; styled blank cells
 * are kept so that the used range reaches past the data, as in WPS.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { isFindingsListTitle } from '../../src/model/finding';
import { MARKS_SHEET } from '../../src/io/wps/marks';
import { FakeBookState, FakeCell, FakeSheetState, Interior, NO_FILL, nearestIndex } from './fake-et';

export const ROOT = path.join(__dirname, '..', '..');

const CVERR: Record<string, number> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
};

function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

function value2(v: unknown): FakeCell['v'] | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return serial(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if (typeof o.error === 'string') return -2146828288 + (CVERR[o.error] ?? 2015);
    if ('hyperlink' in o) return String(o.text);
  }
  return String(v);
}

/** ARGB "FFRRGGBB" → BGR integer, as Interior.Color holds it. */
export function bgr(argb: string): number {
  const rgb = parseInt(argb.slice(-6), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

function interior(fill: ExcelJS.Fill | undefined): Interior | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none' || !fill.fgColor?.argb) return undefined;
  const color = bgr(fill.fgColor.argb);
  return { color, colorIndex: nearestIndex(color), pattern: fill.pattern === 'solid' ? 1 : 17, patternColor: 0 };
}

function sheetState(ws: ExcelJS.Worksheet): FakeSheetState {
  const cells: Record<string, FakeCell> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const slave = cell.isMerged && cell.master !== cell;
      const out: FakeCell = {};
      const raw = cell.value as unknown;
      if (!slave && raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
        const f = raw as { formula?: string; result?: unknown };
        // A shared formula's other cell: its own formula, the master's moved (cell.formula), as ET's Range.Formula gives it.
        out.f = f.formula ?? (cell.formula || undefined);
        const v = value2(f.result);
        if (v !== undefined) out.v = v;
      } else if (!slave) {
        const v = value2(raw);
        if (v !== undefined) out.v = v;
      }
      if (cell.numFmt) out.fmt = cell.numFmt;
      const fill = interior(cell.fill);
      if (fill) out.fill = fill;
      if (cell.font?.strike) out.strike = true;
      if (cell.note) out.note = typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
      const styled = cell.style && Object.keys(cell.style).length > 0;
      if (Object.keys(out).length > 0 || styled) cells[cell.address] = out;
    });
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => void (row.hidden && hiddenRows.push(n)));
  const hiddenCols: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c);
  // Worksheet.Visible as ET gives it: xlSheetHidden 0, xlSheetVeryHidden 2.
  const visible = ws.state === 'veryHidden' ? 2 : ws.state === 'hidden' ? 0 : undefined;
  return {
    name: ws.name,
    cells,
    merges,
    ...(visible !== undefined ? { visible } : {}),
    ...(hiddenRows.length ? { hiddenRows } : {}),
    ...(hiddenCols.length ? { hiddenCols } : {}),
  };
}

export async function fakeBookFromXlsx(bytes: Buffer | Uint8Array, name = '工作簿.xlsx'): Promise<FakeBookState> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { name, sheets: wb.worksheets.map(sheetState) };
}

export function fixture(name: string): SiteData {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8')) as SiteData;
}

export async function fixtureBytes(name: string): Promise<Buffer> {
  return fillWorkbook(fixture(name));
}

export function templateFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'templates'))
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
}

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures'))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

const GREEN = { color: 0x50b000, colorIndex: nearestIndex(0x50b000), pattern: 1, patternColor: 0 };
const GRAY25 = { color: 0x00ffff, colorIndex: nearestIndex(0x00ffff), pattern: 17, patternColor: 0x0000ff };

/** The marking tests' workbook: a 附件3-like log with fills of its own (solid, patterned), comments, a merge; 基本信息. */
export function marksBook(): FakeBookState {
  return {
    sheets: [
      {
        name: '附件3 出入库',
        cells: {
          A1: { v: '保密室试卷出入库记录表' },
          A5: { v: '1' },
          B5: { v: 1001, fill: { ...GREEN } },
          C5: { v: '高等数学', fill: { ...GRAY25 } },
          D5: { v: 3, note: '原有批注：请核对' },
          E5: { v: '李强' },
          Z9: { note: '不相干的批注' },
        },
        merges: ['A1:E1'],
      },
      {
        name: '基本信息',
        cells: { A1: { v: '学期', fill: { color: 0xf7ebdd, colorIndex: nearestIndex(0xf7ebdd), pattern: 1, patternColor: 0 } }, B1: { v: '2024春' } },
        merges: [],
      },
    ],
  };
}

/** A cell's state, no fill recorded and none set alike, key order aside. */
function cellState(cell: FakeCell): Record<string, unknown> {
  const norm: Record<string, unknown> = { ...cell, fill: cell.fill ?? NO_FILL };
  return Object.fromEntries(
    Object.keys(norm)
      .sort()
      .map((k) => [k, norm[k]]),
  );
}

/** Every cell of the user's sheets: the marks record and the list of findings (its A1 the list's title) left out. */
export function userCells(state: FakeBookState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of state.sheets) {
    if (s.name === MARKS_SHEET || isFindingsListTitle(s.cells.A1?.v)) continue;
    for (const [ref, cell] of Object.entries(s.cells)) out[`${s.name}!${ref}`] = cellState(cell);
  }
  return out;
}

/** The cells whose state differs, "sheet!A1", sorted; a cell not there and a blank one alike. */
export function changed(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const blank = { fill: NO_FILL };
  return [...keys].filter((k) => JSON.stringify(before[k] ?? blank) !== JSON.stringify(after[k] ?? blank)).sort();
}

/** The whole workbook as saved: every sheet in order with all it holds, its cells as userCells compares them (blank ones dropped). */
export function bookState(state: FakeBookState): unknown {
  const blank = JSON.stringify({ fill: NO_FILL });
  return state.sheets.map((s) => ({
    ...s,
    visible: s.visible ?? -1,
    cells: Object.fromEntries(
      Object.entries(s.cells)
        .map(([ref, cell]) => [ref, cellState(cell)] as const)
        .filter(([, cell]) => JSON.stringify(cell) !== blank)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  }));
}

/** The list of findings marking MARKED_FINDINGS writes (io/wps/list.ts): its title, headers and rows. */
export const LIST_TITLE = '试卷保密助手检查发现的问题：错误 5 处，警告 3 处（粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）';
export const LIST_HEADERS = ['序', '严重程度', '工作表', '单元格', '序号/\n班次/\n栏目', '问题', '说明及改法'];
/** MARKED_FINDINGS listed: every finding in its order, the one of no cell and the one on a sheet that is gone too (as in Excel: office-list.test.ts). */
export const LIST_ROWS = [
  [LIST_TITLE, '', '', '', '', '', ''],
  LIST_HEADERS,
  [1, '错误', '附件3 出入库', 'B5', '序号 1', '试卷号有误', 'unknown-paper 的说明'],
  [2, '警告', '附件3 出入库', 'C5', '序号 1', '试卷名称前后不一', 'paper-name-mismatch 的说明'],
  [3, '错误', '附件3 出入库', 'D5', '序号 1', '数量不是整数', 'invalid-count 的说明'],
  [4, '警告', '附件3 出入库', 'D5', '序号 1', '出库超过入库', 'overdraw 的说明'],
  [5, '警告', '附件3 出入库', 'E5', '序号 1', '签字人不在名单上', 'staff-not-on-roster 的说明'],
  [6, '错误', '基本信息', 'B1', '序号 1', '必填项未填', 'required-field 的说明'],
  [7, '错误', '（整个工作簿）', '', '序号 1', '交接单两份不一致', 'handover-copies-disagree 的说明'],
  [8, '错误', '已删除的表', 'A1', '序号 1', '必填项未填', 'required-field 的说明'],
];

/**
 * A mark's frame as WPS's fake records it: each edge (Borders.Item 7–10) in `style` and `weight`, black — an error
 * 1/4 (continuous, thick), a warning -4115/-4138 (dashed, medium), for a black-and-white printer.
 */
export const markFrame = (style: number, weight: number) =>
  Object.fromEntries(
    [7, 8, 9, 10].flatMap((e) => [
      [`edge${e}.LineStyle`, style],
      [`edge${e}.Weight`, weight],
      [`edge${e}.Color`, 0],
    ]),
  );
