/**
 * A memo of a pure function of text: workbooks repeat the same names, times
 * and labels many times over, so each distinct text is worked out once. Kept
 * small — emptied when it reaches its size — because a worker thread of
 * `summary` reads thousands of workbooks whose distinct texts would otherwise
 * pile up (they did: 12 KB a workbook, tens of MB a thread).
 */
export class TextMemo<V> {
  private readonly known = new Map<string, V>();

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit = 20_000,
  ) {}

  get(text: string): V {
    const hit = this.known.get(text);
    if (hit !== undefined) return hit;
    const value = this.compute(text);
    if (this.known.size >= this.limit) this.known.clear();
    this.known.set(text, value);
    return value;
  }
}
