/**
 * A folder dropped on the offline page's drop zone (review 14b D2): the workbooks in it and its subfolders are
 * opened, found as the CLI's walk of a folder finds them (its names, its order, hidden folders and node_modules
 * left out; marked copies and text tables found, to be passed by with their line); a folder with none gets one line.
 * The entries API (webkitGetAsEntry, readEntries) stood in for in Node.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type DropEntry, type DropItem, droppedFiles } from '../../src/taskpane/drop-folder';
import { findWorkbookFiles } from '../../src/batch/files';
import { scratchDir } from '../scratch';

/** A folder tree as the drop gives it: readEntries hands out `batch` entries at a time, then none. */
function folder(name: string, children: DropEntry[], batch = 2, fails = false): DropEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader() {
      let at = 0;
      return {
        readEntries(ok, fail) {
          if (fails) return fail?.(new Error('NotReadableError'));
          const next = children.slice(at, at + batch);
          at += next.length;
          // Asynchronously, as the browser calls back.
          setTimeout(() => ok(next), 0);
        },
      };
    },
  };
}
const file = (name: string): DropEntry => ({ name, isFile: true, isDirectory: false, file: (ok) => ok(new File([new Uint8Array([1])], name)) });
const item = (entry: DropEntry | null, asFile: File | null = null): DropItem => ({ kind: 'file', getAsFile: () => asFile, webkitGetAsEntry: () => entry });

const NAMES = ['考点10.xlsx', '考点2.xlsx', '说明.docx', '~$考点2.xlsx', '考点2（已标记）.xlsx', '台账.csv', '旧表.xls', 'a.et'];

test('a folder dropped: its workbooks and its subfolders’, in the CLI walk’s order and names; readEntries called until it gives none', async () => {
  const tree = folder('长沙分校', [
    ...NAMES.map(file),
    folder('子文件夹', [file('岳麓.xlsx'), file('备注.txt')]),
    folder('.hidden', [file('隐藏.xlsx')]),
    folder('node_modules', [file('x.xlsx')]),
  ]);
  const dropped = await droppedFiles([item(tree)], []);
  expect(dropped.foldersWithout).toEqual([]);
  const names = dropped.files.map((f) => f.name);
  expect(names).toEqual(['a.et', '台账.csv', '岳麓.xlsx', '旧表.xls', '考点2.xlsx', '考点2（已标记）.xlsx', '考点10.xlsx']);

  // The CLI's walk of the same tree on disk finds the same files (marked copies and text tables among what it passes by).
  const dir = scratchDir('custody-drop-');
  const root = path.join(dir, '长沙分校');
  fs.mkdirSync(path.join(root, '子文件夹'), { recursive: true });
  fs.mkdirSync(path.join(root, '.hidden'));
  fs.mkdirSync(path.join(root, 'node_modules'));
  for (const n of NAMES) fs.writeFileSync(path.join(root, n), 'x');
  for (const n of ['子文件夹/岳麓.xlsx', '子文件夹/备注.txt', '.hidden/隐藏.xlsx', 'node_modules/x.xlsx']) fs.writeFileSync(path.join(root, n), 'x');
  const walked = await findWorkbookFiles([root]);
  const cli = [...walked.files, ...walked.passedBy.map((p) => p.file)].map((f) => path.basename(f));
  expect([...names].sort()).toEqual([...cli].sort());
  expect(walked.files.map((f) => path.basename(f))).toEqual(names.filter((n) => !['台账.csv', '考点2（已标记）.xlsx'].includes(n)));
});

test('a folder with no workbook, or one the browser gives no entries of, is named for its line; files dropped beside it are opened as picked', async () => {
  const loose = new File([new Uint8Array([1])], '岳麓考点.xlsx');
  const dropped = await droppedFiles([item(folder('空文件夹', [file('说明.docx')])), item(folder('读不了', [], 2, true)), item(null, loose)], []);
  expect(dropped.files).toEqual([loose]);
  expect(dropped.foldersWithout).toEqual(['空文件夹', '读不了']);
});

test('more than a batch of entries (chromium gives 100 at a time): every one read', async () => {
  const many = Array.from({ length: 250 }, (_, i) => file(`考点${i + 1}.xlsx`));
  const dropped = await droppedFiles([item(folder('多', many, 100))], []);
  expect(dropped.files.map((f) => f.name)).toEqual(many.map((e) => e.name));
});

test('no items (an older browser): the files dropped, as before', async () => {
  const loose = new File([new Uint8Array([1])], 'x.xlsx');
  expect(await droppedFiles(undefined, [loose])).toEqual({ files: [loose], foldersWithout: [] });
});
