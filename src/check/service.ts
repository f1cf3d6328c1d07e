/**
 * The one check service: workbooks in, the findings report of the JSON
 * contract out (`{"files": [{file, site, sha256, error?, findings}]}`).
 * Every face calls it — `custody validate`, the pane (Excel and browser),
 * the consolidated summary — so that reading, checking each workbook,
 * checking across them, the order of the findings and the name of each site
 * are done once, the same way everywhere.
 *
 * Pure: reading and hashing are given by the caller (Node files, browser
 * files, the open Excel workbook), so that no Node built-in, exceljs or
 * Office.js is reached from here.
 */
import { readCheckableWorkbook, readWorkbook } from '../forms/workbook';
import type { FileReport, Finding, RunReport } from '../model/finding';
import type { SheetGrid, WorkbookGrid } from '../model/grid';
import type { SiteModel } from '../model/site-model';
import type { SiteData } from '../model/types';
import type { LocationMap } from '../model/location';
import { VaultPeople, locationsOf, vaultPeopleOf, vaultPeoplePaths } from '../model/vault-signers';
import { workbookPaperNames } from '../model/item-papers';
import { copyFields } from '../model/pairing';
import { handoversAsCompared, spacedCellsOf } from '../model/unread-papers';
import { packCopyFields } from '../model/packed-fields';
import { unsolvedCopyFields } from '../model/copy-unknowns';
import { PackedLocations, locationEntries, locationsUnder, packLocationsUnder, unpackLocations } from '../model/location-map';
import { sortFindings, validateAcross, validateSiteIn } from '../rules/engine';
import type { Lang } from '../rules/types';
import { refusalLine } from './refusal';
import { SHEET_WORDS, SITE_WORDS, SUMMARY_SHEET_SETS, reportStatus } from '../summary/words';
import { modelDigest } from '../model/repeated-unit';

/** One workbook to check, as its face has it. */
export interface WorkbookInput {
  /** What the report calls it: the path as given, the file's name, 当前工作簿. */
  file: string;
  /** The file's bytes (for the SHA-256), or how to get them; a getter throws a one-line refusal. */
  bytes?: Uint8Array | (() => Uint8Array | Promise<Uint8Array>);
  /** The SHA-256, when the face knows it already. */
  sha256?: string | null;
  /** The grid, or how to read it from the bytes; a reader throws a one-line refusal. */
  grid: WorkbookGrid | ((bytes: Uint8Array | undefined) => WorkbookGrid | Promise<WorkbookGrid>);
  /** Already read and checked on its own (checkWorkbookIn, the browser face's worker): taken as it is. */
  checked?: CheckedWorkbook;
}

export interface CheckOptions {
  lang?: Lang;
  /** SHA-256 of bytes, as hex (Node's crypto, the browser's SubtleCrypto); without it no digest. */
  hash?: (bytes: Uint8Array) => string | null | Promise<string | null>;
  /**
   * Keep of each workbook only what the checks across workbooks need (its
   * slim model; no grid): a run over thousands of workbooks holds some 30 KB
   * a workbook instead of 120 KB. For faces that show nothing but the report.
   */
  slim?: boolean;
  /** Told after each workbook is checked on its own: how many are (a progress bar). */
  onProgress?: (done: number) => void;
  /**
   * A time budget per workbook, asked afresh for each: its reading and checks
   * run within it, and past it the workbook gets the budget's refusal (Node's
   * main thread: time-budget.ts). Without it, they run to their end.
   */
  budget?: () => Within;
}

/** Synchronous work run to its end within a budget, or stopped with a refusal past it. */
export type Within = <T>(work: () => T) => T;

const unbounded: Within = (work) => work();

/** One workbook checked: its entry of the report, and what the faces draw from besides. */
export interface CheckedWorkbook {
  report: FileReport;
  /** Absent when the run was asked to be slim. */
  grid?: WorkbookGrid;
  /** Slim (`slimModel`) when the run was asked to be slim. */
  model?: SiteModel;
  /** Not a unit's workbook (a summary this tool wrote): left out of the report, with the reason. */
  skipped?: string;
}

export interface CheckRun {
  report: RunReport;
  /** In the order of the inputs, skipped ones included. */
  workbooks: CheckedWorkbook[];
  skipped: Array<{ file: string; reason: string }>;
}

/** How a site is named in the report: its 分校 and 考点, as 基本信息 gives them; the 省校, which has neither, by its 分部. */
export function siteNameOf(model: Pick<SiteModel, 'data'>): string | null {
  const s = model.data.site;
  const name = [s?.school, s?.examSite].filter((x) => x && String(x).trim()).join(' ');
  return name || (s?.branch && String(s.branch).trim()) || null;
}

/**
 * Whether a workbook is a summary this tool wrote: `whole` — a consolidated one (its sheets and no other, none
 * hidden), or a unit's own (the pane's 下载汇总工作簿, “X（汇总）.xlsx”: one 汇总 sheet, its title; review 14b D3);
 * `mixed` — a consolidated summary's sheets beside others (a unit's workbook the summary was pasted into, or one
 * hiding sheets so named: review 14a D2), a summary only when none of its sheets is a custody form.
 */
export function summaryShape(grid: WorkbookGrid): 'whole' | 'mixed' | undefined {
  if (grid.sheets.length === 1 && isSiteSummarySheet(grid.sheets[0])) return 'whole';
  return consolidatedShape(grid.sheets);
}

/** summaryShape's consolidated summary, told by the sheets' names and states alone (no cell of theirs read). */
export function consolidatedShape(sheets: ReadonlyArray<Pick<SheetGrid, 'name' | 'state'>>): 'whole' | 'mixed' | undefined {
  const names = sheets.map((s) => s.name);
  if (!SUMMARY_SHEET_SETS.some((set) => set.every((n) => names.includes(n)))) return undefined;
  return sheets.every((s) => !s.state && isSummarySheetName(s.name)) ? 'whole' : 'mixed';
}

const SUMMARY_SHEETS = new Set<string>(Object.values(SHEET_WORDS).flatMap((w) => Object.values(w)));

/** A sheet the consolidated summary writes: its tables, and each unit's 汇总-X (either language). */
const isSummarySheetName = (name: string): boolean => SUMMARY_SHEETS.has(name) || Object.values(SHEET_WORDS.site).some((site) => name.startsWith(`${site}-`));

/** The 汇总 sheet the pane writes, named so in either language, its title in the language it was written in. */
const isSiteSummarySheet = (sheet: WorkbookGrid['sheets'][number]): boolean => {
  const title = String(sheet.rows[0]?.[0] ?? '');
  return Object.values(SHEET_WORDS.site).includes(sheet.name) && Object.values(SITE_WORDS.title).some((t) => title.endsWith(t));
};

/** In every face's words: the pane and the offline page write this summary as custody summary does. */
const SUMMARY_SKIPPED = {
  zh: '这是试卷保密助手写出的试卷保管汇总表，不是单位工作簿',
  en: 'a summary (试卷保管汇总) written by this tool, not a unit workbook',
};

/** The report entry with the contract's key order: file, site, sha256, status, error?, findings (status: reportStatus). */
export function fileReport(file: string, site: string | null, sha256: string | null, findings: Finding[], error?: string): FileReport {
  return { file, site, sha256, status: reportStatus({ error, findings }), ...(error !== undefined ? { error } : {}), findings };
}

async function digestOf(input: WorkbookInput, bytes: Uint8Array | undefined, options: CheckOptions): Promise<string | null> {
  if (input.sha256 !== undefined) return input.sha256;
  return bytes && options.hash ? options.hash(bytes) : null;
}

/** The paths of a site model that the checks across workbooks read. */
const ACROSS_PATHS = ['handovers', 'site'];

/**
 * The only part of a site model that the checks across workbooks need: kept
 * small for thousands of files — its site and handovers, the digest of its
 * vault log and roster (`vaultPeopleOf`) and the locations of those cells
 * the checks may report at. `locations`: those under ACROSS_PATHS unless given.
 */
export function slimModel(model: SiteModel, locations?: LocationMap): SiteModel {
  const vaultPeople = vaultPeopleOf(model);
  // A 试卷号 cell of papers parted by white space (“1001 9999”: unread-papers.ts) is kept as typed with its item, as compared across.
  const handovers = handoversAsCompared(model.data.handovers, spacedCellsOf(model));
  const data: SiteData = { site: model.data.site, handovers: handovers as SiteData['handovers'] };
  // The sheets give the findings' reading order once those across workbooks are added.
  const digest = modelDigest(model);
  const hiddenRows = model.hiddenRows
    ? {
        hiddenRows: model.hiddenRows,
        ...(model.filteredRows ? { filteredRows: model.filteredRows } : {}),
        ...(model.filterUnknown ? { filterUnknown: model.filterUnknown } : {}),
      }
    : {};
  const unsolved = unsolvedHandoverCells(model);
  // A handover sheet whose 交接明细 could not be read: its items and 合计 not compared across workbooks (copy-unknowns.ts).
  const unreadItems = (model.unreadRows ?? []).filter((u) => u.form === 'handover');
  // A handover whose 合计 is written inside its table, with rows below it, and none at its foot: its 合计 not compared either.
  const handoverParts = (model.partTotals ?? []).filter((p) => p.rowsAt.startsWith('handovers['));
  // 基本信息's 学期 against every form's (sheet-of-another-semester): workbook-of-another-semester does not say it again.
  const siteSemester = model.otherSemester?.filter((o) => o.by === 'site') ?? [];
  // The schedule's names its handover items write: how a copy naming its papers by name is compared (item-papers.ts).
  const paperNames = workbookPaperNames(model);
  // Each copy's fields as compared, once here: the checks across workbooks and the summary's 交接配对 take them (rules/handover-pairs.ts).
  const unknown = new Map(unsolvedCopyFields(model));
  const copies = (handovers ?? []).map((h, i) => (h ? packCopyFields(copyFields(h, unknown.get(i), paperNames)) : null));
  return {
    data,
    locations: locations ?? slimLocations(model, vaultPeople),
    sheets: model.sheets,
    vaultPeople,
    contentDigest: digest,
    ...hiddenRows,
    ...(unsolved.length ? { unsolvedFormulas: unsolved } : {}),
    ...(unreadItems.length ? { unreadRows: unreadItems } : {}),
    ...(handoverParts.length ? { partTotals: handoverParts } : {}),
    ...(siteSemester.length ? { otherSemester: siteSemester } : {}),
    ...(paperNames ? { paperNames } : {}),
    ...(copies.length ? { copyFields: copies } : {}),
  };
}

/**
 * The unsolved formulas (forms/unsolved.ts) in cells of the handovers: the checks across workbooks leave such a field
 * out of the comparison of a handover's two copies (model/pairing.ts unsolvedCopyFields; review 19a D1). Only those:
 * a vault log column of unsaved lookups would be thousands of cells no check across reads.
 */
function unsolvedHandoverCells(model: SiteModel): NonNullable<SiteModel['unsolvedFormulas']> {
  if (!model.unsolvedFormulas?.length) return [];
  const held = new Set<string>();
  for (const [, at] of locationEntries(locationsUnder(model.locations, ['handovers']))) held.add(`${at.sheet}!${at.cell}`);
  return model.unsolvedFormulas.flatMap((g) => {
    const cells = g.cells.filter((cell) => held.has(`${g.sheet}!${cell}`));
    return cells.length ? [{ ...g, cells }] : [];
  });
}

/** The slim model's own locations: those under ACROSS_PATHS, and the vault log cells the checks across may report at. */
function slimLocations(model: SiteModel, vaultPeople: VaultPeople): LocationMap {
  const locations = locationsUnder(model.locations, ACROSS_PATHS);
  for (const [path, at] of locationsOf(model, vaultPeoplePaths(vaultPeople))) locations[path] = at;
  return locations;
}

/** A site model as plain data, to cross to another thread: its location map (a Proxy) cannot be copied as it is. */
export interface PackedModel extends Omit<SiteModel, 'locations'> {
  locations: PackedLocations;
}

export function packModel(model: SiteModel): PackedModel {
  return { ...model, locations: packLocationsUnder(model.locations, ['']) };
}

/** The model packModel packed: the same data, and locations with the same entries in the same order. */
export function unpackModel(packed: PackedModel): SiteModel {
  return { ...packed, locations: unpackLocations(packed.locations) };
}

/** The slim model's locations, packed (packLocationsUnder): what `summary` spools for each workbook. */
export function slimPlaces(model: SiteModel): PackedLocations {
  const packed = packLocationsUnder(model.locations, ACROSS_PATHS);
  packed.chunks.push(...locationsOf(model, vaultPeoplePaths(vaultPeopleOf(model))));
  return packed;
}

/**
 * Reads one workbook and checks it on its own: its findings in reading order,
 * its site named, its SHA-256 when there are bytes. Never throws: what cannot
 * be read or checked is one line in `error`.
 */
export async function checkWorkbook(input: WorkbookInput, options: CheckOptions = {}): Promise<CheckedWorkbook> {
  return (await checkWorkbookIn(input, [options.lang ?? 'zh'], options))[0];
}

/**
 * checkWorkbook in each of `langs`, the workbook read once: the browser face's
 * worker checks in both, so that switching the pane's language needs no
 * reading or checking on the page.
 */
export async function checkWorkbookIn(input: WorkbookInput, langs: readonly Lang[], options: CheckOptions = {}): Promise<CheckedWorkbook[]> {
  let bytes: Uint8Array | undefined;
  let sha256: string | null = input.sha256 ?? null;
  let grid: WorkbookGrid | undefined;
  try {
    bytes = typeof input.bytes === 'function' ? await input.bytes() : input.bytes;
    sha256 = await digestOf(input, bytes, options);
    const within = options.budget?.() ?? unbounded;
    const gridOf = input.grid;
    const read = typeof gridOf === 'function' ? await within(() => gridOf(bytes)) : gridOf;
    grid = read;
    const summary = summaryShape(read);
    if (summary === 'whole' || (summary === 'mixed' && within(() => readWorkbook(read)).sheets.every((s) => s.form === null))) {
      return langs.map((lang) => ({ report: fileReport(input.file, null, sha256, []), grid: read, skipped: SUMMARY_SKIPPED[lang] }));
    }
    const [model, findings] = within(() => {
      const m = readCheckableWorkbook(read);
      return [m, validateSiteIn(m, langs)] as const;
    });
    const site = siteNameOf(model);
    return findings.map((list) => ({ report: fileReport(input.file, site, sha256, list), grid: read, model }));
  } catch (error) {
    return langs.map((lang) => ({ report: fileReport(input.file, null, sha256, [], refusalLine(error, lang)), grid }));
  }
}

/**
 * A checked workbook given again (checkWorkbookIn's): its report a copy, which
 * the checks across add to, under the name the face gives it now (the browser
 * face tells apart two files of one name: the findings across name each as listed).
 */
function againChecked(checked: CheckedWorkbook, file: string): CheckedWorkbook {
  return { ...checked, report: { ...checked.report, file } };
}

/**
 * The checks across workbooks given together (a handover's two copies), by
 * id; none for fewer than two workbooks. The models may be slim (`slimModel`).
 */
export function findAcross(sites: ReadonlyArray<{ id: string; model: SiteModel; file?: string }>, lang: Lang = 'zh'): Map<string, Finding[]> {
  return sites.length > 1 ? validateAcross(sites, { lang }) : new Map();
}

/** A workbook's own findings and those across workbooks, in the one reading order. */
export function withAcross(model: Pick<SiteModel, 'sheets'>, own: Finding[], across: readonly Finding[] | undefined): Finding[] {
  return across?.length ? sortFindings(model, own.concat(across)) : own;
}

/**
 * Adds the findings across workbooks to the readable ones (in place). A
 * workbook given twice (the same bytes: a copy under another name) is one
 * workbook to these checks: the first is compared, its copies get the same
 * findings (a copy of a handover sheet paired apart from its original gave
 * one of them a disagreement the other had not).
 */
function applyAcross(checked: readonly CheckedWorkbook[], lang: Lang = 'zh'): void {
  const readable = checked.filter((c) => c.model);
  const firstWith = new Map<string, number>();
  const sameAs = readable.map((c, i) => {
    const digest = c.report.sha256;
    if (!digest) return i;
    if (!firstWith.has(digest)) firstWith.set(digest, i);
    return firstWith.get(digest)!;
  });
  const across = findAcross(
    readable.flatMap((c, i) => (sameAs[i] === i ? [{ id: String(i), model: c.model!, file: c.report.file }] : [])),
    lang,
  );
  readable.forEach((c, i) => {
    c.report.findings = withAcross(
      c.model!,
      c.report.findings,
      across.get(String(sameAs[i]))?.map((f) => ({ ...f })),
    );
    // Set aside (another semester, a unit's second workbook) or to be corrected by what the checks across found.
    c.report.status = reportStatus(c.report);
  });
}

/** A checked workbook without its grid, with its slim model. */
export function slimmed({ grid: _grid, model, ...rest }: CheckedWorkbook): CheckedWorkbook {
  return model ? { ...rest, model: slimModel(model) } : rest;
}

/** Reads and checks every workbook, then across them: the run's report. */
export async function checkWorkbooks(inputs: readonly WorkbookInput[], options: CheckOptions = {}): Promise<CheckRun> {
  const workbooks: CheckedWorkbook[] = [];
  for (const input of inputs) {
    const checked = input.checked ? againChecked(input.checked, input.file) : await checkWorkbook(input, options);
    workbooks.push(options.slim ? slimmed(checked) : checked);
    options.onProgress?.(workbooks.length);
  }
  applyAcross(workbooks, options.lang);
  return {
    report: { files: workbooks.filter((w) => !w.skipped).map((w) => w.report) },
    workbooks,
    skipped: workbooks.filter((w) => w.skipped).map((w) => ({ file: w.report.file, reason: w.skipped! })),
  };
}

/** Exit code of a run: 2 a file could not be read; 1 errors found; 0 none. */
export function exitCodeOf(report: RunReport): number {
  if (report.files.some((f) => f.error !== undefined)) return 2;
  return report.files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}
