/**
 * What a form inserted in WPS Spreadsheets needs beyond its cells to be the
 * template file's equal: data validation (the lists to pick from, whole
 * numbers, dates, the prompts) and the page setup it prints with (A4, its
 * orientation, one page wide, its print area and repeated title rows, the
 * margins and page footer of the template files).
 *
 * Through the VBA-like object model WPS follows (`Range.Validation.Add`,
 * `Worksheet.PageSetup`), each part on its own: a build without one of these
 * members keeps the form and what the other parts gave; what could not be set
 * is counted, so the pane can say so.
 */
import { ERROR_TITLE, PAGE, PROMPT_TITLE, type SheetDraft, type ValidationRule, validationRule } from '../../forms/draft';
import { type EtObject, XL, get, rangeOf, setEach, tried } from './et';
import { serialFromDate } from '../../model/number-format';

/** Numeric constants of the object model (the typings' enums do not exist at run time). */
const VALIDATE = { textLength: 6, whole: 1, list: 3, date: 4 } as const;
const ALERT = { stop: 1, warning: 2 } as const;
const OPERATOR = { greaterThan: 5, greaterThanOrEqual: 7, lessThanOrEqual: 8 } as const;
/** Points per inch: PageSetup's margins are in points, the template files' in inches. */
const POINTS = 72;

/** Formula1 of a validation as the object model takes it: a list comma-separated without quotes, a bound as a number. */
function firstFormula(rule: ValidationRule): string {
  if (rule.kind === 'list') return rule.options!.join(',');
  return String(rule.bound instanceof Date ? serialFromDate(rule.bound) : rule.bound);
}

function addValidation(ws: EtObject, range: string, rule: ValidationRule): void {
  const validation = get(rangeOf(ws, range), 'Validation');
  if (!validation) throw new Error('this build has no Range.Validation');
  get(validation, 'Delete');
  const operator = rule.operator ? OPERATOR[rule.operator] : undefined;
  get(validation, 'Add', VALIDATE[rule.kind], rule.stop ? ALERT.stop : ALERT.warning, operator, firstFormula(rule));
  validation.IgnoreBlank = true;
  if (rule.kind === 'list') validation.InCellDropdown = true;
  validation.ShowInput = Boolean(rule.prompt);
  if (rule.prompt) {
    validation.InputTitle = PROMPT_TITLE;
    validation.InputMessage = rule.prompt;
  }
  validation.ShowError = rule.showError;
  if (rule.error) {
    validation.ErrorTitle = ERROR_TITLE;
    validation.ErrorMessage = rule.error;
  }
}

/** The draft's validations on the sheet; returns how many this build refused. */
export function addWpsValidations(ws: EtObject, draft: SheetDraft): number {
  let refused = 0;
  for (const v of draft.validations) {
    const rule = validationRule(v);
    if (rule && !tried(() => addValidation(ws, v.range, rule))) refused++;
  }
  return refused;
}

/** "A1:H22" → "$A$1:$H$22", as PageSetup.PrintArea and PrintTitleRows are given in the object model. */
function absolute(ref: string): string {
  return ref.replace(/\$/g, '').replace(/([A-Z]*)(\d+)/g, (_m, col: string, row: string) => `${col ? `$${col}` : ''}$${row}`);
}

/**
 * The template files' page setup (PAGE, as src/io/xlsx/exceljs-writer.ts
 * writes it): each property set on its own, so one a build lacks does not cost
 * the others; returns how many were refused.
 */
export function setWpsPageSetup(ws: EtObject, draft: SheetDraft): number {
  const setup = get(ws, 'PageSetup');
  if (!setup) return 1;
  const inches = (n: number) => n * POINTS;
  const properties: Array<[string, unknown]> = [
    ['PaperSize', PAGE.paperA4],
    ['Orientation', draft.print.landscape ? XL.landscape : XL.portrait],
    ['PrintArea', absolute(draft.print.area)],
    ...(draft.print.titleRows ? [['PrintTitleRows', absolute(draft.print.titleRows)] as [string, unknown]] : []),
    // Zoom off first: the object model only fits to pages once Zoom is false.
    ['Zoom', false],
    ['FitToPagesWide', 1],
    ['FitToPagesTall', draft.print.fitToHeight > 0 ? draft.print.fitToHeight : false],
    ['CenterHorizontally', true],
    ['LeftMargin', inches(PAGE.margins.left)],
    ['RightMargin', inches(PAGE.margins.right)],
    ['TopMargin', inches(PAGE.margins.top)],
    ['BottomMargin', inches(PAGE.margins.bottom)],
    ['HeaderMargin', inches(PAGE.margins.header)],
    ['FooterMargin', inches(PAGE.margins.footer)],
    ['CenterFooter', PAGE.footer],
  ];
  return setEach(setup, properties);
}
