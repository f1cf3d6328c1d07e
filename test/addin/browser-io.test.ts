/**
 * The browser face's workbook I/O, run in Node (exceljs and JSZip are the
 * same code the browser bundle carries): refusals with a reason, the grid,
 * and the marked copy.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { BrowserReadError, markedCopy, markedName, openWorkbook } from '../../src/io/xlsx/browser';
import type { Finding } from '../../src/model/finding';
import { exceljsGrid, fixture, workbookBytes } from './helpers';
import { ConsolidatedSite, HeldChecks, consolidatedWorkbook, readChecked, unpacked } from '../../src/taskpane/workbook-jobs';
import { readWorkbook } from '../../src/forms/workbook';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { consolidateModels } from '../../src/summary/consolidate';

/** Each part of an .xlsx by name, its bytes in hex (the zip's entry times left out). */
async function zipParts(xlsx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) parts[name] = Buffer.from(await zip.files[name].async('uint8array')).toString('hex');
  return parts;
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await openWorkbook('x.xlsx', bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(BrowserReadError);
    return (error as BrowserReadError).code;
  }
  throw new Error('not refused');
}

test('refuses what is not an .xlsx, with a reason', async () => {
  expect(await refusal(new Uint8Array(0))).toBe('notXlsx');
  expect(await refusal(new TextEncoder().encode('hello'))).toBe('notXlsx');
  expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('oldXls');
  const good = new Uint8Array(await workbookBytes(fixture()));
  expect(await refusal(good.slice(0, good.length >> 1))).toBe('broken');
  const zip = new JSZip();
  zip.file('hello.txt', 'not a workbook');
  expect(await refusal(await zip.generateAsync({ type: 'uint8array' }))).toBe('notXlsx');
});

test('reads the same grid as the CLI and writes a marked copy that keeps prior notes', async () => {
  const bytes = await workbookBytes(fixture());
  const opened = await openWorkbook('岳麓考点.xlsx', new Uint8Array(bytes));
  expect(opened.grid).toEqual(await exceljsGrid(bytes));
  const sheet = opened.grid.sheets[4].name;
  // a note a person left before
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.getWorksheet(sheet)!.getCell('B3').note = '原有批注';
  const withNote = await openWorkbook('岳麓考点.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  const findings: Finding[] = [
    { rule: 'row-total', severity: 'error', form: 2, sheet, cell: 'B3', row: 1, message: '合计不符', clause: '附件2' },
    { rule: 'copies-short', severity: 'warning', form: 2, sheet, cell: 'C4', row: 2, message: '份数不足', clause: '附件2' },
  ];
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await markedCopy(withNote, findings)).buffer as ArrayBuffer);
  const ws = out.getWorksheet(sheet)!;
  expect((ws.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect((ws.getCell('C4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  const note = ws.getCell('B3').note;
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  expect(text).toMatch(/^原有批注\n\n【试卷保密助手】\n错误 入库清单行合计不符：合计不符/);
  // The copy ends with the printable list of its findings, as the CLI's and the Excel pane's.
  const list = out.worksheets[out.worksheets.length - 1];
  expect(list.name).toBe('问题清单');
  expect([3, 4].map((r) => (list.getRow(r).values as unknown[]).slice(1))).toEqual([
    [1, '错误', sheet, 'B3', '序号 1', '入库清单行合计不符', '合计不符'],
    [2, '警告', sheet, 'C4', '序号 2', '试卷份数不足', '份数不足'],
  ]);
  expect(markedName('岳麓考点.xlsx')).toBe('岳麓考点（已标记）.xlsx');
  expect(markedName('a.XLSX', 'en')).toBe('a (marked).xlsx');
});

test('a file that cannot be read is refused in the same words as `custody validate`', async () => {
  const { gridFromXlsxBuffer } = await import('../../src/io/xlsx/node-workbook');
  const good = new Uint8Array(await workbookBytes(fixture()));
  const zip = new JSZip();
  zip.file('hello.txt', 'not a workbook');
  const samples: Uint8Array[] = [
    new Uint8Array(0),
    new TextEncoder().encode('hello'),
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    good.slice(0, good.length >> 1),
    await zip.generateAsync({ type: 'uint8array' }),
  ];
  for (const bytes of samples) {
    const browser = await openWorkbook('x.xlsx', bytes).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    const cli = await gridFromXlsxBuffer(Buffer.from(bytes)).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(browser).toBe(cli);
  }
});

test('the consolidated summary written in the worker (from the models it holds, by key) is the one written from the models themselves, and so is the page’s', async () => {
  const branch = fixture('fenxiao.json');
  branch.handovers![1].items![2].quantity = 3;
  const files: Array<[string, Uint8Array]> = [
    ['长沙分校.xlsx', new Uint8Array(await workbookBytes(branch))],
    ['岳麓考点.xlsx', new Uint8Array(await workbookBytes(fixture('kaodian.json')))],
    ['坏文件.xlsx', new TextEncoder().encode('不是工作簿')],
  ];
  for (const lang of ['zh', 'en'] as const) {
    const sites: ConsolidatedSite[] = [];
    const direct = [];
    // What the worker holds by key, and what the page holds (its reading, crossed as postMessage copies it).
    const inWorker = new Map<string, HeldChecks>();
    const onPage = new Map<string, HeldChecks>();
    for (const [i, [name, bytes]] of files.entries()) {
      const key = `k${i}`;
      try {
        const { read, held } = await readChecked(name, bytes);
        inWorker.set(key, held);
        onPage.set(key, unpacked(structuredClone(read)));
        sites.push({ file: name, sha256: read.checks[lang].report.sha256, key });
        direct.push({ file: name, sha256: read.checks[lang].report.sha256, model: readWorkbook((await openWorkbook(name, bytes)).grid) });
      } catch (error) {
        sites.push({ file: name, sha256: null, key, error: (error as Error).message });
        direct.push({ file: name, sha256: null, error: (error as Error).message });
      }
    }
    const written = await consolidatedWorkbook(structuredClone(sites), (key) => inWorker.get(key), lang);
    const fromModels = await consolidatedXlsx(consolidateModels(direct, { lang }), { lang });
    // Part by part: the zip's own entry times are the clock's, two seconds apart at most.
    expect(await zipParts(written)).toEqual(await zipParts(fromModels));
    expect(await zipParts(await consolidatedWorkbook(sites, (key) => onPage.get(key), lang))).toEqual(await zipParts(fromModels));
    // And it holds what it should: both sites, and the file it could not read.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written.buffer as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value)))));
    for (const name of ['岳麓考点', '长沙分校', '坏文件.xlsx']) expect(texts.some((x) => x.includes(name))).toBe(true);
  }
});
