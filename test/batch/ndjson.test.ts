/**
 * The spool's NDJSON lines read back as written: lines cut by the reader's
 * 1 MB reads (also inside a character of several bytes), lines many reads
 * long, empty lines, a last line without its newline.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readLines } from '../../src/batch/ndjson';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-ndjson-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(name: string, text: string): Promise<unknown[]> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const lines: unknown[] = [];
  for await (const line of readLines(file)) lines.push(line);
  return lines;
}

const MB = 1024 * 1024;

describe('readLines', () => {
  it('a line of 5 MB between short ones, a line ending at a read, a character cut by a read', async () => {
    const long = '试'.repeat((5 * MB) / 3); // 3 bytes a character: some 5 MB of one line
    // A first line of exactly 1 MB less its newline: its newline is the read's last byte.
    const first = 'a'.repeat(MB - 3);
    // A line whose 3-byte character straddles the second read's end.
    const straddling = `${'b'.repeat(MB - 5)}卷`;
    const values = [first, straddling, long, { n: 1 }, [], long.slice(0, 7)];
    const text = `${values.map((v) => JSON.stringify(v)).join('\n')}\n`;
    expect(Buffer.byteLength(`${JSON.stringify(first)}\n`)).toBe(MB);
    expect(await readBack('mixed.ndjson', text)).toEqual(values);
  });

  it('a line of 20 MB is joined once, not at every read (copied some 20 MB, not 200)', async () => {
    const concat = jest.spyOn(Buffer, 'concat');
    try {
      const long = 'z'.repeat(20 * MB);
      expect(await readBack('twenty.ndjson', `${JSON.stringify(long)}\n1\n`)).toEqual([long, 1]);
      const copied = concat.mock.results.reduce((n, r) => n + (r.value as Buffer).length, 0);
      expect(copied).toBe(20 * MB + 2);
    } finally {
      concat.mockRestore();
    }
  });

  it('empty lines skipped, a last line without its newline read, an empty file no line', async () => {
    expect(await readBack('ends.ndjson', '\n1\n\n\n[2]\n{"a":"b"}')).toEqual([1, [2], { a: 'b' }]);
    expect(await readBack('empty.ndjson', '')).toEqual([]);
    const long = 'x'.repeat(3 * MB);
    expect(await readBack('one-long.ndjson', JSON.stringify(long))).toEqual([long]);
    expect(await readBack('newline-after-reads.ndjson', `${JSON.stringify('y'.repeat(2 * MB - 3))}\n\n7`)).toEqual(['y'.repeat(2 * MB - 3), 7]);
  });
});
