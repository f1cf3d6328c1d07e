/**
 * A write that fails (a full disk) leaves no folder it made behind, empty:
 * `validate --mark DIR`, `template -o DIR` and `summary -o DIR/x.xlsx` make
 * their folder as they write. A folder that was there, or that holds anything
 * by then, is kept.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeAtomically } from '../../src/batch/files';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-write-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

test('the folders a failed write made are removed again, and the error passes on', async () => {
  await expect(writeAtomically(path.join(dir, 'out', 'a', 'b', 'x.xlsx'), () => Promise.reject(full))).rejects.toBe(full);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('a folder that was there is kept, and what it held', async () => {
  fs.mkdirSync(path.join(dir, 'out'));
  fs.writeFileSync(path.join(dir, 'out', 'old.xlsx'), 'x');
  await expect(writeAtomically(path.join(dir, 'out', 'new', 'x.xlsx'), () => Promise.reject(full))).rejects.toBe(full);
  expect(fs.readdirSync(dir)).toEqual(['out']);
  expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['old.xlsx']);
});

test('a folder it made that holds another file by then is kept', async () => {
  const out = path.join(dir, 'out');
  const fail = async () => {
    fs.writeFileSync(path.join(out, 'other.xlsx'), 'x');
    throw full;
  };
  await expect(writeAtomically(path.join(out, 'x.xlsx'), fail)).rejects.toBe(full);
  expect(fs.readdirSync(out)).toEqual(['other.xlsx']);
});

test('a write that succeeds keeps its folder', async () => {
  const file = path.join(dir, 'out', 'x.txt');
  await writeAtomically(file, (into, flag) => fs.promises.writeFile(into, 'ok', { flag }));
  expect(fs.readFileSync(file, 'utf8')).toBe('ok');
});
