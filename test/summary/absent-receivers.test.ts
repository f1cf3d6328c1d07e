/**
 * A summary whose handovers went to units whose workbooks are not in the run (review round 10a D3): review7's
 * chain without 平江考点 and 桃源考点. The CLI said “仅一方 3 份” and 总览 “仅移交方副本 2”, 考点 4 袋 beside 分校
 * 14 袋, with no word of which; only 交接配对 (page 5 of 13) named them. The CLI's closing lines and 总览 now name
 * each sender, its receiver and the bags (summary/absent-receivers.ts), zh and en; a run with every receiver's
 * workbook says nothing more.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { CHAIN, chainSummaryBytes } from './review7-chain';

jest.setTimeout(180_000);

/** review10a's folder c2: 湖南分部, 岳阳分校, 华容考点, 常德分校 (平江考点 and 桃源考点 missing). */
const C2 = ['w-hunan-shengxiao', 'w-yueyang-fenxiao', 'w-huarong-kaodian', 'w-changde-fenxiao'];

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-absent-receivers-'));
  fs.mkdirSync(path.join(dir, 'c2'));
  for (const n of C2) {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review7', `${n}.json`), 'utf8')) as SiteData;
    fs.writeFileSync(path.join(dir, 'c2', `${n}.xlsx`), await fillWorkbook(data));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, io };
};

const ABSENT = [
  { from: '常德分校', to: '桃源考点', handovers: 1, bags: 5 },
  { from: '岳阳分校', to: '平江考点', handovers: 1, bags: 5 },
];

describe('handovers to units whose workbooks are not in the summary', () => {
  it('custody summary: a closing line names each sender, receiver and bags (zh)', async () => {
    const out = path.join(dir, 'c2.xlsx');
    const { code, io } = await run('summary', path.join(dir, 'c2'), '-o', out);
    expect(code).toBe(0);
    expect(io.stdout.split('\n')).toEqual([
      '已汇总 4 个工作簿：可以提交 4 个，需改正 0 个；错误 0 处，警告 0 处。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：省校 1 个，14 袋、322 份（报考 273 人）；分校 2 个，14 袋、322 份（报考 273 人）；考点 1 个，4 袋、114 份（报考 96 人）。未还保密室 0 袋。',
      '交接单两份副本：一致 3 对，不一致 0 对，仅一方 3 份。',
      '注意：常德分校交给桃源考点 5 袋、岳阳分校交给平江考点 5 袋，接收单位的工作簿不在本次汇总中，这些交接单只有移交方的副本，无法核对（见“交接配对”）。',
      `已写出 ${out}`,
      '',
    ]);
  });

  it('custody summary --lang en: the same line in English', async () => {
    const { io } = await run('summary', path.join(dir, 'c2'), '-o', path.join(dir, 'c2-en.xlsx'), '--lang', 'en');
    expect(io.stdout.split('\n')[3]).toBe(
      'Note: 常德分校 handed 5 bags to 桃源考点; 岳阳分校 handed 5 bags to 平江考点: the receiving units’ workbooks are not in this summary, so these handover slips have only the sender’s copy and are not checked (see “Handover pairs”).',
    );
  });

  it('summary --format json: totals.absentReceivers lists them; the in-process consolidation the same', async () => {
    const { io } = await run('summary', path.join(dir, 'c2'), '--format', 'json');
    const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
    expect(totals.absentReceivers).toEqual(ABSENT);
    expect(totals.pairs).toEqual({ matched: 3, disagree: 0, 'sender-only': 2, 'receiver-only': 1 });
    const files = C2.map((n) => path.join(dir, 'c2', `${n}.xlsx`));
    const inputs = await Promise.all(files.map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })));
    expect(consolidateModels(inputs).totals.absentReceivers).toEqual(ABSENT);
  });

  it.each([
    [
      'zh',
      '注意：以下单位移交的试卷，接收单位的工作簿不在本次汇总中，这些交接单只有移交方的副本，无法核对（见“交接配对”）：',
      ['交给桃源考点 5 袋', '交给平江考点 5 袋'],
    ],
    [
      'en',
      'Note: the units below handed papers over to units whose workbooks are not in this summary: these slips have only the sender’s copy and are not checked (see “Handover pairs”):',
      ['5 bags to 桃源考点', '5 bags to 平江考点'],
    ],
  ] as const)('总览 (%s): under the figures, a head line and a row per sender, none cut by a page break', async (lang, head, sent) => {
    const bytes = Buffer.from(await chainSummaryBytes(lang, C2));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ov = wb.worksheets[0];
    const at = ov.getColumn(1).values.findIndex((v) => v === head);
    expect(at).toBeGreaterThan(0);
    const row = (r: number) => [1, 2].map((c) => ov.getRow(r).getCell(c).value);
    expect([row(at + 1), row(at + 2), row(at + 3)]).toEqual([
      ['常德分校', sent[0]],
      ['岳阳分校', sent[1]],
      [null, null],
    ]);
    // The merge over A–C of the head and over B–C of each row, as the other lists under the figures have.
    const xml = await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${ov.id}.xml`)!.async('string');
    const merges = [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]);
    expect(merges).toEqual(expect.arrayContaining([`A${at}:C${at}`, `B${at + 1}:C${at + 1}`, `B${at + 2}:C${at + 2}`]));
    // Counted on the pages (Pages): a break before the head line, or none within the list.
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.filter((b) => b >= at && b < at + 2)).toEqual([]);
  });

  it('the whole chain: no list on 总览', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await chainSummaryBytes('zh', CHAIN)) as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(values.filter((v) => v.includes('接收单位的工作簿不在本次汇总中'))).toEqual([]);
  });
});
