import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { byBaseName, byFileName, naturalOrder } from '../../src/model/file-order';
import { findWorkbooks } from '../../src/batch/consolidate';

describe('naturalOrder: names as Explorer and WPS list them (review 10c D11)', () => {
  it.each([
    ['岳麓 2', '岳麓 10', -1],
    ['岳麓 10', '岳麓 9', 1],
    ['考点 1', '考点 1', 0],
    ['考点 07', '考点 7', 0], // leading zeros: the same number; byFileName parts them
    ['考点 007', '考点 8', -1],
    ['a1b2', 'a1b10', -1],
    ['12345678901234567890', '9', 1], // longer than a double holds: compared digit by digit
    ['考点', '考点 1', -1],
    ['长沙', '岳麓', '长'.charCodeAt(0) - '岳'.charCodeAt(0)],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(naturalOrder(a, b))).toBe(Math.sign(sign));
    expect(Math.sign(naturalOrder(b, a))).toBe(0 - Math.sign(sign) || 0);
  });
});

describe('byFileName and byBaseName in natural order', () => {
  const files = [
    '考点 10/岳麓 1.xlsx',
    '考点 2/岳麓 10.xlsx',
    '考点 2/岳麓 2.xlsx',
    '考点 2/岳麓 2 - 副本.xlsx',
    '考点 2/复件 岳麓 2.xlsx',
    '考点 1/岳麓 01.xlsx',
    '考点 1/岳麓 1.xlsx',
  ];

  it('folders, then names, by number; a workbook before its copies; leading zeros parted by the text', () => {
    expect([...files].sort(byFileName)).toEqual([
      '考点 1/岳麓 01.xlsx',
      '考点 1/岳麓 1.xlsx',
      '考点 2/岳麓 2.xlsx',
      '考点 2/复件 岳麓 2.xlsx',
      '考点 2/岳麓 2 - 副本.xlsx',
      '考点 2/岳麓 10.xlsx',
      '考点 10/岳麓 1.xlsx',
    ]);
  });

  it('byBaseName: the file’s own name first, by number, the folders only to part one name', () => {
    expect([...files].sort(byBaseName)).toEqual([
      '考点 1/岳麓 01.xlsx',
      '考点 1/岳麓 1.xlsx',
      '考点 10/岳麓 1.xlsx',
      '考点 2/岳麓 2.xlsx',
      '考点 2/复件 岳麓 2.xlsx',
      '考点 2/岳麓 2 - 副本.xlsx',
      '考点 2/岳麓 10.xlsx',
    ]);
  });
});

describe('findWorkbooks walks folders in natural order', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-order-'));
    for (const folder of ['考点 1', '考点 2', '考点 10']) {
      fs.mkdirSync(path.join(dir, folder));
      for (const name of ['岳麓 1', '岳麓 2', '岳麓 10']) fs.writeFileSync(path.join(dir, folder, `${name}.xlsx`), 'x');
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('1, 2, 10 in each folder and across folders', async () => {
    const found = await findWorkbooks([dir]);
    expect(found.map((f) => path.relative(dir, f))).toEqual(
      ['考点 1', '考点 2', '考点 10'].flatMap((folder) => ['岳麓 1', '岳麓 2', '岳麓 10'].map((name) => path.join(folder, `${name}.xlsx`))),
    );
  });
});
