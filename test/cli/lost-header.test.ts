/**
 * A table whose header row is gone: extract prints what it could read and says which table it could not, validate
 * says the lost table at its sheet and checks the rest (review 17b D2; it refused the workbook before) — each in the language asked (review 10c: the reader's note was Chinese only under --lang en).
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';

jest.setTimeout(60_000);

let file: string;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  const log = wb.getWorksheet('出入库记录')!;
  const header = [...Array(12).keys()].map((i) => log.getRow(i + 1)).find((row) => row.getCell(2).value === '试卷号')!;
  header.eachCell((cell) => {
    cell.value = null;
  });
  file = path.join(scratchDir('custody-lost-header-'), 'lost.xlsx');
  await wb.xlsx.writeFile(file);
});

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

/** required-field's finding at 出入库记录's title (A2): the one wording of the lost table, on every face. */
const LOST: Record<string, string> = {
  zh: '工作表“出入库记录”上附件3 保密室试卷出入库记录表的表头行（试卷号、试卷名称、数量（袋/份）…）找不到，表里的各行都读不出来，这张表没有检查（其他表照常检查）。请按空白表恢复表头行（各栏名称写在表格上方的同一行），再检查一次。',
  en: 'The header row of the vault log (附件3) on sheet "出入库记录" (试卷号, 试卷名称, 数量（袋/份）…) is not found, so none of its rows can be read and this form is not checked (the others are). Restore the header row as the blank form has it (the column names on one row above the table) and check again.',
};

test.each([
  ['zh', `lost.xlsx：出入库记录!A2：${LOST.zh}\n`],
  ['en', `lost.xlsx: 出入库记录!A2: ${LOST.en}\n`],
])('extract --lang %s: the lost table said in validate’s words at its cell, the rest printed', async (lang, err) => {
  const r = await run('extract', file, '--lang', lang);
  expect(r.err.replace(file, 'lost.xlsx')).toBe(err);
  expect(r.code).toBe(0);
  expect(Object.keys(JSON.parse(r.out))).toEqual(['site', 'schedule', 'staff', 'handovers', 'intake', 'distributions', 'duty']); // no vaultLog
});

test.each(['zh', 'en'])('validate --lang %s: the lost table said at its sheet, the rest checked (review 17b D2: it refused the workbook)', async (lang) => {
  const r = await run('validate', file, '--lang', lang, '--format', 'json');
  const findings = JSON.parse(r.out).files[0].findings as Array<{ rule: string; sheet: string; cell: string; message: string }>;
  expect(findings.filter((f) => f.sheet === '出入库记录').map((f) => [f.rule, f.sheet, f.cell, f.message])).toEqual([
    ['required-field', '出入库记录', 'A2', LOST[lang]],
  ]);
  expect(r.code).toBe(1);
});

test('summary: the lost table is one error, told once — not again as “1 处无法读取” beside it (it was said twice over)', async () => {
  const r = await run('summary', file, '--format', 'json', '-o', '-', '--threads', '0');
  const [site] = JSON.parse(r.out).sites as Array<{ ready: boolean; findings: { errors: number; byRule: Record<string, unknown> }; problems?: unknown }>;
  expect(site.problems).toBeUndefined();
  expect([site.ready, site.findings.errors, Object.keys(site.findings.byRule)]).toEqual([false, 1, ['required-field']]);
});

test.each(['zh', 'en'])(
  'validate --format json --lang %s: the refusal on stderr in the words of the text report and of summary (review 16a O3)',
  async (lang) => {
    // Not the workbook above, which is checked now (review 17b D2): one that holds none of the forms.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '通讯录';
    const formless = path.join(path.dirname(file), 'formless.xlsx');
    await wb.xlsx.writeFile(formless);
    const text = await run('validate', formless, '--lang', lang);
    const json = await run('validate', formless, '--lang', lang, '--format', 'json');
    expect(json.err).toBe(text.out);
    expect(json.err.replace(formless, 'formless.xlsx')).toMatch(
      lang === 'zh' ? /^formless\.xlsx：不是试卷保密表单：/ : /^formless\.xlsx: not a custody workbook: /,
    );
    const summary = await run('summary', formless, '--lang', lang, '--format', 'json');
    expect(summary.err.split('\n')).toContain(text.out.trim());
  },
);
