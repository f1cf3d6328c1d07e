/**
 * What a rule is: its `meta` (id, severity, the forms it reads, the seed clause
 * it enforces, messages in Chinese and English, a short doc) and its `check`,
 * which reports findings by model path. The engine turns a path into the real
 * sheet, cell and 序号 with `locate()`.
 */
import type { SiteModel } from '../model/site-model';
import type { Severity } from '../model/finding';
import type { FormNumber } from '../model/location';
import type { Facts } from './facts';
import type { CopyPair } from './handover-pairs';

export type Lang = 'zh' | 'en';

export interface RuleMeta {
  /** Stable id, for machines (findings JSON, options). */
  id: string;
  /** A short name for people (交接单两人签字 / Two signers on a handover): used wherever a rule is named to a person. */
  title: { zh: string; en: string };
  severity: Severity;
  /**
   * Messages of a rule of errors reported as warnings: what they say is no mistake in what was written (column-total's
   * total over a formula saved without its value: saved again, the total is checked).
   */
  warnings?: readonly string[];
  /** Attachment numbers the rule reads (0 for 基本信息/考试安排/涉卷人员). */
  forms: readonly FormNumber[];
  /** The source text the rule enforces, quoted, citing the document by title (依据《…实施方案》（四）“…”). */
  clause: string;
  /** Message templates by id, with {placeholders}; `zh` first. */
  messages: { zh: Record<string, string>; en: Record<string, string> };
  docs: string;
}

/** A list is joined as the language lists things: 甲、乙 / A, B. */
export type Params = Record<string, string | number | readonly (string | number)[] | undefined>;

export interface ReportOptions {
  /** When the path cannot be located (a whole form missing): the form to name. */
  form?: FormNumber;
  /**
   * The finding is about the day of the time at `path` (it would not hold on the day compared): where the table keeps
   * that day in a date column of its own (取卷日期 | 取卷时间), it points at the date's cell (model/labels.ts datePartOf).
   */
  onDay?: boolean;
}

export interface RuleContext {
  model: SiteModel;
  facts: Facts;
  /** Reports a finding at a model path (`vaultLog[3].takenAt`) with a message id and its parameters. */
  report(path: string, messageId: string, params?: Params, options?: ReportOptions): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export interface CrossSite {
  id: string;
  model: SiteModel;
  /** The workbook's file, to name it to the other side; the id where not given (consolidation keys sites by file). */
  file?: string;
}

export interface CrossReport {
  site: string;
  path: string;
  messageId: string;
  params?: Params;
}

/**
 * A rule that compares workbooks given together. It is given the models, not
 * their facts: a summary's models are slim, their locations read from disk
 * only for a finding (batch/across-spool.ts), and working out every model's
 * facts read all of them (some 25 MB over 3,000 workbooks).
 */
export interface CrossRule {
  meta: RuleMeta;
  check(sites: ReadonlyArray<CrossSite>, report: (r: CrossReport) => void, run: AcrossRun): void;
}

/** What the checks across one run's workbooks share (handover-pairs.ts `acrossRun`): worked out once, when first asked. */
export interface AcrossRun {
  handoverPairs(): ReadonlyArray<CopyPair>;
}
