/**
 * Data safety at the command line: no output ever written over anything being
 * read (however the path is spelled), replacing an existing output said out
 * loud, only regular files opened, folders walked without leaving the tree or
 * looping, file names with control characters shown escaped.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findWorkbooks } from '../../src/batch/files';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { RunReport } from '../../src/model/finding';
import { fixture } from '../helpers';

let dir: string;
let books: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const REFUSED = (p: string) => `错误：输出文件就是正在读取的输入文件之一，已拒绝（输入文件从不被改写）：${p}，请换一个输出文件名\n`;

async function run(...args: string[]) {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-safety-'));
  books = path.join(dir, 'books');
  fs.mkdirSync(path.join(books, '考点'), { recursive: true });
  fs.writeFileSync(path.join(books, '长沙分校.xlsx'), await fillWorkbook(fixture('fenxiao.json')));
  fs.writeFileSync(path.join(books, '考点', '岳麓考点.xlsx'), await fillWorkbook(fixture('kaodian.json')));
  fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify(fixture('kaodian.json')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('never writes over an input', () => {
  const unit = () => path.join(books, '考点', '岳麓考点.xlsx');
  it.each([
    ['a workbook found inside an input folder', () => unit()],
    ['the same through ./ and ..', () => path.join(books, '考点', '.', '..', '考点', '岳麓考点.xlsx')],
    [
      'a symbolic link to it',
      () => {
        const link = path.join(dir, 'link.xlsx');
        if (!fs.existsSync(link)) fs.symlinkSync(unit(), link);
        return link;
      },
    ],
    [
      'a hard link to it',
      () => {
        const hard = path.join(dir, 'hard.xlsx');
        if (!fs.existsSync(hard)) fs.linkSync(unit(), hard);
        return hard;
      },
    ],
  ])('summary -o %s: refused before any work, one line, exit 2', async (_, output) => {
    const out = output();
    const before = sha(unit());
    const r = await run('summary', books, '-o', out);
    expect(r).toEqual({ code: 2, out: '', err: REFUSED(out) });
    expect(sha(unit())).toBe(before);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('summary -o ./name from inside the folder: refused', async () => {
    const before = sha(unit());
    const cwd = process.cwd();
    process.chdir(path.join(books, '考点'));
    try {
      const r = await run('summary', '..', '-o', './岳麓考点.xlsx');
      expect(r).toEqual({ code: 2, out: '', err: REFUSED('./岳麓考点.xlsx') });
    } finally {
      process.chdir(cwd);
    }
    expect(sha(unit())).toBe(before);
  });

  it('summary -o the input in another case: refused where the disk ignores case, a new file where it does not', async () => {
    const before = sha(unit());
    const upper = path.join(books, '考点', '岳麓考点.XLSX');
    const caseBlind = fs.existsSync(upper);
    const r = await run('summary', books, '-o', upper);
    if (caseBlind) expect(r).toEqual({ code: 2, out: '', err: REFUSED(upper) });
    else {
      expect(r.code).toBe(0);
      expect(fs.readdirSync(path.join(books, '考点')).sort()).toEqual(['岳麓考点.XLSX', '岳麓考点.xlsx']);
      fs.rmSync(upper);
    }
    expect(sha(unit())).toBe(before);
  });

  it('summary --format json -o an input: refused too (an input is a workbook: no JSON into a file named .xlsx, review 21b O1)', async () => {
    const before = sha(unit());
    const r = await run('summary', books, '--format', 'json', '-o', unit());
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `--format json 写出的是 JSON，不是工作簿：写到 ${unit()} 会成为一个 Excel 打不开的“工作簿”。请把文件名改为以 .json 结尾，或去掉 --format json 写出汇总工作簿\n`,
    });
    expect(sha(unit())).toBe(before);
  });

  it('fill -o its own data file through a link: refused', async () => {
    const link = path.join(dir, 'data-link.xlsx');
    fs.symlinkSync(path.join(dir, 'data.json'), link);
    const before = sha(path.join(dir, 'data.json'));
    const r = await run('fill', path.join(dir, 'data.json'), '-o', link);
    expect(r).toEqual({ code: 2, out: '', err: REFUSED(link) });
    expect(sha(path.join(dir, 'data.json'))).toBe(before);
  });

  it('a summary written there before is replaced, and the run says so', async () => {
    const out = path.join(books, '汇总.xlsx');
    const first = await run('summary', books, '-o', out);
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    const second = await run('summary', books, '-o', out);
    expect(second.code).toBe(0);
    expect(second.err).toBe(`注意：${out} 已存在，将被新的汇总替换。\n`);
    expect(second.out).toContain('已汇总 2 个工作簿');
    fs.rmSync(out);
  });

  it('fill says when it replaces a file', async () => {
    const out = path.join(dir, 'filled.xlsx');
    expect((await run('fill', path.join(dir, 'data.json'), '-o', out)).err).toBe('');
    expect((await run('fill', path.join(dir, 'data.json'), '-o', out)).err).toBe(`注意：已替换原有的文件 ${out}\n`);
  });
});

describe('only regular files are opened', () => {
  it('an output that is a pipe is written into, not replaced by a plain file (a rename would have put one in its place)', async () => {
    const fifo = path.join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve, reject) => {
      let text = '';
      fs.createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += chunk))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const r = await run('summary', path.join(books, '考点', '岳麓考点.xlsx'), '--format', 'json', '-o', fifo);
    expect(r.code).toBe(0);
    expect(JSON.parse(await read).files).toHaveLength(1);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.custody-'))).toEqual([]);
    fs.rmSync(fifo);
  });

  it('a FIFO, named or inside a folder, and a device get one line each, without waiting', async () => {
    const fifoDir = path.join(dir, 'fifo');
    fs.mkdirSync(fifoDir);
    const fifo = path.join(fifoDir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const named = await run('validate', fifo, '/dev/zero', '--format', 'json');
    expect(named.code).toBe(2);
    expect((JSON.parse(named.out) as RunReport).files.map((f) => [f.file, f.error])).toEqual([
      [fifo, '这是一个命名管道（FIFO），不是工作簿文件，未读取；请指定 .xlsx 工作簿文件'],
      ['/dev/zero', '这是一个设备文件，不是工作簿文件，未读取；请指定 .xlsx 工作簿文件'],
    ]);
    const inFolder = await run('validate', fifoDir);
    expect(inFolder).toEqual({ code: 2, out: `${fifo}：无法读取：这是一个命名管道（FIFO），不是工作簿文件，未读取；请指定 .xlsx 工作簿文件\n`, err: '' });
  });

  it('folders walked without following links to folders out of the tree or into loops; a link to nothing or in a loop, and a linked workbook anywhere, each listed', async () => {
    const tree = path.join(dir, 'tree');
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true });
    fs.copyFileSync(path.join(books, '长沙分校.xlsx'), path.join(tree, 'sub', 'a.xlsx'));
    fs.symlinkSync(tree, path.join(tree, 'sub', 'loop'));
    fs.symlinkSync(books, path.join(tree, 'outside'));
    fs.symlinkSync(path.join(tree, 'sub', 'a.xlsx'), path.join(tree, 'same.xlsx'));
    fs.symlinkSync(path.join(tree, 'nowhere.xlsx'), path.join(tree, 'dangling.xlsx'));
    fs.symlinkSync(path.join(tree, 'ring2.xlsx'), path.join(tree, 'ring1.xlsx'));
    fs.symlinkSync(path.join(tree, 'ring1.xlsx'), path.join(tree, 'ring2.xlsx'));
    fs.symlinkSync(path.join(books, '考点', '岳麓考点.xlsx'), path.join(tree, 'linked.xlsx'));
    // a.xlsx is reached twice (first through same.xlsx, in name order) and listed once; the loop and the link to
    // a folder out of the tree are not followed; the link to nothing, the ring and the linked workbook are listed.
    const listed = ['dangling.xlsx', 'linked.xlsx', 'ring1.xlsx', 'ring2.xlsx', 'same.xlsx'].map((f) => path.join(tree, f));
    expect(await findWorkbooks([tree])).toEqual(listed);
    const r = await run('validate', tree);
    expect(r.code).toBe(2);
    expect(r.out.split('\n').filter((l) => l.includes('无法读取'))).toEqual([
      `${listed[0]}：无法读取：找不到文件，请检查文件名和路径是否写对`,
      `${listed[2]}：无法读取：这是一个循环的符号链接，找不到真正的文件；请指定工作簿文件本身`,
      `${listed[3]}：无法读取：这是一个循环的符号链接，找不到真正的文件；请指定工作簿文件本身`,
      '合计：0 个错误，0 个警告；3 个文件无法读取',
    ]);
    // Named, then found again through a link to the tree and in the tree itself: listed once, as named.
    const treeLink = path.join(dir, 'tree-link');
    fs.symlinkSync(tree, treeLink);
    const named = path.join(treeLink, 'sub', 'a.xlsx');
    expect((await findWorkbooks([named, treeLink, tree]))[0]).toBe(named);
    expect(await findWorkbooks([named, treeLink, tree])).not.toContain(path.join(tree, 'same.xlsx'));
    for (const f of ['dangling.xlsx', 'ring1.xlsx', 'ring2.xlsx', 'linked.xlsx']) fs.rmSync(path.join(tree, f));
    expect(await findWorkbooks([treeLink, named])).toEqual([path.join(treeLink, 'same.xlsx')]);
  });

  it('a file name with a newline is shown escaped', async () => {
    const odd = path.join(dir, 'odd\nname.xlsx');
    fs.writeFileSync(odd, 'not a workbook');
    const r = await run('validate', odd);
    expect(r.out).toBe(
      `${dir}/odd\\nname.xlsx：无法读取：不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查\n`,
    );
  });
});
