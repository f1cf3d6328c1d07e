/**
 * One unit's workbook of one semester given twice as two different files (a
 * re-saved “浏阳考点(1).xlsx” beside “浏阳考点.xlsx”): a summary counted the unit
 * twice with no word. Said once, on the file not counted, naming the one
 * counted (model/repeated-unit.ts: one named as corrected, else the first by file name) and whether the two
 * hold the same records; the summary leaves its stock out of the totals.
 */
import { custodyOf } from '../model/custody';
import { OLDER_WORDS, REVISED_WORDS, modelDigest, repeatedUnits, unitOfWorkbook } from '../model/repeated-unit';
import type { CountedWhy } from '../model/repeated-unit';
import { nameBeside } from '../model/text';
import { countedSite } from '../model/semester';
import type { CrossReport, CrossSite, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'unit-workbook-twice',
  title: { zh: '同一单位两本工作簿', en: 'One unit’s workbook twice' },
  severity: 'warning',
  forms: [0],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期……”及附件1 备注“押运方和接收方分别存档”：每个单位按学期存档一份，汇总时每个单位只计一次',
  messages: {
    zh: {
      same: '本工作簿和文件“{first}”是同一单位（{unit}）同一学期（{semester}）的工作簿，两本记的内容相同（像是另存的副本）。汇总只计文件“{first}”一次，本工作簿的袋数、份数和考生数不计入合计。请删去或移走其中一本。',
      sameNoUnit:
        '本工作簿和文件“{first}”记的内容完全相同（像是另存的副本），基本信息里读不出是哪个单位。汇总只计文件“{first}”一次，本工作簿的袋数、份数和考生数不计入合计。请删去或移走其中一本，并在留下的那本里填好单位级别和单位名称。',
      differs:
        '本工作簿和文件“{first}”是同一单位（{unit}）同一学期（{semester}）的工作簿，但两本记的内容不同。汇总只计{why}“{first}”，本工作簿的袋数、份数和考生数不计入合计。请核对两本，确定哪一本是正确、完整的，只提交那一本；若本工作簿才是正确的，请删去或移走“{first}”后重新汇总。',
    },
    en: {
      same: 'This workbook and file "{first}" are both {unit}’s workbook of {semester}, and they hold the same records (a re-saved copy, it seems). A summary counts "{first}" once; this workbook’s bags, copies and candidates are left out of the totals. Delete or move one of them.',
      sameNoUnit:
        'This workbook and file "{first}" hold the same records (a re-saved copy, it seems), and 基本信息 does not say which unit they are of. A summary counts "{first}" once; this workbook’s bags, copies and candidates are left out of the totals. Delete or move one of them, and fill in the unit level and name in the one kept.',
      differs:
        'This workbook and file "{first}" are both {unit}’s workbook of {semester}, but their records differ. A summary counts only "{first}", {whyEn}; this workbook’s bags, copies and candidates are left out of the totals. Compare the two, decide which is right and complete, and hand in only that one; if this one is, delete or move "{first}" and summarise again.',
    },
  },
  docs: `When several workbooks are checked or summarised together, two files (a byte copy under another name among them: the same records) of one unit and one semester — the same 单位级别, unit names and 学期 on 基本信息, as a re-save “浏阳考点(1).xlsx” beside “浏阳考点.xlsx” has. The one counted is the one whose file name says it is the corrected or newer version (${REVISED_WORDS.join(', ')}; of two so named, the later version: v3 before v2, 第三版 before 第二版) and not the one whose name says it is the version before correction (${OLDER_WORDS.join(', ')}), else the first by file name (a workbook before its copies “(1)”, “ - 副本”), the same for every order the files come in; the other is said once at its unit’s name, naming the first (with its folder when the two files share a name) and whether the two hold the same records or differ (then the officer must pick one). The consolidated summary lists it on 总览 and leaves its bags, copies and candidates out of the totals. A workbook whose level or unit name cannot be read (required-field) is judged here only beside one holding the same records — a byte copy of it: the copy is said to hold the same records, naming no unit, and counted once.`,
};

/** Why the other workbook is counted, as the message says it (`{why}`, `{whyEn}`). */
const WHY: Record<CountedWhy, Record<'zh' | 'en', string>> = {
  revised: { zh: '文件名注明修改过的', en: 'the one whose name says it is the corrected version' },
  newer: { zh: '文件名注明的版本更新的', en: 'the one whose name gives the later version' },
  older: { zh: '文件名未注明是修改前版本的', en: 'as this one’s name says it is the version before correction' },
  name: { zh: '按文件名排在前面的', en: 'the first by file name' },
};

/** 基本信息's cell naming the unit, for its level: the 考点's name, else the 分校's. */
const nameCell = (site: CrossSite): string => (custodyOf(site.model).level === '考点' ? 'site.examSite' : 'site.school');
const digestOf = (site: CrossSite): string => modelDigest(site.model);

export function check(sites: ReadonlyArray<CrossSite>, report: (r: CrossReport) => void): void {
  const fileOf = (s: CrossSite) => s.file ?? s.id;
  for (const { repeat, first, why } of repeatedUnits(sites, fileOf, (s) => unitOfWorkbook(countedSite(s.model)), digestOf)) {
    report({
      site: repeat.id,
      path: nameCell(repeat),
      // A workbook whose unit cannot be told is a repeat only of the same records: said so, naming no unit.
      messageId: unitOfWorkbook(countedSite(repeat.model)) === undefined ? 'sameNoUnit' : digestOf(repeat) === digestOf(first) ? 'same' : 'differs',
      params: {
        first: nameBeside(fileOf(first), fileOf(repeat)),
        why: WHY[why].zh,
        whyEn: WHY[why].en,
        unit: custodyOf(repeat.model).name,
        semester: countedSite(repeat.model)?.semester?.trim() ?? '',
      },
    });
  }
}
