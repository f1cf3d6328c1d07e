/**
 * A 分校 that sits exams itself (本部考点: its 附件4 hands papers to its own rooms), review 25b D7: chain1 of
 * test/fixtures/review25b — a1-benbu-fenxiao (made by its gen.js.txt from fenxiao.json: 长沙分校 keeps 1001 and 2045
 * bags for room 本部01, 50 and 25 copies handed out) beside 岳麓考点 (kaodian.json). 总览 said “考点 1 个” and ranked
 * 岳麓考点 alone; the 本部's exam sessions were only inside the 分校's row. Now the 考点 level counts it as an exam
 * site, its bags, copies, candidates and bags out in the 分校's row only (they cannot be told apart from the 分校's:
 * one vault, one intake list, a 考试安排 of the whole 分校), the 考点 row's figures at least the 考点' own; named on
 * 总览 and in the CLI's line. Figures by hand from the inputs: 分校 intake 7 + 3 + 2 = 12 bags,
 * 1001 3×31 + 2×26 + 11 + 5 = 161, 2045 2×31 + 26 = 88, 3310 2×11 = 22 → 271 copies, 147 + 81 + 20 = 248 candidates;
 * 岳麓 3 + 1 + 2 = 6 bags, 62 + 31 + 22 = 115 copies, 57 + 31 + 20 = 108 candidates; no bag out anywhere.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { level, none } from './levels';
import { rowOf, values } from './summary-cells';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as SiteData;

let dir: string;
let benbu: SiteData;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-own-site-'));
  const made = spawnSync(process.execPath, [path.join(FIXTURES, 'review25b', 'scripts', 'gen.js.txt'), path.join(dir, 'gen')]);
  expect(made.status).toBe(0);
  benbu = JSON.parse(fs.readFileSync(path.join(dir, 'gen', 'a1-benbu-fenxiao.json'), 'utf8')) as SiteData;
  const write = async (folder: string, books: Record<string, SiteData>) => {
    fs.mkdirSync(path.join(dir, folder));
    for (const [name, data] of Object.entries(books)) fs.writeFileSync(path.join(dir, folder, name), await fillWorkbook(data));
  };
  await write('chain1', { 'a1-benbu-fenxiao.xlsx': benbu, 'k.xlsx': fixture('kaodian.json') });
  await write('alone', { 'a1-benbu-fenxiao.xlsx': benbu });
  await write('ordinary', { 'f.xlsx': fixture('fenxiao.json'), 'k.xlsx': fixture('kaodian.json') });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `custody summary DIR/folder` (its books are clean: exit 0): the workbook, what it printed, and the JSON's totals. */
async function summaryOf(folder: string, lang: 'zh' | 'en') {
  const out = path.join(dir, `${folder}-${lang}.xlsx`);
  const io = memoryIO();
  expect(await main(['node', 'custody', 'summary', path.join(dir, folder), '-o', out, '--lang', lang], io)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const json = memoryIO();
  expect(await main(['node', 'custody', 'summary', path.join(dir, folder), '--format', 'json'], json)).toBe(0);
  return { wb, stdout: io.stdout, totals: (JSON.parse(json.stdout) as { totals: Record<string, unknown> }).totals };
}

/** 总览's rows from the level table's header to the ranking's last row, as shown (7 columns; empty rows left out). */
function overviewRows(wb: ExcelJS.Workbook): unknown[][] {
  const ov = wb.worksheets[0];
  const rows: unknown[][] = [];
  let r = 1;
  while (r <= ov.rowCount && values(ov, r, 1)[0] !== '单位级别' && values(ov, r, 1)[0] !== 'Unit level') r++;
  for (; r <= ov.rowCount; r++) {
    const row = values(ov, r, 7);
    if (typeof row[0] === 'string' && /^说明|^Note on/.test(row[0])) break;
    if (row.some((v) => v !== null)) rows.push(row);
  }
  return rows;
}

const ZH_HEAD =
  '注意：以下 1 个单位自己也设考点（本部考点：附件4 有分发记录），计入考点的单位数；其袋数、份数、考生数和未还袋数与本单位的无法分出，只计入本单位一行，考点一行不重复计（为至少数），也不列入考生数排行：';
const EN_HEAD =
  'Note: the units below also sit exams themselves (own exam site, 本部考点: 附件4 hands out papers), counted among the exam sites; their bags, copies, candidates and bags out cannot be told apart from their unit’s: in its row only, not again in the exam sites’ (at least those), nor ranked by candidates:';
const ZH_LINE = '注意：长沙分校（本部考点）计入考点的单位数；其袋数、份数、考生数和未还袋数与本单位的无法分出，只计入本单位一行，考点一行不重复计。';
const ABSENT_ZH = '注意：以下单位移交的试卷，接收单位的工作簿不在本次汇总中，这些交接单只有移交方的副本，无法核对（见“交接配对”）：';

describe('a 分校 that sits exams itself (本部考点)', () => {
  it('its stock: ownSite names it where its 附件4 hands papers to rooms; not a 考点, nor a 分校 whose 附件4 has no row', async () => {
    const stockOf = async (data: SiteData) => unitStockOf(summarizeSite(readWorkbook(await gridFromXlsxBuffer(Buffer.from(await fillWorkbook(data))))));
    const own = await stockOf(benbu);
    expect([own.level, own.ownSite, own.bags, own.copies, own.candidates, own.bagsStillOut]).toEqual(['分校', '长沙分校', 12, 271, 248, 0]);
    expect((await stockOf(fixture('kaodian.json'))).ownSite).toBeUndefined();
    expect((await stockOf(fixture('fenxiao.json'))).ownSite).toBeUndefined();
    const t = emptyTotals(2);
    addUnitStock(t, own);
    addUnitStock(t, await stockOf(fixture('kaodian.json')));
    const unknown = { bagsUnknown: 1, candidatesUnknown: 1, stillOutUnknown: 1, bagsWhy: ['ownSite'], candidatesWhy: ['ownSite'], stillOutWhy: ['ownSite'] };
    expect(t.levels).toEqual([none('省校'), level('分校', 1, 12, 271, 248, 0), { ...level('考点', 2, 6, 115, 108, 0), ...unknown }, none(null)]);
    expect([t.ownSite, t.papers, t.bagsStillOut]).toEqual([['长沙分校'], 6, 0]);
  });

  it('chain1 (zh): 考点 2 个, its figures at least 岳麓考点’s, the 本部考点 named; every other sheet as before, nothing counted twice', async () => {
    const { wb, stdout, totals } = await summaryOf('chain1', 'zh');
    expect(overviewRows(wb)).toEqual([
      ['单位级别', '单位数', '试卷袋', '试卷袋', '试卷份数', '考生数', '未还（袋）'],
      ['分校', 1, 12, 12, 271, 248, 0],
      ['考点', 2, '至少 6', '至少 6', '至少 115', '至少 108', '计入其单位一行'],
      [ABSENT_ZH, ABSENT_ZH, ABSENT_ZH, null, null, null, null],
      ['长沙分校', '交给天心考点 3 袋', '交给天心考点 3 袋', null, null, null, null],
      [ZH_HEAD, ZH_HEAD, ZH_HEAD, null, null, null, null],
      ['长沙分校（本部考点）', '计入其单位一行', '计入其单位一行', null, null, null, null],
      ['问题（交接单不一致\n每方计一次）', '错误', '警告', null, null, null, null],
      ['未发现问题', null, null, null, null, null, null],
      ['考点（考生最多的\n前 20 个）', '考生数', '试卷份数', null, null, null, null],
      ['岳麓考点', 108, 115, null, null, null, null],
    ]);
    // 总览's figures: 2 units counted, 6 papers (unit × paper), no bag out — the 本部考点 adds none.
    const ov = wb.worksheets[0];
    expect(['单位（计入合计）', '试卷（单位×试卷）', '未还保密室（袋）'].map((k) => rowOf(ov, 2, (v) => v[0] === k)[1])).toEqual([2, 6, 0]);
    // 站点汇总: a row per workbook, the 分校's with its 2 room-sessions (考场次), none added for the 本部考点.
    const sites = wb.getWorksheet('站点汇总')!;
    expect([3, 4, 5].map((r) => values(sites, r, 15))).toEqual([
      ['长沙分校', '长沙分校', '分校', '可以提交', 0, 0, 3, 12, 271, 248, 2, 2, 0, 9, 2],
      ['长沙分校', '岳麓考点', '考点', '可以提交', 0, 0, 3, 6, 115, 108, 3, 3, 0, 0, 4],
      Array(15).fill(null),
    ]);
    expect(wb.getWorksheet('试卷明细')!.rowCount).toBe(7);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      '已汇总 2 个工作簿：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
      ZH_LINE,
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，12 袋、271 份（报考 248 人）；考点 2 个，至少 6 袋、至少 115 份（报考至少 108 人）。未还保密室 0 袋。',
    ]);
    expect([totals.ownSite, (totals.levels as unknown[])[2]]).toEqual([
      ['长沙分校'],
      {
        ...level('考点', 2, 6, 115, 108, 0),
        bagsUnknown: 1,
        candidatesUnknown: 1,
        stillOutUnknown: 1,
        bagsWhy: ['ownSite'],
        candidatesWhy: ['ownSite'],
        stillOutWhy: ['ownSite'],
      },
    ]);
  });

  it('chain1 (en): the same, in English', async () => {
    const { wb, stdout } = await summaryOf('chain1', 'en');
    const rows = overviewRows(wb);
    expect(rows.slice(0, 3)).toEqual([
      ['Unit level', 'Units', 'Bags', 'Bags', 'Copies', 'Candidates', 'Bags out'],
      ['Branch school (分校)', 1, 12, 12, 271, 248, 0],
      // Wrapped as the column's width takes them (a level's figure in words on two lines).
      ['Exam site (考点)', 2, 'at least 6', 'at least 6', 'at least\n115', 'at least\n108', 'in\nits unit’s row'],
    ]);
    expect(rows.filter((r) => r[0] === EN_HEAD || r[0] === '长沙分校 (own exam site, 本部考点)')).toEqual([
      [EN_HEAD, EN_HEAD, EN_HEAD, null, null, null, null],
      ['长沙分校 (own exam site, 本部考点)', 'in its unit’s row', 'in its unit’s row', null, null, null, null],
    ]);
    expect(stdout.split('\n')[1]).toBe(
      'Note: 长沙分校 (own exam site, 本部考点) counted among the exam sites; its bags, copies, candidates and bags out cannot be told apart from its unit’s: in that unit’s row only, not again in the exam sites’ row.',
    );
  });

  it('the 分校 alone: 考点 1 个, its figures its unit’s (the words, no 0)', async () => {
    const { wb, stdout } = await summaryOf('alone', 'zh');
    expect(overviewRows(wb).slice(0, 3)).toEqual([
      ['单位级别', '单位数', '试卷袋', '试卷袋', '试卷份数', '考生数', '未还（袋）'],
      ['分校', 1, 12, 12, 271, 248, 0],
      ['考点', 1, '计入其单位一行', '计入其单位一行', '计入其单位一行', '计入其单位一行', '计入其单位一行'],
    ]);
    expect(stdout.split('\n')[2]).toBe(
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，12 袋、271 份（报考 248 人）；考点 1 个，袋数、份数未知：计入其单位一行（报考人数未知：计入其单位一行）。未还保密室 0 袋。',
    );
  });

  // By hand: fenxiao.json's intake 5 + 2 + 2 = 9 bags, 104 + 57 + 22 = 183 copies, 97 + 56 + 20 = 173 candidates.
  it('a chain with no 本部考点 (fenxiao.json, kaodian.json): as before — 考点 1 个 with its own figures, no note, no ownSite', async () => {
    const { wb, stdout, totals } = await summaryOf('ordinary', 'zh');
    const rows = overviewRows(wb);
    expect(rows.slice(0, 3)).toEqual([
      ['单位级别', '单位数', '试卷袋', '试卷袋', '试卷份数', '考生数', '未还（袋）'],
      ['分校', 1, 9, 9, 183, 173, 0],
      ['考点', 1, 6, 6, 115, 108, 0],
    ]);
    expect(rows.some((r) => typeof r[0] === 'string' && r[0].includes('本部考点'))).toBe(false);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      '已汇总 2 个工作簿：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，9 袋、183 份（报考 173 人）；考点 1 个，6 袋、115 份（报考 108 人）。未还保密室 0 袋。',
    ]);
    expect([totals.ownSite, totals.levels]).toEqual([
      undefined,
      [none('省校'), level('分校', 1, 9, 183, 173, 0), level('考点', 1, 6, 115, 108, 0), none(null)],
    ]);
  });
});
