/**
 * Widths of a table's columns of free text sized from what they hold (站点汇总's 单位, 级别, 说明 and 文件):
 * declared, a file's name wrapped onto two or three lines and an English level (“Exam site (考点)”
 * in 5) onto six, each row four times as tall as its figures (review round 3). Each such column is
 * widened towards its longest text on one line as far as the page allows (the table still prints one
 * page wide with its body at LEAST_PRINTED_PT or more), the room going where it saves the most lines;
 * never narrower than the longest Latin word in it (a word does not break) or its header's words.
 *
 * Pure: no exceljs, no Node.
 */
import { CELL_PADDING, textUnits } from '../forms/measure';
import { A4_LANDSCAPE_PX, BODY_PT, Column, LEAST_PRINTED_PT, columnPixels, lineUnits, widthFor, wrappedLines } from './columns';

/** The least width of a column sized from its texts: 级别's as declared, two Chinese characters and their padding. */
const LEAST_FITTED = 5;

/** The most pixels a table's columns may take and print one page wide with its body at LEAST_PRINTED_PT. */
const MOST_PX = Math.floor((A4_LANDSCAPE_PX * BODY_PT) / LEAST_PRINTED_PT);

/** How much more a line of a row's height weighs than a line of one cell (more than a row's cells can add up to). */
const HEIGHT_WEIGHT = 100;

/** Width units of a text on one line, its padding and a hair (a printer's font is not quite ours). */
const oneLine = (text: string): number => Math.ceil(textUnits(text) + CELL_PADDING + 0.5);

/**
 * Width units of the longest run of Latin letters in a text: Chinese breaks anywhere, a Latin word only at its
 * ends and after a hyphen (Excel, LibreOffice and WPS all break w-pingjiang-kaodian.xlsx there; taken whole,
 * a file's name kept 文件 so wide that 单位 wrapped as 湖南分/部).
 */
const longestWord = (text: string): number => Math.max(0, ...(text.match(/[\x21-\x2c\x2e-\x7e]+-*|-+/g) ?? []).map((w) => oneLine(w)));

/**
 * A name of up to this many characters is printed whole on one line (站点汇总's 分校 and 单位); a longer one wraps. Eight:
 * a 分校's or a 考点's name as people write it (长沙分校, 长沙县一中考点) — at six, 分校 and 单位 gave way whenever the
 * page was short and broke even a four-character name (长沙/分校, review 22b after its fixes).
 */
export const NAME_WHOLE = 8;

/**
 * The width a column of names needs for each name of up to NAME_WHOLE characters on one line (0 for none); a longer
 * name (国家开放大学湖南分部长沙分校) wraps in what the page leaves it.
 */
export const wholeNames = (names: readonly string[]): number => Math.max(0, ...names.filter((n) => n && [...n].length <= NAME_WHOLE).map(oneLine));

/**
 * The widths of `columns` (as `declared`), those at `fitted` sized from the texts shown in them (`rows`:
 * each row's texts of the fitted columns, in their order) within the page: widened step by step where a
 * step saves the most lines of the rows (their heights) for its width, until no step saves any or the
 * page has no more room. A fitted column is never narrower than its `floors` (by fitted index: a name whole,
 * wholeNames; a 说明 kept in its cell): where the page has no room for them with its body at LEAST_PRINTED_PT, the
 * others stay at their least and the table prints a little smaller (fit to one page wide), rather than break a
 * name or cut a note.
 */
export function fitWidths(
  columns: ReadonlyArray<Pick<Column<never>, 'header'>>,
  declared: readonly number[],
  fitted: readonly number[],
  rows: ReadonlyArray<readonly string[]>,
  lang: 'zh' | 'en',
  floors: readonly number[] = [],
): number[] {
  const widths = [...declared];
  const texts = (k: number) => rows.map((r) => r[k]).filter(Boolean);
  const want = fitted.map((i, k) => {
    const least = Math.max(widthFor(LEAST_FITTED, [columns[i].header[lang]]), ...texts(k).map(longestWord));
    widths[i] = Math.max(least, floors[k] ?? 0);
    return Math.max(widths[i], ...texts(k).map(oneLine));
  });
  // Each cell measured once; its lines at the columns' present widths kept, and worked out again only for the column widened.
  const kinds = alikeRows(rows).map(({ row, count }) => ({ count, units: row.map((text) => (text ? lineUnits(text) : undefined)) }));
  const linesAt = (units: readonly number[] | undefined, width: number): number => (units ? wrappedLines(units, width) : 1);
  const present = kinds.map(({ units }) => units.map((u, j) => linesAt(u, widths[fitted[j]])));
  /**
   * What the rows take, column `k` `width` wide: first their heights (each row's tallest fitted cell),
   * then, as a tie-break, the lines of all their fitted cells, so that each column's step is judged alone
   * and two that wrap in one row are not left narrow because neither alone makes the row shorter. By
   * cells alone, a short name put on one line (站点汇总's 分校 and 单位) outbid the file name that
   * made its row six lines tall.
   */
  const linesWith = (k: number, width: number): number => {
    let n = 0;
    kinds.forEach(({ units, count }, r) => {
      let tallest = 1;
      let all = 0;
      present[r].forEach((kept, j) => {
        const lines = j === k ? linesAt(units[j], width) : kept;
        if (lines > tallest) tallest = lines;
        all += lines;
      });
      n += count * (tallest * HEIGHT_WEIGHT + all);
    });
    return n;
  };
  for (;;) {
    const now = linesWith(-1, 0);
    let best: { k: number; width: number; gain: number } | undefined;
    fitted.forEach((i, k) => {
      for (let width = widths[i] + 1; width <= want[k]; width++) {
        if (columnPixels(widths.map((w, j) => (j === i ? width : w))) > MOST_PX) break;
        const saved = now - linesWith(k, width);
        if (saved <= 0) continue;
        const gain = saved / (width - widths[i]);
        if (!best || gain > best.gain) best = { k, width, gain };
        break;
      }
    });
    if (!best) return widths;
    const { k, width } = best;
    widths[fitted[k]] = width;
    kinds.forEach(({ units }, r) => (present[r][k] = linesAt(units[k], width)));
  }
}

/**
 * The rows, those of the same texts once with their count: each step of the fitting measures every row again,
 * and 3,000 rows of 站点汇总's 分校 hold some 300 names.
 */
function alikeRows(rows: ReadonlyArray<readonly string[]>): Array<{ row: readonly string[]; count: number }> {
  const kinds = new Map<string, { row: readonly string[]; count: number }>();
  for (const row of rows) {
    const key = row.join('\u0000');
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { row, count: 1 });
  }
  return [...kinds.values()];
}
