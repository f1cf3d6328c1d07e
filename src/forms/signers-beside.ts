/**
 * 附件1's “接收人签字（两人）：” as people fill it: the two signers each in a
 * cell of their own on the label's line (黄志刚 · 刘春香), or the label and the
 * first name in one cell and the second name in the next, or — nothing on the
 * label's line — the names in the cell under the label. All are the signers:
 * the form asks for two, and a name read as unrelated would send the officer
 * looking for a second signature that is there.
 */
import { CellValue, isBlank } from '../model/grid';
import { peopleIn } from '../model/people';
import type { SheetIndex } from './sheet-index';

/** One person's name as it is signed: two to five Chinese characters (a middle dot for 少数民族 names). */
const NAME = /^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}$/;

/** A cell that holds people's names and nothing else (黄志刚, 刘春香（考务）, 李强、赵敏): no digits, no colon, no sentence. */
function namesOnly(value: CellValue | undefined): value is string {
  if (typeof value !== 'string' || /[\d:：。]/.test(value)) return false;
  const people = peopleIn(value);
  return people.length > 0 && people.every((p) => NAME.test(p));
}

/**
 * The cells of names right of `col` on `row`, after the signer read first: up
 * to a label (the other side's box on the same line) or a cell that holds more
 * than names (a date, a note). Empty cells between names are passed over.
 */
export function namesBeside(index: SheetIndex, row: number, col: number, isLabel: (text: string) => boolean): Array<{ col: number; text: string }> {
  const out: Array<{ col: number; text: string }> = [];
  for (let c = index.rightEdge(row, col) + 1; c < index.width; c = index.rightEdge(row, c) + 1) {
    const v = index.value(row, c);
    if (isBlank(v)) continue;
    if (!namesOnly(v) || isLabel(v)) break;
    out.push({ col: c, text: v });
  }
  return out;
}

/** The names under a signers label when its own line holds none: the cell below, if it holds names only and is no label. */
export function namesBelow(index: SheetIndex, row: number, col: number, isLabel: (text: string) => boolean): string | undefined {
  const v = index.value(row + 1, col);
  return namesOnly(v) && !isLabel(v) ? v : undefined;
}

/** The signers of one field as one cell would hold them: each cell's names in turn, 、 between. */
export function joinSigners(first: CellValue | undefined, more: ReadonlyArray<{ text: string }>): CellValue | undefined {
  if (more.length === 0) return first;
  return [typeof first === 'string' ? first : String(first ?? ''), ...more.map((m) => m.text)].filter((t) => t.trim() !== '').join('、');
}
