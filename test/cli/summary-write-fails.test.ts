/**
 * `summary -o` over a summary written before says “将被新的汇总替换” before the
 * work; when the write then fails (a full disk), the earlier summary is kept —
 * the new one is written beside it and renamed over it only when whole — and
 * the line saying why says so too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fixture } from '../helpers';

jest.setTimeout(120_000);

let dir: string;
let book: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-summary-full-'));
  book = path.join(dir, 'kaodian.xlsx');
  fs.writeFileSync(book, await fillWorkbook(fixture('kaodian.json')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  jest.restoreAllMocks();
  for (const f of fs.readdirSync(dir)) if (path.join(dir, f) !== book) fs.rmSync(path.join(dir, f), { recursive: true });
});

/**
 * The disk full for the temporary file beside `out` (and for nothing else the run writes): the workbook's
 * write rejected as a full disk rejects it, the JSON's stream written into /dev/full, which is always full.
 */
function diskFullFor(out: string): void {
  const ours = (file: unknown) => String(file).startsWith(`${out}.custody-`);
  const { writeFile } = fs.promises;
  jest.spyOn(fs.promises, 'writeFile').mockImplementation((file, ...rest) => {
    if (ours(file)) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
    return writeFile(file, ...rest);
  });
  // The module itself (what src imports), not the namespace `import * as` makes of it, whose properties are fixed.
  const nodeFs = jest.requireActual<typeof fs>('fs');
  const { createWriteStream } = nodeFs;
  jest
    .spyOn(nodeFs, 'createWriteStream')
    .mockImplementation((file, options) => (ours(file) ? createWriteStream('/dev/full') : createWriteStream(file, options)));
}

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, err: io.stderr.trim().split('\n') };
}

test.each([
  ['zh', 'summary.xlsx', []],
  ['en', 'summary.json', ['--format', 'json']],
])('a summary that cannot replace an earlier one (%s, %s): the line says the earlier one is kept, as it is', async (lang, name, more) => {
  const out = path.join(dir, name);
  // An earlier summary written here (a workbook that is none this tool wrote would be kept without a try: keep-unit.ts).
  expect((await run('summary', book, '-o', out, ...more)).code).toBe(0);
  const earlier = fs.readFileSync(out);
  diskFullFor(out);
  const r = await run('summary', book, '-o', out, '--lang', lang, ...more);
  expect(r.code).toBe(2);
  expect(r.err[0]).toBe(lang === 'zh' ? `注意：${out} 已存在，将被新的汇总替换。` : `Note: ${out} exists and will be replaced by the new summary.`);
  expect(r.err[r.err.length - 1]).toBe(
    lang === 'zh'
      ? `错误：无法读写文件（磁盘已满）；原有的 ${out} 未被替换，保持原样`
      : `error: cannot read or write a file (the disk is full); the earlier ${out} was kept as it was`,
  );
  expect(fs.readFileSync(out).equals(earlier)).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual(['kaodian.xlsx', name].sort());
});

test('a new summary that cannot be written: the line says why, and no folder is left behind', async () => {
  const out = path.join(dir, 'new', 'summary.xlsx');
  diskFullFor(out);
  const r = await run('summary', book, '-o', out);
  expect(r.code).toBe(2);
  expect(r.err).toEqual(['错误：无法读写文件（磁盘已满）']);
  expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
});
