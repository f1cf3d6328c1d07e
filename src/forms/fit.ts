/**
 * Widths and heights chosen from the text, so that nothing a form holds is cut
 * off when printed: a cell that does not wrap (a time, a count, a date, a
 * short header) widens its column, as does what a cell must hold later (a
 * header field's longest date); a cell that wraps (a name, an opinion, a
 * title) makes its row as tall as its lines.
 */
import { parseRange } from '../model/grid';
import type { DraftCell, SheetDraft, TextLook } from './draft';
import { TEXT_LOOKS } from './draft';
import { CELL_PADDING, displayText, formText, lineHeight, linesHeight } from './measure';

const { textUnits, wrappedLines } = formText;

/** A header up to this wide stays on one line (its column widens; 卷库保管员出库签字 is 19): "31份装（袋）" must not break inside its brackets. */
const ONE_LINE_HEADER_UNITS = 20;
/** A row Excel leaves at its default height. */
const DEFAULT_ROW_HEIGHT = 15;

interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function spansOf(draft: SheetDraft): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const m of draft.merges) {
    const box = parseRange(m);
    if (box) spans.set(`${box.top},${box.left}`, box);
  }
  return spans;
}

function spanOf(spans: Map<string, Span>, cell: DraftCell): Span {
  return spans.get(`${cell.row},${cell.col}`) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function spanWidth(widths: number[], span: Span): number {
  return sum(widths.slice(span.left, span.right + 1));
}

function spanHeight(heights: Record<number, number>, span: Span): number {
  let h = 0;
  for (let r = span.top; r <= span.bottom; r++) h += heights[r] ?? DEFAULT_ROW_HEIGHT;
  return h;
}

interface FormatOver {
  box: Span;
  numFmt: string;
}

/** The cell's text as it prints: under its own number format, or the longest a format rule over it (a count's unit) may show. */
function printedText(cell: DraftCell, rules: readonly FormatOver[]): string {
  const text = displayText(cell.value, cell.numFmt);
  // The rules are number formats: a text or a date prints as it is.
  if (typeof cell.value !== 'number') return text;
  let widest = text;
  for (const { box, numFmt } of rules) {
    if (cell.row < box.top || cell.row > box.bottom || cell.col < box.left || cell.col > box.right) continue;
    const shown = displayText(cell.value, numFmt);
    if (textUnits(shown) > textUnits(widest)) widest = shown;
  }
  return widest;
}

interface Measured {
  cell: DraftCell;
  text: string;
  look: TextLook;
  span: Span;
}

/**
 * Widens a column for text that must stay on one line, and for what the cell must hold. A span over several columns
 * (a header line merged over a table's first columns: 附件4's unit name over 序号…考场号) gets what it lacks spread
 * over its columns: first to those whose text wraps (`wants`: what each lacks to put its longest text on one line),
 * then, past that, in proportion to their widths (review round 15b D3: all of it went to the last column, 考场号 a
 * quarter of the page holding “01” while 试卷名称 wrapped to four lines).
 */
function widen(draft: SheetDraft, { cell, text, look, span }: Measured, wants: number[] = []): void {
  const need = needOf(cell, text, look);
  const have = spanWidth(draft.widths, span);
  if (have >= need) return;
  if (span.left === span.right) {
    draft.widths[span.right] = round(draft.widths[span.right] + need - have);
    return;
  }
  const columns = Array.from({ length: span.right - span.left + 1 }, (_x, i) => span.left + i);
  let missing = need - have;
  const wanted = sum(columns.map((c) => wants[c] ?? 0));
  if (wanted > 0) {
    const share = Math.min(1, missing / wanted);
    for (const c of columns) {
      const given = (wants[c] ?? 0) * share;
      draft.widths[c] += given;
      // What one span gave, another over the same column does not give again.
      wants[c] = (wants[c] ?? 0) - given;
    }
    missing -= Math.min(missing, wanted);
  }
  if (missing > 0) for (const c of columns) draft.widths[c] += (missing * draft.widths[c]) / have;
  for (const c of columns) draft.widths[c] = round(draft.widths[c]);
}

/** The width a cell needs: its text on one line (a vertical text, a number, a short header, a cell that does not wrap), what it must hold. */
function needOf(cell: DraftCell, text: string, look: TextLook): number {
  if (look.vertical) return 2 * (look.size / 11) + CELL_PADDING;
  const units = textUnits(text, look.size, look.bold) + CELL_PADDING;
  // A number or a date never wraps: Excel shows ####, LibreOffice breaks it over two lines.
  const unbreakable = typeof cell.value === 'number' || cell.value instanceof Date;
  const keepOnOneLine = !look.wrap || unbreakable || (cell.style === 'header' && units <= ONE_LINE_HEADER_UNITS + CELL_PADDING);
  return Math.max(keepOnOneLine ? units : 0, cell.holds === undefined ? 0 : textUnits(cell.holds, look.size, look.bold) + CELL_PADDING);
}

/** What each column lacks to show its longest wrapping text (a single-column cell's) on one line. */
function wantsOf(draft: SheetDraft, texts: readonly Measured[]): number[] {
  const wants: number[] = [];
  for (const { text, look, span } of texts) {
    if (span.left !== span.right || !look.wrap || look.vertical || text === '') continue;
    const longest = Math.max(...text.split('\n').map((line) => textUnits(line, look.size, look.bold))) + CELL_PADDING;
    wants[span.left] = Math.max(wants[span.left] ?? 0, longest - draft.widths[span.left]);
  }
  return wants;
}

/** Widens columns for text that must stay on one line, then heightens rows for text that wraps. */
export function fitSheet(draft: SheetDraft): void {
  const spans = spansOf(draft);
  const rules = (draft.formatRules ?? []).flatMap((rule) => {
    const box = parseRange(rule.range);
    return box ? [{ box, numFmt: rule.numFmt }] : [];
  });
  const texts: Measured[] = draft.cells
    .map((cell) => ({ cell, text: printedText(cell, rules), look: TEXT_LOOKS[cell.style], span: spanOf(spans, cell) }))
    .filter((t) => t.text !== '' || t.cell.holds !== undefined);
  // Single columns first: a span over several columns is then widened only by what its columns still lack.
  for (const t of texts) if (t.span.left === t.span.right) widen(draft, t);
  const wants = wantsOf(draft, texts);
  for (const t of texts) if (t.span.left !== t.span.right) widen(draft, t, wants);
  for (const { text, look, span } of texts) {
    if (text === '') continue;
    let need: number;
    if (look.vertical) need = [...text.replace(/\s/g, '')].length * lineHeight(look.size) + 6;
    else if (look.wrap) need = linesHeight(wrappedLines(text, spanWidth(draft.widths, span), look.size, look.bold), look.size);
    else need = linesHeight(text.split('\n').length, look.size);
    const have = spanHeight(draft.heights, span);
    if (have < need) draft.heights[span.bottom] = round((draft.heights[span.bottom] ?? DEFAULT_ROW_HEIGHT) + need - have);
  }
}

const round = (n: number): number => Math.ceil(n * 4) / 4;
