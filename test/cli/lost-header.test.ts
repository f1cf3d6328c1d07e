/**
 * A table whose header row is gone: extract prints what it could read and says which table it could not, validate
 * refuses the workbook — each in the language asked (review 10c: the reader's note was Chinese only under --lang en).
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

test.each([
  ['zh', `${'lost.xlsx'}：工作表“出入库记录”的表头行（试卷号、试卷名称、数量（袋/份）…）找不到，无法读取表格\n`],
  ['en', `${'lost.xlsx'}: the header row of sheet “出入库记录” (试卷号, 试卷名称, 数量（袋/份）…) is not found, so its table could not be read\n`],
])('extract --lang %s: the lost table named in that language, the rest printed', async (lang, err) => {
  const r = await run('extract', file, '--lang', lang);
  expect(r.err.replace(file, 'lost.xlsx')).toBe(err);
  expect(r.code).toBe(0);
  expect(Object.keys(JSON.parse(r.out))).toEqual(['site', 'schedule', 'staff', 'handovers', 'intake', 'distributions', 'duty']); // no vaultLog
});

test.each([
  ['zh', 'lost.xlsx：无法读取：工作表“出入库记录”的表头行（试卷号、试卷名称、数量（袋/份）…）找不到，无法读取表格，请恢复表头行后再检查\n'],
  [
    'en',
    'lost.xlsx: cannot be read: the header row of sheet “出入库记录” (试卷号, 试卷名称, 数量（袋/份）…) is not found, so its table could not be read: restore the header row and check again\n',
  ],
])('validate --lang %s: refused with the lost table named', async (lang, out) => {
  const r = await run('validate', file, '--lang', lang);
  expect({ code: r.code, out: r.out.replace(file, 'lost.xlsx'), err: r.err }).toEqual({ code: 2, out, err: '' });
});

test.each(['zh', 'en'])(
  'validate --format json --lang %s: the refusal on stderr in the words of the text report and of summary (review 16a O3)',
  async (lang) => {
    const text = await run('validate', file, '--lang', lang);
    const json = await run('validate', file, '--lang', lang, '--format', 'json');
    expect(json.err).toBe(text.out);
    expect(json.err.replace(file, 'lost.xlsx')).toMatch(
      lang === 'zh' ? /^lost\.xlsx：无法读取：工作表“出入库记录”的表头行/ : /^lost\.xlsx: cannot be read: the header row/,
    );
    const summary = await run('summary', file, '--lang', lang, '--format', 'json');
    expect(summary.err.split('\n')).toContain(text.out.trim());
  },
);
