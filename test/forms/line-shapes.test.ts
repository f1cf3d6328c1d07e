/**
 * Review 22c D2, D5: the shapes read-table asks of every row's first text (a label with its colon, a note, a day's
 * heading) backtracked on a long cell — “6月16日” + 600 spaces + “x” stopped a file at 30 s, a note of 32,767
 * characters took seconds, and so did a cell of 32,767 colons (normalised as every text is). Each is now asked in work
 * linear in the cell: the patterns only ever see a short form of it (its first characters, white space runs as one
 * space), the label and the end colons are found by a walk back. The same answers as the patterns before, on every
 * short text (the patterns before are the slow reference here), and the same workbooks read (the existing suites).
 */
import fc from 'fast-check';
import { isLabelWithColon, isNoteLine, isNoteSentence, isSectionLine, shortForm } from '../../src/forms/line-shapes';
import { normalized } from '../../src/forms/sheet-index';
import { normalizeLabel } from '../../src/model/text';
import { patternsRun } from '../patterns-run';

// The patterns before (src/forms/read-table.ts at 5d70c79, round 22's slash dates with them): the slow reference.
const LABEL_WITH_COLON = /[\u4e00-\u9fff][^:：]*[:：]\s*$/;
const NOTE_LINE = /^[(（]?(?:注|说明|附注|注意)[)）]?\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[:：.．、]|^[\u4e00-\u9fff]{1,6}[:：]\s*\S|^(?:以上|上述|本表)/;
const MONTH = '(?:0?[1-9]|1[0-2])';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const SECTION_LINE = new RegExp(
  String.raw`^(?:(?:(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|(?:\d{4}|\d{2})\s*[/.．-]\s*${MONTH}\s*[/.．-]\s*${DAY}|${MONTH}\s*[/／]\s*${DAY}|第\s*[一二三四五六七八九十\d]{1,3}\s*(?:天|日|场|批))\s*(?:(?:星期|周|礼拜)[一二三四五六日天])?\s*(?:(?:上午|下午|晚上|晚间|全天)场?)?\s*(?:[（(][^（()）]{0,12}[）)])?\s*[:：]?$`,
);

/** Texts made of `words`, up to `most` of them. */
const textOf = (words: readonly string[], most: number) => fc.array(fc.constantFrom(...words), { maxLength: most }).map((w) => w.join(''));
const SPACES = [' ', '  ', '\u3000', '\t', '\u00a0'];

describe('the same answers as the patterns before, on short texts', () => {
  test('a label with its colon', () => {
    const words = ['考', '签字', 'a', '1', ':', '：', ...SPACES];
    fc.assert(
      fc.property(textOf(words, 12), (t) => expect(isLabelWithColon(t)).toBe(LABEL_WITH_COLON.test(t))),
      { numRuns: 3000 },
    );
    for (const t of ['收卷人签字：', '收卷人签字： ', '核对人：莫琳桂', 'abc:', '：', '注：a：', '签字:\u3000'])
      expect(isLabelWithColon(t)).toBe(LABEL_WITH_COLON.test(t));
  });

  test('a note', () => {
    const words = [
      '注',
      '说明',
      '附注',
      '注意',
      '(',
      '（',
      ')',
      '）',
      '1',
      '１２',
      '一',
      '十',
      '：',
      ':',
      '.',
      '．',
      '、',
      '以上',
      '本表',
      '核对人',
      'x',
      ...SPACES,
    ];
    fc.assert(
      fc.property(textOf(words, 10), (typed) => {
        const t = typed.trim();
        expect(isNoteLine(t)).toBe(NOTE_LINE.test(t));
      }),
      { numRuns: 5000 },
    );
    for (const t of ['注：6月16日下午无考试', '说明1、…', '（注意） 12 ：x', '核对人：莫琳桂', '以上试卷均密封完好', '岳麓考点：2袋', '注 x'])
      expect(isNoteLine(t)).toBe(NOTE_LINE.test(t));
  });

  test('a day’s heading (white space inside its brackets aside: runs of it count as one there)', () => {
    const words = [
      '6',
      '16',
      '2024',
      '年',
      '月',
      '日',
      '号',
      '六',
      '十',
      '〇二四',
      '第',
      '二',
      '天',
      '场',
      '/',
      '-',
      '．',
      '星期',
      '周',
      '上午',
      '全天',
      '场',
      '（',
      '(',
      '第二天',
      '）',
      ')',
      '：',
      'x',
      ...SPACES,
    ];
    fc.assert(
      fc.property(textOf(words, 12), (typed) => {
        const t = typed.trim();
        fc.pre(!/[（(][^（()）]*\s\s/.test(t));
        expect(isSectionLine(t)).toBe(SECTION_LINE.test(t));
      }),
      { numRuns: 5000 },
    );
    for (const t of [
      '6月22日（第二天）',
      '第二天',
      '6月22日下午',
      '6月16日 星期日',
      '6月16日上午场',
      '2024/6/16',
      '六月十六日（星期日）',
      '6月16日：',
      '第二天：',
      '二〇二四年十二月三十一日 礼拜日 全天场 （第十二场考试时间表内容） ：',
    ]) {
      expect([t, isSectionLine(t)]).toEqual([t, SECTION_LINE.test(t)]);
    }
    // Spaces typed to line it up are white space as before, however many.
    expect(isSectionLine(`6月16日${' '.repeat(300)}上午`)).toBe(true);
  });
});

describe('work bounded on a long cell: one pattern run each, on at most its first 49 characters', () => {
  const long = 100_000;
  test.each([
    ['a heading, then spaces and one more character (D2)', `6月16日${' '.repeat(long)}x`, false],
    ['the same with ideographic spaces', `6月16日${'\u3000'.repeat(long)}x`, false],
    ['a heading with spaces before its session', `6月16日${' '.repeat(long)}上午`, true],
    ['a note’s word, then spaces (D5)', `注${' '.repeat(long)}x`, false],
    ['a note’s word, spaces, its colon', `注${' '.repeat(long)}：`, true],
    ['Chinese with no colon (D5)', '考'.repeat(long), false],
  ] as const)('%s', (_name, text, heading) => {
    const run = patternsRun(() => {
      expect(isSectionLine(text)).toBe(heading && text.startsWith('6'));
      expect(isNoteLine(text)).toBe(heading && text.startsWith('注'));
    });
    expect(run.length).toBeLessThanOrEqual(2);
    expect(run.filter((r) => r.length > 49)).toEqual([]);
  });

  test('a label is found by a walk back from its colon: no pattern at all', () => {
    expect(
      patternsRun(() =>
        expect([isLabelWithColon(`${'考'.repeat(long)}：`), isLabelWithColon('考'.repeat(long)), isLabelWithColon(`${'a'.repeat(long)}:`)]).toEqual([
          true,
          false,
          false,
        ]),
      ),
    ).toEqual([]);
  });

  test('white space is what a pattern’s \\s takes, over every character of the Basic Multilingual Plane', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if ((shortForm(`a${ch}b`, 9) === 'a b') !== /\s/.test(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  test('a short form keeps the first characters with white space runs as one space, one more than asked', () => {
    expect([shortForm(' 注 \u3000 1 ：x', 16), shortForm('6月16日   上午', 6), shortForm('ab  ', 5)]).toEqual([' 注 1 ：x', '6月16日 上', 'ab ']);
  });

  test('the colons a label ends with are taken off by a walk back: 32,767 of them in a cell are no pattern’s work', () => {
    const colons = `${'：'.repeat(32_767)}x`;
    const run = patternsRun(() =>
      expect([normalizeLabel(`日期${'：'.repeat(32_767)}`), normalized(`日期${':'.repeat(40_000)}`).norm]).toEqual(['日期', '日期']),
    );
    expect(run.filter((r) => /^\[?:/.test(r.source) && r.length > 100)).toEqual([]);
    expect(normalizeLabel(colons)).toBe(colons.replace(/：/g, ':'));
  });
});

// Review 24 D6: a note typed without its 注： is a sentence; no paper's name or number, no signer, is written so.
test.each([
  ['李强代赵敏领取3310，陈静在场', true],
  ['3310 由李强代赵敏领取，陈静在场', true],
  ['（3310由李强代赵敏领取）', true],
  ['试卷已全部收回。', false],
  ['试卷已全部收回。另见备注', true],
  ['高等数学基础（上）', false],
  ['管理学基础', false],
  ['3310', false],
  ['赵敏（代）', false],
  ['（空）', false],
  ['(1001)', false],
] as const)('%s: a note’s sentence %p', (text, expected) => {
  expect(isNoteSentence(text)).toBe(expected);
});
