import { norm, vaultRows } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { paperCode, shownCode } from '../model/paper-code';
import { type PaperTable, type SeveralPapers, onSchedule, spacedUnread } from '../model/paper-rows';
import { errorParams, isExcelError } from '../model/excel-errors';
import { valueAt } from '../model/location';

export const meta: RuleMeta = {
  id: 'unknown-paper',
  title: { zh: '试卷号有误', en: 'Wrong paper number' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2–4“试卷号”：出库、分发的试卷须是入库清单或考试安排上的试卷',
  messages: {
    zh: {
      unknown: '试卷号“{paper}”既不在入库清单上，也不在考试安排里。出库或分发的试卷须是本单位入库的试卷，请核对试卷号（是否写错）。',
      several:
        '这一行写了 {count} 个试卷号“{paper}”，{count} 种试卷登记在同一行，分不清各是几袋（份），{checks}都无法按试卷核对，汇总也算不出这几种试卷各{what}了多少。请分成 {count} 行，每行写一个试卷号和它自己的数量。',
      severalApart:
        '这一行写了 {count} 个试卷号“{paper}”，{count} 种试卷登记在同一行。各试卷的数量已写明（{parts}），本工具已按 {count} 条记录分别核对、汇总了这一行{nameSaid}；但表上应一行一种试卷。请分成 {count} 行，每行写一个试卷号和它自己的数量{andName}。',
      severalCounts:
        '这一行写了 {count} 个试卷号“{paper}”，试卷号旁写的数量（{parts}）相加是 {sum} {unit}，但“{field}”写的是 {total} {unit}，两处不一致，至少有一处写错了，{checks}都无法按试卷核对。请核对实际{what}的数量，改正写错的一处，并分成 {count} 行，每行写一个试卷号和它自己的数量。',
      stray:
        '“试卷号”写的是“{typed}”：试卷号 {paper} 后面空一格多写了“{stray}”，它不是试卷号的一部分，也看不出是不是这一行的数量（本工具已按试卷 {paper} 核对这一行，没有把它读成试卷号 {joined}）。{countSaid}请把“{stray}”从这一格删去，只写试卷号 {paper}；若它是这一行的数量，请核对后填在“{field}”一栏。',
      strayAlone:
        '“试卷号”写的是“{typed}”：试卷号 {paper} 后面空一格多写了“{stray}”，它不是试卷号的一部分（本工具已按试卷 {paper} 核对这一行，没有把它读成试卷号 {joined}）。请把“{stray}”从这一格删去，只写试卷号 {paper}；它若另有含义，请写在备注里。',
      spaced:
        '“试卷号”写的是“{typed}”：{count} 个数之间{apart}，其中 {off} 不在考试安排里，看不出这是 {count} 种试卷，还是一个试卷号中间多了{gap}（本工具没有把它读成试卷号 {joined}，也没有按这几个数核对这一行）。请核对：若是 {count} 种试卷，请分成 {count} 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去{gap}，照考试安排写。',
      spacedNoSchedule:
        '“试卷号”写的是“{typed}”：{count} 个数之间{apart}，本工作簿没有考试安排，无法核对它们是不是试卷号，看不出这是 {count} 种试卷，还是一个试卷号中间多了{gap}（本工具没有把它读成试卷号 {joined}，也没有按这几个数核对这一行）。请补上考试安排，并核对：若是 {count} 种试卷，请分成 {count} 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去{gap}。',
      spacedSchedule:
        '考试安排的“试卷号”写的是“{typed}”：{count} 个数之间{apart}。考试安排是其他各表核对试卷的依据，每行只写一场考试的一个试卷号；看不出这是 {count} 种试卷，还是一个试卷号中间多了{gap}，本工具没有把这一行当作哪一种试卷（没有读成试卷号 {joined}，也没有读成 {papers}），其他各表上的这几个试卷号都不按这一行核对。请核对：若是 {count} 种试卷，请分成 {count} 行，每行写一个试卷号和它自己的试卷名称、开考和结束时间、报考人数；若是一个试卷号，请删去{gap}。',
      error:
        '“试卷号”这一格显示的是“{paper}”，这是 Excel 的错误值：格子里的公式算不出结果（{cause}），表上和打印出来的都是“{paper}”，不是试卷号，看不出出库或分发的是哪一种试卷。请改正公式，或删去公式直接填写试卷号。',
    },
    en: {
      unknown: 'Paper number "{paper}" is neither on the intake list nor in the exam schedule. Check the paper number.',
      several:
        'This row writes {count} paper numbers, "{paper}": {count} papers on one row, and which of its bags (copies) are whose cannot be told, so {checksEn} cannot be checked paper by paper, nor the summary count each paper’s {whatEn}. Write it as {count} rows, each with one paper number and its own quantity.',
      severalApart:
        'This row writes {count} paper numbers, "{paper}": {count} papers on one row. Each paper’s quantity is written ({partsEn}), so the row was checked and summed up as {count} records{nameSaidEn}; but the form wants one paper a row. Write it as {count} rows, each with one paper number and its own quantity{andNameEn}.',
      severalCounts:
        'This row writes {count} paper numbers, "{paper}": the quantities beside them ({partsEn}) add up to {sum}, but {fieldEn} says {total}; one of them is wrong, and {checksEn} cannot be checked paper by paper. Check how many were actually {whatEn}, correct the wrong one, and write it as {count} rows, each with one paper number and its own quantity.',
      stray:
        'The 试卷号 cell reads "{typed}": paper {paper} with "{stray}" after a space, which is no part of the paper number, and may or may not be the row’s quantity (the row was checked as paper {paper}, not as paper {joined}). {countSaidEn}Delete "{stray}" from this cell and write the paper number {paper} alone; if it is the row’s quantity, check it and write it in {fieldEn}.',
      strayAlone:
        'The 试卷号 cell reads "{typed}": paper {paper} with "{stray}" after a space, which is no part of the paper number (the row was checked as paper {paper}, not as paper {joined}). Delete "{stray}" from this cell and write the paper number {paper} alone; if it means something, write it in the remarks.',
      spaced:
        'The 试卷号 cell reads "{typed}": {count} numbers parted by {apartEn}, and {off} is not on the exam schedule (考试安排), so it cannot be told whether these are {count} papers or one paper number with {apartEn} typed into it (the row was not checked as paper {joined}, nor as these numbers). If they are {count} papers, write them as {count} rows, each with one paper number and its own quantity; if it is one paper number, delete the {gapEn} and write it as the schedule does.',
      spacedNoSchedule:
        'The 试卷号 cell reads "{typed}": {count} numbers parted by {apartEn}, and this workbook has no exam schedule (考试安排) to tell whether they are paper numbers, so it cannot be told whether these are {count} papers or one paper number with {apartEn} typed into it (the row was not checked as paper {joined}, nor as these numbers). Add the exam schedule; if they are {count} papers, write them as {count} rows, each with one paper number and its own quantity; if it is one paper number, delete the {gapEn}.',
      spacedSchedule:
        'The 试卷号 cell of the exam schedule (考试安排) reads "{typed}": {count} numbers parted by {apartEn}. The schedule is what every other form is checked against, one session of one paper a row; it cannot be told whether these are {count} papers or one paper number with {apartEn} typed into it, so the row was taken as no paper (neither paper {joined} nor {papersEn}), and no other form is checked against it. If they are {count} papers, write them as {count} rows, each with one paper number and its own paper name, start and end times and candidates; if it is one paper number, delete the {gapEn}.',
      error:
        'The 试卷号 cell shows "{paper}", an Excel error value: its formula cannot be worked out ({causeEn}), and the form on screen and in print shows "{paper}", not which paper was taken out or handed out. Correct the formula, or delete it and type the paper number.',
    },
  },
  docs: 'A 试卷号 in the vault log (附件3) or a distribution register (附件4) that is on neither the intake list nor the schedule: usually a mistyped number. A 试卷号 cell showing an Excel error value (#NAME?, #N/A: its formula not worked out) is told so, not as a mistyped number. A cell writing several numbers (“2207、2210”: two papers on one row; 附件2–4) is told so, or, where one of them is on no list, that one: where the row writes each paper’s count (“2207（2袋）、2210（1袋）”, or 数量 “2、1” or “2 1”) the other checks are made on it as one record per paper, and the finding says so — its 试卷名称 each paper’s where it writes one a paper, else (one name beside both) no paper’s, not guessed, nor asked for as left empty — the finding says so and asks for each row’s own name (paper-name-mismatch says a name that is none of its papers’); where counts beside the numbers do not add up to the row’s 数量, the finding names the counts, their sum and what 数量 says, at 数量; where it does not, the finding names the checks that could not be made; a note in brackets after the number (“5503（补考）”) is the paper 5503. A short number after the 试卷号 with a space (“2207 2”, “2207 2袋”: one or two digits, or a count with its unit; three digits or more are another paper) is the paper 2207 and a stray number, never the paper 22072: the row is checked as 2207, and the cell is told so, quoting what the row’s count cell (数量, 试卷份数, 合计（袋）) says or that it is blank, and asked to hold the 试卷号 alone — the number is not guessed to be the count (on 考试安排, or a table without that column, asked the same without it). Papers parted by a space or a line break (“2207 2208”, “2207↵2208”, in the 试卷号 cell of 附件1–4) are those papers where every one is on the workbook’s 考试安排, as “2207、2208” is; where one is not (or there is no 考试安排), the cell is told so — which numbers are not on it, that it may be several papers or one number with a space typed into it — and the row is checked as none of them, never as the paper 22072208. On 考试安排 itself — what every other form is checked against, one session of one paper a row — such a cell (“2045 3310”) is told to hold one 试卷号 a row, and the row is read as no paper: neither one joined number nor the papers typed (it is not asked for as left empty).',
};

/** What a row of several papers keeps from being checked paper by paper, and what the summary cannot count, by table. */
const UNCHECKED: Record<PaperTable, { checks: string; checksEn: string; what: string; whatEn: string }> = {
  vaultLog: {
    checks: '这一行的出库时间（是否在开考前 1 小时内、是否在入库之后）、出库袋数（是否超过入库）和归还时间',
    checksEn: 'its checkout time (within the hour before the session, after intake), its bags (not more than taken in) and its return',
    what: '出库',
    whatEn: 'checkouts',
  },
  distributions: {
    checks: '这一行的分发份数（是否超过出库的份数）、领取和回收时间（是否在试卷出库期间）',
    checksEn: 'its copies (not more than taken out of the vault) and its handout and return times (while the papers were out)',
    what: '分发',
    whatEn: 'copies handed out',
  },
  intake: {
    checks: '这一行的袋数（与交接单是否一致、袋装份数是否够报考人数）和各试卷的出库（是否超过入库）',
    checksEn: 'its bags (against the handover sheet and the candidates) and each paper’s checkouts (not more than taken in)',
    what: '入库',
    whatEn: 'bags taken in',
  },
};

/** Each paper of a row with its count and unit (read apart, or beside numbers that disagree with 数量): “2207 2 袋”, “2207 2 bags”. */
/**
 * A row read apart whose 试卷名称 is no one paper's (“高等数学基础” beside 1001、2045): said in its split finding, each row
 * to get its own name (fix-counts27: given to none, it was said nowhere); paper-name-mismatch says a name none of its
 * papers is written with elsewhere.
 */
function nameSaid({ nameUnpaired: name, papers }: SeveralPapers): Record<'nameSaid' | 'nameSaidEn' | 'andName' | 'andNameEn', string> {
  if (name === undefined) return { nameSaid: '', nameSaidEn: '', andName: '', andNameEn: '' };
  return {
    nameSaid: `（试卷名称“${name}”和这 ${papers.length} 种试卷对不上，没有当作其中哪一种试卷的名称）`,
    nameSaidEn: ` (its 试卷名称 "${name}" does not pair with the ${papers.length} papers, and was taken as none of theirs)`,
    andName: '，试卷名称也各写各的',
    andNameEn: ', and its own paper name',
  };
}

function partsSaid(s: SeveralPapers, unit: string): { parts: string[]; partsEn: string[] } {
  const en = unit === '份' ? 'copies' : unit === '箱' ? 'boxes' : 'bags';
  const each = s.apart ?? s.disagree?.counts ?? [];
  return { parts: each.map((p) => `${p.paperNo} ${p.count} ${unit}`), partsEn: each.map((p) => `${p.paperNo} ${p.count} ${en}`) };
}

/** The count cell of a row of several papers, as its form heads it. */
const COUNT_FIELD: Record<PaperTable, { key: string; field: string; fieldEn: string }> = {
  vaultLog: { key: 'quantity', field: '数量', fieldEn: 'its 数量 (quantity)' },
  distributions: { key: 'copies', field: '试卷份数', fieldEn: 'its 试卷份数 (copies)' },
  intake: { key: 'totalBags', field: '合计（袋）', fieldEn: 'its 合计（袋） (bags)' },
};

/** The table a row's path is in (`vaultLog[3]`, `distributions[0].rows[2]`, `intake[1].items[0]`); undefined for 考试安排. */
const tableOf = (row: string): PaperTable | undefined =>
  row.startsWith('vaultLog[') ? 'vaultLog' : row.startsWith('distributions[') ? 'distributions' : row.startsWith('intake') ? 'intake' : undefined;

/** “2207 2” (round 23): the paper 2207 read, the stray said at its cell with what the row's own count cell says. */
function sayStrays(model: RuleContext['model'], report: RuleContext['report']): void {
  for (const { path, typed, paper, stray } of model.codeStrays ?? []) {
    const row = path.slice(0, path.lastIndexOf('.'));
    const table = tableOf(row);
    const said = { typed, paper, stray, joined: `${paper}${stray}` };
    const count = table ? COUNT_FIELD[table] : undefined;
    if (!table || !count || !model.locations[`${row}.${count.key}`]) {
      report(path, 'strayAlone', said);
      continue;
    }
    const value = valueAt(model.data, `${row}.${count.key}`);
    const unit = table === 'distributions' ? '份' : (table === 'vaultLog' && norm(valueAt(model.data, `${row}.unit`))) || '袋';
    const countSaid =
      norm(value) === ''
        ? `这一行的“${count.field}”没有填写。`
        : `这一行的“${count.field}”写的是 ${norm(value)}${typeof value === 'number' ? ` ${unit}` : ''}。`;
    const countSaidEn = norm(value) === '' ? `The row’s ${count.field} is blank. ` : `The row’s ${count.field} says ${norm(value)}. `;
    report(path, 'stray', { ...said, countSaid, countSaidEn, field: count.field, fieldEn: count.fieldEn });
  }
}

/**
 * “2207 9999”, “2207↵9999” (round 24): numbers parted by a space or a line break, some on no 考试安排 — said at the cell
 * (which they are not, that the row was checked as none of them), not as one paper 22079999 nor as the papers typed.
 * On 考试安排 itself (round 25) any such cell: one 试卷号 a row, the row no paper.
 */
function saySpaced(model: RuleContext['model'], unread: ReadonlyMap<string, readonly string[]>, report: RuleContext['report']): void {
  const scheduled = (model.data.schedule ?? []).some((r) => paperCode(r?.paperNo) !== '');
  for (const { path, typed, papers, lineBreak } of model.codeSpaced ?? []) {
    const off = unread.get(path);
    const own = onSchedule(path);
    if (!off && !own) continue;
    report(path, own ? 'spacedSchedule' : scheduled ? 'spaced' : 'spacedNoSchedule', {
      typed,
      count: papers.length,
      off: (off ?? []).map(shownCode).join('、'),
      joined: papers.map(shownCode).join(''),
      papers: papers.map(shownCode).join('、'),
      papersEn: papers.map(shownCode).join(' and '),
      apart: lineBreak ? '换了行' : '隔着空格',
      gap: lineBreak ? '换行' : '空格',
      apartEn: lineBreak ? 'a line break' : 'a space',
      gapEn: lineBreak ? 'line break' : 'space',
    });
  }
}

export function check({ model, facts, report }: RuleContext): void {
  sayStrays(model, report);
  const unread = spacedUnread(model);
  if (model.codeSpaced?.length) saySpaced(model, unread, report);
  // With neither list nor schedule, no number can be told unknown; an error value is no number all the same.
  const lists = facts.intakePapers.size > 0 || facts.schedulePapers.size > 0;
  const known = (p: string) => facts.intakePapers.has(p) || facts.schedulePapers.has(p);
  // 2207、2210: several papers on one row (review 20b D5): a number on no list said as such, else the row's papers —
  // checked as one record each where the row gives each one's count (model/paper-rows.ts), else what is not checked.
  const askSeveral = (path: string, s: SeveralPapers, unit: string, listed = true) => {
    const off = listed ? s.papers.find((w) => lists && !known(paperCode(w))) : undefined;
    if (off !== undefined) return report(`${path}.paperNo`, 'unknown', { paper: off });
    const what = UNCHECKED[s.table];
    if (s.apart) return report(`${path}.paperNo`, 'severalApart', { paper: s.written, count: s.papers.length, ...partsSaid(s, unit), ...what, ...nameSaid(s) });
    // 1001（3袋）、2045（1袋） beside 数量 5 (round 22): the mistake named, at the count that disagrees.
    if (s.disagree) {
      const { key, ...field } = COUNT_FIELD[s.table];
      const { sum, total } = s.disagree;
      return report(`${path}.${key}`, 'severalCounts', {
        paper: s.written,
        count: s.papers.length,
        ...partsSaid(s, unit),
        sum,
        total,
        unit,
        ...field,
        ...what,
      });
    }
    report(`${path}.paperNo`, 'several', { paper: s.written, count: s.papers.length, ...what });
  };
  // The row's path is written out only where a row was read apart or a finding is made (a log of 50,000 rows has few).
  const apart = facts.addedRows.size > 0 || facts.several.size > 0;
  const ask = (rowOf: () => string, paperNo: unknown, unit: () => string, code?: string) => {
    const row = apart ? rowOf() : undefined;
    if (row !== undefined && facts.addedRows.has(row)) return; // a row read apart: said once, at its first record
    if (row !== undefined && unread.size > 0 && unread.has(`${row}.paperNo`)) return; // “2207 9999”: said by saySpaced
    // #NAME?, #N/A: the cell's formula failed, and the form prints the error, no paper (review 18a D9): told as such,
    // under a title true of it too (试卷号有误, review 19a D10).
    if (isExcelError(paperNo)) return report(`${rowOf()}.paperNo`, 'error', { ...errorParams(paperNo), paper: norm(paperNo) });
    const several = row !== undefined ? facts.several.get(row) : undefined;
    if (several) return askSeveral(row!, several, unit());
    const p = code ?? paperCode(paperNo);
    if (lists && p && !known(p)) report(`${rowOf()}.paperNo`, 'unknown', { paper: norm(paperNo) });
  };
  const papers = vaultRows(facts).paper;
  (model.data.vaultLog ?? []).forEach((r, i) =>
    ask(
      () => `vaultLog[${i}]`,
      r?.paperNo,
      () => norm(r?.unit) || '袋',
      papers[i],
    ),
  );
  (model.data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) =>
      ask(
        () => `distributions[${i}].rows[${j}]`,
        r?.paperNo,
        () => '份',
      ),
    ),
  );
  // An intake row of several papers: only that (a number on no list there is what the list took in).
  for (const [row, s] of facts.several) if (s.table === 'intake' && !unread.has(`${row}.paperNo`)) askSeveral(row, s, '袋', false);
}
