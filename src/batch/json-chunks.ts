/**
 * Text written in chunks (TextChunks), and on it a 2-space JSON document
 * written in chunks (JsonChunks): the very text of
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

/** As JSON.stringify takes a value: through its toJSON(key), if it has one (a Date). */
function asJson(value: unknown, key: string): unknown {
  const toJSON = value !== null && typeof value === 'object' ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
const hasNoWord = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

const CHUNK_CHARS = 64 * 1024;

/**
 * Text written in chunks of some 64 K characters that end at a line's end
 * (but the last): a report of hundreds of thousands of lines is never one string.
 */
export class TextChunks {
  private buffer = '';
  private emitted = false;

  constructor(private readonly emit: (chunk: string) => void | Promise<void>) {}

  /** Text of the document, as it comes. */
  async put(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length < CHUNK_CHARS) return;
    const cut = this.buffer.lastIndexOf('\n') + 1;
    if (cut === 0) return;
    await this.emit(this.buffer.slice(0, cut));
    this.emitted = true;
    this.buffer = this.buffer.slice(cut);
  }

  /** The rest of the document; an empty document is one empty chunk (printed, one empty line). */
  async end(): Promise<void> {
    if (this.buffer || !this.emitted) await this.emit(this.buffer);
    this.emitted = true;
    this.buffer = '';
  }
}

export class JsonChunks extends TextChunks {
  /**
   * A value after `pad`, its arrays and objects opened `depth` levels deep
   * (an item or member at a time), deeper ones written whole.
   */
  async value(value: unknown, pad: string, depth: number): Promise<void> {
    return this.write(asJson(value, ''), pad, depth);
  }

  /** An array (or items still to come) after `pad`, each item as `value` at `depth`. */
  async array(items: Items<unknown>, pad: string, depth = 0): Promise<void> {
    let index = 0;
    await this.put('[');
    for await (const raw of items) {
      const item = asJson(raw, String(index));
      await this.put(`${index ? ',' : ''}\n${pad}  `);
      // As JSON.stringify: what JSON has no word for is null in an array.
      await this.write(hasNoWord(item) ? null : item, `${pad}  `, depth);
      index++;
    }
    await this.put(index ? `\n${pad}]` : ']');
  }

  /** An object after `pad` from its members (or members still to come), each as `value` at `depth`. */
  async members(members: Items<[string, unknown]>, pad: string, depth = 0): Promise<void> {
    let first = true;
    for await (const [key, raw] of members) {
      const member = asJson(raw, key);
      // As JSON.stringify: a member JSON has no word for is left out of an object.
      if (hasNoWord(member)) continue;
      await this.put(`${first ? '{' : ','}\n${pad}  ${JSON.stringify(key)}: `);
      await this.write(member, `${pad}  `, depth);
      first = false;
    }
    await this.put(first ? '{}' : `\n${pad}}`);
  }

  /** A value whose toJSON, if any, has been called. */
  private async write(value: unknown, pad: string, depth: number): Promise<void> {
    if (depth <= 0 || value === null || typeof value !== 'object') return this.put(nested(value, pad));
    if (Array.isArray(value)) return this.array(value, pad, depth - 1);
    return this.members(Object.entries(value), pad, depth - 1);
  }
}
