/**
 * The cell preview as the page draws it (src/taskpane/preview-grid.ts), on workbooks read as the browser face reads
 * them (the worker's read and check, crossed to the page as postMessage crosses it): review 19a D5 (a time typed into
 * a 时分 column), D6 (a hidden old column beside the one in use, a hidden row), D7 (formulas saved without their
 * values, a cycle). test/e2e/preview-cells.test.ts draws the same in chromium.
 */
import { readChecked, unpacked } from '../../src/taskpane/workbook-jobs';
import { type PreviewGrid, previewGrid, unsolvedOn } from '../../src/taskpane/preview-grid';
import { dateByFormat } from '../../src/taskpane/date-format';
import { parseA1 } from '../../src/model/grid';
import type { Finding } from '../../src/model/finding';
import type { Lang } from '../../src/taskpane/i18n';
import { EXPECTED_PREVIEW, INTAKE, VAULT, type PreviewCase, previewCase } from './preview-cases';

/**
 * A structured clone, as postMessage makes it: every Date a plain Date (its subclass dropped). Node's structuredClone
 * makes them in Node's realm, not jest's (`instanceof Date` fails there): made again here.
 */
function crossed<T>(value: T): T {
  const again = (v: unknown): unknown => {
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (Array.isArray(v)) return v.map(again);
    if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, again(x)]));
    return v;
  };
  return again(structuredClone(value)) as T;
}

/** Read and checked in the worker, crossed to the page, unpacked there. */
async function onPage(bytes: Uint8Array) {
  const { read } = await readChecked('x.xlsx', bytes);
  return unpacked(crossed(read));
}

/** The preview as text, as the page's table reads: the letters row, then each row's number and cells (a hidden line's head with its label). */
function asText(g: PreviewGrid): string[][] {
  const head = (l: { head: string; hidden: boolean }) => (l.hidden ? `${l.head}隐藏` : l.head);
  return [['', ...g.cols.map(head)], ...g.rows.map((r) => [head(r), ...r.cells.map((c) => c.text)])];
}

async function previewOf(bytes: Uint8Array, sheet: string, cell: string, lang: Lang = 'zh') {
  const opened = await onPage(bytes);
  const grid = opened.grid.sheets.find((s) => s.name === sheet)!;
  const findings: Finding[] = opened.checks[lang].report.findings;
  return { grid: previewGrid(grid, parseA1(cell)!, lang, unsolvedOn(opened.model?.unsolvedFormulas, sheet)), findings };
}

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

/** The case's preview at its finding's cell, as EXPECTED_PREVIEW has it; its findings of that rule. */
async function casePreview(name: PreviewCase, lang: Lang = 'zh') {
  const want = EXPECTED_PREVIEW[name];
  const got = await previewOf(await previewCase(name), want.sheet, want.cell, lang);
  return { ...got, want, at: only(got.findings, want.rule) };
}

test('D5: a time typed into a 时分 cell shows as Excel shows it (“6:45”), a day alone as the day, whichever side read it', async () => {
  const { grid, findings, want } = await casePreview('time-typed');
  expect(only(findings, 'invalid-datetime')).toEqual([`${VAULT}!F4`, `${VAULT}!F5`]);
  expect(asText(grid)).toEqual(want.rows);
  // Nothing hidden, nothing a formula: no gap, no label.
  expect(grid.cols.concat(grid.rows).some((l) => l.hidden || l.after.length > 0)).toBe(false);
  expect(grid.rows.flatMap((r) => r.cells).some((c) => c.formula)).toBe(false);
});

test('D6: an old 取卷时间 column kept hidden left out, as Excel leaves it out, the gap named; a hidden row likewise', async () => {
  const col = await casePreview('hidden-column');
  expect(col.at).toEqual([`${VAULT}!G5`]);
  expect(asText(col.grid)).toEqual(col.want.rows);
  expect(col.grid.cols.map((c) => c.after)).toEqual([[], [], [], ['F'], [], [], []]);
  expect(col.grid.rows.some((r) => r.hidden || r.after.length > 0)).toBe(false);

  // The finding's own row hidden: shown, labelled; around another cell of the sheet, left out and the gap named.
  const row = await casePreview('hidden-row');
  expect(row.at).toEqual([`${VAULT}!F5`]);
  expect(asText(row.grid)).toEqual(row.want.rows);
  expect(row.grid.rows.map((r) => r.hidden)).toEqual([false, false, false, true, false, false, false]);
  const around = await previewOf(await previewCase('hidden-row'), VAULT, 'F6');
  expect(asText(around.grid).map((r) => r[0])).toEqual(['', '2', '3', '4', '6', '7', '8', '9']);
  expect(around.grid.rows.map((r) => r.after)).toEqual([[], [], [], ['5'], [], [], []]);
});

test('D7: formulas saved without their values said as such, a cycle as one, the formula on hover; both languages', async () => {
  const notSaved = await casePreview('formula-not-saved');
  expect(notSaved.at).toEqual([`${VAULT}!F4`]);
  expect(asText(notSaved.grid)).toEqual(notSaved.want.rows);
  expect(notSaved.grid.rows.map((r) => r.cells[3].title)).toEqual([
    undefined,
    undefined,
    '取卷时间',
    '=VLOOKUP(B4,考试安排!A:D,3,FALSE)-1/24',
    '=VLOOKUP(B5,考试安排!A:D,3,FALSE)-1/24',
    '=VLOOKUP(B6,考试安排!A:D,3,FALSE)-1/24',
    undefined,
  ]);
  expect((await casePreview('formula-not-saved', 'en')).grid.rows[3].cells[3].text).toBe('(formula, result not saved)');

  const cycle = await casePreview('formula-cycle');
  expect(cycle.at).toEqual([`${INTAKE}!D14`]);
  expect(asText(cycle.grid)).toEqual(cycle.want.rows);
  expect(cycle.grid.rows[3].cells[3]).toEqual({ text: '（公式引用了自己）', title: '=SUM(D4:D14)', formula: true });
  expect((await casePreview('formula-cycle', 'en')).grid.rows[3].cells[3].text).toBe('(formula refers to itself)');
});

test('a date-time under h:mm (review 17a N1) crosses from the worker as one: time-not-shown says it on the page, the preview shows “7:50” as the sheet does', async () => {
  const { grid, findings } = await previewOf(await previewCase('time-clock'), VAULT, 'F6');
  expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.message])).toEqual([
    [
      'time-not-shown',
      `${VAULT}!F6`,
      '“取卷时间”这一格里是“2024-06-16 07:50”，但它的格式只显示时间、不显示日期（如 h:mm）：表上显示、打印出来签字的没有年月日，看不出是哪一天。请选中这一格，设置单元格格式 → 自定义 → 写 yyyy-mm-dd hh:mm（日期+时间），不必重新填写。',
    ],
  ]);
  const text = asText(grid);
  const col = text[0].indexOf('F');
  expect(text.find((r) => r[0] === '6')![col]).toBe('7:50');
});

describe('review 20a D7: a date shown as its cell’s number format shows it, as Excel would', () => {
  const at = new Date(Date.UTC(2024, 5, 5, 7, 5, 9));
  test.each([
    ['yyyy"年"m"月"d"日"', '2024年6月5日'],
    ['yyyy"年"m"月"d"日" hh:mm', '2024年6月5日 07:05'],
    ['yyyy"年"m"月"d"日" h"时"mm"分"', '2024年6月5日 7时05分'],
    ['yyyy年m月d日 h:mm', '2024年6月5日 7:05'],
    ['yyyy/m/d', '2024/6/5'],
    ['yyyy/m/d h:mm', '2024/6/5 7:05'],
    ['yyyy/mm/dd hh:mm:ss', '2024/06/05 07:05:09'],
    ['yyyy-mm-dd hh:mm', '2024-06-05 07:05'],
    ['[$-804]yyyy"年"m"月"d"日";@', '2024年6月5日'],
    ['yy.m.d', '24.6.5'],
    ['m/d/yy h:mm', '6/5/24 7:05'],
    ['\\d\\a\\y d', 'day 5'],
  ])('%s → %s', (code, shown) => {
    expect(dateByFormat(at, code)).toBe(shown);
  });

  test.each([['yyyy"年"mmmm"月"'], ['dddd'], ['h:mm AM/PM'], ['[h]:mm'], ['hh:mm:ss.000'], ['@'], ['0.00']])(
    '%s: a part it does not show, left to the preview’s own way',
    (code) => {
      expect(dateByFormat(at, code)).toBeUndefined();
    },
  );
});
