/**
 * A cell's value as its field reads it: a date-time from every common Chinese
 * form, a count with its unit, names split, 是/否 in a column's own words, an
 * option as people write it, a code half-width.
 */
import { DateContext, formatDate, parseWallClock, readDateTime, withoutHalfDay } from '../model/datetime';
import { splitSignatures } from '../model/people';
import { cleanText, normalizeLabel, parseCount, parseYesNo, readYesNo, splitSigners, toHalfWidth } from '../model/text';
import { CalendarDate, CellValue, isBlank } from '../model/grid';
import { dateFromSerial, isWholeDateSerial } from '../model/number-format';
import type { FieldSpec } from './layout';
import { halfWidthDigits, isPlaceholder, textOf } from './sheet-index';
import { countedAfter } from '../model/paper-code';
import { TextMemo } from '../model/memo';

/** A cell's text is one of the ways people write an option of this field (分校（学院） for 分校). */
export function isOptionWord(field: FieldSpec, text: string): boolean {
  return field.words !== undefined && field.words.has(normalizeLabel(text));
}

export function convert(field: FieldSpec, cell: CellValue, ctx: DateContext): unknown {
  if (isBlank(cell)) return undefined;
  // A TRUE/FALSE cell (t="b") anywhere but a 是/否 field is the word Excel shows, as the checks then quote it (review 17a N2).
  const raw = typeof cell === 'boolean' && field.type !== 'bool' ? (cell ? 'TRUE' : 'FALSE') : cell;
  switch (field.type) {
    case 'datetime': {
      if (typeof raw === 'string' && isPlaceholder(raw)) return undefined;
      // A whole serial under 常规 (45458) is a day and no time, as a date typed alone is: never its midnight, unsaid.
      if (isWholeDateSerial(raw)) return readDateTime(new CalendarDate(dateFromSerial(raw).getTime()), ctx);
      return readDateTime(raw, ctx);
    }
    case 'date': {
      if (typeof raw === 'string' && isPlaceholder(raw)) return undefined;
      // 1月11日上午 on an exam day's form: the date asked for, and the half of the day it was.
      const t = parseWallClock(withoutHalfDay(raw), ctx, true);
      return t ? formatDate(t) : cleanText(textOf(raw)) || undefined;
    }
    case 'count':
      return parseCount(raw, field.units);
    case 'signers':
    case 'multi': {
      // A title after a signer's name (李明 主考) is not a second signer; a role list splits on every separator.
      const text = toHalfWidth(textOf(raw) || String(raw));
      const names = field.type === 'signers' ? splitSignatures(text) : splitSigners(text);
      return names.length ? names : undefined;
    }
    case 'bool':
      // A column with its own words keeps what says neither 是 nor 否 as typed, for the checks to say so at its cell.
      return field.yesNo ? readYesNo(raw, field.yesNo) : parseYesNo(raw);
    case 'enum': {
      const text = cleanText(toHalfWidth(textOf(raw) || String(raw)));
      return field.words?.get(normalizeLabel(text)) ?? (text || undefined);
    }
    default: {
      if (raw instanceof Date) return readDateTime(raw, ctx);
      // A text read once however many cells hold it (a log's names and papers repeat row after row).
      if (typeof raw === 'string' && raw !== '') return (field.code ? CODE_TEXTS : PLAIN_TEXTS).get(raw);
      return textValue(typeof raw === 'number' ? String(raw) : cleanText(textOf(raw) || String(raw)), field.code === true);
    }
  }
}

/** A text or code field's value from the text typed (cleanText's): undefined for a placeholder or nothing. */
function textValue(typed: string, code: boolean): string | undefined {
  // “2207 2袋、2210 1袋”: each count kept beside its paper (2207(2袋)、2210(1袋)), not run into it by the space dropped.
  const counted = code && /\s/.test(typed) ? countedAfter(toHalfWidth(typed)) : undefined;
  if (counted) return counted.join('、');
  const text = code ? toHalfWidth(typed).replace(/\s+/g, '') : halfWidthDigits(typed);
  return text === '' || isPlaceholder(text) ? undefined : text;
}

/** textValue of a cell's text, by text: in a code field (试卷号), and in any other. */
const CODE_TEXTS = new TextMemo((text): string | undefined => textValue(cleanText(text), true));
const PLAIN_TEXTS = new TextMemo((text): string | undefined => textValue(cleanText(text), false));
