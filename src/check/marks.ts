/**
 * What marking a workbook writes, whatever writes it (Excel through
 * Office.js, exceljs in the browser and the CLI): one mark per finding cell,
 * coloured by its worst severity, with a note listing every finding there.
 */
import type { Finding } from '../model/finding';
import { ruleTitle } from '../rules';

/**
 * "岳麓考点.xlsx" → "岳麓考点（已标记）.xlsx"; `copy` 2 and on: the second copy
 * of one name, "岳麓考点（已标记） (2).xlsx". A macro workbook's copy stays
 * .xlsm (its package says so: Excel refuses it under .xlsx).
 */
export function markedName(name: string, lang: 'zh' | 'en' = 'zh', copy = 1): string {
  const ext = /\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx';
  const base = name.replace(/\.xls[xm]$/i, '');
  return `${base}${lang === 'zh' ? '（已标记）' : ' (marked)'}${copy > 1 ? ` (${copy})` : ''}${ext}`;
}

/**
 * Why a folder's marked copy is passed by, as the line of a file skipped says it: in every face's words (the pane,
 * the offline page and validate --mark all write such copies; a page user has no CLI command to recognise).
 */
export const MARKED_COPY_SKIPPED = {
  zh: '这是试卷保密助手写出的标记副本，不是单位工作簿',
  en: 'a marked copy written by this tool, not a unit workbook',
} as const;

/** A name markedName gives: a marked copy, which a folder's walk passes by (it is not a unit's workbook). */
export function isMarkedCopyName(name: string): boolean {
  return /(（已标记）| \(marked\))( \(\d+\))?\.xls[xm]$/i.test(name);
}

export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/**
 * The frame round a marked cell, beside its fill: printed in black and white
 * the pink and the yellow are two near-whites, alike; a thick solid frame
 * (error) and a dashed one (warning) still show which cell and how bad. Every
 * face that marks draws these (the marked copy, Excel's pane, WPS).
 */
export const MARK_BORDERS = {
  error: { line: 'solid', weight: 'thick' },
  warning: { line: 'dashed', weight: 'medium' },
} as const;

export type MarkBorder = (typeof MARK_BORDERS)[keyof typeof MARK_BORDERS];

/**
 * Cells marked in the open workbook at most (Excel and WPS). Each marked
 * cell's prior state is stored in the workbook — in Excel one setting written
 * in one request (some 160 characters a cell, 200 with a merged area's frame:
 * check/mark-looks.ts; Excel on the web takes no request over 5 MB), in WPS a
 * call into the host per property — and beyond this
 * many a workbook is so wrong that its list says more than colours would.
 * A marked copy (`--mark`, the offline page) marks every cell.
 */
export const MARKED_CELLS_MAX = 5000;

export interface CellMark {
  sheet: string;
  cell: string;
  severity: 'error' | 'warning';
  text: string;
}

/** The first line of a note: who wrote it (beside the officers' own notes), in the language of its messages. */
const NOTE_HEADER = { zh: '【试卷保密助手】', en: '[Exam Paper Custody Assistant]' };
const TITLE_COLON = { zh: '：', en: ': ' };

function noteText(findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): string {
  const sev = (s: string): string => (lang === 'en' ? (s === 'error' ? 'Error' : 'Warning') : s === 'error' ? '错误' : '警告');
  // The rule by its title (交接单两人签字), as the pane and the command line name it: an id means nothing to the reader.
  const lines = findings.map((f) => `${sev(f.severity)} ${ruleTitle(f.rule, lang)}${TITLE_COLON[lang]}${f.message}`);
  return [NOTE_HEADER[lang], ...lines].join('\n');
}

/** One mark per cell: the worst severity, every message. */
export function cellMarks(findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const key = `${f.sheet}\u0000${f.cell.toUpperCase()}`;
    const list = byCell.get(key) ?? [];
    list.push(f);
    byCell.set(key, list);
  }
  return [...byCell.entries()].map(([key, list]) => {
    const [sheet, cell] = key.split('\u0000');
    return { sheet, cell, severity: list.some((f) => f.severity === 'error') ? 'error' : 'warning', text: noteText(list, lang) };
  });
}
