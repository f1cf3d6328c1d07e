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
import { ruleTitle } from '../summary/rule-titles';
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
}

/** Makes, checks and summarises the demo workbooks in `dir`. */
export async function runDemo(dir: string): Promise<DemoResult> {
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  const [clean, other] = net.sites;
  const { data: faulty, planted } = plantDefects(other);
  const name = (d: SiteData) => d.site?.examSite || d.site?.school || '工作簿';
  const books: DemoBook[] = [
    {
      file: path.join(dir, `${name(net.branch)}（分校）.xlsx`),
      role: `分校工作簿：从${net.branch.site?.branch}接收试卷，发往 ${net.sites.length} 个考点`,
      data: net.branch,
    },
    { file: path.join(dir, `${name(clean)}（考点）.xlsx`), role: '考点工作簿：填写规范，没有错误', data: clean },
    { file: path.join(dir, `${name(faulty)}（考点，有错误）.xlsx`), role: `考点工作簿：故意留了 ${planted.length} 处常见错误`, data: faulty },
  ];
  const buffers = await Promise.all(books.map((b) => fillWorkbook(b.data)));
  await Promise.all(books.map((b, i) => writeFileAtomic(b.file, new Uint8Array(buffers[i]))));
  // Read back what was written and checked through the one check service, exactly as `summary` does.
  const consolidated = await consolidateFiles(
    books.map((b) => b.file),
    { threads: 0 },
  );
  const summaryFile = path.join(dir, DEMO_SUMMARY);
  const { consolidatedXlsx } = await import('../io/xlsx/summary');
  await writeFileAtomic(summaryFile, await consolidatedXlsx(consolidated));
  return { dir, books, summaryFile, planted, consolidated };
}

const MAX_LISTED = 12;

/** What the demo prints. */
export function demoReport(r: DemoResult): string[] {
  const lines: string[] = [];
  lines.push(`已在 ${r.dir}${path.sep} 生成示例工作簿（${r.books[0].data.site?.semester}学期，${r.books[0].data.site?.school}）：`);
  for (const b of r.books) lines.push(`  ${path.basename(b.file)}  —  ${b.role}`);
  lines.push('', '逐个检查的结果：');
  for (const b of r.books) {
    const f = r.consolidated.files.find((x) => x.file === b.file);
    const s = f?.summary;
    if (!f || !s) {
      lines.push(`  ${path.basename(b.file)}：无法读取（${f?.error ?? '未知原因'}）`);
      continue;
    }
    const verdict = s.ready
      ? s.findings.warnings
        ? `可以提交（另有 ${s.findings.warnings} 处提醒）`
        : '可以提交，未发现问题'
      : `需改正：错误 ${s.findings.errors} 处，警告 ${s.findings.warnings} 处`;
    lines.push(`  ${path.basename(b.file)}：${verdict}`);
    // A disagreeing handover once, with every field that differs, as the summary lists it.
    const listed = withPairFindings(f.file, f.findings, r.consolidated.pairs);
    const shown = [...listed].sort((a, b2) => (a.severity === b2.severity ? 0 : a.severity === 'error' ? -1 : 1)).slice(0, MAX_LISTED);
    for (const x of shown) {
      const where = x.sheet ? `${x.sheet}!${x.cell ?? ''}` : '（整个工作簿）';
      lines.push(`      [${SEVERITY_WORDS[x.severity].zh}] ${where}  ${x.message}`);
    }
    if (listed.length > shown.length) lines.push(`      ……另有 ${listed.length - shown.length} 处，见汇总表“问题清单”`);
  }
  if (r.planted.length) {
    const faulty = r.consolidated.files.find((x) => x.file === r.books[2].file);
    const rules = new Set(faulty?.findings.map((x) => x.rule));
    const caught = r.planted.filter((p) => rules.has(p.rule));
    lines.push('', `故意留下的 ${r.planted.length} 处错误，检查找出了 ${caught.length} 处：`);
    for (const p of r.planted) lines.push(`  ${rules.has(p.rule) ? '✓' : '✗'} ${p.description}（${ruleTitle(p.rule)}）`);
  }
  const t = r.consolidated.totals;
  lines.push(
    '',
    `交接单两份副本核对：一致 ${t.pairs.matched} 对，不一致 ${t.pairs.disagree} 对，仅一方 ${t.pairs['sender-only'] + t.pairs['receiver-only']} 份。`,
  );
  for (const p of r.consolidated.pairs.filter((x) => x.status !== 'matched')) {
    lines.push(`  ${p.from} → ${p.to}：${PAIR_STATUS_WORDS[p.status].zh}，${describePair(p)}`);
  }
  lines.push('', `已写出汇总：${r.summaryFile}`);
  lines.push('', '下一步：');
  lines.push(`  1. 打开 ${r.books[2].file}，对照上面列出的工作表和单元格，看每处错误是怎样被找出的；`);
  lines.push(`  2. 打开 ${r.summaryFile}，看“总览”的图表、“交接配对”和“问题清单”；`);
  // Commands that work where the user stands: `custody` once installed, else node and the full path.
  const { command, install } = howToCall();
  lines.push(`  3. 检查自己的工作簿：${command} validate 我的工作簿.xlsx`);
  lines.push(`     汇总整个文件夹：${command} summary 文件夹 -o 汇总.xlsx`);
  lines.push(`     拿一套空白表格：${command} template -o 模板`);
  if (install) lines.push(`  ${install}`);
  return lines;
}
