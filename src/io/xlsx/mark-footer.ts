/**
 * A marked sheet's printed footer names the sheet: the 问题清单 says
 * “值班记录1 D11”, and the printed form pages carry no sheet tab and no
 * row or column headings — of nine alike 值班记录 pages the officer with paper
 * could not tell which is meant. The name goes first in the footer's centre
 * (“值班记录1 · 第 3 页，共 9 页”); the rest of the footer stays as it was.
 */
import { escapeXml } from './mark-notes';
import { decodeEntities } from './xml';
import { insertionPoint } from './worksheet-order';

/** Between the sheet's name and what the footer's centre said before. */
const SEPARATOR = ' · ';

/**
 * A header/footer string (&L, &C, &R its sections; text before any is the
 * centre's; && a literal &) with `name` first in its centre section.
 */
export function footerWithName(footer: string | undefined, name: string): string {
  const literal = name.replace(/&/g, '&&');
  const text = footer ?? '';
  // Where each section code starts (a literal && skipped).
  const codes: Array<{ at: number; section: string }> = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== '&') continue;
    const next = text[i + 1].toUpperCase();
    if (next === 'L' || next === 'C' || next === 'R') codes.push({ at: i, section: next });
    i++;
  }
  const centre = codes.find((c) => c.section === 'C');
  // No centre section: text before any code is the centre's, else a centre is added.
  if (!centre && (text === '' || codes[0]?.at === 0)) return `${text}&C${literal}`;
  const at = centre ? centre.at + 2 : 0;
  const end = codes.find((c) => c.at >= at)?.at ?? text.length;
  const separator = text.slice(at, end).trim() === '' ? '' : SEPARATOR;
  return `${text.slice(0, at)}${literal}${separator}${text.slice(at)}`;
}

const HEADER_FOOTER = /<headerFooter\b[^>]*\/>|<headerFooter\b[^>]*>([\s\S]*?)<\/headerFooter>/;
const FOOTERS = ['oddFooter', 'evenFooter', 'firstFooter'] as const;

/** A worksheet part's XML with the sheet's name in each footer it prints (a footer added where it has none). */
export function withNameInFooter(sheet: string, name: string): string {
  const found = HEADER_FOOTER.exec(sheet);
  const footer = (text: string | undefined) => escapeXml(footerWithName(text, name));
  if (!found) {
    const at = insertionPoint(sheet, '<headerFooter');
    return `${sheet.slice(0, at)}<headerFooter><oddFooter>${footer(undefined)}</oddFooter></headerFooter>${sheet.slice(at)}`;
  }
  const open = /^<headerFooter\b[^>]*?(?=\/?>)/.exec(found[0])![0] + '>';
  let inner = found[1] ?? '';
  for (const tag of FOOTERS) {
    inner = inner.replace(
      new RegExp(`<${tag}\\b[^>]*/>|<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`),
      (_m, text: string | undefined) => `<${tag}>${footer(text === undefined ? undefined : decodeEntities(text))}</${tag}>`,
    );
  }
  if (!/<oddFooter\b/.test(inner)) {
    // After the odd pages' header, before the even pages' (CT_HeaderFooter's order).
    const header = /<oddHeader\b[^>]*>[\s\S]*?<\/oddHeader>|<oddHeader\b[^>]*\/>/.exec(inner);
    const at = header ? header.index + header[0].length : 0;
    inner = `${inner.slice(0, at)}<oddFooter>${footer(undefined)}</oddFooter>${inner.slice(at)}`;
  }
  return sheet.slice(0, found.index) + `${open}${inner}</headerFooter>` + sheet.slice(found.index + found[0].length);
}
