/**
 * The per-site custody summary against figures worked out by hand from the
 * realistic 考点 of test/fixtures/kaodian.json (and variations of it).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData } from '../../src/model/types';
import { bagsFor, sampleNetwork } from '../../src/demo/sample';
import { dutyCoverage, summarizeSite } from '../../src/summary/site';
import { validateSite } from '../../src/rules/engine';

const fixture = (): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;

async function roundTrip(data: SiteData) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
  return readWorkbook(gridFromWorkbook(wb));
}

describe('per-site summary of the 岳麓考点 fixture (hand-computed)', () => {
  const check = (s: ReturnType<typeof summarizeSite>) => {
    expect(s.site).toMatchObject({ school: '长沙分校', examSite: '岳麓考点', level: '考点', name: '岳麓考点', semester: '2024春' });
    expect(s.papers.map((p) => p.paperNo)).toEqual(['1001', '2045', '3310']);
    const [math, mgmt, lit] = s.papers;
    // 1001: one 31, one 26, one 5 → 31 + 26 + 5 = 62 copies for 57 candidates.
    expect(math.bags).toEqual({ bags31: 1, bags26: 1, bags11: 0, bags5: 1, totalBags: 3 });
    expect(math).toMatchObject({
      copies: 62,
      candidates: 57,
      spareCopies: 5,
      checkouts: 1,
      returns: 1,
      bagsOut: 3,
      bagsReturned: 3,
      bagsStillOut: 0,
      bagsInVault: 3,
    });
    expect(math.rooms).toEqual(['01', '02']);
    expect(math.copiesDistributed).toBe(57);
    expect(math.sessionStart).toBe('2024-06-15T08:30');
    // 2045: one 31 → 31 copies for 31 candidates, no spare.
    expect(mgmt).toMatchObject({ copies: 31, candidates: 31, spareCopies: 0, checkouts: 1, returns: 1, copiesDistributed: 31 });
    expect(mgmt.rooms).toEqual(['01']);
    // 3310: two 11 → 22 copies for 20, all 20 handed to room 01.
    expect(lit).toMatchObject({ copies: 22, candidates: 20, spareCopies: 2, checkouts: 1, returns: 1, copiesDistributed: 20 });
    expect(lit.rooms).toEqual(['01']);
    expect(s.totals).toMatchObject({
      papers: 3,
      sessions: 3,
      bags: { bags31: 2, bags26: 1, bags11: 2, bags5: 1, totalBags: 6 },
      copies: 115,
      candidates: 108,
      checkouts: 3,
      returns: 3,
      dispatches: 0,
      roomsServed: 4,
      copiesDistributed: 108,
      bagsStillOut: 0,
    });
    expect(s.outstanding).toEqual([]);
    expect(s.handovers.in).toHaveLength(1);
    expect(s.handovers.out).toHaveLength(0);
    expect(s.handovers.in[0]).toMatchObject({ from: '长沙分校', to: '岳麓考点', quantity: 6, total: 6, time: '2024-06-14T09:30', toSigners: ['李强', '赵敏'] });
    // Custody: intake 06-14 10:10 → last checkout 06-16 07:50 = 45 h 40 min, all inside the shifts (06-14 10:00 → 06-16 08:00).
    expect(s.duty).toMatchObject({
      custodyStart: '2024-06-14T10:10',
      custodyEnd: '2024-06-16T07:50',
      custodyHours: 45.67,
      coveredHours: 45.67,
      coverage: 1,
      gaps: [],
      overlaps: 0,
      shifts: 4,
      shiftHours: 46,
    });
    expect(s.findings).toEqual({ errors: 0, warnings: 0, byRule: {} });
    expect(s.ready).toBe(true);
  };

  it('from the data model', () => check(summarizeSite(fixture())));

  it('from the filled workbook read back (every figure survives the round trip)', async () => {
    const model = await roundTrip(fixture());
    const s = summarizeSite(model, [], { file: 'kaodian.xlsx', sha256: 'abc' });
    check(s);
    expect(s.file).toBe('kaodian.xlsx');
    expect([s.handovers.in[0].sheet, s.handovers.in[0].cell]).toMatchInlineSnapshot(`
     [
       "交接单",
       "A2",
     ]
    `);
  });
});

describe('what is still out, duty gaps, findings', () => {
  it('a 还卷人 that says where the bag went (退回分校), a time beside it, no keeper signing it in: still out, as the checks read it', () => {
    // Review 25b D3's note row (model/where-it-went.ts): not-returned says it; the summary counted it back by its time.
    const data = fixture();
    data.vaultLog![2].returner = '退回分校';
    delete data.vaultLog![2].receivedBy;
    const s = summarizeSite(data);
    expect(s.outstanding).toEqual([{ row: 3, paperNo: '3310', quantity: 2, unit: '袋', taker: '李强', takenAt: '2024-06-16T07:50' }]);
    expect(s.papers[2]).toMatchObject({ checkouts: 1, returns: 0, bagsStillOut: 2, bagsInVault: 0 });
    // A keeper's 入库签字 beside the note writes the return.
    data.vaultLog![2].receivedBy = '陈静';
    expect(summarizeSite(data).papers[2]).toMatchObject({ checkouts: 1, returns: 1, bagsStillOut: 0, bagsInVault: 2 });
  });

  it('a checkout with no return is still out; the gap between shifts is counted', () => {
    const data = fixture();
    delete data.vaultLog![2].returnedAt;
    delete data.vaultLog![2].returner;
    data.duty!.shifts![1].to = '2024-06-15T06:00'; // night shift ends 2 h early
    const s = summarizeSite(data, [
      { rule: 'not-returned', severity: 'error', form: 3, sheet: '出入库记录', cell: 'J7', row: 3, message: '', clause: '' },
      { rule: 'duty-gap', severity: 'error', form: 5, sheet: '值班记录', cell: 'C5', row: 2, message: '', clause: '' },
      { rule: 'paper-name-mismatch', severity: 'warning', form: 4, sheet: '分发登记1', cell: 'C5', row: 1, message: '', clause: '' },
    ]);
    expect(s.outstanding).toEqual([{ row: 3, paperNo: '3310', quantity: 2, unit: '袋', taker: '李强', takenAt: '2024-06-16T07:50' }]);
    expect(s.papers[2]).toMatchObject({ checkouts: 1, returns: 0, bagsStillOut: 2, bagsInVault: 0 });
    expect(s.totals.bagsStillOut).toBe(2);
    // 45 h 40 min of custody, 2 h of it unguarded.
    expect(s.duty.gaps).toEqual([{ from: '2024-06-15T06:00', to: '2024-06-15T08:00', hours: 2 }]);
    expect(s.duty.coveredHours).toBe(43.67);
    expect(s.duty.coverage).toBeCloseTo(2620 / 2740, 4);
    expect(s.findings).toEqual({
      errors: 2,
      warnings: 1,
      byRule: {
        'not-returned': { severity: 'error', count: 1 },
        'duty-gap': { severity: 'error', count: 1 },
        'paper-name-mismatch': { severity: 'warning', count: 1 },
      },
    });
    expect(s.ready).toBe(false);
  });

  it('custody not covered before the first shift and after the last is a gap; overlaps are counted', () => {
    const data = fixture();
    data.duty!.shifts = [
      { kind: '日间', from: '2024-06-14T12:00', to: '2024-06-15T08:00' },
      { kind: '夜间', from: '2024-06-15T07:00', to: '2024-06-16T06:00' },
    ];
    const d = dutyCoverage(data);
    expect(d.gaps).toEqual([
      { from: '2024-06-14T10:10', to: '2024-06-14T12:00', hours: 1.83 },
      { from: '2024-06-16T06:00', to: '2024-06-16T07:50', hours: 1.83 },
    ]);
    expect(d.overlaps).toBe(1);
    expect(d.coveredHours).toBe(42);
  });

  it('a checkout counted in loose copies (份) is not taken for bags', () => {
    const data = fixture();
    data.vaultLog!.push({ paperNo: '1001', paperName: '高等数学基础', quantity: 5, unit: '份', taker: '李强', takenAt: '2024-06-15T08:10', issuedBy: '陈静' });
    const s = summarizeSite(data);
    expect(s.papers[0]).toMatchObject({
      checkouts: 2,
      returns: 1,
      bagsOut: 3,
      bagsReturned: 3,
      bagsStillOut: 0,
      copiesOut: 5,
      copiesStillOut: 5,
      bagsInVault: 3,
    });
    expect(s.outstanding).toEqual([{ row: 4, paperNo: '1001', quantity: 5, unit: '份', taker: '李强', takenAt: '2024-06-15T08:10' }]);
  });

  it('a text count or time is left out of the sums and counted as unreadable', () => {
    const data = fixture();
    (data.intake as Intake).items![0].bags5 = '一袋';
    data.vaultLog![0].returnedAt = '6月15日 十点多';
    const s = summarizeSite(data);
    expect(s.papers[0].bags).toEqual({ bags31: 1, bags26: 1, bags11: 0, bags5: 0, totalBags: 2 });
    expect(s.papers[0].copies).toBe(57);
    expect(s.papers[0].returns).toBe(1); // the return is recorded, its time is the validator's business
    expect(s.unreadable).toBe(2);
  });
});

describe('a 分校 dispatching to its 考点 (sample network, hand-computed bags)', () => {
  it('envelope sizes cover the candidates with the fewest spare copies', () => {
    expect(bagsFor(57)).toEqual({ bags31: 1, bags26: 1, bags11: 0, bags5: 0, totalBags: 2 });
    expect(bagsFor(20)).toEqual({ bags31: 0, bags26: 0, bags11: 1, bags5: 2, totalBags: 3 });
    expect(bagsFor(62)).toEqual({ bags31: 2, bags26: 0, bags11: 0, bags5: 0, totalBags: 2 });
    expect(bagsFor(93)).toEqual({ bags31: 3, bags26: 0, bags11: 0, bags5: 0, totalBags: 3 });
  });

  it('dispatches are not loans: nothing is still out at the 分校', () => {
    const net = sampleNetwork({ sites: 2, papers: 4, sessions: 2 });
    const b = summarizeSite(net.branch);
    const sites = net.sites.map((d) => summarizeSite(d));
    expect(b.site.level).toBe('分校');
    expect(b.site.name).toBe('长沙分校');
    expect(b.handovers.in).toHaveLength(1);
    expect(b.handovers.out).toHaveLength(2);
    expect(b.totals.checkouts).toBe(0);
    expect(b.totals.dispatches).toBe(8);
    expect(b.totals.bagsStillOut).toBe(0);
    // The 分校 took in exactly what its 考点 took in, and sent all of it on.
    expect(b.totals.bags.totalBags).toBe(sites[0].totals.bags.totalBags + sites[1].totals.bags.totalBags);
    expect(b.totals.bagsDispatched).toBe(b.totals.bags.totalBags);
    expect(b.papers.every((p) => p.bagsInVault === 0)).toBe(true);
    for (const s of sites) {
      expect(s.totals.bagsStillOut).toBe(0);
      expect(s.duty.gaps).toEqual([]);
      expect(s.duty.coverage).toBe(1);
      for (const p of s.papers) {
        expect(p.copies).toBeGreaterThanOrEqual(p.candidates!);
        expect(p.copiesDistributed).toBe(p.candidates);
        expect(p.rooms.length).toBe(Math.ceil(p.candidates! / 30));
      }
    }
  });
});

describe('papers sent on with a handover are counted as sent, not as still out', () => {
  const shape = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/shapes', name), 'utf8')) as SiteData;

  it('the 省校 (湖南分部): 14 bags from the printer, all sent on to 长沙分校 and 株洲分校', () => {
    const s = summarizeSite(shape('hunan-shengxiao.json'));
    expect(s.site).toMatchObject({ level: '省校', name: '湖南分部' });
    expect(s.handovers.in).toHaveLength(1);
    expect(s.handovers.out).toHaveLength(2);
    expect(s.totals).toMatchObject({ checkouts: 0, dispatches: 6, bagsDispatched: 14, bagsStillOut: 0 });
    expect(s.papers.every((p) => p.bagsInVault === 0)).toBe(true);
  });

  it('the 省校 with no vault log: its custody ends at its last sheet sending papers down', () => {
    const data = shape('hunan-shengxiao.json');
    delete data.vaultLog;
    data.duty!.shifts![0].to = '2024-06-13T12:00';
    // 09:00 intake → 13:30 its sheet to 株洲分校: 4 h 30 min, the shift to 12:00 covering 3 h of it.
    expect(summarizeSite(data).duty).toMatchObject({
      custodyStart: '2024-06-13T09:00',
      custodyEnd: '2024-06-13T13:30',
      custodyHours: 4.5,
      coveredHours: 3,
      gaps: [{ from: '2024-06-13T12:00', to: '2024-06-13T13:30', hours: 1.5 }],
    });
  });

  it('a 考点 sending 1001’s three bags back to its 分校 after the exam', () => {
    const data = fixture();
    data.handovers!.push({ ...structuredClone(data.handovers![0]), time: '2024-06-16T11:00', from: '岳麓考点', to: '长沙分校' });
    data.vaultLog!.push({ paperNo: '1001', paperName: '高等数学基础', quantity: 3, unit: '袋', taker: '李强', takenAt: '2024-06-16T10:40', issuedBy: '陈静' });
    const s = summarizeSite(data);
    expect(s.handovers.out).toHaveLength(1);
    expect(s.papers[0]).toMatchObject({ checkouts: 1, returns: 1, dispatches: 1, bagsDispatched: 3, bagsStillOut: 0, bagsInVault: 0 });
    expect(s.totals.bagsStillOut).toBe(0);
  });
});

describe('one register row for two rooms (考场号 01、02)', () => {
  /** 1001's two rooms on one row, as a proctor collecting for both writes it: 57 copies for 01 and 02 together. */
  const oneRow = (room: string): SiteData => {
    const data = fixture();
    const rows = data.distributions![0].rows!;
    rows.splice(0, 2, { ...rows[0], room, copies: 57 });
    return data;
  };

  it.each(['01、02', '01,02', '01至02'])('%s counts both rooms, wherever rooms are counted', (room) => {
    const s = summarizeSite(oneRow(room));
    expect(s.papers[0].rooms).toEqual(['01', '02']);
    expect(s.totals.roomsServed).toBe(4);
    // The row's copies are the two rooms' together, counted once: not split, not doubled.
    expect(s.papers[0].copiesDistributed).toBe(57);
  });

  it('01-02 is one room as typed (a hyphen names a room by building and number: 3-201)', () => {
    expect(summarizeSite(oneRow('01-02')).papers[0].rooms).toEqual(['01-02']);
  });

  it('and the workbook, filled and read back, is as clean as with a row per room: its copies are judged together against the session', async () => {
    const model = await roundTrip(oneRow('01、02'));
    expect(validateSite(model)).toEqual([]);
    expect(summarizeSite(model).totals.roomsServed).toBe(4);
  });
});
