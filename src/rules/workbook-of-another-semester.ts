/**
 * Workbooks checked or summarised together are one semester's: a 考点's file
 * of last year among this semester's was added into the summary's bags and
 * copies with no word. The workbook of another semester than most of them is
 * said once, at its 基本信息 学期 (the summary also leaves its stock out of the
 * totals: summary/consolidate.ts `setRunSemester`).
 */
import { bySemester, countedSite } from '../model/semester';
import { baseName } from '../model/text';
import type { CrossReport, CrossSite, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'workbook-of-another-semester',
  title: { zh: '工作簿属另一学期', en: 'Workbook of another semester' },
  severity: 'warning',
  forms: [0],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期……”：试卷按学期交接、入库、出库，汇总也按学期',
  messages: {
    zh: {
      other:
        '本工作簿基本信息的学期是“{semester}”，而一起检查的其他工作簿多是{main}学期的（{count} 个，如文件“{example}”）。不同学期的试卷不能合在一起汇总：汇总时本工作簿的袋数、份数和考生数不计入合计。若本工作簿属于{main}学期，请改正基本信息的学期；若确是{semester}学期的，请把它移出本次检查和汇总。',
      forms:
        '本工作簿的各张表都是{semester}学期的（基本信息的学期“{typed}”另有指出），而一起检查的其他工作簿多是{main}学期的（{count} 个，如文件“{example}”）。不同学期的试卷不能合在一起汇总：汇总时本工作簿的袋数、份数和考生数不计入合计。若这些表确是{semester}学期的，请把本工作簿移出本次检查和汇总；若属于{main}学期，请核对各表的标题和日期。',
    },
    en: {
      other:
        '基本信息 gives the semester "{semester}", but the other workbooks checked with it are mostly of {main} ({count}, e.g. file "{example}"). Papers of two semesters are not added up: in a summary, this workbook’s bags, copies and candidates are left out of the totals. If it belongs to {main}, correct its semester; if it is indeed of {semester}, take it out of this check and summary.',
      forms:
        'Every form of this workbook is of {semester} (基本信息’s semester "{typed}" is said apart), but the other workbooks checked with it are mostly of {main} ({count}, e.g. file "{example}"). Papers of two semesters are not added up: in a summary, this workbook’s bags, copies and candidates are left out of the totals. If its forms are indeed of {semester}, take the workbook out of this check and summary; if they belong to {main}, check their titles and dates.',
    },
  },
  docs: 'When several workbooks are checked or summarised together, each whose 基本信息 学期 is another semester than most of them name (2024秋, 2024年秋季 and 2024-2025学年第一学期 are one; of two named by as many workbooks, the later is the run’s) — a 考点’s file of last year among this semester’s. Said once, at its 学期 cell, naming the run’s semester and one of its files; the consolidated summary lists it on 总览 and leaves its bags, copies and candidates out of the totals. A workbook whose 学期 is empty or cannot be read is not judged here (required-field); nor one whose forms are all of the run’s semester and none of its 基本信息’s: its 学期 is a slip, said at that cell by sheet-of-another-semester (one fact, one finding), and the summary counts the workbook with the run’s semester, as its forms are. One whose forms are all of another semester than the run’s is said by them, whatever its 学期 says.',
};

export function check(sites: ReadonlyArray<CrossSite>, report: (r: CrossReport) => void): void {
  // A workbook whose 学期 is a slip (its forms all of one other semester: sheet-of-another-semester's error at that cell)
  // is of its forms' semester, as the summary counts it: of the run's, it is not said again here (one fact, one finding).
  const { main, ofMain, other } = bySemester(sites, (s) => countedSite(s.model)?.semester);
  if (main === undefined) return;
  const example = baseName(ofMain[0].file ?? ofMain[0].id);
  for (const s of other) {
    const typed = s.model.data.site?.semester?.trim() ?? '';
    // Of another semester by its forms, whatever its 学期 says (a slip, said apart): said by them, not by that 学期.
    const slip = countedSite(s.model) !== s.model.data.site;
    const params = { semester: slip ? countedSite(s.model)!.semester!.trim() : typed, typed, main, count: ofMain.length, example };
    report({ site: s.id, path: 'site.semester', messageId: slip ? 'forms' : 'other', params });
  }
}
