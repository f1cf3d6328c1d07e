/** How a summary cell is shown on a page and held in a sheet: times and lengths of time. */
import { type Finding, rowShown, rowWords } from '../../src/model/finding';
import { breakLines, numFmtOf, rowOf, sheetValue, show, showDuration } from '../../src/summary/columns';
import { FINDING_COLUMNS } from '../../src/summary/tables';
import { SITE_FINDING_COLUMNS } from '../../src/summary/tables-site';

const ctx = (lang: 'zh' | 'en') => ({ lang, ruleTitle: (id: string) => id });
const duration = { kind: 'duration' as const };
const datetime = { kind: 'datetime' as const };

describe('a length of time', () => {
  it('is shown in hours and minutes, the hours past a day, the minutes whole as the model’s hours were worked out from them', () => {
    const cases: Array<[number, string, string]> = [
      [0, '0小时00分', '0h 00m'],
      [0.5, '0小时30分', '0h 30m'],
      [2, '2小时00分', '2h 00m'],
      [40.67, '40小时40分', '40h 40m'],
      [45.67, '45小时40分', '45h 40m'],
      [100.02, '100小时01分', '100h 01m'],
      [999.98, '999小时59分', '999h 59m'],
    ];
    expect(cases.map(([h]) => [h, showDuration(h), showDuration(h, 'en')])).toEqual(cases);
    expect(cases.map(([h]) => show(duration, h, ctx('zh')))).toEqual(cases.map(([, zh]) => zh));
  });

  it('is held in a sheet as days (whole minutes), in the format that shows it so', () => {
    expect([40.67, 2, 0].map((h) => sheetValue(duration, h, ctx('zh')))).toEqual([2440 / 1440, 120 / 1440, 0]);
    expect([numFmtOf(duration, 'zh'), numFmtOf(duration, 'en')]).toEqual(['[h]"小时"mm"分"', '[h]"h "mm"m"']);
    // A blank stays blank.
    expect([sheetValue(duration, null, ctx('zh')), sheetValue(duration, '', ctx('zh'))]).toEqual([null, '']);
  });
});

describe('a time', () => {
  it('is held in a sheet as its date serial, the wall clock’s figures alone; what is not a full ISO time stays the text shown', () => {
    expect(sheetValue(datetime, '2024-06-15T08:30', ctx('zh'))).toBe(45458 + 8.5 / 24);
    expect(sheetValue(datetime, '1900-03-01T00:00', ctx('zh'))).toBe(61);
    expect(sheetValue(datetime, '2024-06-15', ctx('zh'))).toBe('2024年6月15日');
    expect(sheetValue(datetime, '6月15日下午', ctx('zh'))).toBe('6月15日下午');
    expect(sheetValue(datetime, '2024-06-15T25:00', ctx('zh'))).toBe('2024年6月15日 25:00');
    expect([numFmtOf(datetime, 'zh'), numFmtOf(datetime, 'en')]).toEqual(['yyyy"年"m"月"d"日" hh:mm', 'yyyy-mm-dd hh:mm']);
    expect(numFmtOf({ kind: 'datetime', numFmt: '0' }, 'zh')).toBe('0');
    expect(numFmtOf({}, 'zh')).toBeUndefined();
  });
});

describe('a finding’s row', () => {
  // 附件5 prints no 序号: “序号 3” sent the officer looking for a number the duty record does not have.
  const duty: Finding = { rule: 'duty-gap', severity: 'error', form: 5, sheet: '值班记录2', cell: 'D3', row: 3, message: '…', clause: '' };
  const vault: Finding = { ...duty, rule: 'required-field', form: 3, sheet: '出入库登记', cell: 'F6', row: 3 };
  const header: Finding = { ...duty, rule: 'required-field', form: 1, sheet: '交接单', cell: 'C3', row: null };

  it('is a shift on the duty record (第3班 / shift 3), the printed 序号 elsewhere, nothing for a header field', () => {
    expect([duty, vault, header].map((f) => [rowShown(f), rowShown(f, 'en'), rowWords(f), rowWords(f, 'en')])).toEqual([
      ['第3班', 'shift 3', '第3班', 'shift 3'],
      [3, 3, '序号 3', 'No. 3'],
      [null, null, '', ''],
    ]);
  });

  it('is so in 问题清单 and a unit’s own list, under a header that says both', () => {
    const column = FINDING_COLUMNS.find((c) => c.key === 'row')!;
    const siteColumn = SITE_FINDING_COLUMNS.find((c) => c.key === 'place')!;
    expect([column.header, siteColumn.header]).toEqual([
      { zh: '序号/班次', en: 'No. / shift' },
      { zh: '位置', en: 'Where' },
    ]);
    const rows = [duty, vault, header].map((finding) => rowOf(FINDING_COLUMNS, { file: 'a.xlsx', site: '天心考点', finding })[FINDING_COLUMNS.indexOf(column)]);
    expect(rows).toEqual(['第3班', 3, null]);
    expect([duty, vault, header].map((f) => rowOf(SITE_FINDING_COLUMNS, f, 'en')[SITE_FINDING_COLUMNS.indexOf(siteColumn)])).toEqual([
      '值班记录2!D3 shift 3',
      '出入库登记!F6 No. 3',
      '交接单!C3',
    ]);
  });
});

describe('breakLines: a text in lines of a width, for cells that are not wrapped (a 汇总 sheet’s findings)', () => {
  it('breaks Chinese anywhere but before closing punctuation, Latin between words, a short word after a space whole, and at each newline', () => {
    // 10 units: five Chinese characters.
    expect(breakLines('一二三四五六七八九十', 10)).toEqual(['一二三四五', '六七八九十']);
    expect(breakLines('一二三四五，六七', 10)).toEqual(['一二三四五，', '六七']);
    expect(breakLines('the two copies disagree', 10)).toEqual(['the two', 'copies', 'disagree']);
    expect(breakLines('出入库记录!J7 序号 3', 17)).toEqual(['出入库记录!J7', '序号 3']);
    expect(breakLines('一\n二', 10)).toEqual(['一', '二']);
    expect(breakLines('', 10)).toEqual(['']);
    // A word longer than a line is a line of its own.
    expect(breakLines('a verylongwordindeed b', 10)).toEqual(['a', 'verylongwordindeed', 'b']);
    // A Latin word and the Chinese character after it with no space are one word: 2024秋, 5袋.
    expect(breakLines('mostly of 2024秋 (36)', 15)).toEqual(['mostly of', '2024秋 (36)']);
    expect(breakLines('共 12袋', 5)).toEqual(['共', '12袋']);
    expect(breakLines('2024秋', 3)).toEqual(['2024', '秋']);
  });
});
