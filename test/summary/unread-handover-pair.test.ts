/**
 * Review 21 D4: a handover sheet whose 交接明细 could not be read (its header row lost: required-field at A2) had its
 * items and its 合计 — the table's last row, not found with it — judged empty across workbooks: handover-copies-disagree
 * told both units their copies differ (合计 “（空）” against 6, each item row “（无此行）”), 交接配对 said 不一致 and
 * showed the receiver's 合计（照填） blank. Now its items and 合计 are not read, left out of the comparison (as a
 * formula saved without its value: model/copy-unknowns.ts), and 交接配对 says so.
 */
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { PAIR_COLUMNS, describePair } from '../../src/summary/tables';
import { rowOf, show } from '../../src/summary/columns';
import { fillWorkbook } from '../../src/cli/fill';
import { fixture } from '../helpers';
import { lostBook } from './unread-books';

jest.setTimeout(60_000);

async function consolidated() {
  const lost = readWorkbook(await gridFromXlsxBuffer(await lostBook('handover')));
  const branch = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await fillWorkbook(fixture('fenxiao.json')))));
  return consolidateModels([
    { file: 'fenxiao.xlsx', model: branch },
    { file: 'kaodian.xlsx', model: lost },
  ]);
}

describe('a handover whose 交接明细 could not be read, paired with the other unit’s copy', () => {
  it('no handover-copies-disagree on either side (were 4 each: 合计 “（空）”, 交接明细第 1–3 行 “（无此行）”); required-field stays', async () => {
    const c = await consolidated();
    expect(c.files.map((f) => [f.file, f.findings.map((x) => [x.rule, x.sheet, x.cell])])).toEqual([
      ['fenxiao.xlsx', []],
      ['kaodian.xlsx', [['required-field', '交接单', 'A2']]],
    ]);
  });

  it('交接配对: 长沙分校 → 岳麓考点 not 不一致; the receiver’s 合计 附件1 未能读取, not blank; 差异 says what was not checked', async () => {
    const c = await consolidated();
    const pair = c.pairs.find((p) => p.to === '岳麓考点')!;
    expect([pair.status, pair.differences, pair.sender?.itemsUnread, pair.receiver?.itemsUnread, pair.sender?.total, pair.receiver?.total]).toEqual([
      'matched',
      [],
      undefined,
      true,
      6,
      null,
    ]);
    const raw = rowOf(PAIR_COLUMNS, pair, 'zh');
    const shown = (key: string, lang: 'zh' | 'en') => {
      const i = PAIR_COLUMNS.findIndex((col) => col.key === key);
      return show(PAIR_COLUMNS[i], raw[i], { lang, ruleTitle: (id) => id });
    };
    expect([shown('senderTotal', 'zh'), shown('receiverTotal', 'zh'), shown('receiverTotal', 'en')]).toEqual([6, '附件1 未能读取', '附件1 not read']);
    expect(describePair(pair, 'zh')).toBe('其余各栏一致；接收方副本的交接明细未能读取，明细和合计没有核对');
    expect(describePair(pair, 'en')).toBe('The other fields agree; the receiver’s copy’s items could not be read: items and total not checked');
    // The other pairs as before: the one to 天心考点, whose workbook is not in the run, and the 分校's own from the 省校.
    expect(c.pairs.filter((p) => p !== pair).map((p) => [p.from, p.to, p.status])).toEqual([
      ['长沙分校', '天心考点', 'sender-only'],
      ['湖南分部', '长沙分校', 'receiver-only'],
    ]);
  });
});
