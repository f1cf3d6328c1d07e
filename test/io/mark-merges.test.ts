/**
 * A mark on a merged cell frames the whole merged area (src/check/mark-outline.ts): Excel and WPS draw a merged
 * area's outline from the cells on its edges, so the frame given to its first cell alone printed round a third of
 * 附件1's 日期 box. Both ways of making the copy (the package patched, exceljs) give the outline's cells the mark's
 * look; the note stays on the finding's cell, and nothing else changes.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { markedCopy, markedThroughExceljs } from '../../src/io/xlsx/mark';
import type { Finding } from '../../src/model/finding';
import { fixture, loadBuffer } from '../helpers';

const finding = (cell: string, severity: 'error' | 'warning'): Finding =>
  ({ rule: 'required-field', severity, form: 1, sheet: '交接单', cell, row: null, message: `${cell} 有误`, clause: '' }) as Finding;

interface CellState {
  value: unknown;
  style: Record<string, unknown>;
  note: string;
}

const noteText = (note: ExcelJS.Cell['note']): string => (typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join(''));

function states(ws: ExcelJS.Worksheet): Map<string, CellState> {
  const out = new Map<string, CellState>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, { value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: noteText(cell.note) });
    }),
  );
  return out;
}

function look(severity: 'error' | 'warning'): unknown {
  const line = { style: severity === 'error' ? 'thick' : 'mediumDashed' };
  return {
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: severity === 'error' ? 'FFFFC7CE' : 'FFFFEB9C' } },
    border: { left: line, right: line, top: line, bottom: line },
  };
}

const withoutMark = ({ fill: _fill, border: _border, ...style }: Record<string, unknown>) => style;

describe.each([
  ['patched in place', markedCopy],
  ['through exceljs', markedThroughExceljs],
])('a mark on a merged cell, %s', (_way, mark) => {
  test('frames every cell on the merged area’s outline (日期 C3:E3, 接收人签字 D20:E20), the note on the finding’s cell alone', async () => {
    const bytes = new Uint8Array(await fillWorkbook(fixture('kaodian.json')));
    const before = await loadBuffer(bytes);
    const copy = await mark(bytes, [finding('C3', 'error'), finding('D20', 'warning')]);
    expect(copy.marked).toBe(2);
    const after = await loadBuffer(copy.bytes);
    expect(before.getWorksheet('交接单')!.model.merges).toEqual(expect.arrayContaining(['C3:E3', 'D20:E20']));
    const was = states(before.getWorksheet('交接单')!);
    const now = states(after.getWorksheet('交接单')!);
    const changed = [...now].filter(([address, state]) => JSON.stringify(state) !== JSON.stringify(was.get(address))).map(([address]) => address);
    expect(changed).toEqual(['C3', 'D3', 'E3', 'D20', 'E20']);
    const severity: Record<string, 'error' | 'warning'> = { C3: 'error', D3: 'error', E3: 'error', D20: 'warning', E20: 'warning' };
    for (const address of changed) {
      const { fill, border, ...rest } = now.get(address)!.style;
      expect({ address, look: { fill, border } }).toEqual({ address, look: look(severity[address]) });
      // Value, font, alignment and number format as they were.
      expect({ address, value: now.get(address)!.value, rest }).toEqual({
        address,
        value: was.get(address)!.value,
        rest: withoutMark(was.get(address)!.style),
      });
    }
    expect(changed.filter((address) => now.get(address)!.note !== '')).toEqual(['C3', 'D20']);
  });

  test('two marks in one merged area: the outline takes the worse; a cell off any merge is framed alone', async () => {
    const bytes = new Uint8Array(await fillWorkbook(fixture('kaodian.json')));
    const before = states((await loadBuffer(bytes)).getWorksheet('交接单')!);
    // E3 inside 日期's area as a warning, C3 its first cell as an error; D8 a count in the items' table (no merge).
    const copy = await mark(bytes, [finding('E3', 'warning'), finding('C3', 'error'), finding('D8', 'warning')]);
    const now = states((await loadBuffer(copy.bytes)).getWorksheet('交接单')!);
    const changed = [...now].filter(([address, state]) => JSON.stringify(state) !== JSON.stringify(before.get(address)));
    expect(changed.map(([address, state]) => [address, (state.style.border as { top: { style: string } }).top.style])).toEqual([
      ['C3', 'thick'],
      ['D3', 'thick'],
      ['E3', 'mediumDashed'],
      ['D8', 'mediumDashed'],
    ]);
  });
});
