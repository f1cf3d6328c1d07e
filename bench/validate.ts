/**
 * Validator benchmark (run by `npm run bench`, bench/index.ts), each figure
 * beside the floor (unzip + decode every XML part) and a bare exceljs load of
 * the same file, measured in the same run:
 * - site workbooks read and validated warm, one thread, file by file;
 * - `custody validate FILE` cold (`node bin/custody.js`, a fresh process,
 *   median of R) on one site workbook and on a 考点 with 50,000 vault-log
 *   rows, with its peak RSS, beside node alone too;
 * - parse and rules at 1× (500 papers, 5,000 vault-log rows) and 10×: the
 *   rules must grow near-linearly and cost well under the parse; and so on
 *   the same site with every checkout and handout of one paper.
 * Not a timed test.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../src/cli/fill';
import { readCheckableWorkbook, readWorkbook } from '../src/forms/workbook';
import { readXlsxInNode } from '../src/io/xlsx/node-workbook';
import { isoFromMinutes } from '../src/model/datetime';
import type { Intake, SiteData } from '../src/model/types';
import { validateSite } from '../src/rules/engine';
import { ensureCorpus } from './corpus';
import { unzipDecode } from './floor-worker';
import { ProcessRun, custodyScript, median, runNode } from './yardstick';

const SLOTS: Array<[number, number]> = [
  [8 * 60 + 30, 10 * 60],
  [10 * 60 + 30, 12 * 60],
  [14 * 60 + 30, 16 * 60],
  [16 * 60 + 30, 18 * 60],
];

/** A clean large 考点 site: `papers` papers, 10 vault-log rows each. */
export function largeSite(papers: number): SiteData {
  const day0 = Date.UTC(2024, 5, 15) / 60_000;
  // 25 papers a session, more in the largest workbooks: a sheet per session stays within the 255 sheets a workbook may have.
  const perSession = Math.max(25, Math.ceil(papers / 100));
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

/** The same work R times in fresh processes: the median run (by wall time). */
async function medianRun(script: string, args: readonly string[], repeat: number): Promise<ProcessRun> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await runNode(script, args));
  const wall = median(runs.map((r) => r.seconds));
  return runs.reduce((a, b) => (Math.abs(b.seconds - wall) < Math.abs(a.seconds - wall) ? b : a));
}

const floorScript = (): string => `require(${JSON.stringify(path.join(__dirname, 'floor-worker.js'))}).floor(process.argv.slice(1));`;
const exceljsScript = (): string => `require(${JSON.stringify(path.join(__dirname, 'floor-worker.js'))}).exceljsLoad(process.argv.slice(1));`;

/** One workbook, cold: `custody validate FILE` as a fresh process, beside the floor and a bare exceljs load, each a fresh process too. */
async function coldValidate(label: string, file: string, repeat: number): Promise<void> {
  const node = await medianRun('', [], repeat);
  const floor = await medianRun(floorScript(), [file], repeat);
  const ours = await medianRun(custodyScript(), ['validate', file], repeat);
  if (ours.code > 1) throw new Error(`custody validate 失败 (exit ${ours.code}): ${ours.stderr.slice(0, 300)}`);
  const exceljs = await medianRun(exceljsScript(), [file], repeat);
  console.log(`${label}: 冷启动 cold, fresh processes, median of ${repeat}`);
  console.log(`  node alone                 ${(node.seconds * 1000).toFixed(0)} ms`);
  console.log(`  floor (unzip + decode)     ${(floor.seconds * 1000).toFixed(0)} ms, peak RSS ${floor.peakRssMb} MB`);
  console.log(`  exceljs bare load          ${(exceljs.seconds * 1000).toFixed(0)} ms, peak RSS ${exceljs.peakRssMb} MB`);
  console.log(
    `  custody validate           ${(ours.seconds * 1000).toFixed(0)} ms, peak RSS ${ours.peakRssMb} MB = ${(ours.seconds / node.seconds).toFixed(2)}× node alone, ${(ours.seconds / floor.seconds).toFixed(2)}× floor, ${(ours.seconds / exceljs.seconds).toFixed(2)}× exceljs`,
  );
  console.log(
    `BENCH ${JSON.stringify({ bench: label, node: node.seconds, floor: floor.seconds, exceljs: exceljs.seconds, ours: ours.seconds, oursRssMb: ours.peakRssMb })}`,
  );
}

/** Passes over the files before any is timed (each path compiled and optimised), then passes timed: their median is reported. */
const WARM_PASSES = 2;
const TIMED_PASSES = 3;

/**
 * Site workbooks, warm, one thread, file by file interleaved: read + validate
 * beside the floor and a bare exceljs load, the same files in the same passes
 * for all three. A single pass of 100 files after one warm-up measured the
 * code still being optimised and whichever collection of exceljs's garbage
 * fell into it (±10 % from run to run): the median of three passes after two.
 */
async function warmValidate(files: readonly string[]): Promise<void> {
  const buffers = files.map((f) => readFileSync(f));
  const ways: Record<'floor' | 'ours' | 'exceljs', (b: Buffer) => unknown> = {
    floor: (b) => unzipDecode(b),
    ours: (b) => validateSite(readCheckableWorkbook(readXlsxInNode(b))),
    exceljs: (b) => new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer),
  };
  const passes = { floor: [] as number[], ours: [] as number[], exceljs: [] as number[] };
  for (let pass = 0; pass < WARM_PASSES + TIMED_PASSES; pass++) {
    const spent = { floor: 0, ours: 0, exceljs: 0 };
    for (const b of buffers) {
      for (const way of ['floor', 'ours', 'exceljs'] as const) {
        const t = process.hrtime.bigint();
        await ways[way](b);
        spent[way] += ms(t);
      }
    }
    if (pass >= WARM_PASSES) for (const way of ['floor', 'ours', 'exceljs'] as const) passes[way].push(spent[way]);
  }
  const total = { floor: median(passes.floor), ours: median(passes.ours), exceljs: median(passes.exceljs) };
  const per = (way: keyof typeof total) => total[way] / buffers.length;
  console.log(
    `site workbooks, warm, one thread, ${buffers.length} files interleaved (read + every rule), median of ${TIMED_PASSES} passes after ${WARM_PASSES}`,
  );
  console.log(`  floor ${per('floor').toFixed(2)} ms, exceljs load ${per('exceljs').toFixed(2)} ms per workbook`);
  console.log(
    `  read + validate ${per('ours').toFixed(2)} ms per workbook = ${(per('ours') / per('floor')).toFixed(2)}× floor, ${(per('ours') / per('exceljs')).toFixed(2)}× exceljs`,
  );
  console.log(`BENCH ${JSON.stringify({ bench: 'warm', floorMs: per('floor'), oursMs: per('ours'), exceljsMs: per('exceljs') })}`);
}

/**
 * The large site with every checkout and handout of one paper, on one day:
 * what a rule matching handouts to checkouts paper by paper would do in square
 * time (distribution-outside-custody once did: 4,000 of each took 4 s).
 */
function onePaperSite(papers: number): SiteData {
  const data = largeSite(papers);
  const [checkout] = data.vaultLog!;
  const [session] = data.distributions!;
  for (const r of data.vaultLog!)
    Object.assign(r, { paperNo: checkout.paperNo, paperName: checkout.paperName, takenAt: checkout.takenAt, returnedAt: checkout.returnedAt });
  for (const d of data.distributions!) {
    Object.assign(d, { start: session.start, end: session.end });
    for (const r of d.rows ?? [])
      Object.assign(r, {
        paperNo: checkout.paperNo,
        paperName: checkout.paperName,
        issuedAt: session.rows![0].issuedAt,
        returnedAt: session.rows![0].returnedAt,
      });
  }
  return data;
}

const SHAPES = [
  { label: 'papers', make: largeSite },
  { label: 'one paper, every checkout and handout of it', make: onePaperSite },
];

/**
 * Parse and rules at 1× and 10×, on each shape: the rules must grow
 * near-linearly and cost well under the parse. The first shape's 10×
 * workbook is returned (the cold 50,000-row run).
 */
async function growth(): Promise<Uint8Array> {
  let largest: Uint8Array | undefined;
  validateSite(readWorkbook(readXlsxInNode(await fillWorkbook(largeSite(50))))); // warm-up
  for (const shape of SHAPES) {
    const results: Array<{ parse: number; rules: number }> = [];
    for (const scale of [1, 10]) {
      const data = shape.make(500 * scale);
      const buffer = await fillWorkbook(data);
      largest ??= scale === 10 ? buffer : undefined;
      let t = process.hrtime.bigint();
      const model = readWorkbook(readXlsxInNode(buffer));
      const parse = ms(t);
      let rules = Infinity;
      let findings = 0;
      for (let i = 0; i < 3; i++) {
        t = process.hrtime.bigint();
        findings = validateSite(model).length;
        rules = Math.min(rules, ms(t));
      }
      results.push({ parse, rules });
      const handouts = data.distributions!.reduce((n, d) => n + (d.rows?.length ?? 0), 0);
      console.log(
        `validate ${scale}× (${shape.label}): ${data.schedule!.length} papers, ${data.vaultLog!.length} vault-log rows, ${handouts} handouts, ${(buffer.length / 1024 / 1024).toFixed(1)} MB — ` +
          `parse ${(parse / 1000).toFixed(2)} s, rules ${rules.toFixed(0)} ms (${((100 * rules) / parse).toFixed(1)}% of parse), findings ${findings}`,
      );
    }
    const [a, b] = results;
    console.log(`validate growth 1×→10× (${shape.label}): parse ×${(b.parse / a.parse).toFixed(1)}, rules ×${(b.rules / a.rules).toFixed(1)} (linear = ×10)`);
  }
  return largest!;
}

export async function benchValidate(options: { repeat?: number } = {}): Promise<void> {
  const repeat = Math.max(3, options.repeat ?? 5);
  const dir = path.join(os.tmpdir(), 'custody-bench');
  mkdirSync(dir, { recursive: true });
  const files = await ensureCorpus(300, 2, console.log);
  await warmValidate(files.filter((_, i) => i % 3 === 0));
  await coldValidate('custody validate, one site workbook', files[1], repeat);
  const large = path.join(dir, 'vault-log-50000.xlsx');
  writeFileSync(large, await growth());
  await coldValidate('custody validate, 50,000 vault-log rows', large, repeat);
}
