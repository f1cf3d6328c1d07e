/**
 * The marked copy's 问题清单: a sheet added at the end that lists every finding
 * (severity, sheet, cell, row, the problem, what is wrong and what to do),
 * printed on A4, so that the paper copy says why each cell is coloured — a
 * note does not print, and a finding of no cell (a sheet missing) has no
 * colour at all. Added as parts: the sheet, its entry in the workbook part and
 * its relationships, its content type, and the formats it uses appended to
 * the styles; no existing sheet or cell changes.
 */
import type { Finding } from '../../model/finding';
import type { SheetForm } from '../../model/site-model';
import { a1 } from '../../model/grid';
import { formText, linesHeight } from '../../forms/measure';
import {
  FINDING_LIST_HEAD_ROWS,
  FINDING_LIST_MARGINS,
  FINDING_LIST_TITLE_ROWS,
  FINDING_LIST_WIDTHS as WIDTHS,
  FINDING_LIST_WORDS,
  findingList,
  findingListSheetName,
} from '../../check/finding-list';
import { R_NS, Unhandled, XML_HEAD, attr, beforeClose, escapeXml } from './mark-notes';
import { decodeEntities } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_REL = `${R_NS}/worksheet`;
const OFFICE_DOCUMENT_REL = `${R_NS}/officeDocument`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

type Lang = 'zh' | 'en';

const MESSAGE_COLUMN = WIDTHS.length - 1;
/** The title's width: all the columns it is merged across. */
const TOTAL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);

/** The list's formats in the styles part: header, text, and the severity cell of each colour. */
interface ListFormats {
  title: number;
  header: number;
  body: number;
  error: number;
  warning: number;
}

/** Adds `item` to a styles list (fonts, fills, borders, cellXfs): its index. */
function appendTo(xml: string, list: string, item: string): { xml: string; index: number } {
  const found = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml);
  if (!found) throw new Unhandled();
  const child = list === 'cellXfs' ? 'xf' : list.slice(0, -1);
  const index = (found[1].match(new RegExp(`<${child}\\b`, 'g')) ?? []).length;
  const open = /^<[^>]*>/
    .exec(found[0])![0]
    .replace(/\scount\s*=\s*(?:"[^"]*"|'[^']*')/, '')
    .replace(/>$/, ` count="${index + 1}">`);
  const replaced = `${open}${found[1]}${item}</${list}>`;
  return { xml: xml.slice(0, found.index) + replaced + xml.slice(found.index + found[0].length), index };
}

/** The styles part with the list's font, border, fills and formats appended (nothing there changed). */
function withListStyles(styles: string, colors: Record<'error' | 'warning', string>): { xml: string; formats: ListFormats } {
  let xml = styles;
  const add = (list: string, item: string) => {
    const r = appendTo(xml, list, item);
    xml = r.xml;
    return r.index;
  };
  const bold = add('fonts', '<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>');
  const plain = add('fonts', '<font><sz val="10"/><name val="宋体"/><charset val="134"/></font>');
  const thin = add('borders', '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>');
  const fill = (rgb: string) => add('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/></patternFill></fill>`);
  const grey = fill('FFD9D9D9');
  const [errorFill, warningFill] = [fill(colors.error), fill(colors.warning)];
  const xf = (font: number, fillId: number, border: number, align: string) =>
    add(
      'cellXfs',
      `<xf numFmtId="0" fontId="${font}" fillId="${fillId}" borderId="${border}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment ${align} wrapText="1"/></xf>`,
    );
  const formats = {
    title: xf(bold, 0, 0, 'vertical="center"'),
    header: xf(bold, grey, thin, 'horizontal="center" vertical="center"'),
    body: xf(plain, 0, thin, 'vertical="top"'),
    error: xf(plain, errorFill, thin, 'horizontal="center" vertical="top"'),
    warning: xf(plain, warningFill, thin, 'horizontal="center" vertical="top"'),
  };
  return { xml, formats };
}

/** Points a row needs to show `texts` (each in its column, wrapped) at `size` pt, as the forms measure it. */
function rowHeight(texts: ReadonlyArray<string | number>, size: number, bold = false): number {
  const lines = Math.max(...texts.map((t, col) => formText.wrappedLines(String(t), WIDTHS[col], size, bold)));
  return Math.ceil(linesHeight(lines, size) + 2);
}

const cellXml = (ref: string, style: number, value: string | number): string =>
  typeof value === 'number'
    ? `<c r="${ref}" s="${style}"><v>${value}</v></c>`
    : `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;

/** A row of cells from column A on, `height` points tall. */
function rowXml(row: number, cells: ReadonlyArray<{ style: number; value: string | number }>, height: number): string {
  const body = cells.map((c, col) => cellXml(a1(row - 1, col), c.style, c.value)).join('');
  return `<row r="${row}" spans="1:${WIDTHS.length}" ht="${height}" customHeight="1">${body}</row>`;
}

/** The sheet part of the list. */
function listSheetXml({ findings, lang, labels, copies, sheets }: FindingsList, formats: ListFormats): string {
  const { title, headers, rows: list } = findingList(findings, lang, labels, copies, sheets);
  const rows = [
    rowXml(1, [{ style: formats.title, value: title }], Math.ceil(linesHeight(formText.wrappedLines(title, TOTAL_WIDTH, 11, true), 11) + 8)),
    rowXml(
      2,
      headers.map((value) => ({ style: formats.header, value })),
      rowHeight(headers, 11, true),
    ),
  ];
  list.forEach(({ severity, texts }, i) => {
    const cells = texts.map((value, col) => ({ style: col === 1 ? formats[severity] : formats.body, value }));
    rows.push(rowXml(i + FINDING_LIST_HEAD_ROWS + 1, cells, rowHeight(texts, 10)));
  });
  const last = a1(list.length + 1, MESSAGE_COLUMN);
  const cols = WIDTHS.map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`).join('');
  const m = FINDING_LIST_MARGINS;
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${FINDING_LIST_HEAD_ROWS}" topLeftCell="A${FINDING_LIST_HEAD_ROWS + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="1"><mergeCell ref="A1:${a1(0, MESSAGE_COLUMN)}"/></mergeCells><printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddFooter>${escapeXml(`&C${FINDING_LIST_WORDS[lang].footer}`)}</oddFooter></headerFooter></worksheet>`
  );
}

/** The workbook part's name, from the package's relationships (`_rels/.rels`). */
function workbookPartOf(rootRels: string): string {
  for (const [tag] of rootRels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attr(tag, 'Type') !== OFFICE_DOCUMENT_REL) continue;
    const target = decodeEntities(attr(tag, 'Target') ?? '');
    return target.replace(/^\//, '');
  }
  throw new Unhandled();
}

/**
 * The workbook part with the list's sheet last and its header row printed on
 * every page; `index` is the count of sheets before it (a defined name's
 * localSheetId), `rid` its relationship.
 */
function withListSheet(workbook: string, name: string, rid: string): string {
  const root = /<workbook\b[^>]*>/.exec(workbook);
  if (!root || attr(root[0], 'xmlns:r') !== R_NS) throw new Unhandled();
  const sheets = (/<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbook)?.[1] ?? '').match(/<sheet\b[^>]*>/g) ?? [];
  if (sheets.length === 0) throw new Unhandled();
  const sheetId = Math.max(...sheets.map((s) => Number(attr(s, 'sheetId') ?? 0))) + 1;
  let xml = beforeClose(workbook, '</sheets>', `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${rid}"/>`);
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const titles = `<definedName name="_xlnm.Print_Titles" localSheetId="${sheets.length}">${escapeXml(quoted)}!${FINDING_LIST_TITLE_ROWS}</definedName>`;
  if (/<definedNames\b[^>]*>/.test(xml)) xml = beforeClose(xml, '</definedNames>', titles);
  else xml = xml.replace('</sheets>', `</sheets><definedNames>${titles}</definedNames>`);
  return xml;
}

/** The findings a marked copy lists on a sheet of its own, in the language of its notes. */
export interface FindingsList {
  findings: readonly Finding[];
  lang: Lang;
  /** The labels of the fields the findings are at (fieldLabels), shown beside their cells. */
  labels?: ReadonlyMap<Finding, string>;
  /** Which copy of its form on its sheet each finding is in (findingCopies), where the form stands more than once. */
  copies?: ReadonlyMap<Finding, number>;
  /** The forms of the findings' sheets that hold several (findingSheets), named beside the sheet. */
  sheets?: readonly SheetForm[];
}

/**
 * The parts of the list added to a package: part name → its text. `read` gives a part's text (as changed so
 * far), `colors` the marks' colours (#FFC7CE).
 */
export function listParts(
  names: readonly string[],
  sheetNames: Iterable<string>,
  read: (part: string) => string,
  stylesPart: string,
  list: FindingsList,
  colors: Record<'error' | 'warning', string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const workbook = workbookPartOf(read('_rels/.rels'));
  const dir = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  const rels = `${dir}_rels/${workbook.slice(dir.length)}.rels`;
  if (!names.includes(rels)) throw new Unhandled();
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let no = 1;
  while (taken.has(`${dir}worksheets/sheet${no}.xml`.toLowerCase())) no++;
  const part = `${dir}worksheets/sheet${no}.xml`;
  const relsXml = read(rels);
  let id = 1;
  while (relsXml.includes(`Id="rIdList${id}"`)) id++;
  const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
  const { xml: styles, formats } = withListStyles(read(stylesPart), { error: argb(colors.error), warning: argb(colors.warning) });
  out.set(stylesPart, styles);
  out.set(part, listSheetXml(list, formats));
  out.set(rels, beforeClose(relsXml, '</Relationships>', `<Relationship Id="rIdList${id}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${no}.xml"/>`));
  out.set(workbook, withListSheet(read(workbook), findingListSheetName(sheetNames, list.lang), `rIdList${id}`));
  out.set('[Content_Types].xml', beforeClose(read('[Content_Types].xml'), '</Types>', `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`));
  return out;
}
