/**
 * Validator benchmark (run by `npm run bench`, bench/index.ts): generates a large
 * 考点 workbook at 1× (500 papers, 5,000 vault-log rows) and 10×, and prints the
 * time to parse it (xlsx → grid → site model), the time to run every rule, and
 * how each grows from 1× to 10×. Rules must grow near-linearly and cost well
 * under the parse. Not a timed test.
 */
import { fillWorkbook } from '../src/cli/fill';
import { readWorkbook } from '../src/forms/workbook';
import { gridFromXlsxBuffer } from '../src/io/xlsx/node-workbook';
import { isoFromMinutes } from '../src/model/datetime';
import type { Intake, SiteData } from '../src/model/types';
import { validateSite } from '../src/rules/engine';

const SLOTS: Array<[number, number]> = [
  [8 * 60 + 30, 10 * 60],
  [10 * 60 + 30, 12 * 60],
  [14 * 60 + 30, 16 * 60],
  [16 * 60 + 30, 18 * 60],
];

/** A clean large 考点 site: `papers` papers, 10 vault-log rows each. */
export function largeSite(papers: number): SiteData {
  const day0 = Date.UTC(2024, 5, 15) / 60_000;
  const perSession = 25;
  const sessions = Math.ceil(papers / perSession);
  const startOf = (s: number) => day0 + Math.floor(s / SLOTS.length) * 1440 + SLOTS[s % SLOTS.length][0];
  const endOf = (s: number) => day0 + Math.floor(s / SLOTS.length) * 1440 + SLOTS[s % SLOTS.length][1];
  const iso = isoFromMinutes;
  const no = (p: number) => String(10000 + p);
  const name = (p: number) => `课程${p + 1}`;
  const data: SiteData = {
    site: { semester: '2024春', branch: '湖南分部', school: '长沙分校', examSite: '岳麓考点', level: '考点' },
    schedule: [],
    staff: [
      { name: '王芳', roles: ['主考'], formalStaff: true, candidateRelative: false, pledgeSigned: true },
      { name: '李强', roles: ['考务人员', '交接人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true },
      { name: '赵敏', roles: ['考务人员', '交接人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true },
      { name: '陈静', roles: ['卷库保管员', '值班人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true },
      { name: '刘洋', roles: ['值班人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true },
    ],
    handovers: [],
    intake: { items: [], description: '数量准确，包装完好', time: iso(day0 - 1440 + 10 * 60 + 10), keeper: '陈静' },
    vaultLog: [],
    distributions: [],
    duty: { shifts: [], supervisor: '王芳' },
  };
  const items = [];
  for (let p = 0; p < papers; p++) {
    const s = Math.floor(p / perSession);
    data.schedule!.push({ paperNo: no(p), paperName: name(p), start: iso(startOf(s)), end: iso(endOf(s)), candidates: 300 });
    (data.intake as Intake).items!.push({ paperNo: no(p), paperName: name(p), bags31: 10, bags26: 0, bags11: 0, bags5: 0, totalBags: 10 });
    items.push({ destination: '岳麓考点', quantity: 10, unit: '袋', note: `${no(p)} ${name(p)}` });
    for (let k = 0; k < 10; k++) {
      data.vaultLog!.push({
        paperNo: no(p),
        paperName: name(p),
        quantity: 1,
        unit: '袋',
        taker: k % 2 ? '李强' : '赵敏',
        takenAt: iso(startOf(s) - 50 + k),
        issuedBy: '陈静',
        returner: k % 2 ? '李强' : '赵敏',
        returnedAt: iso(endOf(s) + 15 + k),
        receivedBy: '陈静',
      });
    }
  }
  data.handovers!.push({
    semester: '2024春',
    time: iso(day0 - 1440 + 9 * 60 + 30),
    from: '长沙分校',
    to: '岳麓考点',
    address: '长沙市岳麓区',
    contact: '王芳',
    items,
    total: papers * 10,
    fromOpinion: '同意移交',
    fromSigners: ['张伟', '孙丽'],
    toOpinion: '同意接收',
    toSigners: ['李强', '赵敏'],
  });
  for (let s = 0; s < sessions; s++) {
    const rows = [];
    for (let p = s * perSession; p < Math.min(papers, (s + 1) * perSession); p++) {
      rows.push({
        paperNo: no(p),
        paperName: name(p),
        copies: 30,
        room: String((p % 30) + 1).padStart(2, '0'),
        issuedAt: iso(startOf(s) - 20),
        collector: '周涛',
        returnedAt: iso(endOf(s) + 5),
        returner: '周涛',
      });
    }
    data.distributions!.push({ start: iso(startOf(s)), end: iso(endOf(s)), rows, issuer: '李强', receiver: '赵敏' });
  }
  const lastCheckout = startOf(sessions - 1);
  for (let t = day0 - 1440 + 10 * 60, i = 0; t < lastCheckout + 12 * 60; t += 12 * 60, i++) {
    data.duty!.shifts!.push({
      kind: i % 2 ? '夜间' : '日间',
      from: iso(t),
      to: iso(t + 12 * 60),
      record: '无异常',
      handedOverBy: i % 2 ? '刘洋' : '陈静',
      takenOverBy: i % 2 ? '陈静' : '刘洋',
    });
  }
  return data;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchValidate(): Promise<void> {
  const results: Array<{ scale: number; rows: number; parse: number; rules: number; findings: number }> = [];
  // Warm-up (module loading, JIT), so that 1× is not charged for it.
  validateSite(readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(largeSite(50)))));
  for (const scale of [1, 10]) {
    const data = largeSite(500 * scale);
    const buffer = await fillWorkbook(data);
    let t = process.hrtime.bigint();
    const model = readWorkbook(await gridFromXlsxBuffer(buffer));
    const parse = ms(t);
    // Rules: best of three, the first also warms the JIT.
    let rules = Infinity;
    let findings = 0;
    for (let i = 0; i < 3; i++) {
      t = process.hrtime.bigint();
      findings = validateSite(model).length;
      rules = Math.min(rules, ms(t));
    }
    results.push({ scale, rows: data.vaultLog!.length, parse, rules, findings });
    console.log(
      `validate ${scale}×: ${data.schedule!.length} papers, ${data.vaultLog!.length} vault-log rows, ${(buffer.length / 1024 / 1024).toFixed(1)} MB — ` +
        `parse ${(parse / 1000).toFixed(2)} s, rules ${rules.toFixed(0)} ms (${((100 * rules) / parse).toFixed(1)}% of parse), findings ${findings}`,
    );
  }
  const [a, b] = results;
  console.log(`validate growth 1×→10×: parse ×${(b.parse / a.parse).toFixed(1)}, rules ×${(b.rules / a.rules).toFixed(1)} (linear = ×10)`);
}
