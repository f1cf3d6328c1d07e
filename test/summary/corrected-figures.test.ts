/**
 * Review 25a D1: a count corrected in brackets (“2（实为3）”, model/text.ts countCorrection) — which validate says it
 * cannot tell, 2 or 3 — was added as 0: 附件2 3310 0 袋 and 余量 −20, 附件4 1001 分发份数 27 for 57, 附件3 出库袋数 0,
 * 交接配对 明细之和 4 for 6. Now its figures are unknown with their cell, as a cell showing #N/A leaves them (its cause
 * `corrected`: 附件2 数字有更正), the other papers' as read; a handover's copies compared as written, the correction quoted.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { consolidateModels } from '../../src/summary/consolidate';
import { type Column, rowOf, show } from '../../src/summary/columns';
import { PAIR_COLUMNS, SITE_COLUMNS, describePair } from '../../src/summary/tables';
import { HANDOVER_COLUMNS } from '../../src/summary/tables-site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

/** 岳麓考点's workbook (kaodian.json) with `cell` of `sheet` written `text` (none: as filled). */
async function kaodian(sheet?: string, cell?: string, text?: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  if (sheet) wb.getWorksheet(sheet)!.getCell(cell!).value = text!;
  return readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
}

async function summaryWith(sheet?: string, cell?: string, text?: string) {
  const model = await kaodian(sheet, cell, text);
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  return { s, model, findings, outcome: { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null } };
}

/** A column's value of `x` as its cell shows it in `lang`. */
function shown<T>(columns: ReadonlyArray<Column<T>>, key: string, x: T, lang: 'zh' | 'en'): unknown {
  const i = columns.findIndex((c) => c.key === key);
  return show(columns[i], rowOf(columns, x, lang)[i], { lang, ruleTitle: (id) => id });
}

/** The paper rows of the workbook as filled: each row not named below stays this. */
const AS_READ = [
  ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '01、02', 57, 0, 3],
  ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, 31, 0, 1, 1, 0, 0, '01', 31, 0, 1],
  ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2, 1, 1, 0, 0, '01', 20, 0, 2],
];
const TOTALS = ['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, 108, 7, 3, 3, 0, 0, '4 个\n考场次', 108, 0, 6];
/** The pane's facts after the line of the corrected cell, as filled but for the errors. */
const facts = (errors: number) => [
  ['接收交接单', 1],
  ['移交交接单', 0],
  ['保管期', '2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）'],
  ['值班覆盖', '100%（45小时40分）'],
  ['值班空档', '无'],
  ['未归还', '无'],
  ['错误', errors],
  ['警告', 0],
];
/** `row` with the cells at `at` saying `word`. */
const saying = (row: readonly unknown[], at: readonly number[], word: string) => row.map((x, i) => (at.includes(i) ? word : x));

describe('a count corrected in brackets: its figures unknown at its cell, not 0 (review 25a D1)', () => {
  it('the workbook as filled: nothing unknown', async () => {
    const { s } = await summaryWith();
    expect([s.unread, summaryTable(s, 'zh').rows, summaryTable(s, 'zh').totals]).toEqual([undefined, AS_READ, TOTALS]);
  });

  it('入库清单 F6 “2（实为3）” (3310’s 11份装): 3310’s bags, copies, spare, 在库 unknown (were 0 袋, 0 份, 余量 −20), the others as read', async () => {
    const { s, findings, outcome } = await summaryWith('入库清单', 'F6', '2（实为3）');
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      // One fact, one finding (review 25a D4): the 合计 over it is not checked, invalid-count says so.
      ['invalid-count', '入库清单', 'F6'],
    ]);
    const figures = ['bags11', 'totalBags', 'copies', 'spareCopies', 'bagsInVault'];
    expect(s.unread).toEqual([{ form: 'intake', sheet: '入库清单', cell: 'F6', corrected: '2（实为3）', paper: '3310', figures }]);
    expect(s.papers.map((p) => p.unknown)).toEqual([undefined, undefined, Object.fromEntries(figures.map((f) => [f, { form: 'intake', cause: 'corrected' }]))]);
    const C = '附件2 数字有更正';
    const zh = summaryTable(s, 'zh');
    expect(zh.rows).toEqual([AS_READ[0], AS_READ[1], saying(AS_READ[2], [5, 7, 8, 10, 18], C)]);
    expect(zh.totals).toEqual(saying(TOTALS, [5, 7, 8, 10, 18], C));
    const line =
      '附件2 入库清单有数字写了更正（工作表“入库清单”F6 写的是“2（实为3）”，即试卷 3310 的11份装袋数、袋数合计、份数、余量和在库袋数），看不出是哪个数，这些数字及其合计无从计算；其他试卷各自的数字照填写计算';
    expect(zh.facts).toEqual([['数字有更正', line], ...facts(1)]);
    expect(summaryTable(s, 'en').facts[0]).toEqual([
      'Count amended',
      'A count of the intake list (附件2) is corrected beside it (入库清单!F6 reads "2（实为3）", paper 3310’s 11s, bags, copies, spare and bags in the vault): which one holds cannot be told, so those figures and their totals are unknown; the other papers’ own figures are as written',
    ]);
    // 站点汇总's row: its bags and copies unknown (were 4 and 93), its candidates as read; the 说明 the line.
    expect(rowOf(SITE_COLUMNS, outcome)).toEqual([
      '长沙分校',
      '岳麓考点',
      '考点',
      'fix',
      1,
      0,
      3,
      'correctedIntake',
      'correctedIntake',
      108,
      3,
      3,
      0,
      0,
      4,
      1,
      0,
      45.67,
      45.67,
      1,
      0,
      line,
      'x.xlsx',
    ]);
  });

  it('出入库记录 D6 “2（实为3）” (3310 taken out): 3310’s 未还 and 在库 unknown, the others as read', async () => {
    const { s, findings } = await summaryWith('出入库记录', 'D6', '2（实为3）');
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['invalid-count', '出入库记录', 'D6']]);
    expect(s.unread).toEqual([
      { form: 'vaultLog', sheet: '出入库记录', cell: 'D6', corrected: '2（实为3）', paper: '3310', figures: ['bagsStillOut', 'bagsInVault'] },
    ]);
    const C = '附件3 数字有更正';
    const zh = summaryTable(s, 'zh');
    expect(zh.rows).toEqual([AS_READ[0], AS_READ[1], saying(AS_READ[2], [17, 18], C)]);
    expect(zh.totals).toEqual(saying(TOTALS, [17, 18], C));
    expect(zh.facts).toEqual([
      [
        '数字有更正',
        '附件3 出入库记录有数字写了更正（工作表“出入库记录”D6 写的是“2（实为3）”，即试卷 3310 的未还袋数和在库袋数），看不出是哪个数，这些数字及其合计无从计算；其他试卷各自的数字照填写计算',
      ],
      ...facts(1),
    ]);
  });

  it('分发登记1 D6 “31（实为30）” (1001 to room 01): 1001’s 分发考场 and 份数 unknown (was 27 for 57), the others as read', async () => {
    const { s, findings } = await summaryWith('分发登记1', 'D6', '31（实为30）');
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['invalid-count', '分发登记1', 'D6']]);
    expect(s.unread).toEqual([
      { form: 'distribution', sheet: '分发登记1', cell: 'D6', corrected: '31（实为30）', paper: '1001', figures: ['rooms', 'copiesDistributed'] },
    ]);
    const C = '附件4 数字有更正';
    const zh = summaryTable(s, 'zh');
    expect(zh.rows).toEqual([saying(AS_READ[0], [15, 16], C), AS_READ[1], AS_READ[2]]);
    expect(zh.totals).toEqual(saying(TOTALS, [15, 16], C));
    expect(zh.facts[0]).toEqual([
      '数字有更正',
      '附件4 分发登记表有数字写了更正（工作表“分发登记1”D6 写的是“31（实为30）”，即试卷 1001 的分发考场和分发份数），看不出是哪个数，这些数字及其合计无从计算；其他试卷各自的数字照填写计算',
    ]);
  });

  it('交接单 D10 “2（实为3）”: 明细之和 unknown (was 4 of 3、1、2（实为3）), 交接配对 quotes the row, not 明细之和 6 against 4', async () => {
    const branch = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await fillWorkbook(fixture('fenxiao.json')))));
    const c = consolidateModels([
      { file: 'fenxiao.xlsx', model: branch },
      { file: 'kaodian.xlsx', model: await kaodian('交接单', 'D10', '2（实为3）') },
    ]);
    expect(c.files.map((f) => f.findings.map((x) => [x.rule, x.sheet, x.cell]))).toEqual([
      [['handover-copies-disagree', '交接单2', 'D10']],
      [
        ['invalid-count', '交接单', 'D10'],
        ['handover-copies-disagree', '交接单', 'D10'],
      ],
    ]);
    const s = c.files[1].summary!;
    expect(s.unread).toEqual([{ form: 'handover', sheet: '交接单', cell: 'D10', corrected: '2（实为3）' }]);
    expect(
      s.handovers.in.map((h) => [h.sheet, h.itemsUnread, shown(HANDOVER_COLUMNS, 'quantity', h, 'zh'), shown(HANDOVER_COLUMNS, 'quantity', h, 'en')]),
    ).toEqual([['交接单', 'corrected', '附件1 数字有更正', '附件1 count amended']]);
    expect(summaryTable(s, 'zh').facts).toEqual([
      ['数字有更正', '附件1 交接单的交接明细有数量写了更正（工作表“交接单”D10 写的是“2（实为3）”），看不出实有几袋，该交接单交接的袋数无从计算'],
      ...facts(2),
    ]);
    expect(c.pairs.map((p) => [p.from, p.to, p.status])).toEqual([
      ['长沙分校', '岳麓考点', 'disagree'],
      ['长沙分校', '天心考点', 'sender-only'],
      ['湖南分部', '长沙分校', 'receiver-only'],
    ]);
    const pair = c.pairs[0];
    expect([pair.differences, pair.sender?.itemsUnread, pair.receiver?.itemsUnread]).toEqual([
      [{ field: 'items', label: '交接明细', sender: '岳麓考点 2袋', receiver: '岳麓考点 2（实为3）袋' }],
      undefined,
      'corrected',
    ]);
    expect([describePair(pair, 'zh'), describePair(pair, 'en')]).toEqual([
      '交接明细：移交方“岳麓考点 2袋”，接收方“岳麓考点 2（实为3）袋”',
      'items: sender “岳麓考点 2袋”, receiver “岳麓考点 2（实为3）袋”',
    ]);
    expect([shown(PAIR_COLUMNS, 'senderTotal', pair, 'zh'), shown(PAIR_COLUMNS, 'receiverTotal', pair, 'zh')]).toEqual([6, 6]);
  });
});

/** 长沙分校 (fenxiao.json) and 岳麓考点 (kaodian.json), each with its cells of `edits` written as given, paired. */
async function paired(edits: { fenxiao?: Record<string, string>; kaodian?: Record<string, string> }) {
  const book = async (json: string, sheet: string, cells: Record<string, string> = {}) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fillWorkbook(fixture(json))) as unknown as ArrayBuffer);
    for (const [cell, text] of Object.entries(cells)) wb.getWorksheet(sheet)!.getCell(cell).value = text;
    return readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
  };
  return consolidateModels([
    { file: 'fenxiao.xlsx', model: await book('fenxiao.json', '交接单2', edits.fenxiao) },
    { file: 'kaodian.xlsx', model: await book('kaodian.json', '交接单', edits.kaodian) },
  ]);
}
const pairsOf = (c: Awaited<ReturnType<typeof paired>>) => c.pairs.map((p) => [p.from, p.to, p.status, p.differences]);
const OTHER_PAIRS = [
  ['长沙分校', '天心考点', 'sender-only', []],
  ['湖南分部', '长沙分校', 'receiver-only', []],
];

describe('a 备注 of one copy saying its row holds another count: the pair not 一致 (review 25a D2)', () => {
  it('岳麓考点’s 交接单 E10 “3310 实为3袋” beside 数量 2, 长沙分校’s copy 2 without it: 不一致, the note quoted (was 一致)', async () => {
    const c = await paired({ kaodian: { E10: '3310 实为3袋' } });
    // note-count's warning in the 考点's file alone, as before; nothing else.
    expect(c.files.map((f) => f.findings.map((x) => [x.rule, x.severity, x.sheet, x.cell]))).toEqual([[], [['note-count', 'warning', '交接单', 'E10']]]);
    expect(pairsOf(c)).toEqual([
      ['长沙分校', '岳麓考点', 'disagree', [{ field: 'items', label: '交接明细', sender: '岳麓考点 2袋', receiver: '岳麓考点 2袋（3310 实为3袋）' }]],
      ...OTHER_PAIRS,
    ]);
    expect([describePair(c.pairs[0], 'zh'), describePair(c.pairs[0], 'en')]).toEqual([
      '交接明细：移交方“岳麓考点 2袋”，接收方“岳麓考点 2袋（3310 实为3袋）”',
      'items: sender “岳麓考点 2袋”, receiver “岳麓考点 2袋（3310 实为3袋）”',
    ]);
  });

  it('both copies’ notes say 3: the copies agree with each other (note-count warns in each); a note saying the 数量 itself, or no count: 一致', async () => {
    const both = await paired({ fenxiao: { E10: '3310 实为3袋' }, kaodian: { E10: '3310 实为3袋' } });
    expect(both.files.map((f) => f.findings.map((x) => [x.rule, x.sheet, x.cell]))).toEqual([
      [['note-count', '交接单2', 'E10']],
      [['note-count', '交接单', 'E10']],
    ]);
    // A pair found alike is listed after those to look at (as the fixture's own pairs are).
    expect(pairsOf(both)).toEqual([...OTHER_PAIRS, ['长沙分校', '岳麓考点', 'matched', []]]);
    for (const note of ['3310 实为2袋', '考场改为3号']) {
      const c = await paired({ kaodian: { E10: note } });
      expect([note, c.files.map((f) => f.findings.length), pairsOf(c)]).toEqual([note, [0, 0], [...OTHER_PAIRS, ['长沙分校', '岳麓考点', 'matched', []]]]);
    }
  });
});
