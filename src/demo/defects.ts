/** The mistakes people really make, planted into a copy of a sample unit's data. */
import { isoFromMinutes, minutesOf } from '../model/datetime';
import type { SiteData } from '../model/types';

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
  /** The same in English (`custody demo --lang en`). */
  descriptionEn: string;
}

/** 2024-06-15T06:00 → 6月15日 06:00, as the report reads it. */
const shown = (iso: string): string => iso.replace(/^\d{4}-(\d{2})-(\d{2})T/, (_, m: string, d: string) => `${Number(m)}月${Number(d)}日 `);
/** 2024-06-15T06:00 → 6/15 06:00, as the English report reads it (and the English messages). */
const shownEn = (iso: string): string => iso.replace(/^\d{4}-(\d{2})-(\d{2})T/, (_, m: string, d: string) => `${Number(m)}/${Number(d)} `);

export function clone<T>(value: T): T {
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
  const note = (kind: DefectKind, path: string, description: string, descriptionEn: string) =>
    planted.push({ kind, rule: DEFECTS[kind].rule, path, description, descriptionEn });
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
        note(kind, `handovers[${i}].toSigners`, `接收人只签了“${h.toSigners[0]}”一人`, `only "${h.toSigners[0]}" signed as receiver`);
        break;
      }
      case 'bad-total': {
        const h = out.handovers?.find((x) => typeof x.total === 'number');
        if (!h) break;
        const i = out.handovers!.indexOf(h);
        h.total = (h.total as number) + 1;
        note(
          kind,
          `handovers[${i}].total`,
          `合计写成 ${h.total} 袋，明细之和是 ${(h.total as number) - 1} 袋`,
          `total written as ${h.total} bags, the items add up to ${(h.total as number) - 1}`,
        );
        break;
      }
      case 'early-checkout': {
        const i = takeRow();
        if (i === undefined) break;
        const s = sessionOf(log[i].paperNo);
        if (!s?.start) break;
        log[i].takenAt = isoFromMinutes(minutesOf(s.start) - 120);
        note(
          kind,
          `vaultLog[${i}].takenAt`,
          `${log[i].paperNo} ${log[i].paperName} 开考前2小时（${log[i].takenAt!.slice(11)}）取卷`,
          `${log[i].paperNo} ${log[i].paperName} taken out 2 hours before the exam (${log[i].takenAt!.slice(11)})`,
        );
        break;
      }
      case 'text-date': {
        const i = takeRow();
        if (i === undefined || !log[i].returnedAt) break;
        const [, m, d] = /^\d{4}-(\d{2})-(\d{2})/.exec(log[i].returnedAt!) ?? [];
        log[i].returnedAt = `${Number(m)}月${Number(d)}日 十点多`;
        note(kind, `vaultLog[${i}].returnedAt`, `还卷时间写成“${log[i].returnedAt}”`, `return time written as "${log[i].returnedAt}"`);
        break;
      }
      case 'proctor-takes': {
        const proctor = staff.find((s) => s.roles?.includes('监考人员'))?.name;
        const i = takeRow();
        if (!proctor || i === undefined) break;
        log[i].taker = proctor;
        if (log[i].returner) log[i].returner = proctor;
        note(kind, `vaultLog[${i}].taker`, `监考人员${proctor}签字取卷`, `proctor ${proctor} signed for papers at the vault`);
        break;
      }
      case 'not-returned': {
        const i = takeRow();
        if (i === undefined) break;
        delete log[i].returner;
        delete log[i].returnedAt;
        delete log[i].receivedBy;
        note(
          kind,
          `vaultLog[${i}].returnedAt`,
          `${log[i].paperNo} ${log[i].paperName} 的出库没有还卷记录`,
          `${log[i].paperNo} ${log[i].paperName} taken out with no return recorded`,
        );
        break;
      }
      case 'duty-gap': {
        const shifts = out.duty?.shifts ?? [];
        if (shifts.length < 2) break;
        const i = Math.floor((shifts.length - 1) / 2);
        shifts[i].to = isoFromMinutes(minutesOf(shifts[i].to) - 120);
        note(
          kind,
          `duty.shifts[${i}].to`,
          `第${i + 1}班提前2小时结束（${shown(shifts[i].to)}），与下一班之间无人值班`,
          `shift ${i + 1} ends 2 hours early (${shownEn(shifts[i].to)}), nobody on duty before the next`,
        );
        break;
      }
      case 'handover-disagree': {
        const h = out.handovers?.find((x) => x.to === out.site?.examSite) ?? out.handovers?.[0];
        if (!h?.time) break;
        const i = out.handovers!.indexOf(h);
        const before = h.time;
        h.time = isoFromMinutes(minutesOf(h.time) - 60);
        note(
          kind,
          `handovers[${i}].time`,
          `本方副本交接时间写 ${shown(h.time)}，对方副本是 ${shown(before)}`,
          `this copy's handover time reads ${shownEn(h.time)}, the other side's ${shownEn(before)}`,
        );
        break;
      }
    }
  }
  return { data: out, planted };
}
