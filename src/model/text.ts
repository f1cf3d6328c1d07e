/**
 * How people type into these forms: full-width digits and punctuation, names
 * separated by 、，/ or spaces, 是/否 ticks, counts with their unit attached.
 * Pure functions; the readers and the custom functions share them.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const SPACE = /[\s\u3000]/;

/** Full-width ASCII (０-９, Ａ-Ｚ, ：, （, …) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A label or value as compared: half-width, no white space, no trailing colon. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[:：]+$/, '');
}

/** Trimmed text with white space runs folded; empty string for nothing. */
export function cleanText(text: string): string {
  if (!SPACE.test(text)) return text;
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

const SIGNER_SEPARATORS = /[、，,／/;；\s\u3000]+/;

/** "张三、李四" / "张三，李四" / "张三/李四" / "张三 李四" → ["张三", "李四"]. */
export function splitSigners(text: string): string[] {
  return text
    .split(SIGNER_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const YES = new Set(['是', '有', '已签', '已签订', '√', '✓', '✔', 'y', 'yes', 'true', '1', '对']);
const NO = new Set(['否', '无', '未签', '未签订', '×', '✗', '✘', 'n', 'no', 'false', '0', '不是']);

/** 是/否 and their usual ticks; undefined when it says neither. */
export function parseYesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const key = normalizeLabel(value).toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/**
 * A count as typed: 3, "3", "３", "3袋", "3 份", "20人" (报考人数) → 3. Anything else (a fraction,
 * a negative, words) comes back as the text typed, for the validator to flag.
 */
export function parseCount(value: unknown, units: readonly string[] = []): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  const typed = cleanText(toHalfWidth(String(value)));
  if (typed === '') return undefined;
  // The field's own unit after the number ("90分钟", "2H"): the number alone; what is then no number stays as typed.
  const unit = units.find((u) => typed.toLowerCase().endsWith(u) && /\d\s*$/.test(typed.slice(0, -u.length)));
  const text = unit ? typed.slice(0, -unit.length).trim() : typed;
  const boxed = boxWithBags(text);
  if (boxed) return boxed.boxes;
  const m = /^([+-]?\d+(?:\.\d+)?)\s*(袋|箱|份|个|包|人|名)?$/.exec(text);
  if (m) return Number(m[1]);
  return typed;
}

/** The unit written after a count ("3袋" → "袋"), if any. */
export function unitOfCount(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (boxWithBags(value)) return '箱';
  const m = /\d\s*(袋|箱|份)\s*$/.exec(toHalfWidth(value));
  return m ? m[1] : undefined;
}

const BOX_WITH_BAGS = /^(\d+)\s*箱\s*[(（]?\s*(?:内装|内含|装有|共|含)?\s*(\d+)\s*袋\s*[)）]?$/;

/**
 * A count in 箱 with the bags inside written after it, as people fill 附件1's
 * 数量（袋/箱）: "1箱（内装5袋）", "1箱5袋" → { boxes: 1, bags: 5 }.
 */
export function boxWithBags(value: unknown): { boxes: number; bags: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = BOX_WITH_BAGS.exec(cleanText(toHalfWidth(value)));
  return m ? { boxes: Number(m[1]), bags: Number(m[2]) } : undefined;
}

/** A file's own name without its folders (either separator: the pane gives names, the command line paths). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]+/);
  return parts[parts.length - 1] || file;
}
