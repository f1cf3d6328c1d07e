/**
 * Workbooks with a form whose rows cannot be read, as people lose them: test/fixtures/kaodian.json (岳麓考点) filled,
 * then its header row deleted (附件2 入库清单, 附件3 出入库记录: row 3, 序号 试卷号 …; 附件4 分发登记1, the first
 * session's register: its two header rows) or, on one sheet of 附件5 (值班记录2), the 值班时间： labels its shifts
 * start with — as test/cli/lost-header.test.ts makes one.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';

/** What to delete: the header row of 附件2, 附件3 or 分发登记1 (附件4, its two rows), or 值班记录2's 值班时间 labels. */
export type Lost = 'intake' | 'vaultLog' | 'distribution' | 'duty' | 'schedule' | 'staff' | 'handover';

const LOST: Record<Lost, { sheet: string; cleared: (cell: ExcelJS.Cell) => boolean }> = {
  intake: { sheet: '入库清单', cleared: (cell) => Number(cell.row) === 3 },
  vaultLog: { sheet: '出入库记录', cleared: (cell) => Number(cell.row) === 3 },
  distribution: { sheet: '分发登记1', cleared: (cell) => Number(cell.row) === 4 || Number(cell.row) === 5 },
  duty: { sheet: '值班记录2', cleared: (cell) => cell.value === '值班时间：' },
  schedule: { sheet: '考试安排', cleared: (cell) => Number(cell.row) === 2 },
  staff: { sheet: '涉卷人员', cleared: (cell) => Number(cell.row) === 2 },
  // 交接明细's header row (序号 试卷归属 数量 备注 单位), the sheet's other fields as filled.
  handover: { sheet: '交接单', cleared: (cell) => Number(cell.row) === 7 },
};

/** 岳麓考点's workbook (kaodian.json), its unit renamed where given (one run's units are told apart by name), `lost` deleted. */
export async function lostBook(lost: Lost, examSite?: string, edit?: (data: SiteData) => void): Promise<Buffer> {
  const data = fixture('kaodian.json');
  if (examSite) data.site!.examSite = examSite;
  edit?.(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
  const { sheet, cleared } = LOST[lost];
  const ws = wb.getWorksheet(sheet)!;
  // The header row's cells are all of one row: found before any is cleared.
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (cleared(cell) && cells.push(cell))));
  if (cells.length === 0) throw new Error(`nothing to delete on ${sheet}`);
  for (const cell of cells) cell.value = null;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
