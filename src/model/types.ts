/**
 * The site data model: the JSON contract of `custody fill` / `custody extract`
 * (docs/领域说明.md “工作簿里的表”).
 *
 * Times are wall-clock `YYYY-MM-DDTHH:mm`, dates `YYYY-MM-DD`. Because `fill`
 * writes what the data says even where it is wrong, and `extract` must give back
 * what a person typed even where it cannot be read, a time or count may hold the
 * raw text instead (`DateTimeText`, `Count`): the validator, not the reader,
 * decides that it is wrong.
 */

/** `YYYY-MM-DDTHH:mm` when readable; otherwise the text as typed. */
type DateTimeText = string;
/** A whole number when readable; otherwise the value as typed (text, fraction, negative). */
export type Count = number | string;

export type UnitLevel = '省校' | '分校' | '考点';
export const UNIT_LEVELS: readonly UnitLevel[] = ['省校', '分校', '考点'];
/**
 * 单位级别 written with the name the source prints beside a level (各分校（学院）; the
 * 省校 is the 分部; a 考点 is a 学习中心), as compared: half-width, no spaces. A bracket
 * naming another level, or two (分校（或考点）, 省校（分校）, 分部（学院）), is no level.
 */
export const LEVEL_WORDS: ReadonlyMap<string, UnitLevel> = new Map<string, UnitLevel>([
  ['省校(分部)', '省校'],
  ['分校(学院)', '分校'],
  ['考点(学习中心)', '考点'],
]);

export type Role = '主考' | '考务人员' | '值班人员' | '押运人员' | '交接人员' | '监控人员' | '监考人员' | '卷库保管员';
export const ROLES: readonly Role[] = ['主考', '考务人员', '值班人员', '押运人员', '交接人员', '监控人员', '监考人员', '卷库保管员'];

/** Thresholds a unit may set differently on 基本信息 (docs/领域说明.md, 校验规则). */
export interface Settings {
  /** Papers may arrive at most this many days before their first session (《湖南开放大学试卷安全保密管理专项整治实施方案》（四）). */
  arrivalDaysBefore?: number;
  /** Exam-day checkouts at most this many minutes before the session (《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.5). */
  checkoutLeadMinutes?: number;
  /** A return later than this many minutes after the session ended is late. */
  returnGraceMinutes?: number;
  /** Papers received are taken into the vault within this many hours (《湖南开放大学试卷安全保密管理专项整治实施方案》（四）及时入库清点). */
  intakeWithinHours?: number;
  /** Proctors (监考人员) must be formal staff (the same programme's (六)); a unit that hires proctors sets false. */
  proctorsFormalStaff?: boolean;
}

export const DEFAULT_SETTINGS: Required<Settings> = {
  arrivalDaysBefore: 2,
  checkoutLeadMinutes: 60,
  returnGraceMinutes: 120,
  intakeWithinHours: 2,
  proctorsFormalStaff: true,
};

export interface SiteInfo {
  semester?: string;
  branch?: string;
  school?: string;
  examSite?: string;
  level?: UnitLevel | string;
  settings?: Settings;
}

export interface Session {
  paperNo?: string;
  paperName?: string;
  start?: DateTimeText;
  end?: DateTimeText;
  candidates?: Count;
}

/** `true`/`false` when 是/否 can be read; otherwise the text as typed (“不详”), for the validator to flag. */
type YesNoText = boolean | string;

export interface StaffMember {
  name?: string;
  roles?: string[];
  formalStaff?: YesNoText;
  candidateRelative?: YesNoText;
  pledgeSigned?: YesNoText;
}

interface HandoverItem {
  destination?: string;
  quantity?: Count;
  unit?: '袋' | '箱' | string;
  note?: string;
  /** A 试卷号 / 试卷名称 column people keep beside the form (the printed 附件1 has none; the paper goes in 备注): the row's paper. */
  paperNo?: string;
  paperName?: string;
}

export interface Handover {
  semester?: string;
  time?: DateTimeText;
  from?: string;
  to?: string;
  address?: string;
  contact?: string;
  items?: HandoverItem[];
  total?: Count;
  fromOpinion?: string;
  fromSigners?: string[];
  toOpinion?: string;
  toSigners?: string[];
}

interface BagCounts {
  bags31?: Count;
  bags26?: Count;
  bags11?: Count;
  bags5?: Count;
  totalBags?: Count;
}

export interface IntakeItem extends BagCounts {
  paperNo?: string;
  paperName?: string;
}

export interface Intake {
  items?: IntakeItem[];
  totals?: BagCounts;
  description?: string;
  time?: DateTimeText;
  keeper?: string;
}

export interface VaultLogEntry {
  paperNo?: string;
  paperName?: string;
  quantity?: Count;
  unit?: '袋' | '份' | string;
  taker?: string;
  takenAt?: DateTimeText;
  issuedBy?: string;
  returner?: string;
  returnedAt?: DateTimeText;
  receivedBy?: string;
  /** A 备注 column people keep beside the form (the printed 附件3 has none): an approved spare's use is noted there. */
  note?: string;
}

export interface DistributionRow {
  paperNo?: string;
  paperName?: string;
  copies?: Count;
  room?: string;
  issuedAt?: DateTimeText;
  collector?: string;
  returnedAt?: DateTimeText;
  returner?: string;
  note?: string;
}

export interface Distribution {
  start?: DateTimeText;
  end?: DateTimeText;
  rows?: DistributionRow[];
  issuer?: string;
  receiver?: string;
}

export interface Shift {
  kind?: '日间' | '夜间' | string;
  from?: DateTimeText;
  to?: DateTimeText;
  record?: string;
  handedOverBy?: string;
  takenOverBy?: string;
}

interface Duty {
  shifts?: Shift[];
  supervisor?: string;
}

/** One unit's workbook for one semester. */
export interface SiteData {
  site?: SiteInfo;
  schedule?: Session[];
  staff?: StaffMember[];
  handovers?: Handover[];
  /** One intake list, or one per delivery when papers were received more than once. */
  intake?: Intake | Intake[];
  vaultLog?: VaultLogEntry[];
  distributions?: Distribution[];
  duty?: Duty;
}
