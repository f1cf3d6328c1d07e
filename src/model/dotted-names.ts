/**
 * Names written the Uyghur or foreign way, in parts joined by a middle dot
 * (阿依古丽·买买提), as people sign them: with a space for the dot
 * (“阿依古丽 买买提”) or with no dot at all (“阿依古丽买买提”). Read against
 * the roster: a signature that is a roster name once the dot and the spaces are
 * set aside is that person, one signer on the roster. The roster may write the
 * dot as a space too (“阿依古丽 买买提”): then that is the name the signatures
 * are read as. Without the roster nothing is joined here: a space between two
 * names (“王芳 李强”, “欧阳娜娜 李强”) is two people, as a four-character Chinese
 * name is as real as 阿依古丽 (splitSignatures alone keeps a part that is no
 * Chinese name, four characters without a compound surname, with the next).
 */
import { personKey } from './people';
import { toHalfWidth } from './text';
import type { SiteData } from './types';

/** The middle dot as personKey writes it; the dots and spaces people type in its place. */
const MIDDLE_DOT = '·';
const DOT_OR_SPACE = '[\\s\\u3000·•・‧∙⋅･.．]*';
const HAN = '\\u4e00-\\u9fff';

interface DottedName {
  /** The roster's name as personKey gives it: 阿依古丽·买买提 (阿依古丽买买提 where the roster writes a space for the dot). */
  name: string;
  /** Its letters, no dot: what a signature must be once its dots and spaces are set aside. */
  letters: string;
  /** The name however its parts are joined, not inside a longer run of characters (a longer name). */
  written: RegExp;
}

const lettersOf = (text: string) => text.replace(/[\s\u3000·•・‧∙⋅･.．]+/g, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name's part as the roster may write it with a space for the dot: two Chinese characters or more (王 芳 is one name padded). */
const NAME_PART = new RegExp(`^[${HAN}]{2,}$`);

/**
 * The parts of a roster name: at its middle dots (阿依古丽·买买提), or at the spaces the roster writes for them
 * (“阿依古丽 买买提”, read as personKey reads it, 阿依古丽买买提); none for a name in one part.
 */
function partsOf(written: unknown, name: string): string[] {
  if (name.includes(MIDDLE_DOT)) return name.split(MIDDLE_DOT);
  const words = toHalfWidth(String(written ?? ''))
    .trim()
    .split(/[\s\u3000]+/);
  // Not a title after the name (李明 主考: personKey leaves it out), not a name padded to three characters' width.
  return words.length > 1 && words.join('') === name && words.every((w) => NAME_PART.test(w)) ? words : [];
}

/** The roster's dotted names, but not one whose parts are each a person on the roster (they sign as themselves). */
export function dottedNamesOf(staff: SiteData['staff']): DottedName[] {
  // Each name as personKey reads it, with the roster's own spelling (its spaces) beside it.
  const spelled = new Map((staff ?? []).map((s) => [personKey(s?.name), s?.name] as const).filter(([key]) => key));
  const keys = new Set(spelled.keys());
  return [...keys].flatMap((name) => {
    const parts = partsOf(spelled.get(name), name);
    if (parts.length < 2 || parts.some((p) => p === '') || parts.every((p) => keys.has(p))) return [];
    const written = new RegExp(`(?<![${HAN}])${parts.map(escape).join(DOT_OR_SPACE)}(?![${HAN}])`, 'g');
    return [{ name, letters: parts.join(''), written }];
  });
}

/** A text with each roster name written with a space or no dot given as the roster writes it (“阿依古丽 买买提” → 阿依古丽·买买提). */
export function joinDottedName(text: string, names: readonly DottedName[]): string {
  return names.reduce((t, n) => t.replace(n.written, n.name), text);
}

/** Signatures already cut at a space (["阿依古丽", "买买提"]): the parts of one roster name joined back into it. */
export function joinDottedSigners(signers: readonly string[], names: readonly DottedName[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < signers.length;) {
    const found = names.map((name) => ({ name: name.name, count: spelledFrom(signers, i, name) })).find((f) => f.count > 0);
    out.push(found ? found.name : joinDottedName(signers[i], names));
    i += found ? found.count : 1;
  }
  return out;
}

/** How many signatures from `start` on spell `name` together (two or more), or 0. */
function spelledFrom(signers: readonly string[], start: number, name: DottedName): number {
  let letters = '';
  for (let end = start; end < signers.length && letters.length < name.letters.length; end++) {
    letters += lettersOf(signers[end]);
    if (end > start && letters === name.letters) return end - start + 1;
  }
  return 0;
}

/** Every signature in the data (every text and list of texts but the roster's own) read against the roster's dotted names. */
export function joinDottedNamesIn(data: SiteData): void {
  const names = dottedNamesOf(data.staff);
  if (names.length === 0) return;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return joinDottedName(value, names);
    if (Array.isArray(value)) {
      const walked = value.map(walk);
      return walked.every((v) => typeof v === 'string') ? joinDottedSigners(walked as string[], names) : walked;
    }
    if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) (value as Record<string, unknown>)[key] = walk(v);
    }
    return value;
  };
  for (const [key, value] of Object.entries(data)) if (key !== 'staff') (data as Record<string, unknown>)[key] = walk(value);
}
