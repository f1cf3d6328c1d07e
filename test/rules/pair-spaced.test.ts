/**
 * Round 24: a 试卷号 cell writing numbers parted by a space or a line break, one on no 考试安排 (“3310 9999”), is read
 * as none of them by its workbook (paper-rows.ts spacedUnread; unknown-paper says so at the cell). Where the two copies
 * of a handover were compared, the row was still the papers 3310 and 9999: “3310 9999” on the 考点's copy agreed with
 * “3310、9999” on the 分校's, by papers the 考点's own reading refused. It is now compared as its text, as written
 * (model/unread-papers.ts), by the check across workbooks and by 交接配对 alike.
 *
 * 长沙分校 (test/fixtures/fenxiao.json) sends 岳麓考点 (kaodian.json) 交接单2 / 交接单 (06-14 09:30): 1001 3 袋, 2045 1 袋,
 * and a third row of 2 袋 with no 备注. Each copy here gets a 试卷号 column beside the form (G7), 1001 and 2045 on its
 * first rows and `third` on the third (G10). Both workbooks' 考试安排: 1001, 2045, 3310.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { Finding } from '../../src/model/finding';
import type { SiteModel } from '../../src/model/site-model';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateAcross, validateSite } from '../../src/rules/engine';
import { slimModel } from '../../src/check/service';
import { consolidateModels, pairCopiesOf, unknownFieldsOf } from '../../src/summary/consolidate';
import { summarizeSite } from '../../src/summary/site';
import { spacedCellsOf, unreadPapersOf } from '../../src/model/unread-papers';
import { base, gridFromDrafts, typeInto } from './tester';

const tuple = (f: Finding) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message];
/** A finding as the findings JSON writes it (no message id). */
const written = (f: Finding) => [f.rule, f.severity, f.form, f.sheet, f.cell, f.row, f.message];

function workbook(which: 'kaodian' | 'fenxiao', third: string, schedule9999 = false): SiteModel {
  const sheet = which === 'kaodian' ? '交接单' : '交接单2';
  const data = base(which);
  // Round 25: a paper 9999 on this workbook's 考试安排 only.
  if (schedule9999) data.schedule!.push({ paperNo: '9999', paperName: '经济数学', start: '2024-06-16T10:30', end: '2024-06-16T12:00', candidates: 10 });
  const grid = gridFromDrafts(draftWorkbook(data));
  typeInto(grid, sheet, 'G7', '试卷号');
  typeInto(grid, sheet, 'G8', '1001');
  typeInto(grid, sheet, 'G9', '2045');
  typeInto(grid, sheet, 'G10', third);
  return readWorkbook(grid);
}

/** The findings across the two workbooks, each workbook's (full models, and slim as a summary's threads keep them). */
function across(k: SiteModel, f: SiteModel, slim = false) {
  const found = validateAcross([
    { id: 'kaodian', model: slim ? slimModel(k) : k },
    { id: 'fenxiao', model: slim ? slimModel(f) : f },
  ]);
  return { kaodian: (found.get('kaodian') ?? []).map(tuple), fenxiao: (found.get('fenxiao') ?? []).map(tuple) };
}

/** 交接配对 for the two workbooks: each pair's status, route and differences. */
function pairs(k: SiteModel, f: SiteModel) {
  return consolidateModels([
    { file: '岳麓考点.xlsx', model: k },
    { file: '长沙分校.xlsx', model: f },
  ]).pairs.map((p) => [p.status, p.from, p.to, p.sender?.cell ?? null, p.receiver?.cell ?? null, p.differences]);
}

const SPACED_K =
  '“试卷号”写的是“3310 9999”：2 个数之间隔着空格，其中 9999 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了空格（本工具没有把它读成试卷号 33109999，也没有按这几个数核对这一行）。请核对：若是 2 种试卷，请分成 2 行，每行写一个试卷号和它自己的数量；若是一个试卷号，请删去空格，照考试安排写。';

const ITEM = (mine: string, theirs: string, unit: string, file: string, cell: string) =>
  `这张交接单的“交接明细第 3 行”写的是“${mine}”，而对方“${unit}”留存的同一张交接单（文件“${file}”的 ${cell}）写的是“${theirs}”。一式两份须内容一致，请双方核对后改正。`;

/** The other pairs of the two workbooks, unchanged by the third row of 交接单2. */
const OTHER_PAIRS = [
  ['sender-only', '长沙分校', '天心考点', 'A2', null, []],
  ['receiver-only', '湖南分部', '长沙分校', null, 'A2', []],
];

describe('the copies of a handover compared with a 试卷号 cell its workbook read as no paper', () => {
  it('“3310 9999” (9999 on no 考试安排) against “3310、9999”: the row differs, said at both 试卷号 cells — not one paper pair agreeing', () => {
    const k = workbook('kaodian', '3310 9999');
    const f = workbook('fenxiao', '3310、9999');
    // Each workbook alone, as before: the 考点's cell is said by unknown-paper; its item keeps what the reader made of it.
    expect(validateSite(k).map(tuple)).toEqual([['unknown-paper', 'spaced', 'error', 1, '交接单', 'G10', 3, SPACED_K]]);
    expect(k.data.handovers![0].items![2]).toEqual({ destination: '岳麓考点', quantity: 2, unit: '袋', paperNo: '3310、9999' });
    const expected = {
      kaodian: [
        [
          'handover-copies-disagree',
          'item',
          'error',
          1,
          '交接单',
          'G10',
          3,
          ITEM('岳麓考点 2袋（3310 9999）', '岳麓考点 2袋（3310、9999）', '长沙分校', 'fenxiao', '交接单2 G10'),
        ],
      ],
      fenxiao: [
        [
          'handover-copies-disagree',
          'item',
          'error',
          1,
          '交接单2',
          'G10',
          3,
          ITEM('岳麓考点 2袋（3310、9999）', '岳麓考点 2袋（3310 9999）', '岳麓考点', 'kaodian', '交接单 G10'),
        ],
      ],
    };
    expect(across(k, f)).toEqual(expected);
    expect(across(k, f, true)).toEqual(expected);
  });

  it('the same in 交接配对: the pair disagrees on 交接明细, each copy’s row as written (not 匹配)', () => {
    const k = workbook('kaodian', '3310 9999');
    const f = workbook('fenxiao', '3310、9999');
    // 交接配对 lists the pairs that disagree first.
    expect(pairs(k, f)).toEqual([
      ['disagree', '长沙分校', '岳麓考点', 'G10', 'G10', [{ field: 'items', label: '交接明细', sender: '3310、9999 2袋', receiver: '3310 9999 2袋' }]],
      ...OTHER_PAIRS,
    ]);
  });

  it('“3310 9999” on both copies, or “3310↵9999” on one: one text, the copies agree (匹配)', () => {
    for (const other of ['3310 9999', '3310\n9999', '３３１０　９９９９']) {
      const k = workbook('kaodian', '3310 9999');
      const f = workbook('fenxiao', other);
      expect(across(k, f)).toEqual({ kaodian: [], fenxiao: [] });
      expect(across(k, f, true)).toEqual({ kaodian: [], fenxiao: [] });
      expect(pairs(k, f)).toEqual([...OTHER_PAIRS, ['matched', '长沙分校', '岳麓考点', 'A2', 'A2', []]]);
    }
  });

  it('“3310 9999” on both copies, 9999 on the 分校’s 考试安排 only (read as papers there, as none at the 考点): the copies agree', () => {
    // Round 25: the cell was compared as written on one side and as the papers 3310 and 9999 on the other — disagreeing.
    const k = workbook('kaodian', '3310 9999');
    for (const other of ['3310 9999', '3310\n9999']) {
      const f = workbook('fenxiao', other, true);
      expect(unreadPapersOf(f)).toBeUndefined();
      expect(spacedCellsOf(f)).toEqual([[1, 2, '3310 9999', true]]);
      expect(spacedCellsOf(k)).toEqual([[0, 2, '3310 9999', false]]);
      expect(across(k, f)).toEqual({ kaodian: [], fenxiao: [] });
      expect(across(k, f, true)).toEqual({ kaodian: [], fenxiao: [] });
      expect(pairs(k, f)).toEqual([...OTHER_PAIRS, ['matched', '长沙分校', '岳麓考点', 'A2', 'A2', []]]);
    }
    // “3310、9999” on the 分校's copy still differs from the 考点's unread “3310 9999”, as written.
    const listed = workbook('fenxiao', '3310、9999', true);
    expect(pairs(k, listed)).toEqual([
      ['disagree', '长沙分校', '岳麓考点', 'G10', 'G10', [{ field: 'items', label: '交接明细', sender: '3310、9999 2袋', receiver: '3310 9999 2袋' }]],
      ...OTHER_PAIRS,
    ]);
  });

  it('“3310 9999” against “3310 9998”: the texts differ, said as the rows as written', () => {
    const k = workbook('kaodian', '3310 9999');
    const f = workbook('fenxiao', '3310 9998');
    expect(across(k, f)).toEqual({
      kaodian: [
        [
          'handover-copies-disagree',
          'item',
          'error',
          1,
          '交接单',
          'G10',
          3,
          ITEM('岳麓考点 2袋（3310 9999）', '岳麓考点 2袋（3310 9998）', '长沙分校', 'fenxiao', '交接单2 G10'),
        ],
      ],
      fenxiao: [
        [
          'handover-copies-disagree',
          'item',
          'error',
          1,
          '交接单2',
          'G10',
          3,
          ITEM('岳麓考点 2袋（3310 9998）', '岳麓考点 2袋（3310 9999）', '岳麓考点', 'kaodian', '交接单 G10'),
        ],
      ],
    });
    expect(pairs(k, f)).toEqual([
      ['disagree', '长沙分校', '岳麓考点', 'G10', 'G10', [{ field: 'items', label: '交接明细', sender: '3310 9998 2袋', receiver: '3310 9999 2袋' }]],
      ...OTHER_PAIRS,
    ]);
  });

  it('papers 考试安排 knows (“2045 3310” against “2045、3310”): those papers, compared as before — the copies agree', () => {
    const k = workbook('kaodian', '2045 3310');
    const f = workbook('fenxiao', '2045、3310');
    expect(unreadPapersOf(k)).toBeUndefined();
    expect(across(k, f)).toEqual({ kaodian: [], fenxiao: [] });
    expect(pairs(k, f)).toEqual([...OTHER_PAIRS, ['matched', '长沙分校', '岳麓考点', 'A2', 'A2', []]]);
  });

  it('a worker thread’s copies (pairCopiesOf with the slim model): the fields it carries are the unread row’s as typed', () => {
    const k = workbook('kaodian', '3310 9999');
    expect(unreadPapersOf(k)).toEqual([[0, 2, '3310 9999']]);
    expect(unreadPapersOf(workbook('fenxiao', '3310、9999'))).toBeUndefined();
    const slim = slimModel(k);
    expect(slim.data.handovers![0].items![2]).toEqual({ destination: '岳麓考点', quantity: 2, unit: '袋', paperNo: '3310、9999', paperNoUnread: '3310 9999' });
    const summary = summarizeSite(k, validateSite(k));
    const withSlim = pairCopiesOf('岳麓考点.xlsx', summary, unknownFieldsOf(k), slim.paperNames, slim, spacedCellsOf(k));
    const alone = pairCopiesOf('岳麓考点.xlsx', summary, unknownFieldsOf(k), slim.paperNames, undefined, spacedCellsOf(k));
    expect(withSlim.in.map((c) => c.fields)).toEqual(alone.in.map((c) => c.fields));
    expect(alone.in[0].fields.papers).toBe('岳麓考点|1001|袋|3；岳麓考点|2045|袋|1；岳麓考点|3310 9999|袋|2');
  });

  it('files (custody validate, custody summary: read in worker code, spooled): the same findings and 交接配对', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-pair-spaced-'));
    try {
      /** The fixture filled, its handover sheet given a 试卷号 column (G7) with exceljs. */
      const file = async (which: 'kaodian' | 'fenxiao', name: string, third: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await fillWorkbook(base(which))) as unknown as ArrayBuffer);
        const ws = wb.getWorksheet(which === 'kaodian' ? '交接单' : '交接单2')!;
        for (const [cell, value] of [
          ['G7', '试卷号'],
          ['G8', '1001'],
          ['G9', '2045'],
          ['G10', third],
        ])
          ws.getCell(cell).value = value;
        const at = path.join(dir, name);
        fs.writeFileSync(at, Buffer.from(await wb.xlsx.writeBuffer()));
        return at;
      };
      const k = await file('kaodian', '岳麓考点.xlsx', '3310 9999');
      const f = await file('fenxiao', '长沙分校.xlsx', '3310、9999');
      const io = memoryIO();
      await main(['node', 'custody', 'validate', f, k, '--format', 'json'], io);
      const reports = (JSON.parse(io.stdout) as { files: Array<{ file: string; findings: Finding[] }> }).files;
      const disagree = (at: string) =>
        reports
          .find((r) => r.file === at)!
          .findings.filter((x) => x.rule === 'handover-copies-disagree')
          .map(written);
      expect(disagree(k)).toEqual([
        [
          'handover-copies-disagree',
          'error',
          1,
          '交接单',
          'G10',
          3,
          ITEM('岳麓考点 2袋（3310 9999）', '岳麓考点 2袋（3310、9999）', '长沙分校', '长沙分校.xlsx', '交接单2 G10'),
        ],
      ]);
      expect(disagree(f)).toEqual([
        [
          'handover-copies-disagree',
          'error',
          1,
          '交接单2',
          'G10',
          3,
          ITEM('岳麓考点 2袋（3310、9999）', '岳麓考点 2袋（3310 9999）', '岳麓考点', '岳麓考点.xlsx', '交接单 G10'),
        ],
      ]);
      const json = memoryIO();
      // 1: errors found (the 考点's unknown-paper at G10, and these).
      expect(await main(['node', 'custody', 'summary', f, k, '--format', 'json', '--threads', '0'], json)).toBe(1);
      const pairs = (JSON.parse(json.stdout) as { handoverPairs: Array<Record<string, any>> }).handoverPairs;
      expect(pairs.filter((p) => p.to === '岳麓考点').map((p) => [p.status, p.sender?.cell, p.receiver?.cell, p.differences])).toEqual([
        ['disagree', 'G10', 'G10', [{ field: 'items', label: '交接明细', sender: '3310、9999 2袋', receiver: '3310 9999 2袋' }]],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
