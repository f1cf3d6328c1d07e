/**
 * A folder of workbooks a summary sets aside, and the one it counts in their place (file-status and
 * set-aside-note): 岳麓考点, its unit's second workbook of the semester (unit-workbook-twice), another unit's
 * workbook of last semester (workbook-of-another-semester), and a file no workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData } from '../../src/model/types';
import { fixture } from '../helpers';

/** Writes them into `folder`; returns a fresh copy of the 考点's data each time it is called, for more units. */
export async function writeSetAsideBooks(folder: string): Promise<() => SiteData> {
  const kaodian = fixture('kaodian.json') as SiteData;
  const copy = (): SiteData => JSON.parse(JSON.stringify(kaodian)) as SiteData;
  const input = (name: string) => path.join(folder, name);
  fs.writeFileSync(input('岳麓考点.xlsx'), await fillWorkbook(kaodian));
  // The same unit and semester, other records: the second is set aside (unit-workbook-twice).
  const second = copy();
  (second.intake as Intake).description = '入库时清点无误（第二版）';
  fs.writeFileSync(input('岳麓考点（第二本）.xlsx'), await fillWorkbook(second));
  // Another unit of last semester: set aside (workbook-of-another-semester), however many errors it has.
  const last = copy();
  last.site!.semester = '2023秋';
  last.site!.examSite = '天心考点';
  fs.writeFileSync(input('天心考点（上学期）.xlsx'), await fillWorkbook(last));
  fs.writeFileSync(input('坏文件.xlsx'), 'not a workbook');
  return copy;
}
