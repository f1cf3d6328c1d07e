/** The sample semester's papers, their sessions and the bags that cover their candidates. */
import type { SampleOptions } from './options';

const PAPER_NAMES = [
  '高等数学基础',
  '管理学基础',
  '中国现代文学',
  '西方经济学',
  '会计学原理',
  '计算机应用基础',
  '大学英语（1）',
  '经济法学',
  '行政管理学',
  '学前儿童发展心理学',
  '社会调查研究与方法',
  '现代汉语',
  '机械制图',
  '电工电子技术',
  '建筑材料',
  '土木工程力学',
  '药理学',
  '护理学基础',
  '财务管理',
  '市场营销学',
  '公共政策概论',
  '民法学',
  '刑法学',
  '宪法学',
  '心理学',
  '教育学',
  '小学数学教学研究',
  '古代汉语',
  '外国文学',
  '政治学原理',
  '离散数学',
  '数据结构',
  '操作系统',
  '数据库应用技术',
  '程序设计基础',
  '网络实用技术',
  '人力资源管理',
  '组织行为学',
  '基础会计',
  '统计学原理',
  '金融学',
  '国际贸易实务',
  '物流管理概论',
  '工程数学',
  '实用卫生统计学',
  '病理学与病理生理学',
  '人体解剖生理学',
  '健康评估',
  '社区护理学',
  '幼儿园课程论',
];

export interface SamplePaper {
  paperNo: string;
  paperName: string;
  start: string;
  end: string;
  /**
   * Which delivery brings the paper: exam days are taken two at a time, each
   * pair delivered the day before its first day, so that no paper arrives more
   * than two days before its session (003 (四)).
   */
  batch: number;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const SESSION_TIMES: Array<[string, string]> = [
  ['08:30', '10:00'],
  ['14:00', '15:30'],
];

/** The semester's papers, each with its one national session. */
export function samplePapers(options: SampleOptions = {}): SamplePaper[] {
  const count = Math.max(1, options.papers ?? 6);
  const sessions = Math.max(1, Math.min(options.sessions ?? 3, count));
  const firstDay = options.firstDay ?? '2024-06-15';
  const papers: SamplePaper[] = [];
  for (let i = 0; i < count; i++) {
    const s = Math.floor((i * sessions) / count);
    const dayIndex = Math.floor(s / 2);
    const day = addDays(firstDay, dayIndex);
    const [from, to] = SESSION_TIMES[s % 2];
    const base = PAPER_NAMES[i % PAPER_NAMES.length];
    papers.push({
      paperNo: String(1001 + i * 37),
      paperName: i < PAPER_NAMES.length ? base : `${base}（${Math.floor(i / PAPER_NAMES.length) + 1}）`,
      start: `${day}T${from}`,
      end: `${day}T${to}`,
      batch: Math.floor(dayIndex / 2),
    });
  }
  return papers;
}

/** Bags of 31, 26, 11 and 5 copies covering the candidates with the fewest spare copies, then the fewest bags. */
export function bagsFor(candidates: number): { bags31: number; bags26: number; bags11: number; bags5: number; totalBags: number } {
  let best = { bags31: 0, bags26: 0, bags11: 0, bags5: 0, totalBags: 0 };
  let bestWaste = Infinity;
  const max31 = Math.ceil(candidates / 31);
  for (let a = max31; a >= 0; a--) {
    for (let b = 0; b <= 2; b++) {
      for (let c = 0; c <= 3; c++) {
        const before = a * 31 + b * 26 + c * 11;
        const d = Math.max(0, Math.ceil((candidates - before) / 5));
        if (d > 3) continue;
        const waste = before + d * 5 - candidates;
        const total = a + b + c + d;
        if (waste < 0) continue;
        if (waste < bestWaste || (waste === bestWaste && total < best.totalBags)) {
          bestWaste = waste;
          best = { bags31: a, bags26: b, bags11: c, bags5: d, totalBags: total };
        }
      }
    }
  }
  return best;
}
