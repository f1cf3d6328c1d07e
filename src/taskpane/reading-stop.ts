/**
 * 停止 while files are read (browser face): what the reading gives back when it is stopped, in a module of its own
 * so that the pane's frame (app.ts) can tell it without loading the browser face and its reader.
 */
import type { OpenNote } from './browser-face';

/** The reading was stopped: the files read before are kept (with what opening them did), `notRead` were not read. */
export class ReadingStopped extends Error {
  constructor(
    readonly notes: OpenNote[],
    readonly notRead: number,
  ) {
    super(`stopped: ${notRead} not read`);
    this.name = 'ReadingStopped';
  }
}
