/**
 * The summary's conditional formats: rows coloured by their severity, a cell
 * coloured by a condition, data bars. Kept as rules in the file, so that a
 * sheet sorted or filtered in Excel keeps its colours on the right rows.
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../summary/columns';
import { SEVERITY_WORDS } from '../../../summary/words';
import { ERROR_STYLE, WARNING_STYLE, colLetter } from './style';

/** Colours whole rows where a column says 错误 / 警告. */
export function severityRows(ws: ExcelJS.Worksheet, lastCol: number, firstRow: number, lastRow: number, col: number, lang: Lang): void {
  if (lastRow < firstRow) return;
  const c = colLetter(col);
  ws.addConditionalFormatting({
    ref: `A${firstRow}:${colLetter(lastCol)}${lastRow}`,
    rules: [
      { type: 'expression', priority: 1, formulae: [`$${c}${firstRow}="${SEVERITY_WORDS.error[lang]}"`], style: ERROR_STYLE },
      { type: 'expression', priority: 2, formulae: [`$${c}${firstRow}="${SEVERITY_WORDS.warning[lang]}"`], style: WARNING_STYLE },
    ],
  });
}

export function cellRule(ws: ExcelJS.Worksheet, ref: string, formula: string, style: Partial<ExcelJS.Style>, priority = 3): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority, formulae: [formula], style }] });
}

export function dataBar(ws: ExcelJS.Worksheet, ref: string, color: string, max?: number): void {
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'dataBar',
        priority: 10,
        minLength: 0,
        maxLength: 100,
        cfvo: [{ type: 'num', value: 0 }, max === undefined ? { type: 'max' } : { type: 'num', value: max }],
        color: { argb: color },
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  });
}
