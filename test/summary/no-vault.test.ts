/**
 * A site that keeps no vault record (review round 11 D6): 长沙分校 (test/fixtures/fenxiao.json) with
 * review11's r1-kaodian-novault.xlsx, a 考点 whose 附件2, 3 and 5 sheets are deleted. Its summary showed
 * 值班覆盖 0小时00分 / 0小时00分 100.0%, 试卷份数 0 and 余量 −57/−31/−20, and 总览's 考点 level 0 份 beside
 * 108 candidates. Now 无保密室记录 stands where its vault's figures would be (its 汇总 sheet, 站点汇总,
 * 试卷明细; zh and en), the row is greyed as one in no total, and its stock is in no level (总览 names it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { rowOf, summaryIn } from './summary-cells';

jest.setTimeout(120_000);

const R1 = path.join(__dirname, '..', 'fixtures', 'review11', 'xlsx', 'r1-kaodian-novault.xlsx');
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-no-vault-'));
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'fenxiao.json'), 'utf8')) as SiteData;
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', 'f.xlsx'), await fillWorkbook(data));
  fs.copyFileSync(R1, path.join(dir, 'in', 'r1.xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const summaryOf = (lang: 'zh' | 'en') => summaryIn(dir, lang);

describe('a site without vault forms in the summary', () => {
  it('summarizeSite: noVault, every paper flagged, no spare worked out from 0 copies', async () => {
    const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(R1)));
    const s = summarizeSite(model);
    expect(s.noVault).toBe(true);
    expect(s.papers.map((p) => [p.paperNo, p.noVault, p.candidates, p.spareCopies])).toEqual([
      ['1001', true, 57, null],
      ['2045', true, 31, null],
      ['3310', true, 20, null],
    ]);
    const filled = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, 'in', 'f.xlsx'))));
    expect(summarizeSite(filled).noVault).toBe(false);
  });

  it('zh: 站点汇总, 试卷明细, its 汇总 sheet and 总览 say 无保密室记录; the 考点 level holds none of its stock', async () => {
    const { wb, stdout } = await summaryOf('zh');
    expect(stdout.split('\n').slice(1, 3)).toEqual([
      '注意：岳麓考点没有保密室记录（附件2、3、5 都没有填写），未计入按单位级别的合计。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，9 袋、183 份（报考 173 人）。未还保密室 0 袋。',
    ]);
    const sites = wb.getWorksheet('站点汇总')!;
    expect(rowOf(sites, 23, (v) => v[1] === '岳麓考点')).toEqual([
      '长沙分校',
      '岳麓考点',
      '考点',
      '需改正',
      1,
      0,
      3,
      null,
      null,
      108, // 合计（袋）, 试卷份数: none; 考生数
      '无保密室记录',
      null,
      null,
      null, // 出库次数 … 移交送出
      4,
      1,
      0, // 考场次, 接收, 移交交接单
      '无保密室记录',
      null,
      null,
      null, // 保管时长, 值班覆盖时长, 覆盖率, 值班缺口
      '无保密室记录（附件2、3、5 都没有填写），未计入合计',
      'r1.xlsx',
    ]);
    const papers = wb.getWorksheet('试卷明细')!;
    expect(rowOf(papers, 21, (v) => v[1] === '岳麓考点' && v[2] === '1001')).toEqual([
      'r1.xlsx',
      '岳麓考点',
      '1001',
      '高等数学基础',
      new Date('2024-06-15T08:30:00.000Z'),
      '无保密室记录',
      null,
      null,
      null,
      null,
      null,
      57,
      '无保密室记录',
      null,
      null,
      null,
      null,
      '01、02',
      57,
      null,
      null,
    ]);
    const site = wb.worksheets.find((w) => w.name.includes('岳麓考点'))!;
    expect(site.getCell('A3').value).toBe('提交状态：暂不能提交：1 处错误需改正    警告 0    无保密室记录');
    expect(rowOf(site, 19, (v) => v[0] === '合计')).toEqual([
      '合计',
      '3 种试卷',
      '3 场',
      '无保密室记录',
      null,
      null,
      null,
      null,
      null,
      108,
      '无保密室记录',
      null,
      null,
      null,
      null,
      '4 个\n考场次',
      108,
      null,
      null,
    ]);
    const texts = site.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(texts).toEqual(
      expect.arrayContaining([
        '三、保密室值班覆盖（保管期：入库至最后一次出库；未出库的试卷至少到它的考试结束）',
        '无保密室记录：附件2 入库清单、附件3 出入库记录、附件5 值班记录都没有填写，试卷袋数、份数、余量、出入库、保管期和值班覆盖无从计算。',
        '四、尚未归还保密室的出库',
        '无保密室记录',
      ]),
    );
    expect(texts.some((t) => String(t).includes('全部出库均已归还') || String(t).includes('小时'))).toBe(false);
    const overview = wb.getWorksheet('总览')!;
    const notes = overview.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(notes).toEqual(
      expect.arrayContaining([
        '注意：以下 1 个单位的附件2、3、5 都没有填写，没有保密室记录，试卷份数、出入库和值班覆盖无从计算，未计入按单位级别的合计：',
        '岳麓考点',
      ]),
    );
  });

  it('en: the same words in English', async () => {
    const { wb, stdout } = await summaryOf('en');
    expect(stdout.split('\n')[1]).toBe('Note: 岳麓考点 keeps no vault record (none of 附件2, 3 and 5 filled in): not in the totals by unit level.');
    const sites = wb.getWorksheet('Sites')!;
    const row = rowOf(sites, 23, (v) => v[1] === '岳麓考点');
    expect([row[7], row[8], row[10], row[17], row[18], row[21]]).toEqual([
      null,
      null,
      'no vault record',
      'no vault record',
      null,
      'No vault record (none of 附件2, 3, 5 filled in), not in the totals',
    ]);
    const site = wb.worksheets.find((w) => w.name.includes('岳麓考点'))!;
    expect(site.getCell('A3').value).toBe('Status: Not ready: 1 error to correct    0 warnings    no vault record');
    expect(rowOf(site, 19, (v) => v[0] === '1001').slice(3, 13)).toEqual(['no vault record', null, null, null, null, null, 57, 'no vault record', null, null]);
  });
});
