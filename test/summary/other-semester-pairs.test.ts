/**
 * A 考点's workbook of last year among this semester's (review round 2 D3): its handover copy
 * (长沙分校 → 宁乡考点, 2024-01-06 16:00) was paired with this year's 长沙分校 copy of the same day and
 * hour (2025-01-06 16:00), giving handover-copies-disagree on both files about the date. Copies are
 * paired only within one semester (基本信息's 学期); the other semester's copy is simply unpaired, and
 * its workbook has its one workbook-of-another-semester warning.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { pairCopies, type CopyKey } from '../../src/model/pairing';

jest.setTimeout(120_000);

const fixture = (set: string, name: string): SiteData =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', set, `${name}.json`), 'utf8')) as SiteData;

let dir: string;
let branch: string;
let liuyang: string;
let lastYear: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-semester-pairs-'));
  branch = path.join(dir, '长沙分校.xlsx');
  liuyang = path.join(dir, '浏阳考点.xlsx');
  lastYear = path.join(dir, '宁乡考点.xlsx');
  fs.writeFileSync(branch, await fillWorkbook(fixture('review', 'a-changsha-fenxiao')));
  fs.writeFileSync(liuyang, await fillWorkbook(fixture('review2', 'i-liuyang-two-weekends-kaodian')));
  fs.writeFileSync(lastYear, await fillWorkbook(fixture('review2', 'p-ningxiang-last-year-kaodian')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, io };
};

type Report = { files: Array<{ file: string; findings: Array<{ rule: string; sheet: string; cell: string }> }> };

describe('handover copies of two semesters are not one handover', () => {
  it('validate: 宁乡考点’s 2023秋 file has only its semester warning, 长沙分校’s none (no handover-copies-disagree)', async () => {
    const { io } = await run('validate', branch, liuyang, lastYear, '--format', 'json');
    const json = JSON.parse(io.stdout) as Report;
    const found = (file: string) => json.files.find((f) => f.file === file)!.findings.map((f) => [f.rule, f.sheet, f.cell]);
    expect([found(branch), found(liuyang), found(lastYear)]).toEqual([[], [], [['workbook-of-another-semester', '基本信息', 'B2']]]);
  });

  it('summary: 长沙分校’s 2025 copy to 宁乡考点 and 宁乡考点’s 2024 copy are each one side only, none disagrees', async () => {
    const { io } = await run('summary', branch, liuyang, lastYear, '--format', 'json');
    const pairs = (JSON.parse(io.stdout) as { handoverPairs: Array<Record<string, any>> }).handoverPairs;
    expect(
      pairs.map((p) => [p.status, p.from, p.to, p.sender?.file ?? null, p.sender?.time ?? null, p.receiver?.file ?? null, p.receiver?.time ?? null]),
    ).toEqual([
      ['sender-only', '长沙分校', '长沙分校宁乡考点', branch, '2025-01-06T16:00', null, null],
      ['receiver-only', '湖南开放大学', '长沙分校', null, null, branch, '2025-01-06T09:00'],
      ['receiver-only', '长沙分校', '浏阳考点', null, null, liuyang, '2025-01-03T15:00'],
      ['receiver-only', '长沙分校', '长沙分校宁乡考点', null, null, lastYear, '2024-01-06T16:00'],
    ]);
  });
});

describe('pairCopies and semesters', () => {
  const copy = (holder: string, holderUnit: string, direction: 'out' | 'in', semester?: string): CopyKey => ({
    holder,
    holderUnit,
    direction,
    from: '长沙分校',
    to: '宁乡考点',
    time: '2025-01-06T16:00',
    content: 'x',
    semester,
  });

  it('pairs copies of one semester, and a copy whose workbook names no semester with either', () => {
    const sender = copy('a', '长沙分校', 'out', '2024秋');
    const same = copy('b', '宁乡考点', 'in', '2024秋');
    const none = copy('b', '宁乡考点', 'in');
    expect(pairCopies([sender, same]).pairs).toEqual([{ sender, receiver: same }]);
    expect(pairCopies([sender, none]).pairs).toEqual([{ sender, receiver: none }]);
  });

  it('leaves copies of two semesters unpaired', () => {
    const sender = copy('a', '长沙分校', 'out', '2024秋');
    const other = copy('b', '宁乡考点', 'in', '2023秋');
    expect(pairCopies([sender, other])).toEqual({ pairs: [], unpaired: [sender, other] });
  });
});
