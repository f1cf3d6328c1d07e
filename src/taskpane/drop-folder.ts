/**
 * What was dropped on the drop zone (browser face): the files dropped, and the
 * workbooks inside a folder dropped and its subfolders, found as the CLI's walk
 * of a folder finds them (isWorkbookName, text tables, in natural order, hidden
 * folders and node_modules left out); the marked copies and text tables among
 * them are passed by later, each with its line, as any file picked is. A folder
 * was read as a workbook that could not be read, in the browser's English
 * (review 14b D2). No DOM types beyond File: the entries are told by what they do.
 */
import { isTextTableName, isWorkbookName } from '../check/passed-by';
import { naturalOrder } from '../model/file-order';

/** A FileSystemEntry as the drop gives it (webkitGetAsEntry). */
export interface DropEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?(ok: (file: File) => void, fail?: (error: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: DropEntry[]) => void, fail?: (error: unknown) => void): void };
}

/** A DataTransferItem as the drop gives it. */
export interface DropItem {
  kind: string;
  getAsFile(): File | null;
  webkitGetAsEntry?(): DropEntry | null;
}

/** What a drop gives: the files to open, and the folders from which no workbook could be had (named, for their line). */
export interface Dropped {
  files: File[];
  foldersWithout: string[];
}

const fileOf = (entry: DropEntry): Promise<File | null> => new Promise((resolve) => (entry.file ? entry.file(resolve, () => resolve(null)) : resolve(null)));

/** Every entry of a folder: readEntries gives them a batch at a time (100 in chromium), until it gives none. */
async function entriesOf(folder: DropEntry): Promise<DropEntry[] | null> {
  const reader = folder.createReader?.();
  if (!reader) return null;
  const all: DropEntry[] = [];
  for (;;) {
    const batch = await new Promise<DropEntry[] | null>((resolve) => reader.readEntries(resolve, () => resolve(null)));
    if (batch === null) return all.length > 0 ? all : null;
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** The workbooks under a folder, in the order the CLI's walk lists them. */
async function walk(folder: DropEntry): Promise<File[]> {
  const entries = await entriesOf(folder);
  if (!entries) return [];
  entries.sort((a, b) => naturalOrder(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: File[] = [];
  for (const entry of entries) {
    if (entry.isDirectory) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') found.push(...(await walk(entry)));
    } else if (entry.isFile && (isWorkbookName(entry.name) || isTextTableName(entry.name))) {
      const file = await fileOf(entry);
      if (file) found.push(file);
    }
  }
  return found;
}

/**
 * The files of a drop. Each item's entry is taken at once (the browser gives
 * them only while the drop event runs); where it gives none, the item's file.
 * A file dropped is opened whatever its name, as one picked is.
 */
export function droppedFiles(items: readonly DropItem[] | null | undefined, files: readonly File[]): Dropped | Promise<Dropped> {
  const list = items ? [...items].filter((item) => item.kind === 'file') : [];
  const taken = list.map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  // No folder among them: the files at once, as before (a file dropped while others are read joins the wait there and then).
  if (!taken.some(({ entry }) => entry?.isDirectory)) return { files: [...files], foldersWithout: [] };
  return (async () => {
    const dropped: Dropped = { files: [], foldersWithout: [] };
    for (const { entry, file } of taken) {
      if (entry?.isDirectory) {
        const found = await walk(entry);
        if (found.length === 0) dropped.foldersWithout.push(entry.name);
        dropped.files.push(...found);
      } else if (file) {
        dropped.files.push(file);
      } else if (entry?.isFile) {
        const got = await fileOf(entry);
        if (got) dropped.files.push(got);
      }
    }
    return dropped;
  })();
}
