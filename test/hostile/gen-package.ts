/**
 * More of the hostile corpus (gen.ts writes it): tricks with the package and
 * its parts rather than with the cells — sheet parts under other names reached
 * only through the relationships, relationships pointing out of the package or
 * at nothing, shared-string indexes with no string behind them, a format code
 * of two million "[", entity expansion and external entities, elements nested
 * three million deep, parts in UTF-16, a 0-byte file, an .xls, a CSV and a web page named .xlsx,
 * and a file name with a newline and a bell in it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

type Parts = Record<string, Uint8Array>;

/** One file of the corpus: its name, its bytes, and the refusal expected (absent: read). */
export type Crafted = [name: string, bytes: Uint8Array, refused?: RegExp, sameAsBase?: boolean];

const text = (parts: Parts, name: string): string => strFromU8(parts[name]);
const RELS = 'xl/_rels/workbook.xml.rels';

function edit(base: Uint8Array, change: (parts: Parts) => void): Uint8Array {
  const parts = unzipSync(base);
  change(parts);
  return zipSync(parts);
}

/** Every worksheet part moved to xl/表/第N张.xml, numbered backwards, its own rels and content type with it. */
function renameSheetParts(parts: Parts): void {
  const names = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const target = (n: string) => `表/第${names.length + 1 - Number(/(\d+)\.xml$/.exec(n)![1])}张.xml`;
  let rels = text(parts, RELS);
  let types = text(parts, '[Content_Types].xml');
  for (const n of names) {
    const to = target(n);
    parts[`xl/${to}`] = parts[n];
    delete parts[n];
    const ownRels = n.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    if (parts[ownRels]) {
      parts[`xl/表/_rels/${to.slice(2)}.rels`] = parts[ownRels];
      delete parts[ownRels];
    }
    rels = rels.replace(`Target="${n.slice(3)}"`, `Target="${to}"`);
    types = types.replace(`PartName="/${n}"`, `PartName="/xl/${to}"`);
  }
  parts[RELS] = strToU8(rels);
  parts['[Content_Types].xml'] = strToU8(types);
}

/** The relationship of the workbook's last worksheet, pointing elsewhere. */
function pointLastSheet(parts: Parts, target: string, mode = ''): void {
  const rels = text(parts, RELS);
  const last = [...rels.matchAll(/Target="(worksheets\/sheet\d+\.xml)"/g)].pop()![1];
  parts[RELS] = strToU8(rels.replace(`Target="${last}"`, `Target="${target}"${mode}`));
}

/** The last few shared-string cells of every sheet given indexes with no string behind them. */
function sharedOutOfRange(parts: Parts): void {
  for (const name of Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
    const xml = text(parts, name);
    const cells = [...xml.matchAll(/(<c [^>]*t="s"[^>]*>)<v>\d+<\/v>/g)].slice(-3);
    let out = xml;
    cells.forEach((m, i) => (out = out.replace(m[0], `${m[1]}<v>${['99999999', '-1', 'abc'][i]}</v>`)));
    parts[name] = strToU8(out);
  }
}

/** A format code of two million "[" and 2,000 styles using it (decided once, in one pass). */
function hugeNumFmt(parts: Parts): void {
  const fmt = `<numFmt numFmtId="300" formatCode="${'['.repeat(2_000_000)}"/>`;
  let styles = text(parts, 'xl/styles.xml');
  styles = styles.includes('<numFmts')
    ? styles.replace(/<numFmts count="\d+">/, (m) => m + fmt)
    : styles.replace('<fonts', `<numFmts count="1">${fmt}</numFmts><fonts`);
  // Appended after the styles in use, so that no cell changes its style.
  styles = styles.replace('</cellXfs>', '<xf numFmtId="300" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(2000) + '</cellXfs>');
  parts['xl/styles.xml'] = strToU8(styles);
}

/** "Billion laughs": nine levels of ten, a gigabyte if expanded. */
const LAUGHS =
  '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">' +
  'bcdefghi'
    .split('')
    .map((e, i) => `<!ENTITY ${e} "${`&${'abcdefghi'[i]};`.repeat(10)}">`)
    .join('') +
  ']>';

function withDoctype(parts: Parts, doctype: string, entity: string): void {
  const sst = text(parts, 'xl/sharedStrings.xml');
  parts['xl/sharedStrings.xml'] = strToU8(sst.replace('<sst', `${doctype}<sst`).replace('</sst>', `<si><t>&${entity};</t></si></sst>`));
}

function deeplyNested(parts: Parts): void {
  const name = Object.keys(parts).find((n) => n.startsWith('xl/worksheets/sheet'))!;
  const depth = 3_000_000;
  parts[name] = strToU8(text(parts, name).replace('</sheetData>', `</sheetData>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`));
}

/** Every sheet, the workbook part and the shared strings in UTF-16 (little-endian, with a byte-order mark), as OPC allows. */
function inUtf16(parts: Parts): void {
  for (const name of Object.keys(parts).filter((n) => /^xl\/(worksheets\/sheet\d+|workbook|sharedStrings)\.xml$/.test(n))) {
    parts[name] = new Uint8Array(Buffer.from(`\ufeff${text(parts, name).replace('encoding="UTF-8"', 'encoding="UTF-16"')}`, 'utf16le'));
  }
}

/** The files, with what must happen to each. */
export function packageCases(base: Uint8Array): Crafted[] {
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const missingPart = /^工作簿登记的工作表在文件里找不到/;
  const badXml = /^工作簿内容不是合格的 XML/;
  return [
    ['sheets-renamed.xlsx', edit(base, renameSheetParts), undefined, true],
    ['rels-outside.xlsx', edit(base, (p) => pointLastSheet(p, '../../../../etc/passwd')), missingPart],
    ['rels-absolute.xlsx', edit(base, (p) => pointLastSheet(p, '/etc/passwd')), missingPart],
    ['rels-missing-part.xlsx', edit(base, (p) => pointLastSheet(p, 'worksheets/sheet999.xml')), missingPart],
    ['rels-external.xlsx', edit(base, (p) => pointLastSheet(p, 'file:///etc/passwd', ' TargetMode="External"'))],
    ['utf16-parts.xlsx', edit(base, inUtf16), undefined, true],
    ['shared-string-out-of-range.xlsx', edit(base, sharedOutOfRange)],
    ['numfmt-2m-brackets.xlsx', edit(base, hugeNumFmt), undefined, true],
    ['entity-expansion.xlsx', edit(base, (p) => withDoctype(p, LAUGHS, 'i')), badXml],
    ['external-entity.xlsx', edit(base, (p) => withDoctype(p, '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 'x')), badXml],
    ['nested-3m-deep.xlsx', edit(base, deeplyNested), /^工作簿超出读取上限：XML 元素嵌套层数/],
    ['empty.xlsx', new Uint8Array(0), /^文件是空的/],
    ['really-xls.xlsx', ole, /^这是旧版 \.xls（或 WPS 的 \.et）格式的文件/],
    ['really-csv.xlsx', strToU8('考点,保密室,试卷袋数\n岳麓考点,1,12\n'), /^不是 \.xlsx 工作簿/],
    ['really-html.xlsx', strToU8('<html><body><table><tr><td>考点</td></tr></table></body></html>'), /^不是 \.xlsx 工作簿/],
    ['name\nwith-newline\u0007.xlsx', strToU8('not a workbook'), /^不是 \.xlsx 工作簿/],
  ];
}
