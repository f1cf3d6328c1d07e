/** The site shapes of test/fixtures/shapes/ read through real .xlsx files, and findings as whole tuples (rule, form, sheet, cell, row). */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook, SiteModel } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';

const SHAPES = path.join(__dirname, '..', 'fixtures', 'shapes');
export type Shape = 'hengyang-fenxiao' | 'leiyang-kaodian' | 'xiangtan-fenxiao' | 'yuhu-kaodian' | 'hunan-shengxiao';

export function shape(name: Shape): SiteData {
  return JSON.parse(fs.readFileSync(path.join(SHAPES, `${name}.json`), 'utf8')) as SiteData;
}

/** The site model of a workbook file; `retype` edits its grid first (a sheet copied, a cell typed over). */
export async function modelOf(buffer: Buffer, retype?: (grid: WorkbookGrid) => void): Promise<SiteModel> {
  const grid = await gridFromXlsxBuffer(buffer);
  retype?.(grid);
  return readWorkbook(grid);
}

export type Tuple = [rule: string, form: number | null, sheet: string | null, cell: string | null, row: number | null];
export const tuple = (f: Finding): Tuple => [f.rule, f.form, f.sheet, f.cell, f.row];
export const brief = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} row ${f.row}: ${f.message}`;
