/**
 * The work of `custody demo` (loaded when the command runs, so that no other
 * command starts with the sample generator and the summary tables): writes the
 * sample workbooks through the same path as `custody fill`, checks and
 * summarises them as `summary` does, and says what was found.
 */
import * as path from 'path';
import { plantDefects, PlantedDefect, sampleNetwork } from '../demo/sample';
import { writeFileAtomic } from '../batch/files';
import type { SiteData } from '../model/types';
import type { Consolidated } from '../summary/consolidate';
import { consolidateFiles } from '../batch/consolidate';
import { describePair, withPairFindings } from '../summary/tables';
import { PAIR_STATUS_WORDS, SEVERITY_WORDS } from '../summary/words';
import { counted, singularOfOne } from '../rules/plural';
import { ruleTitle } from '../summary/rule-titles';
import type { Lang } from '../rules/types';
import { fillWorkbook } from './fill';
import { howToCall } from './manners';

const DEMO_SUMMARY = '试卷保管汇总.xlsx';

interface DemoBook {
  file: string;
  role: string;
  data: SiteData;
}

interface DemoResult {
  dir: string;
  books: DemoBook[];
  summaryFile: string;
  planted: PlantedDefect[];
  consolidated: Consolidated;
  lang: Lang;
}

/** What the demo says of each workbook it writes, and of its findings, in each language. */
const WORDS = {
  zh: {
    branch: (from: string | undefined, n: number) => `分校工作簿：从${from}接收试卷，发往 ${n} 个考点`,
    clean: '考点工作簿：填写规范，没有错误',
    faulty: (n: number) => `考点工作簿：故意留了 ${n} 处常见错误`,
    written: (dir: string, semester: string | undefined, school: string | undefined) => `已在 ${dir} 生成示例工作簿（${semester}学期，${school}）：`,
    // Counted as the summary counts, which the pane's and validate's counts (one per differing field) are not (review 8, D15).
    checked: '逐个检查的结果（按汇总表的计法：两份不一致的交接单，不论几栏不同，每张计 1 处；逐个校验则每栏各计 1 处）：',
    colon: '：',
    unreadable: (why: string) => `无法读取（${why}）`,
    unknown: '未知原因',
    readyWarned: (w: number) => `可以提交（另有 ${w} 处提醒）`,
    ready: '可以提交，未发现问题',
    fix: (e: number, w: number) => `需改正：错误 ${e} 处，警告 ${w} 处`,
    whole: '（整个工作簿）',
    more: (n: number) => `……另有 ${n} 处，见汇总表“问题清单”`,
    planted: (n: number, found: number) => `故意留下的 ${n} 处错误，检查找出了 ${found} 处：`,
    plantedLine: (mark: string, what: string, rule: string) => `  ${mark} ${what}（${rule}）`,
    pairs: (agree: number, disagree: number, single: number) => `交接单两份副本核对：一致 ${agree} 对，不一致 ${disagree} 对，仅一方 ${single} 份。`,
    pairLine: (from: string, to: string, status: string, how: string) => `  ${from} → ${to}：${status}，${how}`,
    summary: (file: string) => `已写出汇总：${file}`,
    next: '下一步：',
    open: (file: string) => `  1. 打开 ${file}，对照上面列出的工作表和单元格，看每处错误是怎样被找出的；`,
    openSummary: (file: string) => `  2. 打开 ${file}，看“总览”的图表、“交接配对”和“问题清单”；`,
    own: (c: string) => [
      `  3. 检查自己的工作簿：${c} validate 我的工作簿.xlsx`,
      `     汇总整个文件夹：${c} summary 文件夹 -o 汇总.xlsx`,
      `     拿一套空白表格：${c} template -o 模板`,
    ],
  },
  en: {
    branch: (from: string | undefined, n: number) =>
      `branch school (分校) workbook: receives papers from ${from}, sends them to ${n === 1 ? 'one exam site' : `${n} exam sites`}`,
    clean: 'exam site (考点) workbook: filled in correctly, no mistakes',
    faulty: (n: number) => `exam site (考点) workbook: ${n} common mistakes planted on purpose`,
    written: (dir: string, semester: string | undefined, school: string | undefined) => `Sample workbooks written in ${dir} (${semester}, ${school}):`,
    checked:
      'Each workbook checked (counted as the summary counts: a handover slip whose two copies disagree is one problem however many fields differ; a check alone lists each field):',
    colon: ': ',
    unreadable: (why: string) => `cannot be read (${why})`,
    unknown: 'unknown reason',
    readyWarned: (w: number) => `ready to submit (${counted(w, 'warnings')} to look at)`,
    ready: 'ready to submit, no problems found',
    fix: (e: number, w: number) => `to be corrected: ${counted(e, 'errors')}, ${counted(w, 'warnings')}`,
    whole: '(whole workbook)',
    more: (n: number) => `... ${n} more, see "Findings" in the summary`,
    planted: (n: number, found: number) => `${n} mistakes planted on purpose, the check found ${found}:`,
    plantedLine: (mark: string, what: string, rule: string) => `  ${mark} ${what} (${rule})`,
    pairs: (agree: number, disagree: number, single: number) =>
      singularOfOne(`Handover slips, the two copies compared: ${agree} matching pairs, ${disagree} disagreeing, ${single} with one side only.`),
    pairLine: (from: string, to: string, status: string, how: string) => `  ${from} → ${to}: ${status} — ${how}`,
    summary: (file: string) => `Summary written: ${file}`,
    next: 'Next:',
    open: (file: string) => `  1. Open ${file} and find each sheet and cell listed above: see how each mistake was found;`,
    openSummary: (file: string) => `  2. Open ${file}: the charts on "Overview", "Handover pairs" and "Findings";`,
    own: (c: string) => [
      `  3. Check your own workbook: ${c} validate my-workbook.xlsx --lang en`,
      `     Summarise a whole folder: ${c} summary folder -o summary.xlsx --lang en`,
      `     Blank forms: ${c} template -o templates`,
    ],
  },
};

/** Makes, checks and summarises the demo workbooks in `dir`; findings and summary in `lang`. */
export async function runDemo(dir: string, lang: Lang = 'zh'): Promise<DemoResult> {
  const w = WORDS[lang];
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  const [clean, other] = net.sites;
  const { data: faulty, planted } = plantDefects(other);
  const name = (d: SiteData) => d.site?.examSite || d.site?.school || '工作簿';
  const books: DemoBook[] = [
    { file: path.join(dir, `${name(net.branch)}（分校）.xlsx`), role: w.branch(net.branch.site?.branch, net.sites.length), data: net.branch },
    { file: path.join(dir, `${name(clean)}（考点）.xlsx`), role: w.clean, data: clean },
    { file: path.join(dir, `${name(faulty)}（考点，有错误）.xlsx`), role: w.faulty(planted.length), data: faulty },
  ];
  const buffers = await Promise.all(books.map((b) => fillWorkbook(b.data)));
  await Promise.all(books.map((b, i) => writeFileAtomic(b.file, new Uint8Array(buffers[i]))));
  // Read back what was written and checked through the one check service, exactly as `summary` does.
  const consolidated = await consolidateFiles(
    books.map((b) => b.file),
    { threads: 0, lang },
  );
  const summaryFile = path.join(dir, DEMO_SUMMARY);
  const { consolidatedXlsx } = await import('../io/xlsx/summary');
  await writeFileAtomic(summaryFile, await consolidatedXlsx(consolidated, { lang }));
  return { dir, books, summaryFile, planted, consolidated, lang };
}

const MAX_LISTED = 12;

/** What each workbook's check found, listed as the summary lists it. */
function checkedLines(r: DemoResult): string[] {
  const w = WORDS[r.lang];
  const lines: string[] = [];
  for (const b of r.books) {
    const f = r.consolidated.files.find((x) => x.file === b.file);
    const s = f?.summary;
    if (!f || !s) {
      lines.push(`  ${path.basename(b.file)}${w.colon}${w.unreadable(f?.error ?? w.unknown)}`);
      continue;
    }
    const verdict = s.ready ? (s.findings.warnings ? w.readyWarned(s.findings.warnings) : w.ready) : w.fix(s.findings.errors, s.findings.warnings);
    lines.push(`  ${path.basename(b.file)}${w.colon}${verdict}`);
    // A disagreeing handover once, with every field that differs, as the summary lists it.
    const listed = withPairFindings(f.file, f.findings, r.consolidated.pairs, r.lang);
    const shown = [...listed].sort((a, b2) => (a.severity === b2.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, MAX_LISTED);
    for (const x of shown) {
      const where = x.sheet ? `${x.sheet}!${x.cell ?? ''}` : w.whole;
      lines.push(`      [${SEVERITY_WORDS[x.severity][r.lang]}] ${where}  ${x.message}`);
    }
    if (listed.length > shown.length) lines.push(`      ${w.more(listed.length - shown.length)}`);
  }
  return lines;
}

/** What the demo prints. */
export function demoReport(r: DemoResult): string[] {
  const w = WORDS[r.lang];
  const lines: string[] = [];
  lines.push(w.written(`${r.dir}${path.sep}`, r.books[0].data.site?.semester, r.books[0].data.site?.school));
  for (const b of r.books) lines.push(`  ${path.basename(b.file)}  —  ${b.role}`);
  lines.push('', w.checked, ...checkedLines(r));
  if (r.planted.length) {
    const faulty = r.consolidated.files.find((x) => x.file === r.books[2].file);
    const rules = new Set(faulty?.findings.map((x) => x.rule));
    const caught = r.planted.filter((p) => rules.has(p.rule));
    lines.push('', w.planted(r.planted.length, caught.length));
    for (const p of r.planted) {
      lines.push(w.plantedLine(rules.has(p.rule) ? '✓' : '✗', r.lang === 'en' ? p.descriptionEn : p.description, ruleTitle(p.rule, r.lang)));
    }
  }
  const t = r.consolidated.totals;
  lines.push('', w.pairs(t.pairs.matched, t.pairs.disagree, t.pairs['sender-only'] + t.pairs['receiver-only']));
  for (const p of r.consolidated.pairs.filter((x) => x.status !== 'matched')) {
    lines.push(w.pairLine(p.from, p.to, PAIR_STATUS_WORDS[p.status][r.lang], describePair(p, r.lang)));
  }
  lines.push('', w.summary(r.summaryFile));
  lines.push('', w.next, w.open(r.books[2].file), w.openSummary(r.summaryFile));
  // Commands that work where the user stands: `custody` once installed, else node and the full path.
  const { command, install } = howToCall(r.lang);
  lines.push(...w.own(command));
  if (install) lines.push(`  ${install}`);
  return lines;
}
