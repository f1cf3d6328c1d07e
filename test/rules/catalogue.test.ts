/** For every rule of the catalogue, a table of valid and invalid cases (tester.ts). */
import { ALL_META } from '../../src/rules/index';
import { base, firstDeliveryAt, gridFromDrafts, ruleTester, shengxiaoSendsZhuzhouEarly, typeInto } from './tester';
import { draftWorkbook } from '../../src/forms/workbook';
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, type CellValue, type WorkbookGrid } from '../../src/model/grid';
import type { Intake, SiteData } from '../../src/model/types';

const tested = new Set<string>();
const rt: typeof ruleTester = (rule, cases) => {
  tested.add(rule);
  ruleTester(rule, cases);
};

/** 岳麓考点's handover with its third row a box (2 bags inside, as its 备注 says): 1箱 beside 4袋, the 合计 as `total` writes it. */
const boxAndBags = (total: number | string) => (d: SiteData) => {
  Object.assign(d.handovers![0].items![2], { quantity: 1, unit: '箱', note: '内装2袋' });
  d.handovers![0].total = total;
};

describe('clean fixtures', () => {
  rt('clean', {
    valid: [{ name: 'kaodian.json (考点)' }, { name: 'fenxiao.json (分校)', base: 'fenxiao' }],
    invalid: [],
  });
});

rt('required-field', {
  valid: [
    { name: 'a 分校 keeps no distribution register', base: 'fenxiao' },
    // 《实施方案》（四） has the 分校 and the 考点 sign 附件3; the 省校 names itself by its 分部, not a 分校.
    { name: 'the 省校 names its 分部, no 分校', base: 'shengxiao' },
    { name: 'the 省校 keeps no vault log', base: 'shengxiao', edit: (d) => void delete d.vaultLog },
    {
      // Review 25b D5: a 直属考点 has no 分校 to name; its papers come from the 省校, written as the university.
      name: 'a 考点 under no 分校 (分校 blank, its papers from 湖南开放大学 of 湖南分部)',
      edit: (d) => {
        d.site!.school = '';
        d.handovers![0].from = '湖南开放大学';
      },
    },
    {
      name: 'a 数量 typed with its unit (“2袋”) needs no 单位 picked',
      edit: (d) => {
        (d.handovers![0].items![2] as { quantity: unknown }).quantity = '2袋';
        delete d.handovers![0].items![2].unit;
      },
    },
    {
      // The source form has no 单位 column (数量（袋/箱）): a sheet kept on it writes bare counts, read as bags as always.
      name: 'a sheet kept without the 单位 column, as the source form prints it: bare counts are not asked for a unit',
      edit: (d) => {
        for (const it of d.handovers![0].items!) delete it.unit;
        for (const r of d.vaultLog!) delete r.unit;
      },
      retype: (g) => {
        typeInto(g, '交接单', 'F7', null);
        typeInto(g, '出入库记录', 'K3', null);
      },
    },
    {
      name: 'a sheet whose 数量 is headed with its unit (数量（袋）, as older sheets are) counts its rows in it',
      edit: (d) => {
        for (const it of d.handovers![0].items!) delete it.unit;
        for (const r of d.vaultLog!) delete r.unit;
      },
      retype: (g) => {
        typeInto(g, '交接单', 'D7', '数量（袋）');
        typeInto(g, '出入库记录', 'D3', '数量（袋）');
      },
    },
    {
      name: 'optional opinion and notes left out',
      edit: (d) => {
        delete d.handovers![0].fromOpinion;
        delete d.handovers![0].items![0].note;
      },
    },
  ],
  invalid: [
    {
      name: 'a 考点 whose 分校 is blank and whose papers came from a 分校: asked for its 分校',
      edit: (d) => void (d.site!.school = ''),
      errors: [{ messageId: 'field', form: 0, sheet: '基本信息', cell: 'B4', row: null, message: /^“分校”没有填写。/ }],
    },
    {
      name: 'handover date empty',
      edit: (d) => {
        delete d.handovers![0].time;
      },
      errors: [{ messageId: 'field', form: 1, sheet: '交接单', cell: 'C3', row: null, message: /“日期”没有填写/ }],
    },
    {
      name: 'receiving unit empty',
      edit: (d) => {
        delete d.handovers![0].to;
      },
      errors: [{ messageId: 'field', form: 1, sheet: '交接单', cell: 'C4', row: null }],
    },
    {
      name: 'intake keeper empty',
      edit: (d) => {
        delete (d.intake as Intake).keeper;
      },
      errors: [{ messageId: 'field', form: 2, sheet: '入库清单', cell: 'D18', row: null, message: /卷库保管员/ }],
    },
    {
      name: '入库情况描述 empty',
      edit: (d) => {
        delete (d.intake as Intake).description;
      },
      errors: [{ messageId: 'field', form: 2, sheet: '入库清单', cell: 'A16', row: null, message: /“入库情况描述”没有填写/ }],
    },
    {
      name: 'duty supervisor empty',
      edit: (d) => {
        delete d.duty!.supervisor;
      },
      errors: [{ messageId: 'field', form: 5, sheet: '值班记录1', cell: 'D11', row: null, message: /负责人/ }],
    },
    {
      name: 'distribution 发卷人 empty',
      edit: (d) => {
        delete d.distributions![1].issuer;
      },
      errors: [{ messageId: 'field', form: 4, sheet: '分发登记2', cell: 'C13', row: null }],
    },
    {
      name: 'semester empty',
      edit: (d) => {
        delete d.site!.semester;
        d.handovers![0].semester = '';
      },
      errors: [{ messageId: 'field', form: 0, sheet: '基本信息', cell: 'B2', row: null }],
    },
    {
      name: 'handover with no rows gives one finding',
      edit: (d) => {
        d.handovers![0].items = [];
        delete d.handovers![0].total;
      },
      errors: [{ messageId: 'table', form: 1, sheet: '交接单', cell: 'A2', row: null, message: /没有任何一行/ }],
    },
    {
      name: 'one cell of a vault row (taker)',
      edit: (d) => {
        delete d.vaultLog![2].taker;
      },
      errors: [{ messageId: 'cell', form: 3, sheet: '出入库记录', cell: 'E6', row: 3, message: /序号 3 这一行的“取卷人签字”没有填写/ }],
    },
    {
      // Review 21a D7: read as a label and what it names, the row was no row; column-total blamed the right 合计 (6 for 4).
      name: 'a handover row typed as one text, its count with it (岳麓考点：2袋), 数量 blank',
      edit: (d) => {
        d.handovers![0].items![2].destination = '岳麓考点：2袋';
        delete d.handovers![0].items![2].quantity;
        delete d.handovers![0].items![2].unit;
      },
      errors: [{ messageId: 'cell', form: 1, sheet: '交接单', cell: 'D10', row: 3, message: /序号 3 这一行的“数量”没有填写/ }],
    },
    {
      // The 单位 stands right of the printed form: the 2 prints bare, 2 bags or 2 boxes.
      name: 'a handover row’s 数量 with no 单位 picked',
      edit: (d) => void delete d.handovers![0].items![2].unit,
      errors: [
        {
          messageId: 'unit',
          form: 1,
          sheet: '交接单',
          cell: 'F10',
          row: 3,
          message: /^序号 3 这一行的数量 2 没有写单位，看不出是 2 袋还是 2 箱，打印出来也只有一个数。请在本行的“单位”栏（表格右侧，打印区域之外）选“袋”或“箱”/,
        },
      ],
    },
    {
      name: 'a vault row’s 数量 with no 单位 picked (袋 or 份)',
      edit: (d) => void delete d.vaultLog![1].unit,
      errors: [{ messageId: 'unit', form: 3, sheet: '出入库记录', cell: 'K5', row: 2, message: /看不出是 1 袋还是 1 份/ }],
    },
    {
      name: 'one cell of the return part',
      edit: (d) => {
        delete d.vaultLog![0].receivedBy;
      },
      errors: [{ messageId: 'cell', form: 3, sheet: '出入库记录', cell: 'J4', row: 1 }],
    },
    {
      name: 'a roster row without its pledge answer',
      edit: (d) => {
        delete d.staff![4].pledgeSigned;
      },
      errors: [{ messageId: 'cell', form: 0, sheet: '涉卷人员', cell: 'F7', row: 5 }],
    },
    {
      name: 'a missing duty log gives one finding',
      edit: (d) => {
        delete d.duty;
      },
      // Its sheet is there, blank: asked to be filled in (review 13b D5).
      errors: [{ messageId: 'formBlank', form: 5, sheet: '值班记录', cell: 'A1', row: null, message: /附件5/ }],
    },
    {
      name: 'the 省校 without its 分部',
      base: 'shengxiao',
      edit: (d) => void (d.site!.branch = ''),
      errors: [{ messageId: 'field', form: 0, sheet: '基本信息', cell: 'B3', row: null, message: /“分部”没有填写/ }],
    },
    {
      // Read as a 分校, its outgoing sheets counted as received and its 分校's receivers as its own: nothing is guessed.
      name: 'the 省校’s 单位级别 written 分部: one finding at the cell, and the checks that hang on the level wait',
      base: 'shengxiao',
      edit: (d) => void (d.site!.level = '分部'),
      errors: [{ messageId: 'level', form: 0, sheet: '基本信息', cell: 'B6', row: null, message: /^“单位级别”写的是“分部”.*省校\/分校\/考点/ }],
    },
    {
      name: 'a 分校’s 单位级别 written 学院 (the source writes both 分部（学院） and 分校（学院））',
      base: 'fenxiao',
      edit: (d) => void (d.site!.level = '学院'),
      errors: [{ messageId: 'level', form: 0, sheet: '基本信息', cell: 'B6', row: null }],
    },
  ],
});

/** The night shift of the 考点's first day (20时 to 8时) written as 附件5 prints its line: the whole period in the 值班时间 cell, the 至 cell empty. */
const nightInOneCell = (period: string) => (d: SiteData) => {
  d.duty!.shifts![1].from = period;
  delete d.duty!.shifts![1].to;
};

rt('invalid-datetime', {
  valid: [
    { name: 'every time readable' },
    { name: 'a shift’s period in its 值班时间 cell, as the form prints its line', edit: nightInOneCell('2024年6月14日20时至15日8时') },
    { name: 'a period in one cell with dashes, the end the next day’s', edit: nightInOneCell('2024.6.14 20:00-次日8:00') },
    { name: 'a period in one cell, the end a time of day past midnight', edit: nightInOneCell('2024-06-14 20:00～08:00') },
    {
      name: '元月 is January; 16时整 and 16时 分 (the 分 left blank) are on the hour',
      edit: (d) => {
        Object.assign(d, autumnOf(d));
        d.vaultLog![0].takenAt = '元月4日 7:45';
        d.vaultLog![1].takenAt = '2025年元月4日9时45分';
        d.duty!.shifts![0].from = '元月3日10时整';
        d.duty!.shifts![0].to = '20时    分';
      },
    },
  ],
  invalid: [
    // Round 23: “6.1” alone over the vault log's rows 2 and 3 (the number Excel keeps for 6.1 or 6.10): neither the 1st
    // nor the 10th of June is among the exam's days (6月13日–6月16日): no day, said at its cell — it was a paper off
    // every list and a row half filled (unknown-paper and partial-row at B6).
    {
      name: 'a day’s heading typed 6.1 (kept as the number: the 1st or the 10th) between the vault log’s rows 2 and 3, neither an exam day',
      retype: (g) => closingRowAt(5, 6.1)(g),
      errors: [
        {
          messageId: 'heading',
          form: 3,
          sheet: '出入库记录',
          cell: 'B6',
          row: null,
          message:
            /^这一行只写了“6\.1”，像是下面几行的日期标题，但读不准是哪一天：它可能是6月1日或6月10日，而考试安排的考试期间（首场前两天起）是6月13日至6月16日，都不在其中。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“6月1日”。$/,
        },
      ],
    },
    {
      name: 'a day’s heading typed “6-5” (text) between the vault log’s rows 2 and 3: not an exam day',
      retype: (g) => closingRowAt(5, '6-5')(g),
      errors: [
        { messageId: 'heading', form: 3, sheet: '出入库记录', cell: 'B6', row: null, message: /只写了“6-5”.*它可能是6月5日，.*是6月13日至6月16日，不在其中。/ },
      ],
    },
    {
      name: 'unreadable checkout time (and nothing else)',
      edit: (d) => {
        d.vaultLog![0].takenAt = '六月中旬';
      },
      errors: [{ messageId: 'datetime', form: 3, sheet: '出入库记录', cell: 'F4', row: 1, message: /六月中旬/ }],
    },
    {
      name: 'impossible handover date',
      edit: (d) => {
        d.handovers![0].time = '2024-02-30T09:30';
      },
      errors: [{ messageId: 'datetime', form: 1, sheet: '交接单', cell: 'C3', row: null }],
    },
    {
      name: 'a handover date with no time of day (typed so, or an Excel date shown without its time)',
      edit: (d) => {
        d.handovers![0].time = '2024年6月14日';
      },
      errors: [{ messageId: 'noTime', form: 1, sheet: '交接单', cell: 'C3', row: null, message: /“日期”只写了日期“2024年6月14日”，没有写几时几分/ }],
    },
    {
      // Review 21b D7: it was “只写了日期“2024/6/16””, a date the officer looking at the cell never sees.
      name: 'a 还卷时间 cell holding the whole serial 45459 under 常规: quoted as the number it shows, and the day it stands for',
      retype: (g) => typeInto(g, '出入库记录', 'I6', 45459),
      errors: [
        {
          messageId: 'noTimeNumber',
          form: 3,
          sheet: '出入库记录',
          cell: 'I6',
          row: 3,
          message:
            /^“还卷时间”这一格显示的是 45459，这是日期“2024\/6\/16”在 Excel 里的内部数值（这一格的格式是“常规”或数值），只有日期，没有几时几分。表上的时间须写到年、月、日、时、分：请把这一格的格式设为日期（设置单元格格式 → 日期 → 选“2024\/3\/14 13:30”），再补上时分，如“2024\/6\/16 8:30”。$/,
        },
      ],
    },
    {
      // Review 22b D4: it said to give the cell a date-time format and write “2024/6/16 8:30” in a box that prints 时分.
      name: 'a 附件4 领取时间 (the time alone, its day the header’s) holding 45459 under 常规: told to make it a time, the header’s day beside',
      retype: (g) => typeInto(g, '分发登记1', 'F6', 45459),
      errors: [
        {
          messageId: 'noTimeNumberClock',
          form: 4,
          sheet: '分发登记1',
          cell: 'F6',
          row: 1,
          message:
            /^“领取时间”这一格显示的是 45459，这是日期“2024\/6\/16”在 Excel 里的内部数值（这一格的格式是“常规”或数值），不是几时几分。这一栏只填时分，日期是表头的“日期”（2024\/6\/15）：请把这一格的格式设为时间（设置单元格格式 → 时间 → 选“13:30”），再填上时分，如“8:05”。$/,
        },
      ],
    },
    {
      name: 'a 还卷时间 written short (21:15) on a row whose 取卷时间 is unreadable: the 取卷时间 alone is said',
      edit: (d) => {
        d.vaultLog![0].takenAt = '六月中旬 7:45';
        d.vaultLog![0].returnedAt = '10:20';
      },
      errors: [{ messageId: 'datetime', form: 3, sheet: '出入库记录', cell: 'F4', row: 1, message: /六月中旬/ }],
    },
    {
      name: 'a time with a dot between hour and minute is a time, told to use a colon (not “只写了日期”)',
      edit: (d) => {
        d.vaultLog![0].returnedAt = '21.15';
        d.vaultLog![1].takenAt = '6月15日9.45';
      },
      errors: [
        {
          messageId: 'dotTime',
          form: 3,
          sheet: '出入库记录',
          cell: 'I4',
          row: 1,
          message: /^“还卷时间”写的是“21\.15”，时和分之间用了小数点，读不出是几时几分。请改成“21:15”/,
        },
        { messageId: 'dotTime', form: 3, sheet: '出入库记录', cell: 'F5', row: 2, message: /请改成“6月15日9:45”/ },
      ],
    },
    {
      name: 'a date serial kept as text (a date cell set to 文本 and typed again): the date and time it stands for, and what to do',
      edit: (d) => {
        d.vaultLog![0].takenAt = '45458.3229166667';
        d.vaultLog![1].takenAt = '45458';
      },
      errors: [
        {
          messageId: 'serial',
          form: 3,
          sheet: '出入库记录',
          cell: 'F4',
          row: 1,
          message:
            /^“取卷时间”写的是“45458\.3229166667”，这是日期时间“2024-06-15 07:45”在 Excel 里的内部数值：日期格式的格子改成“文本”后再输入，就会显示成这样，打印出来没人看得懂。请把这一格的格式设为日期（或“常规”），再填写“2024-06-15 07:45”。$/,
        },
        {
          messageId: 'serial',
          form: 3,
          sheet: '出入库记录',
          cell: 'F5',
          row: 2,
          message: /^“取卷时间”写的是“45458”，这是日期时间“2024-06-15”在 Excel 里的内部数值/,
        },
      ],
    },
    {
      // Review 13a D2: every face gives a date's serial under 文本 (@) as the text it shows (model/number-format.ts numberAsShown).
      name: 'a filled date-time cell formatted 文本 afterwards (it prints 45458.40625): told as a serial kept as text, nothing else',
      retype: (g) => typeInto(g, '出入库记录', 'F5', '45458.40625'),
      errors: [
        {
          messageId: 'serial',
          form: 3,
          sheet: '出入库记录',
          cell: 'F5',
          row: 2,
          message:
            /^“取卷时间”写的是“45458\.40625”，这是日期时间“2024-06-15 09:45”在 Excel 里的内部数值：日期格式的格子改成“文本”后再输入，就会显示成这样，打印出来没人看得懂。请把这一格的格式设为日期（或“常规”），再填写“2024-06-15 09:45”。$/,
        },
      ],
    },
    {
      name: 'a period in the 值班时间 cell that cannot be read: once, at that cell, saying how to write it (no empty 至 besides)',
      edit: nightInOneCell('2024年6月14日20时至第二天早上'),
      errors: [
        {
          messageId: 'period',
          form: 5,
          sheet: '值班记录1',
          cell: 'D7',
          row: 2,
          message: /^“值班时间”写的是“2024年6月14日20时至第二天早上”，读不出值班的起止时间。请按表上的格式写成如“2025年1月6日16时至6日20时”/,
        },
      ],
    },
    {
      name: 'a 值班时间 unreadable, its 至 written short (次日8时): the 值班时间 alone is said',
      edit: (d) => {
        d.duty!.shifts![1].from = '6月14号晚';
        d.duty!.shifts![1].to = '次日8时';
      },
      errors: [{ messageId: 'halfDay', form: 5, sheet: '值班记录1', cell: 'D7', row: 2, message: /“6月14号晚”，只写了日期和“晚”.*如“6月14号 20:30”/ }],
    },
    {
      name: 'a register’s 日期 unreadable, its rows’ times bare: the 日期 alone (no session said to lack its register)',
      edit: (d) => {
        const r = d.distributions![0];
        r.start = '6月15日第一场';
        r.end = '08:30—10:00';
        r.rows!.forEach((row) => Object.assign(row, { issuedAt: '8:05', returnedAt: '10:08' }));
      },
      errors: [{ messageId: 'date', form: 4, sheet: '分发登记1', cell: 'G3', row: null, message: /6月15日第一场/ }],
    },
    {
      name: 'date without time on a shift',
      edit: (d) => {
        d.duty!.shifts![1].to = '第二天早上';
      },
      errors: [{ messageId: 'datetime', form: 5, sheet: '值班记录1', cell: 'F7', row: 2 }],
    },
    {
      name: 'unreadable intake time',
      edit: (d) => {
        (d.intake as Intake).time = '上周五';
      },
      errors: [{ messageId: 'datetime', form: 2, sheet: '入库清单', cell: 'C17', row: null }],
    },
  ],
});

/** A date-time as a cell formatted to show the day alone gives it (yyyy/m/d over 09:45): read with its time, printed without. */
const hiddenTime = (iso: string) => new HiddenTimeDate(`${iso}:00Z`);
/** A date-time as a cell formatted 常规 (General) gives it: read as the date-time, printed as its serial. */
const serialShown = (iso: string) => new SerialShownDate(`${iso}:00Z`);
/** A date-time as a cell formatted to show the time alone gives it (h:mm, [h]:mm over 2024-06-15 09:45): read with its date, printed without. */
const clockShown = (iso: string) => new ClockShownDate(`${iso}:00Z`);

rt('time-not-shown', {
  valid: [
    { name: 'every time shown with its 时分' },
    {
      name: 'a date-time under a date-only format where the form asks for the date alone (附件4’s 日期)',
      retype: (g) => typeInto(g, '分发登记1', 'G3', hiddenTime('2024-06-15T08:30')),
    },
    {
      name: 'a date-time under a format that shows its time (the Date every reader gives for yyyy/m/d h:mm)',
      retype: (g) => typeInto(g, '出入库记录', 'F5', new Date('2024-06-15T09:45:00Z')),
    },
    {
      // Review 17a N1: 附件4's rows take their day from the sheet's 日期 (G3), which shows it.
      name: 'a 领取时间 and a 回收时间 of 附件4 under h:mm (their day is the sheet’s 日期)',
      retype: (g) => {
        typeInto(g, '分发登记1', 'F6', clockShown('2024-06-15T08:05'));
        typeInto(g, '分发登记1', 'H6', clockShown('2024-06-15T10:08'));
      },
    },
    {
      name: 'a session’s 结束时间 under h:mm beside a 开考时间 that shows its date',
      retype: (g) => typeInto(g, '考试安排', 'E3', clockShown('2024-06-15T10:00')),
    },
    {
      name: 'a session’s 结束时间 under h:mm beside a 开考时间 typed as text with its date',
      retype: (g) => {
        typeInto(g, '考试安排', 'D3', '2024-06-15 08:30');
        typeInto(g, '考试安排', 'E3', clockShown('2024-06-15T10:00'));
      },
    },
  ],
  invalid: [
    {
      // Review 13a D2 (s3): 取卷时间 2024-06-15 09:45 under yyyy/m/d prints 2024/6/15; every other rule still reads 09:45.
      name: 'a 取卷时间 whose cell shows the date alone: a warning at the cell, nothing else',
      retype: (g) => typeInto(g, '出入库记录', 'F5', hiddenTime('2024-06-15T09:45')),
      errors: [
        {
          messageId: 'hidden',
          form: 3,
          sheet: '出入库记录',
          cell: 'F5',
          row: 2,
          message:
            /^“取卷时间”这一格里是“2024-06-15 09:45”，但它的格式只显示日期、不显示时分：表上显示、打印出来签字的只有日期，看不出几时几分。表上的时间须写到年、月、日、时、分：请选中这一格，设置单元格格式 → 日期 → 选“2024\/3\/14 13:30”（或在“自定义”里写 yyyy\/m\/d h:mm）。$/,
        },
      ],
    },
    {
      name: 'a handover’s 日期 and a shift’s 至 shown without their time: each said at its cell',
      retype: (g) => {
        typeInto(g, '交接单', 'C3', hiddenTime('2024-06-14T09:30'));
        typeInto(g, '值班记录1', 'F3', hiddenTime('2024-06-14T20:00'));
      },
      errors: [
        { messageId: 'hidden', form: 1, sheet: '交接单', cell: 'C3', row: null, message: /^“日期”这一格里是“2024-06-14 09:30”，但它的格式只显示日期/ },
        { messageId: 'hidden', form: 5, sheet: '值班记录1', cell: 'F3', row: 1, message: /^“值班时间”这一格里是“2024-06-14 20:00”，但它的格式只显示日期/ },
      ],
    },
    {
      // A column formatted date-only (review4's duty logs: fifteen alike warnings on one sheet): one finding, at the first.
      name: 'three 取卷时间 of one column shown without their time: one finding at the first, naming the other two',
      retype: (g) => {
        typeInto(g, '出入库记录', 'F4', hiddenTime('2024-06-15T07:45'));
        typeInto(g, '出入库记录', 'F5', hiddenTime('2024-06-15T09:45'));
        typeInto(g, '出入库记录', 'F6', hiddenTime('2024-06-16T07:50'));
      },
      errors: [
        {
          messageId: 'hiddenColumn',
          form: 3,
          sheet: '出入库记录',
          cell: 'F4',
          row: 1,
          message:
            /^“取卷时间”这一格里是“2024-06-15 07:45”，但它的格式只显示日期、不显示时分：表上显示、打印出来签字的只有日期，看不出几时几分。表上的时间须写到年、月、日、时、分：本列另有 2 格也是这样（F5、F6）：请选中这一列有日期的各格，设置单元格格式 → 日期 → 选“2024\/3\/14 13:30”（或在“自定义”里写 yyyy\/m\/d h:mm）。$/,
        },
      ],
    },
    {
      // A date-time column whose format was cleared to 常规 (or a program's output with no date style) prints 45458.40625.
      name: 'a 取卷时间 whose cell is formatted 常规 (General): a warning at the cell saying the print shows a number, nothing else',
      retype: (g) => typeInto(g, '出入库记录', 'F5', serialShown('2024-06-15T09:45')),
      errors: [
        {
          messageId: 'number',
          form: 3,
          sheet: '出入库记录',
          cell: 'F5',
          row: 2,
          message:
            /^“取卷时间”这一格里是“2024-06-15 09:45”，但它的格式是“常规”或数值，不是日期：表上显示、打印出来签字的是一个数（如“45458\.40625”），看不出是哪天几时几分。请选中这一格，设置单元格格式 → 日期 → 选“2024\/3\/14 13:30”（或在“自定义”里写 yyyy\/m\/d h:mm）。不必重新填写。$/,
        },
      ],
    },
    {
      name: 'a column of 还卷时间 under 常规 beside one 取卷时间 shown without its time: one finding for each kind, at the first of each',
      retype: (g) => {
        typeInto(g, '出入库记录', 'F4', hiddenTime('2024-06-15T07:45'));
        typeInto(g, '出入库记录', 'I4', serialShown('2024-06-15T10:20'));
        typeInto(g, '出入库记录', 'I5', serialShown('2024-06-15T12:15'));
      },
      errors: [
        { messageId: 'hidden', form: 3, sheet: '出入库记录', cell: 'F4', row: 1, message: /^“取卷时间”这一格里是“2024-06-15 07:45”，但它的格式只显示日期/ },
        {
          messageId: 'numberColumn',
          form: 3,
          sheet: '出入库记录',
          cell: 'I4',
          row: 1,
          message:
            /^“还卷时间”这一格里是“2024-06-15 10:20”，但它的格式是“常规”或数值，不是日期：表上显示、打印出来签字的是一个数（如“45458\.43056”），看不出是哪天几时几分。本列另有 1 格也是这样（I5）：请选中这一列有日期的各格，/,
        },
      ],
    },
    {
      // Review 17a N1: 取卷时间 2024-06-15 09:45 under h:mm prints 9:45; every other rule still reads the date.
      name: 'a 取卷时间 whose cell shows the time alone (h:mm): a warning at the cell, nothing else',
      retype: (g) => typeInto(g, '出入库记录', 'F5', clockShown('2024-06-15T09:45')),
      errors: [
        {
          messageId: 'clock',
          form: 3,
          sheet: '出入库记录',
          cell: 'F5',
          row: 2,
          message:
            /^“取卷时间”这一格里是“2024-06-15 09:45”，但它的格式只显示时间、不显示日期（如 h:mm）：表上显示、打印出来签字的没有年月日，看不出是哪一天。请选中这一格，设置单元格格式 → 自定义 → 写 yyyy-mm-dd hh:mm（日期\+时间），不必重新填写。$/,
        },
      ],
    },
    {
      name: 'a handover’s 日期 and a column of three 还卷时间 under h:mm: one finding at the 日期, one at the column’s first naming the others',
      retype: (g) => {
        typeInto(g, '交接单', 'C3', clockShown('2024-06-14T09:30'));
        typeInto(g, '出入库记录', 'I4', clockShown('2024-06-15T10:20'));
        typeInto(g, '出入库记录', 'I5', clockShown('2024-06-15T12:15'));
        typeInto(g, '出入库记录', 'I6', clockShown('2024-06-16T10:15'));
      },
      errors: [
        {
          messageId: 'clock',
          form: 1,
          sheet: '交接单',
          cell: 'C3',
          row: null,
          message: /^“日期”这一格里是“2024-06-14 09:30”，但它的格式只显示时间、不显示日期（如 h:mm）：/,
        },
        {
          messageId: 'clockColumn',
          form: 3,
          sheet: '出入库记录',
          cell: 'I4',
          row: 1,
          message:
            /^“还卷时间”这一格里是“2024-06-15 10:20”，但它的格式只显示时间、不显示日期（如 h:mm）：表上显示、打印出来签字的没有年月日，看不出是哪一天。本列另有 2 格也是这样（I5、I6）：请选中这一列有日期的各格，设置单元格格式 → 自定义 → 写 yyyy-mm-dd hh:mm（日期\+时间），不必重新填写。$/,
        },
      ],
    },
    {
      name: 'a session’s 开考时间 and 结束时间 both under h:mm: neither shows the day, each said',
      retype: (g) => {
        typeInto(g, '考试安排', 'D3', clockShown('2024-06-15T08:30'));
        typeInto(g, '考试安排', 'E3', clockShown('2024-06-15T10:00'));
      },
      errors: [
        { messageId: 'clock', form: 0, sheet: '考试安排', cell: 'D3', row: 1, message: /^“开考时间”这一格里是“2024-06-15 08:30”，但它的格式只显示时间/ },
        { messageId: 'clock', form: 0, sheet: '考试安排', cell: 'E3', row: 1, message: /^“结束时间”这一格里是“2024-06-15 10:00”，但它的格式只显示时间/ },
      ],
    },
  ],
});

rt('invalid-count', {
  valid: [
    {
      name: 'counts with their unit ("3袋") read as numbers',
      edit: (d) => {
        (d.vaultLog![0] as { quantity: unknown }).quantity = '3袋';
      },
    },
    {
      name: 'a handover 合计 written per unit (1箱、4袋) is a count',
      edit: boxAndBags('1箱、4袋'),
    },
    {
      // 共/合计/总计/计 before a count, 整 after it, a note in brackets after it: words around the count, not in it.
      name: 'counts with words around them (共3袋, 2袋（含补考1袋）, 合计六袋整) read as the count',
      edit: (d) => {
        (d.vaultLog![0] as { quantity: unknown }).quantity = '共3袋';
        (d.handovers![0].items![2] as { quantity: unknown }).quantity = '2袋（含补考1袋）';
        d.handovers![0].total = '合计六袋整';
      },
    },
    {
      name: 'thresholds of 基本信息 written with the unit their label names ("90分钟", "3天", "2个小时") read as numbers',
      edit: (d) => {
        Object.assign(d.site!.settings!, { checkoutLeadMinutes: '90分钟', arrivalDaysBefore: '3天', intakeWithinHours: '2H', returnGraceMinutes: '默认' });
      },
    },
  ],
  invalid: [
    {
      name: 'a threshold that cannot be read is said (the checks use its default)',
      edit: (d) => {
        Object.assign(d.site!.settings!, { checkoutLeadMinutes: '一个半小时', returnGraceMinutes: '开考后90分钟' });
      },
      errors: [
        {
          messageId: 'setting',
          form: 0,
          sheet: '基本信息',
          cell: 'C8',
          row: null,
          message: /^“最早领卷”写的是“一个半小时”，读不出一个不小于 0 的数，检查时只好按默认的 60 计。请只写数字，如“60”。$/,
        },
        { messageId: 'setting', form: 0, sheet: '基本信息', cell: 'C9', row: null, message: /“开考后90分钟”.*默认的 120/ },
      ],
    },
    {
      name: 'bag count in words that are no number',
      edit: (d) => {
        d.vaultLog![1].quantity = '若干袋';
      },
      errors: [{ messageId: 'count', form: 3, sheet: '出入库记录', cell: 'D5', row: 2 }],
    },
    {
      // The 合计 left blank: over an unread row it is column-total's 无从核对 (test/rules/totals-unchecked.test.ts).
      name: 'negative handover quantity',
      edit: (d) => {
        d.handovers![0].items![1].quantity = -1;
      },
      retype: (g) => typeInto(g, '交接单', 'D17', null),
      errors: [{ messageId: 'count', form: 1, sheet: '交接单', cell: 'D9', row: 2 }],
    },
    {
      name: 'fractional bags on the intake list',
      edit: (d) => {
        (d.intake as Intake).items![2].bags11 = 1.5;
      },
      retype: (g) => typeInto(g, '入库清单', 'F14', null),
      errors: [{ messageId: 'count', form: 2, sheet: '入库清单', cell: 'F6', row: 3, message: /1\.5/ }],
    },
    {
      name: 'a 合计 that is an estimate, even with 共 before it (共约6袋)',
      edit: (d) => void (d.handovers![0].total = '共约6袋'),
      errors: [{ messageId: 'count', form: 1, sheet: '交接单', cell: 'D17', row: null, message: /^“合计”写的是“共约6袋”，不是一个不小于 0 的整数。/ }],
    },
    {
      name: 'copies as text',
      edit: (d) => {
        d.distributions![0].rows![0].copies = '约30';
      },
      errors: [{ messageId: 'count', form: 4, sheet: '分发登记1', cell: 'D6', row: 1 }],
    },
  ],
});

rt('partial-row', {
  valid: [{ name: 'a vault row still out has no return part', base: 'fenxiao' }],
  invalid: [
    {
      name: 'vault taker and time blank',
      edit: (d) => {
        delete d.vaultLog![2].taker;
        delete d.vaultLog![2].takenAt;
      },
      errors: [{ messageId: 'row', form: 3, sheet: '出入库记录', cell: 'E6', row: 3, message: /取卷人.*取卷时间/ }],
    },
    {
      name: 'return part two thirds empty',
      edit: (d) => {
        delete d.vaultLog![0].receivedBy;
        delete d.vaultLog![0].returner;
      },
      errors: [{ messageId: 'returned', form: 3, sheet: '出入库记录', cell: 'H4', row: 1, message: /还卷部分/ }],
    },
    // Round 22: a day's heading may be a date (a slash date, a real date alone in 取卷时间); a checkout's time typed alone
    // is none: a row begun, its taker and the rest not filled in.
    ...[
      ['a checkout’s time typed alone (6/16 7:50, as text) in 取卷时间 under the log’s last row', '6/16 7:50'],
      ['a checkout’s time typed alone (a date with its time) in 取卷时间 under the log’s last row', new Date(Date.UTC(2024, 5, 16, 7, 50))],
    ].map(([name, value]) => ({
      name: name as string,
      retype: (g: WorkbookGrid) => typeInto(g, '出入库记录', 'F7', value as CellValue),
      errors: [{ messageId: 'row', form: 3, sheet: '出入库记录', cell: 'B7', row: 4, message: /序号 4 这一行只填了一部分/ }],
    })),
    // Round 22: what a person typed is a record's, a value typed as a formula (=3) or beside a formula dragged down too.
    {
      name: 'a 数量 typed as a formula (=3) alone under the log’s last row: a record begun',
      retype: (g) =>
        formulaDown(
          g,
          '出入库记录',
          'D',
          () => '3',
          () => 3,
          7,
          7,
        ),
      errors: [{ messageId: 'row', form: 3, sheet: '出入库记录', cell: 'B7', row: 4, message: /序号 4 这一行只填了一部分/ }],
    },
    {
      name: 'a 取卷人 typed beside a name dragged down (=$C$6) under the log’s last row: a record begun',
      retype: (g) => {
        formulaDown(
          g,
          '出入库记录',
          'C',
          () => '$C$6',
          () => '中国现代文学',
        );
        typeInto(g, '出入库记录', 'E7', '李强');
      },
      errors: [{ messageId: 'row', form: 3, sheet: '出入库记录', cell: 'B7', row: 4, message: /序号 4 这一行只填了一部分/ }],
    },
    {
      name: 'a handover row with only a 数量: no 试卷归属, no 单位',
      edit: (d) => void d.handovers![0].items!.push({ quantity: 2 }),
      errors: [{ messageId: 'row', form: 1, sheet: '交接单', cell: 'C11', row: 4, message: /序号 4 这一行只填了一部分：“试卷归属”、“单位”都没有填写/ }],
    },
    {
      name: 'a stub distribution row (paper only)',
      edit: (d) => {
        d.distributions![0].rows!.push({ paperNo: '1001', paperName: '高等数学基础' });
      },
      errors: [{ messageId: 'row', form: 4, sheet: '分发登记1', cell: 'D8', row: 3, message: /试卷份数/ }],
    },
    {
      name: 'shift without signatures',
      edit: (d) => {
        delete d.duty!.shifts![3].takenOverBy;
        delete d.duty!.shifts![3].handedOverBy;
      },
      errors: [{ messageId: 'row', form: 5, sheet: '值班记录2', cell: 'D9', row: 4 }],
    },
    {
      name: 'roster row without its answers',
      edit: (d) => {
        delete d.staff![4].pledgeSigned;
        delete d.staff![4].formalStaff;
      },
      errors: [{ messageId: 'row', form: 0, sheet: '涉卷人员', cell: 'D7', row: 5 }],
    },
  ],
});

/** 岳麓考点's vault log with a mistaken 2045 checkout kept in row 4 (07:30, never returned), and a 备注 column added to the header. */
const mistakenCheckout = (d: SiteData) =>
  void d.vaultLog!.push({ paperNo: '2045', paperName: '管理学基础', quantity: 1, unit: '袋', taker: '赵敏', takenAt: '2024-06-15T07:30', issuedBy: '陈静' });
const vaultNotes = (note: string) => (g: WorkbookGrid) => {
  typeInto(g, '出入库记录', 'L3', '备注');
  typeInto(g, '出入库记录', 'L7', note);
};
const VOIDED = /^此行注明作废，已当作作废的行留作记录：不计入合计，也不参与各项检查。$/;

rt('voided-row', {
  valid: [
    { name: 'a 备注 column added to 附件3 with a note that strikes nothing (补登)', retype: vaultNotes('补登') },
    {
      name: 'a handover 备注 naming papers (作废卷2袋回收销毁), not striking its row',
      edit: (d) => void (d.handovers![0].items![2].note = '作废卷2袋回收销毁'),
    },
  ],
  invalid: [
    {
      // Checked as live it gave overdraw on the correct 2045 row (D5), checkout-window F7 and not-returned I7 (review4 D4).
      name: 'the mistaken 附件3 row struck out in an added 备注 column: once, there, and no row judged with it',
      edit: mistakenCheckout,
      retype: vaultNotes('作废（误登，见第2行）'),
      errors: [{ messageId: 'row', form: 3, sheet: '出入库记录', cell: 'L7', row: 4, message: VOIDED }],
    },
    {
      // The 合计 (6) leaves its 5 bags out, as the officer wrote it: no column-total either.
      name: 'a handover item struck out (此行作废) in the form’s own 备注',
      edit: (d) => void d.handovers![0].items!.push({ destination: '岳麓考点', quantity: 5, unit: '袋', note: '此行作废' }),
      errors: [{ messageId: 'row', form: 1, sheet: '交接单', cell: 'E11', row: 4, message: VOIDED }],
    },
    {
      name: 'a half-filled handover row struck out (作废): voided-row, not partial-row',
      edit: (d) => void d.handovers![0].items!.push({ quantity: 2, note: '作废' }),
      errors: [{ messageId: 'row', form: 1, sheet: '交接单', cell: 'E11', row: 4 }],
    },
    {
      // Live, its 30 copies for room 03 were more than the 1001 bags taken out hold (handed-out-beyond-checkout).
      name: 'a distribution row struck out (已作废)',
      edit: (d) =>
        void d.distributions![0].rows!.push({
          paperNo: '1001',
          paperName: '高等数学基础',
          copies: 30,
          room: '03',
          issuedAt: '2024-06-15T08:07',
          collector: '周涛',
          returnedAt: '2024-06-15T10:08',
          returner: '周涛',
          note: '已作废',
        }),
      errors: [{ messageId: 'row', form: 4, sheet: '分发登记1', cell: 'J8', row: 3, message: VOIDED }],
    },
  ],
});

/** 岳麓考点's vault log with a row holding `word` alone (in 试卷号) inserted at 0-based `at`: the rows below it, and the merges, a row lower. */
const closingRowAt = (at: number, word: CellValue) => (g: WorkbookGrid) => {
  const sheet = g.sheets.find((s) => s.name === '出入库记录')!;
  sheet.rows.splice(at, 0, [null, word]);
  sheet.merges = sheet.merges.map((m) => m.replace(/\d+/g, (r) => String(Number(r) - 1 >= at ? Number(r) + 1 : Number(r))));
};
const ROWS_AFTER_CLOSING =
  /^这里写了“（以下空白）”，表示表格到此为止，但它下面还登记了序号 3 这一行（已照常检查）。“（以下空白）”下面不应再登记：请把“（以下空白）”移到最后一条真实记录的下面，误登的行整行删除。$/;

/** `value` filled down `col` of `sheet` from row `from` to 13 (1-based), over its empty rows (review 21a D8). */
const fillDown = (g: WorkbookGrid, sheet: string, col: string, value: CellValue, from = 7) => {
  for (let r = from; r <= 13; r++) typeInto(g, sheet, `${col}${r}`, value);
};

/** `formula(r)` in `col` of `sheet` from row `from` to `to` (1-based), showing `shown(r)` (a formula saved with its value). */
const formulaDown = (g: WorkbookGrid, sheet: string, col: string, formula: (r: number) => string, shown: (r: number) => CellValue, from = 7, to = 13) => {
  const grid = g.sheets.find((x) => x.name === sheet)!;
  grid.shownFormulas = { ...grid.shownFormulas };
  for (let r = from; r <= to; r++) {
    typeInto(g, sheet, `${col}${r}`, shown(r));
    grid.shownFormulas[`${col}${r}`] = formula(r);
  }
};

/**
 * A row inserted into `sheet` before row `at` (1-based) holding `values`, as Excel inserts one: the rows below move down,
 * their formulas with them, and every reference to a row at or below it one row further (one above it stays).
 */
const insertRowAt = (g: WorkbookGrid, sheet: string, at: number, values: CellValue[]) => {
  const grid = g.sheets.find((s) => s.name === sheet)!;
  grid.rows.splice(at - 1, 0, values);
  const moved = (n: string) => (Number(n) >= at ? String(Number(n) + 1) : n);
  grid.merges = grid.merges.map((m) => m.replace(/\d+/g, moved));
  grid.shownFormulas = Object.fromEntries(
    Object.entries(grid.shownFormulas ?? {}).map(([cell, f]) => [
      cell.replace(/\d+/, moved),
      f.replace(/(?<![\w.$])(\$?[A-Z]{1,3}\$?)(\d+)(?![\w(])/g, (_all, col: string, n: string) => col + moved(n)),
    ]),
  );
};

rt('rows-after-closing', {
  valid: [
    { name: '以下空白 under the vault log’s last row, nothing below it', retype: (g) => typeInto(g, '出入库记录', 'B7', '以下空白') },
    { name: '（以下空白） under the handover’s last item, its 合计 row below it', retype: (g) => typeInto(g, '交接单', 'C11', '（以下空白）') },
    // A note read as a row was 试卷号有误 and 行只填了一部分 at it, and rows-after-closing said a record below the word.
    {
      name: '以下空白 under the vault log’s last row, a note below it (注：…): no record, nothing said',
      retype: (g) => {
        typeInto(g, '出入库记录', 'B7', '以下空白');
        typeInto(g, '出入库记录', 'B9', '注：6月16日下午无考试');
      },
    },
    {
      name: 'a line naming who checked the log (核对人：莫琳桂) under its last row, in 试卷名称’s column: no record',
      retype: (g) => typeInto(g, '出入库记录', 'C8', '核对人：莫琳桂'),
    },
    // Left out with the note, 3310's checkout below it would be judged missing (distribution-outside-custody).
    { name: 'a note between the vault log’s rows 2 and 3 (说明：…): row 3 read on', retype: closingRowAt(5, '说明：3310 为补考试卷') },
    // Review 20b D4: a sentence under the intake list, a day's heading between the log's rows, each a paper off every list.
    { name: 'a sentence under the intake list’s rows (以上试卷均密封完好): no record', retype: (g) => typeInto(g, '入库清单', 'B9', '以上试卷均密封完好') },
    // Review 24 D6: a note typed without its 注： into a blank row — a paper off every list, a row half filled in.
    {
      name: 'a sentence in 试卷号’s column under the vault log (李强代赵敏领取3310，陈静在场): no record',
      retype: (g) => typeInto(g, '出入库记录', 'B8', '李强代赵敏领取3310，陈静在场'),
    },
    { name: 'a sentence between the vault log’s rows 2 and 3: row 3 read on', retype: closingRowAt(5, '3310 由李强代赵敏领取，陈静在场') },
    {
      name: 'a note in brackets in 试卷名称’s column under the vault log ((3310由李强代赵敏领取)): no record',
      retype: (g) => typeInto(g, '出入库记录', 'C8', '（3310由李强代赵敏领取）'),
    },
    {
      name: 'a day’s heading between the vault log’s rows 2 and 3 (6月16日（第二天）): no record, row 3 read on',
      retype: closingRowAt(5, '6月16日（第二天）'),
    },
    // Review 20b D3: a total or a part's total in the words people write it, under the vault log's last row.
    ...['共计', '总数', '本页合计', '本日小计', '6月15日小计', '以上合计', '累计'].map((word) => ({
      name: `${word} under the vault log’s last row: no record`,
      retype: (g: WorkbookGrid) => typeInto(g, '出入库记录', 'B7', word),
    })),
    // Review 21a D1: a day's total mid-log ended the table: 3310's checkout below it was lost (a false distribution-outside-custody).
    ...['共计', '合计', '总数', '小计'].map((word) => ({
      name: `${word} between the vault log’s rows 2 and 3 (a day’s total): row 3 read on`,
      retype: closingRowAt(5, word),
    })),
    // Review 21a D3, D9: a day's heading with its colon (it ended the log: 3310's checkout lost, its handout said outside
    // custody), or in other shapes (each a paper off every list and a row half filled): no record, row 3 read on.
    ...['6月16日：', '第二天：', '6月16日 星期日', '6月16日上午场', '2024/6/16', '六月十六日（星期日）'].map((word) => ({
      name: `a day’s heading “${word}” between the vault log’s rows 2 and 3: no record, row 3 read on`,
      retype: closingRowAt(5, word),
    })),
    // Round 22: a slash date with no 4-digit year was a paper off every list and a row half filled (unknown-paper and
    // partial-row at B6).
    ...['6/16', '06/16', '6/16（第二天）', '24/6/16', '24.6.16 星期日'].map((word) => ({
      name: `a day’s heading “${word}” (no 4-digit year) between the vault log’s rows 2 and 3: no record, row 3 read on`,
      retype: closingRowAt(5, word),
    })),
    // Round 22: a day typed as a real date (its serial under a date format) alone in 取卷时间 was partial-row at B6 and
    // invalid-datetime at F6 (只写了日期), as the text 6月16日 was before review 21a D9.
    {
      name: 'a day typed as a date (2024/6/16 under a date format) alone in the vault log’s 取卷时间 between rows 2 and 3: no record',
      retype: (g) => {
        closingRowAt(5, '')(g);
        typeInto(g, '出入库记录', 'F6', new CalendarDate(Date.UTC(2024, 5, 16)));
      },
    },
    // Excel takes 6/16 typed in 试卷号 for a date (its serial under m/d): it was unknown-paper and partial-row at B6.
    {
      name: 'a day typed in 试卷号 as Excel keeps it (6/16: a date under m/d) between the vault log’s rows 2 and 3: no record',
      retype: closingRowAt(5, new CalendarDate(Date.UTC(2024, 5, 16))),
    },
    // Review 21a D9: it was partial-row at B6 and invalid-datetime at F6 (只写了日期).
    {
      name: 'a day’s heading (6月16日) typed alone in the vault log’s 取卷时间 between rows 2 and 3: no record',
      retype: (g) => {
        closingRowAt(5, '')(g);
        typeInto(g, '出入库记录', 'F6', '6月16日');
      },
    },
    // Review 21a D4: the register ended at its row: room 02's handout lost, the 备注 read as the footer's 收卷人 (staff-not-on-roster).
    {
      name: 'a register row’s 备注 beginning with a footer’s label (收卷人：赵敏代收): the row read, the footer’s 收卷人 its own',
      edit: (d) => void (d.distributions![0].rows![1].note = '收卷人：赵敏代收'),
    },
    // Review 21a D8: what people fill down over the empty rows — a drop-down's 袋, a lookup's #N/A, a SUM's 0 — was a
    // half-filled row each (partial-row ×7, paper-name-mismatch ×7), and a note or a heading beside it a paper off every list.
    { name: '单位 filled down with 袋 over the vault log’s empty rows: no record', retype: (g) => fillDown(g, '出入库记录', 'K', '袋') },
    {
      name: 'a lookup dragged down the vault log’s 试卷名称 showing #N/A over its empty rows: no record',
      retype: (g) => fillDown(g, '出入库记录', 'C', '#N/A'),
    },
    {
      name: 'a SUM dragged down the intake list’s 合计（袋） over its empty rows, saved without its value (0): no record',
      retype: (g) => {
        const sheet = g.sheets.find((x) => x.name === '入库清单')!;
        sheet.formulas = { ...sheet.formulas };
        for (let r = 7; r <= 13; r++) {
          typeInto(g, '入库清单', `H${r}`, null);
          sheet.formulas[`H${r}`] = `SUM(D${r}:G${r})`;
        }
      },
    },
    {
      name: 'a note beside a lookup’s #N/A on the vault log’s empty rows (注：3310为次日考试): no record',
      retype: (g) => {
        fillDown(g, '出入库记录', 'C', '#N/A');
        typeInto(g, '出入库记录', 'B7', '注：3310为次日考试');
      },
    },
    // Round 22: a formula dragged down over the empty rows showing real text was a record each (partial-row ×7).
    {
      name: 'a lookup dragged down the vault log’s 试卷名称 from its first row, showing the name above on its empty rows: no record',
      retype: (g) =>
        formulaDown(
          g,
          '出入库记录',
          'C',
          (r) => `IF(B${r}="",C${r - 1},VLOOKUP(B${r},考试安排!$B$3:$C$5,2,0))`,
          (r) => (r < 7 ? ['高等数学基础', '管理学基础', '中国现代文学'][r - 4] : '中国现代文学'),
          4,
        ),
    },
    {
      name: 'a fixed cell (=$C$6) dragged down the vault log’s 试卷名称 over its empty rows, showing 3310’s name: no record',
      retype: (g) =>
        formulaDown(
          g,
          '出入库记录',
          'C',
          () => '$C$6',
          () => '中国现代文学',
        ),
    },
    {
      name: 'its 试卷号 and 试卷名称 (=$B$6, =$C$6) dragged down over the empty rows, showing 3310 and its name: no record',
      retype: (g) => {
        formulaDown(
          g,
          '出入库记录',
          'B',
          () => '$B$6',
          () => '3310',
        );
        formulaDown(
          g,
          '出入库记录',
          'C',
          () => '$C$6',
          () => '中国现代文学',
        );
      },
    },
    // Records all the same: a table whose papers are looked up row by row from the schedule, nothing else typed there.
    {
      name: 'the vault log’s 试卷号 and 试卷名称 looked up row by row from the schedule (=考试安排!B3 …): its rows read',
      retype: (g) => {
        formulaDown(
          g,
          '出入库记录',
          'B',
          (r) => `考试安排!B${r - 1}`,
          (r) => ['1001', '2045', '3310'][r - 4],
          4,
          6,
        );
        formulaDown(
          g,
          '出入库记录',
          'C',
          (r) => `考试安排!C${r - 1}`,
          (r) => ['高等数学基础', '管理学基础', '中国现代文学'][r - 4],
          4,
          6,
        );
      },
    },
    // Round 23: a day's heading gives the rows below it their day: 3310's checkout and return typed as times alone
    // under it were invalid-datetime at F7 and I7 (读不出是哪年哪月哪日); “6-16”, “6.16” (text, or the number Excel keeps)
    // were besides a paper off every list and a row half filled (unknown-paper and partial-row at B6).
    ...(['6月16日', '6/16', '6-16', '6.16', '6．16（星期日）', 6.16] as CellValue[]).map((word) => ({
      name: `a day’s heading ${JSON.stringify(word)} between the vault log’s rows 2 and 3, row 3’s times typed alone (7:50, 10:15): read on that day`,
      retype: (g: WorkbookGrid) => {
        closingRowAt(5, word)(g);
        typeInto(g, '出入库记录', 'F7', '7:50');
        typeInto(g, '出入库记录', 'I7', '10:15');
      },
    })),
    {
      name: 'a day’s heading (6月16日) typed in the vault log’s 序号 column between rows 2 and 3, row 3’s times alone: read on that day',
      retype: (g) => {
        const sheet = g.sheets.find((s) => s.name === '出入库记录')!;
        sheet.rows.splice(5, 0, ['6月16日']);
        typeInto(g, '出入库记录', 'F7', '7:50');
        typeInto(g, '出入库记录', 'I7', '10:15');
      },
    },
    // Round 23: a day's heading inserted into a lookup dragged down the empty rows moved the reference of the row after
    // it (=IF(B10="",C8,…), its neighbours one row up): that row was a record (partial-row at B10, its name alone).
    {
      name: 'a day’s heading (6月17日) inserted into a lookup dragged down the vault log’s 试卷名称 below its last row: no record',
      retype: (g) => {
        formulaDown(
          g,
          '出入库记录',
          'C',
          (r) => `IF(B${r}="",C${r - 1},VLOOKUP(B${r},考试安排!$B$3:$C$5,2,0))`,
          (r) => (r < 7 ? ['高等数学基础', '管理学基础', '中国现代文学'][r - 4] : '中国现代文学'),
          4,
        );
        insertRowAt(g, '出入库记录', 9, [null, '6月17日']);
      },
    },
    // Round 24: more than 3 rows inserted into the run broke it — the row below them, its reference moved by all of them,
    // was a record (partial-row, its name alone). A block of any length, the formula resuming below it as it was.
    ...[4, 9, 40].map((n) => ({
      name: `a block of ${n} rows (a day’s heading, a note, blank rows) inserted into a lookup dragged down the vault log’s 试卷名称: no record`,
      retype: (g: WorkbookGrid) => {
        formulaDown(
          g,
          '出入库记录',
          'C',
          (r) => `IF(B${r}="",C${r - 1},VLOOKUP(B${r},考试安排!$B$3:$C$5,2,0))`,
          (r) => (r < 7 ? ['高等数学基础', '管理学基础', '中国现代文学'][r - 4] : '中国现代文学'),
          4,
        );
        for (let k = n - 1; k >= 0; k--) insertRowAt(g, '出入库记录', 9, k === 0 ? [null, '6月17日'] : k === 1 ? [null, '注：补考试卷另行登记'] : [null]);
      },
    })),
    {
      name: 'a day’s heading between the vault log’s rows 2 and 3, 单位 filled down beside it (袋): no record, row 3 read on',
      retype: (g) => {
        closingRowAt(5, '6月16日（第二天）')(g);
        fillDown(g, '出入库记录', 'K', '袋', 6);
      },
    },
  ],
  invalid: [
    {
      // Left out (before review 18a D5), 3310's checkout was lost without a word and its room handout judged outside custody
      // (distribution-outside-custody 分发登记3 F6); read, the row is clean.
      name: '（以下空白） between the vault log’s rows 2 and 3: said once at it, row 3 read and checked',
      retype: closingRowAt(5, '（以下空白）'),
      errors: [{ messageId: 'rows', form: 3, sheet: '出入库记录', cell: 'B6', row: null, message: ROWS_AFTER_CLOSING }],
    },
  ],
});

rt('row-total', {
  valid: [
    { name: 'rows add up' },
    {
      name: 'blank size cells count as 0',
      edit: (d) => {
        delete (d.intake as Intake).items![1].bags26;
      },
    },
  ],
  invalid: [
    {
      name: '合计（袋） wrong on row 1 (column total not repeated)',
      edit: (d) => {
        (d.intake as Intake).items![0].totalBags = 4;
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单', cell: 'H4', row: 1, message: /是 3 袋/ }],
    },
    {
      name: 'a size changed on row 3',
      edit: (d) => {
        (d.intake as Intake).items![2].bags11 = 3;
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单', cell: 'H6', row: 3 }],
    },
  ],
});

/** 岳麓考点's intake list with a totals row headed `word` typed under its rows (row 7): 31份装, 26份装, 11份装, 5份装, 合计（袋）. */
const intakePartTotal = (word: string, figures: number[]) => (g: WorkbookGrid) => {
  typeInto(g, '入库清单', 'B7', word);
  figures.forEach((n, k) => typeInto(g, '入库清单', `${'DEFGH'[k]}7`, n));
};
const PART_TOTAL_WRONG =
  /^“本页合计行的合计（袋）”写的是 5，但它合计的各行（序号 1–3）相加是 6。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。$/;

/** A total row headed `word` in `sheet`: the word in `wordCell`, the figure in `figureCell` (review 22b O4: the tables that print no 合计). */
const totalRow = (sheet: string, wordCell: string, word: string, figureCell: string, figure: CellValue) => (g: WorkbookGrid) => {
  typeInto(g, sheet, wordCell, word);
  typeInto(g, sheet, figureCell, figure);
};
/** 岳麓考点's vault log with a row headed `word` between its days (6/15's rows 1–2: 3 and 1 bags; 6/16's row 3: 2), 数量 `figure`. */
const vaultDayTotal = (word: string, figure: CellValue) => (g: WorkbookGrid) => {
  closingRowAt(5, word)(g);
  typeInto(g, '出入库记录', 'D6', figure);
};
/**
 * 岳麓考点's vault log with day headings typed above its days (`first` over 6/15's rows 1–2: 3 and 1 bags; `second` over
 * 6/16's row 3: 2) and a row headed `word` under row 3, 数量 `figure` (D9); no heading when `first` is ''.
 */
const vaultUnderHeadings = (first: string, second: string, word: string, figure: CellValue) => (g: WorkbookGrid) => {
  closingRowAt(6, word)(g);
  if (first) [closingRowAt(5, second), closingRowAt(3, first)].forEach((insert) => insert(g));
  typeInto(g, '出入库记录', first ? 'D9' : 'D7', figure);
};
const SECOND_DAY_WRONG = (word: string) =>
  new RegExp(`^“${word}行的数量”写的是 5，但6月16日的各行（序号 3）相加是 2。按日写的小计须等于当天各行之和，请核对后改正。$`);
const DAY_TOTAL_WRONG = (word: string, total: number) =>
  new RegExp(`^“${word}行的数量”写的是 ${total}，但6月15日的各行（序号 1–2）相加是 4。按日写的小计须等于当天各行之和，请核对后改正。$`);

rt('column-total', {
  valid: [
    // Review 22b O4: the vault log, the distribution register and the schedule print no 合计; one people write is checked.
    { name: '6月15日小计 between the vault log’s days, right (3 + 1)', retype: vaultDayTotal('6月15日小计', 4) },
    { name: '本日小计 between the vault log’s days, right (3 + 1)', retype: vaultDayTotal('本日小计', 4) },
    {
      name: '6月16日小计 under the vault log’s last row: the day’s one row (2), not the log’s 6',
      retype: totalRow('出入库记录', 'B7', '6月16日小计', 'D7', 2),
    },
    { name: '合计 under the vault log’s rows, right (6)', retype: totalRow('出入库记录', 'B7', '合计', 'D7', 6) },
    // fix-totals24: a day's 小计 covered the rows since the part before it — 6/15's too, which had no 小计 (6 for 2).
    {
      name: '小计 under the vault log’s heading 6月16日, the day before with no 小计: 6/16’s row (2)',
      retype: vaultUnderHeadings('6月15日', '6月16日', '小计', 2),
    },
    { name: '第二天小计 under the heading 第二天: the day’s row (2), not both days’ 6', retype: vaultUnderHeadings('第一天', '第二天', '第二天小计', 2) },
    { name: '第二天小计 under 6/16’s row, no heading: the day of the rows above it (2)', retype: vaultUnderHeadings('', '', '第二天小计', 2) },
    {
      name: '本日小计 under 6/15’s heading written again (6月15日（续）) over row 2: every row of 6/15 (3 + 1), not row 2 alone',
      retype: (g) => {
        [closingRowAt(5, '本日小计'), closingRowAt(4, '6月15日（续）'), closingRowAt(3, '6月15日')].forEach((insert) => insert(g));
        typeInto(g, '出入库记录', 'D8', 4);
      },
    },
    { name: '合计 under the distribution register’s rows, right (30 + 27)', retype: totalRow('分发登记1', 'B8', '合计', 'D8', 57) },
    { name: '合计 of 报考人数 under the schedule’s rows, right (57 + 31 + 20)', retype: totalRow('考试安排', 'B6', '合计', 'F6', 108) },
    { name: 'totals add up', base: 'fenxiao' },
    { name: 'rows of 箱 and 袋 totalled per unit, as the template’s formula writes it (1箱、4袋)', edit: boxAndBags('1箱、4袋') },
    { name: 'rows of 箱 and 袋 totalled per unit, written run together (1箱4袋)', edit: boxAndBags('1箱4袋') },
    { name: 'rows of 箱 and 袋 totalled per unit in words, as rows’ counts are read (一箱四袋)', edit: boxAndBags('一箱四袋') },
    { name: 'rows of 箱 and 袋 totalled per unit in 大写 with 、', edit: boxAndBags('壹箱、肆袋') },
    { name: 'rows of 箱 and 袋 totalled in bags, the box’s as its 备注 says them (1箱 内装2袋 and 4袋: 6)', edit: boxAndBags(6) },
    {
      name: 'rows of one unit totalled with their unit (6袋) or without',
      edit: (d) => void (d.handovers![0].total = '6袋'),
    },
    { name: 'rows of one unit totalled with words around the count (共六袋)', edit: (d) => void (d.handovers![0].total = '共六袋') },
    { name: 'rows of one unit totalled with a note in brackets (6袋（含补考1袋）)', edit: (d) => void (d.handovers![0].total = '6袋（含补考1袋）') },
    { name: 'a 本页合计 over the intake rows, right, the table’s 合计 below', retype: (g) => intakePartTotal('本页合计', [2, 1, 2, 1, 6])(g) },
    { name: '合计 written twice over the intake rows, both right', retype: (g) => intakePartTotal('合计', [2, 1, 2, 1, 6])(g) },
  ],
  invalid: [
    {
      // 1 box and 4 bags are not 5 of anything.
      name: 'rows of 箱 and 袋 added into one number',
      edit: boxAndBags(5),
      errors: [
        {
          messageId: 'units',
          form: 1,
          sheet: '交接单',
          cell: 'D17',
          row: null,
          message: /^“合计”写的是 5，但上面各行不是同一种单位（1箱、4袋）.*即“1箱、4袋”/,
        },
      ],
    },
    {
      name: 'rows of 箱 and 袋 totalled per unit, wrongly',
      edit: boxAndBags('1箱、5袋'),
      errors: [{ messageId: 'sum', form: 1, sheet: '交接单', cell: 'D17', row: null, message: /^“合计”写的是 1箱、5袋，但上面各行相加是 1箱、4袋。/ }],
    },
    {
      name: 'rows of 箱 and 袋 totalled per unit in words, wrongly (一箱五袋)',
      edit: boxAndBags('一箱五袋'),
      errors: [{ messageId: 'sum', form: 1, sheet: '交接单', cell: 'D17', row: null, message: /^“合计”写的是 一箱五袋，但上面各行相加是 1箱、4袋。/ }],
    },
    {
      name: 'handover 合计 wrong, in words around its count (共七袋整)',
      edit: (d) => void (d.handovers![0].total = '共七袋整'),
      errors: [{ messageId: 'sum', form: 1, sheet: '交接单', cell: 'D17', row: null, message: /^“合计”写的是 7，但上面各行相加是 6。/ }],
    },
    {
      name: 'handover 合计 wrong',
      edit: (d) => {
        d.handovers![0].total = 7;
      },
      errors: [{ messageId: 'sum', form: 1, sheet: '交接单', cell: 'D17', row: null }],
    },
    {
      name: 'intake 合计 of 31份装 wrong',
      edit: (d) => {
        (d.intake as Intake).totals!.bags31 = 3;
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单', cell: 'D14', row: null, message: /31份装/ }],
    },
    {
      name: 'intake grand total wrong',
      edit: (d) => {
        (d.intake as Intake).totals!.totalBags = 7;
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单', cell: 'H14', row: null }],
    },
    {
      // Review 20b D3: 共计 is the table's total as 合计 is (it was read as a row: required-field and row-total at it).
      name: 'intake grand total wrong on a totals row headed 共计',
      retype: (g) => {
        typeInto(g, '入库清单', 'B14', '共计');
        typeInto(g, '入库清单', 'H14', 7);
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单', cell: 'H14', row: null, message: /写的是 7，但上面各行相加是 6/ }],
    },
    // Review 21a D5: a part's total, skipped since review 20b D3, passed a wrong figure unseen.
    {
      name: 'a 本页合计 over the intake rows, its 合计（袋） wrong, the table’s 合计 right below',
      retype: intakePartTotal('本页合计', [2, 1, 2, 1, 5]),
      errors: [{ messageId: 'part', form: 2, sheet: '入库清单', cell: 'H7', row: null, message: PART_TOTAL_WRONG }],
    },
    {
      // Review 21a D6: the first 合计 was taken for the table's and the printed one below never read.
      name: '合计 written twice, the first right, the printed 合计 row below it wrong',
      retype: (g) => {
        intakePartTotal('合计', [2, 1, 2, 1, 6])(g);
        typeInto(g, '入库清单', 'D14', 3);
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单', cell: 'D14', row: null, message: /^“合计行的31份装（袋）”写的是 3，但上面各行相加是 2。/ }],
    },
    // Review 22b O4: a 小计 people write in a table that prints no 合计 drew no finding.
    {
      name: '6月15日小计 between the vault log’s days, wrong (5 for 3 + 1)',
      retype: vaultDayTotal('6月15日小计', 5),
      errors: [{ messageId: 'day', form: 3, sheet: '出入库记录', cell: 'D6', row: null, message: DAY_TOTAL_WRONG('6月15日小计', 5) }],
    },
    {
      name: '本日小计 between the vault log’s days, wrong: the day of the rows above it (6/15)',
      retype: vaultDayTotal('本日小计', 5),
      errors: [{ messageId: 'day', form: 3, sheet: '出入库记录', cell: 'D6', row: null, message: DAY_TOTAL_WRONG('本日小计', 5) }],
    },
    {
      name: '6月15日小计 under the vault log’s last row (6/16’s), the log’s 6: the rows of 6/15 add up to 4',
      retype: totalRow('出入库记录', 'B7', '6月15日小计', 'D7', 6),
      errors: [{ messageId: 'day', form: 3, sheet: '出入库记录', cell: 'D7', row: null, message: DAY_TOTAL_WRONG('6月15日小计', 6) }],
    },
    {
      name: '小计 under the vault log’s heading 6月16日, wrong (5): 6/16’s row 3 named, not rows 1–3',
      retype: vaultUnderHeadings('6月15日', '6月16日', '小计', 5),
      errors: [{ messageId: 'day', form: 3, sheet: '出入库记录', cell: 'D9', row: null, message: SECOND_DAY_WRONG('小计') }],
    },
    {
      name: '第二天小计 under the heading 第二天, wrong (5): the day’s row 3',
      retype: vaultUnderHeadings('第一天', '第二天', '第二天小计', 5),
      errors: [{ messageId: 'day', form: 3, sheet: '出入库记录', cell: 'D9', row: null, message: SECOND_DAY_WRONG('第二天小计') }],
    },
    {
      name: '第二天小计 under 6/16’s row, no heading, wrong (5): the rows of that day by their 取卷时间',
      retype: vaultUnderHeadings('', '', '第二天小计', 5),
      errors: [{ messageId: 'day', form: 3, sheet: '出入库记录', cell: 'D7', row: null, message: SECOND_DAY_WRONG('第二天小计') }],
    },
    {
      name: '小计 between the vault log’s rows 2 and 3, wrong: the rows since the table’s first',
      retype: vaultDayTotal('小计', 5),
      errors: [
        {
          messageId: 'part',
          form: 3,
          sheet: '出入库记录',
          cell: 'D6',
          row: null,
          message: /^“小计行的数量”写的是 5，但它合计的各行（序号 1–2）相加是 4。写在表格中间的合计/,
        },
      ],
    },
    {
      name: '合计 under the vault log’s rows, wrong (7 for 6)',
      retype: totalRow('出入库记录', 'B7', '合计', 'D7', 7),
      errors: [
        {
          messageId: 'sum',
          form: 3,
          sheet: '出入库记录',
          cell: 'D7',
          row: null,
          message: /^“合计行的数量”写的是 7，但上面各行相加是 6。合计须等于本栏各行之和/,
        },
      ],
    },
    {
      name: '合计 under the distribution register’s rows, wrong (56 for 30 + 27)',
      retype: totalRow('分发登记1', 'B8', '合计', 'D8', 56),
      errors: [{ messageId: 'sum', form: 4, sheet: '分发登记1', cell: 'D8', row: null, message: /^“合计行的试卷份数”写的是 56，但上面各行相加是 57。/ }],
    },
    {
      name: '合计 of 报考人数 under the schedule’s rows, wrong (100 for 108)',
      retype: totalRow('考试安排', 'B6', '合计', 'F6', 100),
      errors: [{ messageId: 'sum', form: 0, sheet: '考试安排', cell: 'F6', row: null, message: /^“合计行的报考人数”写的是 100，但上面各行相加是 108。/ }],
    },
    {
      // Review 21a D5: the one total of the table, headed as a part's, is the table's 合计.
      name: 'the handover’s only total headed 本页合计, wrong',
      edit: (d) => void (d.handovers![0].total = 7),
      retype: (g) => typeInto(g, '交接单', 'B17', '本页合计'),
      errors: [{ messageId: 'sum', form: 1, sheet: '交接单', cell: 'D17', row: null, message: /^“合计”写的是 7，但上面各行相加是 6。/ }],
    },
  ],
});

/** Two people of this name put on the roster, as 李强 is (考务人员, 交接人员). */
const onRoster =
  (...names: string[]) =>
  (d: SiteData) =>
    void d.staff!.push(...names.map((name) => ({ ...d.staff![1], name })));

rt('two-signers', {
  valid: [
    { name: 'two on each side' },
    {
      name: 'two receivers with Latin names (John Smith, David Lee): two people, not four (review 15a D1)',
      edit: (d) => {
        onRoster('John Smith', 'David Lee')(d);
        d.handovers![0].toSigners = ['John Smith', 'David Lee'];
      },
    },
  ],
  invalid: [
    {
      name: 'one receiver with a Latin name (David Lee, on the roster): one person, not two (review 15a D1)',
      edit: (d) => {
        onRoster('David Lee')(d);
        d.handovers![0].toSigners = ['David Lee'];
      },
      errors: [
        {
          messageId: 'two',
          form: 1,
          sheet: '交接单',
          cell: 'D20',
          row: null,
          message: /^“接收人签字”只有 1 人签字（David Lee）。交接单每一方须两人签字，请由另一名在场人员补签。$/,
        },
      ],
    },
    {
      name: 'one receiver signing twice, the roster’s way and as he writes it (SMITH John, john smith): one person (review 15a D1’s leftover)',
      edit: (d) => {
        onRoster('SMITH John')(d);
        d.handovers![0].toSigners = ['SMITH John', 'john smith'];
      },
      errors: [
        {
          messageId: 'two',
          form: 1,
          sheet: '交接单',
          cell: 'D20',
          row: null,
          message: /^“接收人签字”只有 1 人签字（John Smith）。交接单每一方须两人签字，请由另一名在场人员补签。$/,
        },
      ],
    },
    {
      name: 'one receiver',
      edit: (d) => {
        d.handovers![0].toSigners = ['李强'];
      },
      errors: [{ messageId: 'two', form: 1, sheet: '交接单', cell: 'D20', row: null, message: /只有 1 人/ }],
    },
    {
      name: 'the same name twice',
      edit: (d) => {
        d.handovers![0].fromSigners = ['张伟', '张伟'];
      },
      errors: [{ messageId: 'two', form: 1, sheet: '交接单', cell: 'A20', row: null }],
    },
  ],
});

rt('same-person', {
  valid: [
    { name: 'different people' },
    {
      name: 'one who stays on beside another taking over hands over all the same',
      edit: (d) => {
        d.duty!.shifts![0].takenOverBy = '刘洋、陈静';
        d.duty!.shifts![1].handedOverBy = '刘洋、陈静';
      },
    },
  ],
  invalid: [
    {
      name: 'taker is the keeper',
      edit: (d) => {
        d.vaultLog![0].taker = '陈静';
      },
      errors: [{ messageId: 'vault', form: 3, sheet: '出入库记录', cell: 'G4', row: 1 }],
    },
    {
      name: 'the sending pair (off this 考点’s roster) signing as receivers too: this one finding, none of staff-not-on-roster',
      edit: (d) => void (d.handovers![0].toSigners = ['李强', ...(d.handovers![0].fromSigners as string[])]),
      errors: [{ messageId: 'handover', form: 1, sheet: '交接单', cell: 'D20', row: null }],
    },
    {
      name: 'one person on both sides of a handover',
      edit: (d) => {
        d.handovers![0].fromSigners = ['张伟', '李强'];
      },
      errors: [{ messageId: 'handover', form: 1, sheet: '交接单', cell: 'D20', row: null }],
    },
    {
      name: 'the keeper as one of two takers',
      edit: (d) => void (d.vaultLog![0].taker = '李强、陈静'),
      errors: [{ messageId: 'vault', form: 3, sheet: '出入库记录', cell: 'G4', row: 1, message: /（陈静）/ }],
    },
    {
      name: 'shift handed over to oneself',
      edit: (d) => {
        d.duty!.shifts![3].takenOverBy = '刘洋';
        d.duty!.supervisor = '王芳';
      },
      errors: [{ messageId: 'duty', form: 5, sheet: '值班记录2', cell: 'D10', row: 4 }],
    },
  ],
});

rt('time-order', {
  valid: [{ name: 'ends after starts' }],
  invalid: [
    {
      name: 'return before checkout',
      edit: (d) => {
        d.vaultLog![2].returnedAt = '2024-06-16T07:40';
      },
      errors: [{ messageId: 'order', form: 3, sheet: '出入库记录', cell: 'I6', row: 3 }],
    },
    {
      name: 'room collection before handout',
      edit: (d) => {
        d.distributions![0].rows![0].returnedAt = '2024-06-15T08:00';
      },
      errors: [{ messageId: 'order', form: 4, sheet: '分发登记1', cell: 'H6', row: 1 }],
    },
  ],
});

rt('arrival-too-early', {
  valid: [
    {
      name: 'two calendar days before',
      edit: (d) => {
        firstDeliveryAt(d, '2024-06-13T07:00', '2024-06-13T07:30');
      },
    },
    { name: 'a 分校 dispatching two days ahead', base: 'fenxiao' },
    {
      // 《实施方案》（四） sets when papers reach a 分校 or 考点; what the printer delivers to the 分部 is not judged.
      name: 'the 省校 receiving from the printer five days ahead',
      base: 'shengxiao',
      edit: (d) => {
        firstDeliveryAt(d, '2024-06-10T08:30', '2024-06-10T09:00');
      },
    },
    {
      name: 'a unit allowing 4 days (基本信息)',
      edit: (d) => {
        d.site!.settings = { ...d.site!.settings, arrivalDaysBefore: 4 };
        firstDeliveryAt(d, '2024-06-11T09:30', '2024-06-11T10:10', '2024-06-11T10:00');
      },
    },
  ],
  invalid: [
    {
      name: 'three days before at a 考点',
      edit: (d) => {
        d.handovers![0].time = '2024-06-12T09:30';
      },
      errors: [{ messageId: 'handover', form: 1, sheet: '交接单', cell: 'C3', row: null, message: /早了 2天23小时。/ }],
    },
    {
      name: 'a 分校 receiving and dispatching to 岳麓考点 four to five days before',
      base: 'fenxiao',
      edit: (d) => {
        firstDeliveryAt(d, '2024-06-10T10:00', '2024-06-10T10:40', '2024-06-10T10:30');
        d.duty!.shifts![0].to = '2024-06-13T20:00';
        d.handovers![1].time = '2024-06-11T09:30';
        for (const r of d.vaultLog!.slice(0, 3)) r.takenAt = '2024-06-11T09:10';
      },
      // One movement, one judgement: the dispatches travel on 交接单2 and are judged there only.
      errors: [
        { messageId: 'handover', form: 1, sheet: '交接单1', cell: 'C3', row: null },
        { messageId: 'handover', form: 1, sheet: '交接单2', cell: 'C3', row: null },
      ],
    },
    {
      name: 'the 省校 sending to 株洲分校 three days before (its sheet to 长沙分校 two days before)',
      base: 'shengxiao',
      edit: shengxiaoSendsZhuzhouEarly,
      errors: [{ messageId: 'handover', form: 1, sheet: '交接单3', cell: 'C3', row: null, message: /交接到株洲分校.*早了 2天19小时。/ }],
    },
  ],
});

/** 岳麓考点's second weekend: its list's 入库时间 typed 6月19日, the day before its delivery came (6月20日 09:30). */
const secondListTypedEarly = (d: SiteData) => void ((d.intake as Intake[])[1].time = '2024-06-19T10:00');

/** Handover sheets that name no paper: 试卷归属 and 数量 only, 备注 blank. */
const sheetsNamingNoPaper = (d: SiteData) => d.handovers!.forEach((h) => h.items!.forEach((it) => delete it.note));

rt('intake-before-receipt', {
  valid: [{ name: 'intake after the handover' }, { name: 'two deliveries, each taken in on its own list after it came', base: 'twoWeekends' }],
  invalid: [
    {
      name: 'intake an hour before the papers came',
      edit: (d) => {
        (d.intake as Intake).time = '2024-06-14T08:30';
      },
      errors: [{ messageId: 'early', form: 2, sheet: '入库清单', cell: 'C17', row: null, message: /早于/ }],
    },
    {
      // Said at the list, once: its custody counts from the delivery, so the days between the weekends are no duty gap.
      name: 'the second weekend’s list typed a day early, between the two deliveries',
      base: 'twoWeekends',
      edit: secondListTypedEarly,
      errors: [
        {
          messageId: 'early',
          form: 2,
          sheet: '入库清单2',
          cell: 'C17',
          row: null,
          message: /^入库时间 6月19日 10:00 早于试卷交接到本单位的时间 6月20日 09:30/,
        },
      ],
    },
    {
      // Each list paired with the delivery that fits it (the order of the deliveries, their bags), not with the first
      // delivery before it in time: the first list is not left without one, the second delivery not "without a list".
      name: 'both lists typed before their deliveries, on sheets that name no paper',
      base: 'twoWeekends',
      edit: (d) => {
        sheetsNamingNoPaper(d);
        secondListTypedEarly(d);
        (d.intake as Intake[])[0].time = '2024-06-14T09:00';
      },
      errors: [
        {
          messageId: 'early',
          form: 2,
          sheet: '入库清单1',
          cell: 'C17',
          row: null,
          message: /^入库时间 6月14日 09:00 早于试卷交接到本单位的时间 6月14日 09:30/,
        },
        {
          messageId: 'early',
          form: 2,
          sheet: '入库清单2',
          cell: 'C17',
          row: null,
          message: /^入库时间 6月19日 10:00 早于试卷交接到本单位的时间 6月20日 09:30/,
        },
      ],
    },
    {
      // The list after it does not take the second delivery as well as its own (a third bag of 3310 on 6月21日).
      name: 'the second weekend’s list typed a day early, and a supplement on a list of its own after it',
      base: 'twoWeekends',
      edit: (d) => {
        secondListTypedEarly(d);
        d.handovers!.push({
          ...structuredClone(d.handovers![1]),
          time: '2024-06-21T09:00',
          items: [{ destination: '岳麓考点', quantity: 1, unit: '袋', note: '补发' }],
          total: 1,
        });
        const second = (d.intake as Intake[])[1];
        (d.intake as Intake[]).push({
          ...structuredClone(second),
          items: [{ ...second.items![0], bags11: 0, bags5: 1, totalBags: 1 }],
          totals: { bags31: 0, bags26: 0, bags11: 0, bags5: 1, totalBags: 1 },
          time: '2024-06-21T09:20',
        });
      },
      errors: [
        {
          messageId: 'early',
          form: 2,
          sheet: '入库清单2',
          cell: 'C17',
          row: null,
          message: /^入库时间 6月19日 10:00 早于试卷交接到本单位的时间 6月20日 09:30/,
        },
      ],
    },
  ],
});

/** 岳麓考点's sheet sending `bags` back to 长沙分校 at `time`, signed by both sides; the rest as handovers[like]. */
function sheetBackToFenxiao(d: SiteData, like: number, time: string, bags: number, note: string): void {
  d.handovers!.push({
    ...structuredClone(d.handovers![like]),
    time,
    from: '岳麓考点',
    to: '长沙分校',
    items: [{ destination: '长沙分校', quantity: bags, unit: '袋', note }],
    total: bags,
    fromSigners: ['李强', '赵敏'],
    toSigners: ['张伟', '孙丽'],
  });
}

/** After the exam 岳麓考点 brings 1001's three bags back to 长沙分校 (its 交接单4): a delivery of its own. */
const getsPapersBack = (d: SiteData) => sheetBackToFenxiao(d, 1, '2024-06-16T11:00', 3, '1001 考后试卷');

rt('inventory-mismatch', {
  valid: [
    { name: 'bags agree', base: 'fenxiao' },
    {
      name: 'papers a 考点 brings back, on a 入库清单 of their own',
      base: 'fenxiao',
      edit: (d) => {
        getsPapersBack(d);
        const back: Intake = {
          items: [{ paperNo: '1001', paperName: '高等数学基础', bags31: 2, bags26: 0, bags11: 1, bags5: 0, totalBags: 3 }],
          totals: { bags31: 2, bags26: 0, bags11: 1, bags5: 0, totalBags: 3 },
          description: '岳麓考点考后送回，数量准确，袋封完好。',
          time: '2024-06-16T11:20',
          keeper: '周建',
        };
        d.intake = [d.intake as Intake, back];
      },
    },
  ],
  invalid: [
    {
      name: 'one bag more received than taken in',
      edit: (d) => {
        d.handovers![0].items![2].quantity = 3;
        d.handovers![0].total = 7;
      },
      errors: [{ messageId: 'bags', form: 2, sheet: '入库清单', cell: 'H14', row: null, message: /6 袋.*7 袋/ }],
    },
    {
      // One list per delivery: the return is not counted into the list of the delivery before the exam.
      name: 'papers a 考点 brings back after the exam, with no 入库清单 of their own',
      base: 'fenxiao',
      edit: getsPapersBack,
      errors: [
        {
          messageId: 'unlisted',
          form: 1,
          sheet: '交接单4',
          cell: 'C3',
          row: null,
          message: /^6月16日 11:00 从岳麓考点接收的这批试卷（共 3 袋）没有入库清单.*最晚一张 6月13日 10:40/,
        },
      ],
    },
  ],
});

rt('unknown-paper', {
  valid: [{ name: 'every paper known' }],
  invalid: [
    {
      name: 'mistyped paper number in the vault log',
      edit: (d) => {
        d.vaultLog![1].paperNo = '2054';
      },
      errors: [{ messageId: 'unknown', form: 3, sheet: '出入库记录', cell: 'B5', row: 2 }],
    },
    // Round 23: a short number after the 试卷号 with a space was run into it (试卷号“10013”既不在入库清单上…): the paper
    // 1001 is read, the stray said at its cell with what the row's own count cell says.
    {
      name: 'a stray count after the 试卷号 (“1001 3”) where the row has its own 数量 (3)',
      retype: (g) => typeInto(g, '出入库记录', 'B4', '1001 3'),
      errors: [
        {
          messageId: 'stray',
          form: 3,
          sheet: '出入库记录',
          cell: 'B4',
          row: 1,
          message:
            /^“试卷号”写的是“1001 3”：试卷号 1001 后面空一格多写了“3”，它不是试卷号的一部分，也看不出是不是这一行的数量（本工具已按试卷 1001 核对这一行，没有把它读成试卷号 10013）。这一行的“数量”写的是 3 袋。请把“3”从这一格删去，只写试卷号 1001；若它是这一行的数量，请核对后填在“数量”一栏。$/,
        },
      ],
    },
    {
      name: 'a stray count with its unit (“２０４５　１袋”, full-width) after the 试卷号, the row’s 数量 1',
      retype: (g) => typeInto(g, '出入库记录', 'B5', '２０４５　１袋'),
      errors: [
        {
          messageId: 'stray',
          form: 3,
          sheet: '出入库记录',
          cell: 'B5',
          row: 2,
          message: /“２０４５\u3000１袋”：试卷号 2045 后面空一格多写了“1袋”.*没有把它读成试卷号 20451袋）。这一行的“数量”写的是 1 袋。/,
        },
      ],
    },
    {
      name: 'a stray copies count after a distribution row’s 试卷号 (“1001 30”), its 试卷份数 30',
      retype: (g) => typeInto(g, '分发登记1', 'B6', '1001 30'),
      errors: [{ messageId: 'stray', form: 4, sheet: '分发登记1', cell: 'B6', row: 1, message: /这一行的“试卷份数”写的是 30 份。/ }],
    },
    {
      name: 'a stray count after an intake row’s 试卷号 (“3310 2”), its 合计（袋） 2',
      retype: (g) => typeInto(g, '入库清单', 'B6', '3310 2'),
      errors: [{ messageId: 'stray', form: 2, sheet: '入库清单', cell: 'B6', row: 3, message: /这一行的“合计（袋）”写的是 2 袋。/ }],
    },
    {
      name: 'a stray number after a 考试安排 row’s 试卷号 (“2045 1”): no count column of its own there',
      retype: (g) => typeInto(g, '考试安排', 'B4', '2045 1'),
      errors: [
        {
          messageId: 'strayAlone',
          form: 0,
          sheet: '考试安排',
          cell: 'B4',
          row: 2,
          message:
            /^“试卷号”写的是“2045 1”：试卷号 2045 后面空一格多写了“1”，它不是试卷号的一部分（本工具已按试卷 2045 核对这一行，没有把它读成试卷号 20451）。请把“1”从这一格删去，只写试卷号 2045；它若另有含义，请写在备注里。$/,
        },
      ],
    },
    // Round 24: papers parted by a space or a line break were run into one paper (试卷号“10012045”既不在入库清单上…).
    {
      name: 'two papers on 考试安排 parted by a space (“1001 2045”): the two papers on one row, as “1001、2045”',
      retype: (g) => typeInto(g, '出入库记录', 'B4', '1001 2045'),
      errors: [{ messageId: 'several', form: 3, sheet: '出入库记录', cell: 'B4', row: 1, message: /^这一行写了 2 个试卷号“1001、2045”，/ }],
    },
    {
      name: 'numbers parted by a line break, one on no 考试安排 (“3310↵9999”): said at the cell, not the paper 33109999',
      retype: (g) => typeInto(g, '分发登记3', 'B6', '3310\n9999'),
      errors: [
        {
          messageId: 'spaced',
          form: 4,
          sheet: '分发登记3',
          cell: 'B6',
          row: 1,
          message:
            /^“试卷号”写的是“3310 9999”：2 个数之间换了行，其中 9999 不在考试安排里，看不出这是 2 种试卷，还是一个试卷号中间多了换行（本工具没有把它读成试卷号 33109999，也没有按这几个数核对这一行）。/,
        },
      ],
    },
  ],
});

rt('paper-name-mismatch', {
  valid: [
    { name: 'one name per paper' },
    {
      // Review 25b D6: the 补考 sitting of 1001 written “高等数学基础（补考）” on its schedule and vault rows is 1001.
      name: 'a 补考 sitting named with its mark (高等数学基础（补考）, 高等数学基础重考)',
      edit: (d) => {
        d.schedule![0].paperName = '高等数学基础（补考）';
        d.vaultLog![0].paperName = '高等数学基础重考';
      },
    },
  ],
  invalid: [
    {
      name: 'a vault row names it differently',
      edit: (d) => {
        d.vaultLog![2].paperName = '中国当代文学';
      },
      errors: [{ messageId: 'name', form: 3, sheet: '出入库记录', cell: 'C6', row: 3, message: /中国现代文学/ }],
    },
    {
      name: 'the intake list disagrees with all others',
      edit: (d) => {
        (d.intake as Intake).items![1].paperName = '管理学原理';
      },
      errors: [{ messageId: 'name', form: 2, sheet: '入库清单', cell: 'C5', row: 2 }],
    },
    {
      name: 'a name with a bracketed note: quoted as the cell writes it, not as compared',
      edit: (d) => void ((d.intake as Intake).items![1].paperName = '管理学原理（本）'),
      errors: [
        {
          messageId: 'name',
          form: 2,
          sheet: '入库清单',
          cell: 'C5',
          row: 2,
          message: /^试卷号 2045 在这里写作“管理学原理（本）”，而其他表（考试安排、出入库记录、分发登记表）写作“管理学基础”/,
        },
      ],
    },
  ],
});

/** 3310's checkout written in 份: its two 11-copy bags hold 22 copies (the 考点's intake list). */
const copiesOf3310 = (quantity: number) => (d: SiteData) => Object.assign(d.vaultLog![2], { quantity, unit: '份' });

rt('overdraw', {
  valid: [
    { name: 'a 分校 dispatching all it took in', base: 'fenxiao' },
    { name: 'every copy its bags hold taken out in 份 (22 of 2×11)', edit: copiesOf3310(22) },
  ],
  invalid: [
    {
      name: 'more copies out (份) than its bags hold: 23 of 22',
      edit: copiesOf3310(23),
      errors: [
        {
          messageId: 'overCopies',
          form: 3,
          sheet: '出入库记录',
          cell: 'D6',
          row: 3,
          message:
            /^试卷 3310 在 6月16日 07:50 出库 23 份后，同时在库外的共 23 份，但到这时入库清单上这份试卷只有 22 份（2 袋，按 31、26、11、5 份装袋数算）。出库份数不能多于已入库的份数，请核对数量、单位（袋\/份）或入库清单。$/,
        },
      ],
    },
    {
      name: 'more bags out than in',
      edit: (d) => {
        d.vaultLog![2].quantity = 3;
      },
      errors: [{ messageId: 'over', form: 3, sheet: '出入库记录', cell: 'D6', row: 3 }],
    },
    {
      name: 'a 分校 dispatching one bag too many',
      base: 'fenxiao',
      edit: (d) => {
        d.vaultLog![4].quantity = 2;
      },
      errors: [{ messageId: 'over', form: 3, sheet: '出入库记录', cell: 'D8', row: 5 }],
    },
  ],
});

rt('checkout-before-intake', {
  valid: [{ name: 'checkouts after intake' }],
  invalid: [
    {
      name: 'a 分校 dispatch before intake',
      base: 'fenxiao',
      edit: (d) => {
        d.vaultLog![0].takenAt = '2024-06-13T10:20';
      },
      errors: [{ messageId: 'early', form: 3, sheet: '出入库记录', cell: 'F4', row: 1 }],
    },
  ],
});

/**
 * After its last session the 考点 sends 1001's three bags back to 长沙分校 on a signed outgoing sheet
 * (参照《工作方案》二.5“考试结束，回收的试卷……必须及时送回”): taken out at 10:40, not to come back; the vault
 * is guarded until then.
 */
const sentBackAfterTheExam = (d: SiteData) => {
  sheetBackToFenxiao(d, 0, '2024-06-16T11:00', 3, '1001 考后试卷');
  Object.assign(d.handovers!.at(-1)!, { address: '长沙市开福区湘江中路8号', contact: '刘红', fromOpinion: '考后送回' });
  d.vaultLog!.push({ paperNo: '1001', paperName: '高等数学基础', quantity: 3, unit: '袋', taker: '李强', takenAt: '2024-06-16T10:40', issuedBy: '陈静' });
  d.duty!.shifts!.push({
    kind: '日间',
    from: '2024-06-16T08:00',
    to: '2024-06-16T12:00',
    record: '10:40 考后试卷出库送回分校',
    handedOverBy: '陈静',
    takenOverBy: '刘洋',
  });
};

rt('checkout-window', {
  valid: [
    // Sent on, not lent: no exam-day window (it was taken out a day after its session).
    { name: 'a 考点 sending its papers back to the 分校 after the exam', edit: sentBackAfterTheExam },
    {
      name: 'exactly 60 minutes before',
      edit: (d) => {
        d.vaultLog![0].takenAt = '2024-06-15T07:30';
      },
    },
    { name: 'a 分校 dispatch a day before is not a loan', base: 'fenxiao' },
    { name: 'the 省校’s dispatches the day before the exam', base: 'shengxiao' },
    {
      name: 'a unit allowing 90 minutes',
      edit: (d) => {
        d.site!.settings = { ...d.site!.settings, checkoutLeadMinutes: 90 };
        d.vaultLog![0].takenAt = '2024-06-15T07:05';
      },
    },
  ],
  invalid: [
    {
      name: 'two hours before',
      edit: (d) => {
        d.vaultLog![2].takenAt = '2024-06-16T06:30';
      },
      errors: [{ messageId: 'early', form: 3, sheet: '出入库记录', cell: 'F6', row: 3, message: /早了 2小时。/ }],
    },
    {
      // Review 21a D3: “6月16日：” ended the log, and 3310's early checkout under it went unread (distribution-outside-custody said instead).
      name: 'two hours before, under a day’s heading with its colon (6月16日：)',
      edit: (d) => void (d.vaultLog![2].takenAt = '2024-06-16T06:30'),
      retype: closingRowAt(5, '6月16日：'),
      errors: [{ messageId: 'early', form: 3, sheet: '出入库记录', cell: 'F7', row: 3, message: /早了 2小时。/ }],
    },
    {
      name: 'after the session began',
      edit: (d) => {
        d.vaultLog![0].takenAt = '2024-06-15T08:40';
      },
      errors: [{ messageId: 'late', form: 3, sheet: '出入库记录', cell: 'F4', row: 1 }],
    },
    {
      name: 'later session taken out with an earlier one',
      edit: (d) => {
        d.vaultLog![1].takenAt = '2024-06-15T07:45';
      },
      errors: [{ messageId: 'later', form: 3, sheet: '出入库记录', cell: 'F5', row: 2, message: /考一场、领一场/ }],
    },
  ],
});

rt('not-returned', {
  valid: [
    { name: 'dispatches are not expected back', base: 'fenxiao' },
    { name: 'nor the 省校’s, to its 分校', base: 'shengxiao' },
    { name: 'a 考点 sending its papers back to the 分校 on a signed sheet', edit: sentBackAfterTheExam },
    {
      // 3310 went to its room at 08:05 and came back at 10:15: the exam's loan is over; what leaves at 10:40 is sent on.
      name: 'the papers of that morning’s session, back from the rooms, sent on to the 分校 the same day',
      edit: (d) => {
        sentBackAfterTheExam(d);
        Object.assign(d.vaultLog![3], { paperNo: '3310', paperName: '中国现代文学', quantity: 2 });
        // Its sheet says what left: 3310's 2 bags (dispatch-without-handover compares a send-back's bags too).
        Object.assign(d.handovers!.at(-1)!, { items: [{ destination: '长沙分校', quantity: 2, unit: '袋', note: '3310 考后试卷' }], total: 2 });
      },
    },
    {
      name: 'a 考点 sending a cancelled session’s sealed bags back the afternoon before',
      edit: (d) => {
        d.schedule!.pop();
        d.distributions!.pop();
        const r = d.vaultLog![2];
        r.takenAt = '2024-06-15T16:45';
        delete r.returner;
        delete r.returnedAt;
        delete r.receivedBy;
        sheetBackToFenxiao(d, 0, '2024-06-15T17:00', 2, '3310 考试取消，原封退回');
      },
    },
    {
      name: 'a unit allowing 240 minutes (基本信息)',
      edit: (d) => {
        d.site!.settings = { ...d.site!.settings, returnGraceMinutes: 240 };
        d.vaultLog![2].returnedAt = '2024-06-16T13:30';
      },
    },
  ],
  invalid: [
    {
      name: 'never returned',
      edit: (d) => {
        const r = d.vaultLog![2];
        delete r.returner;
        delete r.returnedAt;
        delete r.receivedBy;
      },
      errors: [{ messageId: 'never', form: 3, sheet: '出入库记录', cell: 'I6', row: 3 }],
    },
    {
      name: 'returned three hours late',
      edit: (d) => {
        d.vaultLog![2].returnedAt = '2024-06-16T13:30';
      },
      errors: [{ messageId: 'late', form: 3, sheet: '出入库记录', cell: 'I6', row: 3, message: /已结束 3小时30分。.*时限 2小时/ }],
    },
    {
      // 3310 went to its room that morning (附件4): the exam's loan, though the 考点 sent other papers back that day.
      name: 'the last session’s loan never returned, on the day the 考点 sends papers back',
      edit: (d) => {
        sentBackAfterTheExam(d);
        const r = d.vaultLog![2];
        delete r.returner;
        delete r.returnedAt;
        delete r.receivedBy;
      },
      errors: [{ messageId: 'never', form: 3, sheet: '出入库记录', cell: 'I6', row: 3 }],
    },
  ],
});

/** 高等数学基础 (1001) taken out in two parts that morning: 2 bags at 07:45, 1 at 08:00 (row 2 of the log), that one back at `back`. */
const inTwoParts = (d: SiteData, back: string) => {
  d.vaultLog![0].quantity = 2;
  d.vaultLog!.splice(1, 0, { ...d.vaultLog![0], quantity: 1, takenAt: '2024-06-15T08:00', returnedAt: back });
};

/** 1001 taken out at 07:45 and back at 07:55, then out again at 08:00 until 10:20 (its handouts at 08:05 and 08:06). */
function outBackOutAgain(d: SiteData): void {
  const first = d.vaultLog![0];
  d.vaultLog!.splice(1, 0, { ...first, takenAt: '2024-06-15T08:00' });
  first.returnedAt = '2024-06-15T07:55';
}

rt('distribution-outside-custody', {
  valid: [
    { name: 'handouts within the checkout' },
    { name: 'a paper taken out in two parts: handouts after the first part left', edit: (d) => inTwoParts(d, '2024-06-15T10:15') },
    { name: 'out at 07:45, back at 07:55, out again at 08:00: handouts during the second trip', edit: outBackOutAgain },
  ],
  invalid: [
    {
      name: 'out, back and out again: a handout while it was back in the vault (07:58), at that handout',
      edit: (d) => {
        outBackOutAgain(d);
        d.distributions![0].rows![0].issuedAt = '2024-06-15T07:58';
      },
      errors: [
        {
          messageId: 'between',
          form: 4,
          sheet: '分发登记1',
          cell: 'F6',
          row: 1,
          message: /^试卷 1001 在 6月15日 07:58 发给第 01 考场，但那时它已还回保密室（出入库记录第 1 行，6月15日 07:55 还回），6月15日 08:00 才再次出库/,
        },
      ],
    },
    {
      name: 'handed to a room before leaving the vault',
      edit: (d) => {
        d.distributions![1].rows![0].issuedAt = '2024-06-15T09:40';
      },
      errors: [{ messageId: 'before', form: 4, sheet: '分发登记2', cell: 'F6', row: 1 }],
    },
    {
      name: 'collected after the vault got it back',
      edit: (d) => {
        d.distributions![0].rows![1].returnedAt = '2024-06-15T10:25';
      },
      errors: [{ messageId: 'after', form: 4, sheet: '分发登记1', cell: 'H7', row: 2 }],
    },
    {
      // Review 21a D4: the 备注 ended the register at its row: the late collection unread, staff-not-on-roster said of the 备注.
      name: 'collected after the vault got it back, the row’s 备注 beginning with a footer’s label (收卷人：赵敏代收)',
      edit: (d) => {
        d.distributions![0].rows![1].returnedAt = '2024-06-15T10:25';
        d.distributions![0].rows![1].note = '收卷人：赵敏代收';
      },
      errors: [{ messageId: 'after', form: 4, sheet: '分发登记1', cell: 'H7', row: 2 }],
    },
    {
      name: 'a paper taken out in two parts: collected after the later of its returns',
      edit: (d) => {
        inTwoParts(d, '2024-06-15T10:22');
        d.distributions![0].rows![1].returnedAt = '2024-06-15T10:25';
      },
      errors: [{ messageId: 'after', form: 4, sheet: '分发登记1', cell: 'H7', row: 2, message: /10:25.*第 2 行.*10:22/ }],
    },
    {
      name: 'a paper taken out in two parts: handed out before the first part left',
      edit: (d) => {
        inTwoParts(d, '2024-06-15T10:15');
        d.vaultLog![0].takenAt = '2024-06-15T08:05';
        d.distributions![0].rows![0].issuedAt = '2024-06-15T07:58';
      },
      errors: [{ messageId: 'before', form: 4, sheet: '分发登记1', cell: 'F6', row: 1, message: /07:58.*08:00.*第 2 行/ }],
    },
  ],
});

rt('copies-short', {
  valid: [{ name: 'enough copies', base: 'fenxiao' }],
  invalid: [
    {
      name: 'more candidates than copies',
      edit: (d) => {
        d.schedule![1].candidates = 35;
      },
      errors: [{ messageId: 'short', form: 2, sheet: '入库清单', cell: 'H5', row: 2, message: /31 份.*35/ }],
    },
    {
      name: 'a scheduled paper on no intake list: no copies at all, at its schedule row',
      edit: (d) => void d.schedule!.push({ paperNo: '1149', paperName: '经济数学', start: '2024-06-16T10:30', end: '2024-06-16T12:00', candidates: 42 }),
      errors: [{ messageId: 'none', form: 0, sheet: '考试安排', cell: 'B6', row: 4, message: /^考试安排上试卷 1149 有 42 人报考，但入库清单上没有这份试卷/ }],
    },
  ],
});

/** 考点 kaodian.json's last night shift ending at `end` on 6月16日, and one more shift from `from` to 10:30 (last checkout 07:50). */
const lastMorning = (end: string, from: string) => (d: SiteData) => {
  Object.assign(d.duty!.shifts![3], { to: `2024-06-16T${end}` });
  d.duty!.shifts!.push({ kind: '日间', from: `2024-06-16T${from}`, to: '2024-06-16T10:30', record: '3310 出库', handedOverBy: '陈静', takenOverBy: '刘洋' });
};

rt('duty-gap', {
  valid: [
    { name: 'shifts meet end to start', base: 'fenxiao' },
    { name: 'a gap after the last checkout (07:50): the vault holds no papers', edit: lastMorning('08:00', '08:30') },
  ],
  invalid: [
    {
      name: 'a gap (07:00–09:00) the papers left the vault in (last checkout 07:50): the time without a shift and the time in the vault unguarded',
      edit: lastMorning('07:00', '09:00'),
      errors: [
        {
          messageId: 'gapPart',
          form: 5,
          sheet: '值班记录3',
          cell: 'D3',
          row: 5,
          message:
            /^上一班到 6月16日 07:00 结束，这一班 6月16日 09:00 才开始，中间 2小时没有值班记录，其中试卷在保密室内无人值班 50分钟（其余时间试卷不在保密室：6月16日 07:50–09:00）。试卷在库期间须 24 小时昼夜值班，请补记这段值班或核对时间。$/,
        },
      ],
    },
    {
      name: 'a night shift written in one cell, as the form prints its line, ending an hour before the next begins',
      edit: nightInOneCell('2024年6月14日20时至15日7时'),
      errors: [{ messageId: 'gap', form: 5, sheet: '值班记录2', cell: 'D3', row: 3, message: /6月15日 07:00 结束，这一班 6月15日 08:00 才开始/ }],
    },
    {
      name: 'a gap between shifts',
      edit: (d) => {
        d.duty!.shifts![2].from = '2024-06-15T09:00';
      },
      errors: [{ messageId: 'gap', form: 5, sheet: '值班记录2', cell: 'D3', row: 3, message: /中间 1小时无人值班/ }],
    },
    {
      name: 'last checkout after the last shift',
      edit: (d) => {
        d.duty!.shifts!.pop();
      },
      errors: [{ messageId: 'end', form: 5, sheet: '值班记录2', cell: 'F3', row: 3, message: /最后一次出库/ }],
    },
    {
      name: 'intake before the first shift',
      edit: (d) => {
        d.duty!.shifts![0].from = '2024-06-14T11:00';
      },
      errors: [{ messageId: 'start', form: 5, sheet: '值班记录1', cell: 'D3', row: 1 }],
    },
  ],
});

rt('duty-chain', {
  valid: [
    { name: 'each takes over and hands over' },
    { name: 'two take over together and one of them hands over next', edit: (d) => void (d.duty!.shifts![0].takenOverBy = '陈静、刘洋') },
  ],
  invalid: [
    {
      name: 'someone else hands over',
      edit: (d) => {
        d.duty!.shifts![2].handedOverBy = '刘洋';
        d.duty!.shifts![2].takenOverBy = '陈静';
        d.duty!.shifts![3].handedOverBy = '陈静';
        d.duty!.shifts![3].takenOverBy = '刘洋';
      },
      errors: [{ messageId: 'chain', form: 5, sheet: '值班记录2', cell: 'D5', row: 3 }],
    },
  ],
});

rt('staff-not-on-roster', {
  valid: [
    { name: 'the sending pair of an incoming handover is the other unit’s' },
    { name: 'a 考点’s takers at a 分校’s vault', base: 'fenxiao' },
    {
      name: 'two on the roster signing one cell, with 、 or a space',
      edit: (d) => {
        d.vaultLog![0].taker = '李强、赵敏';
        (d.intake as Intake).keeper = '陈静 刘洋';
        d.duty!.shifts![0].takenOverBy = '刘洋，陈静';
        d.duty!.shifts![1].handedOverBy = '刘洋/陈静';
      },
    },
    {
      name: 'a Latin name with a space on the roster signs the duty log (John Smith): one person on the roster (review 15a D1)',
      edit: (d) => {
        onRoster('John Smith')(d);
        d.duty!.shifts![2].takenOverBy = '刘洋、John Smith';
      },
    },
    {
      name: 'the roster writes SMITH John (family name first, in capitals), the duty log John Smith and JOHN SMITH: one person (review 15a D1’s leftover)',
      edit: (d) => {
        onRoster('SMITH John')(d);
        d.duty!.shifts![2].takenOverBy = '刘洋、John Smith';
        d.duty!.shifts![3].handedOverBy = 'JOHN SMITH';
      },
    },
    {
      name: 'a name’s middle dot typed as a bullet, a Japanese dot or a full stop',
      edit: (d) => {
        d.staff![4].name = '阿依古丽·买买提';
        for (const [i, dot] of ['•', '・', '．', '.'].entries()) d.duty!.shifts![i][i % 2 ? 'handedOverBy' : 'takenOverBy'] = `阿依古丽${dot}买买提`;
      },
    },
  ],
  invalid: [
    {
      name: 'an unknown keeper, once for all signatures',
      edit: (d) => {
        (d.intake as Intake).keeper = '钱多';
      },
      errors: [{ messageId: 'missing', form: 2, sheet: '入库清单', cell: 'D18', row: null, message: /钱多/ }],
    },
    {
      name: 'a 分校’s sending pair off roster',
      base: 'fenxiao',
      edit: (d) => {
        d.handovers![2].fromSigners = ['张伟', '黄忠'];
      },
      errors: [{ messageId: 'missing', form: 1, sheet: '交接单3', cell: 'A20', row: null }],
    },
    {
      name: 'a Latin name off the roster (Johnny Smith, the roster has John Smith): one signer named whole, not two (review 15a D1)',
      edit: (d) => {
        onRoster('John Smith')(d);
        d.duty!.shifts![2].takenOverBy = '刘洋、Johnny Smith';
      },
      errors: [
        {
          messageId: 'missing',
          form: 5,
          sheet: '值班记录2',
          cell: 'D6',
          row: 3,
          message: /^签字人“Johnny Smith”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。$/,
        },
      ],
    },
    {
      name: 'the roster writes SMITH John, the duty log JOHNNY SMITH: another person, quoted as a name is written (review 15a D1’s leftover)',
      edit: (d) => {
        onRoster('SMITH John')(d);
        d.duty!.shifts![2].takenOverBy = '刘洋、JOHNNY SMITH';
      },
      errors: [
        {
          messageId: 'missing',
          form: 5,
          sheet: '值班记录2',
          cell: 'D6',
          row: 3,
          message: /^签字人“Johnny Smith”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。$/,
        },
      ],
    },
    {
      name: 'one of two signing one cell off the roster',
      edit: (d) => void (d.vaultLog![0].taker = '李强、钱多'),
      errors: [{ messageId: 'missing', form: 3, sheet: '出入库记录', cell: 'E4', row: 1, message: /“钱多”/ }],
    },
  ],
});

rt('signature-not-a-name', {
  valid: [{ name: 'every signature a name' }],
  invalid: [
    {
      name: 'ditto marks for signatures on the vault log (同上, 〃): each cell asks for the name, none asks to add “同上” to the roster',
      edit: (d) => {
        d.vaultLog![1].issuedBy = '同上';
        d.vaultLog![1].receivedBy = '〃';
        d.vaultLog![2].issuedBy = '同上';
      },
      errors: [
        {
          messageId: 'ditto',
          form: 3,
          sheet: '出入库记录',
          cell: 'G5',
          row: 2,
          message: /^“卷库保管员出库签字”写的是“同上”，不是签名。签字栏须由签字人本人签写姓名.*请在这里写上签字人的姓名。$/,
        },
        { messageId: 'ditto', form: 3, sheet: '出入库记录', cell: 'J5', row: 2, message: /写的是“〃”/ },
        { messageId: 'ditto', form: 3, sheet: '出入库记录', cell: 'G6', row: 3 },
      ],
    },
    {
      name: 'taker and keeper both written 同上: a ditto mark is no person, so not one person on both sides (same-person)',
      edit: (d) => {
        d.vaultLog![1].taker = '同上';
        d.vaultLog![1].issuedBy = '同上';
      },
      errors: [
        { messageId: 'ditto', form: 3, sheet: '出入库记录', cell: 'E5', row: 2, message: /“取卷人签字”写的是“同上”/ },
        { messageId: 'ditto', form: 3, sheet: '出入库记录', cell: 'G5', row: 2 },
      ],
    },
    {
      name: 'a duty log’s 交班人 written 同上 and 接班人 仝上: the ditto marks said, the chain not judged on them (duty-chain)',
      edit: (d) => {
        d.duty!.shifts![1].handedOverBy = '同上';
        d.duty!.shifts![2].takenOverBy = '仝上';
      },
      errors: [
        { messageId: 'ditto', form: 5, sheet: '值班记录1', cell: 'D9', row: 2, message: /“交班人签字”写的是“同上”/ },
        { messageId: 'ditto', form: 5, sheet: '值班记录2', cell: 'D6', row: 3, message: /写的是“仝上”/ },
      ],
    },
    {
      name: 'a proctor’s row on the register written 同上 for 领卷人 and 还卷人',
      edit: (d) => {
        d.distributions![0].rows![1].collector = '同上';
        d.distributions![0].rows![1].returner = '〃';
      },
      errors: [
        { messageId: 'ditto', form: 4, sheet: '分发登记1', cell: 'G7', row: 2 },
        { messageId: 'ditto', form: 4, sheet: '分发登记1', cell: 'I7', row: 2 },
      ],
    },
    {
      name: 'a receiving signature showing #N/A (its formula not worked out): the cell said, no signer counted (review 17b O1, fix-layout18)',
      edit: (d) => void (d.handovers![0].toSigners = ['#N/A']),
      errors: [
        {
          messageId: 'error',
          form: 1,
          sheet: '交接单',
          cell: 'D20',
          row: null,
          message:
            /^“接收人签字”这一格显示的是“#N\/A”，这是 Excel 的错误值：格子里的公式算不出结果，表上和打印出来的都是“#N\/A”，不是签名，看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请删去公式，在这里写上签字人的姓名。$/,
        },
      ],
    },
    {
      name: 'a 取卷人 showing #REF!',
      edit: (d) => void (d.vaultLog![2].taker = '#REF!'),
      errors: [{ messageId: 'error', form: 3, sheet: '出入库记录', cell: 'E6', row: 3, message: /^“取卷人签字”这一格显示的是“#REF!”/ }],
    },
  ],
});

rt('staff-ineligible', {
  valid: [
    { name: 'a word that is no role beside one that is (巡考、值班员)', edit: (d) => void (d.staff![3].roles = ['巡考', '值班员']) },
    {
      name: 'a role that is none of the catalogue’s on someone who signs nothing (司机)',
      edit: (d) => void d.staff!.push({ name: '马力', roles: ['司机'], formalStaff: true, candidateRelative: false, pledgeSigned: true }),
    },
    { name: 'a hired (non-formal) proctor collecting room papers where the unit says proctors need not be formal staff (基本信息)' },
    {
      name: 'each column answered in its own everyday words (在编, 编外, 无亲属, 已签字, 是（在编）…)',
      edit: (d) => {
        const formal = ['在编', '正式', '正式职工', '事业编', '是（在编）'];
        const relative = ['没有', '无亲属', '非', '不是', '无'];
        const pledge = ['已签字', '已签署', '签了', '已交', '已签订'];
        formal.forEach((word, i) => void (d.staff![i].formalStaff = word));
        relative.forEach((word, i) => void (d.staff![i].candidateRelative = word));
        pledge.forEach((word, i) => void (d.staff![i].pledgeSigned = word));
        d.staff![5].formalStaff = '临聘';
        d.staff![6].formalStaff = '劳务派遣';
      },
    },
    {
      name: 'the 是/否 columns headed as people ask the question: 编制, 是否为考生亲属, 是否签订保密承诺书',
      edit: (d) => void (d.staff![0].formalStaff = '在编'),
      retype: (grid) => {
        typeInto(grid, '涉卷人员', 'D2', '编制');
        typeInto(grid, '涉卷人员', 'E2', '是否为考生亲属');
        typeInto(grid, '涉卷人员', 'F2', '是否签订保密承诺书');
      },
    },
    {
      name: 'headed 是否在编 and 是否签保密承诺书',
      retype: (grid) => {
        typeInto(grid, '涉卷人员', 'D2', '是否在编');
        typeInto(grid, '涉卷人员', 'F2', '是否签保密承诺书');
      },
    },
    { name: 'headed 是否正式职工', retype: (grid) => typeInto(grid, '涉卷人员', 'D2', '是否正式职工') },
    {
      name: 'a non-formal proctor who only returns a room’s papers after the exam (附件4 还卷人), where proctors must be formal staff: not 试卷启封前',
      edit: (d) => {
        delete d.site!.settings;
        for (const dist of d.distributions!) for (const row of dist.rows!) row.collector = '李强';
      },
    },
  ],
  invalid: [
    {
      name: 'a signer whose only role is none of the catalogue’s, once at its cell (the keeper-not-custodian check then has no role to go by)',
      edit: (d) => void (d.staff![3].roles = ['保安']),
      errors: [{ messageId: 'role', form: 0, sheet: '涉卷人员', cell: 'C6', row: 4, message: /^序号 4 这一行的角色写的是“保安”，读不出是哪一种涉卷人员/ }],
    },
    {
      name: 'a proctor whose role cannot be read takes papers: the role is said, not passed over in silence',
      edit: (d) => {
        d.staff![5].roles = ['监考工作'];
        d.staff![5].formalStaff = true;
        d.vaultLog![1].taker = '周涛';
        d.vaultLog![1].returner = '周涛';
      },
      errors: [
        {
          messageId: 'role',
          form: 0,
          sheet: '涉卷人员',
          cell: 'C8',
          row: 6,
          message: /“监考工作”.*主考、考务人员、值班人员、押运人员、交接人员、监控人员、监考人员、卷库保管员/,
        },
      ],
    },
    {
      name: 'a duty officer without pledge: once, at the roster cell, naming each 附件5 page where he signs',
      edit: (d) => {
        d.staff![4].pledgeSigned = false;
      },
      errors: [
        {
          messageId: 'pledge',
          form: 0,
          sheet: '涉卷人员',
          cell: 'F7',
          row: 5,
          message: /“刘洋”没有签订保密承诺书，却在值班记录1 \S+ 等 \d+ 处、值班记录2 \S+/,
        },
      ],
    },
    {
      name: 'a candidate’s relative keeping the vault: once, naming 入库清单, 出入库记录 and 值班记录',
      edit: (d) => {
        d.staff![3].candidateRelative = true;
      },
      errors: [
        { messageId: 'relative', form: 0, sheet: '涉卷人员', cell: 'E6', row: 4, message: /考生亲属，却在入库清单 \S+、出入库记录 \S+ 等 \d+ 处、值班记录1/ },
      ],
    },
    {
      // Told, besides, of the 基本信息 setting a unit with hired proctors may turn off (review 15a D6), as intake-late names 入库时限.
      name: 'a non-formal proctor collecting room papers where proctors must be formal staff (the default): the setting named',
      edit: (d) => void delete d.site!.settings,
      errors: [
        {
          messageId: 'proctor',
          form: 0,
          sheet: '涉卷人员',
          cell: 'D8',
          row: 6,
          message:
            /^“周涛”不是本单位正式职工，却在分发登记1 G6、分发登记2 G6签字。试卷启封前的涉卷人员须是本单位正式教职员工，请换人签字；如本单位的监考人员按规定可以是聘用人员，请在基本信息中把“监考人员须为正式职工”设为“否”。$/,
        },
        { messageId: 'proctor', form: 0, sheet: '涉卷人员', cell: 'D9', row: 7, message: /^“吴刚”不是本单位正式职工，.*设为“否”。$/ },
      ],
    },
    {
      name: 'a non-formal proctor who also signs the duty log: the setting would not cover that, so not named',
      edit: (d) => {
        delete d.site!.settings;
        d.staff![5].roles = ['监考人员', '值班人员'];
        d.duty!.shifts![2].takenOverBy = '刘洋、周涛';
      },
      errors: [
        {
          messageId: 'formal',
          form: 0,
          sheet: '涉卷人员',
          cell: 'D8',
          row: 6,
          message: /^“周涛”不是本单位正式职工，却在分发登记1 G6、分发登记2 G6、值班记录2 D6签字。试卷启封前的涉卷人员须是本单位正式教职员工，请换人签字。$/,
        },
        { messageId: 'proctor', form: 0, sheet: '涉卷人员', cell: 'D9', row: 7 },
      ],
    },
    {
      name: 'a person listed twice, the second row without a pledge: at that row',
      edit: (d) => void d.staff!.push({ ...d.staff![4], roles: ['监控人员'], pledgeSigned: false }),
      errors: [{ messageId: 'pledge', form: 0, sheet: '涉卷人员', cell: 'F10', row: 8, message: /“刘洋”没有签订保密承诺书/ }],
    },
    ...['临聘', '编外', '聘用', '合同工', '外聘', '劳务派遣', '非正式'].map((word) => ({
      name: `the keeper’s 正式职工 written ${word}: not formal staff, said as such (not 没有填写)`,
      edit: (d: SiteData) => void (d.staff![3].formalStaff = word),
      errors: [{ messageId: 'formal', form: 0, sheet: '涉卷人员', cell: 'D6', row: 4, message: /^“陈静”不是本单位正式职工，却在入库清单/ }],
    })),
    {
      name: 'a duty officer’s pledge written 没签',
      edit: (d) => void (d.staff![4].pledgeSigned = '没签'),
      errors: [{ messageId: 'pledge', form: 0, sheet: '涉卷人员', cell: 'F7', row: 5, message: /“刘洋”没有签订保密承诺书/ }],
    },
    {
      name: 'a 是/否 that cannot be read, at its cell, whether or not the person signs: not 没有填写',
      edit: (d) => void (d.staff![0].formalStaff = '不详'),
      errors: [
        {
          messageId: 'unreadable',
          form: 0,
          sheet: '涉卷人员',
          cell: 'D3',
          row: 1,
          message: /^序号 1 这一行的“正式职工”写的是“不详”，读不出是或否，检查时无法判断此人是不是本单位正式职工。请填“是”或“否”。$/,
        },
      ],
    },
    {
      name: 'a word that answers another column’s question is not read here (已签 is no 考生亲属, 在编 no 保密承诺书), nor an answer contradicting its note',
      edit: (d) => {
        d.staff![1].candidateRelative = '已签';
        d.staff![2].pledgeSigned = '在编';
        d.staff![3].formalStaff = '是（编外）';
      },
      errors: [
        { messageId: 'unreadable', form: 0, sheet: '涉卷人员', cell: 'E4', row: 2, message: /“考生亲属”写的是“已签”/ },
        { messageId: 'unreadable', form: 0, sheet: '涉卷人员', cell: 'F5', row: 3, message: /“保密承诺书”写的是“在编”/ },
        { messageId: 'unreadable', form: 0, sheet: '涉卷人员', cell: 'D6', row: 4, message: /“正式职工”写的是“是（编外）”/ },
      ],
    },
    {
      name: 'a roster without a 正式职工 column (its header reads 人员类别): once, at the header row, not as each row’s empty cell at 序号',
      retype: (grid) => typeInto(grid, '涉卷人员', 'D2', '人员类别'),
      errors: [
        {
          messageId: 'column',
          form: 0,
          sheet: '涉卷人员',
          cell: 'A2',
          row: null,
          message: /^涉卷人员名单的表头里找不到“正式职工”一栏，无法检查每人是不是本单位正式职工。.*请加上“正式职工”一栏/,
        },
      ],
    },
    {
      name: 'a roster without its 考生亲属 and 保密承诺书 columns: one finding naming both',
      retype: (grid) => {
        typeInto(grid, '涉卷人员', 'E2', '备注');
        typeInto(grid, '涉卷人员', 'F2', null);
      },
      errors: [
        {
          messageId: 'column',
          form: 0,
          sheet: '涉卷人员',
          cell: 'A2',
          row: null,
          message: /找不到“考生亲属”“保密承诺书”两栏，无法检查每人是不是考生亲属、签没签保密承诺书/,
        },
      ],
    },
    {
      name: 'a proctor who is a candidate’s relative, even where proctors may be hired',
      edit: (d) => void (d.staff![5].candidateRelative = true),
      errors: [{ messageId: 'relative', form: 0, sheet: '涉卷人员', cell: 'E8', row: 6, message: /考生亲属，却在分发登记1 .*分发登记2/ }],
    },
  ],
});

/** 岳麓考点's first vault row split in two (2 bags and 1 of 1001), both taken and returned at once, as one trip to the vault. */
const firstRowSplit = (d: SiteData) => {
  d.vaultLog![0].quantity = 2;
  d.vaultLog!.splice(1, 0, { ...d.vaultLog![0], quantity: 1 });
};

/** 长沙分校's own 何军, a 监考员 on its roster: he signs no handover to a 考点. */
const fenxiaoProctor = (d: SiteData) =>
  void d.staff!.push({ name: '何军', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });

/** The same 何军 signing the 6月14日 sheet to 岳麓考点 as 移交人: the 分校's person that day, judged by its roster. */
const fenxiaoProctorSending = (d: SiteData) => {
  fenxiaoProctor(d);
  d.handovers![1].fromSigners = ['张伟', '何军'];
};

rt('proctor-takes-papers', {
  valid: [
    { name: 'exam-affairs staff take papers' },
    {
      // 《实施方案》（四）: 天心考点's 考务人员 何平 collects at the 分校's vault and signs its handover sheet as 接收人; the
      // 分校's own 监考员 of the same name is another person. Judged by 天心考点's roster, across workbooks.
      name: 'a 分校 dispatch collected by the 考点’s receiver, who shares a name with a 监考员 on the 分校’s roster',
      base: 'fenxiao',
      edit: (d) => void d.staff!.push({ name: '何平', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true }),
    },
    {
      name: 'the same when the receiver signs with a title, and the vault row with two takers',
      base: 'fenxiao',
      edit: (d) => {
        d.staff!.push({ name: '何平', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
        d.handovers![2].toSigners = ['何平（考务）', '马丽'];
        d.vaultLog![3].taker = '何平、马丽';
      },
    },
    {
      // 《实施方案》（四）: who collects a dispatch at the 分校's vault is the 考点's 考务人员; a namesake on the 分校's roster
      // does not make them the 分校's proctor (DOMAIN: a 考点's takers at a 分校's vault are not the 分校's people). Judged
      // by the 考点's roster, across workbooks.
      name: 'a 分校 dispatch collected by one who signs no side of any sheet, a namesake of the 分校’s 监考员',
      base: 'fenxiao',
      edit: (d) => {
        fenxiaoProctor(d);
        d.vaultLog![3].taker = '何军';
      },
    },
    {
      name: 'and when the 考点’s receiver brings the papers back to the 分校’s vault after the exam',
      base: 'fenxiao',
      edit: (d) => {
        d.staff!.push({ name: '何平', roles: ['监考员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });
        Object.assign(d.vaultLog![3], { returner: '何平', returnedAt: '2024-06-15T12:30', receivedBy: '周建' });
      },
    },
  ],
  invalid: [
    {
      name: 'a proctor takes papers',
      edit: (d) => {
        d.vaultLog![1].taker = '周涛';
        d.vaultLog![1].returner = '周涛';
      },
      errors: [{ messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E5', row: 2, message: /监考人员/ }],
    },
    {
      name: 'a proctor as one of two takers',
      edit: (d) => void (d.vaultLog![1].taker = '李强、周涛'),
      errors: [{ messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E5', row: 2, message: /取卷人“周涛”/ }],
    },
    {
      name: 'a proctor on the roster as SMITH John takes papers as John Smith (review 15a D1’s leftover)',
      edit: (d) => {
        d.staff!.push({ ...d.staff![5], name: 'SMITH John', formalStaff: true });
        d.vaultLog![1].taker = 'John Smith';
      },
      errors: [{ messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E5', row: 2, message: /取卷人“John Smith”/ }],
    },
    {
      name: 'a proctor returns papers (and is not formal staff: no other finding)',
      edit: (d) => void (d.vaultLog![1].returner = '周涛'),
      errors: [{ messageId: 'returner', form: 3, sheet: '出入库记录', cell: 'H5', row: 2, message: /还卷人“周涛”.*监考人员/ }],
    },
    // 《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.6 itself says 监考员: a proctor is one under any of the words people use,
    // and the message quotes the roster's own word.
    ...['监考', '监考员', '监考老师'].map((role) => ({
      name: `a proctor whose role is written ${role} takes papers`,
      edit: (d: SiteData) => {
        d.staff![5].roles = [role];
        d.vaultLog![1].taker = '周涛';
        d.vaultLog![1].returner = '周涛';
      },
      errors: [
        {
          messageId: 'proctor',
          form: 3,
          sheet: '出入库记录',
          cell: 'E5',
          row: 2,
          message: new RegExp(`^取卷人“周涛”在涉卷人员名单上是“${role}”。监考人员不得`),
        },
      ],
    })),
    {
      // Papers sent back to the 分校 leave the vault too (a dispatch): 附件3 备注 3 has no exception.
      name: 'a proctor takes out the papers the 考点 sends back to its 分校',
      edit: (d) => {
        sentBackAfterTheExam(d);
        d.vaultLog![3].taker = '周涛';
      },
      errors: [{ messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E7', row: 4, message: /^取卷人“周涛”在涉卷人员名单上是“监考人员”/ }],
    },
    {
      // Whoever's person the collector is, the vault row itself says a proctor took the papers.
      name: 'a 分校 dispatch whose taker is written as a proctor (李强（监考）), though the 考点’s receiver',
      base: 'fenxiao',
      edit: (d) => {
        d.vaultLog![0].taker = '李强（监考）';
        d.vaultLog![1].taker = '李强（监考）';
      },
      errors: [
        {
          messageId: 'proctorWritten',
          form: 3,
          sheet: '出入库记录',
          cell: 'E4',
          row: 1,
          message:
            /^取卷人写的是“李强（监考）”：是监考人员，却在本单位保密室领取了 2 个试卷（第 1–2 行：1001、2045）。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。$/,
        },
      ],
    },
    {
      name: 'one who signs the handover for the 分校 (移交人) is the 分校’s person, judged by its roster',
      base: 'fenxiao',
      edit: (d) => {
        fenxiaoProctor(d);
        d.handovers![2].fromSigners = ['张伟', '何军'];
        d.vaultLog![3].taker = '何军';
      },
      errors: [{ messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E7', row: 4, message: /^取卷人“何军”/ }],
    },
    {
      // One trip to the vault, one finding: at its first row, naming the others.
      name: 'a proctor takes two papers out at once: one finding, at the first row',
      base: 'fenxiao',
      edit: (d) => {
        fenxiaoProctorSending(d);
        d.vaultLog![0].taker = '何军';
        d.vaultLog![1].taker = '何军';
      },
      errors: [
        {
          messageId: 'proctorTaking',
          form: 3,
          sheet: '出入库记录',
          cell: 'E4',
          row: 1,
          message: /^取卷人“何军”在涉卷人员名单上是“监考员”，同一次（6月14日 09:10）还取了 1 个试卷（第 2 行：2045）。监考人员不得到保密室领卷/,
        },
      ],
    },
    {
      name: 'and again later: each time its own finding',
      base: 'fenxiao',
      edit: (d) => {
        fenxiaoProctorSending(d);
        for (const r of [0, 1, 3]) d.vaultLog![r].taker = '何军';
      },
      errors: [
        { messageId: 'proctorTaking', form: 3, sheet: '出入库记录', cell: 'E4', row: 1, message: /还取了 1 个试卷（第 2 行：2045）/ },
        { messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E7', row: 4 },
      ],
    },
    {
      name: 'two proctors at the same minute are two takings',
      edit: (d) => {
        firstRowSplit(d);
        d.vaultLog![0].taker = '周涛';
        d.vaultLog![1].taker = '吴刚';
      },
      errors: [
        { messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E4', row: 1, message: /^取卷人“周涛”/ },
        { messageId: 'proctor', form: 3, sheet: '出入库记录', cell: 'E5', row: 2, message: /^取卷人“吴刚”/ },
      ],
    },
    {
      name: 'a proctor returns two rows at once: one finding, at the first',
      edit: (d) => {
        firstRowSplit(d);
        d.vaultLog![0].returner = '周涛';
        d.vaultLog![1].returner = '周涛';
      },
      errors: [
        {
          messageId: 'returnerTaking',
          form: 3,
          sheet: '出入库记录',
          cell: 'H4',
          row: 1,
          message: /^还卷人“周涛”在涉卷人员名单上是“监考人员”，同一次（6月15日 10:20）还送回了 1 个试卷（第 2 行：1001）。/,
        },
      ],
    },
  ],
});

// Second wave (DOMAIN.md)

/** A second 周涛 on 岳麓考点's roster, a 考务人员 (the first, staff[5], is a 监考人员): two people of one name. */
const zhouTaoTwice = (d: SiteData) =>
  void d.staff!.push({ name: '周涛', roles: ['考务人员'], formalStaff: true, candidateRelative: false, pledgeSigned: true });

rt('roster-namesakes', {
  valid: [
    { name: 'two 周涛 on the roster, a 监考人员 and a 考务人员, neither at the vault', edit: zhouTaoTwice },
    {
      // 《实施方案》（四）: the 考点's 考务人员 何平 collects at the 分校's vault; the 分校's two 何平 are not who signed.
      name: 'a 分校 dispatch collected by the 考点’s 何平, two 何平 on the 分校’s roster (监考员, 考务人员)',
      base: 'fenxiao',
      edit: (d) => {
        for (const roles of [['监考员'], ['考务人员']]) d.staff!.push({ name: '何平', roles, formalStaff: true, candidateRelative: false, pledgeSigned: true });
      },
    },
  ],
  invalid: [
    {
      // 附件3 备注 3 bars proctors from the vault; whether the 周涛 who took 2045 out is the proctor, nobody can tell.
      name: 'two 周涛, a 监考人员 and a 考务人员: 周涛 takes and returns 2045, a warning at the proctor’s row, no error',
      edit: (d) => {
        zhouTaoTwice(d);
        Object.assign(d.vaultLog![1], { taker: '周涛', returner: '周涛' });
      },
      errors: [
        {
          messageId: 'namesakes',
          form: 0,
          sheet: '涉卷人员',
          cell: 'B8',
          row: 6,
          message:
            /^涉卷人员名单上有 2 人同名“周涛”（B8、B10），其中有“监考人员”，也有不是监考人员的。出入库记录上“周涛”取卷、还卷的签字（第 2 行）分不清是哪一位，暂不按监考人员领卷论。/,
        },
      ],
    },
  ],
});

rt('item-for-another-unit', {
  valid: [
    { name: 'every item belongs to the receiver' },
    {
      name: 'a 分校 receives papers for its own 考点, named alone or under the 分校',
      base: 'fenxiao',
      edit: (d) => {
        d.handovers![0].items![1].destination = '岳麓考点';
        d.handovers![0].items![2].destination = '长沙分校天心考点';
      },
    },
    {
      // Review 25b D2: the 分校's own exam site sits from its vault; no outgoing sheet names it.
      name: 'a 分校 receives papers for its 本部考点 (and 校本部)',
      base: 'fenxiao',
      edit: (d) => {
        d.handovers![0].items![0].destination = '本部考点';
        d.handovers![0].items![1].destination = '校本部';
      },
    },
    { name: 'the receiver written with （学院）', base: 'fenxiao', edit: (d) => void (d.handovers![0].items![0].destination = '长沙分校（学院）') },
    // 附件1 备注 1: the printer hands to the 分部; 备注 2: 试卷归属 is the 分校 (or 考点) the papers are for.
    { name: 'the printer’s sheet to the 分部 names the 分校 each part is for', base: 'shengxiao' },
    {
      name: 'and a 分校 the 省校 has not sent to yet, and a 考点',
      base: 'shengxiao',
      edit: (d) => {
        d.handovers![0].items![1].destination = '衡阳分校';
        d.handovers![0].items!.push({ destination: '长沙分校岳麓考点', quantity: 0, unit: '袋' });
      },
    },
  ],
  invalid: [
    {
      name: 'an item for another 考点 on a 考点’s handover',
      edit: (d) => void (d.handovers![0].items![1].destination = '天心考点'),
      errors: [{ messageId: 'other', form: 1, sheet: '交接单', cell: 'C9', row: 2, message: /“天心考点”.*“岳麓考点”/ }],
    },
    {
      name: 'an item for the 分校 itself on its handover to a 考点',
      edit: (d) => void (d.handovers![0].items![0].destination = '长沙分校'),
      errors: [{ messageId: 'other', form: 1, sheet: '交接单', cell: 'C8', row: 1 }],
    },
    {
      name: 'a 分校 receives an item for another 分校’s 考点',
      base: 'fenxiao',
      edit: (d) => void (d.handovers![0].items![2].destination = '株洲分校荷塘考点'),
      errors: [{ messageId: 'other', form: 1, sheet: '交接单1', cell: 'C10', row: 3 }],
    },
    {
      name: 'the 分部 receives an item for another 分部',
      base: 'shengxiao',
      edit: (d) => void (d.handovers![0].items![1].destination = '湖北分部'),
      errors: [{ messageId: 'other', form: 1, sheet: '交接单1', cell: 'C9', row: 2, message: /“湖北分部”.*“湖南分部”/ }],
    },
  ],
});

// One fact, one finding: a receipt naming another unit as 接收单位 is said at 接收单位, its rows not blamed (item-for-another-unit).
rt('receiver-not-this-unit', {
  valid: [
    { name: 'the 考点’s receipt names it' },
    { name: 'named under its 分校', edit: (d) => void (d.handovers![0].to = '长沙分校岳麓考点') },
    { name: 'the 分校’s receipt names it with the university before it', base: 'fenxiao', edit: (d) => void (d.handovers![0].to = '湖南开放大学长沙分校') },
    { name: 'the 分校’s own sheets to its 考点 are not its receipts', base: 'fenxiao' },
    // The 省校 is its 分部 and the university at once: the printer's sheet may name either.
    { name: 'the printer’s sheet to the 省校 made out to the university', base: 'shengxiao', edit: (d) => void (d.handovers![0].to = '湖南开放大学') },
  ],
  invalid: [
    {
      name: 'the 考点’s receipt made out to a name that is not the 考点’s: once, at 接收单位',
      edit: (d) => void (d.handovers![0].to = '岳麓区考点'),
      errors: [
        {
          messageId: 'other',
          form: 1,
          sheet: '交接单',
          cell: 'C4',
          row: null,
          message: /^这张交接单的接收单位写的是“岳麓区考点”，而本单位（基本信息的考点）是“岳麓考点”。.*请把接收单位改成“岳麓考点”/,
        },
      ],
    },
    {
      name: 'the 分校’s receipt from the 分部 made out to another 分校',
      base: 'fenxiao',
      edit: (d) => void (d.handovers![0].to = '株洲分校'),
      errors: [{ messageId: 'other', form: 1, sheet: '交接单1', cell: 'C4', row: null, message: /“株洲分校”.*基本信息的分校（学院）.*“长沙分校”/ }],
    },
  ],
});

/** The 分校's handover to 天心考点 (2 + 1 bags) as two sheets of that afternoon: the first paper's, and the second's with `secondBags`. */
function splitLastHandover(d: SiteData, secondBags: number): void {
  const whole = d.handovers!.pop()!;
  const first = { ...structuredClone(whole), items: whole.items!.slice(0, 1), total: 2 };
  const second = { ...structuredClone(whole), time: '2024-06-14T15:00', items: [{ ...whole.items![1], quantity: secondBags }], total: secondBags };
  d.handovers!.push(first, second);
}

/** 岳麓考点 sends 3310's 2 bags back to 长沙分校 after its session: taken out again at 11:00, a sheet at 11:30 saying `bags`. */
function sendBack3310(d: SiteData, bags: number): void {
  d.vaultLog!.push({ paperNo: '3310', paperName: '中国现代文学', quantity: 2, unit: '袋', taker: '李强', takenAt: '2024-06-16T11:00', issuedBy: '陈静' });
  const sheet = structuredClone(d.handovers![0]);
  Object.assign(sheet, { time: '2024-06-16T11:30', from: '岳麓考点', to: '长沙分校', total: bags, fromSigners: ['李强', '赵敏'], toSigners: ['张伟', '孙丽'] });
  sheet.items = [{ destination: '岳麓考点', quantity: bags, unit: '袋', note: '3310 考后送回' }];
  d.handovers!.push(sheet);
  d.duty!.shifts![d.duty!.shifts!.length - 1].to = '2024-06-16T11:00';
}

rt('dispatch-without-handover', {
  valid: [
    { name: 'each dispatch has its handover sheet, with the same bags', base: 'fenxiao' },
    { name: 'a 考点 sends its used papers back on a sheet with the bags it took out', edit: (d) => sendBack3310(d, 2) },
    {
      name: 'an evening dispatch handed over the next day',
      base: 'fenxiao',
      edit: (d) => {
        d.vaultLog![3].takenAt = '2024-06-13T19:40';
        d.vaultLog![4].takenAt = '2024-06-13T19:40';
      },
    },
    {
      name: 'one dispatch handed over on two sheets the same day (a sheet per paper): their bags together',
      base: 'fenxiao',
      edit: (d) => splitLastHandover(d, 1),
    },
  ],
  invalid: [
    {
      name: 'one dispatch on two sheets the same day whose bags together are one more: both sheets named, at the row of the paper that differs (2045)',
      base: 'fenxiao',
      edit: (d) => splitLastHandover(d, 2),
      errors: [
        {
          messageId: 'bagsPaper',
          form: 3,
          sheet: '出入库记录',
          cell: 'D8',
          row: 5,
          message:
            /^6月14日 13:40 下发给天心考点的试卷在出入库记录上共 3 袋（第 4、5 行），而交接单（交接单3、交接单4）上是 4 袋，不一致的是试卷 2045（出入库记录第 5 行 1 袋，交接单 2 袋）。/,
        },
      ],
    },
    {
      name: 'a 考点’s sheet sending papers back lists 1 bag where 2 left the vault: said as a send-back',
      edit: (d) => sendBack3310(d, 1),
      errors: [
        {
          messageId: 'backPaper',
          form: 3,
          sheet: '出入库记录',
          cell: 'D7',
          row: 4,
          message:
            /^6月16日 11:00 出库送回长沙分校的试卷在出入库记录上共 2 袋（第 4 行），而送回的交接单（交接单2）上是 1 袋，不一致的是试卷 3310（出入库记录第 4 行 2 袋，交接单 1 袋）。/,
        },
      ],
    },
    {
      name: 'papers dispatched to 天心考点 with no handover sheet: one finding',
      base: 'fenxiao',
      edit: (d) => void d.handovers!.pop(),
      errors: [{ messageId: 'none', form: 3, sheet: '出入库记录', cell: 'F7', row: 4, message: /1001、2045.*何平、马丽/ }],
    },
    {
      name: 'the 省校’s papers for 株洲分校 taken out the next day, with no handover sheet',
      base: 'shengxiao',
      edit: (d) => {
        d.handovers!.pop();
        for (const r of d.vaultLog!.slice(3)) r.takenAt = '2024-06-14T13:10';
        d.duty!.shifts![0].to = '2024-06-14T14:00';
      },
      errors: [{ messageId: 'none', form: 3, sheet: '出入库记录', cell: 'F7', row: 4, message: /没有一张省校发给分校的纸质试卷交接单/ }],
    },
    {
      name: 'the handover sheet has one bag more than was dispatched',
      base: 'fenxiao',
      edit: (d) => {
        d.handovers![2].items![0].quantity = 3;
        d.handovers![2].total = 4;
      },
      errors: [
        {
          messageId: 'bagsPaper',
          form: 3,
          sheet: '出入库记录',
          cell: 'D7',
          row: 4,
          message: /共 3 袋（第 4、5 行）.*交接单3.*4 袋，不一致的是试卷 1001（出入库记录第 4 行 2 袋，交接单 3 袋）/,
        },
      ],
    },
  ],
});

rt('intake-late', {
  valid: [
    { name: 'taken in 40 minutes after the handover' },
    { name: 'exactly two hours after', edit: (d) => void ((d.intake as Intake).time = '2024-06-14T11:30') },
    {
      name: 'a unit allowing 4 hours (基本信息)',
      edit: (d) => {
        d.site!.settings = { ...d.site!.settings, intakeWithinHours: 4 };
        (d.intake as Intake).time = '2024-06-14T13:30';
      },
    },
    {
      name: 'a night delivery taken in after midnight',
      edit: (d) => {
        d.handovers![0].time = '2024-06-14T23:10';
        (d.intake as Intake).time = '2024-06-15T00:20';
      },
    },
  ],
  invalid: [
    {
      name: 'taken in three hours after the handover',
      edit: (d) => void ((d.intake as Intake).time = '2024-06-14T12:40'),
      errors: [{ messageId: 'late', form: 2, sheet: '入库清单', cell: 'C17', row: null, message: /晚了 3 小时 10 分钟.*2 小时内/ }],
    },
  ],
});

rt('keeper-not-custodian', {
  valid: [
    { name: 'the keeper signs papers out and in' },
    { name: 'a duty officer signs papers out', edit: (d) => void (d.vaultLog![0].issuedBy = '刘洋') },
    {
      name: 'someone listed twice, as 考务人员 and as 卷库保管员, signs papers out',
      edit: (d) => {
        d.staff!.push({ ...d.staff![1], roles: ['卷库保管员'] });
        d.vaultLog![1].issuedBy = '李强';
        d.vaultLog![1].taker = '赵敏';
      },
    },
    { name: 'a keeper signing with a role after the name', edit: (d) => void (d.vaultLog![0].issuedBy = '陈静（保管员）') },
    { name: 'the keeper’s roles in everyday words: 保管员、值班员', edit: (d) => void (d.staff![3].roles = ['保管员', '值班员']) },
    { name: 'the keeper’s role written 卷库管理员', edit: (d) => void (d.staff![3].roles = ['卷库管理员']) },
    {
      name: 'a keeper on the roster as SMITH John signs papers out as John Smith (review 15a D1’s leftover)',
      edit: (d) => {
        d.staff!.push({ ...d.staff![3], name: 'SMITH John' });
        d.vaultLog![0].issuedBy = 'John Smith';
      },
    },
    {
      name: 'a duty officer written 值班员 signs papers out',
      edit: (d) => {
        d.staff![4].roles = ['值班员'];
        d.vaultLog![0].issuedBy = '刘洋';
      },
    },
  ],
  invalid: [
    {
      name: 'an exam-affairs officer signs papers out',
      edit: (d) => void (d.vaultLog![1].issuedBy = '李强'),
      errors: [{ messageId: 'keeper', form: 3, sheet: '出入库记录', cell: 'G5', row: 2, message: /“李强”.*考务人员、交接人员/ }],
    },
    {
      name: 'an exam-affairs officer on the roster as SMITH John signs papers out as john smith: the same person (review 15a D1’s leftover)',
      edit: (d) => {
        d.staff!.push({ ...d.staff![1], name: 'SMITH John' });
        d.vaultLog![1].issuedBy = 'john smith';
      },
      errors: [{ messageId: 'keeper', form: 3, sheet: '出入库记录', cell: 'G5', row: 2, message: /“John Smith”.*考务人员、交接人员/ }],
    },
    {
      name: 'an exam-affairs officer written 考务员、交接员 signs papers out: his roles quoted as the roster writes them',
      edit: (d) => {
        d.staff![1].roles = ['考务员', '交接员'];
        d.vaultLog![1].issuedBy = '李强';
      },
      errors: [{ messageId: 'keeper', form: 3, sheet: '出入库记录', cell: 'G5', row: 2, message: /（序号 2）是考务员、交接员，不是卷库保管员或值班人员/ }],
    },
    {
      name: 'the 主考 signs papers back in twice: one finding',
      edit: (d) => {
        d.vaultLog![0].receivedBy = '王芳';
        d.vaultLog![2].receivedBy = '王芳';
      },
      errors: [{ messageId: 'keeper', form: 3, sheet: '出入库记录', cell: 'J4', row: 1, message: /本表另有 1 处/ }],
    },
  ],
});

rt('session-without-register', {
  valid: [
    { name: 'a register for every session' },
    { name: 'a 分校 keeps no register', base: 'fenxiao' },
    {
      name: 'a register dated with the half of the day (6月15日上午): the date is read',
      edit: (d) => {
        d.distributions![0].start = '6月15日上午';
        d.distributions![0].end = '08:30—10:00';
        d.distributions![0].rows!.forEach((row) => Object.assign(row, { issuedAt: '8:05', returnedAt: '10:08' }));
      },
    },
  ],
  invalid: [
    {
      name: 'the second day’s register missing',
      edit: (d) => void d.distributions!.pop(),
      errors: [{ messageId: 'none', form: 3, sheet: '出入库记录', cell: 'B6', row: 3, message: /3310.*附件4/ }],
    },
    {
      // Its header dated so too is register-session's (the header is no session of its paper), said at its 日期.
      name: 'the register’s row dated the next day, under a header of the session’s day',
      edit: (d) => {
        const r = d.distributions![2];
        r.rows![0].issuedAt = '2024-06-17T08:05';
        r.rows![0].returnedAt = '2024-06-17T10:06';
      },
      errors: [{ messageId: 'none', form: 3, sheet: '出入库记录', cell: 'B6', row: 3 }],
    },
  ],
});

rt('handed-out-beyond-checkout', {
  valid: [
    { name: 'two bags out: the two largest hold 57 copies for 57 handed out', edit: (d) => void (d.vaultLog![0].quantity = 2) },
    {
      name: 'taken out in 份',
      edit: (d) => {
        d.vaultLog![2].quantity = 20;
        d.vaultLog![2].unit = '份';
      },
    },
  ],
  invalid: [
    {
      name: 'one bag out, two rooms served',
      edit: (d) => void (d.vaultLog![0].quantity = 1),
      errors: [{ messageId: 'over', form: 4, sheet: '分发登记1', cell: 'D7', row: 2, message: /共发出 57 份.*最多只有 31 份（1 袋）/ }],
    },
    {
      name: 'one session’s bags out on two rows (1 袋 + 1 袋): its largest bag counted once, not on each row',
      edit: (d) => {
        d.vaultLog![0].quantity = 1;
        d.vaultLog!.splice(1, 0, { ...d.vaultLog![0] });
        d.distributions![0].rows![1].copies = 28;
      },
      errors: [{ messageId: 'over', form: 4, sheet: '分发登记1', cell: 'D7', row: 2, message: /共发出 58 份.*最多只有 57 份（2 袋）/ }],
    },
    {
      name: 'more copies than the 份 taken out',
      edit: (d) => {
        d.vaultLog![2].quantity = 18;
        d.vaultLog![2].unit = '份';
      },
      // Only loose copies left the vault: “18 份”, not “18 份（18 份）” (review 23 D6).
      errors: [{ messageId: 'over', form: 4, sheet: '分发登记3', cell: 'D6', row: 1, message: /领出的最多只有 18 份。发到考场/ }],
    },
  ],
});

/** 2024春's sheets moved to the autumn: dates to January 2025, the semester to 2024秋 (as a 2024秋 workbook holds them). */
function autumnOf(d: SiteData): SiteData {
  let text = JSON.stringify(d);
  for (const [spring, autumn] of [
    ['2024-06-14', '2025-01-03'],
    ['2024-06-15', '2025-01-04'],
    ['2024-06-16', '2025-01-05'],
    ['2024春', '2024秋'],
  ])
    text = text.split(spring).join(autumn);
  return JSON.parse(text) as SiteData;
}

/** A 2024秋 workbook's forms appended to this one, each sheet named “…（秋）” (the outside tester's c13_twosem). */
function appendAutumnSheets(grid: WorkbookGrid, d: SiteData, forms: (name: string) => boolean = () => true): void {
  const autumn = gridFromDrafts(draftWorkbook(autumnOf(d)));
  for (const sheet of autumn.sheets)
    if (!['基本信息', '考试安排', '涉卷人员'].includes(sheet.name) && forms(sheet.name)) grid.sheets.push({ ...sheet, name: `${sheet.name}（秋）` });
}

rt('sheet-of-another-semester', {
  valid: [
    { name: 'every sheet of the 考点 this semester’s (附件4 and 附件5 name none)' },
    { name: '2023-2024学年第二学期 on 基本信息, 2024春 in the titles: one semester', edit: (d) => void (d.site!.semester = '2023-2024学年第二学期') },
  ],
  invalid: [
    {
      // Judged with June's sessions they gave checkout-window and not-returned (4872小时) on each vault row, and a 4830-hour duty gap.
      name: 'a 2024秋 workbook’s forms appended to the 2024春 one: once per sheet at its title, and none of their rows judged with June’s',
      retype: (grid) => appendAutumnSheets(grid, base('kaodian')),
      errors: [
        {
          messageId: 'title',
          form: 1,
          sheet: '交接单（秋）',
          cell: 'A2',
          row: null,
          message: /^本表标题写的是“2024秋学期”，而基本信息的学期是“2024春”.*没有和本学期的记录一起检查/,
        },
        { messageId: 'title', form: 2, sheet: '入库清单（秋）', cell: 'A2', row: null },
        { messageId: 'title', form: 3, sheet: '出入库记录（秋）', cell: 'A2', row: null },
        { messageId: 'dates', form: 4, sheet: '分发登记1（秋）', cell: 'A2', row: null, message: /^本表没有写学期，它的日期（2025年1月4日起）都在2024秋学期/ },
        { messageId: 'dates', form: 4, sheet: '分发登记2（秋）', cell: 'A2', row: null },
        { messageId: 'dates', form: 4, sheet: '分发登记3（秋）', cell: 'A2', row: null },
        { messageId: 'dates', form: 5, sheet: '值班记录1（秋）', cell: 'A2', row: null },
        { messageId: 'dates', form: 5, sheet: '值班记录2（秋）', cell: 'A2', row: null },
      ],
    },
    {
      // Every sheet set aside would leave 附件1–5 “没有填写” and the schedule's papers without copies.
      name: '基本信息 left at 2023秋 while every form is 2024春’s: said once at its 学期, the forms judged',
      retype: (grid) => typeInto(grid, '基本信息', 'B2', '2023秋'),
      errors: [
        { messageId: 'site', form: 0, sheet: '基本信息', cell: 'B2', row: null, message: /^基本信息的学期写的是“2023秋”，而工作簿里的各张表都是2024春学期的/ },
      ],
    },
    {
      name: 'a handover titled 2024秋 on this semester’s dates: its title is what is wrong, and it is judged with this semester',
      edit: (d) => void (d.handovers![0].semester = '2024秋'),
      errors: [
        {
          messageId: 'kept',
          form: 1,
          sheet: '交接单',
          cell: 'A2',
          row: null,
          message: /^本表标题写的是“2024秋学期”，而它的日期（2024年6月14日起）都在基本信息的“2024春”学期内/,
        },
      ],
    },
  ],
});

/** 考试安排 copied onto a sheet `name` (title, header and rows), `edit` typed into the copy. */
function copySchedule(grid: WorkbookGrid, name: string, edit: (rows: CellValue[][]) => void = () => {}): void {
  const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
  const rows = schedule.rows.map((r) => (r ? [...r] : r)) as CellValue[][];
  edit(rows);
  grid.sheets.push({ ...schedule, name, rows });
}

rt('schedule-copies-disagree', {
  valid: [
    { name: '考试安排 copied as it is: read once, nothing to say', retype: (g) => copySchedule(g, '考试安排 (2)') },
    {
      name: 'a sheet of the unit’s own (监考安排) with other 人数: no copy, not compared',
      retype: (g) => copySchedule(g, '监考安排', (rows) => ((rows[0] = []), (rows[2][5] = 30))),
    },
  ],
  invalid: [
    {
      name: '考试安排 (2) gives the first paper 60 candidates where 考试安排 gives 57: once, at the copy’s cell; the first is used',
      retype: (g) => copySchedule(g, '考试安排 (2)', (rows) => void (rows[2][5] = 60)),
      errors: [
        {
          messageId: 'differs',
          form: 0,
          sheet: '考试安排 (2)',
          cell: 'F3',
          row: 1,
          message:
            /^本表是考试安排的又一份，试卷 1001 的报考人数写的是 60，而考试安排 F3 写的是 57。两份考试安排不一致，试卷份数是按考试安排的 57 人核对的。请核对哪个人数是对的，改正后只留一份考试安排。$/,
        },
      ],
    },
  ],
});

/** 出入库记录 copied onto a sheet of its own, its first checkout doubled (3 bags more than were taken in, shown). */
const vaultDraft = (state: 'hidden' | 'veryHidden' | undefined) => (g: WorkbookGrid) => {
  const log = g.sheets.find((s) => s.name === '出入库记录')!;
  g.sheets.push({ ...log, name: '出入库记录（草稿）', rows: log.rows.map((r) => [...r]), ...(state ? { state } : {}) });
};

rt('hidden-sheet', {
  valid: [
    {
      name: 'a hidden sheet that is no form (a list for a drop-down)',
      retype: (g) => void g.sheets.push({ name: '名单', rows: [['张三']], merges: [], state: 'hidden' }),
    },
  ],
  invalid: [
    {
      // Read, the copy doubled every bag out of the vault: overdraws on both sheets.
      name: 'a hidden copy of 出入库记录 beside the shown one: not read, said once at its A1',
      retype: vaultDraft('hidden'),
      errors: [
        {
          messageId: 'skipped',
          form: 3,
          sheet: '出入库记录（草稿）',
          cell: 'A1',
          row: null,
          message: /^工作表“出入库记录（草稿）”是隐藏的，没有检查：工作簿里已有未隐藏的附件3 保密室试卷出入库记录表。/,
        },
      ],
    },
    {
      name: 'a very hidden copy alike',
      retype: vaultDraft('veryHidden'),
      errors: [{ messageId: 'skipped', form: 3, sheet: '出入库记录（草稿）', cell: 'A1', row: null }],
    },
    {
      name: 'the only 出入库记录, hidden: read and checked, and said so',
      retype: (g) => void (g.sheets.find((s) => s.name === '出入库记录')!.state = 'hidden'),
      errors: [{ messageId: 'read', form: 3, sheet: '出入库记录', cell: 'A1', row: null, message: /已作为附件3 保密室试卷出入库记录表检查/ }],
    },
  ],
});

/** 岳麓考点's handover saying 1001's third bag (the 5份装) is its spare: 57 candidates, whom 31+26 cover. */
const spareNoted = (d: SiteData) => void (d.handovers![0].items![0].note = '1001（含备用卷1袋）');

/** 2045 delivered in 2 bags (31 + 5), its handover 备注 naming its spare: “2045 管理学基础（含备用卷1袋）”, or without the count. */
const spareOf2045 =
  (note = '2045 管理学基础（含备用卷1袋）') =>
  (d: SiteData) => {
    Object.assign(d.handovers![0].items![1], { quantity: 2, note });
    d.handovers![0].total = 7;
    Object.assign((d.intake as Intake).items![1], { bags5: 1, totalBags: 2 });
    Object.assign((d.intake as Intake).totals!, { bags5: 2, totalBags: 7 });
  };

/** 出入库记录 with 取卷人签字 typed again over column L, its cells L4–L6 as given. */
const takerTwice = (names: CellValue[]) => (g: WorkbookGrid) => {
  typeInto(g, '出入库记录', 'L3', '取卷人签字');
  names.forEach((name, i) => typeInto(g, '出入库记录', `L${4 + i}`, name));
};

rt('column-headed-twice', {
  valid: [
    { name: 'a column typed twice alike (取卷人签字 again over L, the same names): read as one', retype: takerTwice(['李强', '赵敏', '李强']) },
    { name: 'a second 取卷人签字 over L left empty', retype: takerTwice([]) },
  ],
  invalid: [
    {
      name: 'a second 取卷人签字 over L, one name otherwise: said once at L3, naming the column read (E)',
      retype: takerTwice(['李强', '王芳', '李强']),
      errors: [
        {
          messageId: 'twice',
          form: 3,
          sheet: '出入库记录',
          cell: 'L3',
          row: null,
          message:
            /^表头里有两栏都叫“取卷人签字”：检查读的是 E 栏，这一栏（L 栏）没有读，两栏填的又不一样。同一张表每一项只能有一栏：请核对哪一栏是对的，删去不用的一栏（或把它的表头改成别的名字，如“备注”），再检查一次。$/,
        },
      ],
    },
  ],
});

rt('spare-bag-out', {
  valid: [
    { name: 'all 3 bags of 1001 out, nothing telling a spare apart (no 备用卷 on the handover or the intake list)' },
    {
      // 1001's records are the clean base's: the 备注 speaks of 2045's spare, not of every paper's (review 15a D2, x4-spare-kept).
      name: 'a handover 备注 naming 2045’s spare bag, kept in the vault: 1001’s 3 bags out are not judged by its sizes',
      edit: spareOf2045(),
    },
    { name: 'the same 备注 without the count (含备用卷): 2045’s one bag out, 1001 not judged', edit: spareOf2045('2045 管理学基础（含备用卷）') },
    {
      name: 'the spare named, and a 备注 beside the checkout saying its use was approved',
      edit: spareNoted,
      retype: (g) => {
        typeInto(g, '出入库记录', 'L3', '备注');
        typeInto(g, '出入库记录', 'L4', '经主考请示批准，启用备用卷');
      },
    },
    { name: 'the spare named, only the 2 exam bags taken', edit: (d) => (spareNoted(d), void (d.vaultLog![0].quantity = 2)) },
    {
      name: 'the spare named, taken in 份: its bags counted, the copies not judged by them',
      edit: (d) => (spareNoted(d), void (d.vaultLog![0].unit = '份'), void (d.vaultLog![0].quantity = 57)),
    },
  ],
  invalid: [
    {
      name: 'the handover names 1001’s spare bag and all 3 bags went out',
      edit: spareNoted,
      errors: [
        {
          messageId: 'noted',
          form: 3,
          sheet: '出入库记录',
          cell: 'D4',
          row: 1,
          message:
            /^试卷 1001 在 6月15日 07:45 领出后共 3 袋在外，而按交接单备注，这份试卷的 3 袋中有 1 袋是备用卷，考试用卷只有 2 袋。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。$/,
        },
      ],
    },
    {
      name: 'the 备注 naming 2045’s spare bag and both its bags out: 2045’s checkout, and nothing of 1001 (review 15a D2)',
      edit: (d) => (spareOf2045()(d), void (d.vaultLog![1].quantity = 2)),
      errors: [
        {
          messageId: 'noted',
          form: 3,
          sheet: '出入库记录',
          cell: 'D5',
          row: 2,
          message:
            /^试卷 2045 在 6月15日 09:45 领出后共 2 袋在外，而按交接单备注，这份试卷的 2 袋中有 1 袋是备用卷，考试用卷只有 1 袋。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。$/,
        },
      ],
    },
    {
      name: 'a 备注 naming 2045’s spare without its count, both its bags out: judged by 2045’s sizes only, nothing of 1001 (review 15a D2)',
      edit: (d) => (spareOf2045('2045 管理学基础（含备用卷）')(d), void (d.vaultLog![1].quantity = 2)),
      errors: [
        {
          messageId: 'bags',
          form: 3,
          sheet: '出入库记录',
          cell: 'D5',
          row: 2,
          message:
            /^试卷 2045 在 6月15日 09:45 领出后共 2 袋在外，而这一场考生 31 人，按入库清单的袋型 1 袋就够，多领的应是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。$/,
        },
      ],
    },
  ],
});

/** A formula typed into `sheet!cell`, saved without its value (as a script or some WPS versions save it). */
const formulaAt = (grid: WorkbookGrid, sheet: string, cell: string, formula: string): void => {
  typeInto(grid, sheet, cell, null);
  const s = grid.sheets.find((x) => x.name === sheet)!;
  (s.formulas ??= {})[cell] = formula;
};
const LOOKUP = (row: number) => `VLOOKUP(B${row},考试安排!B:D,3,FALSE)`;

rt('formula-not-saved', {
  valid: [
    {
      name: '单位 as a formula the tool works out (=IF(OR(B4="1001",…),"袋","份")), no value saved: read as 袋',
      retype: (g) => {
        for (const r of [4, 5, 6]) formulaAt(g, '出入库记录', `K${r}`, `IF(OR(B${r}="1001",B${r}="2045",B${r}="3310"),"袋","份")`);
      },
    },
  ],
  invalid: [
    {
      name: '取卷时间 F5 a VLOOKUP saved without its value: said once, not “没有填写” (review 18a D3)',
      retype: (g) => formulaAt(g, '出入库记录', 'F5', `${LOOKUP(5)}-1/24`),
      errors: [
        {
          // Named by its field, as every other rule names a form's cell (fix-leftovers19); at its row's 序号 (fix-leftovers20: was null).
          messageId: 'fieldOne',
          form: 3,
          sheet: '出入库记录',
          cell: 'F5',
          row: 2,
          message:
            /^“取卷时间”这一格里是公式，文件里却没有存下它算出的结果（用程序生成、或某些版本的 WPS 保存的文件会这样），本工具也算不出这个公式，所以没有检查它——它并不是空白。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。$/,
        },
      ],
    },
    {
      name: 'every 单位 a VLOOKUP saved without its value: one finding naming the others, no “没有写单位” (review 18a D3)',
      retype: (g) => {
        for (const r of [4, 5, 6]) formulaAt(g, '出入库记录', `K${r}`, LOOKUP(r));
      },
      errors: [
        {
          messageId: 'fieldMany',
          form: 3,
          sheet: '出入库记录',
          cell: 'K4',
          row: 1,
          message:
            /^“单位”这一格里是公式，文件里却没有存下它算出的结果（用程序生成、或某些版本的 WPS 保存的文件会这样），本工具也算不出；本表另有 2 格也是这样（K5、K6），都没有检查——它们并不是空白。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。$/,
        },
      ],
    },
    {
      name: 'a 序号 a VLOOKUP saved without its value: no field there, said by the cell’s address',
      retype: (g) => formulaAt(g, '出入库记录', 'A5', 'VLOOKUP(B5,考试安排!B:D,1,FALSE)'),
      errors: [
        {
          messageId: 'one',
          form: 3,
          sheet: '出入库记录',
          cell: 'A5',
          row: 2,
          message:
            /^单元格 A5 里是公式，文件里却没有存下它算出的结果（用程序生成、或某些版本的 WPS 保存的文件会这样），本工具也算不出这个公式，所以没有检查它——它并不是空白。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。$/,
        },
      ],
    },
  ],
});

rt('formula-cycle', {
  valid: [],
  invalid: [
    {
      name: '取卷时间 from 还卷时间 and 还卷时间 from 取卷时间 (F4 =I4-2/24, I4 =F4+2/24): a cycle, said once, not “没有填写” (review 18a D3)',
      retype: (g) => {
        formulaAt(g, '出入库记录', 'F4', 'I4-2/24');
        formulaAt(g, '出入库记录', 'I4', 'F4+2/24');
      },
      errors: [
        {
          messageId: 'many',
          form: 3,
          sheet: '出入库记录',
          cell: 'F4',
          row: 1,
          message: /^单元格 F4 的公式引用了它自己（循环引用：直接引用，或经由别的格又引用回来），算不出结果：.*；本表另有 1 格也是这样（I4）。/,
        },
      ],
    },
    {
      name: '数量 D4 =D4+1 (a cell that refers to itself)',
      retype: (g) => formulaAt(g, '出入库记录', 'D4', 'D4+1'),
      errors: [{ messageId: 'one', form: 3, sheet: '出入库记录', cell: 'D4', row: 1 }],
    },
  ],
});

test('every rule of the catalogue has a table', () => {
  // test/rules/across.test.ts; test/summary/other-semester.test.ts; test/summary/repeated-unit.test.ts
  const crossOnly = new Set(['handover-copies-disagree', 'workbook-of-another-semester', 'unit-workbook-twice']);
  // Tables in a file of their own, beside the rule's other cases: test/rules/school-not-sender.test.ts, form-copies-disagree.test.ts,
  // register-session.test.ts, review24-struck-text.test.ts, note-count.test.ts.
  const ownFile = new Set(['school-not-sender', 'form-copies-disagree', 'register-session', 'struck-text', 'note-count']);
  for (const meta of ALL_META) if (!crossOnly.has(meta.id) && !ownFile.has(meta.id)) expect([meta.id, tested.has(meta.id)]).toEqual([meta.id, true]);
  expect(ALL_META).toHaveLength(52);
});
