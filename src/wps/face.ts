/**
 * The pane inside WPS Spreadsheets: the open workbook read and written through
 * the ET object model (src/io/wps), behind the same Host as Excel's.
 */
import { draftWorkbook } from '../forms/workbook';
import type { EtObject } from '../io/wps/et';
import { get, sheetName } from '../io/wps/et';
import { readWpsGrid } from '../io/wps/grid';
import { MARKS_SHEET, applyWpsMarks, clearWpsMarks, selectWpsCell, wpsMarksLeft } from '../io/wps/marks';
import { insertWpsDrafts, writeWpsSummary } from '../io/wps/sheets';
import { checkSites } from '../taskpane/check';
import type { Host } from '../taskpane/host';
import { clearedMessage, hiddenSheetLine, markedMessage, t } from '../taskpane/i18n';
import { SheetCache } from '../taskpane/live';
import { summaryTable } from '../taskpane/summary-table';
import { withOldMarks } from '../taskpane/old-marks';

const SKIP = new Set([MARKS_SHEET]);

export function wpsHost(app: EtObject): Host {
  const cache = new SheetCache();
  return {
    kind: 'office',
    async useTemplate(template, lang) {
      const wanted = new Set(template.sheets);
      const drafts = draftWorkbook().filter((d) => wanted.has(d.name));
      if (drafts.length === 0) return `${t(lang, 'failed')}${template.name}`;
      const { names, refused } = insertWpsDrafts(app, drafts);
      return `${t(lang, 'inserted')}${names.join('、')}${refused > 0 ? t(lang, 'setupRefused') : ''}`;
    },
    async check(lang, changed) {
      const { grid, names } = readWpsGrid(app, { read: cache.reader(changed), skip: SKIP });
      const whole = cache.update(names, grid.sheets);
      const results = await checkSites([{ id: 'workbook', label: lang === 'zh' ? '当前工作簿' : 'This workbook', grid: whole, open: true }], lang);
      // The marks of an earlier 标记 whose findings are gone: said, never “可以提交” while they remain.
      return withOldMarks(results, wpsMarksLeft(app, results[0]?.findings ?? []), whole.sheets);
    },
    async select(_site, finding, lang) {
      if (!finding.sheet || !finding.cell) return undefined;
      return hiddenSheetLine(lang, selectWpsCell(app, finding.sheet, finding.cell), finding.sheet, finding.cell);
    },
    async mark(site, lang) {
      const result = applyWpsMarks(app, site.findings, lang, site.model?.sheets);
      return markedMessage(lang, result, result.printRefused ? t(lang, 'listPrintRefused') : undefined);
    },
    async clearMarks(lang) {
      return clearedMessage(lang, clearWpsMarks(app));
    },
    async writeSummary(_site, summary, lang) {
      writeWpsSummary(app, summaryTable(summary, lang));
      return t(lang, 'summaryWritten');
    },
    watch(onChange) {
      const events = get(app, 'ApiEvent');
      if (!events) return () => undefined;
      // SheetChange(Sh, Target): Sh is the worksheet edited.
      const listener = (sheet: EtObject): void => {
        const name = sheetName(sheet);
        if (name && !SKIP.has(name)) onChange([name]);
      };
      get(events, 'AddApiEventListener', 'SheetChange', listener);
      return () => get(events, 'RemoveApiEventListener', 'SheetChange', listener);
    },
  };
}
