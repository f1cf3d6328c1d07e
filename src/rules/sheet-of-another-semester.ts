import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'sheet-of-another-semester',
  title: { zh: '表属另一学期', en: 'Sheet of another semester' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期国家开放大学纸质试卷交接单”“……学期纸质试卷入库清单”“____学期……纸质试卷出入库记录表”：各表按学期签写',
  messages: {
    zh: {
      title:
        '本表标题写的是“{semester}学期”，而基本信息的学期是“{own}”。一个工作簿只记一个学期，本表没有和本学期的记录一起检查。若本表属于{own}，请改正标题中的学期；若属于{semester}学期，请把它移到{semester}学期的工作簿，在那里检查。',
      dates:
        '本表没有写学期，它的日期（{first}起）都在{semester}学期：工作簿里有标题写明{semester}学期的表，而基本信息的学期是“{own}”。一个工作簿只记一个学期，本表没有和本学期的记录一起检查。若本表属于{own}，请核对它的日期；若属于{semester}学期，请把它移到{semester}学期的工作簿，在那里检查。',
      site: '基本信息的学期写的是“{own}”，而工作簿里的各张表都是{semester}学期的（看标题和日期），没有一张是{own}的。请把基本信息的学期改为{semester}（若确是{own}的工作簿，请核对各表的标题和日期）。',
      kept: '本表标题写的是“{semester}学期”，而它的日期（{first}起）都在基本信息的“{own}”学期内，已按本学期检查。交接单、清单和记录表按学期签写存档，请把标题中的学期改为{own}。',
    },
    en: {
      title:
        'This sheet’s title names the semester "{semester}", but 基本信息 says "{own}". A workbook keeps one semester, so this sheet was not checked with this semester’s records. If it belongs to {own}, correct the semester in its title; if to {semester}, move it to that semester’s workbook and check it there.',
      dates:
        'This sheet names no semester, but all its dates (from {firstEn}) fall in {semester}, which other sheets of this workbook name in their titles, while 基本信息 says "{own}". A workbook keeps one semester, so this sheet was not checked with this semester’s records. If it belongs to {own}, check its dates; if to {semester}, move it to that semester’s workbook and check it there.',
      site: '基本信息 gives the semester "{own}", but every form of the workbook is of {semester} (by its title and dates), none of {own}. Correct 基本信息’s semester to {semester} (or, if the workbook is {own}’s, check the forms’ titles and dates).',
      kept: 'This sheet’s title names the semester "{semester}", but all its dates (from {firstEn}) fall in 基本信息’s "{own}", so it was checked with this semester. The forms are signed and filed by semester: correct the semester in its title to {own}.',
    },
  },
  docs: 'A form’s sheet of another semester than 基本信息’s 学期 — its title (附件1–3 print “____学期”) names another (2024秋 in a 2024春 workbook; 2024秋, 2024年秋季 and 2024-2025学年第一学期 are one semester), or, where its title names none (附件4, 附件5), every date on it falls in a semester another sheet’s title names. Said once, at the sheet’s title; the sheet is left out of the checks, so its January times are not judged against June’s sessions (one fact, one finding). A sheet naming no semester whose dates fall in no semester named elsewhere (a mistyped year) is this semester’s, and judged as such. A title naming another semester on a sheet whose dates all fall in this one (a title left from last semester’s form) is said the same way, and the sheet is judged with this semester. When every form is of one other semester and none of this one — by their titles, or, where no title names a semester, by the dates of two forms or more — 基本信息’s 学期 is what was left from last semester: said once at that cell, the forms are judged as they are, and a summary counts the workbook with their semester.',
};

/** 2025-01-04 → 2025年1月4日. */
const dayZh = (iso: string): string => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function check({ model, report }: RuleContext): void {
  const own = model.data.site?.semester ?? '';
  (model.otherSemester ?? []).forEach(({ semester, by, first, kept }, i) => {
    report(`otherSemester[${i}]`, kept ? 'kept' : by, { semester, own, first: first && dayZh(first), firstEn: first });
  });
}
