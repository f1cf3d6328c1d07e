/**
 * The browser face's host in Node (no Web Worker here: the page's own path,
 * the same code the worker runs): files picked under the name of a file
 * already open. Every 考点 may send "试卷保管.xlsx"; another unit's workbook of
 * that name is kept beside the open one under a label of its own, the same
 * unit's (a corrected copy) replaces it, and the pane is told which.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { browserHost } from '../../src/taskpane/browser-face';
import { checkOutcome } from '../../src/taskpane/app';
import { readErrorLine } from '../../src/taskpane/read-error';
import { validateFiles } from '../../src/cli/validate';
import { fixture, workbookBytes } from './helpers';
import type { Intake } from '../../src/model/types';

const NAME = '试卷保管.xlsx';
const picked = (bytes: Uint8Array, name = NAME) => new File([bytes as BlobPart], name);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let kaodian: Uint8Array;
let fenxiao: Uint8Array;
let kaodianCorrected: Uint8Array;

beforeAll(async () => {
  kaodian = new Uint8Array(await workbookBytes(fixture('kaodian.json')));
  fenxiao = new Uint8Array(await workbookBytes(fixture('fenxiao.json')));
  const corrected = fixture('kaodian.json');
  (corrected.intake as Intake).totals!.bags31 = 9;
  kaodianCorrected = new Uint8Array(await workbookBytes(corrected));
});

/** `custody validate` of these workbooks together, each file's findings in its order. */
async function validated(...workbooks: Uint8Array[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-host-'));
  try {
    // Named as the pane lists them: findings across name the other file.
    const files = workbooks.map((bytes, i) => {
      const file = path.join(dir, i === 0 ? NAME : `试卷保管（${i + 1}）.xlsx`);
      fs.writeFileSync(file, bytes);
      return file;
    });
    return (await validateFiles(files, { lang: 'zh' })).files.map((f) => f.findings);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('another unit’s workbook of an open file’s name is kept beside it, checked with it; the same unit’s replaces it', async () => {
  const host = browserHost();
  expect(await host.addFiles([picked(kaodian)])).toEqual([]);

  // 长沙分校's workbook under the same name: kept, told apart, and the two checked across each other.
  expect(await host.addFiles([picked(fenxiao)])).toEqual([{ kind: 'keptBoth', name: NAME, label: '试卷保管（2）.xlsx' }]);
  expect(host.opened()).toEqual([NAME, '试卷保管（2）.xlsx']);
  let results = await host.check('zh');
  expect(results.map((r) => [r.id, r.label, r.report?.site, r.report?.sha256])).toEqual([
    [NAME, NAME, '长沙分校 岳麓考点', sha256(kaodian)],
    ['试卷保管（2）.xlsx', '试卷保管（2）.xlsx', '长沙分校', sha256(fenxiao)],
  ]);
  expect(results.map((r) => r.findings)).toEqual(await validated(kaodian, fenxiao));
  expect(results.map((r) => r.report?.file)).toEqual([NAME, '试卷保管（2）.xlsx']);

  // 岳麓考点's corrected copy, same name: it replaces 岳麓考点's, not 长沙分校's, and keeps its place and label.
  expect(await host.addFiles([picked(kaodianCorrected)])).toEqual([{ kind: 'replaced', name: NAME, label: NAME }]);
  expect(host.opened()).toEqual([NAME, '试卷保管（2）.xlsx']);
  results = await host.check('zh');
  expect(results.map((r) => [r.label, r.report?.sha256])).toEqual([
    [NAME, sha256(kaodianCorrected)],
    ['试卷保管（2）.xlsx', sha256(fenxiao)],
  ]);
  expect(results.map((r) => r.findings)).toEqual(await validated(kaodianCorrected, fenxiao));
  expect(results[0].findings.some((f) => f.rule === 'column-total')).toBe(true);

  // 长沙分校's again: it replaces the one listed as （2）.
  expect(await host.addFiles([picked(fenxiao)])).toEqual([{ kind: 'replaced', name: NAME, label: '试卷保管（2）.xlsx' }]);
  expect(host.opened()).toEqual([NAME, '试卷保管（2）.xlsx']);

  // A file of that name that cannot be read says no unit: it replaces the first of the name, as before.
  expect(await host.addFiles([picked(new TextEncoder().encode('not a workbook'))])).toEqual([{ kind: 'replaced', name: NAME, label: NAME }]);
  results = await host.check('zh');
  expect(results.map((r) => [r.label, r.error !== undefined, r.report?.site ?? null])).toEqual([
    [NAME, true, null],
    ['试卷保管（2）.xlsx', false, '长沙分校'],
  ]);
});

test('a third unit’s namesake is listed as （3）; a file of another name is simply added; one whose own name the list already gives another is told apart too', async () => {
  const host = browserHost();
  const third = fixture('kaodian.json');
  third.site!.examSite = '雨花考点';
  const yuhua = new Uint8Array(await workbookBytes(third));
  await host.addFiles([picked(kaodian), picked(fenxiao)]);
  expect(await host.addFiles([picked(yuhua), picked(kaodian, '岳麓.xlsx')])).toEqual([{ kind: 'keptBoth', name: NAME, label: '试卷保管（3）.xlsx' }]);
  expect(host.opened()).toEqual([NAME, '试卷保管（2）.xlsx', '试卷保管（3）.xlsx', '岳麓.xlsx']);
  // A file whose own name is one the list gives another: told apart too.
  expect(await host.addFiles([picked(fenxiao, '试卷保管（2）.xlsx')])).toEqual([
    { kind: 'keptBoth', name: '试卷保管（2）.xlsx', label: '试卷保管（2）（2）.xlsx' },
  ]);
  const results = await host.check('en');
  expect(results.map((r) => r.report?.site)).toEqual(['长沙分校 岳麓考点', '长沙分校', '长沙分校 雨花考点', '长沙分校 岳麓考点', '长沙分校']);
  expect(new Set(results.map((r) => r.id)).size).toBe(5);
  expect(new Set(results.map((r) => r.label)).size).toBe(5);
});

describe('a file saved again, moved or deleted after it was picked (review 14b D1)', () => {
  /** A File whose bytes the browser will no longer give, as chromium refuses them. */
  const gone = (name: string, error: Error) => Object.assign(new File([new Uint8Array([1])], name), { arrayBuffer: () => Promise.reject(error) });
  const refusal = (name: string, message: string) => new DOMException(message, name);

  test('NotFoundError and NotReadableError: one plain line in the page’s language, never the browser’s English', async () => {
    const host = browserHost();
    await host.addFiles([
      picked(kaodian, '岳麓考点.xlsx'),
      gone('张家界分校-09.xlsx', refusal('NotFoundError', 'A requested file or directory could not be found at the time an operation was processed.')),
      gone(
        '张家界分校-10.xlsx',
        refusal(
          'NotReadableError',
          'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.',
        ),
      ),
      gone('张家界分校-11.xlsx', refusal('SecurityError', 'It was determined that certain files are unsafe for access within a Web application.')),
    ]);
    const zh = await host.check('zh');
    expect(zh.map((r) => [r.label, r.error ?? null])).toEqual([
      ['岳麓考点.xlsx', null],
      ['张家界分校-09.xlsx', '这个文件在选择之后被修改、移走或删除了，请重新选择它'],
      ['张家界分校-10.xlsx', '这个文件在选择之后被修改、移走或删除了，请重新选择它'],
      ['张家界分校-11.xlsx', '浏览器没能读出这个文件的内容，请重新选择它；仍然不行时，先把它复制到本机的文件夹里再选择'],
    ]);
    expect(checkOutcome(zh, 'zh').text).toBe(
      `无法读取 张家界分校-09.xlsx：这个文件在选择之后被修改、移走或删除了，请重新选择它（另有 2 个文件无法读取）；${checkOutcome(zh.slice(0, 1), 'zh').text}`,
    );
    const en = await host.check('en');
    expect(en.map((r) => r.error ?? null)).toEqual([
      null,
      'This file was changed, moved or deleted after it was chosen: please choose it again',
      'This file was changed, moved or deleted after it was chosen: please choose it again',
      'The browser could not read this file: please choose it again; if that fails, copy it to a folder on this computer first and choose the copy',
    ]);
    // Still listed as files that could not be read (the summary counts them so), with no SHA-256 (no bytes were had).
    expect(zh.slice(1).map((r) => r.report?.sha256 ?? null)).toEqual([null, null, null]);
  });

  test('readErrorLine: a DOMException told by its name alone (one that crossed without its class) is the same plain line', () => {
    const crossed = Object.assign(new Error('A requested file or directory could not be found'), { name: 'NotFoundError' });
    expect(readErrorLine(crossed, 'zh')).toBe('这个文件在选择之后被修改、移走或删除了，请重新选择它');
    // Any other error keeps its words (the reader's refusals are BrowserReadErrors, said in their own words).
    expect(readErrorLine(new Error('奇怪的错误'), 'zh')).toBe('奇怪的错误');
  });
});

test('remove(): the files taken out are neither checked nor counted; the others are checked as if picked alone (review 14b D5)', async () => {
  const host = browserHost();
  await host.addFiles([picked(kaodian, '岳麓考点.xlsx'), picked(fenxiao, '长沙分校.xlsx'), picked(new TextEncoder().encode('not a workbook'), '文件夹.xlsx')]);
  host.remove!(['长沙分校.xlsx', '文件夹.xlsx']);
  expect(host.opened()).toEqual(['岳麓考点.xlsx']);
  const results = await host.check('zh');
  expect(results.map((r) => [r.label, r.error ?? null])).toEqual([['岳麓考点.xlsx', null]]);
  const alone = browserHost();
  await alone.addFiles([picked(kaodian, '岳麓考点.xlsx')]);
  expect(results.map((r) => r.findings)).toEqual((await alone.check('zh')).map((r) => r.findings));
  host.remove!(['岳麓考点.xlsx']);
  expect(await host.check('zh')).toEqual([]);
});
