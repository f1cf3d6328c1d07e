/**
 * The two workbooks of a handover's two copies, as test/cli/pair22.test.ts and pair23.test.ts compare them:
 * test/fixtures/fenxiao.json (长沙分校, its 交接单2 to 岳麓考点: items rows 8–10) and kaodian.json (岳麓考点, its 交接单),
 * filled by `custody fill`, each item's 备注 naming its paper (the third row's, 3310, added); each edited, then cells
 * typed with exceljs. `check` gives what `validate` of the two and `summary` (its pair to 岳麓考点) say.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';

export type Items = NonNullable<NonNullable<SiteData['handovers']>[number]['items']>;

/** The 长沙分校 → 岳麓考点 sheet's items of a workbook's data. */
export const toYuelu = (d: SiteData): Items => d.handovers!.find((h) => h.to === '岳麓考点')!.items!;

/** What is changed: each unit's data (its items to 岳麓考点, and the whole), then cells of its filled workbook. */
export interface PairEdit {
  f?: (items: Items, data: SiteData) => void;
  k?: (items: Items, data: SiteData) => void;
  fCells?: Record<string, ExcelJS.CellValue>;
  kCells?: Record<string, ExcelJS.CellValue>;
}

/** Both units' data with the third row's 备注 naming its paper, edited so; then cells of the filled workbooks set. */
async function write(dir: string, edit: PairEdit): Promise<void> {
  const books = [
    ['f.xlsx', fixture('fenxiao.json'), edit.f, '交接单2', edit.fCells],
    ['k.xlsx', fixture('kaodian.json'), edit.k, '交接单', edit.kCells],
  ] as const;
  for (const [name, data, change, sheet, cells] of books) {
    toYuelu(data)[2].note = '3310 中国现代文学';
    change?.(toYuelu(data), data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
    for (const [cell, value] of Object.entries(cells ?? {})) wb.getWorksheet(sheet)!.getCell(cell).value = value;
    await wb.xlsx.writeFile(path.join(dir, name));
  }
}

interface Json {
  files: Array<{ file: string; findings: Array<{ rule: string; sheet: string; cell: string; row: number | null; message: string }> }>;
  handoverPairs?: Array<{ to: string; status: string; sender: { cell: string } | null; receiver: { cell: string } | null; differences: unknown[] }>;
}

async function run(...args: string[]): Promise<Json> {
  const io = memoryIO();
  await main(['node', 'custody', ...args], io);
  return JSON.parse(io.stdout) as Json;
}

/** Each file's findings (rule, sheet!cell, row, message) from `validate` of the two; the same from `summary`, and its pair to 岳麓考点. */
export async function checkPair(edit: PairEdit, prefix: string) {
  const dir = scratchDir(prefix);
  await write(dir, edit);
  const files = [path.join(dir, 'f.xlsx'), path.join(dir, 'k.xlsx')];
  const tuples = (j: Json) => j.files.map((f) => [path.basename(f.file), f.findings.map((x) => [x.rule, `${x.sheet}!${x.cell}`, x.row, x.message])]);
  const validated = tuples(await run('validate', ...files, '--format', 'json'));
  const summary = await run('summary', ...files, '--format', 'json');
  const pair = summary.handoverPairs!.find((p) => p.to === '岳麓考点')!;
  return { validated, summarised: tuples(summary), pair: [pair.status, pair.sender?.cell, pair.receiver?.cell, pair.differences] };
}
