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
 * exam days each), are counted in (one 入库清单 per delivery), and the same afternoon dispatched
 * (vault checkouts that are not returned) to each 考点 on a handover whose two
 * copies live in the two workbooks. Each 考点 counts them in, guards them day
 * and night, takes each session's papers out 45 minutes before it starts,
 * hands them to the rooms, and returns them after the session.
 */
import { isoFromMinutes, minutesOf } from '../model/datetime';
import type { Distribution, DistributionRow, Handover, Intake, IntakeItem, Session, SiteData, VaultLogEntry } from '../model/types';
import type { ExamSiteOptions, NetworkOptions, SampleNetwork, SampleOptions } from './options';
import { SamplePaper, addDays, bagsFor, pad2, samplePapers } from './papers';
import { clone } from './defects';
import { SitePeople, dutyShifts, people, roster } from './people';
import { hashString, rng } from './random';

export type { ExamSiteOptions, NetworkOptions, SampleNetwork } from './options';
export { bagsFor, samplePapers } from './papers';
export { DEFECTS, DEFECT_KINDS, plantDefects } from './defects';
export type { PlantedDefect } from './defects';

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

/**
 * One 入库清单 per delivery (docs/领域说明.md): each batch's papers with their
 * 合计, taken in at `timeOf(batch)`; one list as the data model's object,
 * several as its array.
 */
function intakePerBatch(
  items: ReadonlyArray<{ paper: SamplePaper; item: IntakeItem }>,
  timeOf: (batch: number) => string,
  description: string,
  keeper: string,
): Intake | Intake[] {
  const lists = batchesOf(items.map((x) => x.paper)).map((batch): Intake => {
    const mine = items.filter((x) => x.paper.batch === batch).map((x) => x.item);
    const sum = (k: 'bags31' | 'bags26' | 'bags11' | 'bags5' | 'totalBags') => mine.reduce((s, i) => s + (i[k] as number), 0);
    return {
      items: mine,
      totals: { bags31: sum('bags31'), bags26: sum('bags26'), bags11: sum('bags11'), bags5: sum('bags5'), totalBags: sum('totalBags') },
      description,
      time: timeOf(batch),
      keeper,
    };
  });
  return lists.length === 1 ? lists[0] : lists;
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
  const intakeItems = r.papers.map((p) => {
    const bags = bagsFor(candidatesByPaper.get(p.paperNo)!);
    bagsByPaper.set(p.paperNo, bags);
    return { paper: p, item: { paperNo: p.paperNo, paperName: p.paperName, ...bags } };
  });

  const handovers: Handover[] = batchesOf(r.papers).map((batch) => {
    const papers = r.papers.filter((p) => p.batch === batch);
    return {
      semester: r.semester,
      time: chainTimes(r.papers, index, batch).arrival,
      from: r.school,
      to: name,
      address: `长沙市${STREETS[index % STREETS.length]}${((index * 17) % 300) + 1}号`,
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
    intake: intakePerBatch(
      intakeItems,
      (batch) => chainTimes(r.papers, index, batch).intake,
      '试卷数量准确，试卷袋包装完好，已按考试时间单元分柜存放，密封条张贴规范。',
      who.keeper,
    ),
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
  const intakeItems = r.papers.map((p) => ({ paper: p, item: { paperNo: p.paperNo, paperName: p.paperName, ...bagsOf(p.paperNo) } }));

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
    intake: intakePerBatch(
      intakeItems,
      (batch) => chainTimes(r.papers, 0, batch).branchIntake,
      '试卷数量准确，试卷袋包装完好，已按考点分柜存放，密封条张贴规范。',
      branchPeople.keeper,
    ),
    vaultLog: builds.flatMap((b) => b.dispatchRows).sort((a, b) => (a.takenAt! < b.takenAt! ? -1 : a.takenAt! > b.takenAt! ? 1 : 0)),
    distributions: [],
    duty: { shifts: dutyShifts(times.branchIntake, lastDispatch, [branchPeople.keeper, branchPeople.guard]), supervisor: branchPeople.chief },
  };
  return { branch, sites: builds.map((b) => b.data) };
}
