/**
 * Realistic sample data for one semester's custody chain: a 分校 workbook and
 * its 考点 workbooks, consistent with each other (every handover appears on
 * both sides with the same bags, time and signers), plus a function that plants
 * the mistakes people really make.
 *
 * Pure and deterministic: the same options (and seed) give the same data.
 * Used by `custody demo`, the tests and the benchmarks.
 *
 *   sampleExamSite({ examSite: '岳麓考点' })          → one 考点's SiteData
 *   sampleNetwork({ sites: 2 })                       → { branch, sites: [...] }
 *   sampleBranch({ sites: 2 })                        → the 分校's SiteData alone
 *   plantDefects(data, ['one-signer', 'duty-gap'])    → { data, planted }
 *
 * The shape of a network: papers arrive at the 分校 from the 分部 the day
 * before their first session (a long exam period in several deliveries, two
 * exam days each), are counted in, and the same afternoon dispatched
 * (vault checkouts that are not returned) to each 考点 on a handover whose two
 * copies live in the two workbooks. Each 考点 counts them in, guards them day
 * and night, takes each session's papers out 45 minutes before it starts,
 * hands them to the rooms, and returns them after the session.
 */
import { isoFromMinutes, minutesOf } from '../model/datetime';
import type {
  Distribution,
  DistributionRow,
  Handover,
  IntakeItem,
  Session,
  Shift,
  SiteData,
  StaffMember,
  VaultLogEntry,
} from '../model/types';

export interface SampleOptions {
  /** Seed of the pseudo-random choices (names, candidates); default 1. */
  seed?: number;
  semester?: string;
  branch?: string;
  /** The 分校 (学院). */
  school?: string;
  /** First exam day, `YYYY-MM-DD`; default 2024-06-15. */
  firstDay?: string;
  /** Papers sat at each 考点; default 6. */
  papers?: number;
  /** Sessions the papers are spread over (two a day, 08:30 and 14:00); default 3. */
  sessions?: number;
  /** Checkouts per paper on the 考点's vault log (a paper's bags taken in several lots); default 1. */
  lotsPerPaper?: number;
  /** Candidates per paper at a 考点, drawn between these; default [18, 95]. */
  candidates?: [number, number];
}

export interface ExamSiteOptions extends SampleOptions {
  /** The 考点's name; default 岳麓考点. */
  examSite?: string;
  /** Which of the network's sites this is (names, addresses, candidates differ); default 0. */
  index?: number;
}

export interface NetworkOptions extends SampleOptions {
  /** Number of 考点 under the 分校; default 2. */
  sites?: number;
  /** Their names; default 岳麓考点, 天心考点, … then 第N考点. */
  siteNames?: string[];
}

export interface SampleNetwork {
  branch: SiteData;
  sites: SiteData[];
}

/* ------------------------------------------------------------------ random */

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁琳晨欣怡婷雪颖倩琪慧莉晶瑶岚凤洁梅兰峰雷波亮';

function makeNamer(random: () => number, taken: Set<string>): () => string {
  return () => {
    for (let attempt = 0; ; attempt++) {
      const s = SURNAMES[Math.floor(random() * SURNAMES.length)];
      const g1 = GIVEN[Math.floor(random() * GIVEN.length)];
      const g2 = attempt > 20 || random() < 0.45 ? GIVEN[Math.floor(random() * GIVEN.length)] : '';
      const name = s + g1 + g2;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
}

/* ------------------------------------------------------------------ papers */

const PAPER_NAMES = [
  '高等数学基础', '管理学基础', '中国现代文学', '西方经济学', '会计学原理', '计算机应用基础', '大学英语（1）',
  '经济法学', '行政管理学', '学前儿童发展心理学', '社会调查研究与方法', '现代汉语', '机械制图', '电工电子技术',
  '建筑材料', '土木工程力学', '药理学', '护理学基础', '财务管理', '市场营销学', '公共政策概论', '民法学',
  '刑法学', '宪法学', '心理学', '教育学', '小学数学教学研究', '古代汉语', '外国文学', '政治学原理',
  '离散数学', '数据结构', '操作系统', '数据库应用技术', '程序设计基础', '网络实用技术', '人力资源管理',
  '组织行为学', '基础会计', '统计学原理', '金融学', '国际贸易实务', '物流管理概论', '工程数学', '实用卫生统计学',
  '病理学与病理生理学', '人体解剖生理学', '健康评估', '社区护理学', '幼儿园课程论',
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

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function addDays(day: string, days: number): string {
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

/* ------------------------------------------------------------------ people */

interface SitePeople {
  chief: string;
  affairs: [string, string];
  keeper: string;
  guard: string;
  proctors: string[];
  escorts: [string, string];
}

function roster(p: SitePeople): StaffMember[] {
  const member = (name: string, roles: string[]): StaffMember => ({
    name,
    roles,
    formalStaff: true,
    candidateRelative: false,
    pledgeSigned: true,
  });
  return [
    member(p.chief, ['主考']),
    member(p.affairs[0], ['考务人员', '交接人员']),
    member(p.affairs[1], ['考务人员', '交接人员']),
    member(p.escorts[0], ['押运人员', '交接人员']),
    member(p.escorts[1], ['押运人员', '交接人员']),
    member(p.keeper, ['卷库保管员', '值班人员']),
    member(p.guard, ['值班人员', '监控人员']),
    ...p.proctors.map((name) => member(name, ['监考人员'])),
  ];
}

function people(random: () => number, proctors: number): SitePeople {
  const name = makeNamer(random, new Set());
  return {
    chief: name(),
    affairs: [name(), name()],
    keeper: name(),
    guard: name(),
    escorts: [name(), name()],
    proctors: Array.from({ length: Math.max(2, proctors) }, name),
  };
}

/* ------------------------------------------------------------------ duty */

/** Day (08:00–20:00) and night (20:00–08:00) shifts from `from` (rounded down to the hour) past `until`. */
function dutyShifts(from: string, until: string, pair: [string, string]): Shift[] {
  const shifts: Shift[] = [];
  let start = Math.floor(minutesOf(from) / 60) * 60;
  const end = minutesOf(until);
  let turn = 0;
  while (start < end || shifts.length === 0) {
    const hour = Math.floor((start % 1440) / 60);
    const day = hour >= 8 && hour < 20;
    const dayStart = start - (start % 1440);
    const next = day ? dayStart + 20 * 60 : hour >= 20 ? dayStart + 1440 + 8 * 60 : dayStart + 8 * 60;
    shifts.push({
      kind: day ? '日间' : '夜间',
      from: isoFromMinutes(start),
      to: isoFromMinutes(next),
      record: shifts.length === 0 ? '试卷入库，双人在场，保密柜已上锁并贴封条' : day ? '按场次出入库，监控正常，无异常' : '夜间巡查，监控正常，无异常',
      handedOverBy: pair[turn % 2],
      takenOverBy: pair[(turn + 1) % 2],
    });
    turn++;
    start = next;
  }
  return shifts;
}

/* ------------------------------------------------------------------ sites */

const SITE_NAMES = ['岳麓考点', '天心考点', '开福考点', '雨花考点', '芙蓉考点', '望城考点', '浏阳考点', '宁乡考点', '长沙县考点'];
const STREETS = ['麓山南路', '书院路', '湘江中路', '韶山北路', '五一大道', '雷锋大道', '金沙北路', '玉潭路', '星沙大道'];

export function siteNameOf(index: number): string {
  return index < SITE_NAMES.length ? SITE_NAMES[index] : `第${index + 1}考点`;
}

interface Resolved {
  seed: number;
  semester: string;
  branch: string;
  school: string;
  papers: SamplePaper[];
  lots: number;
  candidates: [number, number];
}

function resolve(options: SampleOptions): Resolved {
  return {
    seed: options.seed ?? 1,
    semester: options.semester ?? '2024春',
    branch: options.branch ?? '湖南分部',
    school: options.school ?? '长沙分校',
    papers: samplePapers(options),
    lots: Math.max(1, options.lotsPerPaper ?? 1),
    candidates: options.candidates ?? [18, 95],
  };
}

/** The times of one delivery (分部 → 分校 → this 考点): the day before the batch's first session. */
function chainTimes(papers: SamplePaper[], index: number, batch = 0) {
  const mine = papers.filter((p) => p.batch === batch);
  const first = (mine.length ? mine : papers).reduce((m, p) => (p.start < m ? p.start : m), (mine.length ? mine : papers)[0].start);
  const eve = addDays(first.slice(0, 10), -1);
  const offset = (index % 12) * 10; // the van calls at one 考点 after another
  const branchArrival = `${eve}T09:00`;
  const branchIntake = `${eve}T09:40`;
  const dispatch = isoFromMinutes(minutesOf(`${eve}T13:30`) + offset);
  const arrival = isoFromMinutes(minutesOf(`${eve}T14:30`) + offset);
  const intake = isoFromMinutes(minutesOf(arrival) + 25);
  return { branchArrival, branchIntake, dispatch, arrival, intake };
}

/** The delivery batches of the papers, in order. */
function batchesOf(papers: SamplePaper[]): number[] {
  return [...new Set(papers.map((p) => p.batch))].sort((a, b) => a - b);
}

interface SiteBuild {
  data: SiteData;
  /** The 分校's outgoing copies of the handovers to this 考点 (one per delivery). */
  dispatchCopies: Handover[];
  /** The 分校's dispatch rows for this 考点. */
  dispatchRows: VaultLogEntry[];
  candidatesByPaper: Map<string, number>;
  bagsByPaper: Map<string, ReturnType<typeof bagsFor>>;
}

function buildExamSite(r: Resolved, index: number, name: string, branchPeople: SitePeople): SiteBuild {
  const random = rng(r.seed * 7919 + hashString(name) + index);
  const [lo, hi] = r.candidates;
  const candidatesByPaper = new Map<string, number>();
  for (const p of r.papers) candidatesByPaper.set(p.paperNo, lo + Math.floor(random() * (hi - lo + 1)));
  const maxRooms = Math.max(...[...candidatesByPaper.values()].map((c) => Math.ceil(c / 30)));
  const who = people(random, Math.max(4, maxRooms));
  const times = chainTimes(r.papers, index);
  const site = { semester: r.semester, branch: r.branch, school: r.school, examSite: name, level: '考点' as const };

  const schedule: Session[] = r.papers.map((p) => ({
    paperNo: p.paperNo,
    paperName: p.paperName,
    start: p.start,
    end: p.end,
    candidates: candidatesByPaper.get(p.paperNo),
  }));

  const bagsByPaper = new Map<string, ReturnType<typeof bagsFor>>();
  const intakeItems: IntakeItem[] = r.papers.map((p) => {
    const bags = bagsFor(candidatesByPaper.get(p.paperNo)!);
    bagsByPaper.set(p.paperNo, bags);
    return { paperNo: p.paperNo, paperName: p.paperName, ...bags };
  });
  const sum = (k: 'bags31' | 'bags26' | 'bags11' | 'bags5' | 'totalBags') =>
    intakeItems.reduce((s, i) => s + (i[k] as number), 0);
  const totals = { bags31: sum('bags31'), bags26: sum('bags26'), bags11: sum('bags11'), bags5: sum('bags5'), totalBags: sum('totalBags') };

  const handovers: Handover[] = batchesOf(r.papers).map((batch) => {
    const papers = r.papers.filter((p) => p.batch === batch);
    return {
      semester: r.semester,
      time: chainTimes(r.papers, index, batch).arrival,
      from: r.school,
      to: name,
      address: `长沙市${STREETS[index % STREETS.length]}${(index * 17) % 300 + 1}号`,
      contact: who.chief,
      items: papers.map((p) => ({
        destination: name,
        quantity: bagsByPaper.get(p.paperNo)!.totalBags,
        unit: '袋',
        note: `${p.paperNo} ${p.paperName}`,
      })),
      total: papers.reduce((n, p) => n + bagsByPaper.get(p.paperNo)!.totalBags, 0),
      fromOpinion: '试卷袋密封完好，同意移交',
      fromSigners: [...branchPeople.escorts],
      toOpinion: '清点无误，密封完好，同意接收',
      toSigners: [...who.affairs],
    };
  });

  // Vault log: each session's papers taken 45 minutes before it, returned 15 minutes after.
  const vaultLog: VaultLogEntry[] = [];
  for (const p of r.papers) {
    const bags = bagsByPaper.get(p.paperNo)!.totalBags;
    const lots = Math.min(r.lots, bags);
    for (let l = 0; l < lots; l++) {
      const quantity = Math.floor(bags / lots) + (l < bags % lots ? 1 : 0);
      const taker = who.affairs[(l + r.papers.indexOf(p)) % 2];
      vaultLog.push({
        paperNo: p.paperNo,
        paperName: p.paperName,
        quantity,
        unit: '袋',
        taker,
        takenAt: isoFromMinutes(minutesOf(p.start) - 45 + l),
        issuedBy: who.keeper,
        returner: taker,
        returnedAt: isoFromMinutes(minutesOf(p.end) + 15 + l),
        receivedBy: who.keeper,
      });
    }
  }

  // One 分发登记表 per session: each paper's candidates split over rooms of at most 30.
  const bySession = new Map<string, SamplePaper[]>();
  for (const p of r.papers) bySession.set(p.start, [...(bySession.get(p.start) ?? []), p]);
  const distributions: Distribution[] = [];
  for (const [start, papers] of bySession) {
    const rows: DistributionRow[] = [];
    let room = 1;
    for (const p of papers) {
      const candidates = candidatesByPaper.get(p.paperNo)!;
      const rooms = Math.ceil(candidates / 30);
      for (let k = 0; k < rooms; k++) {
        const copies = Math.floor(candidates / rooms) + (k < candidates % rooms ? 1 : 0);
        const proctor = who.proctors[(room - 1) % who.proctors.length];
        rows.push({
          paperNo: p.paperNo,
          paperName: p.paperName,
          copies,
          room: pad2(room),
          issuedAt: isoFromMinutes(minutesOf(p.start) - 25 + (k % 10)),
          collector: proctor,
          returnedAt: isoFromMinutes(minutesOf(p.end) + 3 + (k % 10)),
          returner: proctor,
        });
        room++;
      }
    }
    distributions.push({ start, end: papers[0].end, rows, issuer: who.affairs[0], receiver: who.affairs[1] });
  }

  const lastCheckout = vaultLog.reduce((m, v) => (v.takenAt! > m ? v.takenAt! : m), times.intake);
  const data: SiteData = {
    site,
    schedule,
    staff: roster(who),
    handovers,
    intake: {
      items: intakeItems,
      totals,
      description: '试卷数量准确，试卷袋包装完好，已按考试时间单元分柜存放，密封条张贴规范。',
      time: times.intake,
      keeper: who.keeper,
    },
    vaultLog,
    distributions,
    duty: { shifts: dutyShifts(times.intake, lastCheckout, [who.keeper, who.guard]), supervisor: who.chief },
  };

  const dispatchRows: VaultLogEntry[] = r.papers.map((p) => ({
    paperNo: p.paperNo,
    paperName: p.paperName,
    quantity: bagsByPaper.get(p.paperNo)!.totalBags,
    unit: '袋',
    taker: who.affairs[0],
    takenAt: chainTimes(r.papers, index, p.batch).dispatch,
    issuedBy: branchPeople.keeper,
  }));
  return { data, dispatchCopies: clone(handovers), dispatchRows, candidatesByPaper, bagsByPaper };
}

function branchPeopleOf(r: Resolved): SitePeople {
  return people(rng(r.seed * 104729 + hashString(r.school)), 2);
}

/** One 考点's workbook data, consistent with `sampleBranch` / `sampleNetwork` of the same options. */
export function sampleExamSite(options: ExamSiteOptions = {}): SiteData {
  const r = resolve(options);
  const index = options.index ?? 0;
  return buildExamSite(r, index, options.examSite ?? siteNameOf(index), branchPeopleOf(r)).data;
}

/** A 分校 and its 考点: every handover's two copies agree. */
export function sampleNetwork(options: NetworkOptions = {}): SampleNetwork {
  const r = resolve(options);
  const count = Math.max(1, options.sites ?? 2);
  const names = Array.from({ length: count }, (_, i) => options.siteNames?.[i] ?? siteNameOf(i));
  const branchPeople = branchPeopleOf(r);
  const builds = names.map((name, i) => buildExamSite(r, i, name, branchPeople));
  const times = chainTimes(r.papers, 0);
  const parent = people(rng(r.seed * 31 + hashString(r.branch)), 0);

  const bagsOf = (paperNo: string) => {
    const out = { bags31: 0, bags26: 0, bags11: 0, bags5: 0, totalBags: 0 };
    for (const b of builds) {
      const bags = b.bagsByPaper.get(paperNo)!;
      out.bags31 += bags.bags31;
      out.bags26 += bags.bags26;
      out.bags11 += bags.bags11;
      out.bags5 += bags.bags5;
      out.totalBags += bags.totalBags;
    }
    return out;
  };
  const intakeItems: IntakeItem[] = r.papers.map((p) => ({ paperNo: p.paperNo, paperName: p.paperName, ...bagsOf(p.paperNo) }));
  const sum = (k: 'bags31' | 'bags26' | 'bags11' | 'bags5' | 'totalBags') =>
    intakeItems.reduce((s, i) => s + (i[k] as number), 0);
  const totalBags = sum('totalBags');

  const incoming: Handover[] = batchesOf(r.papers).map((batch) => {
    const papers = r.papers.filter((p) => p.batch === batch);
    const bagsAt = (b: SiteBuild) => papers.reduce((n, p) => n + b.bagsByPaper.get(p.paperNo)!.totalBags, 0);
    return {
      semester: r.semester,
      time: chainTimes(r.papers, 0, batch).branchArrival,
      from: r.branch,
      to: r.school,
      address: '长沙市开福区湘江中路88号',
      contact: branchPeople.chief,
      items: builds.map((b, i) => ({ destination: names[i], quantity: bagsAt(b), unit: '袋' })),
      total: builds.reduce((n, b) => n + bagsAt(b), 0),
      fromOpinion: '试卷袋密封完好，同意移交',
      fromSigners: [...parent.escorts],
      toOpinion: '清点无误，同意接收',
      toSigners: [...branchPeople.affairs],
    };
  });
  const lastDispatch = builds.reduce((m, b) => b.dispatchRows.reduce((x, row) => (row.takenAt! > x ? row.takenAt! : x), m), times.branchIntake);

  const branch: SiteData = {
    site: { semester: r.semester, branch: r.branch, school: r.school, examSite: '', level: '分校' },
    schedule: r.papers.map((p) => ({
      paperNo: p.paperNo,
      paperName: p.paperName,
      start: p.start,
      end: p.end,
      candidates: builds.reduce((s, b) => s + b.candidatesByPaper.get(p.paperNo)!, 0),
    })),
    staff: roster(branchPeople),
    // Incoming deliveries, then each delivery's dispatches to the 考点 in the order the van calls.
    handovers: [...incoming, ...batchesOf(r.papers).flatMap((_, k) => builds.map((b) => b.dispatchCopies[k]))],
    intake: {
      items: intakeItems,
      totals: { bags31: sum('bags31'), bags26: sum('bags26'), bags11: sum('bags11'), bags5: sum('bags5'), totalBags },
      description: '试卷数量准确，试卷袋包装完好，已按考点分柜存放，密封条张贴规范。',
      time: times.branchIntake,
      keeper: branchPeople.keeper,
    },
    vaultLog: builds.flatMap((b) => b.dispatchRows).sort((a, b) => (a.takenAt! < b.takenAt! ? -1 : a.takenAt! > b.takenAt! ? 1 : 0)),
    distributions: [],
    duty: { shifts: dutyShifts(times.branchIntake, lastDispatch, [branchPeople.keeper, branchPeople.guard]), supervisor: branchPeople.chief },
  };
  return { branch, sites: builds.map((b) => b.data) };
}

/** The 分校's own workbook of `sampleNetwork(options)`. */
export function sampleBranch(options: NetworkOptions = {}): SiteData {
  return sampleNetwork(options).branch;
}

/* ------------------------------------------------------------------ defects */

/** The mistakes people really make, each with the rule that should find it. */
export const DEFECTS = {
  'one-signer': { rule: 'two-signers', zh: '交接单接收人只签了一个人' },
  'bad-total': { rule: 'column-total', zh: '交接单合计与明细之和不符' },
  'early-checkout': { rule: 'checkout-window', zh: '开考前2小时就把试卷取出保密室' },
  'text-date': { rule: 'invalid-datetime', zh: '还卷时间写成了无法识别的文字' },
  'proctor-takes': { rule: 'proctor-takes-papers', zh: '监考人员到保密室领卷' },
  'duty-gap': { rule: 'duty-gap', zh: '值班记录中间断了2小时' },
  'handover-disagree': { rule: 'handover-copies-disagree', zh: '交接单两份副本的交接时间不一致' },
  'not-returned': { rule: 'not-returned', zh: '一次出库没有还卷记录' },
} as const;

export type DefectKind = keyof typeof DEFECTS;
export const DEFECT_KINDS = Object.keys(DEFECTS) as DefectKind[];

export interface PlantedDefect {
  kind: DefectKind;
  /** The rule id expected to find it. */
  rule: string;
  /** The data-model path changed. */
  path: string;
  /** What was done, in Chinese. */
  description: string;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A copy of a 考点's data with the given mistakes planted (default: all of them).
 * The input is not changed. A defect that the data gives no place for (no
 * vault log, no second shift) is skipped and not listed.
 */
export function plantDefects(data: SiteData, which: readonly DefectKind[] = DEFECT_KINDS): { data: SiteData; planted: PlantedDefect[] } {
  const out = clone(data);
  const planted: PlantedDefect[] = [];
  const note = (kind: DefectKind, path: string, description: string) =>
    planted.push({ kind, rule: DEFECTS[kind].rule, path, description });
  const log = out.vaultLog ?? [];
  const staff = out.staff ?? [];
  const sessionOf = (paperNo: string | undefined) => out.schedule?.find((s) => s.paperNo === paperNo);
  // Different vault rows for different defects, so that each is found on its own.
  const rowsFree = log.map((_, i) => i);
  const takeRow = () => rowsFree.shift();

  for (const kind of which) {
    switch (kind) {
      case 'one-signer': {
        const h = out.handovers?.find((x) => (x.toSigners?.length ?? 0) >= 2);
        if (!h) break;
        const i = out.handovers!.indexOf(h);
        h.toSigners = h.toSigners!.slice(0, 1);
        note(kind, `handovers[${i}].toSigners`, `接收人只签了“${h.toSigners[0]}”一人`);
        break;
      }
      case 'bad-total': {
        const h = out.handovers?.find((x) => typeof x.total === 'number');
        if (!h) break;
        const i = out.handovers!.indexOf(h);
        h.total = (h.total as number) + 1;
        note(kind, `handovers[${i}].total`, `合计写成 ${h.total} 袋，明细之和是 ${(h.total as number) - 1} 袋`);
        break;
      }
      case 'early-checkout': {
        const i = takeRow();
        if (i === undefined) break;
        const s = sessionOf(log[i].paperNo);
        if (!s?.start) break;
        log[i].takenAt = isoFromMinutes(minutesOf(s.start) - 120);
        note(kind, `vaultLog[${i}].takenAt`, `${log[i].paperNo} ${log[i].paperName} 开考前2小时（${log[i].takenAt!.slice(11)}）取卷`);
        break;
      }
      case 'text-date': {
        const i = takeRow();
        if (i === undefined || !log[i].returnedAt) break;
        const [, m, d] = /^\d{4}-(\d{2})-(\d{2})/.exec(log[i].returnedAt!) ?? [];
        log[i].returnedAt = `${Number(m)}月${Number(d)}日 十点多`;
        note(kind, `vaultLog[${i}].returnedAt`, `还卷时间写成“${log[i].returnedAt}”`);
        break;
      }
      case 'proctor-takes': {
        const proctor = staff.find((s) => s.roles?.includes('监考人员'))?.name;
        const i = takeRow();
        if (!proctor || i === undefined) break;
        log[i].taker = proctor;
        if (log[i].returner) log[i].returner = proctor;
        note(kind, `vaultLog[${i}].taker`, `监考人员${proctor}签字取卷`);
        break;
      }
      case 'not-returned': {
        const i = takeRow();
        if (i === undefined) break;
        delete log[i].returner;
        delete log[i].returnedAt;
        delete log[i].receivedBy;
        note(kind, `vaultLog[${i}].returnedAt`, `${log[i].paperNo} ${log[i].paperName} 的出库没有还卷记录`);
        break;
      }
      case 'duty-gap': {
        const shifts = out.duty?.shifts ?? [];
        if (shifts.length < 2) break;
        const i = Math.floor((shifts.length - 1) / 2);
        shifts[i].to = isoFromMinutes(minutesOf(shifts[i].to) - 120);
        note(kind, `duty.shifts[${i}].to`, `第${i + 1}班提前2小时结束（${shifts[i].to}），与下一班之间无人值班`);
        break;
      }
      case 'handover-disagree': {
        const h = out.handovers?.find((x) => x.to === out.site?.examSite) ?? out.handovers?.[0];
        if (!h?.time) break;
        const i = out.handovers!.indexOf(h);
        const before = h.time;
        h.time = isoFromMinutes(minutesOf(h.time) - 60);
        note(kind, `handovers[${i}].time`, `本方副本交接时间写 ${h.time.replace('T', ' ')}，对方副本是 ${before.replace('T', ' ')}`);
        break;
      }
    }
  }
  return { data: out, planted };
}
