/**
 * 停止 while files are read (browser face): what the reading gives back when it is stopped, in a module of its own
 * so that the pane's frame (app.ts) can tell it without loading the browser face and its reader.
 */
import type { OpenNote } from './browser-face';
import { countShown } from '../model/count-shown';

/** The reading was stopped: the files read before are kept (with what opening them did), those named in `notRead` were not read. */
export class ReadingStopped extends Error {
  constructor(
    readonly notes: OpenNote[],
    readonly notRead: string[],
  ) {
    super(`stopped: ${notRead.length} not read`);
    this.name = 'ReadingStopped';
  }
}

/** How many names a line lists before it says how many more (a folder of 300 files stopped at the first). */
const NAMES_SHOWN = 5;

/** The files not read, as a line names them: 5 at most, then how many more. */
export function namesShown(names: readonly string[], lang: 'zh' | 'en'): string {
  const shown = names.slice(0, NAMES_SHOWN).join(lang === 'zh' ? '、' : ', ');
  const more = names.length - NAMES_SHOWN;
  if (more <= 0) return shown;
  return lang === 'zh' ? `${shown} 等 ${countShown(names.length)} 个` : `${shown} and ${countShown(more)} more`;
}
