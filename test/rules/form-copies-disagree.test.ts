/**
 * form-copies-disagree (review round 10a D2): a table form pasted twice on one sheet (一式两份), the second copy
 * not quite the same. The first copy is the record; each row of the copy that differs is said once, at the copy's
 * first differing cell. Its valid/invalid table (tester.ts: a valid case gives no finding at all, an invalid one
 * exactly these), and the review10a workbooks.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { base, gridFromDrafts, ruleTester } from './tester';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';

const CLAUSE = '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“1.……一式两份，双方签字有效”：同一张表的两份应完全相同';

/**
 * The sheet's form pasted again below it, two blank rows between (the copy's rows from the sheet's 17th row on, when
 * the form takes 14 rows); `edit` changes the copy's rows (indexed within the copy).
 */
const pasteTwice =
  (name: string, edit?: (rows: CellValue[][]) => void) =>
  (g: WorkbookGrid): void => {
    const sheet = g.sheets.find((s) => s.name === name)!;
    const rows = sheet.rows.map((r) => [...r]);
    edit?.(rows);
    const shift = sheet.rows.length + 2;
    const moved = sheet.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + shift)));
    sheet.rows = [...sheet.rows, [], [], ...rows];
    sheet.merges = [...sheet.merges, ...moved];
  };

/** The sheet copied to a sheet of its own after it (Excel's 移动或复制 → 建立副本: “出入库记录 (2)”); `edit` changes the copy's rows. */
const copyToSheet =
  (name: string, edit?: (rows: CellValue[][]) => void) =>
  (g: WorkbookGrid): void => {
    const at = g.sheets.findIndex((s) => s.name === name);
    const sheet = g.sheets[at];
    const rows = sheet.rows.map((r) => [...r]);
    edit?.(rows);
    g.sheets.splice(at + 1, 0, { ...sheet, name: `${name} (2)`, rows, merges: [...sheet.merges] });
  };

/** 2024-06-15 at `hhmm` as the drawn workbook holds a time. */
const at = (day: number, hhmm: string) => new Date(`2024-06-${day}T${hhmm}:00.000Z`);

const TAIL = '同一张表的两份应完全相同；检查只按第一份进行，第二份没有核对。请核对哪份是对的，把两份改成一样，或删去第二份。';

/** 岳麓考点's vault log rows as a message names a row only in one copy (its first five filled cells). */
const ROW_1001 = '试卷号“1001”、试卷名称“高等数学基础”、数量“3”、取卷人签字“李强”、取卷时间“6月15日 07:45”';
const ROW_3310 = '试卷号“3310”、试卷名称“中国现代文学”、数量“2”、取卷人签字“李强”、取卷时间“6月16日 07:50”';
const EXTRA_TAIL =
  '同一张表的两份应完全相同；检查只按第一份进行，这一行没有核对。请核对这一行是否确有其事：确有，就在第一份里补上（补上后才会检查）；没有，就在第二份里删去。';
const MISSING_TAIL = '同一张表的两份应完全相同；检查按第一份进行，这一行已核对。请核对这一行是否确有其事：确有，就在第二份里补上；没有，就在第一份里删去。';
const VAULT = '附件3 保密室试卷出入库记录表';

/** The vault log's first row (1001) typed again as the 4th (its 序号 kept), within a copy's rows. */
const firstRowAgain = (rows: CellValue[][]) => void (rows[6] = [4, ...rows[3].slice(1)]);
/** The vault log's 3rd row (3310) left out, its 序号 kept. */
const thirdRowLeftOut = (rows: CellValue[][]) => void (rows[5] = [3]);

ruleTester('form-copies-disagree', {
  valid: [
    { name: '出入库记录 pasted twice, the same: read once, nothing to say', retype: pasteTwice('出入库记录') },
    { name: '涉卷人员 pasted twice, the same: read once, nothing to say', retype: pasteTwice('涉卷人员') },
  ],
  invalid: [
    {
      name: 'the copy’s first checkout at 08:00 where the first says 07:45: once, at the copy’s cell; only the first judged',
      retype: pasteTwice('出入库记录', (rows) => void (rows[3][5] = at(15, '08:00'))),
      errors: [
        {
          messageId: 'differs',
          form: 3,
          sheet: '出入库记录',
          cell: 'F20',
          row: 1,
          message: new RegExp(
            `^本工作表上的附件3 保密室试卷出入库记录表有两份（第二份从 A18 起），第二份第 1 行与第一份不一致：“取卷时间”第二份 F20 写的是“6月15日 08:00”，第一份 F4 写的是“6月15日 07:45”。${TAIL}$`,
          ),
        },
      ],
    },
    {
      name: 'two cells of one row differ (taker, time): one finding for the row, at its first differing cell, naming both',
      retype: pasteTwice('出入库记录', (rows) => ((rows[5][4] = '赵敏'), (rows[5][5] = at(16, '08:30')))),
      errors: [
        {
          messageId: 'differs',
          form: 3,
          sheet: '出入库记录',
          cell: 'E22',
          row: 3,
          message: new RegExp(
            `^本工作表上的附件3 保密室试卷出入库记录表有两份（第二份从 A18 起），第二份第 3 行与第一份不一致：“取卷人签字”第二份 E22 写的是“赵敏”，第一份 E6 写的是“李强”；“取卷时间”第二份 F22 写的是“6月16日 08:30”，第一份 F6 写的是“6月16日 07:50”。${TAIL}$`,
          ),
        },
      ],
    },
    {
      name: 'the copy with its first row typed again as a 4th (review 11 D2): a copy, not more rows — one extraRow at the row, no overdraw',
      retype: pasteTwice('出入库记录', firstRowAgain),
      errors: [
        {
          messageId: 'extraRow',
          form: 3,
          sheet: '出入库记录',
          cell: 'A23',
          row: 4,
          message: new RegExp(
            `^本工作表上的${VAULT}有两份（第二份从 A18 起），第二份比第一份多出一行：第 4 行（${ROW_1001}），与第二份第 1 行相同。${EXTRA_TAIL}$`,
          ),
        },
      ],
    },
    {
      name: 'the copy with a 4th movement of its own (3310 again, 07:55): a copy with a row more — extraRow, the row not read',
      retype: pasteTwice('出入库记录', (rows) => void (rows[6] = [4, ...rows[5].slice(1, 5), at(16, '07:55'), ...rows[5].slice(6)])),
      errors: [
        {
          messageId: 'extraRow',
          form: 3,
          sheet: '出入库记录',
          cell: 'A23',
          row: 4,
          message: new RegExp(
            `^本工作表上的${VAULT}有两份（第二份从 A18 起），第二份比第一份多出一行：第 4 行（试卷号“3310”、试卷名称“中国现代文学”、数量“2”、取卷人签字“李强”、取卷时间“6月16日 07:55”）。${EXTRA_TAIL}$`,
          ),
        },
      ],
    },
    {
      name: 'the copy without the first’s 3rd row: a copy with a row fewer — missingRow at the first’s row (it was checked)',
      retype: pasteTwice('出入库记录', thirdRowLeftOut),
      errors: [
        {
          messageId: 'missingRow',
          form: 3,
          sheet: '出入库记录',
          cell: 'A6',
          row: 3,
          message: new RegExp(`^本工作表上的${VAULT}有两份（第二份从 A18 起），第二份比第一份少了一行：第一份第 3 行（${ROW_3310}）。${MISSING_TAIL}$`),
        },
      ],
    },
    {
      name: 'a row more and a row changed: one finding each, in the copy’s order (the changed row at its cell, the extra at its row)',
      retype: pasteTwice('出入库记录', (rows) => (firstRowAgain(rows), void (rows[4][5] = at(15, '09:50')))),
      errors: [
        { messageId: 'differs', form: 3, sheet: '出入库记录', cell: 'F21', row: 2 },
        { messageId: 'extraRow', form: 3, sheet: '出入库记录', cell: 'A23', row: 4 },
      ],
    },
    {
      name: '出入库记录 copied to a sheet of its own with a row more: otherSheetExtraRow on the copy',
      retype: copyToSheet('出入库记录', firstRowAgain),
      errors: [
        {
          messageId: 'otherSheetExtraRow',
          form: 3,
          sheet: '出入库记录 (2)',
          cell: 'A7',
          row: 4,
          message: new RegExp(
            `^本工作表是工作表“出入库记录”上${VAULT}的第二份（内容大部分相同），比第一份多出一行：第 4 行（${ROW_1001}），与第二份第 1 行相同。同一张表的两份应完全相同；检查只按第一份（“出入库记录”）进行，这一行没有核对。请核对这一行是否确有其事：确有，就在“出入库记录”里补上（补上后才会检查）；没有，就在本工作表里删去。$`,
          ),
        },
      ],
    },
    {
      name: '出入库记录 copied to a sheet of its own with a row fewer: otherSheetMissingRow at the first sheet’s row',
      retype: copyToSheet('出入库记录', thirdRowLeftOut),
      errors: [
        {
          messageId: 'otherSheetMissingRow',
          form: 3,
          sheet: '出入库记录',
          cell: 'A6',
          row: 3,
          message: new RegExp(
            `^工作表“出入库记录 \\(2\\)”是本工作表上${VAULT}的第二份（内容大部分相同），比本工作表少了一行：第 3 行（${ROW_3310}）。同一张表的两份应完全相同；检查按本工作表进行，这一行已核对。请核对这一行是否确有其事：确有，就在“出入库记录 \\(2\\)”里补上；没有，就在本工作表里删去。$`,
          ),
        },
      ],
    },
    {
      name: '涉卷人员 pasted twice, the copy saying 陈静 has no pledge: at the copy’s cell; the roster judged by the first',
      retype: pasteTwice('涉卷人员', (rows) => void (rows[5][5] = '否')),
      errors: [
        {
          messageId: 'differs',
          form: 0,
          sheet: '涉卷人员',
          cell: 'F23',
          row: 4,
          message: new RegExp(
            `^本工作表上的涉卷人员名单有两份（第二份从 A18 起），第二份第 4 行与第一份不一致：“保密承诺书”第二份 F23 写的是“否”，第一份 F6 写的是“是”。${TAIL}$`,
          ),
        },
      ],
    },
  ],
});

describe('form-copies-disagree on the review10a workbooks', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'review10a', 'xlsx');
  const ofXlsx = async (file: string, lang: 'zh' | 'en' = 'zh') =>
    validateSite(readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, file)))), { lang });
  const tuple = ({ rule, severity, form, sheet, cell, row }: Finding) => ({ rule, severity, form, sheet, cell, row });

  it('e-form-twice-planted: 附件3 pasted twice, the copy’s 3307 at 07:30 — one finding at F22, no overdraw, nothing else', async () => {
    const found = await ofXlsx('e-form-twice-planted.xlsx');
    expect(found.map(tuple)).toEqual([{ rule: 'form-copies-disagree', severity: 'error', form: 3, sheet: '出入库记录', cell: 'F22', row: 3 }]);
    expect(found[0].message).toBe(
      `本工作表上的附件3 保密室试卷出入库记录表有两份（第二份从 A18 起），第二份第 3 行与第一份不一致：“取卷时间”第二份 F22 写的是“1月11日 07:30”，第一份 F6 写的是“1月11日 08:10”。${TAIL}`,
    );
    expect(found[0].clause).toBe(CLAUSE);
    const [en] = await ofXlsx('e-form-twice-planted.xlsx', 'en');
    expect(en.message).toBe(
      'This sheet holds the vault log (附件3) twice (the second copy from A18), and No. 3 of the second copy differs from the first: "取卷时间" reads "Jan 11 07:30" at F22 in the second copy, "Jan 11 08:10" at F6 in the first. The two copies of one form must be the same; only the first was checked, not the second. Check which is right, and make the copies the same or delete the second.',
    );
  });

  it('e-form-twice: the identical copy — no finding', async () => {
    expect((await ofXlsx('e-form-twice.xlsx')).map(tuple)).toEqual([]);
  });

  it('e-form-twice-continued(-planted): page 2 below page 1 (other rows) is more rows, not a copy', async () => {
    expect((await ofXlsx('e-form-twice-continued.xlsx')).map(tuple)).toEqual([]);
    expect((await ofXlsx('e-form-twice-continued-planted.xlsx')).map(tuple)).toEqual([
      { rule: 'checkout-window', severity: 'error', form: 3, sheet: '出入库记录', cell: 'F20', row: 1 },
    ]);
  });
});

describe('form-copies-disagree on the review11 workbooks', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'review11', 'xlsx');
  const ofXlsx = async (file: string, lang: 'zh' | 'en' = 'zh') =>
    validateSite(readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, file)))), { lang });
  const tuple = ({ rule, severity, form, sheet, cell, row }: Finding) => ({ rule, severity, form, sheet, cell, row });

  it('c1: a continuation page begun from a copy of page 1, one row left in — read as more rows (3310 not lost), no copy', async () => {
    const found = await ofXlsx('c1-vault-continued-repeat.xlsx');
    expect(found.map(tuple)).toEqual([]);
    const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, 'c1-vault-continued-repeat.xlsx'))));
    expect(model.data.vaultLog!.map((r) => r.paperNo)).toEqual(['1001', '2045', '3310']);
  });

  it('e2: 附件3 copied whole to a sheet of its own (出入库记录 (2)) — read once, no finding (were 3 false overdraws)', async () => {
    expect((await ofXlsx('e2-vault-copy-other-sheet-same.xlsx')).map(tuple)).toEqual([]);
  });

  it('e1: the copied sheet with one time changed — one finding on the copy naming the first sheet, no overdraw', async () => {
    const found = await ofXlsx('e1-vault-copy-other-sheet.xlsx');
    expect(found.map(tuple)).toEqual([{ rule: 'form-copies-disagree', severity: 'error', form: 3, sheet: '出入库记录 (2)', cell: 'F5', row: 2 }]);
    expect(found[0].message).toBe(
      '本工作表是工作表“出入库记录”上附件3 保密室试卷出入库记录表的第二份（内容大部分相同），第二份第 2 行与第一份不一致：“取卷时间”第二份 F5 写的是“6月15日 09:50”，第一份 F5 写的是“6月15日 09:45”。同一张表的两份应完全相同；检查只按第一份（“出入库记录”）进行，本工作表没有核对。请核对哪份是对的，把两份改成一样，或删去本工作表。',
    );
    const [en] = await ofXlsx('e1-vault-copy-other-sheet.xlsx', 'en');
    expect(en.message).toBe(
      'This sheet is a second copy of the vault log (附件3) on sheet "出入库记录" (mostly the same), and No. 2 of the second copy differs from the first: "取卷时间" reads "Jun 15 09:50" at F5 in the second copy, "Jun 15 09:45" at F5 in the first. The two copies of one form must be the same; only the first ("出入库记录") was checked, not this sheet. Check which is right, and make the copies the same or delete this sheet.',
    );
  });

  it('a3: 考试安排 copied to its own sheet, one start time changed — one finding, 报考人数 not doubled (were 3 false 试卷份数不足)', async () => {
    expect((await ofXlsx('a3-schedule-other-sheet-diff.xlsx')).map(tuple)).toEqual([
      { rule: 'form-copies-disagree', severity: 'error', form: 0, sheet: '考试安排 (2)', cell: 'D4', row: 2 },
    ]);
  });

  it('d1: the copy with row 2 at 09:50 and its row 1 typed again as row 4 (review 11 D2) — a copy: F21 and the extra row A23, no overdraw', async () => {
    const found = await ofXlsx('d1-vault-copy-one-more.xlsx');
    expect(found.map(tuple)).toEqual([
      { rule: 'form-copies-disagree', severity: 'error', form: 3, sheet: '出入库记录', cell: 'F21', row: 2 },
      { rule: 'form-copies-disagree', severity: 'error', form: 3, sheet: '出入库记录', cell: 'A23', row: 4 },
    ]);
    expect(found[1].message).toBe(
      '本工作表上的附件3 保密室试卷出入库记录表有两份（第二份从 A18 起），第二份比第一份多出一行：第 4 行（试卷号“1001”、试卷名称“高等数学基础”、数量“3”、取卷人签字“李强”、取卷时间“6月15日 07:45”），与第二份第 1 行相同。同一张表的两份应完全相同；检查只按第一份进行，这一行没有核对。请核对这一行是否确有其事：确有，就在第一份里补上（补上后才会检查）；没有，就在第二份里删去。',
    );
    const en = await ofXlsx('d1-vault-copy-one-more.xlsx', 'en');
    expect(en[1].message).toBe(
      'This sheet holds the vault log (附件3) twice (the second copy from A18), and the second copy has a row more than the first: No. 4 (试卷号 "1001", 试卷名称 "高等数学基础", 数量 "3", 取卷人签字 "李强", 取卷时间 "Jun 15 07:45"), the same as No. 1 of the second copy. The two copies of one form must be the same; only the first was checked, so this row was not. Check whether it happened: if it did, add it to the first copy (it is checked there); if not, delete it from the second.',
    );
    // The record is the first copy alone: 2045 at 09:45, three rows.
    const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, 'd1-vault-copy-one-more.xlsx'))));
    expect(model.data.vaultLog!.map((r) => [r.paperNo, r.takenAt])).toEqual([
      ['1001', '2024-06-15T07:45'],
      ['2045', '2024-06-15T09:45'],
      ['3310', '2024-06-16T07:50'],
    ]);
  });

  it('d2: the identical copy with a 4th movement only in it (3310 07:55) — one extraRow at A23 (was an overdraw D23), the row not read', async () => {
    const found = await ofXlsx('d2-vault-copy-same-plus-row.xlsx');
    expect(found.map(tuple)).toEqual([{ rule: 'form-copies-disagree', severity: 'error', form: 3, sheet: '出入库记录', cell: 'A23', row: 4 }]);
    expect(found[0].message).toContain(
      '第二份比第一份多出一行：第 4 行（试卷号“3310”、试卷名称“中国现代文学”、数量“2”、取卷人签字“李强”、取卷时间“6月16日 07:55”）。',
    );
  });

  it('the other review11 copies keep their findings: a1, a2, b1, b2, d0, f1, f2', async () => {
    const one = (form: number, sheet: string, cell: string, row: number) => ({ rule: 'form-copies-disagree', severity: 'error', form, sheet, cell, row });
    expect((await ofXlsx('a1-schedule-twice-same.xlsx')).map(tuple)).toEqual([]);
    expect((await ofXlsx('a2-schedule-twice-diff.xlsx')).map(tuple)).toEqual([one(0, '考试安排', 'D19', 2)]);
    expect((await ofXlsx('b1-roster-twice-diff.xlsx')).map(tuple)).toEqual([one(0, '涉卷人员', 'B26', 7)]);
    expect((await ofXlsx('b2-roster-twice-flag.xlsx')).map(tuple)).toEqual([one(0, '涉卷人员', 'D25', 6)]);
    expect((await ofXlsx('d0-vault-copy-row-differs.xlsx')).map(tuple)).toEqual([one(3, '出入库记录', 'F21', 2)]);
    expect((await ofXlsx('f1-vault-first-wrong.xlsx')).map(tuple)).toEqual([
      { rule: 'checkout-window', severity: 'error', form: 3, sheet: '出入库记录', cell: 'F4', row: 1 },
      one(3, '出入库记录', 'F20', 1),
    ]);
    expect((await ofXlsx('f2-vault-copy-three-cells.xlsx')).map(tuple)).toEqual([one(3, '出入库记录', 'D22', 3)]);
  });

  it('a4, a5: 考试安排 twice differing in 报考人数 alone — one warning schedule-copies-disagree on its sheet or on one of its own (review 11 D4)', async () => {
    const warn = (sheet: string, cell: string) => [{ rule: 'schedule-copies-disagree', severity: 'warning', form: 0, sheet, cell, row: 1 }];
    expect((await ofXlsx('a4-schedule-twice-candidates.xlsx')).map(tuple)).toEqual(warn('考试安排', 'F18'));
    expect((await ofXlsx('a5-schedule-other-sheet-candidates.xlsx')).map(tuple)).toEqual(warn('考试安排 (2)', 'F3'));
  });
});

describe('form-copies-disagree in English: a blank cell', () => {
  it('the copy’s 取卷人签字 left blank: “（空白）” in Chinese, (blank) in English (as handover-copies-disagree)', () => {
    const model = () => {
      const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
      pasteTwice('出入库记录', (rows) => void (rows[3][4] = null))(grid);
      return readWorkbook(grid);
    };
    expect(validateSite(model()).map(({ rule, cell, row }) => ({ rule, cell, row }))).toEqual([{ rule: 'form-copies-disagree', cell: 'E20', row: 1 }]);
    const [zh] = validateSite(model());
    expect(zh.message).toContain('“取卷人签字”第二份 E20 写的是“（空白）”，第一份 E4 写的是“李强”');
    const [en] = validateSite(model(), { lang: 'en' });
    expect(en.message).toContain('"取卷人签字" reads "(blank)" at E20 in the second copy, "李强" at E4 in the first.');
    expect(en.message).not.toContain('空白');
  });
});
