/**
 * register-session (review 24 D1): a 附件4 made by copying the last session's sheet, its 日期 or 时间 left as it was,
 * passed unseen — 分发登记2 headed 08:30—10:00 over 2045 (10:30—12:00), 分发登记3 dated 6月15日 over 3310 (6月16日).
 * Its valid/invalid table (tester.ts: a valid case gives no finding at all, an invalid one exactly these).
 */
import type { SiteData } from '../../src/model/types';
import { base, findingsFor, modelOf, ruleTester, typeInto } from './tester';
import { validateSite } from '../../src/rules/engine';

/** 岳麓考点's registers: 分发登记1 1001 (6/15 08:30—10:00), 分发登记2 2045 (6/15 10:30—12:00), 分发登记3 3310 (6/16 08:30—10:00). */
const header = (sheet: number, start: string, end?: string) => (d: SiteData) => {
  d.distributions![sheet].start = start;
  d.distributions![sheet].end = end;
};

ruleTester('register-session', {
  valid: [
    { name: '岳麓考点 as filled: each register headed with its paper’s session' },
    { name: 'a 时间 a few minutes off the schedule’s (08:20—10:10 over 1001’s 08:30—10:00)', edit: header(0, '2024-06-15T08:20', '2024-06-15T10:10') },
    {
      name: 'one register for the morning (08:30—12:00) over 1001 and 2045',
      edit: (d) => {
        d.distributions![0].end = '2024-06-15T12:00';
        d.distributions![0].rows!.push(...d.distributions![1].rows!);
        d.distributions!.splice(1, 1);
      },
    },
  ],
  invalid: [
    {
      name: '分发登记2 left headed 08:30—10:00 over 2045 (10:30—12:00): at its 时间',
      edit: header(1, '2024-06-15T08:30', '2024-06-15T10:00'),
      errors: [
        {
          messageId: 'time',
          form: 4,
          sheet: '分发登记2',
          cell: 'I3',
          row: null,
          message:
            /^这张分发登记表表头的时间是 6月15日 08:30—10:00，但表上的试卷 2045 在考试安排里是 6月15日 10:30—12:00 考试，不是这一场。附件4 一场一表；表头的时间可能是从别的场次的登记表复制来后没有改。/,
        },
      ],
    },
    {
      name: '分发登记3 left dated 6月15日 over 3310 (6月16日): at its 日期, whatever its 时间',
      edit: header(2, '2024-06-15T08:30', '2024-06-15T10:00'),
      errors: [
        {
          messageId: 'day',
          form: 4,
          sheet: '分发登记3',
          cell: 'G3',
          row: null,
          message: /^这张分发登记表表头的日期是 6月15日，但表上的试卷 3310 在考试安排里是 6月16日 08:30—10:00 考试，都不在这一天。/,
        },
      ],
    },
    {
      // Its rows' times typed alone are read on the header's day: session-without-register would send the officer to
      // add a register for 3310's session, which is this one.
      name: '分发登记3 dated 6月15日, its rows’ times typed without a date: this finding alone, not session-without-register’s',
      retype: (g) => {
        typeInto(g, '分发登记3', 'G3', new Date(Date.UTC(2024, 5, 15)));
        typeInto(g, '分发登记3', 'F6', '8:05');
        typeInto(g, '分发登记3', 'H6', '10:06');
      },
      errors: [{ messageId: 'day', form: 4, sheet: '分发登记3', cell: 'G3', row: null }],
    },
    {
      // Once session-without-register's too (“no register for 3310's session”): one fact, said once, where it is mended.
      name: '分发登记3 and its row dated 6月17日 (3310 sits 6月16日): at its 日期 alone',
      edit: (d) => {
        const r = d.distributions![2];
        [r.start, r.end] = ['2024-06-17T08:30', '2024-06-17T10:00'];
        [r.rows![0].issuedAt, r.rows![0].returnedAt] = ['2024-06-17T08:05', '2024-06-17T10:06'];
      },
      errors: [{ messageId: 'day', form: 4, sheet: '分发登记3', cell: 'G3', row: null, message: /^这张分发登记表表头的日期是 6月17日，但表上的试卷 3310/ }],
    },
    {
      name: '2045 written on 分发登记1 (08:30—10:00) beside 1001, not on a register of its own: at 2045’s row, the header right for 1001',
      edit: (d) => {
        d.distributions![0].rows!.push({ ...d.distributions![1].rows![0], room: '03' });
        d.distributions!.splice(1, 1);
      },
      errors: [
        {
          messageId: 'row',
          form: 4,
          sheet: '分发登记1',
          cell: 'B8',
          row: 3,
          message: /^试卷 2045 在考试安排里是 6月15日 10:30—12:00 考试，不是这张登记表表头的场次（6月15日 08:30—10:00）。/,
        },
      ],
    },
  ],
});

test('a 日期 that cannot be read (六月半): invalid-datetime’s finding at it, not this rule’s', () => {
  const found = findingsFor({ name: '', edit: header(2, '六月半', '08:30—10:00') }).map((f) => [f.rule, f.sheet, f.cell]);
  expect(found).toEqual([['invalid-datetime', '分发登记3', 'G3']]);
});

test('a 时间 that cannot be read (上午) under the right 日期: judged by its day, so only invalid-datetime’s finding', () => {
  const found = findingsFor({ name: '', retype: (g) => typeInto(g, '分发登记2', 'I3', '上午') }).map((f) => [f.rule, f.sheet, f.cell]);
  expect(found).toEqual([['invalid-datetime', '分发登记2', 'I3']]);
});

test('the same 时间 (上午) under 分发登记3 dated 6月15日: said at its 日期', () => {
  const found = findingsFor({
    name: '',
    retype: (g) => {
      typeInto(g, '分发登记3', 'I3', '上午');
      typeInto(g, '分发登记3', 'G3', new Date(Date.UTC(2024, 5, 15)));
    },
  }).map((f) => [f.rule, f.sheet, f.cell]);
  expect(found).toEqual([
    ['register-session', '分发登记3', 'G3'],
    ['invalid-datetime', '分发登记3', 'I3'],
  ]);
});

test('the date said in English too: “Jun 15”, as the messages’ times are', () => {
  const d = findingsFor({ name: '', edit: header(2, '2024-06-15T08:30', '2024-06-15T10:00') });
  expect(d.map((f) => [f.rule, f.cell])).toEqual([['register-session', 'G3']]);
  const data = base('kaodian');
  header(2, '2024-06-15T08:30', '2024-06-15T10:00')(data);
  const en = validateSite(modelOf(data), { lang: 'en' });
  expect(en.map((f) => f.message)).toEqual([
    'This distribution register is headed with the date Jun 15, but on the exam schedule, paper 3310 on it sits at Jun 16 08:30—10:00: none on that day. 附件4 is one sheet per session, signed on the day; the header may have been copied from another session’s register and not changed. Correct the header’s date to this session’s, as the exam schedule gives it (or check the paper numbers).',
  ]);
});
