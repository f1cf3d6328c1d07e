/**
 * Review 20b D6: 考场次 (SiteSummary.totals.roomsServed) counted each paper's rooms over every session, so a make-up
 * session of the same paper in a room used before was lost (s20-makeup-same-paper: 7 for 8). A room is counted once
 * a session and paper: (session, room) pairs, a register continued on a second sheet of one session not twice.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Distribution, SiteData } from '../../src/model/types';
import { summarizeSite } from '../../src/summary/site';
import { summaryTable } from '../../src/taskpane/summary-table';

const fixture = (): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;

/** 岳麓考点's workbook (1001 in rooms 01 and 02, 2045 in 01, 3310 in 01: 4 考场次) with `more` registers after its own. */
function withRegisters(...more: Distribution[]) {
  const data = fixture();
  data.distributions = [...(data.distributions ?? []), ...more];
  return summarizeSite(data);
}

const makeUp: Distribution = {
  start: '2024-06-17T14:00',
  end: '2024-06-17T15:30',
  rows: [{ paperNo: '1001', paperName: '高等数学基础', copies: 3, room: '01', issuedAt: '2024-06-17T13:40', returnedAt: '2024-06-17T15:40' }],
};

describe('考场次: rooms counted once a session', () => {
  it('as filled: 4 (1001 in 01 and 02, 2045 in 01, 3310 in 01)', () => {
    const s = withRegisters();
    expect([s.totals.roomsServed, s.papers.map((p) => p.rooms)]).toEqual([4, [['01', '02'], ['01'], ['01']]]);
  });

  it('a make-up session of 1001 in room 01, used for 1001 before: 5 考场次 (was 4), 1001 still served rooms 01 and 02', () => {
    const s = withRegisters(makeUp);
    expect([s.totals.roomsServed, s.papers.map((p) => p.rooms)]).toEqual([5, [['01', '02'], ['01'], ['01']]]);
    expect(summaryTable(s, 'zh').totals[15]).toBe('5 个\n考场次');
    expect(summaryTable(s, 'en').totals[15]).toBe('5 room sessions');
  });

  it('the same session’s register continued on another sheet (room 01 again, same 开考): counted once, 4', () => {
    const s = withRegisters({ start: '2024-06-15T08:30', end: '2024-06-15T10:00', rows: [{ paperNo: '1001', copies: 1, room: '01' }] });
    expect(s.totals.roomsServed).toBe(4);
  });
});
