import { showTime, tm } from './facts';
import type { AcrossRun, CrossReport, RuleContext, RuleMeta } from './types';
import { custodyOf } from '../model/custody';
import { baseName } from '../model/text';
import {
  TIME_OF,
  groupsOf,
  proctorHere,
  ReceivingTaking,
  RowLabel,
  rowLabel,
  takingKey,
  VaultPeople,
  vaultPeopleOf,
  VaultSigner,
} from '../model/vault-signers';
import type { Copy, Site } from './handover-pairs';

export const meta: RuleMeta = {
  id: 'proctor-takes-papers',
  title: { zh: '监考人员到保密室领卷', en: 'Proctor at the vault' },
  severity: 'error',
  forms: [0, 1, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件3 备注“2.考务人员须为本单位正式职工。3.监考人员不得参与此环节领卷。”',
  messages: {
    zh: {
      proctor: '取卷人“{name}”在涉卷人员名单上是“{role}”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
      proctorTaking:
        '取卷人“{name}”在涉卷人员名单上是“{role}”，同一次（{time}）还取了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得到保密室领卷，须由考务人员领取，请核对这几行的取卷人。',
      returner: '还卷人“{name}”在涉卷人员名单上是“{role}”。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请核对还卷人。',
      returnerTaking:
        '还卷人“{name}”在涉卷人员名单上是“{role}”，同一次（{time}）还送回了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请核对这几行的还卷人。',
      proctorThere:
        '取卷人“{name}”是交接单（{handoverSheet}）上{unit}的接收人，在{unit}的涉卷人员名单上是“{role}”（文件“{otherFile}”的 {otherSheet} {otherCell}），却在本单位保密室领取了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得到保密室领卷，下发的试卷须由{unit}的考务人员领取，请与{unit}核对取卷人。',
      returnerThere:
        '还卷人“{name}”是交接单（{handoverSheet}）上{unit}的接收人，在{unit}的涉卷人员名单上是“{role}”（文件“{otherFile}”的 {otherSheet} {otherCell}），却向本单位保密室送回了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请与{unit}核对还卷人。',
    },
    en: {
      proctor: 'Taker "{name}" is "{role}" on the roster: a proctor (监考人员). Proctors may not take papers from the vault; exam-affairs staff do.',
      proctorTaking:
        'Taker "{name}" is "{role}" on the roster: a proctor (监考人员); at the same time ({time}) they also took {count} more paper(s) (rows {rows}: {papers}). Proctors may not take papers from the vault; exam-affairs staff do. Check the taker of these rows.',
      returner:
        'Returner "{name}" is "{role}" on the roster: a proctor (监考人员). Proctors take no part in the vault handover; exam-affairs staff return the papers.',
      returnerTaking:
        'Returner "{name}" is "{role}" on the roster: a proctor (监考人员); at the same time ({time}) they also returned {count} more paper(s) (rows {rows}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner of these rows.',
      proctorThere:
        'Taker "{name}" signs handover sheet {handoverSheet} as a receiver for {unit}, and is "{role}" on {unit}\'s roster (file "{otherFile}", {otherSheet} {otherCell}): a proctor (监考人员). They took {count} paper(s) from this vault (rows {rows}: {papers}). Proctors may not take papers from the vault; {unit}\'s exam-affairs staff collect them. Check the taker with {unit}.',
      returnerThere:
        'Returner "{name}" signs handover sheet {handoverSheet} as a receiver for {unit}, and is "{role}" on {unit}\'s roster (file "{otherFile}", {otherSheet} {otherCell}): a proctor (监考人员). They returned {count} paper(s) to this vault (rows {rows}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner with {unit}.',
    },
  },
  docs: 'A vault-log taker (any of two in one cell) whose roster roles include 监考人员, however the roster writes it (监考, 监考员 … quoted as written); or, when the taker is not one, a returner who is (备注 3: proctors take no part in this handover either way). Every checkout is judged, whatever it is for: an exam-day loan, a 分校’s or the 省校’s dispatch down the chain (《实施方案》（四）: 考点考务人员 collect at the 分校’s vault), a 考点’s papers sent back — the clause has no exception. Rows taken out at once (the same 取卷时间, the same taker) are one taking: one finding, at its first row, saying which other rows and papers went with it; rows of another time or taker are their own; returns alike. A dispatch’s taker (or returner) who signs the outgoing handover that carries it as 接收人 is the receiving unit’s person: judged by that unit’s roster when its workbook is checked together with this one (validate with several files, summary: the handover’s two copies paired), reported on this workbook’s vault row and naming the other’s roster cell; never by a namesake on the sending unit’s roster. A dispatch collected by the sending unit’s own proctor, who signs no receiving side, is judged by its roster as any checkout.',
};

/** The most papers and row ranges a message lists: a taking of hundreds of rows is said in one line. */
const LISTED = 10;

const listed = (items: readonly string[]): string[] => (items.length > LISTED ? [...items.slice(0, LISTED), '…'] : [...items]);

/** 序号s as ranges people read (5–7, 9), in order. */
function ranges(seqs: readonly number[]): string[] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let k = 0; k < sorted.length;) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === k ? String(sorted[k]) : `${sorted[k]}–${sorted[j]}`);
    k = j + 1;
  }
  return listed(out);
}

/** What a message says of rows taken or returned together: how many papers, at which rows, which papers. */
function rowsSaid(rows: readonly RowLabel[]): { count: number; rows: string[]; papers: string[] } {
  const papers = [...new Set(rows.map((r) => r.paper))];
  return { count: papers.length, rows: ranges(rows.map((r) => r.seq)), papers: listed(papers) };
}

const MESSAGES: Record<VaultSigner, { one: string; taking: string; there: string }> = {
  taker: { one: 'proctor', taking: 'proctorTaking', there: 'proctorThere' },
  returner: { one: 'returner', taking: 'returnerTaking', there: 'returnerThere' },
};

export function check({ model, report }: RuleContext): void {
  const data = model.data;
  // A row is said once: its taker when a proctor takes, else its returner when a proctor returns (备注 3 either way).
  // Dispatches too: staff-ineligible leaves a proctor's vault signatures to this rule; a dispatch's taker who signs for
  // the receiving unit is that unit's person, judged across workbooks (checkAcross), not by a namesake on this roster.
  const found: Record<VaultSigner, Array<{ row: number; name: string; role: string }>> = { taker: [], returner: [] };
  (data.vaultLog ?? []).forEach((r, row) => {
    if (!r) return;
    const taker = proctorHere(data, row, 'taker');
    const returner = taker ? undefined : proctorHere(data, row, 'returner');
    if (taker) found.taker.push({ row, ...taker });
    else if (returner) found.returner.push({ row, ...returner });
  });
  for (const key of ['taker', 'returner'] as const) {
    // One taking, one finding: the rows one proctor took out (or brought back) at once.
    for (const [first, ...others] of groupsOf(found[key], (f) => takingKey(data, f.row, key))) {
      const path = `vaultLog[${first.row}].${key}`;
      if (others.length === 0) report(path, MESSAGES[key].one, { name: first.name, role: first.role });
      else
        report(path, MESSAGES[key].taking, {
          name: first.name,
          role: first.role,
          time: showTime(tm(data.vaultLog![first.row][TIME_OF[key]])),
          ...rowsSaid(others.map((o) => rowLabel(model, o.row))),
        });
    }
  }
}

/** A receiving signer who is a proctor on the receiving unit's roster, with that unit's copy of the handover. */
interface ProctorThere {
  name: string;
  role: string;
  sheet: string;
  cell: string;
  handover: number;
  copy: Copy;
}

/**
 * Across workbooks: a dispatch's taker (or returner) who signs for the
 * receiving unit, judged by that unit's roster — the workbook holding the
 * receiving copy of the handover that carries it. Reported on the sending
 * workbook's vault row, once per taking.
 */
export function checkAcross(sites: ReadonlyArray<Site>, report: (r: CrossReport) => void, run: AcrossRun): void {
  const people = new Map(sites.map((s) => [s, vaultPeopleOf(s.model)]));
  // Nothing signed for a receiving unit: no pairing asked for.
  if (![...people.values()].some((p) => p.receiving.length > 0)) return;
  const received = new Map<Site, Map<number, Copy>>();
  for (const { sender, receiver } of run.handoverPairs()) {
    if (!received.has(sender.site)) received.set(sender.site, new Map());
    received.get(sender.site)!.set(sender.i, receiver);
  }
  const rosters = new Map<Site, Map<string, VaultPeople['proctors'][number]>>();
  const rosterOf = (site: Site) => {
    if (!rosters.has(site)) rosters.set(site, new Map(people.get(site)!.proctors.map((p) => [p.name, p])));
    return rosters.get(site)!;
  };
  const proctorThere = (site: Site, taking: ReceivingTaking): ProctorThere | undefined => {
    for (const { name, handover } of taking.names) {
      const copy = received.get(site)?.get(handover);
      const proctor = copy && rosterOf(copy.site).get(name);
      if (copy && proctor) return { ...proctor, handover, copy };
    }
    return undefined;
  };
  for (const site of sites) {
    const takings = people.get(site)!.receiving;
    // As in one workbook: a row whose taker is said is not said again for its returner.
    const said = new Set<number>();
    for (const key of ['taker', 'returner'] as const) {
      for (const taking of takings.filter((t) => t.key === key)) {
        const there = proctorThere(site, taking);
        const rows = taking.rows.filter((r) => !said.has(r.row));
        if (!there || rows.length === 0) continue;
        if (key === 'taker') for (const r of rows) said.add(r.row);
        report({ site: site.id, path: `vaultLog[${rows[0].row}].${key}`, messageId: MESSAGES[key].there, params: paramsThere(site, there, rows) });
      }
    }
  }
}

function paramsThere(site: Site, there: ProctorThere, rows: readonly RowLabel[]): Record<string, string | number | string[]> {
  return {
    name: there.name,
    role: there.role,
    // Not `sheet`: the engine gives every message the finding's own sheet under that name.
    handoverSheet: site.model.locations[`handovers[${there.handover}]`]?.sheet ?? '',
    unit: custodyOf(there.copy.site.model).name,
    otherFile: baseName(there.copy.site.file ?? there.copy.site.id),
    otherSheet: there.sheet,
    otherCell: there.cell,
    ...rowsSaid(rows),
  };
}
