/**
 * What marking a workbook writes, whatever writes it (Excel through
 * Office.js, exceljs in the browser and the CLI): one mark per finding cell,
 * coloured by its worst severity, with a note listing every finding there.
 */
import type { Finding } from '../model/finding';
import { ruleTitle } from '../rules';

/** "岳麓考点.xlsx" → "岳麓考点（已标记）.xlsx". */
export function markedName(name: string, lang: 'zh' | 'en' = 'zh'): string {
  const base = name.replace(/\.xlsx$/i, '');
  return lang === 'zh' ? `${base}（已标记）.xlsx` : `${base} (marked).xlsx`;
}

export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/**
 * Cells marked in the open workbook at most (Excel and WPS). Each marked
 * cell's prior state is stored in the workbook — in Excel one setting written
 * in one request (some 150 bytes a cell; Excel on the web takes no request
 * over 5 MB), in WPS a call into the host per property — and beyond this
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

const NOTE_HEADER = '【试卷保密助手】';

function noteText(findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): string {
  const sev = (s: string): string => (lang === 'en' ? (s === 'error' ? 'Error' : 'Warning') : s === 'error' ? '错误' : '警告');
  // The rule by its title (交接单两人签字), as the pane and the command line name it: an id means nothing to the reader.
  return [NOTE_HEADER, ...findings.map((f) => `${sev(f.severity)} ${ruleTitle(f.rule, lang)}：${f.message}`)].join('\n');
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
