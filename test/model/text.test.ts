import { CANDIDATE_RELATIVE_WORDS, FORMAL_STAFF_WORDS, PLEDGE_WORDS, parseCount, parseYesNo, readYesNo, splitSigners, toHalfWidth } from '../../src/model/text';

test.each([
  ['张三、李四', ['张三', '李四']],
  ['张三，李四', ['张三', '李四']],
  ['张三,李四', ['张三', '李四']],
  ['张三/李四', ['张三', '李四']],
  ['张三 李四', ['张三', '李四']],
  ['张三　李四', ['张三', '李四']],
  ['张三；李四、王五', ['张三', '李四', '王五']],
  [' 张三 ', ['张三']],
])('signers %s', (text, names) => {
  expect(splitSigners(text)).toEqual(names);
});

test.each([
  [3, 3],
  ['3', 3],
  ['３', 3],
  ['3袋', 3],
  ['3 份', 3],
  ['2.5', 2.5],
  ['-1', -1],
  ['三', 3],
  ['十二袋', 12],
  ['若干', '若干'],
  ['', undefined],
  [null, undefined],
])('count %p', (value, expected) => {
  expect(parseCount(value)).toEqual(expected);
});

test.each([
  ['是', true],
  ['否', false],
  ['√', true],
  ['×', false],
  [true, true],
  ['不详', undefined],
])('yes/no %p', (value, expected) => {
  expect(parseYesNo(value)).toBe(expected);
});

test.each([
  ['在编', FORMAL_STAFF_WORDS, true],
  ['事业编', FORMAL_STAFF_WORDS, true],
  ['是（在编）', FORMAL_STAFF_WORDS, true],
  ['在编(事业)', FORMAL_STAFF_WORDS, true],
  ['临聘', FORMAL_STAFF_WORDS, false],
  ['劳务派遣', FORMAL_STAFF_WORDS, false],
  ['是（编外）', FORMAL_STAFF_WORDS, undefined],
  ['已签', FORMAL_STAFF_WORDS, undefined],
  ['无亲属', CANDIDATE_RELATIVE_WORDS, false],
  ['没有', CANDIDATE_RELATIVE_WORDS, false],
  ['非', CANDIDATE_RELATIVE_WORDS, false],
  ['已签', CANDIDATE_RELATIVE_WORDS, undefined],
  ['在编', CANDIDATE_RELATIVE_WORDS, undefined],
  ['已签字', PLEDGE_WORDS, true],
  ['签了', PLEDGE_WORDS, true],
  ['没签', PLEDGE_WORDS, false],
  ['未签', PLEDGE_WORDS, false],
  ['在编', PLEDGE_WORDS, undefined],
  ['已签', undefined, undefined],
])('yes/no %p in its column', (value, words, expected) => {
  expect(parseYesNo(value, words)).toBe(expected);
});

test.each([
  ['在编', true],
  [1, true],
  ['不详', '不详'],
  ['—', '—'],
  [' 临时 ', '临时'],
  ['', undefined],
  [null, undefined],
])('a roster 是/否 %p reads as %p (what says neither, as typed)', (value, expected) => {
  expect(readYesNo(value, FORMAL_STAFF_WORDS)).toBe(expected);
});

test('full-width to half-width', () => {
  expect(toHalfWidth('２０２４：（Ａ１）')).toBe('2024:(A1)');
});
