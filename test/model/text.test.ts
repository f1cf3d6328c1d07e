import { parseCount, parseYesNo, splitSigners, toHalfWidth } from '../../src/model/text';

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
  ['三', '三'],
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

test('full-width to half-width', () => {
  expect(toHalfWidth('２０２４：（Ａ１）')).toBe('2024:(A1)');
});
