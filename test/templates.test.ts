/**
 * templates/ holds what `custody template` makes now, carries every label of
 * the seed's attachments 1–5, and is set up to print one A4 page per form.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { SITE_WORKBOOK_NAME, writeTemplates } from '../src/cli/template';
import { FORMS } from '../src/forms';
import { allLabels } from './seed-labels';
import { scratchDir } from './scratch';

const TEMPLATES = path.join(__dirname, '..', 'templates');

async function zipEntries(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name].dir) out[name] = await zip.files[name].async('string');
  }
  return out;
}

async function allText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.value ?? '')))));
  return parts.join('\n');
}

describe('templates/', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = scratchDir('custody-tpl-');
    await writeTemplates(fresh);
  });

  test('equal what the generator makes now (run `npm run templates` after changing a form)', async () => {
    const committed = fs
      .readdirSync(TEMPLATES)
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
    expect(committed).toEqual(fs.readdirSync(fresh).sort());
    for (const name of committed) {
      expect({ name, entries: await zipEntries(path.join(TEMPLATES, name)) }).toEqual({ name, entries: await zipEntries(path.join(fresh, name)) });
    }
  });

  test.each([1, 2, 3, 4, 5])('附件%d carries every label of the seed', async (n) => {
    const entry = FORMS.find((f) => f.layout.attachment === n)!;
    const file = path.join(TEMPLATES, `${entry.templateName}.xlsx`);
    const text = await allText(file);
    const whole = await allText(path.join(TEMPLATES, SITE_WORKBOOK_NAME));
    for (const label of allLabels(n)) {
      expect({ label, found: text.includes(label) }).toEqual({ label, found: true });
      expect({ label, inWholeWorkbook: whole.includes(label) }).toEqual({ label, inWholeWorkbook: true });
    }
  });

  test('every form is set up for one A4 page, with its print area and repeated header rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(TEMPLATES, SITE_WORKBOOK_NAME));
    expect(wb.worksheets).toHaveLength(FORMS.length);
    for (const ws of wb.worksheets) {
      const setup = ws.pageSetup;
      expect({ sheet: ws.name, paperSize: setup.paperSize, fitToPage: setup.fitToPage, fitToWidth: setup.fitToWidth, fitToHeight: setup.fitToHeight }).toEqual({
        sheet: ws.name,
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 1,
      });
      expect(setup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
      const form = FORMS.find((f) => f.layout.sheetName === ws.name)!;
      expect(setup.orientation).toBe(form.layout.landscape ? 'landscape' : 'portrait');
      if (form.layout.table) expect(setup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(ws.getCell('A1').font?.name ?? ws.getCell('A2').font?.name).toBe('宋体');
    }
  });

  test("附件1 and 附件3 print each row's 数量 with the unit picked beside the form: conditional number formats, the cells' own format General", async () => {
    const q = (text: string) => text.replace(/"/g, '&quot;');
    const expected = {
      '附件1 纸质试卷交接单.xlsx': { rows: [8, 16], unitColumn: 'F', units: ['袋', '箱'] },
      '附件3 保密室试卷出入库记录表.xlsx': { rows: [4, 13], unitColumn: 'K', units: ['袋', '份'] },
    };
    for (const [file, { rows, unitColumn, units }] of Object.entries(expected)) {
      const entries = await zipEntries(path.join(TEMPLATES, file));
      const rules = units.map(
        (u, i) => `<cfRule type="expression" dxfId="${i}" priority="${i + 1}"><formula>$${unitColumn}${rows[0]}=${q(`"${u}"`)}</formula></cfRule>`,
      );
      expect({ file, formats: entries['xl/worksheets/sheet1.xml'].match(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g) }).toEqual({
        file,
        formats: [`<conditionalFormatting sqref="D${rows[0]}:D${rows[1]}">${rules.join('')}</conditionalFormatting>`],
      });
      const numFmts = Object.fromEntries([...entries['xl/styles.xml'].matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[2], m[1]]));
      const dxfs = units.map((u) => `<dxf><numFmt numFmtId="${numFmts[q(`0"${u}"`)]}" formatCode="${q(`0"${u}"`)}"/></dxf>`);
      expect({ file, dxfs: /<dxfs\b[\s\S]*?<\/dxfs>/.exec(entries['xl/styles.xml'])![0] }).toEqual({ file, dxfs: `<dxfs count="2">${dxfs.join('')}</dxfs>` });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(TEMPLATES, file));
      const ws = wb.worksheets[0];
      const own = [];
      for (let r = rows[0]; r <= rows[1]; r++) own.push(ws.getCell(`D${r}`).numFmt);
      expect({ file, own }).toEqual({ file, own: own.map(() => undefined) });
    }
    // No other form carries a conditional format.
    const whole = await zipEntries(path.join(TEMPLATES, SITE_WORKBOOK_NAME));
    const sheetsWith = Object.entries(whole)
      .filter(([part, xml]) => part.startsWith('xl/worksheets/sheet') && xml.includes('<conditionalFormatting'))
      .map(([part]) => part);
    expect(sheetsWith).toEqual(['xl/worksheets/sheet4.xml', 'xl/worksheets/sheet6.xml']);
  });

  test('count, date and list cells carry native data validation', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(TEMPLATES, SITE_WORKBOOK_NAME));
    const model = (name: string) =>
      (wb.getWorksheet(name) as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const intake = Object.values(model('入库清单'));
    expect(intake.some((v) => v.type === 'whole' && v.operator === 'greaterThanOrEqual')).toBe(true);
    const duty = Object.values(model('值班记录'));
    expect(duty.some((v) => v.type === 'list' && String(v.formulae[0]).includes('日间,夜间'))).toBe(true);
    expect(duty.some((v) => v.type === 'date')).toBe(true);
    const handover = Object.values(model('交接单'));
    expect(handover.some((v) => v.type === 'list' && String(v.formulae[0]).includes('袋,箱'))).toBe(true);
  });
});
