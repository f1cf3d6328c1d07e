/**
 * A marked copy changes exactly the finding cells, in fill and note: every
 * other cell keeps its value and style, and every sheet keeps its merges,
 * widths and data validation. (exceljs shares one style object among cells of
 * the same look; a mark once coloured all of them.)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { markedCopy, openWorkbook } from '../../src/io/xlsx/browser';
import { markedCopy as markBytes, markedThroughExceljs } from '../../src/io/xlsx/mark';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { fixture, loadBuffer } from '../helpers';
import type { Intake } from '../../src/model/types';

interface CellState {
  value: unknown;
  style: unknown;
  note: unknown;
}

function sheetStates(ws: ExcelJS.Worksheet): Map<string, CellState> {
  const out = new Map<string, CellState>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, { value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: cell.note ?? null });
    }),
  );
  return out;
}

function sheetFrame(ws: ExcelJS.Worksheet): unknown {
  const validations = (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
  const widths = (ws.columns ?? []).map((c) => c.width);
  const heights: Array<number | undefined> = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (heights[n] = row.height));
  return { merges: [...(ws.model.merges ?? [])].sort(), widths, heights, validations, pageSetup: ws.pageSetup };
}

function withoutMark(state: CellState): CellState {
  const { fill: _fill, border: _border, ...style } = state.style as Record<string, unknown>;
  return { value: state.value, style, note: null };
}

/** A mark's look as exceljs reads it back: the severity's fill, and its frame all round (thick for an error, dashed for a warning). */
function markLook(severity: 'error' | 'warning'): unknown {
  const line = { style: severity === 'error' ? 'thick' : 'mediumDashed' };
  return {
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: severity === 'error' ? 'FFFFC7CE' : 'FFFFEB9C' } },
    border: { left: line, right: line, top: line, bottom: line },
  };
}

const mistaken = (): SiteData => {
  const data = fixture('kaodian.json');
  data.vaultLog![2].quantity = 3; // more bags out than in
  data.handovers![0].toSigners = ['李强']; // one receiver
  delete (data.intake as Intake).keeper; // a required field left empty
  return data;
};

test("a marked copy differs from its original in exactly the finding cells, in fill, frame and note; a marked sheet's footer names it", async () => {
  const bytes = new Uint8Array(await fillWorkbook(mistaken()));
  const opened = await openWorkbook('岳麓考点.xlsx', bytes);
  const findings: Finding[] = validateSite(readWorkbook(opened.grid));
  const flagged = new Set(findings.filter((f) => f.sheet && f.cell).map((f) => `${f.sheet}!${f.cell}`));
  expect(flagged.size).toBeGreaterThanOrEqual(3);
  const worst = new Map<string, 'error' | 'warning'>();
  for (const f of findings) if (f.sheet && f.cell && worst.get(`${f.sheet}!${f.cell}`) !== 'error') worst.set(`${f.sheet}!${f.cell}`, f.severity);

  // A finding cell that is a merged area's first cell frames its area's outline too (mark-merges.test.ts): no note there.
  // 交接单's 接收人签字 D20:E20 and 入库清单's 卷库保管员 value D18:H18.
  const outline = new Map([
    ['交接单!E20', '交接单!D20'],
    ...['E18', 'F18', 'G18', 'H18'].map((cell) => [`入库清单!${cell}`, '入库清单!D18'] as [string, string]),
  ]);
  for (const [cell, of] of outline) expect({ cell, of, flagged: flagged.has(of) }).toEqual({ cell, of, flagged: true });

  const original = await loadBuffer(bytes);
  const marked = await loadBuffer(await markedCopy(opened, findings));
  // The copy's last sheet: the list of its findings (mark-list.test.ts); the others the original's.
  expect(marked.worksheets.map((ws) => ws.name)).toEqual([...original.worksheets.map((ws) => ws.name), '问题清单']);
  const changed: string[] = [];
  for (const before of original.worksheets) {
    const after = marked.getWorksheet(before.name)!;
    expect({ sheet: before.name, frame: sheetFrame(after) }).toEqual({ sheet: before.name, frame: sheetFrame(before) });
    const was = sheetStates(before);
    const now = sheetStates(after);
    for (const [address, state] of now) {
      const old = was.get(address) ?? { value: null, style: {}, note: null };
      if (JSON.stringify(state) === JSON.stringify(old)) continue;
      changed.push(`${before.name}!${address}`);
      // A finding cell differs only by its fill, frame and note; its merged area's outline by fill and frame.
      expect({ cell: `${before.name}!${address}`, rest: withoutMark(state) }).toEqual({ cell: `${before.name}!${address}`, rest: withoutMark(old) });
      const { fill, border } = state.style as Record<string, unknown>;
      const at = `${before.name}!${address}`;
      expect({ cell: at, look: { fill, border } }).toEqual({ cell: at, look: markLook(worst.get(outline.get(at) ?? at)!) });
      if (outline.has(at)) expect({ cell: at, note: state.note }).toEqual({ cell: at, note: old.note });
      else expect(String(typeof state.note === 'string' ? state.note : JSON.stringify(state.note))).toContain('【试卷保密助手】');
    }
    for (const address of was.keys()) expect({ address, kept: now.has(address) }).toEqual({ address, kept: true });
    // The printed page says which sheet it is: the 问题清单 names cells by sheet, and a page shows no tab.
    const footer = [...flagged].some((c) => c.startsWith(`${before.name}!`)) ? `${before.name} · 第 &P 页，共 &N 页` : before.headerFooter?.oddFooter;
    expect({ sheet: before.name, footer: after.headerFooter?.oddFooter }).toEqual({ sheet: before.name, footer });
    expect(before.headerFooter?.oddFooter).toBe('第 &P 页，共 &N 页');
  }
  expect(changed.sort()).toEqual([...flagged, ...outline.keys()].sort());
});

test('a workbook whose bytes are a view into a larger buffer is marked from exactly those bytes', async () => {
  const bytes = new Uint8Array(await fillWorkbook(mistaken()));
  // As Node gives a small file: a Buffer that is a view into a shared pool, other bytes before and after it.
  const pool = Buffer.alloc(bytes.length + 200);
  pool.fill(0x50, 0, 100);
  pool.set(bytes, 100);
  pool.set(bytes.subarray(bytes.length - 100), 100 + bytes.length); // the end of another workbook: its zip directory
  const view = Buffer.from(pool.buffer, 100, bytes.length);
  const findings = validateSite(readWorkbook((await openWorkbook('岳麓考点.xlsx', bytes)).grid));
  const fromView = await loadBuffer((await markBytes(view, findings)).bytes);
  const fromCopy = await loadBuffer((await markBytes(bytes, findings)).bytes);
  expect(fromView.worksheets.map((ws) => [...sheetStates(ws)])).toEqual(fromCopy.worksheets.map((ws) => [...sheetStates(ws)]));
  expect([...pool.subarray(100, 100 + bytes.length)]).toEqual([...bytes]);
});

/** Each sheet part's conditional formats: range, formula and the number format its <dxf> gives, as the file states them. */
async function conditionalFormats(bytes: Uint8Array): Promise<Record<string, Array<{ sqref: string; formula: string; numFmt: string }>>> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const dxfs = [...(/<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map(
    (m) => /formatCode="([^"]*)"/.exec(m[1])?.[1] ?? '',
  );
  const out: Record<string, Array<{ sqref: string; formula: string; numFmt: string }>> = {};
  for (const part of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await zip.file(part)!.async('string');
    for (const cf of xml.matchAll(/<conditionalFormatting sqref="([^"]*)">([\s\S]*?)<\/conditionalFormatting>/g)) {
      for (const rule of cf[2].matchAll(/<cfRule\b[^>]*dxfId="(\d+)"[^>]*><formula>([^<]*)<\/formula><\/cfRule>/g)) {
        (out[part] = out[part] ?? []).push({ sqref: cf[1], formula: rule[2], numFmt: dxfs[Number(rule[1])] });
      }
    }
  }
  return out;
}

test("a marked copy keeps the 数量's unit formats, patched in place or made through exceljs (which reads a <dxf>'s format as an object)", async () => {
  const bytes = new Uint8Array(await fillWorkbook(mistaken()));
  const findings = validateSite(readWorkbook((await openWorkbook('岳麓考点.xlsx', bytes)).grid));
  const original = await conditionalFormats(bytes);
  const units = (unitColumn: string, top: number, bottom: number, words: string[]) =>
    words.map((w) => ({ sqref: `D${top}:D${bottom}`, formula: `$${unitColumn}${top}=&quot;${w}&quot;`, numFmt: `0&quot;${w}&quot;` }));
  // 交接单 (sheet 4) with its nine rows, 出入库记录 (sheet 6) with the fixture's rows and the blank ones up to ten.
  expect(original).toEqual({
    'xl/worksheets/sheet4.xml': units('F', 8, 16, ['袋', '箱']),
    'xl/worksheets/sheet6.xml': units('K', 4, 13, ['袋', '份']),
  });
  expect(await conditionalFormats((await markBytes(bytes, findings)).bytes)).toEqual(original);
  expect(await conditionalFormats((await markedThroughExceljs(bytes, findings)).bytes)).toEqual(original);
});
