/**
 * The WPS list of findings over the independent ET fake (independent-fake.ts,
 * written from PLATFORM.md and VBA alone, without Font, Borders, alignment,
 * widths or PageSetup): the list's words, merged title and coloured
 * severities still, nothing it asked for failed, and 清除标记 puts the
 * workbook back exactly. A build of only the documented members (no
 * Worksheet.Delete) writes no list, since clearing could not take it away.
 */
import { MARK_COLORS } from '../../src/io/office-marks';
import { MARKS_SHEET, applyWpsMarks, clearWpsMarks } from '../../src/io/wps/marks';
import { MARKED_FINDINGS } from '../findings';
import { IndependentEtApplication } from './independent-fake';
import { differences } from './independent-book';
import { LIST_ROWS } from './helpers';
import type { BookJson, EtProfile, SheetJson } from './independent-fake-model';

/** The marking tests' workbook (helpers.ts marksBook) as the independent fake holds it: rows and columns 1-based. */
function book(): BookJson {
  return {
    name: '岳麓考点.xlsx',
    names: [],
    sheets: [
      {
        name: '附件3 出入库',
        visible: -1,
        cells: {
          '1,1': { v: '保密室试卷出入库记录表' },
          '5,1': { v: '1' },
          '5,2': { v: 1001, fill: 0x50b000 },
          '5,3': { v: '高等数学', fill: 0x00ffff },
          '5,4': { v: 3, comment: '原有批注：请核对' },
          '5,5': { v: '李强' },
          '9,26': { comment: '不相干的批注' },
        },
        merges: ['A1:E1'],
      },
      { name: '基本信息', visible: -1, cells: { '1,1': { v: '学期', fill: 0xf7ebdd }, '1,2': { v: '2024春' } }, merges: [] },
    ],
  };
}

const FULL: Array<[string, EtProfile]> = [
  [
    'VBA shapes, properties',
    { value2: 'vba', members: 'property', nothing: 'null', emptyCell: 'undefined', taskPane: 'CreateTaskPane', numberFormat: 'vba', surface: 'full' },
  ],
  [
    '1-D single row, methods',
    { value2: 'row1d', members: 'method', nothing: 'undefined', emptyCell: 'null', taskPane: 'CreateTaskpane', numberFormat: 'vba', surface: 'full' },
  ],
  [
    'always 2-D, mixed members',
    { value2: 'always2d', members: 'mixed', nothing: 'null', emptyCell: 'empty-string', taskPane: 'CreateTaskPane', numberFormat: 'grid', surface: 'full' },
  ],
];
const DOCUMENTED: EtProfile = {
  value2: 'row1d',
  members: 'method',
  nothing: 'null',
  emptyCell: 'undefined',
  taskPane: 'CreateTaskPane',
  numberFormat: 'grid',
  surface: 'documented',
};

/** Column → row → value of a sheet's first `rows` rows across A:G. */
function values(sheet: SheetJson, rows: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: 7 }, (_, c) => sheet.cells[`${r + 1},${c + 1}`]?.v ?? ''));
}

function bgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | (n >> 16);
}

test.each(FULL)('%s: the list in words, merge and fills; every other member probed; clear puts back exactly', (_name, profile) => {
  const fake = new IndependentEtApplication(book(), profile);
  const before = fake.snapshot();
  expect(applyWpsMarks(fake.api, MARKED_FINDINGS).list).toBe('问题清单');
  const marked = fake.snapshot();
  expect(marked.sheets.map((s) => [s.name, s.visible])).toEqual([
    ['附件3 出入库', -1],
    ['基本信息', -1],
    [MARKS_SHEET, 2],
    ['问题清单', -1],
  ]);
  const list = marked.sheets[3];
  expect(values(list, 10)).toEqual(LIST_ROWS);
  expect(list.merges).toEqual(['A1:G1']);
  const severity = ['error', 'warning', 'error', 'warning', 'warning', 'error', 'error', 'error'] as const;
  const fills = Object.fromEntries(Object.entries(list.cells).flatMap(([k, c]) => (c.fill === undefined ? [] : [[k, c.fill]])));
  expect(fills).toEqual({
    ...Object.fromEntries(Array.from({ length: 7 }, (_, c) => [`2,${c + 1}`, bgr('#D9D9D9')])),
    ...Object.fromEntries(severity.map((s, i) => [`${i + 3},2`, bgr(MARK_COLORS[s])])),
  });
  const texts = Object.entries(list.cells).filter(([, c]) => c.nf === '@');
  expect(texts.map(([k]) => k).sort()).toEqual(
    Array.from({ length: 8 }, (_, r) => Array.from({ length: 6 }, (_, c) => `${r + 3},${c + 2}`))
      .flat()
      .sort(),
  );
  // Nothing failed; what this object model lacks was probed and left out, no more (PatternColor: read to keep a cell's prior fill).
  expect(fake.log.errors).toEqual([]);
  expect([...fake.log.unknownMembers].sort()).toEqual([
    'Application.ActiveWindow',
    'Interior.PatternColor',
    'Range.Borders',
    'Range.Font',
    'Rows.AutoFit',
    'Worksheet.PageSetup',
  ]);
  // Only the finding cells of the user's sheets changed.
  const changed = differences(before, { ...marked, sheets: marked.sheets.slice(0, 2) }).map((d) => d.replace(/ (fill|comment):.*/, ' $1'));
  expect(changed.sort()).toEqual(
    ['B5', 'C5', 'D5', 'E5']
      .flatMap((c) => [`附件3 出入库!${c} comment`, `附件3 出入库!${c} fill`])
      .concat(['基本信息!B1 comment', '基本信息!B1 fill'])
      .sort(),
  );

  // Saved and opened again: the list goes with the marks and the record.
  const reopened = new IndependentEtApplication(marked, profile);
  expect(clearWpsMarks(reopened.api)).toEqual({ marked: 0, restored: 5, leftOut: 0, list: '问题清单' });
  expect(differences(before, reopened.snapshot())).toEqual([]);
  expect(reopened.log.errors).toEqual([]);
});

test('only the documented members (no Worksheet.Delete): no list, the marks as ever, cleared back but for the emptied record', () => {
  const fake = new IndependentEtApplication(book(), DOCUMENTED);
  const before = fake.snapshot();
  expect(applyWpsMarks(fake.api, MARKED_FINDINGS)).toEqual({ marked: 5, restored: 0, leftOut: 0, list: undefined });
  expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(['附件3 出入库', '基本信息', MARKS_SHEET]);
  expect(clearWpsMarks(fake.api).list).toBeUndefined();
  expect(differences(before, fake.snapshot())).toEqual([`${MARKS_SHEET}: sheet added`]);
  expect(fake.log.errors).toEqual([]);
  // Range.Borders: this fake models no borders; the marks' frames are left out where a build lacks them (fake-et has them).
  expect([...fake.log.unknownMembers].sort()).toEqual(['Interior.PatternColor', 'Range.Borders', 'Worksheet.Delete', 'Worksheets.Add']);
});
