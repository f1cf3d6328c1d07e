/**
 * A memo of a pure function of text: workbooks repeat the same names, times
 * and labels many times over, so each distinct text is worked out once. Kept
 * small — emptied when it reaches its size — because a worker thread of
 * `summary` reads thousands of workbooks whose distinct texts would otherwise
 * pile up (they did: 12 KB a workbook, tens of MB a thread).
 */

/** The size of every memo that was not given its own (setTextMemoSize). */
let sharedSize = 20_000;

/**
 * Sets the size of every memo not given its own, in this thread, the memos
 * made already included: `summary`'s worker threads keep theirs smaller.
 */
export function setTextMemoSize(size: number): void {
  sharedSize = size;
}

export class TextMemo<V> {
  private readonly known = new Map<string, V>();

  constructor(
    private readonly compute: (text: string) => V,
    private readonly size?: number,
  ) {}

  get(text: string): V {
    const hit = this.known.get(text);
    if (hit !== undefined) return hit;
    const value = this.compute(text);
    if (this.known.size >= (this.size ?? sharedSize)) this.known.clear();
    this.known.set(text, value);
    return value;
  }
}
