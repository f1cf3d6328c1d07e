/**
 * Review 20b (test/fixtures/review20b/README.md): judgement on held-out site workbooks typed as people type. D1: a
 * 补考 paper's name holding another paper's name; D2: a handover's two copies with both units written otherwise; D7: a
 * hidden 附件4 said once; D8: a mistyped 学期 said once. Each case: the whole finding (rule, severity, sheet, cell, row,
 * message), and nothing else.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { slimModel } from '../../src/check/service';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import { pairCopies, type CopyKey } from '../../src/model/pairing';
import type { Intake, SiteData } from '../../src/model/types';
import { validateAcross, validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, modelOf, typeInto } from './tester';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.row, f.message];

describe('D1: a paper named “管理学基础（补考）” is not 管理学基础 (arrival-too-early)', () => {
  /**
   * 岳麓考点 whose day-2 paper 3310 is 管理学基础（补考） (06-16 08:30; 2045 管理学基础 sits 06-15 10:30), brought on
   * its own sheet at `at` with its own intake list 40 min later; the duty from then on. The item says `note`.
   */
  function makeupOnItsOwnSheet(at: string, note: string): SiteData {
    const d = base('kaodian');
    const name = '管理学基础（补考）';
    const later = (minutes: number) => new Date(Date.parse(`${at}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
    for (const row of [...d.schedule!, ...d.vaultLog!, ...d.distributions!.flatMap((s) => s.rows ?? [])]) if (row.paperNo === '3310') row.paperName = name;
    const first = d.handovers![0];
    first.items = first.items!.slice(0, 2);
    first.total = 4;
    d.handovers!.push({ ...first, time: at, items: [{ destination: '岳麓考点', quantity: 2, unit: '袋', note }], total: 2 });
    const lists = d.intake as Intake;
    const day1: Intake = { ...lists, items: lists.items!.slice(0, 2), totals: { bags31: 2, bags26: 1, bags11: 0, bags5: 1, totalBags: 4 } };
    const day2: Intake = {
      ...lists,
      items: [{ ...lists.items![2], paperName: name }],
      totals: { bags31: 0, bags26: 0, bags11: 2, bags5: 0, totalBags: 2 },
      time: later(40),
    };
    d.intake = [day2, day1];
    d.duty!.shifts!.unshift({ kind: '夜间', from: later(30), to: '2024-06-14T10:00', record: '试卷入库，无异常', handedOverBy: '刘洋', takenOverBy: '陈静' });
    return d;
  }
  const findings = (d: SiteData) => validateSite(modelOf(d)).map(full);
  const early = (span: string) => [
    'arrival-too-early',
    'error',
    '交接单2',
    'C3',
    null,
    `试卷 6月13日 15:00 交接到岳麓考点，比最早一场考试（6月16日 08:30）早了 ${span}。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期。`,
  ];

  it('brought two days before (06-14 08:00), named by name or by 试卷号: no finding', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-14T08:00', '管理学基础（补考）'))).toEqual([]);
    expect(findings(makeupOnItsOwnSheet('2024-06-14T08:00', '3310 管理学基础（补考）'))).toEqual([]);
  });

  it('three days before (06-13 15:00), the item “管理学基础（补考）”: judged by 3310’s session, too early', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-13T15:00', '管理学基础（补考）'))).toEqual([early('2天17小时30分')]);
  });

  it('the item “3310 管理学基础（补考）”: the 试卷号 decides, too early', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-13T15:00', '3310 管理学基础（补考）'))).toEqual([early('2天17小时30分')]);
  });

  it('the item “管理学基础” alone names 2045 (06-15 10:30): not too early by two calendar days', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-13T15:00', '管理学基础'))).toEqual([]);
  });
});

describe('D2: the two copies of a handover with both units written otherwise are one pair (handover-copies-disagree)', () => {
  /** 长沙分校's workbook and 岳麓考点's, whose copy of 交接单2 (06-14 09:30) reads 国家开放大学长沙分校 → 长沙分校岳麓考点, 联系人 `contact`. */
  function both(contact: string) {
    const k = base('kaodian');
    Object.assign(k.handovers![0], { from: '国家开放大学长沙分校', to: '长沙分校岳麓考点', contact });
    const out = validateAcross([
      { id: 'kaodian', model: modelOf(k) },
      { id: 'fenxiao', model: modelOf(base('fenxiao')) },
    ]);
    return { alone: validateSite(modelOf(k)).map(full), k: out.get('kaodian')!.map(full), f: out.get('fenxiao')!.map(full) };
  }

  it('the copies alike but for the units: one pair, no finding (each workbook alone none either)', () => {
    expect(both('王芳')).toEqual({ alone: [], k: [], f: [] });
  });

  it('联系人 谭敏 on the 考点’s copy, 王芳 on the 分校’s: said on both files at 联系人', () => {
    const said = (mine: string, theirs: string, unit: string, file: string, cell: string) =>
      `这张交接单的“联系人”写的是“${mine}”，而对方“${unit}”留存的同一张交接单（文件“${file}”的 ${cell}）写的是“${theirs}”。一式两份须内容一致，请双方核对后改正。`;
    expect(both('谭敏')).toEqual({
      alone: [],
      k: [['handover-copies-disagree', 'error', '交接单', 'D6', null, said('谭敏', '王芳', '长沙分校', 'fenxiao', '交接单2 D6')]],
      f: [['handover-copies-disagree', 'error', '交接单2', 'D6', null, said('王芳', '谭敏', '岳麓考点', 'kaodian', '交接单 D6')]],
    });
  });

  it('the summary’s 交接配对: one pair (一致), not a sender-only and a receiver-only copy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-review20b-'));
    try {
      const k = base('kaodian');
      Object.assign(k.handovers![0], { from: '国家开放大学长沙分校', to: '长沙分校岳麓考点' });
      const [fenxiao, kaodian] = [path.join(dir, '长沙分校.xlsx'), path.join(dir, '岳麓考点.xlsx')];
      fs.writeFileSync(fenxiao, await fillWorkbook(base('fenxiao')));
      fs.writeFileSync(kaodian, await fillWorkbook(k));
      const io = memoryIO();
      expect(await main(['node', 'custody', 'summary', fenxiao, kaodian, '--format', 'json'], io)).toBe(0);
      const pairs = (JSON.parse(io.stdout) as { handoverPairs: Array<Record<string, any>> }).handoverPairs;
      expect(
        pairs.map((p) => [p.status, p.from, p.to, p.sender?.file ?? null, p.sender?.sheet ?? null, p.receiver?.file ?? null, p.receiver?.sheet ?? null]),
      ).toEqual([
        ['sender-only', '长沙分校', '天心考点', fenxiao, '交接单3', null, null],
        ['receiver-only', '湖南分部', '长沙分校', null, null, fenxiao, '交接单1'],
        ['matched', '长沙分校', '岳麓考点', fenxiao, '交接单2', kaodian, '交接单'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pairCopies: the copies of one minute with from and to each written otherwise are paired; another minute or another 考点 not', () => {
    const copy = (holder: string, direction: 'in' | 'out', from: string, to: string, time: string): CopyKey => ({
      holder,
      holderUnit: holder,
      direction,
      from,
      to,
      time,
      content: '',
    });
    const sender = copy('长沙分校', 'out', '长沙分校', '浏阳考点', '2025-06-20T09:00');
    const receiver = copy('浏阳考点', 'in', '国家开放大学长沙分校', '长沙分校浏阳考点', '2025-06-20T09:00');
    expect(pairCopies([sender, receiver])).toEqual({ pairs: [{ sender, receiver }], unpaired: [] });
    const later = { ...receiver, time: '2025-06-20T09:01' };
    expect(pairCopies([sender, later])).toEqual({ pairs: [], unpaired: [sender, later] });
    const other = { ...receiver, to: '株洲分校浏阳考点' };
    expect(pairCopies([{ ...sender, to: '长沙分校浏阳考点' }, other]).pairs).toEqual([]);
  });
});

describe('D7: a hidden 附件4 beside shown ones is said once, and truly', () => {
  /** 岳麓考点's workbook as drawn, with `edit` on its grid. */
  const findings = (edit: (g: WorkbookGrid) => void, lang: 'zh' | 'en' = 'zh') => {
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    edit(grid);
    return validateSite(readWorkbook(grid), { lang }).map(full);
  };
  const sheet = (g: WorkbookGrid, name: string) => g.sheets.find((s) => s.name === name)!;

  it('the 3310 session’s register (分发登记3) hidden: one error at its checkout, naming the hidden sheet; no second warning', () => {
    const hide = (g: WorkbookGrid) => void (sheet(g, '分发登记3').state = 'hidden');
    expect(findings(hide)).toEqual([
      [
        'session-without-register',
        'error',
        '出入库记录',
        'B6',
        3,
        '试卷 3310 在 6月16日 07:50 出库，供 6月16日 08:30 开考的这一场使用，但未隐藏的考务办公室试卷分发登记表（附件4）都没有登记这一场发放这份试卷；工作簿里隐藏的附件4 工作表“分发登记3”没有检查。这一场若登记在隐藏的表上，请取消隐藏后再检查（隐藏的登记表，查看记录的人看不见）；若那是草稿或旧稿，请删除它，并补上这一场的登记表或登记行。',
      ],
    ]);
    expect(findings(hide, 'en').map((f) => f[5])).toEqual([
      'Paper 3310 left the vault at Jun 16 07:50 for the session starting Jun 16 08:30, but no shown distribution register (附件4) records handing it out in that session, and the hidden sheet "分发登记3", a 附件4, was not checked. If the session is recorded on a hidden sheet, unhide it and check again (a hidden register is one nobody reviewing the records sees); if that sheet is a draft or an old copy, delete it, and add the register or its rows.',
    ]);
  });

  it('a hidden draft of 分发登记1 with every session registered on the shown sheets: hidden-sheet’s warning alone, as before', () => {
    const draft = (g: WorkbookGrid) => void g.sheets.push({ ...sheet(g, '分发登记1'), name: '分发登记（草稿）', state: 'hidden' });
    expect(findings(draft)).toEqual([
      [
        'hidden-sheet',
        'warning',
        '分发登记（草稿）',
        'A1',
        null,
        '工作表“分发登记（草稿）”是隐藏的，没有检查：工作簿里已有未隐藏的附件4 试卷分发登记表。它若是草稿或旧稿，请删除；若是有效的记录，请取消隐藏后再检查。',
      ],
    ]);
  });

  it('no hidden sheet, 分发登记3 deleted: the error’s words as before', () => {
    const drop = (g: WorkbookGrid) => void g.sheets.splice(g.sheets.indexOf(sheet(g, '分发登记3')), 1);
    expect(findings(drop).map((f) => f.slice(0, 5))).toEqual([['session-without-register', 'error', '出入库记录', 'B6', 3]]);
    expect(findings(drop)[0][5]).toMatch(/但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。/);
  });
});

describe('D8: 基本信息 学期 mistyped, checked with other workbooks: one finding at B2', () => {
  /** 岳麓考点 (2024春, every form 2024春) with `semester` typed over 基本信息 B2 (学期), checked with 长沙分校 (2024春). */
  function together(semester: string, slim = false) {
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    typeInto(grid, '基本信息', 'B2', semester);
    const k = readWorkbook(grid);
    const out = validateAcross([
      { id: 'kaodian', model: slim ? slimModel(k) : k, file: '岳麓考点.xlsx' },
      { id: 'fenxiao', model: slim ? slimModel(modelOf(base('fenxiao'))) : modelOf(base('fenxiao')), file: '长沙分校.xlsx' },
    ]);
    return { alone: validateSite(k).map(full), k: out.get('kaodian')!.map(full), f: out.get('fenxiao')!.map(full) };
  }

  it('“2023秋” on a workbook whose forms are all 2024春: sheet-of-another-semester’s error alone (no warning beside it)', () => {
    const said = {
      alone: [
        [
          'sheet-of-another-semester',
          'error',
          '基本信息',
          'B2',
          null,
          '基本信息的学期写的是“2023秋”，而工作簿里的各张表都是2024春学期的（看标题和日期），没有一张是2023秋的。请把基本信息的学期改为2024春（若确是2023秋的工作簿，请核对各表的标题和日期）。',
        ],
      ],
      k: [],
      f: [],
    };
    expect(together('2023秋')).toEqual(said);
    // As the CLI and the batch check across workbooks: from slim models.
    expect(together('2023秋', true)).toEqual(said);
  });

  it('a workbook of another semester, its forms and 基本信息 alike (2023秋): the warning, as before', () => {
    const k = base('kaodian');
    k.site!.semester = '2023秋';
    for (const h of k.handovers!) h.semester = '2023秋';
    // Titles of 2023秋, dates of 2024春 (forms/other-semester reads the title): 基本信息 and the forms alike.
    const model = modelOf(k);
    expect(model.otherSemester).toBeUndefined();
    const out = validateAcross([
      { id: 'kaodian', model, file: '岳麓考点.xlsx' },
      { id: 'fenxiao', model: modelOf(base('fenxiao')), file: '长沙分校.xlsx' },
    ]);
    expect(out.get('kaodian')!.map(full)).toEqual([
      [
        'workbook-of-another-semester',
        'warning',
        '基本信息',
        'B2',
        null,
        '本工作簿基本信息的学期是“2023秋”，而一起检查的其他工作簿多是2024春学期的（1 个，如文件“长沙分校.xlsx”）。不同学期的试卷不能合在一起汇总：汇总时本工作簿的袋数、份数和考生数不计入合计。若本工作簿属于2024春学期，请改正基本信息的学期；若确是2023秋学期的，请把它移出本次检查和汇总。',
      ],
    ]);
  });

  it('基本信息 2023秋 with every form of 2022秋: two facts (the forms are not 2024春 either), both said', () => {
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    typeInto(grid, '基本信息', 'B2', '2023秋');
    const model = readWorkbook(grid);
    expect(model.otherSemester!.map((o) => [o.by, o.semester])).toEqual([['site', '2024春']]);
    // The same fact as if every form were of 2022秋 (a third semester): the forms are not the run's either.
    model.otherSemester = [{ ...model.otherSemester![0], semester: '2022秋' }];
    const out = validateAcross([
      { id: 'kaodian', model, file: '岳麓考点.xlsx' },
      { id: 'fenxiao', model: modelOf(base('fenxiao')), file: '长沙分校.xlsx' },
    ]);
    expect(out.get('kaodian')!.map((f) => full(f).slice(0, 5))).toEqual([['workbook-of-another-semester', 'warning', '基本信息', 'B2', null]]);
  });
});
