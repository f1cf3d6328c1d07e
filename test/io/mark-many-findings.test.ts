/**
 * Review 14a D1: a marked copy of a workbook of thousands of findings took minutes (2,000 error rows 4.7 s, 8,000
 * 45 s, 120,000 never ended): the 问题清单 looked for the copy of its form each finding is in (findingCopies) by
 * searching the whole sheet for the form's titles once per finding. The sheet is now searched once a form, whatever
 * the number of findings; the copy is the same as before, byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { findingCopies } from '../../src/check/finding-list';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { readWorkbook } from '../../src/forms/workbook';
import { markedCopy } from '../../src/io/xlsx/mark';
import { packageParts, readXlsx } from '../../src/io/xlsx/reader';
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';

const F1 = path.join(__dirname, '..', 'fixtures', 'review11', 'xlsx', 'f1-vault-first-wrong.xlsx');

/** The grid with each sheet's rows counting how often a whole sheet is walked (rows.forEach / rows.map). */
function counted(grid: WorkbookGrid): { grid: WorkbookGrid; scans: () => number } {
  let scans = 0;
  const sheets = grid.sheets.map((sheet) => ({
    ...sheet,
    rows: new Proxy(sheet.rows, {
      get(target, key, receiver) {
        if (key === 'forEach' || key === 'map') scans++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }),
  }));
  return { grid: { ...grid, sheets }, scans: () => scans };
}

const vaultFinding = (cell: string, row: number): Finding => ({
  rule: 'vault-time',
  severity: 'error',
  form: 3,
  sheet: '出入库记录',
  cell,
  row,
  clause: '',
  message: '有问题',
});

test('review14a D1: findingCopies walks each sheet the same number of times for 100 findings as for 2,000', () => {
  const grid = readXlsx(new Uint8Array(fs.readFileSync(F1)));
  const scansFor = (n: number) => {
    // Half in the form's first copy (F4), half in its second (F20), as review 11's f1 has them.
    const findings = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? vaultFinding('F4', 1) : vaultFinding('F20', 1)));
    const { grid: watched, scans } = counted(grid);
    const copies = findingCopies(findings, watched);
    expect(findings.map((f) => copies.get(f))).toEqual(findings.map((_, i) => (i % 2 === 0 ? 1 : 2)));
    return scans();
  };
  const few = scansFor(100);
  expect(few).toBeGreaterThan(0);
  expect(scansFor(2_000)).toBe(few);
  expect(scansFor(1)).toBe(few);
});

/** The demo's faulty workbook with the vault log's row 4 copied `n` times (review 14a's heavy.py): every row an error. */
async function heavyWorkbook(n: number): Promise<Uint8Array> {
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  const bytes = new Uint8Array(await fillWorkbook(plantDefects(net.sites[1]).data));
  const part = packageParts(bytes).sheets.get('出入库记录')!;
  const parts = unzipSync(bytes);
  const log = strFromU8(parts[part]);
  const row4 = /<row r="4"[\s\S]*?<\/row>/.exec(log)![0];
  const head = log.split('<row r="4"')[0].replace(/<dimension ref="[^"]*"\/>/, '');
  const tail = ('</sheetData>' + log.split('</sheetData>')[1])
    .replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '')
    .replace(/<dataValidations[\s\S]*?<\/dataValidations>/, '');
  const body = Array.from({ length: n }, (_, i) =>
    row4.replace('<row r="4"', `<row r="${i + 4}"`).replace(/(<c r="[A-Z]+)4"/g, (_m, c: string) => `${c}${i + 4}"`),
  ).join('');
  parts[part] = strToU8(head + body + tail);
  return zipSync(parts);
}

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

test('review14a D1: the marked copy of a workbook of 2,000 error rows is the copy made before the change, part for part', async () => {
  const bytes = await heavyWorkbook(2_000);
  const findings = validateSite(readWorkbook(readXlsx(bytes)));
  expect(findings.length).toBe(2_012);
  const copy = await markedCopy(bytes, findings);
  expect(copy.marked).toBe(2_012);
  const parts = unzipSync(copy.bytes);
  const list = readXlsx(copy.bytes).sheets.find((s) => s.name === '问题清单')!;
  // 2,007 lines: three groups of 分发登记 rows (review 15b D5), the 2,000 copied rows each its own (all 序号 1).
  expect(list.rows.length).toBe(2 + 2_007);
  // The list's rows and every part of the copy, as main 9c43538 (before the change) wrote them; 分发登记1–3 (sheets 7–9)
  // as the forms are drawn since review 15b D3 (a merged line's missing width spread over its columns); the list
  // (its rows, sheet12) since review 15b D5 (one mistake down a column one line); since fix-print25 a mark on a merged
  // cell frames its area's outline (交接单's E20 beside D20, mark-merges.test.ts): compared cell by cell with the copy
  // before, only E20 looks otherwise; the other marked sheets' and the list's style numbers moved up by its format. Since
  // fix-fit27 the forms' widths and heights (a digit measured 4/3 wide): sheets 2 and 4–11 differ from the copy before in
  // their <cols> and row heights alone (the templates compared so, every other byte the same). Since stop 63 an early
  // checkout says how early as people say it (早了 2小时, not 早了 120 分钟): the list, 出入库记录's notes and their boxes.
  expect(sha(strToU8(JSON.stringify(list.rows)))).toBe('1d2386b21493e8de');
  expect(
    Object.fromEntries(
      Object.keys(parts)
        .sort()
        .map((name) => [name, sha(parts[name])]),
    ),
  ).toEqual({
    '[Content_Types].xml': '9a79cb718d6d9946',
    '_rels/.rels': '1285b20099c64699',
    'docProps/app.xml': '0e023f9408d43c6a',
    'docProps/core.xml': '6469a8b78cb3cbdf',
    'xl/_rels/workbook.xml.rels': '9db74214d062ab0f',
    'xl/comments1.xml': '14666dcff7ea5ec3',
    'xl/comments2.xml': 'f9743143e39bbc58',
    'xl/comments3.xml': '81b8ba61383018f7',
    'xl/comments4.xml': 'b5f58b7ab6e3404d',
    'xl/comments5.xml': '3cf4191f63489b0e',
    'xl/comments6.xml': '369f8d38072b4dba',
    'xl/drawings/vmlDrawing1.vml': '4d4c37ae1ae37eab',
    'xl/drawings/vmlDrawing2.vml': 'c0adc5d6ff1fdbb2',
    'xl/drawings/vmlDrawing3.vml': '1ce6e9a2ddb2c28c',
    'xl/drawings/vmlDrawing4.vml': 'a634814e1e82a099',
    'xl/drawings/vmlDrawing5.vml': '0f3193cb0fc8693e',
    'xl/drawings/vmlDrawing6.vml': '50dc5bf5b00694d7',
    'xl/sharedStrings.xml': '6a560807c7fc47cf',
    'xl/styles.xml': 'd7425c0db33ea141',
    'xl/theme/theme1.xml': 'f857ef82e4c0e273',
    'xl/workbook.xml': 'd39aac4d11f48422',
    'xl/worksheets/_rels/sheet11.xml.rels': 'fee227c74afd2a1a',
    'xl/worksheets/_rels/sheet4.xml.rels': '1a698a854e424170',
    'xl/worksheets/_rels/sheet6.xml.rels': '101a130419009ddd',
    'xl/worksheets/_rels/sheet7.xml.rels': '62299af977db324e',
    'xl/worksheets/_rels/sheet8.xml.rels': '247acd327ebe2596',
    'xl/worksheets/_rels/sheet9.xml.rels': '376e8738a7956f3d',
    'xl/worksheets/sheet1.xml': '5ec7cb598493c7e7',
    'xl/worksheets/sheet10.xml': '7510767f0ef7a825',
    'xl/worksheets/sheet11.xml': '7f6ab510861c3100',
    'xl/worksheets/sheet12.xml': 'd7d4e0ea6f3a28ba',
    'xl/worksheets/sheet2.xml': '0e7a42fa645c127f',
    'xl/worksheets/sheet3.xml': 'ce0b0407813ba9c1',
    'xl/worksheets/sheet4.xml': '0a579f1ce802b886',
    'xl/worksheets/sheet5.xml': 'deecad0761bce9b7',
    'xl/worksheets/sheet6.xml': '5d37087ac1d2f846',
    'xl/worksheets/sheet7.xml': 'efae984455d273b0',
    'xl/worksheets/sheet8.xml': '5ca0553d910af8ac',
    'xl/worksheets/sheet9.xml': 'c2ac316e27a15405',
  });
});
