/**
 * The outside review's round 2 (test/fixtures/review2/), D1 and D7: a roster name with a middle dot
 * (阿依古丽·买买提) signed with a space or without the dot is that one person; “当日晚8时” and the other short
 * half-day words before an hour are read. Each site filled into a real .xlsx (or the review's workbook), read
 * back and validated: a planted mistake gives exactly its finding, a correct site none.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { formatWallClock, parseWallClock } from '../../src/model/datetime';
import { dottedNamesOf, joinDottedName, joinDottedSigners } from '../../src/model/dotted-names';
import { copyFields } from '../../src/model/pairing';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf } from './shape-sites';

const REVIEW2 = path.join(__dirname, '..', 'fixtures', 'review2');

function reviewSite(name: string): SiteData {
  return JSON.parse(fs.readFileSync(path.join(REVIEW2, `${name}.json`), 'utf8')) as SiteData;
}

async function findingsOf(name: string, edit?: (d: SiteData) => void): Promise<string[]> {
  const data = reviewSite(name);
  edit?.(data);
  return validateSite(await modelOf(await fillWorkbook(data))).map(brief);
}

const TWO_SIGNERS = 'two-signers 交接单!D20 row null';

describe('D1: a name with a middle dot signed with a space or without the dot', () => {
  test('one receiver written “阿依古丽 买买提” (roster 阿依古丽·买买提): one signer, two-signers at D20 and nothing else', async () => {
    expect(await findingsOf('k-jishou-one-signer-spaced-planted')).toEqual([
      `${TWO_SIGNERS}: “接收人签字”只有 1 人签字（阿依古丽·买买提）。交接单每一方须两人签字，请由另一名在场人员补签。`,
    ]);
  });

  test('the control, 王 芳 alone: two-signers at D20 as before', async () => {
    expect(await findingsOf('k-jishou-one-signer-wangfang-planted')).toEqual([
      `${TWO_SIGNERS}: “接收人签字”只有 1 人签字（王芳）。交接单每一方须两人签字，请由另一名在场人员补签。`,
    ]);
  });

  test('taker “阿依古丽买买提” (dot left out), returner “阿依古丽 买买提” (space for the dot): a correct site, no finding', async () => {
    expect(await findingsOf('k-jishou-names-nodot-kaodian')).toEqual([]);
  });

  test('two people on the roster written with a space between them (“王 芳 田 勇”, “王芳 田勇”) are still two', async () => {
    for (const written of ['王 芳 田 勇', '王芳 田勇']) {
      expect(await findingsOf('k-jishou-names-kaodian', (d) => (d.handovers![0].toSigners = [written]))).toEqual([]);
    }
  });

  test('a dotted roster name not on the roster is not joined: 欧阳娜娜 李强 with a space are two people', () => {
    const names = dottedNamesOf([{ name: '阿依古丽·买买提' }, { name: '王 芳' }] as SiteData['staff']);
    expect(names.map((n) => n.name)).toEqual(['阿依古丽·买买提']);
    expect(joinDottedSigners(['欧阳娜娜', '李强'], names)).toEqual(['欧阳娜娜', '李强']);
    expect(joinDottedSigners(['热合曼', '买买提'], names)).toEqual(['热合曼', '买买提']);
    // Cut at a space or at 、, the parts of the roster's name are one signer; the others stay as they are.
    expect(joinDottedSigners(['阿依古丽', '买买提', '王 芳'], names)).toEqual(['阿依古丽·买买提', '王 芳']);
    expect(joinDottedName('阿依古丽买买提（考务）', names)).toBe('阿依古丽·买买提（考务）');
    expect(joinDottedName('阿依古丽．买买提', names)).toBe('阿依古丽·买买提');
    // A longer name that begins with hers is someone else.
    expect(joinDottedName('阿依古丽 买买提江', names)).toBe('阿依古丽 买买提江');
  });

  test('a dotted roster name whose parts are each on the roster is not joined: they sign as themselves', () => {
    const names = dottedNamesOf([{ name: '王芳·李强' }, { name: '王芳' }, { name: '李强' }] as SiteData['staff']);
    expect(names).toEqual([]);
  });

  test('the two copies of a handover: 阿依古丽·买买提 on one, “阿依古丽 买买提” kept as written on the other, sign alike', () => {
    const a = copyFields({ toSigners: ['阿依古丽·买买提', '王 芳'] });
    const b = copyFields({ toSigners: ['王芳', '阿依古丽', '买买提'] });
    expect(a.toSigners).toBe(b.toSigners);
    expect(copyFields({ toSigners: ['王芳', '田勇'] }).toSigners).not.toBe(a.toSigners);
  });
});

describe('D7: a half-day word before an hour, the short forms too', () => {
  const day = { year: 2025, month: 1, day: 10 };
  test.each([
    ['当日晚8时', '2025-01-10T20:00'],
    ['晚8时', '2025-01-10T20:00'],
    ['晚8点', '2025-01-10T20:00'],
    ['1月10日晚8时30分', '2025-01-10T20:30'],
    ['夜11时', '2025-01-10T23:00'],
    ['早8时', '2025-01-10T08:00'],
    ['次日早8时', '2025-01-11T08:00'],
    ['上午9时', '2025-01-10T09:00'],
    ['下午3时', '2025-01-10T15:00'],
    ['中午12时', '2025-01-10T12:00'],
    ['凌晨1时', '2025-01-10T01:00'],
    // After midnight, as 凌晨: the night's small hours are not the afternoon.
    ['夜里2点', '2025-01-10T02:00'],
    // As before.
    ['当日晚上8点', '2025-01-10T20:00'],
    ['当日20时', '2025-01-10T20:00'],
  ])('%s → %s', (text, iso) => {
    const t = parseWallClock(text, day);
    expect(t && formatWallClock(t)).toBe(iso);
  });

  test('l-jishou-duty-wan8shi (a shift ending “当日晚8时”): the end read 20:00 that day, no finding', () => {
    const file = path.join(REVIEW2, 'xlsx', 'l-jishou-duty-wan8shi.xlsx');
    const model = readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(file))));
    expect(validateSite(model).map(brief)).toEqual([]);
    expect(model.data.duty!.shifts!.slice(0, 2).map((s) => [s.from, s.to])).toEqual([
      ['2025-01-10T10:00', '2025-01-10T20:00'],
      ['2025-01-10T20:00', '2025-01-11T08:00'],
    ]);
  });
});
