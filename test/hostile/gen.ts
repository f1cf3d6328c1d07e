/**
 * The hostile corpus, generated (no committed binaries): workbooks an attacker
 * or an unlucky user could hand us — cycles of formulas, a merge over the whole
 * sheet, rows numbered in the billions, a part lying about its size, thousands
 * of zip entries, two entries of one part, merges over 100,000 rows, entry names climbing out of the
 * package, a 1 MB sheet name, a date serial of 1e308, not a zip, truncated,
 * encrypted; and the package tricks of gen-package.ts. Each with what must happen: refused in one line (exit 2) naming
 * why, or read and checked (exit 0 or 1).
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { LIMITS } from '../../src/model/limits';
import type { SiteData } from '../../src/model/types';
import { packageCases } from './gen-package';
import { RawEntry, repeatBomb, zipOf } from './zip-writer';

export interface HostileCase {
  file: string;
  /** Refused with a line matching this, exit 2; or read (exit 0 or 1) when absent. */
  refused?: RegExp;
  /** Read to the same findings as the workbook it was made from. */
  sameAsBase?: boolean;
}

type Parts = Record<string, Uint8Array>;

const VAULT_LOG = '出入库记录';

/** The part name of a sheet, through the workbook's relationships. */
function sheetPart(parts: Parts, sheet: string): string {
  const workbook = strFromU8(parts['xl/workbook.xml']);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function editSheet(base: Uint8Array, sheet: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(base);
  const part = sheetPart(parts, sheet);
  parts[part] = strToU8(edit(strFromU8(parts[part])));
  return zipSync(parts);
}

function addMerges(xml: string, refs: string[]): string {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join('');
  if (xml.includes('<mergeCells')) return xml.replace(/<mergeCells count="\d+">/, (m) => m + cells);
  return xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
}

/** The base workbook's parts stored as they are, one part replaced or some added. */
function raw(base: Uint8Array, change: (entries: RawEntry[]) => RawEntry[]): Buffer {
  const entries: RawEntry[] = Object.entries(unzipSync(base)).map(([name, data]) => ({ name, data, method: 0, declaredSize: data.length }));
  return zipOf(change(entries));
}

async function withFormulas(base: Uint8Array, cells: number, formula: (row: number) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(VAULT_LOG)!;
  for (let i = 0; i < cells; i++) ws.getCell(`A${4 + i}`).value = { formula: formula(4 + i) } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Writes the corpus into `dir`; returns each file with what must happen to it. */
export async function writeHostileCorpus(dir: string, data: SiteData): Promise<HostileCase[]> {
  fs.mkdirSync(dir, { recursive: true });
  const base = new Uint8Array(await fillWorkbook(data));
  const cases: Array<[string, Uint8Array, RegExp?, boolean?]> = [];
  const limit = (what: string) => new RegExp(`^工作簿超出读取上限：${what}`);

  cases.push(['cyclic-9.xlsx', await withFormulas(base, 9, (r) => `SUM(A4:A12)+A${r === 12 ? 4 : r + 1}`)]);
  cases.push(['cyclic-100.xlsx', await withFormulas(base, 100, (r) => `SUM(A4:A103)+A${4 + ((r - 3) % 100)}*2`)]);
  cases.push(['merge-whole-sheet.xlsx', editSheet(base, VAULT_LOG, (x) => addMerges(x, ['A1:XFD1048576'])), limit('一个合并区域覆盖的单元格数')]);
  const merges = Array.from({ length: 50_000 }, (_, i) => `K${10 + 2 * i}:K${11 + 2 * i}`);
  cases.push(['merges-100k-rows.xlsx', editSheet(base, VAULT_LOG, (x) => addMerges(x, merges))]);
  for (const row of [2_000_000_000, 4_294_967_295]) {
    const far = `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`;
    cases.push([`row-${row}.xlsx`, editSheet(base, VAULT_LOG, (x) => x.replace('</sheetData>', far)), limit('行号')]);
  }
  const first = sheetPart(unzipSync(base), VAULT_LOG);
  cases.push([
    'lying-entry.xlsx',
    raw(base, (es) =>
      es.map((e) => (e.name === first ? { name: e.name, method: 8, data: repeatBomb('<worksheet><sheetData> ', 4 * 1024 ** 3 - 100), declaredSize: 2048 } : e)),
    ),
    limit('单个部件解压后的大小'),
  ]);
  const many = LIMITS.zipEntries + 10;
  cases.push([
    'many-entries.xlsx',
    raw(base, (es) => [...es, ...Array.from({ length: many }, (_, i) => ({ name: `x/${i}`, data: new Uint8Array(0), method: 0 as const, declaredSize: 0 }))]),
    limit('压缩包条目数'),
  ]);
  // Two entries of the vault log's part, the second an empty sheet: LibreOffice reads the last, we would have read the first.
  const emptySheet = strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
  for (const [file, name] of [
    ['duplicate-entry.xlsx', first],
    ['duplicate-entry-case.xlsx', first.replace(/sheet(\d+)\.xml$/, 'Sheet$1.xml')],
  ]) {
    cases.push([file, raw(base, (es) => [...es, { name, data: emptySheet, method: 0, declaredSize: emptySheet.length }]), /^压缩包里有同名的条目/]);
  }
  cases.push(['path-traversal.xlsx', raw(base, (es) => [...es, { name: '../../evil.xml', data: strToU8('<x/>'), method: 0, declaredSize: 4 }]), /路径不合法/]);
  cases.push([
    'sheet-name-1mb.xlsx',
    (() => {
      const parts = unzipSync(base);
      parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace(/(<sheet [^>]*?name=")[^"]*"/, `$1${'表'.repeat(1 << 20)}"`));
      return zipSync(parts);
    })(),
    limit('工作表名称长度'),
  ]);
  const log = data.vaultLog![0];
  cases.push([
    'date-1e308.xlsx',
    await (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(VAULT_LOG)!;
      // The first cell of the log holding its first taking-out time, a date cell: now 1e308.
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value instanceof Date && cell.value.toISOString().startsWith(String(log.takenAt).slice(0, 10))) cell.value = 1e308;
        }),
      );
      return new Uint8Array(await wb.xlsx.writeBuffer());
    })(),
  ]);
  cases.push(['not-a-zip.xlsx', strToU8('这不是工作簿\n'.repeat(100)), /不是 \.xlsx 工作簿/]);
  cases.push(['truncated.xlsx', base.subarray(0, base.length >> 1), /已损坏或不完整/]);
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ole.set(new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le')), 1024);
  cases.push(['encrypted.xlsx', ole, /已加密/]);
  cases.push(['zip-encrypted.xlsx', raw(base, (es) => es.map((e) => ({ ...e, flags: 1 }))), /已加密/]);

  cases.push(...packageCases(base));

  return cases.map(([name, bytes, refused, sameAsBase]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return { file, refused, sameAsBase };
  });
}
