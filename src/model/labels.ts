/**
 * The printed labels a finding quotes, and which form each part of the data
 * model is. Rules name a field by its model path (`vaultLog[3].takenAt`); the
 * user reads the label printed on the form (取卷时间). Kept here, on the ground
 * floor, so rules need not import the forms' layouts; test/forms/labels.test.ts
 * checks that every label below is the one the layouts print.
 */
import type { FormNumber, LocationMap } from './location';
import type { FormId } from './site-model';
import type { SiteData } from './types';

/** Each SiteData key: the form that holds it, its attachment number and the sheet name of its template. */
export const FORM_OF_KEY: Record<keyof SiteData, { form: FormId; attachment: FormNumber; sheetName: string }> = {
  site: { form: 'site', attachment: 0, sheetName: '基本信息' },
  schedule: { form: 'schedule', attachment: 0, sheetName: '考试安排' },
  staff: { form: 'staff', attachment: 0, sheetName: '涉卷人员' },
  handovers: { form: 'handover', attachment: 1, sheetName: '附件1 纸质试卷交接单' },
  intake: { form: 'intake', attachment: 2, sheetName: '附件2 纸质试卷入库清单' },
  vaultLog: { form: 'vaultLog', attachment: 3, sheetName: '附件3 保密室试卷出入库记录表' },
  distributions: { form: 'distribution', attachment: 4, sheetName: '附件4 试卷分发登记表' },
  duty: { form: 'duty', attachment: 5, sheetName: '附件5 保密室值班记录' },
};

/**
 * The label each form prints for a field, by form key and field key (a table's
 * columns under the table's key), without the unit in brackets or the colon
 * (“数量（袋）：” → 数量).
 */
export const PRINTED_LABELS: Record<string, string> = {
  'site.semester': '学期',
  'site.branch': '分部',
  'site.school': '分校',
  'site.examSite': '考点',
  'site.level': '单位级别',
  'site.settings.arrivalDaysBefore': '试卷最早到达',
  'site.settings.checkoutLeadMinutes': '最早领卷',
  'site.settings.returnGraceMinutes': '还卷时限',
  'site.settings.intakeWithinHours': '入库时限',
  'site.settings.proctorsFormalStaff': '监考人员须为正式职工',
  'schedule.rows.paperNo': '试卷号',
  'schedule.rows.paperName': '试卷名称',
  'schedule.rows.start': '开考时间',
  'schedule.rows.end': '结束时间',
  'schedule.rows.candidates': '报考人数',
  'staff.rows.name': '姓名',
  'staff.rows.roles': '角色',
  'staff.rows.formalStaff': '正式职工',
  'staff.rows.candidateRelative': '考生亲属',
  'staff.rows.pledgeSigned': '保密承诺书',
  'handovers.time': '日期',
  'handovers.from': '移交单位',
  'handovers.to': '接收单位',
  'handovers.address': '接收地址',
  'handovers.contact': '联系人',
  'handovers.fromOpinion': '移交单位及意见',
  'handovers.fromSigners': '移交人签字',
  'handovers.toOpinion': '接收单位及意见',
  'handovers.toSigners': '接收人签字',
  'handovers.items.destination': '试卷归属',
  'handovers.items.quantity': '数量',
  'handovers.items.unit': '单位',
  'handovers.items.note': '备注',
  'handovers.items.paperNo': '试卷号',
  'handovers.items.paperName': '试卷名称',
  'intake.description': '入库情况描述',
  'intake.time': '入库时间',
  'intake.keeper': '卷库保管员',
  'intake.items.paperNo': '试卷号',
  'intake.items.paperName': '试卷名称',
  'intake.items.bags31': '31份装',
  'intake.items.bags26': '26份装',
  'intake.items.bags11': '11份装',
  'intake.items.bags5': '5份装',
  'intake.items.totalBags': '合计',
  'vaultLog.rows.paperNo': '试卷号',
  'vaultLog.rows.paperName': '试卷名称',
  'vaultLog.rows.quantity': '数量',
  'vaultLog.rows.unit': '单位',
  'vaultLog.rows.taker': '取卷人签字',
  'vaultLog.rows.takenAt': '取卷时间',
  'vaultLog.rows.issuedBy': '卷库保管员出库签字',
  'vaultLog.rows.returner': '还卷人签字',
  'vaultLog.rows.returnedAt': '还卷时间',
  'vaultLog.rows.receivedBy': '保管员入库签字',
  'distributions.date': '日期',
  'distributions.times': '时间',
  'distributions.issuer': '发卷人',
  'distributions.receiver': '收卷人',
  'distributions.rows.paperNo': '试卷号',
  'distributions.rows.paperName': '试卷名称',
  'distributions.rows.copies': '试卷份数',
  'distributions.rows.room': '考场号',
  'distributions.rows.issuedAt': '领取时间',
  'distributions.rows.collector': '领卷人签字',
  'distributions.rows.returnedAt': '回收时间',
  'distributions.rows.returner': '还卷人签字',
  'distributions.rows.note': '备注',
  'duty.supervisor': '负责人签字',
  'duty.shifts.kind': '班次',
  'duty.shifts.from': '值班时间',
  'duty.shifts.to': '值班时间',
  'duty.shifts.record': '情况记录',
  'duty.shifts.handedOverBy': '交班人签字',
  'duty.shifts.takenOverBy': '接班人签字',
};

/** A form's printed label as a finding names it: “数量（袋）：” → 数量. */
export function cleanLabel(label: string): string {
  return label.replace(/[（(].*$/, '').replace(/[:：]$/, '') || label;
}

/** Labels of model paths that the forms print differently from the field (附件4's 日期 for `start`, the 合计 row). */
function fieldLabels(): Record<string, string> {
  const out: Record<string, string> = { ...PRINTED_LABELS };
  out['distributions.start'] = '日期';
  out['distributions.end'] = '时间';
  out['handovers.total'] = '合计';
  out['intake.totals'] = '合计';
  // The 合计 row's cell named by its column as the form prints it: 合计行的31份装（袋）, 合计行的合计（袋）(inside a message's quotes: no quotes of its own).
  for (const k of ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags']) out[`intake.totals.${k}`] = `合计行的${out[`intake.items.${k}`]}（袋）`;
  // Forms that are only a table keep their rows at the top level of the model (`vaultLog[3]`, not `vaultLog.rows[3]`).
  for (const key of ['schedule', 'staff', 'vaultLog']) {
    for (const k of Object.keys(PRINTED_LABELS)) if (k.startsWith(`${key}.rows.`)) out[`${key}.${k.slice(key.length + 6)}`] = PRINTED_LABELS[k];
  }
  return out;
}

/** Printed labels by generic model path (`vaultLog.takenAt`). */
const FIELD_LABELS: Readonly<Record<string, string>> = fieldLabels();

/** The printed label of a field named by its model path (`vaultLog[3].takenAt` → 取卷时间). */
export function labelOf(path: string): string {
  const generic = path.replace(/\[\d+\]/g, '');
  return FIELD_LABELS[generic] ?? generic.split('.').pop() ?? path;
}

/** labelOf for a path a form prints a label for; undefined for any other (a table's row, a date's part, a note's path). */
export const printedLabelOf = (path: string): string | undefined => FIELD_LABELS[path.replace(/\[\d+\]/g, '')];

/**
 * Where a table's time column has its date in the column before it (附件3 取卷日期 | 取卷时间: forms' ColumnSpec.dateColumn),
 * the date's cell is located under the time's path and this part (`vaultLog[3].takenAt.date`), for a finding about the day.
 */
export const datePartOf = (path: string): string => `${path}.date`;

/** The table's own mark that it has a column headed twice (`vaultLog.columnTwice`), for the rule to ask its columns only then. */
export const COLUMN_TWICE = 'columnTwice';

/**
 * A table column headed twice by visible cells, both filled in and not alike: the other header cell is located under the
 * form's path and this one (`vaultLog.columnTwice.takenAt`), the header cell read under it and `.read`
 * (forms/read-table.ts noteTwins), for column-headed-twice.
 */
export const columnTwicePath = (key: string): string => `${COLUMN_TWICE}.${key}`;

/** The columns of a form's table by their model keys (`vaultLog` → paperNo, takenAt …; `handovers.items` → destination …). */
export function columnKeysOf(generic: string): string[] {
  const start = `${generic}.`;
  return Object.keys(FIELD_LABELS).flatMap((k) => (k.startsWith(start) && !k.slice(start.length).includes('.') ? [k.slice(start.length)] : []));
}

/** 考试安排 kept as the timetable is published: the columns a row's 开考时间 and 结束时间 are read from (forms/schedule.ts). */
export const TIMETABLE_LABELS = { start: '考试日期', end: '考试时间' } as const;

/** Whether 考试安排's row `row` was read from 考试日期 · 考试时间 (“9:00-10:30”): the reader located its 考试时间 cell. */
export const readFromTimetable = (locations: LocationMap, row: number): boolean => locations[`schedule[${row}].times`] !== undefined;

/**
 * The label a finding at `path` quotes, as its sheet prints it: `labelOf`, except that a timetable's
 * 开考时间 and 结束时间 are its 考试日期 and 考试时间 (the cells the finding points at).
 */
export function labelAt(locations: LocationMap, path: string): string {
  const m = /^schedule\[(\d+)\]\.(start|end)$/.exec(path);
  return m && readFromTimetable(locations, Number(m[1])) ? TIMETABLE_LABELS[m[2] as 'start' | 'end'] : labelOf(path);
}
