/**
 * Round 24: a 试卷号 cell holding two papers parted by a space or a line break (“1001 2045”, “1001↵2045”) was read as
 * one paper 10012045 (the reader drops a code's white space): unknown-paper “试卷号“10012045”既不在入库清单上…”, and the
 * summary listed a paper 10012045 that does not exist. Where every part is a paper the workbook's 考试安排 knows, it is
 * those papers, as “1001、2045” is (several on one row); otherwise it is said at its cell (spaced), read as no paper.
 * 岳麓考点 (test/fixtures/kaodian.json): 考试安排 1001, 2045, 3310; the vault log's row 1 is 1001, 3 袋 (出入库记录 row 4).
 */
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { papersApart } from '../../src/model/paper-rows';
import { itemPapers } from '../../src/model/item-papers';
import { summarizeSite } from '../../src/summary/site';
import { base, gridFromDrafts, typeInto } from './tester';

const tuple = (f: Finding) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message];

function read(retype: (g: WorkbookGrid) => void) {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  retype(grid);
  return readWorkbook(grid);
}

const SEVERAL_VAULT =
  '这一行写了 2 个试卷号“1001、2045”，2 种试卷登记在同一行，分不清各是几袋（份），这一行的出库时间（是否在开考前 1 小时内、是否在入库之后）、出库袋数（是否超过入库）和归还时间都无法按试卷核对，汇总也算不出这几种试卷各出库了多少。请分成 2 行，每行写一个试卷号和它自己的数量。';

describe('papers parted by a space or a line break in a 试卷号 cell', () => {
  it('“1001 2045”, both on 考试安排: the papers 1001 and 2045 on one row, as “1001、2045” is', () => {
    const model = read((g) => typeInto(g, '出入库记录', 'B4', '1001 2045'));
    expect(model.data.vaultLog![0]).toMatchObject({ paperNo: '1001、2045', quantity: 3 });
    expect(model.codeSpaced).toEqual([{ path: 'vaultLog[0].paperNo', typed: '1001 2045', papers: ['1001', '2045'], lineBreak: false }]);
    expect(validateSite(model).map(tuple)).toEqual([['unknown-paper', 'several', 'error', 3, '出入库记录', 'B4', 1, SEVERAL_VAULT]]);
    const typedSo = read((g) => typeInto(g, '出入库记录', 'B4', '1001、2045'));
    expect(validateSite(typedSo).map(tuple)).toEqual(validateSite(model).map(tuple));
  });

  it('“1001↵2045” (a line break in the cell), a full-width space, a tab: the same two papers', () => {
    for (const typed of ['1001\n2045', '1001\r\n2045', '１００１\u3000２０４５', '1001\t2045']) {
      const model = read((g) => typeInto(g, '出入库记录', 'B4', typed));
      expect(model.data.vaultLog![0].paperNo).toBe('1001、2045');
      expect(validateSite(model).map(tuple)).toEqual([['unknown-paper', 'several', 'error', 3, '出入库记录', 'B4', 1, SEVERAL_VAULT]]);
    }
  });

  it('each paper’s count beside it (“1001（2袋） 2045（1袋）”, 数量 3): read apart as two records, as with 、', () => {
    const model = read((g) => {
      typeInto(g, '出入库记录', 'B4', '1001（2袋） 2045（1袋）');
      typeInto(g, '出入库记录', 'C4', '高等数学基础、管理学基础');
    });
    expect(model.data.vaultLog![0].paperNo).toBe('1001(2袋)、2045(1袋)');
    expect(papersApart(model).added).toEqual(new Set(['vaultLog[3]']));
    // Checked paper by paper: 2045's bag out at 07:45 with 1001's, for its 10:30 session; and with row 2's, 2 of its 1 bag.
    expect(validateSite(model).map((f) => [f.rule, messageIdOf(f), f.cell])).toEqual([
      ['unknown-paper', 'severalApart', 'B4'],
      ['checkout-window', 'later', 'F4'],
      ['overdraw', 'over', 'D5'],
    ]);
  });

  it('“1001 9999” (9999 on no 考试安排): said at its cell, never the paper 10019999, not a paper of the summary', () => {
    const model = read((g) => typeInto(g, '出入库记录', 'B4', '1001 9999'));
    expect(validateSite(model).map(tuple)).toEqual([
      [
        'unknown-paper',
        'spaced',
        'error',
        3,
        '出入库记录',
        'B4',
        1,
        '“试卷号”写的是“1001 9999”：2 个数之间隔着空格，其中 9999 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了空格（本工具没有把它读成试卷号 10019999，也没有按这几个数核对这一行）。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去空格，照考试安排写。',
      ],
    ]);
    const summary = summarizeSite(model, validateSite(model));
    expect(summary.papers.map((p) => p.paperNo)).toEqual(['1001', '2045', '3310']);
    expect(summary.unread).toEqual([{ form: 'vaultLog', sheet: '出入库记录', cell: 'B4', several: '1001、9999' }]);
  });

  it('“1001（2袋） 9999（1袋）”: not read apart into papers 1001 and 9999 — said at its cell only', () => {
    const model = read((g) => {
      typeInto(g, '出入库记录', 'B4', '1001（2袋） 9999（1袋）');
      typeInto(g, '出入库记录', 'C4', '高等数学基础、管理学基础');
    });
    expect(papersApart(model).added.size).toBe(0);
    expect(validateSite(model).map((f) => [f.rule, messageIdOf(f), f.cell, f.message])).toEqual([
      [
        'unknown-paper',
        'spaced',
        'B4',
        '“试卷号”写的是“1001（2袋） 9999（1袋）”：2 个数之间隔着空格，其中 9999 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了空格（本工具没有把它读成试卷号 10019999，也没有按这几个数核对这一行）。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去空格，照考试安排写。',
      ],
    ]);
  });

  it('a line break, two numbers on no 考试安排, in English', () => {
    const model = read((g) => typeInto(g, '分发登记1', 'B6', '8888\n9999'));
    expect(validateSite(model).map(tuple)).toEqual([
      [
        'unknown-paper',
        'spaced',
        'error',
        4,
        '分发登记1',
        'B6',
        1,
        '“试卷号”写的是“8888 9999”：2 个数之间换了行，其中 8888、9999 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了换行（本工具没有把它读成试卷号 88889999，也没有按这几个数核对这一行）。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去换行，照考试安排写。',
      ],
    ]);
    expect(validateSite(model, { lang: 'en' }).map((f) => [f.cell, f.message])).toEqual([
      [
        'B6',
        'The 试卷号 cell reads "8888 9999": 2 numbers parted by a line break, and 8888、9999 is not on the exam schedule (考试安排), so it cannot be told whether these are 2 papers or one paper number with a line break typed into it (the row was not checked as paper 88889999, nor as these numbers). If they are 2 papers, write them as 2 rows, each with one paper number and its own quantity; if it is one paper number, delete the line break and write it as the schedule does.',
      ],
    ]);
  });

  it('no 考试安排 in the workbook: said so, the numbers not checked', () => {
    const grid = gridFromDrafts(draftWorkbook({ ...base('kaodian'), schedule: [] }));
    typeInto(grid, '出入库记录', 'B4', '1001 2045');
    const model = readWorkbook(grid);
    expect(model.data.schedule ?? []).toEqual([]);
    expect(
      validateSite(model)
        .filter((f) => f.rule === 'unknown-paper')
        .map(tuple),
    ).toEqual([
      [
        'unknown-paper',
        'spacedNoSchedule',
        'error',
        3,
        '出入库记录',
        'B4',
        1,
        '“试卷号”写的是“1001 2045”：2 个数之间隔着空格，本工作簿没有考试安排，无法核对它们是不是试卷号，看不出这是 2 种试卷，还是一个试卷号中间多了空格（本工具没有把它读成试卷号 10012045，也没有按这几个数核对这一行）。请补上考试安排，并核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去空格。',
      ],
    ]);
  });

  it('on 附件2 and 附件4: the papers where 考试安排 knows them, said at the cell where not', () => {
    const intake = read((g) => typeInto(g, '入库清单', 'B4', '1001 2045'));
    expect(intake.data.intake).toMatchObject({ items: [{ paperNo: '1001、2045' }, {}, {}] });
    expect(validateSite(intake).map((f) => [f.rule, messageIdOf(f), f.form, f.sheet, f.cell])).toEqual([['unknown-paper', 'several', 2, '入库清单', 'B4']]);
    const handout = read((g) => typeInto(g, '分发登记1', 'B6', '1001 3310'));
    expect(handout.data.distributions![0].rows![0].paperNo).toBe('1001、3310');
    expect(validateSite(handout).map((f) => [f.rule, messageIdOf(f), f.form, f.sheet, f.cell])).toEqual([['unknown-paper', 'several', 4, '分发登记1', 'B6']]);
    const unknown = read((g) => typeInto(g, '入库清单', 'B4', '1001 9999'));
    expect(validateSite(unknown).map((f) => [f.rule, messageIdOf(f), f.form, f.sheet, f.cell, f.row])).toEqual([
      ['unknown-paper', 'spaced', 2, '入库清单', 'B4', 1],
    ]);
  });

  it('a handover item’s own 试卷号 column (附件1): “1001 2045” names the two papers, “1001 9999” is said at its cell', () => {
    const withColumn = (typed: string) =>
      read((g) => {
        typeInto(g, '交接单', 'G7', '试卷号');
        typeInto(g, '交接单', 'G8', typed);
      });
    const known = withColumn('1001 2045');
    expect(known.data.handovers![0].items![0]).toMatchObject({ paperNo: '1001、2045', quantity: 3 });
    expect(itemPapers(known.data.handovers![0].items!.slice(0, 1))![0]).toEqual([{ code: '1001+2045', shown: '1001、2045', count: 3, at: 'paperNo' }]);
    expect(validateSite(known).map(tuple)).toEqual([]);
    const unknown = withColumn('1001 9999');
    expect(validateSite(unknown).map((f) => [f.rule, messageIdOf(f), f.form, f.sheet, f.cell, f.row])).toEqual([
      ['unknown-paper', 'spaced', 1, '交接单', 'G8', 1],
    ]);
  });

  it('as before: “1001 3” a stray, “1001、 9999” two papers with 9999 unknown; 考试安排’s own cell not split (round 25: no paper)', () => {
    expect(read((g) => typeInto(g, '出入库记录', 'B4', '1001 3')).codeSpaced).toBeUndefined();
    const listed = read((g) => typeInto(g, '出入库记录', 'B4', '1001、 9999'));
    expect(listed.codeSpaced).toBeUndefined();
    expect(validateSite(listed).map((f) => [f.rule, messageIdOf(f), f.cell, f.message])).toEqual([
      ['unknown-paper', 'unknown', 'B4', '试卷号“9999”既不在入库清单上，也不在考试安排里。出库或分发的试卷须是本单位入库的试卷，请核对试卷号（是否写错）。'],
    ]);
    const schedule = read((g) => typeInto(g, '考试安排', 'B4', '2045 3310'));
    expect(schedule.codeSpaced).toEqual([{ path: 'schedule[1].paperNo', typed: '2045 3310', papers: ['2045', '3310'], lineBreak: false }]);
    expect(schedule.data.schedule![1].paperNo).toBe('');
  });
});
