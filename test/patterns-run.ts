/** What regular expressions run while some work runs: for the tests that bound the work of a pattern (review 22c). */

/** Every pattern run (exec, and test, match, replace through it) while `work` runs: its source, flags and the length of the text it was given. */
export function patternsRun(work: () => void): Array<{ source: string; flags: string; length: number }> {
  const exec = RegExp.prototype.exec;
  const seen: Array<{ source: string; flags: string; length: number }> = [];
  const spy = jest.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, text: string) {
    seen.push({ source: this.source, flags: this.flags, length: String(text).length });
    return exec.call(this, text);
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return seen;
}
