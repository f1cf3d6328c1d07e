/**
 * fix-words24 left (fix-semester25 item 4): a handover sheet whose 交接明细 are both not read — a 数量 holding a formula
 * saved without its value (formula-not-saved: 未能读取, review 19a D2) — and showing an error value in another 数量
 * (#N/A: 显示错误值) is `unreadError` (causes.ts), as a 附件3 so caused is. Its site table's 明细之和 (was its key, unreadErrorHandover) and 交接配对's
 * 差异 (was 两份副本一致) say both, as 附件3's cells do: 附件1 未能读取、显示错误值.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { consolidateModels } from '../../src/summary/consolidate';
import { PAIR_COLUMNS, describePair } from '../../src/summary/tables';
import { HANDOVER_COLUMNS } from '../../src/summary/tables-site';
import { type Column, rowOf, show } from '../../src/summary/columns';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

/** 岳麓考点's workbook (kaodian.json): its 交接单's first 数量 (D8) showing #N/A, its second (D9) a formula saved without its value. */
async function bothHandover(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('交接单')!;
  ws.getCell('D8').value = { formula: 'VLOOKUP(1,X!A:B,2,FALSE)', result: { error: '#N/A' } } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell('D9').value = { formula: 'VLOOKUP(2,X!A:B,2,FALSE)' } as unknown as ExcelJS.CellFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A column's value of `x` as its cell shows it in `lang`. */
function shown<T>(columns: ReadonlyArray<Column<T>>, key: string, x: T, lang: 'zh' | 'en'): unknown {
  const i = columns.findIndex((c) => c.key === key);
  return show(columns[i], rowOf(columns, x, lang)[i], { lang, ruleTitle: (id) => id });
}

describe('a handover sheet both not read and showing an error value says both', () => {
  it('its findings, its sheet’s cause (unreadError), its site table’s 明细之和 (zh, en)', async () => {
    const model = readWorkbook(await gridFromXlsxBuffer(await bothHandover()));
    const findings = validateSite(model);
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['invalid-count', '交接单', 'D8'],
      ['formula-not-saved', '交接单', 'D9'],
      // Its 合计 over them, unchecked (fix-totals25), once at the total.
      ['column-total', '交接单', 'D17'],
    ]);
    const s = summarizeSite(model, findings, { file: 'kaodian.xlsx' });
    expect(s.handovers.in.map((h) => [h.sheet, h.itemsUnread])).toEqual([['交接单', 'unreadError']]);
    const h = s.handovers.in[0];
    expect([shown(HANDOVER_COLUMNS, 'quantity', h, 'zh'), shown(HANDOVER_COLUMNS, 'quantity', h, 'en')]).toEqual([
      '附件1 未能读取、显示错误值',
      '附件1 not read, error value',
    ]);
  });

  it('交接配对: the 差异 says both (zh, en; was 两份副本一致), 合计 as written, the pair matched on its other fields', async () => {
    const kaodian = readWorkbook(await gridFromXlsxBuffer(await bothHandover()));
    const branch = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await fillWorkbook(fixture('fenxiao.json')))));
    const c = consolidateModels([
      { file: 'fenxiao.xlsx', model: branch },
      { file: 'kaodian.xlsx', model: kaodian },
    ]);
    const pair = c.pairs.find((p) => p.to === '岳麓考点')!;
    expect([pair.status, pair.differences, pair.sender?.itemsUnread, pair.receiver?.itemsUnread]).toEqual(['matched', [], undefined, 'unreadError']);
    // Its 合计 as written (6: the 合计 row was read), beside the sender's.
    expect([shown(PAIR_COLUMNS, 'senderTotal', pair, 'zh'), shown(PAIR_COLUMNS, 'receiverTotal', pair, 'zh')]).toEqual([6, 6]);
    expect([describePair(pair, 'zh'), describePair(pair, 'en')]).toEqual([
      '其余各栏一致；接收方副本的交接明细未能读取，且有格子显示错误值，明细和合计没有核对',
      'The other fields agree; the receiver’s copy’s items could not be read and show an error value: items and total not checked',
    ]);
  });
});
