/**
 * One mistake repeated down a column is one line in the lists people read (review 15b D5): k2-many-findings, a
 * 考点 whose vault log leaves 卷库保管员出库签字 empty and returns before taking on 120 rows, printed 243 lines over 18
 * pages in its marked copy's 问题清单, and as many in the summary's §五 and the pane. The findings JSON is unchanged
 * (one finding per cell), every cell stays framed; the lists show the findings of one rule and message template on
 * one sheet and column as the first one's line with a note of the others' rows.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { groupFindings, groupedFindings, templateOf } from '../../src/check/finding-groups';
import { findingList } from '../../src/check/finding-list';
import { MARK_COLORS, cellMarks } from '../../src/check/marks';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { markedCopy } from '../../src/io/xlsx/mark';
import { markParts } from '../../src/io/xlsx/mark-parts';
import { readXlsx } from '../../src/io/xlsx/reader';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import type { Lang } from '../../src/rules/types';
import { summarizeSite } from '../../src/summary/site';
import { allFixtures } from '../helpers';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';

const K2 = path.join(__dirname, '..', 'fixtures', 'review15b', 'json', 'k2-many-findings.json');
const k2Data = (): SiteData => JSON.parse(fs.readFileSync(K2, 'utf8')) as SiteData;

let bytes: Uint8Array;
const found: Record<Lang, Finding[]> = { zh: [], en: [] };
beforeAll(async () => {
  bytes = new Uint8Array(await fillWorkbook(k2Data()));
  const model = readWorkbook(readXlsx(bytes));
  for (const lang of ['zh', 'en'] as const) found[lang] = validateSite(model, { lang });
});

/** The findings as they cross a worker or a file: plain data, the engine's record of their templates left behind. */
const plain = (findings: readonly Finding[]): Finding[] => JSON.parse(JSON.stringify(findings)) as Finding[];
const sha = (findings: readonly Finding[]) => createHash('sha256').update(JSON.stringify(findings)).digest('hex');

/** The findings of `validate --format json` before this change (files[0].findings, as the CLI wrote them at main 39275f1). */
const JSON_SHA = {
  zh: '9d875a653c27f67dd4d792acb2552085b57fece589e64b54e4a31dd2179a04a4',
  en: 'd3fedddc66e0dc1d1c284166a5bfcbe1bffc2bc023109a1e2c4e53c60b0005ec',
};

const ZH_ROWS = [
  [
    1,
    '错误',
    '出入库记录',
    'G4',
    '序号 1',
    '必填项未填',
    '序号 1 这一行的“卷库保管员出库签字”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。（序号 2–120 这 119 行也是这样，表中已逐格标出）',
  ],
  [
    2,
    '错误',
    '出入库记录',
    'I4',
    '序号 1',
    '时间先后颠倒',
    '“还卷时间”是 6月15日 06:45，早于取卷时间 6月15日 07:45。结束不能早于开始，请核对这两个时间。（序号 2–120 这 119 行也是这样，表中已逐格标出）',
  ],
  [
    3,
    '错误',
    '出入库记录',
    'D7',
    '序号 4',
    '出库超过入库',
    '试卷 1001 在 6月15日 07:45 出库 3 袋后，同时在库外的共 6 袋，但到这时入库清单上这份试卷只有 3 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。（序号 5–6 这 2 行也是这样，表中已逐格标出）',
  ],
];

const EN_ROWS = [
  [
    1,
    'Error',
    '出入库记录',
    'G4',
    'No. 1',
    'Required field left empty',
    'Row No. 1: "卷库保管员出库签字" is empty. Every row of the vault log (附件3) needs it; fill it in before submitting. (the same on 119 more rows: Nos. 2–120, each marked in the sheet)',
  ],
  [
    2,
    'Error',
    '出入库记录',
    'I4',
    'No. 1',
    'End before start',
    '"还卷时间" is Jun 15 06:45, before 取卷时间 Jun 15 07:45. An end cannot come before its start; check both times. (the same on 119 more rows: Nos. 2–120, each marked in the sheet)',
  ],
  [
    3,
    'Error',
    '出入库记录',
    'D7',
    'No. 4',
    'More out of the vault than taken in',
    'After taking out 3 bags of paper 1001 at Jun 15 07:45, the bags out at once come to 6, but only 3 had been taken in by then. Check the quantities or the intake time. (the same on 2 more rows: Nos. 5–6, each marked in the sheet)',
  ],
];

const TITLE = {
  zh: '试卷保密助手检查发现的问题：错误 243 处，警告 0 处，列为下面 3 行（同一列多行的同一问题合为一行；粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）',
  en: 'Problems found by the custody assistant: 243 errors, 0 warnings, in 3 lines below (the same problem on several rows of a column is one line; errors: pink cells in a thick frame; warnings: yellow cells in a dashed frame; check again once corrected)',
};

/** The list sheet's rows as read back, trailing blanks dropped. */
function listOf(marked: Uint8Array): unknown[][] {
  const sheet = readXlsx(marked).sheets.at(-1)!;
  return sheet.rows.map((row) => {
    const cells = row.map((v) => v ?? '');
    while (cells.length && cells.at(-1) === '') cells.pop();
    return cells;
  });
}

describe.each([
  ['zh', ZH_ROWS, '问题清单'],
  ['en', EN_ROWS, 'Findings'],
] as const)('k2-many-findings (%s)', (lang, rows, sheetName) => {
  test('the findings stay 243, one a cell, the JSON byte for byte as before, with the list made or not', async () => {
    const findings = found[lang];
    expect(findings).toHaveLength(243);
    expect(sha(findings)).toBe(JSON_SHA[lang]);
    findingList(findings, lang);
    groupedFindings(findings, lang);
    await markedCopy(bytes, findings, lang);
    expect(sha(findings)).toBe(JSON_SHA[lang]);
  });

  test('the marked copy’s list is 3 lines: the first of each mistake with its rows; the title still counts 243', async () => {
    const marked = (await markedCopy(bytes, found[lang], lang)).bytes;
    expect(readXlsx(marked).sheets.at(-1)!.name).toBe(sheetName);
    expect(listOf(marked)).toEqual([[TITLE[lang]], findingList([], lang).headers, ...rows]);
  });

  test('every cell stays framed: the copy is the bytes of the copy marked without a list, but for the list', async () => {
    const findings = found[lang];
    expect(cellMarks(findings, lang).map((m) => m.cell)).toEqual(findings.map((f) => f.cell));
    const withList = unzipSync((await markedCopy(bytes, findings, lang)).bytes);
    const without = unzipSync(markParts(bytes, cellMarks(findings, lang), MARK_COLORS)!.bytes);
    const listPart = Object.keys(withList).find((p) => !(p in without))!;
    expect(strFromU8(withList[listPart])).toContain('序号 2–120'.replace('序号 ', lang === 'zh' ? '序号 ' : 'Nos. '));
    for (const [part, data] of Object.entries(without)) {
      if (/^xl\/(worksheets\/sheet\d+|styles|workbook)\.xml$|\.rels$|Content_Types/.test(part)) continue;
      expect([part, Buffer.from(withList[part]).equals(Buffer.from(data))]).toEqual([part, true]);
    }
    for (const part of Object.keys(without).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)))
      expect([part, Buffer.from(withList[part]).equals(Buffer.from(without[part]))]).toEqual([part, true]);
  });

  test('the same lines from findings that crossed a worker (the template read back from the message)', () => {
    expect(findingList(plain(found[lang]), lang).rows.map((r) => r.texts.slice(3))).toEqual(rows.map((r) => r.slice(3)));
  });
});

test('the summary’s §五 lists the 3 lines under counts of findings (zh, en)', async () => {
  const heads = {
    zh: '五、检查发现的问题（错误 243，警告 0；同一列多行的同一问题合为一行，共 3 行）',
    en: '5. Problems found (243 errors, 0 warnings; the same problem on several rows of a column is one line, 3 lines)',
  };
  for (const lang of ['zh', 'en'] as const) {
    const findings = found[lang];
    const out = Buffer.from(await siteSummaryXlsx(summarizeSite(k2Data(), findings), findings, lang));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const first = Array.from({ length: ws.rowCount }, (_x, r) => String(ws.getCell(r + 1, 1).value ?? ''));
    const at = first.indexOf(heads[lang]) + 1;
    expect(at).toBeGreaterThan(0);
    const SEVERITIES = ['错误', '警告', 'Error', 'Warning'];
    // Each finding's message runs on over its lines in the 4th column (site-findings.ts); a finding begins with its severity.
    const lines: Array<{ severity: string; message: string }> = [];
    for (let r = at + 2; r <= ws.rowCount; r++) {
      const [severity, message] = [ws.getCell(r, 1).value, ws.getCell(r, 4).value].map((v) => String(v ?? ''));
      if (severity && !SEVERITIES.includes(severity)) break;
      if (severity) lines.push({ severity, message });
      else if (message && lines.length) lines.at(-1)!.message += message;
    }
    const rows = lang === 'zh' ? ZH_ROWS : EN_ROWS;
    expect(lines.map((l) => [l.severity, l.message.replace(/\s/g, '')])).toEqual(rows.map((r) => [r[1], String(r[6]).replace(/\s/g, '')]));
  }
});

describe('what is not one line', () => {
  const f = (cell: string, row: number | null, message: string, rule = 'required-field'): Finding => ({
    rule,
    severity: 'error',
    form: 3,
    sheet: '出入库记录',
    cell,
    row,
    message,
    clause: '',
  });
  const cellMsg = (n: number) => `序号 ${n} 这一行的“取卷人签字”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。`;
  const unitMsg = (n: number) =>
    `序号 ${n} 这一行的数量 3 没有写单位，看不出是 3 袋还是 3 份，打印出来也只有一个数。请在本行的“单位”栏（表格右侧，打印区域之外）选“袋”或“份”，或在数量后写上单位，如“3袋”。`;

  test('another template of the same rule, another column, a field of no row, a hidden row: each its own line', () => {
    const findings = [
      f('E4', 1, cellMsg(1)),
      f('E5', 2, unitMsg(2)),
      f('E6', 3, cellMsg(3)),
      f('F7', 4, cellMsg(4)),
      f('E8', null, '“交接地点”没有填写。这是附件3 保密室试卷出入库记录表必填的一项，请补填后再提交。'),
      f('E9', 6, `${cellMsg(6)}（第 9 行是隐藏的：取消隐藏才看得见；若是误登，请整行删除。）`),
      f('E10', 7, cellMsg(7)),
    ];
    expect(findings.map((x) => templateOf(x))).toEqual(['cell', 'unit', 'cell', 'cell', 'field', 'cell', 'cell']);
    expect(groupFindings(findings, 'zh').map((g) => [g.findings.map((x) => x.cell), g.message])).toEqual([
      [['E4', 'E6', 'E10'], `${cellMsg(1)}（序号 3、7 这 2 行也是这样，表中已逐格标出）`],
      [['E5'], unitMsg(2)],
      [['F7'], cellMsg(4)],
      [['E8'], findings[4].message],
      [['E9'], findings[5].message],
    ]);
  });

  test('a second copy of the form (序号 from 1 again) is a group of its own; runs with gaps; one more row', () => {
    const rows = [...Array.from({ length: 40 }, (_x, i) => i + 1), ...Array.from({ length: 79 }, (_x, i) => i + 42)];
    const first = rows.map((n) => f(`E${n + 3}`, n, cellMsg(n)));
    const second = [1, 2].map((n) => f(`E${n + 200}`, n, cellMsg(n)));
    expect(groupFindings([...first, ...second], 'zh').map((g) => g.message)).toEqual([
      `${cellMsg(1)}（序号 2–40、42–120 这 118 行也是这样，表中已逐格标出）`,
      `${cellMsg(1)}（序号 2 这 1 行也是这样，表中已标出）`,
    ]);
    const en = (n: number) => `Row No. ${n}: "取卷人签字" is empty. Every row of the vault log (附件3) needs it; fill it in before submitting.`;
    expect(groupFindings([...rows.map((n) => f(`E${n + 3}`, n, en(n))), f('E300', 7, en(7))].slice(0, 41), 'en').map((g) => g.message)).toEqual([
      `${en(1)} (the same on 40 more rows: Nos. 2–40, 42, each marked in the sheet)`,
    ]);
    expect(groupFindings([f('E4', 1, en(1)), f('E9', 6, en(6))], 'en')[0].message).toBe(`${en(1)} (the same on 1 more row: No. 6, marked in the sheet)`);
  });

  test('a thousand rows and more counted as every count people read (1,049), the 序号 as the form numbers them (review 22b D6)', () => {
    const rows = Array.from({ length: 1050 }, (_x, i) => i + 4);
    const en = (n: number) => `Row No. ${n}: "取卷人签字" is empty. Every row of the vault log (附件3) needs it; fill it in before submitting.`;
    expect(
      groupFindings(
        rows.map((n) => f(`E${n + 3}`, n, cellMsg(n))),
        'zh',
      )[0].message,
    ).toBe(`${cellMsg(4)}（序号 5–1053 这 1,049 行也是这样，表中已逐格标出）`);
    expect(
      groupFindings(
        rows.map((n) => f(`E${n + 3}`, n, en(n))),
        'en',
        undefined,
        'column',
      )[0].message,
    ).toBe(`${en(4)} (the same on 1,049 more rows: Nos. 5–1053, column E)`);
  });

  test('附件5 shifts are named as shifts; more than 20 runs end in 等 / …', () => {
    const shift = (n: number): Finding => ({
      ...f(
        `F${n + 5}`,
        n,
        '这一班的结束时间 6月15日 08:00 不晚于开始时间 6月15日 20:00。值班时间须先起后止，请核对（跨夜班的结束日期应是第二天）。',
        'time-order',
      ),
      form: 5,
      sheet: '值班记录1',
    });
    expect(groupFindings([1, 2, 3, 5].map(shift), 'zh')[0].message).toMatch(/（第 2–3、5 班这 3 班也是这样，表中已逐格标出）$/);
    const many = Array.from({ length: 25 }, (_x, i) => f(`E${2 * i + 4}`, 2 * i + 1, cellMsg(2 * i + 1)));
    expect(groupFindings(many, 'zh')[0].message).toBe(
      `${cellMsg(1)}（序号 3、5、7、9、11、13、15、17、19、21、23、25、27、29、31、33、35、37、39、41 等 24 行也是这样，表中已逐格标出）`,
    );
  });

  test('beside no marked sheet (the command line’s text): one line only where the words are the same but for the row’s own 序号 and cell, the note naming the column', () => {
    const order = (cell: string, row: number, day: number): Finding =>
      f(cell, row, `“还卷时间”是 6月${day}日 06:45，早于取卷时间 6月${day}日 07:45。结束不能早于开始，请核对这两个时间。`, 'time-order');
    const en = (n: number) => `Row No. ${n}: "取卷人签字" is empty. Every row of the vault log (附件3) needs it; fill it in before submitting.`;
    const findings = [f('E4', 1, cellMsg(1)), order('I5', 2, 15), f('E6', 3, cellMsg(3)), order('I7', 4, 16), order('I8', 5, 15), f('E9', 6, cellMsg(6))];
    expect(groupFindings(findings, 'zh', undefined, 'column').map((g) => [g.findings.map((x) => x.cell), g.message])).toEqual([
      [['E4', 'E6', 'E9'], `${cellMsg(1)}（序号 3、6 这 2 行也是这样，在 E 列）`],
      [['I5', 'I8'], `${findings[1].message}（序号 5 这 1 行也是这样，在 I 列）`],
      [['I7'], findings[3].message],
    ]);
    // Where the sheet is marked, the template alone makes the line: each cell's note tells its own times.
    expect(groupFindings(findings, 'zh').map((g) => g.findings.map((x) => x.cell))).toEqual([
      ['E4', 'E6', 'E9'],
      ['I5', 'I7', 'I8'],
    ]);
    const english = [1, 2, 4].map((n) => f(`E${n + 3}`, n, en(n)));
    expect(groupFindings(english, 'en', undefined, 'column').map((g) => g.message)).toEqual([`${en(1)} (the same on 2 more rows: Nos. 2, 4, column E)`]);
  });
});

test('the template read back from a message is the one the engine reported it with, for every fixture and both languages', async () => {
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  const sources = [...allFixtures(), ...net.sites.map((s) => plantDefects(s).data)];
  const models = await Promise.all(sources.map(async (d) => readWorkbook(readXlsx(new Uint8Array(await fillWorkbook(d))))));
  const rules = new Set<string>();
  let checked = 0;
  for (const model of [...models, readWorkbook(readXlsx(bytes))]) {
    for (const lang of ['zh', 'en'] as const) {
      const findings = validateSite(model, { lang });
      for (const x of findings) {
        const id = messageIdOf(x);
        if (!id) continue;
        expect([x.rule, x.message, templateOf(plain([x])[0])]).toEqual([x.rule, x.message, id]);
        checked++;
        rules.add(x.rule);
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(rules.size).toBeGreaterThan(10);
});
