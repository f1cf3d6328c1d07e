import { isBlankValue } from './facts';
import { RowGap, rowGaps, seqOf } from './rows';
import type { RuleContext, RuleMeta } from './types';
import { type FormNumber, locate } from '../model/location';
import type { FormId } from '../model/site-model';
import { UNIT_CHOICES } from '../model/unit-total';
import { errorParams, isExcelError } from '../model/excel-errors';
import { fromBranchOrPrinter } from '../model/custody';
import { toHalfWidth } from '../model/text';

export const meta: RuleMeta = {
  id: 'required-field',
  title: { zh: '必填项未填', en: 'Required field left empty' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–5 表头、表格各栏与签字栏；（四）“双方签写附件1……签写附件2……签写附件3……签写附件4……签写附件5”；（六）“出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      field: '“{field}”没有填写。这是{form}必填的一项，请补填后再提交。',
      errorValue:
        '“{field}”这一格显示的是“{value}”，这是 Excel 的错误值：格子里的公式算不出结果（{cause}），表上和打印出来的都是“{value}”，没有填出{form}要写的“{field}”。请改正公式，或删去公式直接填写。',
      noLabel:
        '表上找不到“{field}”这一项，所以它也没有填写。这是{form}必填的一项：请按空白表在表上写出“{field}：”并填写（已有这一项、只是写法不同的，把它改成“{field}：”）。',
      cell: '序号 {seq} 这一行的“{field}”没有填写。{form}每行都须填写此项，请补填后再提交。',
      unit: '序号 {seq} 这一行的数量 {quantity} 没有写单位，看不出是 {quantity} {a}还是 {quantity} {b}，打印出来也只有一个数。请在本行的“单位”栏（表格右侧，打印区域之外）选“{a}”或“{b}”，或在数量后写上单位，如“{quantity}{a}”。',
      table: '{form}没有任何一行记录。请把本表的记录逐行填上。',
      form: '工作簿里没有填写“{form}”。本单位须签写此表，请补上：可从“表单”页插入或下载空白表，或用 custody template 生成。',
      formBlank: '“{form}”还是空白的：工作表“{sheet}”上这张表一项也没有填写。本单位须签写此表，请填写。',
      noVault:
        '本考点的工作簿里附件2 纸质试卷入库清单、附件3 保密室试卷出入库记录表、附件5 保密室值班记录一张也没有填写，看不出试卷在本考点保密室的入库、出入库和值班。《湖南开放大学试卷安全保密管理专项整治实施方案》（三）要求各分校（学院）和考点建立试卷保密室；（四）要求考点接收试卷后及时入库清点并签写附件2，考试当天考务人员与考点卷库保管员（值班人员）在保密室内履行出入库交接并签写附件3，试卷入库至出库期间保密室值班人员签写附件5。请补上这三张表：可从“表单”页插入或下载空白表，或用 custody template 生成。',
      noVaultBranch:
        '本分校的工作簿里附件2 纸质试卷入库清单、附件3 保密室试卷出入库记录表、附件5 保密室值班记录一张也没有填写，看不出试卷在本分校保密室的入库、下发考点的出库和值班。《湖南开放大学试卷安全保密管理专项整治实施方案》（三）要求各分校（学院）和考点建立试卷保密室；（四）要求分校（学院）接收试卷后及时入库清点并签写附件2，在考前下发试卷给考点时，考点考务人员与分校（学院）卷库保管员（值班人员）在保密室内履行出入库交接并签写附件3，试卷入库至出库期间各级保密室值班人员签写附件5。请补上这三张表：可从“表单”页插入或下载空白表，或用 custody template 生成。',
      voided:
        '{form}的 {count} 行都注明作废，没有一行有效的记录（作废的行不参与检查）。本单位须签写此表：如其中有仍然有效的记录，请删去它备注里的“作废”；否则请删除作废的行，填上有效的记录。',
      voidedStruck:
        '{form}的 {count} 行都划了删除线，已当作作废，没有一行有效的记录（作废的行不参与检查）。本单位须签写此表：如其中有仍然有效的记录，请取消它的删除线；否则请删除这些行，填上有效的记录。',
      level:
        '“单位级别”写的是“{value}”，读不出是省校、分校还是考点。单位级别须为 省校/分校/考点 之一（分部填“省校”），请改正。它决定哪些交接单是接收、哪些出库是下发，改正之前依单位级别判断的检查暂不进行。',
      column: '{form}的表头里找不到“{field}”一栏，各行的“{field}”都读不到。请在表头加上“{field}”一栏（已有这一栏的，把表头改成“{field}”），逐行填写后再提交。',
      sessions:
        '考试安排的表头里找不到{columns}，读不出各场考试的{what}，{checks}改正之前暂不进行。请在表头写上“开考时间”“结束时间”两栏，或按公布的考试时间表写“考试日期”“考试时间”（如 9:00-10:30）两栏，逐行填写后再提交。',
      ditto:
        '序号 {seq} 这一行的“{field}”写的是“{typed}”，没有写出{field}。{form}是签字存档的记录，每行的{field}都须写出来，不能用“同上”“〃”代替，请写上。检查时暂按上一行的“{value}”核对。',
      dittoNone:
        '序号 {seq} 这一行的“{field}”写的是“{typed}”，没有写出{field}，上面也没有可沿用的。{form}是签字存档的记录，每行的{field}都须写出来，不能用“同上”“〃”代替，请写上。',
      unreadTable:
        '工作表“{sheet}”上{form}的表头行（{labels}…）找不到，表里的各行都读不出来，这张表没有检查（其他表照常检查）。请按空白表恢复表头行（各栏名称写在表格上方的同一行），再检查一次。',
      unreadCopy:
        '工作表“{sheet}”上有几份{form}，从这一格起的第 {copy} 份找不到表头行（{labels}…），这一份表里的各行都读不出来，没有检查（这张工作表上的其他几份和其他表照常检查）。请按空白表恢复这一份的表头行（各栏名称写在表格上方的同一行），再检查一次。',
      unreadBlocks:
        '工作表“{sheet}”上找不到“{labels}：”，{form}各班的值班记录都读不出来，这张表没有检查（其他表照常检查）。附件5 没有表头行，每班都以“{labels}：”开头：请按空白表在每班前写上“{labels}：”和时间，再检查一次。',
    },
    en: {
      field: '"{field}" is empty. It is required on {formEn}; fill it in before submitting.',
      errorValue:
        'The "{field}" cell shows "{value}", an Excel error value: its formula cannot be worked out ({causeEn}), and the form on screen and in print shows "{value}", not the "{field}" {formEn} asks for. Correct the formula, or delete it and type the value.',
      noLabel:
        '"{field}" is not found on the form, so it is not filled in either. It is required on {formEn}: write "{field}:" as the blank form has it and fill it in (where the item is there under other words, rename it "{field}:").',
      cell: 'Row No. {seq}: "{field}" is empty. Every row of {formEn} needs it; fill it in before submitting.',
      unit: 'Row No. {seq}: the quantity {quantity} has no unit: {quantity} {a} or {quantity} {b}? It prints as a bare number. Pick {a} or {b} in the row’s 单位 cell (right of the form, outside the print area), or write the unit after the number, e.g. "{quantity}{a}".',
      table: 'No row of {formEn} is filled in. Enter its records row by row.',
      form: 'This workbook has nothing filled in on {formEn}. This unit must keep this form: add it. A blank one can be inserted or downloaded from the Forms (表单) tab, or made with custody template.',
      formBlank: 'Nothing is filled in on {formEn} (sheet "{sheet}"): it is still blank. This unit must keep this form: fill it in.',
      noVault:
        'This exam site’s workbook has none of the intake list (附件2), the vault log (附件3) and the duty log (附件5) filled in: nothing shows the papers taken into, out of and guarded in the site’s vault. The programme’s (三) has every 分校 and exam site keep a paper vault (试卷保密室); its (四) has an exam site count the papers in on arrival and sign 附件2, its staff and vault keeper sign each exam-day checkout and return in the vault on 附件3, and the vault’s duty staff sign 附件5 from intake to the last checkout. Add the three forms: blank ones can be inserted or downloaded from the Forms (表单) tab, or made with custody template.',
      noVaultBranch:
        'This branch school’s workbook has none of the intake list (附件2), the vault log (附件3) and the duty log (附件5) filled in: nothing shows the papers taken into the branch’s vault, handed out of it to its exam sites and guarded there. The programme’s (三) has every 分校 and exam site keep a paper vault (试卷保密室); its (四) has a 分校 count the papers in on arrival and sign 附件2, its vault keeper and each exam site’s staff sign 附件3 in the vault when the papers are handed down before the exam, and every level’s vault duty staff sign 附件5 from intake to the last checkout. Add the three forms: blank ones can be inserted or downloaded from the Forms (表单) tab, or made with custody template.',
      voided:
        'All {count} rows of {formEn} are marked void (作废), so it has no valid record (void rows are not checked). This unit must keep this form: if a row is in fact valid, take 作废 out of its 备注; otherwise delete the void rows and enter the valid records.',
      voidedStruck:
        'All {count} rows of {formEn} are struck through, taken as void, so it has no valid record (void rows are not checked). This unit must keep this form: if a row is in fact valid, remove its strikethrough; otherwise delete those rows and enter the valid records.',
      level:
        '"单位级别" reads "{value}", which is not a level. It must be one of 省校 (provincial school), 分校 (branch school) or 考点 (exam site); the provincial branch (分部) writes 省校: correct it. It decides which handovers are received and which checkouts are dispatches; until it is corrected, the checks that depend on it are not run.',
      column:
        'The header of {formEn} has no "{field}" column, so no row’s "{field}" can be read. Add the column (or give the column you have that header) and fill it in row by row.',
      sessions:
        'The exam schedule’s header has no {columnsEn}, so the sessions’ {whatEn} cannot be read; {checksEn} are not run until it is fixed. Head two columns 开考时间 and 结束时间, or, as the published timetable does, 考试日期 and 考试时间 (e.g. 9:00-10:30), and fill them in row by row.',
      ditto:
        'Row No. {seq}: "{field}" reads "{typed}", a ditto mark, not the value itself. Each row of {formEn}, a signed record, writes its own "{field}" out; write it. Until then the checks read the row above’s "{value}".',
      dittoNone:
        'Row No. {seq}: "{field}" reads "{typed}", a ditto mark, not the value itself, and no row above has one. Each row of {formEn}, a signed record, writes its own "{field}" out; write it.',
      unreadTable:
        'The header row of {formEn} on sheet "{sheet}" ({labelsEn}…) is not found, so none of its rows can be read and this form is not checked (the others are). Restore the header row as the blank form has it (the column names on one row above the table) and check again.',
      unreadCopy:
        'Sheet "{sheet}" holds {formEn} more than once: the header row ({labelsEn}…) of copy {copy}, from this cell on, is not found, so none of its rows can be read and this copy is not checked (the other copies on the sheet and the other forms are). Restore its header row as the blank form has it (the column names on one row above the table) and check again.',
      unreadBlocks:
        'No "{labels}：" is found on sheet "{sheet}", so none of the shifts of {formEn} can be read and this form is not checked (the others are). The duty log has no header row: each shift starts with "{labels}：". Write "{labels}：" and its time before each shift, as the blank form has it, and check again.',
    },
  },
  docs: 'A header or footer field the form cannot do without (dates, units, signatures, 附件2’s 入库情况描述) is empty (where its label is not found on the form at all, said at the form’s title, naming the label to write back); one required cell of an otherwise filled table row is empty (two or more: partial-row) — a 附件1 or 附件3 row with a 数量 and no 单位 (袋/箱, 袋/份) picked, typed after the number or stated by the column’s header (数量（袋）) is told at its 单位 cell (a sheet kept without the 单位 column, as the source form prints 数量（袋/箱）, is not asked: its bare counts are bags, as before); a form’s table has no rows; or a form the unit must keep is missing (one finding, not one per field; a form whose sheet is there but blank, as custody template writes it, is asked to be filled in rather than added, and a blank workbook’s vault forms are asked for each: with 基本信息 blank there is no unit to give a 考点’s or 分校’s reasons for). A 考点 that keeps none of its vault’s forms (附件2, 附件3, 附件5 all missing, none struck out: papers kept elsewhere and fetched for each session) is one fact, said once at 基本信息’s 考点 with why each 考点 keeps them (《实施方案》（三） a vault at every 分校 and 考点, （四） who signs 附件2, 3 and 5), not three findings asking for a form each; a 分校 keeping none of them is the same one fact, said at 基本信息’s 分校 with a 分校’s reasons ((三) its vault; (四) it signs 附件2 on arrival, 附件3 with its 考点’s staff when it hands the papers down before the exam, and its duty staff 附件5); one or two of them missing are asked for each, as before. A table whose rows are all struck out (作废 in each 备注) was filled, not left empty: each row is voided-row’s warning, and the form is asked for only where the workbook then keeps no valid record of it at all (its only 交接单, its 附件3), saying that all its rows are marked void (or, where they are struck through rather than marked 作废, that they are struck through and how to undo it). 基本信息 names the unit by its level: a 考点 its 分校 and 考点, a 分校 its 分校, the 省校 its 分部; a 考点 under no 分校 (直属考点: its 分校 left blank, its papers received from the 省校 — the 分部, a printer, or the university the 分部 is of, 湖南开放大学 for 湖南分部) is not asked for a 分校. Every unit keeps 附件1, 附件2 and 附件5; 附件3 is a 分校’s and a 考点’s (《实施方案》（四）; a 省校 that keeps one has it judged, and without one its duty log is judged up to its last sheet sending papers down), 附件4 a 考点’s. A 单位级别 written as none of 省校/分校/考点 (分部, 学院) is said once, at its cell, and the checks that depend on the level wait for it: which handovers are received, which checkouts are dispatches and whose signatures are the unit’s own are not guessed; written with the name the source prints beside a level (分校（学院）, 省校（分部）, 考点（学习中心）) it is that level. A table whose header lacks a column its rows must fill (附件3 without 还卷时间, 附件4 without 领卷人签字) is said once, at the header row, not as each row’s empty cell; 考试安排 without its session times (neither 开考时间 · 结束时间 nor the published timetable’s 考试日期 · 考试时间 “9:00-10:30”, which read as start and end) is said once, naming the checks that wait for them; a row of that timetable with its 考试日期 or 考试时间 blank is said at that cell, by that label. A form whose rows cannot be read at all (its table’s header row not found; 附件5 without the 值班时间： each shift starts with) no longer refuses the whole workbook: it is said once at its sheet’s title, with advice that fits its print (restore the header row; 附件5, which has none, write 值班时间： before each shift), the form is not asked for as missing or empty, and the other sheets are checked. A sheet holding the form more than once (交接单 copied down the sheet) whose later copy lost its header row is said so at that copy’s title, naming which copy it is; the other copies on the sheet are read and checked. A ditto mark (同上, 同左, 〃, ″) in a 试卷号, 试卷名称 or 试卷归属 cell is said once at its cell: the forms are signed records and each row writes its paper out; every other check reads the value of the row above, so the mark brings no unknown paper or name mismatch with it. A text field (学期, the unit’s names, a handover’s units, address and contact, 附件2’s 入库情况描述) showing an Excel error value (#REF!, #N/A: its formula not worked out) is said so at its cell: the form prints the error, not the value.',
};

/** A 数量 with no unit: said at the row's 单位 cell (asked only where the sheet keeps that column: rows.ts). */
function unitMissing(model: RuleContext['model'], gap: RowGap, key: keyof typeof UNIT_CHOICES, report: RuleContext['report']): void {
  const [a, b] = UNIT_CHOICES[key];
  report(`${gap.path}.unit`, 'unit', { seq: seqOf(model, gap.path), quantity: String(gap.row.quantity), a, b });
}

const isSessionTime = (path: string) => path === 'schedule.start' || path === 'schedule.end';

/**
 * 考试安排 without 开考时间 or 结束时间 (and without 考试日期 · 考试时间 standing for them): once, at its header. Every
 * check that asks when a session is waits for them, and the officer is told so, and both ways to head the columns.
 */
function sessionColumns(missing: RuleContext['facts']['missingColumns'], report: RuleContext['report']): void {
  const paths = missing.map((m) => m.path).filter(isSessionTime);
  if (paths.length === 0) return;
  const start = paths.includes('schedule.start');
  const end = paths.includes('schedule.end');
  const columns = start && end ? '“开考时间”“结束时间”两栏' : start ? '“开考时间”一栏' : '“结束时间”一栏';
  report(paths[0], 'sessions', {
    columns,
    columnsEn: [start && 'start', end && 'end'].filter(Boolean).join(' or ') + ' time column',
    what: start ? '考试时间' : '结束时间',
    whatEn: start ? 'times' : 'end times',
    checks: start ? '依考试时间判断的检查（试卷到达、领卷、还卷、分发登记、值班等）' : '依考试结束时间判断的检查（还卷时限等）',
    checksEn: start
      ? 'the checks that depend on session times (arrival, checkout, return, handouts, duty)'
      : 'the checks that depend on session end times (return deadlines)',
  });
}

/**
 * Each form's name in the messages: in Chinese as the form prints it; in English, as a phrase that reads within a
 * sentence (“on the vault log (附件3)”), with the Chinese name the officer finds on the sheet tab or the form's title.
 */
export const FORM_NAMES: Record<string, [string, string, FormNumber, FormId]> = {
  site: ['基本信息', 'the site information sheet (基本信息)', 0, 'site'],
  schedule: ['考试安排', 'the exam schedule (考试安排)', 0, 'schedule'],
  staff: ['涉卷人员名单', 'the staff roster (涉卷人员名单)', 0, 'staff'],
  handovers: ['附件1 纸质试卷交接单', 'the handover sheet (附件1)', 1, 'handover'],
  intake: ['附件2 纸质试卷入库清单', 'the intake list (附件2)', 2, 'intake'],
  vaultLog: ['附件3 保密室试卷出入库记录表', 'the vault log (附件3)', 3, 'vaultLog'],
  distributions: ['附件4 试卷分发登记表', 'the distribution register (附件4)', 4, 'distribution'],
  duty: ['附件5 保密室值班记录', 'the duty log (附件5)', 5, 'duty'],
};

/** The rows struck out with 作废 or struck through (forms/voided.ts; voided-row says each), by sheet. */
function struckBySheet(model: RuleContext['model']): Map<string, number> {
  const struck = new Map<string, number>();
  for (const { sheet } of model.voided ?? []) struck.set(sheet, (struck.get(sheet) ?? 0) + 1);
  return struck;
}

/** The sheets with a row marked 作废 (not only struck through): their message speaks of 作废, the others of the strike. */
function markedVoidSheets(model: RuleContext['model']): Set<string> {
  return new Set((model.voided ?? []).filter((v) => !v.struck).map((v) => v.sheet));
}

/** The name fields 基本信息 must give, by level: a 考点 names its 分校 and itself, a 分校 itself, the 省校 its 分部. */
const NAMES_BY_LEVEL = {
  考点: ['school', 'examSite'],
  分校: ['school'],
  省校: ['branch'],
} as const;

/**
 * A 考点 under no 分校 (直属考点, review 25b D5): its 分校 left blank, its papers received from the 省校 — its 分部, a
 * printer, or the university the 分部 is of (湖南分部: “湖南开放大学”). It has no 分校 to name; asked for one, it typed 无.
 */
function directSite(model: RuleContext['model'], facts: RuleContext['facts']): boolean {
  const site = model.data.site;
  if (facts.level !== '考点' || !isBlankValue(site?.school)) return false;
  const region = /^(?:国家开放大学)?(.+?)分部$/.exec(toHalfWidth(String(site?.branch ?? '')).trim())?.[1];
  const fromProvince = (from: string | undefined) =>
    fromBranchOrPrinter(from, site?.branch) || (region !== undefined && toHalfWidth(from ?? '').includes(`${region}开放大学`));
  return (model.data.handovers ?? []).some((h, i) => facts.custody.direction[i] === 'in' && fromProvince(h?.from));
}

/** A form the workbook does not hold: nothing read of it, or (a table form) no row. */
const isAbsent = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * A form whose rows could not be read (forms/unread-rows.ts): said once at its sheet, with advice that fits its print
 * (a header row, or 附件5's 值班时间) — one of several copies on its sheet at its title, as that copy; the form's rows
 * are not asked for as missing. The forms unread, by FormId.
 */
function unreadRows(model: RuleContext['model'], report: RuleContext['report']): Set<FormId> {
  const unread = new Set<FormId>();
  (model.unreadRows ?? []).forEach(({ sheet, form, labels, blocks, copy }, i) => {
    unread.add(form);
    const key = Object.keys(FORM_NAMES).find((k) => FORM_NAMES[k][3] === form)!;
    const says = { sheet, form: FORM_NAMES[key][0], formEn: FORM_NAMES[key][1], labels: labels.join('、'), labelsEn: labels.join(', ') };
    const id = blocks ? 'unreadBlocks' : copy ? 'unreadCopy' : 'unreadTable';
    report(`unreadRows[${i}]`, id, { ...says, ...(copy ? { copy: copy.number } : {}) }, { form: FORM_NAMES[key][2] });
  });
  return unread;
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const unread = unreadRows(model, report);
  const lang = (key: string) => FORM_NAMES[key][0];
  const field = (path: string, value: unknown, formKey: string) => {
    // No cell of its own: its label was not found on the form (the finding stands at the form's title).
    const id = model.locations[path] === undefined ? 'noLabel' : 'field';
    if (isBlankValue(value)) report(path, id, { form: lang(formKey), formEn: FORM_NAMES[formKey][1] });
  };
  // A text field (学期, a unit's name, an address) showing #REF!: no other check reads it as anything (review 18a D9);
  // a date's, a count's and a signature's error values are their own rules'.
  const textField = (path: string, value: unknown, formKey: string) => {
    if (isExcelError(value)) report(path, 'errorValue', { ...errorParams(value), form: lang(formKey), formEn: FORM_NAMES[formKey][1] });
    else field(path, value, formKey);
  };
  const struck = struckBySheet(model);
  const marked = markedVoidSheets(model);
  const says = (formKey: string) => [{ form: lang(formKey), formEn: FORM_NAMES[formKey][1] }, { form: FORM_NAMES[formKey][2] }] as const;
  // A table whose rows are all struck out was filled, not left empty: voided-row says each row. Only where the form
  // then keeps no valid record at all (`formEmpty`) is it asked for, saying why.
  const table = (path: string, rows: unknown[] | undefined, formKey: string, formEmpty: boolean) => {
    if ((rows && rows.length > 0) || unread.has(FORM_NAMES[formKey][3])) return;
    const sheet = locate(model.locations, path)?.sheet ?? '';
    const count = struck.get(sheet) ?? 0;
    const [params, options] = says(formKey);
    if (count === 0) report(path, 'table', params, options);
    else if (formEmpty) report(path, marked.has(sheet) ? 'voided' : 'voidedStruck', { ...params, count }, options);
  };
  // 附件3 is its rows: a sheet of them all struck out leaves none.
  const struckOf = (key: keyof typeof data) => model.sheets.reduce((n, s) => n + (s.form === FORM_NAMES[key][3] ? (struck.get(s.sheet) ?? 0) : 0), 0);
  const whole = (key: keyof typeof data) => {
    if (!isAbsent(data[key])) return true;
    if (unread.has(FORM_NAMES[key][3])) return false;
    const count = struckOf(key);
    const [params, options] = says(key);
    const byStrike = model.sheets.every((x) => x.form !== FORM_NAMES[key][3] || !marked.has(x.sheet));
    // The form's sheet is there, blank (a workbook just made by custody template): fill it in, not insert one (review 13b D5).
    const blank = count === 0 ? model.sheets.find((x) => x.form === FORM_NAMES[key][3]) : undefined;
    if (blank) report(key, 'formBlank', { ...params, sheet: blank.sheet }, options);
    else report(key, count === 0 ? 'form' : byStrike ? 'voidedStruck' : 'voided', { ...params, count }, options);
    return false;
  };
  // A 考点 or 分校 with none of its vault's forms (附件2, 3, 5, none of their rows struck out): one fact, said once at
  // 基本信息's 考点 (or 分校), with why the unit keeps them — not three findings that each ask for a form (review 10a
  // O1; a 分校, review 11 D7: 《实施方案》（三） a vault at every 分校 too, （四） a 分校's own part in 附件2, 3, 5).
  const vaultForms = ['intake', 'vaultLog', 'duty'] as const;
  const vaultUnit = facts.level === '考点' || facts.level === '分校';
  // Only once 基本信息 says which unit it is: a blank workbook's level is no fact to give reasons by.
  const vaultless = vaultUnit && !isAbsent(data.site) && vaultForms.every((key) => isAbsent(data[key]) && struckOf(key) === 0);
  if (vaultless && facts.level === '考点') report('site.examSite', 'noVault', {});
  if (vaultless && facts.level === '分校') report('site.school', 'noVaultBranch', {});
  const none = (tables: ReadonlyArray<{ length: number } | null | undefined>) => tables.every((rows) => !rows || rows.length === 0);

  // A column the header lacks, once at the header (the roster's 是/否 columns: staff-ineligible, which says what they decide;
  // 考试安排's session times: one finding naming the checks that wait for them).
  for (const { path, form } of facts.missingColumns) {
    if (form !== 'staff' && !isSessionTime(path)) report(path, 'column', { form: lang(form), formEn: FORM_NAMES[form][1] });
  }
  sessionColumns(facts.missingColumns, report);
  // A ditto mark in a paper's cell, once at its cell: the rest of the checks read the value above (forms/ditto.ts).
  for (const { path, typed, value } of facts.carried.values()) {
    const key = path.split(/[.[]/)[0];
    const params = { seq: seqOf(model, path.slice(0, path.lastIndexOf('.'))), typed, form: lang(key), formEn: FORM_NAMES[key][1] };
    if (isBlankValue(value)) report(path, 'dittoNone', params);
    else report(path, 'ditto', { ...params, value: String(value) });
  }
  for (const gap of rowGaps(facts)) {
    if (gap.missing.length !== 1) continue;
    const key = gap.path.split(/[.[]/)[0];
    if (gap.missing[0] === 'unit') {
      unitMissing(model, gap, key as keyof typeof UNIT_CHOICES, report);
      continue;
    }
    report(`${gap.path}.${gap.missing[0]}`, 'cell', { seq: seqOf(model, gap.path), form: lang(key), formEn: FORM_NAMES[key][1] });
  }

  if (whole('site')) {
    const s = data.site!;
    textField('site.semester', s.semester, 'site');
    // Which names are asked hangs on the level: none while it cannot be read (its own finding says so).
    for (const key of facts.level ? NAMES_BY_LEVEL[facts.level] : [])
      if (key !== 'school' || !directSite(model, facts)) textField(`site.${key}`, s[key], 'site');
    if (facts.level === undefined) report('site.level', 'level', { value: String(s.level) });
    else field('site.level', s.level, 'site');
  }
  whole('schedule');
  whole('staff');
  const hasHandovers = whole('handovers');
  if (hasHandovers) {
    data.handovers!.forEach((h, i) => {
      const p = `handovers[${i}]`;
      for (const k of ['time', 'fromSigners', 'toSigners'] as const) field(`${p}.${k}`, h?.[k], 'handovers');
      for (const k of ['from', 'to', 'address', 'contact'] as const) textField(`${p}.${k}`, h?.[k], 'handovers');
      table(`${p}`, h?.items, 'handovers', none(data.handovers!.map((x) => x?.items)));
    });
  }
  if (!vaultless && whole('intake')) {
    for (const { list, path } of facts.intakes) {
      table(path, list.items, 'intake', none(facts.intakes.map((x) => x.list.items)));
      textField(`${path}.description`, list.description, 'intake');
      field(`${path}.time`, list.time, 'intake');
      field(`${path}.keeper`, list.keeper, 'intake');
    }
  }
  // 《实施方案》（四） has the 分校 and the 考点 sign 附件3 at their vaults; the 省校 hands papers on by 附件1
  // (without a 附件3 its outgoing sheets end the time its duty log must cover: duty-gap).
  if ((facts.level === '分校' || facts.level === '考点') && !vaultless) whole('vaultLog');
  if (facts.level === '考点' && whole('distributions')) {
    data.distributions!.forEach((d, i) => {
      const p = `distributions[${i}]`;
      field(`${p}.start`, d?.start, 'distributions');
      if (!isBlankValue(d?.start) || isBlankValue(d?.end)) {
        if (isBlankValue(d?.end)) field(`${p}.end`, d?.end, 'distributions');
      }
      table(p, d?.rows, 'distributions', none(data.distributions!.map((x) => x?.rows)));
      field(`${p}.issuer`, d?.issuer, 'distributions');
      field(`${p}.receiver`, d?.receiver, 'distributions');
    });
  }
  if (!vaultless && whole('duty')) {
    table('duty', data.duty!.shifts, 'duty', true);
    field('duty.supervisor', data.duty!.supervisor, 'duty');
  }
}
