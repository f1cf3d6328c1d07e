/**
 * TextMemo: each text worked out once while the memo holds it; emptied when
 * full, at its own size or at the size every other memo of the thread shares
 * (`summary`'s worker threads set a smaller one).
 */
import { TextMemo, setTextMemoSize } from '../../src/model/memo';

/** A memo of text → its length that records each text it had to work out. */
function counted(size?: number) {
  const computed: string[] = [];
  const memo = new TextMemo((text) => (computed.push(text), text.length), size);
  return { memo, computed };
}

afterEach(() => setTextMemoSize(20_000));

describe('TextMemo', () => {
  it('works a text out once while it holds it', () => {
    const { memo, computed } = counted();
    expect(['甲', '乙', '甲', '甲', '乙'].map((t) => memo.get(t))).toEqual([1, 1, 1, 1, 1]);
    expect(computed).toEqual(['甲', '乙']);
  });

  it('is emptied when it reaches the shared size, set for memos made before too', () => {
    const { memo, computed } = counted();
    setTextMemoSize(2);
    for (const t of ['a', 'bb', 'a', 'ccc', 'a', 'bb']) memo.get(t);
    // Full with a and bb: ccc empties it, so a and then bb are worked out again.
    expect(computed).toEqual(['a', 'bb', 'ccc', 'a', 'bb']);
  });

  it('keeps its own size whatever the shared one', () => {
    const { memo, computed } = counted(3);
    setTextMemoSize(1);
    for (const t of ['a', 'b', 'c', 'a', 'b', 'c']) memo.get(t);
    expect(computed).toEqual(['a', 'b', 'c']);
  });
});
