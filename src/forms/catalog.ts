/**
 * The blank templates there are: the whole site workbook and one file per
 * attachment (附件1–5), by file name and the sheets each holds. `custody
 * template` writes these files; the WPS pane lists them from here and draws
 * the chosen one's sheets itself (no file to fetch, which an add-in loaded
 * from disk could not).
 */
import { FORMS } from './index';
import { draftWorkbook } from './workbook';

/** The file name of the whole blank site workbook. */
export const SITE_WORKBOOK_NAME = '试卷保密工作簿（全套）.xlsx';

export interface TemplateEntry {
  /** File name, e.g. "附件1 纸质试卷交接单.xlsx". */
  file: string;
  /** Shown name, e.g. "附件1 纸质试卷交接单". */
  name: string;
  sheets: string[];
}

export function templateCatalog(): TemplateEntry[] {
  const whole: TemplateEntry = { file: SITE_WORKBOOK_NAME, name: SITE_WORKBOOK_NAME.replace(/\.xlsx$/, ''), sheets: draftWorkbook().map((d) => d.name) };
  const forms = FORMS.filter((f) => f.layout.attachment > 0).map((f) => ({
    file: `${f.templateName}.xlsx`,
    name: f.templateName,
    sheets: [f.layout.sheetName],
  }));
  return [whole, ...forms];
}
