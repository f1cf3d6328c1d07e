/**
 * The JSON written in chunks is the text of JSON.stringify(value, null, 2) to
 * the character, however deep it is opened; its chunks end at a line's end
 * (but the last) and stay near their size.
 */
import { JsonChunks, nested } from '../../src/batch/json-chunks';

async function written(value: unknown, depth: number): Promise<string[]> {
  const chunks: string[] = [];
  const json = new JsonChunks((chunk) => void chunks.push(chunk));
  await json.value(value, '', depth);
  await json.end();
  return chunks;
}

const finding = (i: number) => ({
  rule: 'partial-row',
  severity: 'error',
  sheet: '出入库记录',
  cell: `C${i + 4}`,
  row: i + 1,
  message: `第 ${i + 1} 行只填了一部分。\n请补上 "引号" \\ 与\t制表符`,
});

const ODD_VALUES = {
  files: [
    { file: 'a.xlsx', site: null, sha256: 'ab', findings: [finding(0), finding(1)] },
    { file: 'b.xlsx', site: '岳麓考点', sha256: null, error: '文件过大', findings: [] },
    { file: 'c.xlsx', site: undefined, skipped: () => 1, findings: [{}, [], [[]], null, 0, -1.5, true, '', undefined] },
  ],
  when: new Date(Date.UTC(2026, 5, 15, 7, 45)),
  sparse: [undefined, () => 1, Symbol('s')],
  empty: {},
  nothing: null,
  nestedEmpty: { a: { b: {} }, c: [{}] },
  // toJSON is given the member's name or the item's index; what it returns is what is written (undefined: left out).
  keyed: { toJSON: (key: string) => `key:${key}` },
  gone: { toJSON: () => undefined },
  listed: [{ toJSON: (key: string) => ({ at: key, list: [1] }) }, { toJSON: () => undefined }],
};

describe('JsonChunks', () => {
  it.each([0, 1, 2, 3, 4, 5, 9])('is JSON.stringify(value, null, 2) to the character, opened %i levels deep', async (depth) => {
    expect((await written(ODD_VALUES, depth)).join('')).toBe(JSON.stringify(ODD_VALUES, null, 2));
  });

  it.each([[[]], [{}], ['text'], [7], [null], [[1, [2, [3]]]]])('a bare value (%j) as JSON.stringify writes it', async (value) => {
    expect((await written(value, 3)).join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('a report of 20,000 findings: chunks of some 64 K characters, each ending a line but the last', async () => {
    const report = { files: [{ file: 'big.xlsx', site: null, sha256: null, findings: Array.from({ length: 20000 }, (_, i) => finding(i)) }] };
    const chunks = await written(report, 4);
    expect(chunks.join('')).toBe(JSON.stringify(report, null, 2));
    const longestItem = nested(finding(19999), '        ').length;
    expect(chunks.length).toBeGreaterThan(40);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(64 * 1024 + longestItem + 20);
    }
    expect(chunks[chunks.length - 1].endsWith('}')).toBe(true);
  });

  it('items still to come (an async iterable) written as they come', async () => {
    async function* later() {
      yield { a: 1 };
      yield [2, { b: 'c' }];
    }
    const chunks: string[] = [];
    const json = new JsonChunks((chunk) => void chunks.push(chunk));
    await json.put('{\n  "list": ');
    await json.array(later(), '  ', 2);
    await json.put('\n}');
    await json.end();
    expect(chunks.join('')).toBe(JSON.stringify({ list: [{ a: 1 }, [2, { b: 'c' }]] }, null, 2));
  });
});
