/**
 * The outside review's round 7 (test/fixtures/review7/), D4: 岳阳分校's copy of its sheet to 平江考点 says 1304 × 2
 * (D8) and 合计 4 (D17), 平江's copy 3 and 5. validate and the marked copy point at D8 and D17; 交接配对 and
 * 问题清单 pointed at the row's 序号 (B8). They now point where validate lists the disagreement first: D8.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { consolidateModels } from '../../src/summary/consolidate';
import { withPairFindings } from '../../src/summary/tables';
import { modelOf } from '../rules/shape-sites';

jest.setTimeout(120_000);

const REVIEW7 = path.join(__dirname, '..', 'fixtures', 'review7');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW7, `${name}.json`), 'utf8')) as SiteData;
const FILES = { 岳阳分校: 'w-yueyang-fenxiao-planted-pingjiang-short', 平江考点: 'w-pingjiang-kaodian' };

describe('D4: a disagreeing handover’s item count is pointed at its 数量 cell, as validate does', () => {
  test('交接配对 and 问题清单 point each copy at D8 (数量), the first cell validate lists, not B8 (序号)', async () => {
    const models = await Promise.all(
      Object.entries(FILES).map(async ([file, name]) => ({ file: `${file}.xlsx`, model: await modelOf(await fillWorkbook(site(name))) })),
    );
    const consolidated = consolidateModels(models);
    const disagreeing = consolidated.pairs.filter((p) => p.status === 'disagree');
    expect(
      disagreeing.map((p) => [p.from, p.to, p.sender!.file, p.sender!.sheet, p.sender!.cell, p.receiver!.file, p.receiver!.sheet, p.receiver!.cell]),
    ).toEqual([['岳阳分校', '平江考点', '岳阳分校.xlsx', '交接单3', 'D8', '平江考点.xlsx', '交接单', 'D8']]);
    for (const f of consolidated.files) {
      const validated = f.findings.filter((x) => x.rule === 'handover-copies-disagree').map((x) => [x.sheet, x.cell]);
      const listed = withPairFindings(f.file, f.findings, consolidated.pairs)
        .filter((x) => x.rule === 'handover-copies-disagree')
        .map((x) => [x.sheet, x.cell]);
      expect([f.file, validated, listed]).toEqual([
        f.file,
        [
          [validated[0][0], 'D8'],
          [validated[0][0], 'D17'],
        ],
        [[validated[0][0], 'D8']],
      ]);
    }
  });
});
