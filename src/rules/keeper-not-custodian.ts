import { roleOf } from '../model/roles';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'keeper-not-custodian',
  title: { zh: '出入库签字人不是保管员', en: 'Vault signer not a keeper' },
  severity: 'error',
  forms: [0, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“各考点考务人员与考点卷库保管员（值班人员）在保密室内履行出入库交接，并签写附件3”',
  messages: {
    zh: {
      keeper:
        '“{name}”在“{field}”签字，但在涉卷人员名单上（序号 {seq}）是{roles}，不是卷库保管员或值班人员{more}。保密室出入库须与卷库保管员（值班人员）交接，请由保管员签字，或在名单上补记此人的职责。',
    },
    en: {
      keeper:
        '"{name}" signs "{field}" but is {roles} on the staff roster (No. {seq}), neither a vault keeper (卷库保管员) nor a duty officer (值班人员). Papers leave and enter the vault through the keeper; have the keeper sign, or add the role on the roster.',
    },
  },
  docs: 'A 附件3 出库 or 入库 signature (卷库保管员出库签字, 保管员入库签字) by someone whose roster roles include neither 卷库保管员 nor 值班人员. One finding per person, at their first such signature. Roles are those of every roster row naming the person (a roster may list someone twice), read as people write them (保管员 is 卷库保管员, 值班员 值班人员). Not for someone off the roster (staff-not-on-roster), a roster row without roles, or a keeper who is also the taker or returner (same-person).',
};

const CUSTODIANS = new Set(['卷库保管员', '值班人员']);

export function check({ model, facts, report }: RuleContext): void {
  const seen = new Map<string, { path: string; count: number; roles: readonly string[]; seq: number }>();
  // One side of a row: its keeper's signature and the person across (taker or returner). Nothing made for a keeper who may sign.
  const side = (i: number, key: 'issuedBy' | 'receivedBy', signers: readonly string[], others: readonly string[]) => {
    for (const name of signers) {
      const entry = facts.roster.get(name);
      if (!entry || others.includes(name)) continue;
      if (entry.roles.length === 0 || entry.roles.some((role) => CUSTODIANS.has(role))) continue;
      const e = seen.get(name);
      if (e) e.count++;
      else
        seen.set(name, {
          path: `vaultLog[${i}].${key}`,
          count: 1,
          // Quoted as the roster writes them (考务员, not 考务人员): the words the person will look for.
          roles: [...new Set(entry.rows.flatMap((row) => (row.member.roles ?? []).filter((word) => roleOf(word))))],
          seq: model.locations[`staff[${entry.index}]`]?.row ?? entry.index + 1,
        });
    }
  };
  const { taker, issuedBy, returner, receivedBy } = facts.vaultPeople;
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (!r) return;
    side(i, 'issuedBy', issuedBy[i], taker[i]);
    side(i, 'receivedBy', receivedBy[i], returner[i]);
  });
  for (const [name, e] of seen) {
    const more = e.count > 1 ? `（本表另有 ${e.count - 1} 处）` : '';
    report(e.path, 'keeper', { name, seq: e.seq, roles: e.roles, more });
  }
}
