/**
 * One mistake repeated down a column is one line in the lists people read
 * (review 15b D5: a column left empty on 120 rows printed 243 lines over 18
 * pages for two mistakes). The findings JSON keeps one finding per cell and
 * every cell stays marked; the marked copy's 问题清单 (finding-list.ts), a
 * unit's §五 in the summaries and the pane's list show the findings of one
 * rule and one message template, on one sheet and column over several table
 * rows, as the first one's message followed by a note of the others' rows.
 * Pure: every face calls it on the findings it has, whether made here or
 * carried across a worker as plain data (the message template is then read
 * back from the message itself, templateOf).
 */
import { type Finding, seqsEn } from '../model/finding';
import { countShown } from '../model/count-shown';
import { ruleMeta } from '../rules';
import { HIDDEN_ROW_NOTE, messageIdOf } from '../rules/engine';
import { SINGULAR, numberRuns } from '../rules/plural';
import type { Lang } from '../rules/types';

/** Findings shown as one line: the first one's place, and its message with the note of the others. */
export interface FindingGroup {
  /** The group's findings in list order, the one shown first (its cell is where the line leads). */
  findings: Finding[];
  /** The first finding's message, followed by the note of the others' rows when there are any. */
  message: string;
}

interface Pattern {
  id: string;
  re: RegExp;
  /** The template's own text, less its placeholders: of two templates that fit, the longer says more. */
  weight: number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English counts are put in the singular after the template is filled (singularOfOne): either form fits. */
const NOUNS = new RegExp(`\\b(${Object.keys(SINGULAR).join('|')})\\b`, 'g');
const eitherNumber = (literal: string): string => literal.replace(NOUNS, (noun: string) => `(?:${noun}|${SINGULAR[noun]})`);

const PATTERNS = new Map<string, Pattern[]>();

/** The rule's message templates, both languages, as whole-message patterns (a placeholder fits any text). */
function patternsOf(rule: string): Pattern[] {
  let list = PATTERNS.get(rule);
  if (list) return list;
  list = [];
  const meta = ruleMeta(rule);
  for (const lang of ['zh', 'en'] as const) {
    for (const [id, template] of Object.entries(meta?.messages[lang] ?? {})) {
      const parts = template.split(/\{\w+\}/);
      const source = parts.map((p) => (lang === 'en' ? eitherNumber(escapeRe(p)) : escapeRe(p))).join('[\\s\\S]*?');
      list.push({ id, re: new RegExp(`^${source}$`), weight: parts.join('').length });
    }
  }
  PATTERNS.set(rule, list);
  return list;
}

/**
 * The message template (a key of its rule's `meta.messages`) a finding was reported with: the engine's record
 * (messageIdOf) where the finding was made in this thread, else the template its message fits; undefined for none.
 */
export function templateOf(f: Pick<Finding, 'rule' | 'message'>): string | undefined {
  const known = messageIdOf(f as Finding);
  if (known) return known;
  // A note of a hidden row follows the template's text (the engine's hiddenRowNote).
  const hidden = HIDDEN_ROW_NOTE.exec(f.message);
  const message = hidden ? f.message.slice(0, hidden.index) : f.message;
  let best: Pattern | undefined;
  for (const p of patternsOf(f.rule)) if ((!best || p.weight > best.weight) && p.re.test(message)) best = p;
  return best?.id;
}

/** The column's letters of a cell (G of G16, $G$16); undefined for none. */
const columnOf = (cell: string | null): string | undefined => (cell ? /^\$?([A-Z]+)\$?\d+$/i.exec(cell)?.[1]?.toUpperCase() : undefined);

/**
 * What findings must share to be one line; undefined for one that stands alone: no table row or cell, a message
 * on a hidden row (its note is its own), one joined from several (the summaries' disagreeing slip), no template.
 */
function groupKey(f: Finding, copy: number | undefined, at: OthersAt): string | undefined {
  const column = columnOf(f.cell);
  if (f.row === null || !column || f.message.includes('\n') || HIDDEN_ROW_NOTE.test(f.message)) return undefined;
  const template = templateOf(f);
  if (template === undefined) return undefined;
  // Beside no marked cell, “也是这样” must be so word for word: rows whose values differ keep lines of their own.
  const words = at === 'column' ? ownRowUnsaid(f) : '';
  return [f.rule, template, f.severity, f.form, f.sheet, column, copy ?? '', words].join('\u0000');
}

/** A finding's message less the mentions of its own row and cell (序号 3, Row 3, 第3班, shift 3, G6), which differ down a column. */
function ownRowUnsaid(f: Finding): string {
  const n = String(f.row);
  const cell = (f.cell ?? '').replace(/\$/g, '');
  let message = f.message;
  for (const own of [`序号 ${n}`, `第${n}班`, `第 ${n} 班`, `Row ${n}`, `row ${n}`, `No. ${n}`, `shift ${n}`, `Shift ${n}`, ...(cell ? [cell] : [])]) {
    message = message.split(own).join('\u0001');
  }
  return message;
}

/** The most runs a note names; past them it says “…” (every cell is marked in the sheet). */
const RANGES_SHOWN = 20;

/**
 * Where a group's other cells are told to be: `marked`, every one marked in the sheet (the marked copy, the pane);
 * `column`, in the first one's column (the command line's text, beside no marked sheet).
 */
export type OthersAt = 'marked' | 'column';

/**
 * The note after the first finding's message: the others' rows (序号, or 班 on 附件5), as runs.
 * “（序号 2–120 这 119 行也是这样，表中已逐格标出）”, “ (the same on 119 more rows: Nos. 2–120, each marked in the sheet)”;
 * at `column`: “（序号 2–120 这 119 行也是这样，在 G 列）”, “ (the same on 119 more rows: Nos. 2–120, column G)”.
 */
function othersNote(first: Pick<Finding, 'form' | 'cell'>, rows: readonly number[], lang: Lang, at: OthersAt): string {
  const all = numberRuns(rows);
  const cut = all.length > RANGES_SHOWN;
  const shown = all.slice(0, RANGES_SHOWN);
  const n = rows.length;
  const count = countShown(n); // 1,049 as every count people read; the 序号 beside it stay as the form numbers them
  const shifts = first.form === 5;
  if (lang === 'zh') {
    const these = cut ? ' 等 ' : ' 这 ';
    const where = shifts ? `第 ${shown.join('、')} 班${these.trim()} ${count} 班` : `序号 ${shown.join('、')}${these}${count} 行`;
    const told = at === 'column' ? `在 ${columnOf(first.cell)} 列` : `表中已${n === 1 ? '' : '逐格'}标出`;
    return `（${where}也是这样，${told}）`;
  }
  const list = `${shown.join(', ')}${cut ? ', …' : ''}`;
  const what = shifts ? (n === 1 ? 'shift' : 'shifts') : n === 1 ? 'row' : 'rows';
  const told = at === 'column' ? `column ${columnOf(first.cell)}` : `${n === 1 ? '' : 'each '}marked in the sheet`;
  return ` (the same on ${count} more ${what}: ${shifts ? list : seqsEn([...shown, ...(cut ? ['…'] : [])])}, ${told})`;
}

/**
 * The findings as the lists people read show them, in the findings' order: those of one rule and one message
 * template on one sheet and column over several table rows one group, at the first one's place, the rest named by
 * row in its note; every other finding a group of its own, its message as it is. `copies`, which copy of its form on
 * its sheet each finding is in (findingCopies), where the form stands more than once: each copy's 序号 begins at 1
 * again, so a group holds one copy's rows (without it, a row already in a group begins another group).
 */
export function groupFindings(findings: readonly Finding[], lang: Lang, copies?: ReadonlyMap<Finding, number>, at: OthersAt = 'marked'): FindingGroup[] {
  const groups: Array<{ findings: Finding[]; rows: Set<number> }> = [];
  const open = new Map<string, { findings: Finding[]; rows: Set<number> }>();
  for (const f of findings) {
    const key = groupKey(f, copies?.get(f), at);
    const group = key === undefined ? undefined : open.get(key);
    if (group && !group.rows.has(f.row!)) {
      group.findings.push(f);
      group.rows.add(f.row!);
      continue;
    }
    const fresh = { findings: [f], rows: new Set(f.row === null ? [] : [f.row]) };
    groups.push(fresh);
    if (key !== undefined) open.set(key, fresh);
  }
  return groups.map(({ findings: list }) => ({
    findings: list,
    message:
      list.length === 1
        ? list[0].message
        : list[0].message +
          othersNote(
            list[0],
            list.slice(1).map((f) => f.row!),
            lang,
            at,
          ),
  }));
}

/** The groups as findings (the summaries' tables take findings): each its first one, with the group's message. */
export function groupedFindings(findings: readonly Finding[], lang: Lang): Finding[] {
  return groupFindings(findings, lang).map((g) => (g.findings.length === 1 ? g.findings[0] : { ...g.findings[0], message: g.message }));
}
