/**
 * Review 21b D2: 使用说明 §2 promises that every figure of the summary made from a form that could not be read says
 * “附件N 未能读取” — never 0, 100 % or blank. For an unread 附件3, 站点汇总 said it at 出库次数 and 保管时长 only:
 * 归还次数, 未还, 移交送出, 值班覆盖时长, 覆盖率 and 缺口 were blank, and in print 出库次数's words ran on over 归还次数
 * (“附件3 | 未能读取”); 试卷明细's 归还次数, 移交送出 and 在库 were blank. Now every such cell says its form's words, wrapped
 * in its own cell (the row grown for them), for 考试安排, 附件2, 3, 4 and 5 alike; and 总览's 未还保密室（袋） of a run
 * whose only unit's 附件3 was not read says 附件3 未能读取, not 0.
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { validateSite } from '../../src/rules/engine';
import { linesOf, rowHeightFor, rowOf } from '../../src/summary/columns';
import { SITE_COLUMNS, paperRowsOf } from '../../src/summary/tables';
import { summaryTable } from '../../src/taskpane/summary-table';
import { consolidatedXlsx } from '../../src/io/xlsx/summary/consolidated';
import { consolidateModels } from '../../src/summary/consolidate';
import { columnIndex } from '../../src/summary/tables-site';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { bagsStillOutShown } from '../../src/summary/overview';
import type { SiteData } from '../../src/model/types';
import { fillWorkbook } from '../../src/cli/fill';
import { fixture } from '../helpers';
import { type Lost, lostBook } from './unread-books';

jest.setTimeout(120_000);

async function outcomeOf(lost: Lost) {
  const model = readWorkbook(await gridFromXlsxBuffer(await lostBook(lost)));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  return { s, model, outcome: { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null } };
}

/** 站点汇总's figures, by key, from 合计（袋） to 值班缺口 (raw: a reason's key where a figure is none). */
const FIGURES = ['bags', 'copies', 'candidates', 'checkouts', 'returns', 'bagsStillOut', 'bagsDispatched', 'rooms'];
const TIMES = ['custodyHours', 'coveredHours', 'coverage', 'gaps'];
const siteCells = (row: ReturnType<typeof rowOf>, keys: string[]) => keys.map((k) => row[SITE_COLUMNS.findIndex((c) => c.key === k)]);

describe('every figure made from a form not read says so, in 站点汇总, 试卷明细 and the pane’s table', () => {
  it('附件3: all eight of its figures in 站点汇总, 出库/归还/移交送出/未还/在库 in 试卷明细 and the 合计', async () => {
    const { s, outcome } = await outcomeOf('vaultLog');
    const row = rowOf(SITE_COLUMNS, outcome);
    // Were 'unreadLog', null, null, null (归还, 未还, 移交送出 blank) and 'unreadLog', null, null, null (覆盖 …).
    expect(siteCells(row, FIGURES)).toEqual([6, 115, 108, 'unreadLog', 'unreadLog', 'unreadLog', 'unreadLog', 4]);
    expect(siteCells(row, TIMES)).toEqual(['unreadLog', 'unreadLog', 'unreadLog', 'unreadLog']);
    // 试卷明细 (file, unit, then the paper columns): 出库, 归还, 移交送出; 下级送回 (附件2's) 0; 未还 and 在库.
    expect(paperRowsOf(outcome)[0].slice(13)).toEqual(['unreadLog', 'unreadLog', 'unreadLog', 0, '01、02', 57, 'unreadLog', 'unreadLog']);
    const W = '附件3 未能读取';
    const zh = summaryTable(s, 'zh');
    expect(zh.rows.map((r) => r.slice(11))).toEqual([
      [W, W, W, 0, '01、02', 57, W, W],
      [W, W, W, 0, '01', 31, W, W],
      [W, W, W, 0, '01', 20, W, W],
    ]);
    expect(zh.totals.slice(11)).toEqual([W, W, W, 0, '4 个\n考场次', 108, W, W]);
    expect(summaryTable(s, 'en').rows[0].slice(11)).toEqual([
      '附件3 not read',
      '附件3 not read',
      '附件3 not read',
      0,
      '01, 02',
      57,
      '附件3 not read',
      '附件3 not read',
    ]);
  });

  it('附件2: 合计（袋）, 份数 and 保管时长 … 缺口 in 站点汇总; every bag, 份数, 余量, 下级送回 and 在库 of each paper', async () => {
    const { s, outcome } = await outcomeOf('intake');
    const row = rowOf(SITE_COLUMNS, outcome);
    expect(siteCells(row, FIGURES)).toEqual(['unreadIntake', 'unreadIntake', 108, 3, 3, 0, 0, 4]);
    expect(siteCells(row, TIMES)).toEqual(['unreadIntake', 'unreadIntake', 'unreadIntake', 'unreadIntake']);
    const W = '附件2 未能读取';
    expect(summaryTable(s, 'zh').rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', W, W, W, W, W, W, 57, W, 1, 1, 0, W, '01、02', 57, 0, W]);
    expect(paperRowsOf(outcome)[0].slice(5)).toEqual(
      Array(6).fill('unreadIntake').concat([57, 'unreadIntake', 1, 1, 0, 'unreadIntake', '01、02', 57, 0, 'unreadIntake']),
    );
  });

  it('附件4: 考场次 in 站点汇总; 分发考场 and 分发份数 of the papers (both of them, was 分发份数 blank)', async () => {
    const { s, outcome } = await outcomeOf('distribution');
    const row = rowOf(SITE_COLUMNS, outcome);
    expect(siteCells(row, FIGURES)).toEqual([6, 115, 108, 3, 3, 0, 0, 'unreadRegister']);
    const W = '附件4 未能读取';
    expect(summaryTable(s, 'zh').rows[0].slice(15)).toEqual([W, W, 0, 3]);
    expect(summaryTable(s, 'zh').totals.slice(15)).toEqual([W, W, 0, 6]);
  });

  it('附件5: 值班覆盖时长, 覆盖率 and 缺口 (was 覆盖率 and 缺口 blank); the custody time as 附件2 and 3 say', async () => {
    const { outcome } = await outcomeOf('duty');
    const row = rowOf(SITE_COLUMNS, outcome);
    expect(siteCells(row, TIMES)).toEqual([expect.any(Number), 'unreadDuty', 'unreadDuty', 'unreadDuty']);
  });

  it('考试安排: 考生数 in 站点汇总; 首场开考, 考生数 and 余量 of each paper (was 余量 blank)', async () => {
    const { s, outcome } = await outcomeOf('schedule');
    expect(siteCells(rowOf(SITE_COLUMNS, outcome), FIGURES)).toEqual([6, 115, 'unreadSchedule', 3, 3, 0, 0, 4]);
    const W = '考试安排 未能读取';
    expect(summaryTable(s, 'zh').rows[0].slice(0, 11)).toEqual(['1001', '高等数学基础', W, 1, 1, 0, 1, 3, 62, W, W]);
  });
});

describe('the printed summary: each word in its own cell, wrapped, the row tall enough', () => {
  it('站点汇总 row 3 and 试卷明细 row 2 of a unit whose 附件3 was not read; 总览’s 未还保密室 says 附件3 未能读取, not 0', async () => {
    const { model } = await outcomeOf('vaultLog');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels([{ file: 'x.xlsx', model }]), { lang: 'zh' })) as unknown as ArrayBuffer);
    // On two lines, between its pieces, each column as wide as 未能读取 (review 22b D5: 附件3 未能读 / 取 in print).
    const W = '附件3\n未能读取';
    const sites = wb.getWorksheet('站点汇总')!;
    const keys = ['checkouts', 'returns', 'bagsStillOut', 'bagsDispatched', 'custodyHours', 'coveredHours', 'coverage', 'gaps'];
    const cells = keys.map((k) => sites.getRow(3).getCell(columnIndex(SITE_COLUMNS, k) + 1));
    // K L M N, R S T U: each says it (was K and R alone, L M N S T U empty), wrapped (was K's running on over L).
    expect(cells.map((c) => [c.address, c.value, c.alignment?.wrapText])).toEqual([
      ['K3', W, true],
      ['L3', W, true],
      ['M3', W, true],
      ['N3', W, true],
      ['R3', W, true],
      ['S3', W, true],
      ['T3', W, true],
      ['U3', W, true],
    ]);
    // Tall enough for the narrowest (出库次数, now 10 wide) to show it whole.
    expect(sites.getColumn(11).width).toBe(10);
    const need = rowHeightFor(linesOf(W, sites.getColumn(11).width!));
    expect(sites.getRow(3).height).toBeGreaterThanOrEqual(need);
    const papers = wb.getWorksheet('试卷明细')!;
    const header = (papers.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/\n/g, ''));
    const at = (h: string) => papers.getRow(2).getCell(header.indexOf(h));
    expect(['出库次数', '归还次数', '移交送出袋数', '下级送回袋数', '未还袋数', '在库袋数'].map((h) => [at(h).value, at(h).alignment?.wrapText])).toEqual([
      [W, true],
      [W, true],
      [W, true],
      [0, undefined],
      [W, true],
      [W, true],
    ]);
    const ov = wb.getWorksheet('总览')!;
    const figure = (label: string) => {
      let found: ExcelJS.Cell | undefined;
      ov.eachRow((r) => void (r.getCell(1).value === label && (found = r.getCell(2))));
      return found;
    };
    expect([figure('未还保密室（袋）')?.value, figure('未还保密室（袋）')?.alignment?.wrapText]).toEqual([W, true]);
  });
});

describe('总览’s 未还保密室（袋） of units some of whose 附件3 could not be read', () => {
  /** The totals of `books` (a lost form, or none: read as filled), each unit named, 河西考点's third checkout not returned (2 bags out). */
  async function totalsOf(books: Array<[Lost | null, string]>) {
    const t = emptyTotals(books.length);
    for (const [lost, name] of books) {
      const out = (data: SiteData) => void delete data.vaultLog![2].returnedAt;
      const read = async () => {
        const data = fixture('kaodian.json');
        data.site!.examSite = name;
        out(data);
        return Buffer.from(await fillWorkbook(data));
      };
      const book = lost ? await lostBook(lost, name, out) : await read();
      const model = readWorkbook(await gridFromXlsxBuffer(book));
      addUnitStock(t, unitStockOf(summarizeSite(model, validateSite(model), { file: `${name}.xlsx` })));
    }
    return t;
  }

  it('its only unit’s 附件3 not read: 附件3 未能读取 (was 0); one read with 2 bags out beside it: at least 2; none lost: 2', async () => {
    const one = await totalsOf([['vaultLog', '岳麓考点']]);
    expect([one.bagsStillOut, one.unreadLog, bagsStillOutShown(one, 'zh'), bagsStillOutShown(one, 'en')]).toEqual([
      0,
      ['岳麓考点'],
      '附件3 未能读取',
      '附件3 not read',
    ]);
    const two = await totalsOf([
      ['vaultLog', '岳麓考点'],
      [null, '河西考点'],
    ]);
    expect([two.bagsStillOut, two.unreadLog, bagsStillOutShown(two, 'zh'), bagsStillOutShown(two, 'en')]).toEqual([2, ['岳麓考点'], '至少 2', 'at least 2']);
    const read = await totalsOf([[null, '河西考点']]);
    expect([read.bagsStillOut, read.unreadLog, bagsStillOutShown(read, 'zh')]).toEqual([2, undefined, 2]);
  });
});
