/**
 * English messages write their counts in the plural ("{bags} bags"), as most
 * counts are more than one; a count of one is put back into the singular here,
 * once for every message, rather than a variant of each message per number.
 */

/** The plural nouns the messages count with, and their singulars. */
const SINGULAR: Readonly<Record<string, string>> = {
  bags: 'bag',
  boxes: 'box',
  copies: 'copy',
  candidates: 'candidate',
  days: 'day',
  hours: 'hour',
  minutes: 'minute',
  rows: 'row',
  sessions: 'session',
  papers: 'paper',
  places: 'place',
  shifts: 'shift',
  files: 'file',
  rooms: 'room',
  nights: 'night',
  times: 'time',
  checkouts: 'checkout',
  items: 'item',
};

/** A count of exactly one (not 31, not 0.1, not 1.5) followed by a counted noun. */
const ONE = new RegExp(`(?<![\\d.,])1 (${Object.keys(SINGULAR).join('|')})\\b`, 'g');

/** “1 bags” → “1 bag”, “1 copies” → “1 copy”; every other count left as written. */
export function singularOfOne(text: string): string {
  return text.replace(ONE, (_, noun: string) => `1 ${SINGULAR[noun]}`);
}
