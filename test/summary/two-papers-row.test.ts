/**
 * Review 20b D5 in the summary: a vault row “2207、2210” 3 袋 made a paper “2207、2210” with 3 bags out, 2207 and 2210
 * none; a row “5503（补考）” a paper of its own. A row writing several 试卷号 is now no paper: its form's figures are
 * unknown (附件3 未能读取), the 说明 naming the row's cell and what it writes; a note after the number is that paper's.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { modelOf } from '../rules/tester';

const fixture = (): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;

/** 岳麓考点's workbook with its vault row `i`'s 试卷号 written `paperNo`, drawn, read, checked and summarised. */
function summaryWith(i: number, paperNo: string) {
  const data = fixture();
  data.vaultLog![i].paperNo = paperNo;
  const model = modelOf(data);
  return summarizeSite(model, validateSite(model));
}

describe('a vault row of several 试卷号, or of one with a note', () => {
  it('出入库记录 B5 “2045、3310”: no paper “2045、3310”; 附件3’s figures unknown, the 说明 at B5', () => {
    const s = summaryWith(1, '2045、3310');
    expect(s.papers.map((p) => p.paperNo)).toEqual(['1001', '2045', '3310']);
    expect(s.unread).toEqual([{ form: 'vaultLog', sheet: '出入库记录', cell: 'B5', several: '2045、3310' }]);
    const zh = summaryTable(s, 'zh');
    expect(zh.rows.map((r) => r.slice(11, 13))).toEqual([
      ['附件3 一行几个试卷号', '附件3 一行几个试卷号'],
      ['附件3 一行几个试卷号', '附件3 一行几个试卷号'],
      ['附件3 一行几个试卷号', '附件3 一行几个试卷号'],
    ]);
    expect(zh.facts[0]).toEqual([
      '一行几个试卷号',
      '附件3 出入库记录有一行写了几个试卷号（工作表“出入库记录”B5“2045、3310”），分不清各是几袋，出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计',
    ]);
    expect(summaryTable(s, 'en').facts[0]).toEqual([
      'Row of several papers',
      'A row of the vault log (附件3) writes several paper numbers (出入库记录!B5 "2045、3310"): whose bags are whose cannot be told, so checkouts, returns, bags out, custody time and duty cover are unknown, not in the totals',
    ]);
  });

  // Round 22: a row read apart (each paper's count written) was counted as unread too: 附件3 未能读取 in every paper's row.
  it('出入库记录 B4 “1001（3袋）、2045（1袋）” 4 袋 (2045’s own row gone): counted per paper, every figure known', () => {
    const data = fixture();
    Object.assign(data.vaultLog![0], { paperNo: '1001（3袋）、2045（1袋）', paperName: '高等数学基础、管理学基础', quantity: 4 });
    data.vaultLog!.splice(1, 1);
    const model = modelOf(data);
    const s = summarizeSite(model, validateSite(model));
    expect(s.unread).toBeUndefined();
    expect(s.papers.map((p) => [p.paperNo, p.paperName, p.checkouts, p.returns, p.bagsOut])).toEqual([
      ['1001', '高等数学基础', 1, 1, 3],
      ['2045', '管理学基础', 1, 1, 1],
      ['3310', '中国现代文学', 1, 1, 2],
    ]);
    expect(summaryTable(s, 'zh').rows.map((r) => r.slice(11, 13))).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('出入库记录 B4 “1001 3袋、2045 1袋” (counts after the numbers, no brackets): counted per paper as well', () => {
    const data = fixture();
    Object.assign(data.vaultLog![0], { paperNo: '1001 3袋、2045 1袋', paperName: '高等数学基础、管理学基础', quantity: 4 });
    data.vaultLog!.splice(1, 1);
    const model = modelOf(data);
    const s = summarizeSite(model, validateSite(model));
    expect(s.unread).toBeUndefined();
    expect(s.papers.map((p) => [p.paperNo, p.checkouts, p.bagsOut])).toEqual([
      ['1001', 1, 3],
      ['2045', 1, 1],
      ['3310', 1, 2],
    ]);
  });

  it('出入库记录 B6 “3310（补考）”: 3310’s checkout, every figure known, as written “3310”', () => {
    const s = summaryWith(2, '3310（补考）');
    expect(s.unread).toBeUndefined();
    expect(s.papers.map((p) => [p.paperNo, p.checkouts, p.returns, p.bagsOut])).toEqual([
      ['1001', 1, 1, 3],
      ['2045', 1, 1, 1],
      ['3310', 1, 1, 2],
    ]);
  });
});
