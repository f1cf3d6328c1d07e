/**
 * Round 25: paper codes as people type them, read one way by every check.
 * 岳麓考点 (test/fixtures/kaodian.json): 考试安排 1001 高等数学基础 (06-15 08:30), 2045 管理学基础 (06-15 10:30), 3310
 * 中国现代文学 (06-16 08:30); 交接单 (06-14 09:30) 1001 3 袋, 2045 1 袋 and a third row of 2 袋 with no 备注; 入库清单 1001
 * 3 袋, 2045 1 袋, 3310 2 袋; the vault log's rows 1001 3 袋, 2045 1 袋, 3310 2 袋 (出入库记录 rows 4–6).
 */
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { itemPapers } from '../../src/model/item-papers';
import { summarizeSite } from '../../src/summary/site';
import { base, firstDeliveryAt, gridFromDrafts, modelOf, typeInto } from './tester';

const tuple = (f: Finding) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message];

function read(retype: (g: WorkbookGrid) => void) {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  retype(grid);
  return readWorkbook(grid);
}

describe('考试安排’s own 试卷号 cell writing two codes (“2045 3310”)', () => {
  const SAID =
    '考试安排的“试卷号”写的是“2045 3310”：2 个数之间隔着空格。考试安排是其他各表核对试卷的依据，每行只写一场考试的一个试卷号；看不出这是 2 种试卷，还是一个试卷号中间多了空格，本工具没有把这一行当作哪一种试卷（没有读成试卷号 20453310，也没有读成 2045、3310），其他各表上的这几个试卷号都不按这一行核对。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的试卷名称、开考和结束时间、报考人数；若是一个试卷号，请删去空格。';

  it('is no paper: said at its cell (zh, en), never the paper 20453310, not asked for as left empty', () => {
    const model = read((g) => typeInto(g, '考试安排', 'B4', '2045 3310'));
    expect(model.data.schedule![1]).toEqual({ paperNo: '', paperName: '管理学基础', start: '2024-06-15T10:30', end: '2024-06-15T12:00', candidates: 31 });
    expect(validateSite(model).map(tuple)).toEqual([['unknown-paper', 'spacedSchedule', 'error', 0, '考试安排', 'B4', 2, SAID]]);
    expect(validateSite(model, { lang: 'en' }).map((f) => [f.cell, f.message])).toEqual([
      [
        'B4',
        'The 试卷号 cell of the exam schedule (考试安排) reads "2045 3310": 2 numbers parted by a space. The schedule is what every other form is checked against, one session of one paper a row; it cannot be told whether these are 2 papers or one paper number with a space typed into it, so the row was taken as no paper (neither paper 20453310 nor 2045 and 3310), and no other form is checked against it. If they are 2 papers, write them as 2 rows, each with one paper number and its own paper name, start and end times and candidates; if it is one paper number, delete the space.',
      ],
    ]);
    // The summary lists no paper 20453310 (its candidates were 31 of a paper that does not exist).
    expect(summarizeSite(model, validateSite(model)).papers.map((p) => p.paperNo)).toEqual(['1001', '3310', '2045']);
  });

  it('a line break: said as one; the vault log’s “2045 3310” is then not read as papers 考试安排 does not give', () => {
    const model = read((g) => {
      typeInto(g, '考试安排', 'B4', '2045\n3310');
      typeInto(g, '出入库记录', 'B5', '2045 3310');
    });
    expect(validateSite(model).map(tuple)).toEqual([
      ['unknown-paper', 'spacedSchedule', 'error', 0, '考试安排', 'B4', 2, SAID.replace('隔着空格', '换了行').replace(/空格/g, '换行')],
      [
        'unknown-paper',
        'spaced',
        'error',
        3,
        '出入库记录',
        'B5',
        2,
        '“试卷号”写的是“2045 3310”：2 个数之间隔着空格，其中 2045 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了空格（本工具没有把它读成试卷号 20453310，也没有按这几个数核对这一行）。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去空格，照考试安排写。',
      ],
    ]);
  });
});

describe('several papers on one row with 数量 “2、1”: one count per paper', () => {
  // fix-counts26: the row's one 试卷名称 (高等数学基础) no longer keeps it from being read apart: each paper is checked,
  // 2045 as taken out at 07:45 with 1001 (test/rules/counts26.test.ts says the findings in full).
  it('附件3 “1001、2045” with 数量 “2、1”: no invalid-count (the row is unknown-paper’s, its papers checked apart)', () => {
    const model = read((g) => {
      typeInto(g, '出入库记录', 'B4', '1001、2045');
      typeInto(g, '出入库记录', 'D4', '2、1');
    });
    expect(validateSite(model).map((f) => [f.rule, messageIdOf(f), f.cell])).toEqual([
      ['unknown-paper', 'severalApart', 'B4'],
      ['checkout-window', 'later', 'F4'],
      ['overdraw', 'over', 'D5'],
    ]);
  });

  it('附件4 “1001、2045” with 试卷份数 “30、27”: the same', () => {
    const model = read((g) => {
      typeInto(g, '分发登记1', 'B6', '1001、2045');
      typeInto(g, '分发登记1', 'D6', '30、27');
    });
    expect(validateSite(model).map((f) => [f.rule, messageIdOf(f), f.cell])).toEqual([
      ['unknown-paper', 'severalApart', 'B6'],
      // 2045 sits 10:30—12:00, not in 分发登记1's 08:30—10:00 session.
      ['register-session', 'row', 'B6'],
      ['distribution-outside-custody', 'before', 'F6'],
      ['handed-out-beyond-checkout', 'over', 'D6'],
    ]);
  });

  it('附件1 “1001 2045” with 数量 “2、1”: each paper its count (1001 2 袋, 2045 1 袋), as inventory-mismatch compares them', () => {
    const model = read((g) => {
      typeInto(g, '交接单', 'G7', '试卷号');
      typeInto(g, '交接单', 'G8', '1001 2045');
      typeInto(g, '交接单', 'D8', '2、1');
      typeInto(g, '交接单', 'E10', '3310 中国现代文学');
    });
    expect(itemPapers(model.data.handovers![0].items!)).toEqual([
      [
        { code: '1001', shown: '1001', count: 2, at: 'paperNo', countsAt: 'quantity' },
        { code: '2045', shown: '2045', count: 1, at: 'paperNo', countsAt: 'quantity' },
      ],
      [{ code: '2045', shown: '2045', count: 1, at: 'note' }],
      [{ code: '3310', shown: '3310', count: 2, at: 'note' }],
    ]);
    expect(validateSite(model).map(tuple)).toEqual([
      [
        'inventory-mismatch',
        'papers',
        'error',
        2,
        '入库清单',
        'H4',
        1,
        '按试卷核对，入库清单与交接单上接收到的袋数不符：1001 入库 3 袋、接收 2 袋；2045 入库 1 袋、接收 2 袋（总数都是 6 袋）。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对交接单和入库清单。',
      ],
    ]);
  });

  it('counts that do not pair with the papers are said so, plainly (zh, en)', () => {
    const three = read((g) => {
      typeInto(g, '出入库记录', 'B4', '1001、2045、3310');
      typeInto(g, '出入库记录', 'D4', '2、1');
    });
    expect(validateSite(three).map((f) => [f.rule, messageIdOf(f), f.cell])).toEqual([
      ['unknown-paper', 'several', 'B4'],
      ['invalid-count', 'countsPapers', 'D4'],
    ]);
    expect(validateSite(three, { lang: 'en' })[1].message).toBe(
      '"数量" reads "2、1", 2 counts, but the row writes 3 papers ("1001、2045、3310"): the counts do not match the papers, and which count is whose cannot be told, so the row’s count is not checked. Check the papers and write one paper a row, each with its paper number and its own count.',
    );
    const one = read((g) => typeInto(g, '出入库记录', 'D4', '2、1'));
    expect(validateSite(one).map(tuple)).toEqual([
      [
        'invalid-count',
        'countsPapers',
        'error',
        3,
        '出入库记录',
        'D4',
        1,
        '“数量”写的是“2、1”，是 2 个数量，但这一行写的是 1 个试卷号（“1001”）：数量和试卷对不上，看不出哪个数量是哪种试卷的，这一行的数量无法核对。请核对实物，每种试卷写一行，每行写一个试卷号和它自己的数量。',
      ],
    ]);
    const item = read((g) => {
      typeInto(g, '交接单', 'E8', '1001、2045');
      typeInto(g, '交接单', 'D8', '2、1、1');
    });
    expect(validateSite(item).map(tuple)).toEqual([
      [
        'invalid-count',
        'countsPapers',
        'error',
        1,
        '交接单',
        'D8',
        1,
        '“数量”写的是“2、1、1”，是 3 个数量，但这一行写的是 2 个试卷号（“1001、2045”）：数量和试卷对不上，看不出哪个数量是哪种试卷的，这一行的数量无法核对。请核对实物，每种试卷写一行，每行写一个试卷号和它自己的数量。',
      ],
      // The 合计 over it is unchecked, said as such (not as a cell “读不出一个数”); over “2、1” that pairs, it is their sum.
      [
        'column-total',
        'unreadCounts',
        'error',
        1,
        '交接单',
        'D17',
        null,
        '“合计”写的是 6，但它合计的行中，序号 1 的“数量”写的是“2、1、1”，是几种试卷各自的数量，却和这一行写的试卷对不上，看不出这一行共多少，这一合计无从核对。请先把序号 1 按每种试卷一行改写，再核对这一合计。',
      ],
    ]);
  });
});

describe('inventory-mismatch and a handover 试卷号 cell its workbook reads as no paper', () => {
  /** 交接单 row 3 (2 袋) given a 试卷号 column (G7) writing `third`; the intake list's 3310 made 3 bags (7 in all). */
  const model = (third: string) =>
    read((g) => {
      typeInto(g, '交接单', 'G7', '试卷号');
      typeInto(g, '交接单', 'G10', third);
      for (const [cell, bags] of [
        ['F6', 3],
        ['H6', 3],
        ['F14', 3],
        ['H14', 7],
      ] as const)
        typeInto(g, '入库清单', cell, bags);
    });

  it('“3310（1袋） 9999（1袋）” (9999 on no 考试安排): the totals alone, never 3310 1 袋 and 9999 1 袋 received', () => {
    expect(validateSite(model('3310（1袋） 9999（1袋）')).map(tuple)).toEqual([
      [
        'unknown-paper',
        'spaced',
        'error',
        1,
        '交接单',
        'G10',
        3,
        '“试卷号”写的是“3310（1袋） 9999（1袋）”：2 个数之间隔着空格，其中 9999 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了空格（本工具没有把它读成试卷号 33109999，也没有按这几个数核对这一行）。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去空格，照考试安排写。',
      ],
      [
        'inventory-mismatch',
        'bags',
        'error',
        2,
        '入库清单',
        'H14',
        null,
        '入库清单共 7 袋，但交接单上接收到的是 6 袋。入库清点的袋数须与交接接收的袋数一致，请重新清点并核对两张表。',
      ],
    ]);
  });

  it('“3310（1袋） 2045（1袋）” (both on 考试安排): read apart, paper by paper, as before', () => {
    expect(validateSite(model('3310（1袋） 2045（1袋）')).map(tuple)).toEqual([
      [
        'inventory-mismatch',
        'bagsPapers',
        'error',
        2,
        '入库清单',
        'H14',
        null,
        '入库清单共 7 袋，但交接单上接收到的是 6 袋；按试卷核对：2045 入库 1 袋、接收 2 袋；3310 入库 3 袋、接收 1 袋。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对两张表。',
      ],
    ]);
  });
});

describe('arrival-too-early: a paper name the schedule gives two 试卷号', () => {
  /** 3310’s row of 考试安排 named 管理学基础 too (2045 06-15 10:30, 3310 06-16 08:30); the items name 管理学基础 alone, handed over 06-12 09:30. */
  function twoCodesOneName(note = '管理学基础') {
    const d = base('kaodian');
    d.schedule![2].paperName = '管理学基础';
    firstDeliveryAt(d, '2024-06-12T09:30', '2024-06-12T10:10');
    for (const it of d.handovers![0].items!) it.note = note;
    return modelOf(d);
  }
  const arrival = () => (f: Finding) => f.rule === 'arrival-too-early';

  it('judged by the earliest session of either code (2045’s, 06-15 10:30), the message naming the name, its codes and which decided', () => {
    const model = twoCodesOneName();
    expect(validateSite(model).filter(arrival()).map(tuple)).toEqual([
      [
        'arrival-too-early',
        'handoverName',
        'error',
        1,
        '交接单',
        'C3',
        null,
        '试卷 6月12日 09:30 交接到岳麓考点，比最早一场考试（6月15日 10:30）早了 3天1小时：交接明细写的“管理学基础”在考试安排上有 2 个试卷号（2045、3310），按其中最早开考的 2045 计。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期（交接明细写上试卷号，就按那个试卷号的考试计）。',
      ],
    ]);
    expect(
      validateSite(model, { lang: 'en' })
        .filter(arrival())
        .map((f) => f.message),
    ).toEqual([
      'Papers were handed over to 岳麓考点 at Jun 12 09:30, 3 days 1 h before the first session (Jun 15 10:30): the items name "管理学基础", which the exam schedule (考试安排) gives 2 paper numbers (2045, 3310), judged by the first of them to start, 2045. Papers may reach a branch school (分校) or an exam site (考点) at most 2 days before the exam; a special case is reported to the provincial school a month ahead, otherwise check the date (with the paper number written on the item, it is judged by that paper’s session).',
    ]);
  });

  it('a 试卷号 written on the items decides, as before (3310: 06-16 08:30), said as any other arrival', () => {
    expect(
      validateSite(twoCodesOneName('3310 管理学基础'))
        .filter(arrival())
        .map((f) => [messageIdOf(f), f.cell, f.message]),
    ).toEqual([
      [
        'handover',
        'C3',
        '试卷 6月12日 09:30 交接到岳麓考点，比最早一场考试（6月16日 08:30）早了 3天23小时。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期。',
      ],
    ]);
  });
});
