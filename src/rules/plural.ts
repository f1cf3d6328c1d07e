/**
 * English messages write their counts in the plural ("{bags} bags"), as most
 * counts are more than one; a count of one is put back into the singular here,
 * once for every message, rather than a variant of each message per number.
 */
import { countShown } from '../model/count-shown';

/** The plural nouns the messages count with, and their singulars. */
export const SINGULAR: Readonly<Record<string, string>> = {
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
  signers: 'signer',
  slips: 'slip',
  errors: 'error',
  warnings: 'warning',
  workbooks: 'workbook',
  pairs: 'pair',
  gaps: 'gap',
  parts: 'part',
  tables: 'table',
  units: 'unit',
  cells: 'cell',
  lines: 'line',
};

/** Words that may stand between a count and its noun (“1 more papers”, “1 distinct signers”, “1 matching pairs”, “1 room sessions”). */
const BETWEEN = ['more', 'distinct', 'duty', 'handover', 'matching', 'room'];

/** A count of exactly one (not 31, not 0.1, not 1.5) followed by a counted noun. */
const ONE = new RegExp(`(?<![\\d.,])1 ((?:${BETWEEN.join('|')}) )?(${Object.keys(SINGULAR).join('|')})\\b`, 'g');

/** “1 bags” → “1 bag”, “1 copies” → “1 copy”, “1 more papers” → “1 more paper”; every other count left as written. */
export function singularOfOne(text: string): string {
  return text.replace(ONE, (_, between: string | undefined, noun: string) => `1 ${between ?? ''}${SINGULAR[noun]}`);
}

/** A count and its noun, in English: `counted(1, 'bags')` “1 bag”, `counted(3, 'bags')` “3 bags”. */
export function counted(n: number, plural: keyof typeof SINGULAR): string {
  return singularOfOne(`${countShown(n)} ${plural}`);
}

/** The other cells a finding of a column or sheet names, at most; more are counted, not listed. */
const CELLS_NAMED = 5;

/** The first CELLS_NAMED cells, and 等 / … when there are more: “F6、F7 等” and “F6, F7 …”, the messages' {cells} and {cellsEn}. */
export function cellsNamed(cells: readonly string[]): { cells: string; cellsEn: string } {
  const named = cells.slice(0, CELLS_NAMED);
  const more = cells.length > CELLS_NAMED;
  return { cells: `${named.join('、')}${more ? ' 等' : ''}`, cellsEn: `${named.join(', ')}${more ? ' …' : ''}` };
}

/** Runs of consecutive numbers, as rows are named by 序号: [2, …, 40, 42, …, 120] → 2–40, 42–120. */
export function numberRuns(numbers: readonly number[]): string[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out;
}
