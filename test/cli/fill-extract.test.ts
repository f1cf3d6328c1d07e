import * as fs from 'fs';
import * as path from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { canonical, fixture } from '../helpers';
import { scratchDir } from '../scratch';

const tmp = () => scratchDir('custody-cli-');
/** Text as GBK bytes (what Notepad saves as “ANSI” on a Chinese Windows): Node decodes GB18030 but has no encoder. */
const gbk = (text: string): Uint8Array => {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
};
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

  test('template -o a workbook’s name or a file: refused in one line before any work, no folder made (review 15b D9)', async () => {
    const dir = tmp();
    const named = path.join(dir, '空白表.xlsx');
    expect(await run('template', '-o', named)).toEqual({
      code: 2,
      out: '',
      err: `-o 是写入空白模板（6 个工作簿）的文件夹，不是工作簿的文件名：${named}；请给一个文件夹名（如 -o templates）\n`,
    });
    expect(fs.existsSync(named)).toBe(false);
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'x');
    expect(await run('template', '-o', file, '--lang', 'en')).toEqual({
      code: 2,
      out: '',
      err: `-o is the folder to write the blank templates (6 workbooks) into, but ${file} is a file: give a folder's name (e.g. -o templates)\n`,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
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
    // In plain words, never V8's ("Expected double-quoted property name in JSON at position 34").
    expect(r).toEqual({ code: 2, out: '', err: `${input}：不是有效的 JSON（第 2 行第 34 列附近），未写出文件：请检查那里是否多了或少了逗号、引号或括号\n` });
    expect(fs.existsSync(out)).toBe(false);
    const en = await run('fill', input, '-o', out, '--lang', 'en');
    expect(en).toEqual({
      code: 2,
      out: '',
      err: `${input}: not valid JSON (near line 2, column 34); nothing written: look there for a comma, quote or bracket too many or missing\n`,
    });
  });

  test('an empty data file: said so, nothing written (review round 10c D7)', async () => {
    const dir = tmp();
    const input = path.join(dir, 'empty.json');
    fs.writeFileSync(input, '\uFEFF \n');
    const out = path.join(dir, 'out.xlsx');
    expect(await run('fill', input, '-o', out)).toEqual({ code: 2, out: '', err: `${input}：文件是空的，未写出文件\n` });
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a data file saved by Notepad as “ANSI” (GBK) is read as GBK, and said so; its Chinese arrives whole (review round 10c D1)', async () => {
    const dir = tmp();
    const data = fixture('kaodian.json');
    const input = path.join(dir, 'gbk.json');
    fs.writeFileSync(input, gbk(JSON.stringify(data, null, 2)));
    const out = path.join(dir, 'out.xlsx');
    const r = await run('fill', input, '-o', out);
    expect(r).toEqual({ code: 0, out: `已写出 ${out}\n`, err: `${input}：注意：文件不是 UTF-8 编码，已按 GBK（记事本的“ANSI”）读取；请核对写出的中文\n` });
    expect(canonical(JSON.parse((await run('extract', out)).out))).toEqual(canonical(data));
  });

  test('fill and template in English when asked: their lines, not the forms (review round 10c D3)', async () => {
    const dir = tmp();
    const input = path.join(dir, 'data.json');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), input);
    const out = path.join(dir, 'out.xlsx');
    expect(await run('fill', input, '-o', out, '--lang', 'en')).toEqual({ code: 0, out: `Written: ${out}\n`, err: '' });
    expect(await run('fill', input, '-o', out, '--lang', 'en')).toEqual({
      code: 0,
      out: `Written: ${out}\n`,
      err: `Note: replaced the file that was there, ${out}\n`,
    });
    const templates = await run('template', '-o', dir, '--lang', 'en');
    expect(templates.out.split('\n')[0]).toBe(`Written: ${path.join(dir, '试卷保密工作簿（全套）.xlsx')}`);
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

  test('null is an empty field: the cell left blank; a number where text is wanted says how to write it (review round 10c D6)', async () => {
    const dir = tmp();
    const data = fixture('kaodian.json');
    const nulled = JSON.parse(JSON.stringify(data));
    nulled.vaultLog[0].taker = null;
    nulled.handovers[0].toSigners.push(null);
    const input = path.join(dir, 'null.json');
    fs.writeFileSync(input, JSON.stringify(nulled));
    const out = path.join(dir, 'out.xlsx');
    expect(await run('fill', input, '-o', out)).toEqual({ code: 0, out: `已写出 ${out}\n`, err: '' });
    const back = JSON.parse((await run('extract', out)).out);
    delete data.vaultLog![0].taker;
    expect(canonical(back)).toEqual(canonical(data));
    const numbered = JSON.parse(JSON.stringify(data));
    numbered.vaultLog[0].paperNo = 1001;
    fs.writeFileSync(input, JSON.stringify(numbered));
    expect(await run('fill', input, '-o', out)).toEqual({
      code: 2,
      out: '',
      err: `${input}：数据不符合数据模型，未写出文件：\n  /vaultLog/0/paperNo: 类型应为 string：请写成 "1001"（加引号） (must be string: write "1001", in quotes)\n`,
    });
  });

  test('fill -o a name not ending in .xlsx: refused as summary refuses it, nothing written (review round 10c D12)', async () => {
    const dir = tmp();
    const input = path.join(dir, 'data.json');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), input);
    const out = path.join(dir, 'out.txt');
    expect(await run('fill', input, '-o', out)).toEqual({ code: 2, out: '', err: `输出文件应以 .xlsx 结尾：${out}\n` });
    expect(fs.existsSync(out)).toBe(false);
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

  test('extract of a workbook with none of the forms: refused as validate refuses it, exit 2, nothing on stdout (review round 10c D4)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('本周值日表').getCell('A1').value = '值日生';
    const file = path.join(tmp(), 'roster.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await run('extract', file)).toEqual({
      code: 2,
      out: '',
      err: `${file}：不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件\n`,
    });
    expect((await run('extract', file, '--lang', 'en')).err).toBe(
      `${file}: not a custody workbook: none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file\n`,
    );
  });

  test('a wrong call exits 2', async () => {
    expect((await run('fill')).code).toBe(2);
    expect((await run('no-such-command')).code).toBe(2);
  });
});
