/**
 * templates/ holds what `custody template` makes now, carries every label of
 * the seed's attachments 1–5, and is set up to print one A4 page per form.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { SITE_WORKBOOK_NAME, writeTemplates } from '../src/cli/template';
import { FORMS } from '../src/forms';

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

/** The labels of the seed's 附件1–5 (003_2284e1f870ae5c78.txt), as printed there. */
const SEED_LABELS: Record<number, string[]> = {
  1: ['学期国家开放大学纸质试卷交接单', '日期', '接收单位', '接收地址', '联系人（负责人）', '交接明细', '序号', '试卷归属', '数量（袋/箱）', '备注', '合计',
    '移交单位及意见', '移交人签字（两人）', '接收单位及意见', '接收人签字（两人）', '一式两份，双方签字有效，押运方和接收方分别存档', '试卷归属应填写“**分校（学院）（或考点）”'],
  2: ['国家开放大学湖南分部', '分校（学院）', '考点', '学期纸质试卷入库清单', '序号', '试卷号', '试卷名称', '31份装（袋）', '26份装（袋）', '11份装（袋）', '5份装（袋）', '合计（袋）', '合计',
    '入库情况描述', '对试卷数量是否准确、试卷袋包装是否完好、是否按照考试时间单元转入保密柜（做到不同考试时间不混装）、保密柜密封条张贴是否规范等情况做简要概述', '入库时间', '卷库保管员（试卷接收人）签字', '此表为各单位入保密室中保密柜的交接单'],
  3: ['学期国家开放大学湖南分部', '分校（学院）', '考点纸质试卷出入库记录表', '序号', '试卷号', '试卷名称', '数量（袋/份）', '取卷人签字', '取卷时间', '卷库保管员出库签字', '还卷人签字', '还卷时间', '保管员入库签字',
    '与卷库保管员（值班人员）在保密室内履行出入库交接', '考务人员须为本单位正式职工', '监考人员不得参与此环节领卷'],
  4: ['国家开放大学试卷分发登记表', '湖南分部', '分校（学院）', '考点', '日期', '时间', '序号', '试卷号', '试卷名称', '试卷份数', '考场号', '试卷发放情况', '试卷回收情况', '领取时间', '领卷人签字', '回收时间', '还卷人签字', '备注',
    '发卷人', '收卷人', '此表为考试当天，试卷经由考务办公室（考试值班室）分发至考场及回收的试卷交接单'],
  5: ['湖南分部', '分校（学院）', '考点保密室值班记录', '值班情况记录表', '日间', '夜间', '值班时间', '交班人签字', '接班人签字', '负责人签字', '此表为保密室值班人员填写', '何人何故何时到达、何时离开试卷保密室'],
};

describe('templates/', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-tpl-'));
    await writeTemplates(fresh);
  });

  test('equal what the generator makes now (run `npm run templates` after changing a form)', async () => {
    const committed = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.xlsx')).sort();
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
    for (const label of SEED_LABELS[n]) {
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
      expect({ sheet: ws.name, paperSize: setup.paperSize, fitToPage: setup.fitToPage, fitToWidth: setup.fitToWidth, fitToHeight: setup.fitToHeight })
        .toEqual({ sheet: ws.name, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
      expect(setup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
      const form = FORMS.find((f) => f.layout.sheetName === ws.name)!;
      expect(setup.orientation).toBe(form.layout.landscape ? 'landscape' : 'portrait');
      if (form.layout.table) expect(setup.printTitlesRow).toMatch(/^\d+:\d+$/);
      expect(ws.getCell('A1').font?.name ?? ws.getCell('A2').font?.name).toBe('宋体');
    }
  });

  test('count, date and list cells carry native data validation', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(TEMPLATES, SITE_WORKBOOK_NAME));
    const model = (name: string) => (wb.getWorksheet(name) as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const intake = Object.values(model('入库清单'));
    expect(intake.some((v) => v.type === 'whole' && v.operator === 'greaterThanOrEqual')).toBe(true);
    const duty = Object.values(model('值班记录'));
    expect(duty.some((v) => v.type === 'list' && String(v.formulae[0]).includes('日间,夜间'))).toBe(true);
    expect(duty.some((v) => v.type === 'date')).toBe(true);
    const handover = Object.values(model('交接单'));
    expect(handover.some((v) => v.type === 'list' && String(v.formulae[0]).includes('袋,箱'))).toBe(true);
  });
});
