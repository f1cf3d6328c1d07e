/**
 * The printed list of findings (问题清单) that ends a marked workbook, whoever
 * writes it: the marked copy's parts (io/xlsx/mark-list.ts) and the pane's
 * Office.js marks (io/office-list.ts). Its words, columns and rows are here
 * once, so that the paper an officer prints from Excel and the one from
 * `validate --mark` say the same thing in the same order.
 */
import type { Finding } from '../model/finding';
import { FINDINGS_LIST_TITLE, rowWords } from '../model/finding';
import { ruleTitle } from '../rules';
import { type SheetGrid, type WorkbookGrid, cellAt, columnLetter, isBlank, parseA1 } from '../model/grid';
import { FORMS } from '../forms/index';
import { copyLocator, titlesOfForms } from '../forms/repeated';
import { formRegions } from '../forms/form-regions';
import { bestForm, indexSheet } from '../forms/workbook';
import { sheetShown } from '../forms/form-place';
import type { SheetForm } from '../model/site-model';
import { groupFindings } from './finding-groups';

type Lang = 'zh' | 'en';

/** “1 warning”, “2 warnings”. */
const counted = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const FINDING_LIST_WORDS = {
  zh: {
    sheet: '问题清单',
    title: (errors: number, warnings: number, lines?: number) =>
      `${FINDINGS_LIST_TITLE.zh}：错误 ${errors} 处，警告 ${warnings} 处${lines === undefined ? '（' : `，列为下面 ${lines} 行（同一列多行的同一问题合为一行；`}粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）`,
    // 序号/班次/栏目 broken after each “/”: on its own it broke inside 班次 (序号/班 | 次/栏目).
    headers: ['序', '严重程度', '工作表', '单元格', '序号/\n班次/\n栏目', '问题', '说明及改法'],
    severity: { error: '错误', warning: '警告' },
    workbook: '（整个工作簿）',
    /** The page footer, centred: &P the page, &N the pages (codes both the file format and Office.js read). */
    footer: '问题清单 · 第 &P 页，共 &N 页',
  },
  en: {
    sheet: 'Findings',
    title: (errors: number, warnings: number, lines?: number) =>
      `${FINDINGS_LIST_TITLE.en}: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}${lines === undefined ? ' (' : `, in ${counted(lines, 'line')} below (the same problem on several rows of a column is one line; `}errors: pink cells in a thick frame; warnings: yellow cells in a dashed frame; check again once corrected)`,
    headers: ['#', 'Severity', 'Sheet', 'Cell', 'No. / shift / field', 'Problem', 'What is wrong and what to do'],
    severity: { error: 'Error', warning: 'Warning' },
    workbook: '(whole workbook)',
    footer: 'Findings · page &P of &N',
  },
} as const;

/** The columns' widths (characters of 0): the message takes what A4 landscape leaves. */
export const FINDING_LIST_WIDTHS: readonly number[] = [4, 9, 12, 7, 9, 16, 68];

/** The page's margins in inches (A4 landscape, one page wide). */
export const FINDING_LIST_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Rows above the findings: the title (A1, merged across) and the column headers, printed on every page. */
export const FINDING_LIST_HEAD_ROWS = 2;

/** The sheet row (1-based) of the list's `index`th finding. */
export const findingListRow = (index: number): number => index + FINDING_LIST_HEAD_ROWS + 1;

/** The list's last column's letter (G). */
export const FINDING_LIST_LAST_COLUMN = columnLetter(FINDING_LIST_WIDTHS.length - 1);

/** The list's look, as the marked copy's (io/xlsx/mark-list.ts): its font and the header row's grey. */
export const FINDING_LIST_LOOK = { font: '宋体', headerFill: '#D9D9D9' } as const;
/** The rows printed atop every page: the column headers. */
export const FINDING_LIST_TITLE_ROWS = `$${FINDING_LIST_HEAD_ROWS}:$${FINDING_LIST_HEAD_ROWS}`;

export interface FindingListRow {
  severity: Finding['severity'];
  /** One text per column, as FINDING_LIST_WIDTHS. */
  texts: Array<string | number>;
}

export interface FindingList {
  title: string;
  headers: readonly string[];
  rows: FindingListRow[];
}

/** A label longer than this is a sentence or a value, not a field's name. */
const LABEL_MAX = 12;

/** A label without its colon or its unit in brackets (“数量（袋）：” → 数量); undefined for what is no label (a number, a sentence). */
function labelText(text: string): string | undefined {
  const label = text
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[\s:：]+$/, '')
    .trim();
  return label.length > 0 && label.length <= LABEL_MAX && !/^[\d\s.]+$/.test(label) ? label : undefined;
}

/**
 * The label printed at a form's field (合计, 负责人签字), for a finding at a
 * header or footer field (no row): a page shows no cell addresses, the label
 * finds the field on paper. The label the cell holds before its value
 * (“接收人签字（两人）：李强”), else the nearest text left of it in its row
 * (“合计” | 4) unless that is a field of its own (“移交人签字：张伟”).
 */
export function fieldLabel(sheet: SheetGrid, cell: string): string | undefined {
  const at = parseA1(cell.replace(/\$/g, ''));
  if (!at) return undefined;
  const own = cellAt(sheet, at.row, at.col);
  const colon = typeof own === 'string' ? own.indexOf('：') : -1;
  if (colon > 0 && typeof own === 'string' && !/\d$/.test(own.slice(0, colon))) return labelText(own.slice(0, colon));
  for (let col = at.col - 1; col >= 0; col--) {
    const value = cellAt(sheet, at.row, col);
    if (isBlank(value)) continue;
    return typeof value === 'string' && !/[:：]\s*\S/.test(value) ? labelText(value) : undefined;
  }
  return undefined;
}

/** The labels of the findings at a header or footer field (fieldLabel), read from the workbook's grid. */
export function fieldLabels(findings: readonly Finding[], grid: WorkbookGrid): Map<Finding, string> {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const labels = new Map<Finding, string>();
  for (const f of findings) {
    const sheet = f.row === null && f.cell ? sheets.get(f.sheet ?? '') : undefined;
    const label = sheet && fieldLabel(sheet, f.cell!);
    if (label) labels.set(f, label);
  }
  return labels;
}

/**
 * Which copy of its form each finding is in, where the form stands more than once on the finding's sheet (the 一式两份
 * habit, a continuation page, handover slips one below the other): each copy's 序号 begins at 1 again, and “序号 1”
 * alone does not say which copy's row 1 (review 11 D8). Read from the workbook's grid.
 */
export function findingCopies(findings: readonly Finding[], grid: WorkbookGrid): Map<Finding, number> {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  // Each sheet searched once a form, whatever the number of its findings (review 14a D1).
  const locators = new Map<string, ReturnType<typeof copyLocator>>();
  const locatorOf = (sheet: SheetGrid, i: number) => {
    const key = `${i}\u0000${sheet.name}`;
    let locator = locators.get(key);
    if (!locator) locators.set(key, (locator = copyLocator(sheet, FORMS[i])));
    return locator;
  };
  const copies = new Map<Finding, number>();
  for (const f of findings) {
    const sheet = f.sheet === null ? undefined : sheets.get(f.sheet);
    const at = sheet && f.cell ? parseA1(f.cell.replace(/\$/g, '')) : undefined;
    if (!sheet || !at) continue;
    for (const [i, entry] of FORMS.entries()) {
      const copy = entry.layout.attachment === f.form ? locatorOf(sheet, i)(at.row, at.col) : undefined;
      if (copy === undefined) continue;
      copies.set(f, copy);
      break;
    }
  }
  return copies;
}

const ZH_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** “第二份 序号 1”, “form 2, row 1”: the copy of the form on its sheet, before the row or field the column says. */
function inCopy(copy: number | undefined, where: string, lang: Lang): string {
  if (copy === undefined) return where;
  const word = lang === 'zh' ? `第${ZH_ORDINALS[copy - 1] ?? copy}份` : `form ${copy}`;
  // English, a line each: the column (9 wide) broke “form 2, row / 2” (review 13a D8).
  return where === '' ? word : `${word}${lang === 'zh' ? ' ' : ',\n'}${where}`;
}

/**
 * The forms of the findings' sheets that hold more than one (forms/form-regions.ts), each with its span, as the reader
 * cuts them (SiteModel.sheets): the list names the form beside such a sheet (review 19a D12). Read from the workbook's
 * grid; only a sheet where two forms' titles stand is cut into regions.
 */
export function findingSheets(findings: readonly Finding[], grid: WorkbookGrid): SheetForm[] {
  const names = new Set(findings.map((f) => f.sheet));
  const out: SheetForm[] = [];
  for (const sheet of grid.sheets) {
    if (!names.has(sheet.name) || new Set(titlesOfForms(sheet, FORMS).map((t) => t.entry)).size < 2) continue;
    for (const { index, span } of formRegions(sheet, indexSheet)) {
      const form = span ? bestForm(index)?.layout.id : undefined;
      if (form && span) out.push({ sheet: sheet.name, form, span });
    }
  }
  return out;
}

/**
 * The list's title, headers and one row per finding, in the findings' order, the findings of one mistake repeated
 * down a column one row (groupFindings: the first's place, its message and a note of the others' rows); the title
 * still counts findings, and says so where there are fewer rows. `labels`, the fields' (fieldLabels); `copies`, which
 * copy of its form on its sheet each is in (findingCopies); `sheets`, the forms of sheets holding several (SiteModel.sheets,
 * or findingSheets), named beside the sheet: “Sheet1（出入库记录）”.
 */
export function findingList(
  findings: readonly Finding[],
  lang: Lang,
  labels?: ReadonlyMap<Finding, string>,
  copies?: ReadonlyMap<Finding, number>,
  sheets?: readonly SheetForm[],
): FindingList {
  const w = FINDING_LIST_WORDS[lang];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const groups = groupFindings(findings, lang, copies);
  const rows = groups.map(({ findings: [f], message }, i) => ({
    severity: f.severity,
    texts: [
      i + 1,
      w.severity[f.severity],
      sheetShown(sheets, f, lang) ?? w.workbook,
      f.cell?.replace(/\$/g, '').toUpperCase() ?? '',
      inCopy(copies?.get(f), rowWords(f, lang) || (labels?.get(f) ?? ''), lang),
      ruleTitle(f.rule, lang),
      message,
    ],
  }));
  const title = w.title(errors, findings.length - errors, rows.length < findings.length ? rows.length : undefined);
  return { title, headers: w.headers, rows };
}

/** The name of the list's sheet: its word, numbered when the workbook has a sheet of that name already (any case). */
export function findingListSheetName(taken: Iterable<string>, lang: Lang): string {
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  const base = FINDING_LIST_WORDS[lang].sheet;
  let name: string = base;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base}${n}`;
  return name;
}
