import * as fs from 'fs';
import * as path from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { canonical, fixture } from '../helpers';
import { scratchDir } from '../scratch';

const tmp = () => scratchDir('custody-cli-');
const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

describe('custody template / fill / extract', () => {
  test('template writes the whole workbook and one file per attachment', async () => {
    const dir = tmp();
    const r = await run('template', '-o', dir);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '试卷保密工作簿（全套）.xlsx',
      '附件1 纸质试卷交接单.xlsx',
      '附件2 纸质试卷入库清单.xlsx',
      '附件3 保密室试卷出入库记录表.xlsx',
      '附件4 试卷分发登记表.xlsx',
      '附件5 保密室值班记录.xlsx',
    ]);
  });

  test('template into a folder holding the templates: each replaced and said so, byte for byte templates/ again, run after run', async () => {
    const dir = tmp();
    const names = fs
      .readdirSync(path.join(__dirname, '..', '..', 'templates'))
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
    const first = await run('template', '-o', dir);
    expect(first).toEqual({ code: 0, out: names.map((n) => `已写出 ${path.join(dir, n)}\n`).join(''), err: '' });
    const again = await run('template', '-o', dir);
    expect(again).toEqual({
      code: 0,
      out: first.out,
      err: names.map((n) => `注意：已替换原有的文件 ${path.join(dir, n)}\n`).join(''),
    });
    // The bytes of the committed templates: writing them again into the project leaves templates/ unchanged.
    for (const name of names) {
      const same = fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', name)));
      expect({ name, same }).toEqual({ name, same: true });
    }
  });

  test('fill then extract gives the data back, and the input is untouched', async () => {
    const dir = tmp();
    const input = path.join(dir, 'data.json');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, 'out.xlsx');
    expect((await run('fill', input, '-o', out)).code).toBe(0);
    const book = fs.readFileSync(out);
    const r = await run('extract', out);
    expect(r.code).toBe(0);
    expect(canonical(JSON.parse(r.out))).toEqual(canonical(fixture('kaodian.json')));
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readFileSync(out).equals(book)).toBe(true);
  });

  test('a JSON syntax error names its line and column; nothing is written', async () => {
    const dir = tmp();
    const input = path.join(dir, 'bad.json');
    fs.writeFileSync(input, '{\n  "site": { "semester": "2024春", }\n}\n');
    const out = path.join(dir, 'out.xlsx');
    const r = await run('fill', input, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/JSON 格式错误（第 2 行第 \d+ 列）/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('schema problems are listed with their paths', async () => {
    const dir = tmp();
    const input = path.join(dir, 'bad.json');
    fs.writeFileSync(input, JSON.stringify({ handovers: [{ items: [{ quantity: [3] }], fromSigners: '张三' }], paperNO: 1 }));
    const r = await run('fill', input, '-o', path.join(dir, 'out.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('/handovers/0/items/0/quantity');
    expect(r.err).toContain('/handovers/0/fromSigners');
    expect(r.err).toContain('paperNO');
  });

  test('fill refuses to write over its input', async () => {
    const dir = tmp();
    const input = path.join(dir, 'data.json');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), input);
    const r = await run('fill', input, '-o', input);
    expect(r.code).toBe(2);
    expect(r.err).toContain('输入文件从不被改写');
  });

  test.each([
    ['not a workbook', Buffer.from('hello, this is text'), '不是 .xlsx'],
    ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '.xls'],
    ['an empty file', Buffer.alloc(0), '空的'],
  ])('extract of %s gives one line and exit 2', async (_name, bytes, reason) => {
    const file = path.join(tmp(), 'x.xlsx');
    fs.writeFileSync(file, new Uint8Array(bytes));
    const r = await run('extract', file);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(reason);
  });

  test('a wrong call exits 2', async () => {
    expect((await run('fill')).code).toBe(2);
    expect((await run('no-such-command')).code).toBe(2);
  });
});
