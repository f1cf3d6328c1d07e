/**
 * A tiny zip writer for crafting hostile packages: entries as given (already
 * deflated or stored), sizes declared as we choose, names as we choose, and a
 * deflate stream of zeros of any length made in milliseconds.
 */
import { crc32, inflateRawSync } from 'zlib';

export interface RawEntry {
  name: string;
  /** The bytes written: deflated (method 8) or stored (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size declared in the headers (the truth, unless lying). */
  declaredSize: number;
  /** The CRC-32 written: by default the true one of what the data inflates to (0 for data that does not inflate within 80 MB). */
  crc?: number;
  flags?: number;
}

/** The CRC-32 of what an entry's data stands for (the reader checks it), or 0 when it is not a sound deflate stream of at most 80 MB. */
function trueCrc(e: RawEntry): number {
  if (e.method === 0) return crc32(e.data);
  try {
    return crc32(inflateRawSync(e.data, { maxOutputLength: 80 * 1024 * 1024 }));
  } catch {
    return 0;
  }
}

export function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const crc = e.crc ?? trueCrc(e);
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function storedCrc(data: Uint8Array): number {
  return crc32(data);
}

/**
 * A raw deflate stream that inflates to `prefix` (ASCII) and then `bytes` more
 * copies of its last character: one fixed-Huffman block, the prefix as
 * literals, then matches of length 258 at distance 1 (13 bits each), so about
 * 1 byte of stream per 160 bytes inflated, made in milliseconds.
 */
export function repeatBomb(prefix: string, bytes: number): Uint8Array {
  const matches = Math.ceil(Math.max(0, bytes) / 258);
  const out = new Uint8Array(Math.ceil((3 + 9 * prefix.length + matches * 13 + 7) / 8) + 2);
  let bit = 0;
  // Huffman codes are written most significant bit first; header fields least significant first.
  const put = (value: number, length: number, msbFirst: boolean) => {
    for (let i = 0; i < length; i++) {
      const b = msbFirst ? (value >> (length - 1 - i)) & 1 : (value >> i) & 1;
      if (b) out[bit >> 3] |= 1 << (bit & 7);
      bit++;
    }
  };
  put(1, 1, false); // BFINAL
  put(1, 2, false); // BTYPE = 01, fixed Huffman
  for (const ch of prefix) {
    const c = ch.charCodeAt(0);
    if (c > 143) throw new Error('ASCII prefix only');
    put(0x30 + c, 8, true);
  }
  // One match: length 258 (code 285 = 11000101), distance 1 (code 0 = 00000): 13 bits.
  // Eight of them are 104 bits = 13 bytes: lay that run out byte by byte at the current bit offset.
  const groups = Math.floor(matches / 8);
  if (groups > 0) {
    const pattern = new Uint8Array(14);
    let p = 0;
    for (let i = 0; i < 8; i++) {
      for (const [v, l] of [
        [0b11000101, 8],
        [0, 5],
      ] as const) {
        for (let k = 0; k < l; k++) {
          if ((v >> (l - 1 - k)) & 1) pattern[p >> 3] |= 1 << (p & 7);
          p++;
        }
      }
    }
    const first = bit >> 3;
    const shift = bit & 7;
    for (let g = 0; g < groups; g++) {
      const at = first + g * 13;
      for (let k = 0; k < 13; k++) {
        const v = pattern[k] << shift;
        out[at + k] |= v & 0xff;
        out[at + k + 1] |= v >> 8;
      }
    }
    bit += groups * 104;
  }
  for (let i = groups * 8; i < matches; i++) {
    put(0b11000101, 8, true);
    put(0, 5, true);
  }
  put(0, 7, true); // end of block (256 = 0000000)
  return out.subarray(0, (bit + 7) >> 3);
}
