import { showTime, tm } from './facts';
import { seqsEn } from '../model/finding';
import type { AcrossRun, CrossReport, RuleContext, RuleMeta } from './types';
import { custodyOf } from '../model/custody';
import { nameBeside } from '../model/text';
import {
  TIME_OF,
  groupsOf,
  proctorHere,
  ProctorHere,
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
      proctorWritten:
        '取卷人写的是“{written}”：是监考人员，却在本单位保密室领取了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
      returnerWritten:
        '还卷人写的是“{written}”：是监考人员，却向本单位保密室送回了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请核对还卷人。',
      proctorThere:
        '取卷人“{name}”领取的是随交接单（{handoverSheet}）下发{unit}的试卷，在{unit}的涉卷人员名单上是“{role}”（文件“{otherFile}”的 {otherSheet} {otherCell}），却在本单位保密室领取了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得到保密室领卷，下发的试卷须由{unit}的考务人员领取，请与{unit}核对取卷人。',
      returnerThere:
        '还卷人“{name}”送回的是随交接单（{handoverSheet}）下发{unit}的试卷，在{unit}的涉卷人员名单上是“{role}”（文件“{otherFile}”的 {otherSheet} {otherCell}），却向本单位保密室送回了 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请与{unit}核对还卷人。',
      proctorOwn:
        '取卷人“{name}”在本单位涉卷人员名单上是“{role}”（{otherSheet} {otherCell}），不在{unit}的涉卷人员名单上（文件“{otherFile}”），却在本单位保密室领取了随交接单（{handoverSheet}）下发{unit}的 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得到保密室领卷，下发的试卷须由{unit}的考务人员领取，请核对取卷人。',
      returnerOwn:
        '还卷人“{name}”在本单位涉卷人员名单上是“{role}”（{otherSheet} {otherCell}），不在{unit}的涉卷人员名单上（文件“{otherFile}”），却向本单位保密室送回了随交接单（{handoverSheet}）下发{unit}的 {count} 个试卷（第 {rows} 行：{papers}）。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请核对还卷人。',
      proctorAway:
        '本单位涉卷人员“{name}”是“{role}”，却在{unit}的保密室领取了下发本单位的 {count} 个试卷（文件“{otherFile}”的 {otherSheet} 第 {rows} 行：{papers}）。监考人员不得到保密室领卷，下发的试卷须由本单位的考务人员领取，请改派考务人员领卷，或核对{unit}记录的取卷人。',
      returnerAway:
        '本单位涉卷人员“{name}”是“{role}”，却向{unit}的保密室送回了 {count} 个试卷（文件“{otherFile}”的 {otherSheet} 第 {rows} 行：{papers}）。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请改派考务人员，或核对{unit}记录的还卷人。',
    },
    en: {
      proctor: 'Taker "{name}" is "{role}" on the roster, a proctor. Proctors may not take papers from the vault; exam-affairs staff do. Check the taker.',
      proctorTaking:
        'Taker "{name}" is "{role}" on the roster, a proctor; at the same time ({time}) they also took {count} more papers ({rowsEn}: {papers}). Proctors may not take papers from the vault; exam-affairs staff do. Check the taker of these rows.',
      returner:
        'Returner "{name}" is "{role}" on the roster, a proctor. Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner.',
      returnerTaking:
        'Returner "{name}" is "{role}" on the roster, a proctor; at the same time ({time}) they also returned {count} more papers ({rowsEn}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner of these rows.',
      proctorWritten:
        'The taker is written "{written}", a proctor, who took {count} papers from this vault ({rowsEn}: {papers}). Proctors may not take papers from the vault; exam-affairs staff do. Check the taker.',
      returnerWritten:
        'The returner is written "{written}", a proctor, who returned {count} papers to this vault ({rowsEn}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner.',
      proctorThere:
        'Taker "{name}" collected papers sent to {unit} on handover sheet {handoverSheet}, and is "{role}" on {unit}\'s roster (file "{otherFile}", {otherSheet} {otherCell}), a proctor. They took {count} papers from this vault ({rowsEn}: {papers}). Proctors may not take papers from the vault; {unit}\'s exam-affairs staff collect them. Check the taker with {unit}.',
      returnerThere:
        'Returner "{name}" brought back papers sent to {unit} on handover sheet {handoverSheet}, and is "{role}" on {unit}\'s roster (file "{otherFile}", {otherSheet} {otherCell}), a proctor. They returned {count} papers to this vault ({rowsEn}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner with {unit}.',
      proctorOwn:
        'Taker "{name}" is "{role}" on this unit\'s roster ({otherSheet} {otherCell}), a proctor, and not on {unit}\'s roster (file "{otherFile}"), yet took {count} papers sent to {unit} on handover sheet {handoverSheet} from this vault ({rowsEn}: {papers}). Proctors may not take papers from the vault; {unit}\'s exam-affairs staff collect them. Check the taker.',
      returnerOwn:
        'Returner "{name}" is "{role}" on this unit\'s roster ({otherSheet} {otherCell}), a proctor, and not on {unit}\'s roster (file "{otherFile}"), yet returned {count} papers sent to {unit} on handover sheet {handoverSheet} to this vault ({rowsEn}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Check the returner.',
      proctorAway:
        '"{name}" is "{role}" on this unit\'s roster, a proctor, yet took {count} papers sent to this unit from {unit}\'s vault (file "{otherFile}", {otherSheet} {rowsEn}: {papers}). Proctors may not take papers from the vault; this unit\'s exam-affairs staff collect them. Send exam-affairs staff, or check the taker {unit} recorded.',
      returnerAway:
        '"{name}" is "{role}" on this unit\'s roster, a proctor, yet returned {count} papers to {unit}\'s vault (file "{otherFile}", {otherSheet} {rowsEn}: {papers}). Proctors take no part in the vault handover; exam-affairs staff return the papers. Send exam-affairs staff, or check the returner {unit} recorded.',
    },
  },
  docs: 'A vault-log taker (any of two in one cell) whose roster roles include 监考人员, however the roster writes it (监考, 监考员 … quoted as written) — unless the roster also lists the name in other roles only, a namesake no one can tell apart (roster-namesakes says so instead, here and across workbooks) — or whom the cell itself writes as one (何军（监考）, quoted as written); or, when the taker is not one, a returner who is (备注 3: proctors take no part in this handover either way). Every checkout is judged, whatever it is for: an exam-day loan, a 分校’s or the 省校’s dispatch down the chain, a 考点’s papers sent back — the clause has no exception. Rows taken out at once (the same 取卷时间, the same taker) are one taking: one finding, at its first row, saying which other rows and papers went with it; rows of another time or taker are their own; returns alike. Who collects a dispatch down the chain (or brings it back) is the receiving unit’s person (《实施方案》（四）: 各考点考务人员 collect at the 分校’s vault; DOMAIN: a 考点’s takers at a 分校’s vault are not the 分校’s people), unless they sign a sheet carrying it that day as 移交人: so a namesake on the sending unit’s roster faults nobody, whether or not the sheet has receiving signatures. When the receiving unit’s workbook is checked together with this one (validate with several files, summary: the handover’s two copies paired — the sheet its collector signs as 接收人, else the dispatch’s own sheet), the collector is judged by that unit’s roster: a proctor there is said once per taking on each workbook — on this workbook’s vault row, naming the other’s roster cell, and on the proctor’s row of the receiving unit’s roster, naming this vault log’s rows; one that roster does not list (and it lists people) but this unit’s lists as a proctor is this unit’s own, said on the vault row.',
};

/** The most papers and row ranges a message lists: a taking of hundreds of rows is said in one line. */
const LISTED = 10;

const listed = (items: readonly string[]): string[] => (items.length > LISTED ? [...items.slice(0, LISTED), '…'] : [...items]);

/** 序号s as ranges people read (5–7, 9), in order. */
export function ranges(seqs: readonly number[]): string[] {
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
function rowsSaid(rows: readonly RowLabel[]): { count: number; rows: string[]; rowsEn: string; papers: string[] } {
  const papers = [...new Set(rows.map((r) => r.paper))];
  const seqs = ranges(rows.map((r) => r.seq));
  return { count: papers.length, rows: seqs, rowsEn: seqsEn(seqs), papers: listed(papers) };
}

const MESSAGES: Record<VaultSigner, { one: string; taking: string; written: string; there: string; away: string; own: string }> = {
  taker: { one: 'proctor', taking: 'proctorTaking', written: 'proctorWritten', there: 'proctorThere', away: 'proctorAway', own: 'proctorOwn' },
  returner: { one: 'returner', taking: 'returnerTaking', written: 'returnerWritten', there: 'returnerThere', away: 'returnerAway', own: 'returnerOwn' },
};

export function check({ model, report }: RuleContext): void {
  const data = model.data;
  // A row is said once: its taker when a proctor takes, else its returner when a proctor returns (备注 3 either way).
  // Dispatches too: staff-ineligible leaves a proctor's vault signatures to this rule; a dispatch's taker who signs for
  // the receiving unit is that unit's person, judged across workbooks (checkAcross), not by a namesake on this roster;
  // here only when the cell itself writes them as a proctor (何军（监考）).
  const found: Record<VaultSigner, Array<{ row: number } & ProctorHere>> = { taker: [], returner: [] };
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
      if (first.written !== undefined)
        report(path, MESSAGES[key].written, { written: first.written, ...rowsSaid([first, ...others].map((o) => rowLabel(model, o.row))) });
      else if (others.length === 0) report(path, MESSAGES[key].one, { name: first.name, role: first.role });
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

/**
 * A dispatch's collector judged across workbooks, with the receiving unit's copy of the handover: a proctor on
 * that unit's roster (`whose` there), or one it does not list, a proctor on this unit's (here: `name`… are this roster's).
 */
interface Judged {
  whose: 'there' | 'here';
  name: string;
  role: string;
  sheet: string;
  cell: string;
  /** Their row on the roster that lists them as a proctor (model path). */
  path: string;
  handover: number;
  copy: Copy;
}

/**
 * Across workbooks: a dispatch's taker (or returner), the receiving unit's
 * person (model/vault-signers.ts), judged by that unit's roster — the
 * workbook holding the receiving copy of the handover that carries it.
 * Reported once per taking on each workbook: on the sending unit's vault row,
 * and on the proctor's row of the receiving unit's roster, whose people they are.
 */
export function checkAcross(sites: ReadonlyArray<Site>, report: (r: CrossReport) => void, run: AcrossRun): void {
  const people = new Map(sites.map((s) => [s, vaultPeopleOf(s.model)]));
  // No dispatch collected by a receiving unit's people: no pairing asked for.
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
  const names = new Map<Site, ReadonlySet<string>>();
  const namesOf = (site: Site) => {
    if (!names.has(site)) names.set(site, new Set(people.get(site)!.roster));
    return names.get(site)!;
  };
  // The receiving unit's proctor; else one its roster does not list (and it lists people) but this unit's lists as a proctor.
  const judged = (site: Site, taking: ReceivingTaking): Judged | undefined => {
    const copies = taking.names.flatMap(({ name, handover }) => {
      const copy = received.get(site)?.get(handover);
      return copy ? [{ name, handover, copy }] : [];
    });
    for (const { name, handover, copy } of copies) {
      const proctor = rosterOf(copy.site).get(name);
      if (proctor) return { ...proctor, handover, copy, whose: 'there' };
    }
    for (const { name, handover, copy } of copies) {
      const proctor = rosterOf(site).get(name);
      if (proctor && namesOf(copy.site).size > 0 && !namesOf(copy.site).has(name)) return { ...proctor, handover, copy, whose: 'here' };
    }
    return undefined;
  };
  for (const site of sites) {
    const takings = people.get(site)!.receiving;
    // As in one workbook: a row whose taker is said is not said again for its returner.
    const said = new Set<number>();
    for (const key of ['taker', 'returner'] as const) {
      for (const taking of takings.filter((t) => t.key === key)) {
        const there = judged(site, taking);
        const rows = taking.rows.filter((r) => !said.has(r.row));
        if (!there || rows.length === 0) continue;
        if (key === 'taker') for (const r of rows) said.add(r.row);
        const path = `vaultLog[${rows[0].row}].${key}`;
        if (there.whose === 'here') {
          report({ site: site.id, path, messageId: MESSAGES[key].own, params: paramsThere(site, there, rows) });
          continue;
        }
        report({ site: site.id, path, messageId: MESSAGES[key].there, params: paramsThere(site, there, rows) });
        report({ site: there.copy.site.id, path: there.path, messageId: MESSAGES[key].away, params: paramsAway(site, path, there, rows) });
      }
    }
  }
}

function paramsAway(site: Site, path: string, there: Judged, rows: readonly RowLabel[]): Record<string, string | number | string[]> {
  return {
    name: there.name,
    role: there.role,
    unit: custodyOf(site.model).name,
    otherFile: nameBeside(site.file ?? site.id, there.copy.site.file ?? there.copy.site.id),
    otherSheet: site.model.locations[path]?.sheet ?? '',
    ...rowsSaid(rows),
  };
}

function paramsThere(site: Site, there: Judged, rows: readonly RowLabel[]): Record<string, string | number | string[]> {
  return {
    name: there.name,
    role: there.role,
    // Not `sheet`: the engine gives every message the finding's own sheet under that name.
    handoverSheet: site.model.locations[`handovers[${there.handover}]`]?.sheet ?? '',
    unit: custodyOf(there.copy.site.model).name,
    otherFile: nameBeside(there.copy.site.file ?? there.copy.site.id, site.file ?? site.id),
    otherSheet: there.sheet,
    otherCell: there.cell,
    ...rowsSaid(rows),
  };
}
