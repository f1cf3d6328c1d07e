import { isDittoMark } from '../../src/model/people';

test.each([
  ['同上', true],
  ['同 上', true],
  ['同左', true],
  ['仝上', true],
  ['〃', true],
  ['〃〃', true],
  ['″', true],
  ['＂', true],
  ['"', true],
  ['上同', false],
  ['同上海', false],
  ['李强', false],
  ['', false],
  [null, false],
])('ditto mark %p: %p', (signature, ditto) => {
  expect(isDittoMark(signature)).toBe(ditto);
});
