/** English counts of one in the singular (“1 bag”, not “1 bags”), every other count as written. */
import { singularOfOne } from '../../src/rules/plural';

describe('singularOfOne', () => {
  it('puts a count of one into the singular, copies → copy', () => {
    expect(singularOfOne('1 bags hold 1 copies for 1 candidates, 1 minutes before, 1 days early')).toBe(
      '1 bag hold 1 copy for 1 candidate, 1 minute before, 1 day early',
    );
  });

  it('leaves 0, 31, 11, 0.1 and 1.5 as written, and a noun that is no count', () => {
    const text = '0 bags, 31 bags, 11 copies, 0.1 hours, 1.5 hours, 2,1 rows, 1 bagsful, bags 1';
    expect(singularOfOne(text)).toBe(text);
  });
});
