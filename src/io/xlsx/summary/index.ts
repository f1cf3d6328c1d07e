/**
 * The summaries as workbooks people read, print and sign (exceljs):
 * - `consolidatedXlsx` — the consolidated summary of many workbooks (consolidated.ts, overview.ts);
 * - `addSiteSummarySheet` / `siteSummaryXlsx` — one site's 汇总 sheet, browser-safe (site-sheet.ts).
 * The tables' columns are declared once in src/summary (tables.ts, tables-site.ts); style.ts is how they look and print.
 */
export { consolidatedXlsx, streamingWriter } from './consolidated';
export type { ConsolidatedSource, SettledSource } from './consolidated';
export { addSiteSummarySheet, siteSummaryXlsx } from './site-sheet';
