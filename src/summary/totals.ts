/**
 * What a consolidated summary counts over its workbooks (its totals, in the JSON report and on 总览), and the
 * totals before any workbook is counted. Worked out by count-totals.ts countTotals, for summary/consolidate.ts (in-process)
 * and batch/spool.ts alike.
 */
import type { Level } from '../model/custody';
import type { AbsentReceiver } from './absent-receivers';
import type { PairStatus } from './consolidate';
import { LEVEL_ORDER } from './stock';
import type { StockReason, UnitName } from './none-units';
import { notCustody } from '../check/refusal';

/**
 * The stock of the units of one level (单位级别): bags, copies and candidates
 * as their workbooks say them. Never added across levels: the 省校 passes its
 * papers to its 分校, a 分校 to its 考点 (《实施方案》（四）), so each level's
 * figures are the same papers and candidates one step down the chain.
 */
export interface LevelTotals {
  /** null: units whose 单位级别 cannot be read (levelOf), counted here and in no level. */
  level: Level | null;
  units: number;
  bags: number;
  copies: number;
  candidates: number;
  bagsStillOut: number;
  /** Of `units`, those whose candidates are not known (考试安排 not read: in no figure); absent when none. */
  candidatesUnknown?: number;
  /** Of `units`, those whose bags still out are not known (附件3 not read: in no figure); absent when none. */
  stillOutUnknown?: number;
  /** Of `units`, those whose bags and copies are not known (no 附件2, or not read: in no figure); absent when none. */
  bagsUnknown?: number;
  /** Why those units' bags and copies are unknown (noIntake, unreadIntake, errorIntake…). */
  bagsWhy?: StockReason[];
  /** Why those units' candidates are unknown, each reason once (unreadSchedule, errorSchedule…): as the level's cell says it. */
  candidatesWhy?: StockReason[];
  /** Why those units' bags still out are unknown (unreadLog, errorLog…). */
  stillOutWhy?: StockReason[];
}

/** Units whose figures of 附件2, 3, 考试安排 are unknown though the form was read: named under why (ConsolidatedTotals). */
type CausedUnits = Partial<Record<Exclude<StockReason, 'noVault' | 'noIntake' | 'ownSite' | 'unreadIntake' | 'unreadLog' | 'unreadSchedule'>, UnitName[]>>;

/**
 * The run's figures. Beside `unreadIntake`, `unreadLog`, `unreadSchedule` (the form not read), the units whose form was
 * read but a figure's cell shows an error value (`errorIntake`, `errorLog`, `errorSchedule`) or a row writes several
 * 试卷号 (`severalIntake`…), counted alike and named under their own words (CausedUnits; absent when none).
 */
export interface ConsolidatedTotals extends CausedUnits {
  files: number;
  /** Files not summarised: could not be read, or read but none of the forms in them (`notCustody` of these). */
  unreadable: number;
  /**
   * Of `unreadable`, the workbooks read but holding none of the forms (不是试卷保密表单: check/refusal.ts notCustody):
   * not damaged, said so on 文件清单, 总览 and every face, not among 无法读取. Absent when none.
   */
  notCustody?: number;
  /**
   * The workbooks read and counted, `ready` of them with no error (可以提交), the rest 需改正: neither counts one set aside
   * (`otherSemester`, `repeatedUnits`: set-aside.ts setAsideCounts), so that files = unreadable + set aside + sites.
   */
  sites: number;
  ready: number;
  errors: number;
  warnings: number;
  /** Paper rows over all units (unit × paper, 试卷明细's rows). */
  papers: number;
  /** Bags out of a vault and not back, over all units: a bag passed on is not out, so none is counted at two levels. */
  bagsStillOut: number;
  /** The stock per level, one entry for each of `LEVEL_ORDER` (a level with no unit: all 0). */
  levels: LevelTotals[];
  pairs: Record<PairStatus, number>;
  /** The semester the run is of (`mainSemesterKey`: most workbooks' 学期), as a key (2024春); null when none names one. */
  semester: string | null;
  /**
   * Readable workbooks of another semester than `semester` (workbook-of-another-semester): counted as
   * files, units and findings, but their papers left out of every stock figure (papers, bags, copies,
   * candidates, bags still out), for a semester's papers are not added to another's.
   */
  otherSemester: OtherSemesterFile[];
  /**
   * Readable workbooks of a unit and semester a workbook before them by file name is of
   * (unit-workbook-twice: a re-saved copy): counted as files and findings, their papers in no stock figure.
   */
  repeatedUnits: RepeatedUnitFile[];
  /**
   * Handovers sent to units whose workbooks are not in the run (sender-only pairs whose receiver gave none), one
   * entry per sender and receiver with the bags: named on the CLI's lines and on 总览 (summary/absent-receivers.ts).
   */
  absentReceivers: AbsentReceiver[];
  /**
   * The units counted that keep no vault record (SiteSummary.noVault: none of 附件2, 3, 5), by name: in no level's
   * stock, for their bags and copies are not known (not 0) and their candidates beside none would skew the level's.
   */
  noVault: UnitName[];
  /**
   * The units counted that keep a vault record but no intake list (SiteSummary.noIntake: no row of 附件2), by name:
   * in no level's stock, for their bags and copies are not known; their bags still out (附件3) are in `bagsStillOut`.
   * Absent when none.
   */
  noIntake?: UnitName[];
  /**
   * The units counted whose intake list (附件2) could not be read (SiteSummary.unread), by name: in no level's stock,
   * for their bags and copies are not known; their bags still out in `bagsStillOut` unless their 附件3 was not read
   * either. Absent when none.
   */
  unreadIntake?: UnitName[];
  /**
   * The units counted whose vault log (附件3) could not be read, by name: their bags still out are not known, in no
   * figure (neither `bagsStillOut` nor their level's); their bags and copies in their level as 附件2 says. Absent when none.
   */
  unreadLog?: UnitName[];
  /**
   * The units counted in their level whose exam schedule (考试安排) could not be read, by name: their candidates are not
   * known, in no figure; their bags and copies in their level. Absent when none.
   */
  unreadSchedule?: UnitName[];
  /**
   * The 分校 (省校) counted that sit exams themselves (本部考点: their 附件4 hands papers to rooms), by name: each counted
   * in the 考点 level's `units` as an exam site besides its own level, its bags, copies, candidates and bags still out
   * in its own level only (stock.ts addOwnSite). Absent when none.
   */
  ownSite?: UnitName[];
  /** The unit every counted workbook is of or under (commonUnit): 总览's title names it; '' when none is common. */
  unit: string;
}

/**
 * A second workbook of one unit and semester: its file, its unit, the file counted in its place, and whether
 * the two hold the same records; its own findings (none known before they are counted), in no figure of the run.
 */
interface RepeatedUnitFile {
  file: string;
  site: string;
  counted: string;
  same: boolean;
  /** Its 基本信息 names no unit: set aside beside a workbook of the same records (a copy), not as the same unit. */
  noUnit?: true;
  errors?: number;
  warnings?: number;
}

/**
 * A workbook of another semester than the run's: its file, its unit and its semester — its 学期 as written, or its forms'
 * where that 学期 is a slip (model/semester.ts countedSite); its own findings, in no figure of the run.
 */
interface OtherSemesterFile {
  file: string;
  site: string;
  semester: string;
  errors?: number;
  warnings?: number;
}

/** Counts a file not summarised (`error`: its one line): among `unreadable`, and `notCustody` when it is a workbook not ours. */
export function countUnsummarised(t: Pick<ConsolidatedTotals, 'unreadable' | 'notCustody'>, error: string | undefined): void {
  t.unreadable++;
  if (notCustody(error ?? '')) t.notCustody = (t.notCustody ?? 0) + 1;
}

/** Totals before any file is counted. */
export function emptyTotals(files: number): ConsolidatedTotals {
  return {
    files,
    unreadable: 0,
    sites: 0,
    ready: 0,
    errors: 0,
    warnings: 0,
    papers: 0,
    bagsStillOut: 0,
    levels: LEVEL_ORDER.map((level) => ({ level, units: 0, bags: 0, copies: 0, candidates: 0, bagsStillOut: 0 })),
    pairs: { matched: 0, disagree: 0, 'sender-only': 0, 'receiver-only': 0 },
    semester: null,
    otherSemester: [],
    repeatedUnits: [],
    absentReceivers: [],
    noVault: [],
    unit: '',
  };
}
