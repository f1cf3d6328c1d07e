/**
 * The consolidated summary over many site workbooks: one row per site, every
 * paper, every handover's two copies paired across workbooks (matched, only
 * one side present, disagreeing — with what differs), every finding, and each
 * source file's SHA-256.
 *
 * Pure: no Node, no Office. `node-consolidate.ts` feeds it from files with
 * worker threads; `consolidateModels` does the whole job in-process for a few
 * workbooks already read (the demo, the add-in).
 */
import type { SiteModel } from '../model/site-model';
import type { FileReport, Finding } from '../model/finding';
import { validateSite } from '../rules/engine';
import { fileReport, findAcross, siteNameOf, slimModel, withAcross } from '../check/service';
import { sameUnitKey, unitKey } from '../model/custody';
import { countTotals, countedFileOf } from './count-totals';
import { semesterKey } from '../model/semester';
import { repeatedUnitFiles, repeatsOf } from './set-aside';
import { type CopyField, type CopyFields, CopyKey, copyFields, differingFields, itemLine, pairCopies } from '../model/pairing';
import { unsolvedCopyFields } from '../model/copy-unknowns';
import { firstDifferingCells } from './pair-cells';
import { HandoverBrief, SiteSummary, addFindings, summarizeSite } from './site';
import { itemsShown, noteCountsShown } from './pair-items';
import { type CarriedFields, carriedFieldsOf } from './carried-fields';
import type { PaperNames } from '../model/item-papers';
import { type SpacedCells, itemsAlike, itemsAsCompared, spacedCellsOf } from '../model/unread-papers';
import { FIELD_WORDS } from './words';
import { byFileName } from '../model/file-order';
import { placeOf, schoolsShown } from './site-order';
import type { ConsolidatedTotals } from './totals';

export type { ConsolidatedTotals, LevelTotals } from './totals';

/** What one input file gave: its summary and findings, or the reason it could not be read. */
export interface FileOutcome {
  file: string;
  /** The site as the findings report names it (`siteNameOf`). */
  site?: string | null;
  sha256: string | null;
  /** One-line reason the file could not be read. */
  error?: string;
  summary?: SiteSummary;
  findings: Finding[];
  /** What its records read as, in short (model/repeated-unit.ts `contentDigest`): a unit's two workbooks hold the same records or not. */
  digest?: string;
  /** The 分校 站点汇总 shows on its row, one name for all its spellings in the run (site-order.ts `schoolsShown`). */
  schoolShown?: string;
  /** Its handovers' fields holding a formula saved without its value, by handover index (`unsolvedCopyFields`): not compared in 交接配对. */
  unknownFields?: UnknownFields;
  /** Its papers by the names its handover items write (model/item-papers.ts workbookPaperNames): how its copies are compared. */
  paperNames?: PaperNames;
  /** Its handover items' 试卷号 cells of papers parted by white space (“1001 9999”: model/unread-papers.ts), each read or not: as compared in 交接配对. */
  spacedCells?: SpacedCells;
}

/** Fields of a workbook's handover copies that hold no value (a formula saved without it), by handover index: `unsolvedCopyFields`. */
export type UnknownFields = Array<[number, CopyField[]]>;

/** A workbook's handover fields that hold no value to compare (`unsolvedCopyFields`), for its outcome; undefined when none. */
export function unknownFieldsOf(model: SiteModel): UnknownFields | undefined {
  const unknown = unsolvedCopyFields(model);
  return unknown.length ? unknown : undefined;
}

/** One copy of a handover, as found in one workbook. */
interface HandoverCopyRef {
  file: string;
  /** The unit whose workbook holds this copy. */
  site: string;
  sheet: string | null;
  cell: string | null;
  time: string;
  quantity: number;
  total: number | string | null;
  fromSigners: string[];
  toSigners: string[];
  /** Its 交接明细 could not be read (HandoverBrief.itemsUnread): its items and 合计 not compared, not empty (review 21 D4). */
  itemsUnread?: HandoverBrief['itemsUnread'];
}

export type PairStatus = 'matched' | 'disagree' | 'sender-only' | 'receiver-only';

interface PairDifference {
  field: keyof typeof FIELD_WORDS;
  /** Chinese label of the field (kept in the JSON report; people read `FIELD_WORDS` in their language). */
  label: string;
  sender: string;
  receiver: string;
}

export interface HandoverPair {
  from: string;
  to: string;
  status: PairStatus;
  /** For a one-sided pair: whether the other side's workbook was among the inputs at all. */
  counterpartProvided: boolean;
  sender: HandoverCopyRef | null;
  receiver: HandoverCopyRef | null;
  differences: PairDifference[];
}

/** A consolidated summary of this many sites or fewer has a sheet for each site. */
export const PER_SITE_SHEETS = 10;

export interface Consolidated {
  files: FileOutcome[];
  /** Files found but left out (summaries this tool wrote), with the reason. */
  skipped?: Array<{ file: string; reason: string }>;
  pairs: HandoverPair[];
  totals: ConsolidatedTotals;
}

/* ------------------------------------------------------------------ pairing */

/**
 * One copy of a handover as pairing needs it: only the fields compared and
 * shown, its items folded into one string, and the fields as compared
 * (model/pairing.ts, the validator's own). Small, so that the copies of
 * thousands of workbooks can be held at once for pairing.
 */
interface PairCopy extends Pick<
  HandoverBrief,
  | 'sheet'
  | 'cell'
  | 'time'
  | 'from'
  | 'to'
  | 'address'
  | 'contact'
  | 'quantity'
  | 'total'
  | 'fromSigners'
  | 'toSigners'
  | 'fieldCells'
  | 'itemsUnread'
  | 'items'
> {
  /** Each item row as compared (`itemLine`), in the sheet's order: the first that differs is where a disagreement is pointed. */
  itemLines: string[];
  file: string;
  site: string;
  /** Each compared field as compared (`copyFields`). */
  fields: CopyFields;
  /** The workbook's semester as a key (CopyKey.semester): copies of two semesters are not paired. */
  semester?: string;
  /** The workbook's papers by the names its items write (FileOutcome.paperNames), where any: how its items are compared. */
  names?: PaperNames;
}

function ref(c: PairCopy, cell: string | null = c.cell): HandoverCopyRef {
  return {
    file: c.file,
    site: c.site,
    sheet: c.sheet,
    cell,
    time: c.time,
    quantity: c.quantity,
    total: c.total,
    fromSigners: c.fromSigners,
    toSigners: c.toSigners,
    ...(c.itemsUnread ? { itemsUnread: c.itemsUnread } : {}),
  };
}

/** Signers as the copy writes them, in its order (compared as a set: pairing.ts), each once. */
const names = (list: string[]): string => [...new Set(list.map((n) => n.trim()).filter(Boolean))].join('、');

const showTime = (t: string): string => t.replace('T', ' ');

/** The compact copy of a handover brief that pairing keeps. */
function pairCopyOf(
  h: HandoverBrief,
  file: string,
  site: string,
  semester: string | undefined,
  unknown?: readonly CopyField[],
  names?: PaperNames,
  fields?: CopyFields,
): PairCopy {
  return {
    file,
    site,
    semester,
    sheet: h.sheet,
    cell: h.cell,
    time: h.time,
    from: h.from,
    to: h.to,
    address: h.address,
    contact: h.contact,
    quantity: h.quantity,
    total: h.total,
    items: h.items,
    itemLines: h.items.map(itemLine),
    fieldCells: h.fieldCells,
    fields: fields ?? copyFields(h, unknown, names),
    fromSigners: h.fromSigners,
    toSigners: h.toSigners,
    ...(h.itemsUnread ? { itemsUnread: h.itemsUnread } : {}),
    ...(names ? { names } : {}),
  };
}

/** A workbook's handover copies as pairing compares them: those it sent and those it received. */
export interface PairCopies {
  out: PairCopy[];
  in: PairCopy[];
}

/**
 * A workbook's handover copies as pairing keeps them; `unknown`, the fields of them that hold no value
 * (FileOutcome.unknownFields); `names`, its papers by the names its items write (FileOutcome.paperNames); `carried`,
 * its slim model, whose copies' fields (worked out of the same `unknown` and `names`) are taken where they are the
 * brief's (carried-fields.ts); `spaced`, its items' 试卷号 cells of papers parted by white space (FileOutcome.spacedCells), kept as typed.
 */
export function pairCopiesOf(
  file: string,
  summary: Pick<SiteSummary, 'site' | 'handovers'>,
  unknown?: UnknownFields,
  names?: PaperNames,
  carried?: CarriedFields,
  spaced?: SpacedCells,
): PairCopies {
  const site = summary.site.name;
  const semester = semesterKey(summary.site.semester);
  const byIndex = new Map(unknown);
  // Items read but a cell of them showing an error value (HandoverBrief.itemsUnread; the cell read as empty): their rows
  // are not compared, as of a sheet not read. A count corrected beside it (2（实为3）) is compared as written.
  const unknownOf = (h: HandoverBrief): readonly CopyField[] | undefined => {
    const fields = byIndex.get(h.index);
    return h.itemsUnread && h.itemsUnread !== 'corrected' && !fields?.includes('items') ? [...(fields ?? []), 'items'] : fields;
  };
  const copyOf = (brief: HandoverBrief) => {
    const items = itemsAsCompared(brief.items, brief.index, spaced);
    const h = items === brief.items ? brief : { ...brief, items: items as HandoverBrief['items'] };
    return pairCopyOf(h, file, site, semester, unknownOf(h), names, carriedFieldsOf(carried, h));
  };
  return { out: summary.handovers.out.map(copyOf), in: summary.handovers.in.map(copyOf) };
}

/** What differs between the sender's and the receiver's copy of one handover (the fields the validator compares). */
function compareCopies(sender: PairCopy, receiver: PairCopy): PairDifference[] {
  const s = sender;
  const r = receiver;
  const differing = new Set(differingFields(s.fields, r.fields));
  const diffs: PairDifference[] = [];
  if (differing.has('time')) diffs.push({ field: 'time', label: FIELD_WORDS.time.zh, sender: showTime(s.time), receiver: showTime(r.time) });
  if (differing.has('from')) diffs.push({ field: 'from', label: FIELD_WORDS.from.zh, sender: s.from, receiver: r.from });
  if (differing.has('to')) diffs.push({ field: 'to', label: FIELD_WORDS.to.zh, sender: s.to, receiver: r.to });
  if (differing.has('items')) {
    // 明细之和 of a copy whose items are not all read (a count corrected beside it) is no sum: their rows are shown
    // (review 25a D1: 明细之和 4 of “3、1、2（实为3）”, the 6 or 7 unseen).
    if (s.quantity !== r.quantity && !s.itemsUnread && !r.itemsUnread)
      diffs.push({ field: 'quantity', label: FIELD_WORDS.quantity.zh, sender: String(s.quantity), receiver: String(r.quantity) });
    else diffs.push({ field: 'items', label: FIELD_WORDS.items.zh, ...itemsShown(s, r) });
  }
  // Rows alike, but a 备注 of one copy says its row holds another count (3310 实为3袋 beside 2): not 一致 (review 25a D2).
  const notes = differing.has('items') ? undefined : noteCountsShown(s, r);
  if (notes) diffs.push({ field: 'items', label: FIELD_WORDS.items.zh, ...notes });
  if (differing.has('total')) diffs.push({ field: 'total', label: FIELD_WORDS.total.zh, sender: String(s.total ?? ''), receiver: String(r.total ?? '') });
  if (differing.has('address')) diffs.push({ field: 'address', label: FIELD_WORDS.address.zh, sender: s.address, receiver: r.address });
  if (differing.has('contact')) diffs.push({ field: 'contact', label: FIELD_WORDS.contact.zh, sender: s.contact, receiver: r.contact });
  if (differing.has('fromSigners'))
    diffs.push({ field: 'fromSigners', label: FIELD_WORDS.fromSigners.zh, sender: names(s.fromSigners), receiver: names(r.fromSigners) });
  if (differing.has('toSigners')) diffs.push({ field: 'toSigners', label: FIELD_WORDS.toSigners.zh, sender: names(s.toSigners), receiver: names(r.toSigners) });
  return diffs;
}

type Held = PairCopy & CopyKey & { order: number };

/**
 * Collects the handover copies of workbooks, one workbook after another (in
 * the order of the files), and pairs them at the end (`pairCopies`, the
 * validator's pairing). Holds only compact copies (`PairCopy`), so that it can
 * be fed as results arrive.
 */
export class HandoverPairer {
  private readonly units = new Set<string>();
  private readonly copies: Held[] = [];

  /** `aside`: files whose copies are not paired, the second workbooks of a unit (`repeatedUnitFiles`): their copies are the first's again. */
  constructor(private readonly aside: ReadonlySet<string> = new Set()) {}

  /** Adds one readable workbook's copies (`unknown`: FileOutcome.unknownFields; `names`: FileOutcome.paperNames; `spaced`: FileOutcome.spacedCells). */
  add(file: string, summary: Pick<SiteSummary, 'site' | 'handovers'>, unknown?: UnknownFields, names?: PaperNames, spaced?: SpacedCells): void {
    this.addCopies(summary.site.name, pairCopiesOf(file, summary, unknown, names, undefined, spaced));
  }

  /** The same, from copies already made compact (`pairCopiesOf`, in a worker thread). */
  addCopies(site: string, copies: PairCopies): void {
    this.units.add(unitKey(site));
    for (const direction of ['out', 'in'] as const) {
      for (const c of copies[direction]) {
        if (this.aside.has(c.file)) continue;
        // The copies are the pairer's own (pairCopiesOf's, or parsed from the spool): completed in place. Spread into a
        // new object with five more properties, each took 15–50 µs (3,000 workbooks: 0.1 s of a summary's last seconds).
        this.copies.push(Object.assign(c, { holder: c.file, holderUnit: site, direction, content: c.fields.content, order: this.copies.length }));
      }
    }
  }

  /** Pairs everything added so far. */
  pairs(): HandoverPair[] {
    return pairAll(this.copies, this.units);
  }
}

/**
 * Pairs the sender's copies with the receiver's across workbooks
 * (model/pairing.ts): by (移交单位, 接收单位), nearest in time, an identical
 * copy first; what is left is one-sided. `aside`: the files whose copies are not paired, a unit's second workbooks (repeatedUnitFiles).
 */
export function pairHandovers(outcomes: readonly FileOutcome[], aside: ReadonlySet<string> = repeatedUnitFiles(outcomes.map(countedFileOf))): HandoverPair[] {
  const pairer = new HandoverPairer(aside);
  for (const o of outcomes) if (o.summary) pairer.add(o.file, o.summary, o.unknownFields, o.paperNames, o.spacedCells);
  return pairer.pairs();
}

/**
 * Whether a unit named so gave its workbook (`sameUnit` as one of them), each
 * name asked once. The units' keys are worked out once, not once per name
 * asked: 4,000 workbooks each with a one-sided copy to a unit of its own took
 * 2 s in `unitKey` and its regular expression alone.
 */
function unitsProvided(units: Set<string>): (name: string) => boolean {
  const keys = [...new Set([...units].map(unitKey))];
  const exact = new Set(keys);
  const known = new Map<string, boolean>();
  return (name) => {
    let answer = known.get(name);
    if (answer === undefined) {
      const key = unitKey(name);
      known.set(name, (answer = (key !== '' && exact.has(key)) || keys.some((u) => sameUnitKey(u, key))));
    }
    return answer;
  };
}

/**
 * The two copies as compared with each other (unread-papers.ts itemsAlike): a 试卷号 cell one read as papers and the
 * other, of the same text, as none is that text on both — their items and fields worked out again; else as they are.
 */
function comparedAlike(s: Held, r: Held): [Held, Held] {
  const alike = itemsAlike(s.items, r.items);
  if (!alike) return [s, r];
  const again = (c: Held, items: Held['items']): Held => ({ ...c, items, fields: copyFields({ ...c, items }, c.fields.unknown, c.names) });
  return [again(s, alike[0] as Held['items']), again(r, alike[1] as Held['items'])];
}

/** The order of the pair tables' units, as `localeCompare(b, 'zh')` gives it, without a collator made per comparison. */
const BY_UNIT_NAME = new Intl.Collator('zh').compare;

function pairAll(copies: readonly Held[], units: Set<string>): HandoverPair[] {
  const provided = unitsProvided(units);
  const { pairs: matched, unpaired } = pairCopies(copies);
  const pairs: HandoverPair[] = matched.map(({ sender, receiver }) => {
    const [s, r] = comparedAlike(sender, receiver);
    const differences = compareCopies(s, r);
    const [senderCell, receiverCell] = differences.length ? firstDifferingCells(s, r) : [s.cell, r.cell];
    return {
      from: s.from,
      to: s.to,
      status: differences.length ? 'disagree' : 'matched',
      counterpartProvided: true,
      sender: ref(s, senderCell),
      receiver: ref(r, receiverCell),
      differences,
    };
  });
  for (const c of [...unpaired].sort((a, b) => a.order - b.order)) {
    if (c.direction === 'out')
      pairs.push({ from: c.from, to: c.to, status: 'sender-only', counterpartProvided: provided(c.to), sender: ref(c), receiver: null, differences: [] });
    else
      pairs.push({ from: c.from, to: c.to, status: 'receiver-only', counterpartProvided: provided(c.from), sender: null, receiver: ref(c), differences: [] });
  }
  const rank: Record<PairStatus, number> = { disagree: 0, 'sender-only': 1, 'receiver-only': 2, matched: 3 };
  pairs.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      BY_UNIT_NAME(a.from, b.from) ||
      BY_UNIT_NAME(a.to, b.to) ||
      (a.sender?.time ?? a.receiver?.time ?? '').localeCompare(b.sender?.time ?? b.receiver?.time ?? ''),
  );
  return pairs;
}

/* ------------------------------------------------------------------ totals */

/** Outcomes (in any order) → the consolidated summary, files sorted by path. */
export function buildConsolidated(outcomes: FileOutcome[]): Consolidated {
  const sorted = [...outcomes].sort((a, b) => byFileName(a.file, b.file));
  const shown = schoolsShown(sorted.map(placeOf));
  const files = sorted.map((f, i) => (f.summary ? { ...f, schoolShown: shown[i] } : f));
  // Each file as the totals count it (as the spool's records are), its unit's second workbooks worked out once for the pairing and the totals.
  const counted = files.map(countedFileOf);
  const repeats = repeatsOf(counted.filter((f) => f.readable));
  const pairs = pairHandovers(files, repeatedUnitFiles(counted, repeats));
  return { files, pairs, totals: countTotals(counted, pairs, repeats) };
}

/** Runs the across-workbook rules over slim models and adds what they find to the outcomes. */
export function applyAcross(outcomes: FileOutcome[], slim: ReadonlyArray<{ id: string; model: SiteModel }>, lang?: 'zh' | 'en'): void {
  const across = findAcross(slim, lang);
  const byFile = new Map(outcomes.map((o) => [o.file, o]));
  for (const { id, model } of slim) {
    const o = byFile.get(id);
    const found = across.get(id);
    if (!o || !found?.length) continue;
    o.findings = withAcross(model, o.findings, found);
    if (o.summary) addFindings(o.summary, found);
  }
}

/** One workbook already read → its outcome (validateSite + summary); `slim`, its slim model, whose paper names it takes. */
function outcomeOf(file: string, sha256: string | null, model: SiteModel, slim: SiteModel, lang?: 'zh' | 'en'): FileOutcome {
  const findings = validateSite(model, lang ? { lang } : undefined);
  const unknownFields = unknownFieldsOf(model);
  // Worked out once, by slimModel (workbookPaperNames), for the checks across workbooks and the copies alike.
  const paperNames = slim.paperNames;
  const spacedCells = spacedCellsOf(model);
  return {
    file,
    site: siteNameOf(model),
    sha256,
    findings,
    summary: summarizeSite(model, findings, { file, sha256, lang }),
    ...(unknownFields ? { unknownFields } : {}),
    ...(paperNames ? { paperNames } : {}),
    ...(spacedCells ? { spacedCells } : {}),
  };
}

/** The whole consolidation in-process, for a few workbooks already read. */
export function consolidateModels(
  inputs: ReadonlyArray<{ file: string; sha256?: string | null; model?: SiteModel; error?: string }>,
  options: { lang?: 'zh' | 'en' } = {},
): Consolidated {
  // A byte copy of another input is read like any workbook: unit-workbook-twice sets it aside as its unit's second.
  const slim = new Map(inputs.flatMap((i) => (i.model ? [[i.file, slimModel(i.model)] as const] : [])));
  const outcomes: FileOutcome[] = inputs.map((i) =>
    i.model
      ? { ...outcomeOf(i.file, i.sha256 ?? null, i.model, slim.get(i.file)!, options.lang), digest: slim.get(i.file)!.contentDigest }
      : { file: i.file, sha256: i.sha256 ?? null, error: i.error ?? '无法读取', findings: [] },
  );
  applyAcross(
    outcomes,
    [...slim].map(([id, model]) => ({ id, model })),
    options.lang,
  );
  return buildConsolidated(outcomes);
}

/** The findings JSON (docs/领域说明.md, 固定约定) for the same run (`files`), from a consolidated summary. */
export function fileReports(c: Consolidated): FileReport[] {
  return c.files.map((f) => fileReport(f.file, f.summary ? (f.site ?? null) : null, f.sha256, f.findings, f.error));
}

/** `custody summary --format json`: the findings report plus the summaries and the handover pairs. */
export function consolidatedJson(c: Consolidated): {
  files: FileReport[];
  sites: SiteSummary[];
  handoverPairs: HandoverPair[];
  totals: ConsolidatedTotals;
} {
  return {
    files: fileReports(c),
    sites: c.files.filter((f) => f.summary).map((f) => f.summary!),
    handoverPairs: c.pairs,
    totals: c.totals,
  };
}
