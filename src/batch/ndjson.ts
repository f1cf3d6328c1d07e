/**
 * Node only: the NDJSON files of the spooled consolidation (spool.ts), written
 * and read in large pieces: one system call per line, or a line reader over a
 * text stream, cost more than the lines' own work.
 */
import { promises as fs, readSync, writeSync } from 'fs';

/**
 * Lines of an NDJSON file, parsed, one at a time: read in large chunks and cut
 * at the newline bytes (a UTF-8 newline is never part of another character),
 * each line decoded once — a line reader over a text stream cost several times more.
 */
export async function* readLines<T>(file: string): AsyncGenerator<T> {
  const handle = await fs.open(file, 'r');
  // The start of a line not ended yet, as read: joined once its end comes. (Joined
  // at each read, a line of 100 MB — a file's 300,000 findings — was copied a hundred times.)
  let begun: Buffer[] = [];
  const parse = (bytes: Buffer, start: number, end: number): T => {
    if (begun.length === 0) return JSON.parse(bytes.toString('utf8', start, end)) as T;
    const line = Buffer.concat([...begun, bytes.subarray(start, end)]);
    begun = [];
    return JSON.parse(line.toString('utf8')) as T;
  };
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(1024 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      for (let end = chunk.indexOf(10, start); end >= 0; end = chunk.indexOf(10, start)) {
        if (end > start || begun.length) yield parse(chunk, start, end);
        start = end + 1;
      }
      if (start < chunk.length) begun.push(chunk.subarray(start));
    }
    if (begun.length) yield parse(Buffer.alloc(0), 0, 0);
  } finally {
    await handle.close();
  }
}

/** Bytes appended to an open file a few hundred KB at a time (one write per line cost a call to the disk per line). */
export class SpoolWriter {
  private readonly buffer = Buffer.allocUnsafe(256 * 1024);
  private used = 0;
  /** Bytes added so far: where the next line starts in the file. */
  written = 0;

  constructor(readonly fd: number) {}

  add(bytes: Uint8Array): void {
    this.written += bytes.length;
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length >= this.buffer.length) writeAll(this.fd, bytes);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
  }

  flush(): void {
    if (this.used) writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/** The line of `size` bytes at `at` in an open NDJSON file, parsed. */
export function readLineAt<T>(fd: number, at: number, size: number): T {
  const bytes = Buffer.allocUnsafe(size);
  for (let got = 0; got < size;) {
    const n = readSync(fd, bytes, got, size - got, at + got);
    if (n === 0) throw new Error('spool file ended early');
    got += n;
  }
  return JSON.parse(bytes.toString('utf8')) as T;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}
