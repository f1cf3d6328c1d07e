import {
  CANDIDATE_RELATIVE_WORDS,
  FORMAL_STAFF_WORDS,
  PLEDGE_WORDS,
  parseCount,
  parseYesNo,
  readYesNo,
  splitSigners,
  toHalfWidth,
  unitOfCount,
} from '../../src/model/text';

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
  // Words around a count say nothing of it: 共/合计/总计/计 before, 整 after, a note in brackets after.
  ['共5袋', 5],
  ['共五袋', 5],
  ['合计五袋', 5],
  ['合计：5袋', 5],
  ['总计 12 袋', 12],
  ['一共三袋', 3],
  ['计5袋', 5],
  ['五袋整', 5],
  ['共5袋整', 5],
  ['5袋（含补考1袋）', 5],
  ['共5袋（含补考1袋）', 5],
  ['48人（含补考5人）', 48],
  ['1箱（内装5袋）', 1],
  ['共1箱5袋', 1],
  // Still no count: an estimate, a range, a fraction, words; a lead or a note alone.
  ['约5袋', '约5袋'],
  ['共约5袋', '共约5袋'],
  ['5袋左右', '5袋左右'],
  ['5-6袋', '5-6袋'],
  ['共若干袋', '共若干袋'],
  ['共20.5袋', 20.5],
  ['共', '共'],
  ['（5袋）', '（5袋）'],
  ['2（件）', '2（件）'],
  ['整', '整'],
  // A note after a comma that says it is part of the count (含, 其中, 包括) is read as the note in brackets.
  ['5袋，含补考1袋', 5],
  ['5袋, 其中补考1袋', 5],
  ['共5袋；含补考1袋', 5],
  ['5袋、包括补考1袋', 5],
  ['5袋 含补考1袋', 5],
  ['五袋整，含补考1袋', 5],
  ['5袋，含补考1袋，正考4袋', 5],
  ['48人，其中补考5人', 48],
  ['1箱，内含5袋', 1],
  // After a comma without those words it may be a second count: still no count.
  ['5袋，6袋', '5袋，6袋'],
  ['5袋，补考1袋', '5袋，补考1袋'],
  ['5袋，6袋，含补考1袋', '5袋，6袋，含补考1袋'],
  ['约5袋，含补考1袋', '约5袋，含补考1袋'],
  ['，含5袋', '，含5袋'],
  ['', undefined],
  [null, undefined],
])('count %p', (value, expected) => {
  expect(parseCount(value)).toEqual(expected);
});

test.each([
  ['3袋', '袋'],
  ['共3箱', '箱'],
  ['合计五份整', '份'],
  ['5袋（含补考1袋）', '袋'],
  ['1箱（内装5袋）', '箱'],
  ['共1箱5袋', '箱'],
  ['5袋，含补考1袋', '袋'],
  ['1箱，含5袋', '箱'],
  ['3', undefined],
])('unit of count %p', (value, unit) => {
  expect(unitOfCount(value)).toBe(unit);
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
  ['待签', PLEDGE_WORDS, false],
  ['尚未交', PLEDGE_WORDS, false],
  ['待签', FORMAL_STAFF_WORDS, undefined],
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
