import { norm } from './facts';
import { locate } from '../model/location';
import type { RuleContext, RuleMeta } from './types';
import { nameWithoutMarks, paperOf } from '../model/paper-code';
import { namesOfCell } from '../model/paper-rows';
import { errorParams, isExcelError } from '../model/excel-errors';

export const meta: RuleMeta = {
  id: 'paper-name-mismatch',
  title: { zh: '试卷名称前后不一', en: 'Paper named differently' },
  severity: 'warning',
  forms: [0, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2–4“试卷号”“试卷名称”：同一试卷号在各表中的试卷名称应一致',
  messages: {
    zh: {
      name: '试卷号 {paper} 在这里写作“{name}”，而其他表（{where}）写作“{expected}”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了。',
      names:
        '试卷号 {paper} 在这里写作“{name}”，另有 {count} 处写法也与其他表不同（{cells}），而其他表（{where}）写作“{expected}”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了，这几处一并改正。',
      unpaired:
        '这一行写了 {count} 个试卷号“{paper}”，试卷名称却写的是“{name}”，而其他表写 {known}：“{name}”不是这一行哪一种试卷的名称。请核对是试卷号还是名称写错了；分成 {count} 行时，每行写它自己的试卷名称。',
      error:
        '“试卷名称”这一格显示的是“{value}”，这是 Excel 的错误值：格子里的公式算不出结果（{cause}），表上和打印出来的都是“{value}”，不是试卷名称{known}。请改正公式，或删去公式直接填写试卷名称。',
    },
    en: {
      name: 'Paper {paper} is named "{name}" here but "{expected}" elsewhere ({where}). One paper number should have one name; check which is wrong.',
      names:
        'Paper {paper} is named "{name}" here, and differently from the rest in {count} more places ({cells}), but "{expected}" elsewhere ({where}). One paper number should have one name; check which is wrong and correct them together.',
      unpaired:
        'This row writes {count} paper numbers, "{paper}", but its 试卷名称 reads "{name}", while other forms name {knownEn}: "{name}" is the name of none of the row’s papers. Check whether the paper numbers or the name are wrong; written as {count} rows, each gets its own paper name.',
      error:
        'The 试卷名称 cell shows "{value}", an Excel error value: its formula cannot be worked out ({causeEn}), and the form on screen and in print shows "{value}", not the paper’s name{knownEn}. Correct the formula, or delete it and type the name.',
    },
  },
  docs: 'One 试卷号 written with different 试卷名称 across 考试安排, 附件2, 附件3 and 附件4. The name most forms use (ties: the intake list’s, then the schedule’s) is taken as right. A paper named otherwise is one fact, one finding: said once, at the first cell that names it otherwise (intake lists, schedule, vault log, registers, in that order), naming every other such cell, so the officer corrects them together. A version mark at the end of a name (AB卷: “计算机应用基础（A卷）”, “…B卷”) is no other name, nor is a spare bag’s (备用卷: “计算机应用基础（备用卷）”, “…备用”, “…备份卷”): a spare bag is a bag of the same paper; nor a 补考’s or 重考’s (“高等数学基础（补考）”): the same paper’s later sitting. Codes that differ by a letter after them (1304A, 1304B), each mostly written with a name of its own, are distinct papers the school tells by letters, not an AB卷: names are compared per code as written (试卷号 1304B). A name cell showing an Excel error value (#N/A: its formula not worked out) is said as such, with the name the other forms write, and not compared. A row of several papers read apart (“1001、2045” with 数量 “2、1”) that writes one 试卷名称 for them gives it to none; where that name is none of its papers’ names as the other forms write them (“大学英语” beside 1001 高等数学基础 and 2045 管理学基础), it is said at the name cell, with their names; the name of one of them is not (the split finding, unknown-paper, asks each row for its own name).',
};

interface Use {
  path: string;
  /** The 试卷号 as the row writes it (0304, where 304 is compared), with its version where versions are papers: quoted. */
  paper: string;
  /** As compared: without spaces and brackets. */
  name: string;
  /** As the cell has it, quoted to the user. */
  shown: string;
  weight: number;
  where: string;
}

type Visit = (paperNo: unknown, name: unknown, path: () => string, weight: number, where: string) => void;

/**
 * Every row naming a paper, in the order its uses are reported: intake lists,
 * schedule, vault log, distributions. A ditto mark (同上) names no paper there:
 * required-field asks for the name, it is not compared.
 */
function visitUses(model: RuleContext['model'], facts: RuleContext['facts'], each: Visit): void {
  const visit: Visit = facts.carried.size === 0 ? each : (p, name, path, w, where) => !facts.carried.has(path()) && each(p, name, path, w, where);
  const data = model.data;
  for (const { list, path } of facts.intakes)
    (list.items ?? []).forEach((it, i) => visit(it?.paperNo, it?.paperName, () => `${path}.items[${i}].paperName`, 3, '入库清单'));
  (data.schedule ?? []).forEach((s, i) => visit(s?.paperNo, s?.paperName, () => `schedule[${i}].paperName`, 2, '考试安排'));
  (data.vaultLog ?? []).forEach((r, i) => visit(r?.paperNo, r?.paperName, () => `vaultLog[${i}].paperName`, 1, '出入库记录'));
  (data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) => visit(r?.paperNo, r?.paperName, () => `distributions[${i}].rows[${j}].paperName`, 1, '分发登记表')),
  );
}

/** A name quoted with a version or spare mark (“…（A卷）”, “…（备用卷）”): not the name to quote as right where a cell writes it bare. */
const hasMark = (shown: string): boolean => nameWithoutMarks(norm(shown)) !== norm(shown);

/** Per paper code as compared, per version its code writes ('' for none): how many uses write each name. */
type NameCounts = Map<string, Map<string, Map<string, number>>>;

/** A version's name most of its uses write. */
const mostWritten = (counts: ReadonlyMap<string, number>): string => [...counts].sort((x, y) => y[1] - x[1])[0][0];

/**
 * The paper codes whose codes with a letter after them are distinct papers, not an AB卷's versions: two or
 * more letters (1304A, 1304B), each mostly written with a name of its own (计算机应用基础, 法律基础). Told as
 * versions of one paper they were merged, and every use of the second said to be misnamed; the names say the
 * school's letters are papers of their own. Their names are compared per code as written.
 */
function papersByLetter(counts: NameCounts): Set<string> {
  const distinct = new Set<string>();
  for (const [code, byVersion] of counts) {
    const lettered = [...byVersion].filter(([version]) => version !== '').map(([, names]) => mostWritten(names));
    if (lettered.length > 1 && new Set(lettered).size === lettered.length) distinct.add(code);
  }
  return distinct;
}

export function check({ model, facts, report }: RuleContext): void {
  // A name as compared, without brackets; a log repeats a few names many times.
  const bare = new Map<string, string>();
  const nameOf = (name: unknown) => {
    const n = norm(name);
    let b = bare.get(n);
    if (b === undefined) bare.set(n, (b = nameWithoutMarks(n).replace(/[（）()]/g, '')));
    return b;
  };
  // First the names of each paper, by the version its code writes; paths are written only for a paper named
  // in two ways.
  const counts: NameCounts = new Map();
  // A name cell showing #N/A names no paper otherwise: said as the error value it is, not compared (review 20b).
  const errors: Array<{ path: string; paperNo: unknown; value: unknown }> = [];
  visitUses(model, facts, (paperNo, name, path) => {
    if (isExcelError(name)) return void errors.push({ path: path(), paperNo, value: name });
    const { code, version } = paperOf(paperNo);
    const n = nameOf(name);
    if (!code || !n) return;
    const byVersion = counts.get(code) ?? counts.set(code, new Map()).get(code)!;
    const names = byVersion.get(version) ?? byVersion.set(version, new Map()).get(version)!;
    names.set(n, (names.get(n) ?? 0) + 1);
  });
  const byLetter = papersByLetter(counts);
  const paperKey = (paperNo: unknown, as: 'code' | 'written' = 'code'): string => {
    const p = paperOf(paperNo);
    return byLetter.has(p.code) ? p[as] + p.version : p[as];
  };
  const namesOf = new Map<string, Set<string>>();
  for (const [code, byVersion] of counts)
    for (const [version, names] of byVersion) {
      const key = byLetter.has(code) ? code + version : code;
      namesOf.set(key, new Set([...(namesOf.get(key) ?? []), ...names.keys()]));
    }
  /** The name most uses write for a paper (as compared), whatever its version; undefined where none names it. */
  const rightName = (paperNo: unknown): string | undefined => {
    const named = counts.get(paperOf(paperNo).code);
    return named && mostWritten(new Map([...named.values()].flatMap((names) => [...names])));
  };
  sayUnpaired(facts, report, (paperNo) => namesOf.get(paperKey(paperNo)), rightName, nameOf);
  for (const { path, paperNo, value } of errors) {
    const right = rightName(paperNo);
    const paper = paperKey(paperNo, 'written');
    report(path, 'error', {
      ...errorParams(value),
      known: right ? `（试卷号 ${paper} 在其他表写作“${right}”）` : '',
      knownEn: right ? ` (paper ${paper} is "${right}" elsewhere)` : '',
    });
  }
  const conflicting = new Set([...namesOf].filter(([, names]) => names.size > 1).map(([p]) => p));
  if (conflicting.size === 0) return;
  const byPaper = new Map<string, Use[]>();
  visitUses(model, facts, (paperNo, name, path, weight, where) => {
    const p = paperKey(paperNo);
    const n = isExcelError(name) ? '' : nameOf(name);
    if (!p || !n || !conflicting.has(p)) return;
    if (!byPaper.has(p)) byPaper.set(p, []);
    byPaper.get(p)!.push({ path: path(), paper: paperKey(paperNo, 'written'), name: n, shown: String(name).trim(), weight, where });
  });
  for (const uses of byPaper.values()) {
    // Each name quoted as its first cell writes it: "管理学基础（本）", not the "管理学基础本" compared.
    const names = new Map<string, { count: number; weight: number; where: Set<string>; shown: string }>();
    for (const u of uses) {
      const e = names.get(u.name) ?? { count: 0, weight: 0, where: new Set<string>(), shown: u.shown };
      // The name quoted as right without a version or spare mark where a cell writes it so: “计算机应用基础”, not “…（A卷）”.
      if (hasMark(e.shown) && !hasMark(u.shown)) e.shown = u.shown;
      e.count++;
      e.weight = Math.max(e.weight, u.weight);
      e.where.add(u.where);
      names.set(u.name, e);
    }
    if (names.size < 2) continue;
    const [expected, info] = [...names].sort((a, b) => b[1].count - a[1].count || b[1].weight - a[1].weight)[0];
    // One paper named otherwise is one fact: said once, at its first cell, naming the other cells that write it so.
    const [first, ...others] = uses.filter((u) => u.name !== expected);
    const params = { paper: first.paper, name: first.shown, expected: info.shown, where: [...info.where] };
    if (others.length === 0) report(first.path, 'name', params);
    else report(first.path, 'names', { ...params, count: others.length, cells: cellsOf(model, others).join('；') });
  }
}

/**
 * One 试卷名称 beside several papers read apart (“大学英语” beside 1001、2045): given to none of them (paper-rows.ts), it
 * is compared with none — said at that cell where it (or each name it writes) is the name of none of its papers as the
 * other forms write them (fix-counts27). A name that is one of theirs is the split finding's to mention (unknown-paper).
 */
function sayUnpaired(
  facts: RuleContext['facts'],
  report: RuleContext['report'],
  namesOf: (paperNo: string) => ReadonlySet<string> | undefined,
  rightName: (paperNo: string) => string | undefined,
  nameOf: (name: string) => string,
): void {
  for (const [row, s] of facts.several) {
    if (!s.apart || s.nameUnpaired === undefined) continue;
    const papers = s.apart.map((p) => p.paperNo);
    const known = papers.flatMap((p) => [...(namesOf(p) ?? [])]);
    if (known.length === 0 || namesOfCell(s.nameUnpaired).some((n) => known.includes(nameOf(n)))) continue;
    const named = papers.flatMap((p) => {
      const right = rightName(p);
      return right ? [{ p, right }] : [];
    });
    report(`${row}.paperName`, 'unpaired', {
      count: papers.length,
      paper: s.written,
      name: s.nameUnpaired,
      known: named.map(({ p, right }) => `${p} 为“${right}”`).join('、'),
      knownEn: named.map(({ p, right }) => `${p} "${right}"`).join(' and '),
    });
  }
}

/** The other cells, one entry per sheet and in the order read: 出入库记录 C5“计算机应用”；分发登记1 C7、C9“计算机应用”. */
function cellsOf(model: RuleContext['model'], uses: readonly Use[]): string[] {
  const bySheet = new Map<string, { cells: string[]; shown: Set<string> }>();
  for (const u of uses) {
    const at = locate(model.locations, u.path);
    if (!at) continue;
    const e = bySheet.get(at.sheet) ?? { cells: [], shown: new Set<string>() };
    e.cells.push(at.cell);
    e.shown.add(`“${u.shown}”`);
    bySheet.set(at.sheet, e);
  }
  return [...bySheet].map(([sheet, e]) => `${sheet} ${e.cells.join('、')}${[...e.shown].join('')}`);
}
