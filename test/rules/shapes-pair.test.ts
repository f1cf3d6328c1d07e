/**
 * Two more site shapes, written fresh from the two source documents and
 * DOMAIN.md: 衡阳分校, receiving every paper in one night-free delivery exactly
 * 48 hours before the first session, sending 耒阳考点 its papers in two
 * deliveries (the second at night) and 衡南考点 a four-day exam in one 箱 (内装4袋)
 * at night; and 耒阳考点, taking in each delivery on its own 入库清单. Both keep
 * 备注, sign with titles (in full- and half-width brackets, after a space), share
 * surnames (陈志强/陈志刚, 周海/周海燕, 刘洋/刘阳, 曹敏/曹敏慧, 谭晓/谭晓红), change
 * shifts at midnight, take two papers of one session out together exactly 60
 * minutes ahead and count some checkouts in 份. Through real .xlsx files
 * (fill → read → validate): each clean workbook gives no finding, alone, retyped
 * and checked with its counterpart; legitimate records typed as people type
 * them (次日0时, 24时, 16份, 1箱（内装4袋）) give none either; each planted defect
 * gives exactly its finding (rule, form, sheet, cell, row).
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { validateAcross, validateSite } from '../../src/rules/engine';
import { loadBuffer, retyped, writeBuffer } from '../helpers';
import { brief, modelOf, shape, Shape, tuple } from './shape-sites';

/** A filled workbook with some cells typed over, as a person fills the printed form (null clears a cell). */
async function typedOver(name: Shape, cells: Array<[sheet: string, cell: string, value: string | number | null]>): Promise<Buffer> {
  const wb = await loadBuffer(await fillWorkbook(shape(name)));
  for (const [sheet, address, value] of cells) {
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    cell.value = value as ExcelJS.CellValue;
    // A style of the cell's own: exceljs shares one style object among the cells loaded with it, and setting numFmt
    // on it would make every date cell of that style General (printing its serial: time-not-shown says so).
    cell.style = { ...cell.style, numFmt: 'General' };
  }
  return writeBuffer(wb);
}

interface Typed {
  name: string;
  base: Shape;
  cells: Array<[sheet: string, cell: string, value: string | number | null]>;
}

/** Legitimate records typed as people type them: no finding. */
const TYPED: Typed[] = [
  { name: 'a night shift ending 24时', base: 'leiyang-kaodian', cells: [['值班记录1', 'F7', '24时']] },
  { name: 'a night shift ending 4日24时', base: 'leiyang-kaodian', cells: [['值班记录1', 'F7', '4日24时']] },
  {
    name: 'a night shift ending 次日0时, the next starting 2025年7月5日0时',
    base: 'leiyang-kaodian',
    cells: [
      ['值班记录1', 'F7', '次日0时'],
      ['值班记录2', 'D7', '2025年7月5日0时'],
    ],
  },
  { name: 'a day shift ending 当日20时', base: 'leiyang-kaodian', cells: [['值班记录1', 'F3', '当日20时']] },
  { name: 'a night shift ending 翌日08:00', base: 'leiyang-kaodian', cells: [['值班记录3', 'F7', '翌日08:00']] },
  { name: 'a night shift ending 次日8时', base: 'leiyang-kaodian', cells: [['值班记录3', 'F7', '次日8时']] },
  { name: 'a night shift ending 6日8时', base: 'leiyang-kaodian', cells: [['值班记录3', 'F7', '6日8时']] },
  {
    name: 'receivers with titles after a space, separated by a space',
    base: 'leiyang-kaodian',
    cells: [['交接单1', 'D20', '接收人签字（两人）：刘洋 考务 罗丹 保管员']],
  },
  { name: 'receivers with bracketed titles', base: 'leiyang-kaodian', cells: [['交接单1', 'D20', '接收人签字（两人）：刘洋（考务组长） 罗丹（卷库保管员）']] },
  {
    name: 'vault signers with half-width titles',
    base: 'leiyang-kaodian',
    cells: [
      ['出入库记录', 'E4', '刘洋(考务)'],
      ['出入库记录', 'G4', '罗丹(保管员)'],
      ['出入库记录', 'J4', '罗丹 卷库保管员'],
    ],
  },
  { name: 'a proctor signing 谭晓 监考员', base: 'leiyang-kaodian', cells: [['分发登记1', 'G7', '谭晓 监考员']] },
  {
    name: '“16份” typed, its 单位 cell blank',
    base: 'leiyang-kaodian',
    cells: [
      ['出入库记录', 'D5', '16份'],
      ['出入库记录', 'K5', null],
    ],
  },
  {
    name: '“１６份” in full-width digits, its 单位 cell blank',
    base: 'leiyang-kaodian',
    cells: [
      ['出入库记录', 'D5', '１６份'],
      ['出入库记录', 'K5', null],
    ],
  },
  {
    // Read as 36, 52 and 26 bags before the header's unit was read.
    name: '附件3 headed 数量（份）, every count in copies, its 单位 cells blank',
    base: 'leiyang-kaodian',
    cells: [
      ['出入库记录', 'D3', '数量（份）'],
      ['出入库记录', 'D4', 36],
      ['出入库记录', 'D6', 52],
      ['出入库记录', 'D7', 26],
      ...(['K4', 'K5', 'K6', 'K7', 'K8'].map((k) => ['出入库记录', k, null]) as Typed['cells']),
    ],
  },
  {
    name: '“2袋” typed, its 单位 cell blank',
    base: 'leiyang-kaodian',
    cells: [
      ['出入库记录', 'D4', '2袋'],
      ['出入库记录', 'K4', null],
    ],
  },
  {
    name: '“1箱” typed on the sheet to 衡南考点, its 单位 cell blank',
    base: 'hengyang-fenxiao',
    cells: [
      ['交接单3', 'D8', '1箱'],
      ['交接单3', 'F8', null],
    ],
  },
  {
    name: '“1箱（内装4袋）” typed on the sheet to 衡南考点, no 备注',
    base: 'hengyang-fenxiao',
    cells: [
      ['交接单3', 'D8', '1箱（内装4袋）'],
      ['交接单3', 'F8', null],
      ['交接单3', 'E8', null],
    ],
  },
  // 合计 per unit, as the template works it out (1 box and 4 bags are not 5), or in bags, the box's counted by its 备注.
  ...[
    ['per unit', '1箱、4袋'],
    ['in bags', 12],
  ].map(([how, total]) => ({
    name: `the incoming 8 bags for 耒阳考点 written as 1 箱 内装8袋, the 合计 ${how}`,
    base: 'hengyang-fenxiao' as Shape,
    cells: [
      ['交接单1', 'D8', 1],
      ['交接单1', 'F8', '箱'],
      ['交接单1', 'E8', '内装8袋'],
      ['交接单1', 'D17', total],
    ] as Typed['cells'],
  })),
];

describe('two more site shapes through real .xlsx', () => {
  test.each(['hengyang-fenxiao', 'leiyang-kaodian', 'xiangtan-fenxiao'] as Shape[])('clean %s: no finding, also retyped', async (name) => {
    const buffer = await fillWorkbook(shape(name));
    expect(validateSite(await modelOf(buffer)).map(brief)).toEqual([]);
    expect(validateSite(await modelOf(await retyped(buffer))).map(brief)).toEqual([]);
  });

  test.each(TYPED.map((t) => [t.name, t] as const))('typed as people type it: %s → no finding', async (_n, t) => {
    expect(validateSite(await modelOf(await typedOver(t.base, t.cells))).map(brief)).toEqual([]);
  });

  test('“1箱（内装4袋）” reads as 1 箱, the bags inside kept in its 备注', async () => {
    const typed = TYPED.find((t) => t.name.startsWith('“1箱（内装4袋）”'))!;
    const model = await modelOf(await typedOver(typed.base, typed.cells));
    expect(model.data.handovers![2].items).toEqual([{ destination: '衡南考点', quantity: 1, unit: '箱', note: '内装4袋' }]);
  });

  test('衡阳分校 and its 耒阳考点 checked together: both deliveries’ copies agree; a copy that differs is found on both files', async () => {
    const sites = [
      { id: 'fenxiao', model: await modelOf(await fillWorkbook(shape('hengyang-fenxiao'))) },
      { id: 'kaodian', model: await modelOf(await fillWorkbook(shape('leiyang-kaodian'))) },
    ];
    expect([...validateAcross(sites).values()].flat().map(brief)).toEqual([]);
    const differing = shape('leiyang-kaodian');
    differing.handovers![0].items![1].quantity = 1;
    differing.handovers![0].total = 5;
    sites[1].model = await modelOf(await fillWorkbook(differing));
    const across = validateAcross(sites);
    expect(across.get('fenxiao')!.map(tuple)).toEqual([
      ['handover-copies-disagree', 1, '交接单2', 'D9', 2],
      ['handover-copies-disagree', 1, '交接单2', 'D17', null],
    ]);
    expect(across.get('kaodian')!.map(tuple)).toEqual([
      ['handover-copies-disagree', 1, '交接单1', 'D9', 2],
      ['handover-copies-disagree', 1, '交接单1', 'D17', null],
    ]);
    expect(across.get('kaodian')![0].message).toMatch(/文件“fenxiao”的 交接单2 D9/);
  });
});
