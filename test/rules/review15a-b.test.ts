/**
 * The outside review round 15a (test/fixtures/review15a/), part B: D7 — 岳麓考点's spare bag of 2045 taken out of the
 * vault 6月16日 14:00, after the exams, to be destroyed under supervision (附件3 row 4, a 备注 column beside the form:
 * “备用卷，考后经主考批准监督销毁”), with no return. It drew checkout-window (试卷须在开考前领出) and not-returned: a
 * row out for destruction is no loan that must come back (model/disposal.ts). A 备注 that speaks of another paper's
 * destruction, or says the bag was not destroyed, excuses nothing. The workbook read as the CLI reads it and
 * validated: the whole finding (rule, severity, sheet, cell, message), nothing else. And D1’s leftover: a Latin name
 * compared with its case and its capitals-first family name (the roster’s “SMITH John” signing “John Smith”).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { saysDisposal } from '../../src/model/disposal';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { destroyedLine } from '../../src/summary/words';
import ExcelJS from 'exceljs';
import { writeSiteSheet } from '../../src/io/xlsx/summary/site-sheet';
import { ruleTitle } from '../../src/summary/rule-titles';
import { summaryTable } from '../../src/taskpane/summary-table';

const XLSX = path.join(__dirname, '..', 'fixtures', 'review15a', 'xlsx');
const read = (name: string) => readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

/** The destroyed-spare workbook with the 2045 row's 备注 (附件3 row 4) written otherwise. */
function withNote(note: string) {
  const model = read('x4-spare-destroyed');
  model.data.vaultLog![3].note = note;
  return model;
}

/**
 * What the row drew before the fix: the finding a loan never returned after its exam gets. (Taken out the day after
 * 2045's only session, it is no exam-day checkout: not checkout-window late since review 25b D4.)
 */
const AS_A_LOAN = [
  [
    'not-returned',
    'error',
    '出入库记录',
    'I7',
    '试卷 2045 于 6月16日 14:00 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
  ],
];

test('D7: a spare bag out after the exams to be destroyed under supervision draws no finding', () => {
  expect(read('x4-spare-destroyed').data.vaultLog![3].note).toBe('备用卷，考后经主考批准监督销毁');
  expect(validateSite(read('x4-spare-destroyed')).map(full)).toEqual([]);
});

test.each([['2045备用卷考后监销'], ['送监销'], ['备用卷销毁处理'], ['2045（备用）焚毁']])('D7: the 备注 “%s” says disposal: no finding', (note) => {
  expect(validateSite(withNote(note)).map(full)).toEqual([]);
});

test.each([
  ['a 备注 of another paper’s destruction', '1001备用卷考后销毁'],
  ['a bag not destroyed', '备用卷，未销毁'],
  ['a 备注 that says no disposal', '备用卷'],
])('D7: %s excuses nothing: the row is a loan never returned', (_, note) => {
  expect(validateSite(withNote(note)).map(full)).toEqual(AS_A_LOAN);
});

test('D7: a 备注 of destruction on other rows does not excuse this row, even one naming its paper', () => {
  const model = withNote('');
  model.data.vaultLog![0].note = '2045备用卷考后销毁';
  model.data.vaultLog![2].note = '备用卷考后监督销毁';
  expect(validateSite(model).map(full)).toEqual(AS_A_LOAN);
});

test('D7: a row out for destruction that was written back is a loan like any other (its return is judged)', () => {
  const model = read('x4-spare-destroyed');
  Object.assign(model.data.vaultLog![3], { returner: '李强', returnedAt: '2024-06-16T15:00', receivedBy: '陈静' });
  // Not checkout-window late as well: taken out the day after 2045's only session, no exam-day checkout (review 25b D4).
  expect(validateSite(model).map((f) => [f.rule, f.cell])).toEqual([['not-returned', 'I7']]);
});

test('D7: the summary counts the destroyed spare out of the vault for good, not still out, and the custody ends at the last exam checkout', () => {
  const destroyed = summarizeSite(read('x4-spare-destroyed'));
  const kept = summarizeSite(read('x4-spare-kept'));
  const paper = destroyed.papers.find((p) => p.paperNo === '2045')!;
  expect(paper).toMatchObject({ checkouts: 1, returns: 1, bagsStillOut: 0, bagsDispatched: 0, bagsDestroyed: 1, bagsInVault: 1 });
  expect(kept.papers.find((p) => p.paperNo === '2045')).toMatchObject({ checkouts: 1, bagsStillOut: 0, bagsDestroyed: 0, bagsInVault: 2 });
  expect(destroyed.outstanding).toEqual([]);
  expect(destroyed.totals.bagsStillOut).toBe(0);
  expect(destroyed.duty).toEqual(kept.duty);
  expect(destroyed.duty.custodyEnd).toBe('2024-06-16T07:50');
});

test.each([
  ['备用卷，考后经主考批准监督销毁', '2045', true],
  ['监销', '2045', true],
  ['2045备用卷销毁', '2045', true],
  ['2045备用卷销毁', '1001', false],
  ['未销毁', '2045', false],
  ['不得销毁', '2045', false],
  ['含备用卷1袋', '2045', false],
  ['', '2045', false],
])('saysDisposal(“%s”, %s) is %s', (note, paper, expected) => {
  expect(saysDisposal(note, paper)).toBe(expected);
});

test('D1’s leftover: the roster’s SMITH John signing the duty log as John Smith is one person on the roster: no finding', () => {
  expect(read('x7-latin-name-order').data.staff!.some((m) => m?.name === 'SMITH John')).toBe(true);
  expect(validateSite(read('x7-latin-name-order')).map(full)).toEqual([]);
});

test('D7: a 备注 of destruction on a bag taken out before its paper’s exam was over excuses nothing: papers are destroyed after their exam', () => {
  const model = read('x4-spare-destroyed');
  // 2045 is sat 6月15日 from 10:30: the bag taken out at 10:00 that day, its 备注 saying it went to be destroyed.
  model.data.vaultLog![3].takenAt = '2024-06-15T10:00';
  expect(validateSite(model).map((f) => [f.rule, f.cell])).toEqual([['not-returned', 'I7']]);
  expect(summarizeSite(model).papers.find((p) => p.paperNo === '2045')).toMatchObject({ bagsDestroyed: 0, bagsStillOut: 1 });
});

test('D7: the unit’s 汇总 says under its paper table which bags were destroyed, and the pane’s summary beside its facts', async () => {
  const model = read('x4-spare-destroyed');
  const summary = summarizeSite(model);
  expect(destroyedLine(summary.papers, 'zh')).toBe(
    '考后出库销毁（出入库记录的备注写明）：试卷 2045 1 袋。不计入未还袋数和在库袋数；请把签字的销毁记录与本表一并留存。',
  );
  expect(destroyedLine(summary.papers, 'en')).toBe(
    'Taken out to be destroyed (the vault log’s note says so, after the exams): paper 2045, 1 bag. Counted neither as out nor in the vault; keep the signed record of the destruction with these forms.',
  );
  expect(destroyedLine(summarizeSite(read('x4-spare-kept')).papers, 'zh')).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  const ws = writeSiteSheet(wb, '汇总', summary, { lang: 'zh', ruleTitle });
  const lines: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && v.startsWith('考后出库销毁')) lines.push(`${row.number}:${v}`);
  });
  expect(lines).toHaveLength(1);
  expect(summaryTable(summary, 'zh').facts.find(([k]) => k === '已销毁')?.[1]).toBe(destroyedLine(summary.papers, 'zh'));
});
