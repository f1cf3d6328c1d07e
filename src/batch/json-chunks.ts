/**
 * A 2-space JSON document written in chunks: the very text of
 * `JSON.stringify(value, null, 2)`, never held whole. A report of hundreds of
 * thousands of findings (a vault log of 150,000 half-filled rows) was one
 * string of some 250 MB, and as much again once encoded for standard output.
 *
 * Chunks end at a line's end (but the last), so that a line-based printer
 * (`CliIO.out`, which ends what it prints with a newline) prints the document
 * as it is.
 */

/** `JSON.stringify(value, null, 2)` as it reads nested in a 2-space document, after `pad`. */
export const nested = (value: unknown, pad: string): string => (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${pad}`);

type Items<T> = AsyncIterable<T> | Iterable<T>;

const CHUNK_CHARS = 64 * 1024;

export class JsonChunks {
  private buffer = '';

  constructor(private readonly emit: (chunk: string) => void | Promise<void>) {}

  /** Text of the document, as it comes. */
  async put(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length < CHUNK_CHARS) return;
    const cut = this.buffer.lastIndexOf('\n') + 1;
    if (cut === 0) return;
    await this.emit(this.buffer.slice(0, cut));
    this.buffer = this.buffer.slice(cut);
  }

  /**
   * A value after `pad`, its arrays and objects opened `depth` levels deep
   * (an item or member at a time), deeper ones written whole.
   */
  async value(value: unknown, pad: string, depth: number): Promise<void> {
    if (depth <= 0 || value === null || typeof value !== 'object') return this.put(nested(value, pad));
    if (Array.isArray(value)) return this.array(value, pad, depth - 1);
    return this.object(value as Record<string, unknown>, pad, depth - 1);
  }

  /** An array (or items still to come) after `pad`, each item as `value` at `depth`. */
  async array(items: Items<unknown>, pad: string, depth = 0): Promise<void> {
    let first = true;
    await this.put('[');
    for await (const item of items) {
      await this.put(`${first ? '' : ','}\n${pad}  `);
      // As JSON.stringify: what JSON has no word for is null in an array.
      await this.value(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, `${pad}  `, depth);
      first = false;
    }
    await this.put(first ? ']' : `\n${pad}]`);
  }

  private async object(value: Record<string, unknown>, pad: string, depth: number): Promise<void> {
    if (typeof value.toJSON === 'function') return this.put(nested(value, pad));
    return this.members(Object.entries(value), pad, depth);
  }

  /** An object after `pad` from its members (or members still to come), each as `value` at `depth`. */
  async members(members: Items<[string, unknown]>, pad: string, depth = 0): Promise<void> {
    let first = true;
    for await (const [key, member] of members) {
      // As JSON.stringify: a member JSON has no word for is left out of an object.
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      await this.put(`${first ? '{' : ','}\n${pad}  ${JSON.stringify(key)}: `);
      await this.value(member, `${pad}  `, depth);
      first = false;
    }
    await this.put(first ? '{}' : `\n${pad}}`);
  }

  /** The rest of the document. */
  async end(): Promise<void> {
    if (this.buffer) await this.emit(this.buffer);
    this.buffer = '';
  }
}
