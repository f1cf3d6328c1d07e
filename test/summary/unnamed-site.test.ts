/**
 * Review 21 D2: a 考点's workbook whose 考点 (基本信息 B5) shows #N/A, or is left blank, read in 站点汇总 as
 * “长沙分校 | 长沙分校 | 考点”: the unit named by its 分校, as if the 分校's own workbook. Now its 单位 says the 考点 is
 * not known, why and where; the 分校 column and every figure as before.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { rowOf } from '../../src/summary/columns';
import { SITE_COLUMNS } from '../../src/summary/tables';
import { fixture } from '../helpers';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consolidateModels } from '../../src/summary/consolidate';
import { consolidatedXlsx } from '../../src/io/xlsx/summary/consolidated';
import { summaryIn } from './summary-cells';

jest.setTimeout(60_000);

/** 岳麓考点's workbook (kaodian.json) with its 考点 cell (基本信息 B5) as `b5`, read, checked, summarised: its 站点汇总 row. */
async function unnamedBook(b5: ExcelJS.CellValue): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  if (b5 !== undefined) wb.getWorksheet('基本信息')!.getCell('B5').value = b5;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function siteRow(b5: ExcelJS.CellValue) {
  const model = readWorkbook(await gridFromXlsxBuffer(await unnamedBook(b5)));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  const outcome = { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null };
  return { s, zh: rowOf(SITE_COLUMNS, outcome, 'zh'), en: rowOf(SITE_COLUMNS, outcome, 'en') };
}

describe('站点汇总’s 单位 of a 考点 naming no 考点', () => {
  it('as filled: 长沙分校 | 岳麓考点 | 考点', async () => {
    const { s, zh } = await siteRow(undefined);
    expect([s.site.unnamed, zh.slice(0, 3)]).toEqual([undefined, ['长沙分校', '岳麓考点', '考点']]);
  });

  it('B5 showing #N/A: 考点名称未能读取, the cell and the value; the figures as filled', async () => {
    const { s, zh, en } = await siteRow({ formula: 'VLOOKUP(1,单位!A:B,2,FALSE)', result: { error: '#N/A' } } as unknown as ExcelJS.CellValue);
    const asFilled = (await siteRow(undefined)).zh;
    expect([s.site.name, s.site.unnamed]).toEqual(['长沙分校', { sheet: '基本信息', cell: 'B5', shows: '#N/A' }]);
    expect(zh.slice(0, 3)).toEqual(['长沙分校', '考点名称未能读取（工作表“基本信息”B5 显示 #N/A）', '考点']);
    expect(en.slice(0, 3)).toEqual(['长沙分校', '考点 not known (基本信息!B5 shows #N/A)', 'Exam site (考点)']);
    // Its error (required-field at B5) counted; the rest of the row as filled.
    expect([zh[3], zh[4]]).toEqual(['fix', 1]);
    expect(zh.slice(5)).toEqual(asFilled.slice(5));
  });

  it('B5 left blank: 考点名称没有填写 and the cell', async () => {
    const { s, zh, en } = await siteRow(null);
    expect([s.site.name, s.site.unnamed]).toEqual(['长沙分校', { sheet: '基本信息', cell: 'B5' }]);
    expect(zh.slice(0, 3)).toEqual(['长沙分校', '考点名称没有填写（工作表“基本信息”B5）', '考点']);
    expect(en[1]).toBe('考点 not filled in (基本信息!B5)');
  });
});

// Review 22's leftover (fix-summary22): 文件清单's and 问题清单's 单位, the unit's 汇总 sheet's title and its name still said
// 长沙分校 for the 考点 naming none — the 分校's own summary, to whoever reads those pages.
describe('every page of a consolidated summary names the 考点 naming no 考点 as 站点汇总 does', () => {
  const NA = { formula: 'VLOOKUP(1,单位!A:B,2,FALSE)', result: { error: '#N/A' } } as unknown as ExcelJS.CellValue;
  const SAID = '考点名称未能读取（工作表“基本信息”B5 显示 #N/A）';
  const units = (ws: ExcelJS.Worksheet, col: number) => ws.getColumn(col).values.slice(2);

  const look = (wb: ExcelJS.Workbook) => {
    const sheet = wb.worksheets.find((w) => w.name.startsWith('汇总-') && String(w.getCell('A1').value).includes(SAID));
    return {
      files: units(wb.getWorksheet('文件清单')!, 2),
      findings: [...new Set(units(wb.getWorksheet('问题清单')!, 2).filter((v) => typeof v === 'string' && v !== ''))],
      sheet: sheet?.name,
      title: sheet?.getCell('A1').value,
    };
  };

  it('the CLI’s summary (its spool) and the in-process one (browser face, demo)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-unnamed-'));
    try {
      fs.mkdirSync(path.join(dir, 'in'));
      fs.writeFileSync(path.join(dir, 'in', 'n.xlsx'), await unnamedBook(NA));
      const cli = look((await summaryIn(dir, 'zh')).wb);
      const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, 'in', 'n.xlsx'))));
      const inProcess = new ExcelJS.Workbook();
      await inProcess.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels([{ file: 'n.xlsx', model }]), { lang: 'zh' })) as unknown as ArrayBuffer);
      for (const seen of [cli, look(inProcess)]) {
        expect(seen.files).toEqual([SAID]);
        expect(seen.findings).toEqual([SAID]);
        expect(seen.sheet).toBe('汇总-n.xlsx');
        expect(seen.title).toBe(`湖南分部 长沙分校 ${SAID}  2024春学期试卷保管汇总`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
