/**
 * The pane inside Excel: the open workbook read through the Office.js adapter.
 */
import { insertTemplate } from '../io/office-forms';
import { DESKTOP_READ_OPTIONS, WEB_READ_OPTIONS, readOfficeGrid } from '../io/office-grid';
import { applyMarks, clearMarks, loadMarkRecord, marksLeft, selectCell } from '../io/office-marks';
import { writeSummarySheet } from '../io/office-summary';
import { checkSites } from './check';
import { SheetCache } from './live';
import type { Host } from './host';
import { clearedMessage, hiddenSheetLine, markedMessage, t } from './i18n';
import { summaryTable } from './summary-table';
import { withOldMarks } from './old-marks';

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

export function officeHost(): Host {
  const notes = supports('1.18');
  const onWeb = Office.context.platform === Office.PlatformType.OfficeOnline;
  // Excel 2016/2019 (volume licences) stop at ExcelApi 1.1–1.8: read with 1.1 calls there,
  // and say plainly what needs a newer Excel rather than fail half-way.
  const readOptions = {
    ...(onWeb ? WEB_READ_OPTIONS : DESKTOP_READ_OPTIONS),
    merges: supports('1.13'),
    legacy: !supports('1.7'),
    // The cells struck through (getCellProperties) and the autoFilter's range.
    cellProperties: supports('1.9'),
  };
  const settings = supports('1.4');
  // The list of findings marking writes is set up for printing with ExcelApi 1.9's page layout.
  const print = supports('1.9');
  const cache = new SheetCache();
  return {
    kind: 'office',
    async useTemplate(template, lang) {
      if (!supports('1.13')) return t(lang, 'insertUnsupported');
      const result = await Excel.run((context) => insertTemplate(context, template.base64));
      return `${t(lang, 'inserted')}${result.names.join('、')}`;
    },
    async check(lang, changed) {
      // The marks record rides on the read's syncs: the marks of an earlier 标记 whose findings are gone are said.
      const { grid, names, record } = await Excel.run(async (context) => {
        const marks = settings ? loadMarkRecord(context) : undefined;
        const read = await readOfficeGrid(context, { ...readOptions, read: cache.reader(changed) });
        return { ...read, record: marks?.() };
      });
      const whole = cache.update(names, grid.sheets);
      const results = await checkSites([{ id: 'workbook', label: lang === 'zh' ? '当前工作簿' : 'This workbook', grid: whole, open: true }], lang);
      // Never “可以提交” while they remain; a mark moved with its cell (rows inserted, its sheet renamed) is no mark left.
      if (!record) return results;
      const now = await marksLeft(record, results[0]?.findings ?? [], (find) => Excel.run(find), notes);
      return withOldMarks(results, now, whole.sheets);
    },
    // worksheets.onChanged (ExcelApi 1.9) reports edits by sheet id.
    watch: supports('1.9') ? watchWorksheets : undefined,
    async select(_site, finding, lang) {
      if (!finding.sheet || !finding.cell) return undefined;
      const state = await Excel.run((context) => selectCell(context, finding.sheet!, finding.cell!));
      return hiddenSheetLine(lang, state, finding.sheet, finding.cell);
    },
    async mark(site, lang) {
      if (!settings) return t(lang, 'marksUnsupported');
      const result = await Excel.run((context) =>
        applyMarks(context, site.findings, { notes, merges: readOptions.merges, print, lang, ...(site.model ? { sheets: site.model.sheets } : {}) }),
      );
      const lacking = [notes ? '' : t(lang, 'notesUnsupported'), print || !result.list ? '' : t(lang, 'printUnsupported')];
      return markedMessage(lang, result, lacking.filter(Boolean).join(lang === 'zh' ? '' : ' ') || undefined);
    },
    async clearMarks(lang) {
      if (!settings) return t(lang, 'marksUnsupported');
      const result = await Excel.run((context) => clearMarks(context, { notes, merges: readOptions.merges }));
      return clearedMessage(lang, result);
    },
    async writeSummary(_site, summary, lang) {
      if (!settings) return t(lang, 'summaryUnsupported');
      await Excel.run((context) => writeSummarySheet(context, summaryTable(summary, lang)));
      return t(lang, 'summaryWritten');
    },
  };
}

/**
 * Calls back with the name of each edited sheet; returns a function that stops listening. onChanged reports a sheet
 * by its id, and a rename fires no event: the name is read at each event (one sync), the one known before only when
 * that read fails; a name kept from the first would re-read the old sheet's cache after a rename (review 10b D5).
 */
function watchWorksheets(onChange: (sheets: readonly string[]) => void): () => void {
  const names = new Map<string, string>();
  const nameOf = async (id: string): Promise<string | undefined> => {
    try {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(id);
        // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject read after the sync, as the project loads it elsewhere
        ws.load('isNullObject,name');
        await context.sync();
        if (ws.isNullObject) names.delete(id);
        else names.set(id, ws.name);
      });
    } catch {
      // The name known before, if any.
    }
    return names.get(id);
  };
  let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  void Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id,items/name');
    handler = sheets.onChanged.add(async (event) => {
      const name = await nameOf(event.worksheetId);
      if (name) onChange([name]);
    });
    await context.sync();
    for (const ws of sheets.items) names.set(ws.id, ws.name);
  }).catch(() => undefined);
  return () => {
    if (!handler) return;
    const h = handler;
    void Excel.run(h.context, async (context) => {
      h.remove();
      await context.sync();
    });
  };
}
