/**
 * Which 备注 strike a row out (forms/voided.ts isVoidNote). 作废 followed by a colon or bracket and a count or
 * 无 (作废：0份, 作废（2份）, 作废：无) is how an officer notes the spoilt papers of a correct row, not the row
 * struck out: such a row was left out of the record and every check and total.
 */
import { isVoidNote } from '../../src/forms/voided';

describe('isVoidNote', () => {
  test.each([['作废'], ['此行作废'], ['已作废'], ['本行已作废。'], ['作废（误登，见第4行）'], ['作废(重复登记)'], ['作废，见下行'], [' 作废 ']])(
    '%p strikes the row out',
    (note) => expect(isVoidNote(note)).toBe(true),
  );

  test.each([
    ['作废卷2份已退回'],
    ['作废试卷另封'],
    ['无作废'],
    ['作废0份'],
    ['作废：0份'],
    ['作废:2份，已退回'],
    ['作废（2份）'],
    ['作废(1袋)'],
    ['作废：无'],
    ['作废：没有'],
    ['作废，零份'],
    ['作废：二份'],
    ['作废：1'],
  ])('%p names spoilt papers: the row stays', (note) => expect(isVoidNote(note)).toBe(false));
});
