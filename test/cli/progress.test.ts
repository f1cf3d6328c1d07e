/**
 * The progress bar of `summary` and `validate`: drawn only on a terminal and
 * from 20 files on (a report piped into a file stays clean); cli-progress
 * itself draws it (seen under a pseudo-terminal: `script -qc "custody
 * validate DIR"`).
 */
import { memoryIO } from '../../src/cli/io';
import { progressBar } from '../../src/cli/progress';

const WHAT = { zh: '校验', en: 'Checking' };

test('no bar when standard error is not a terminal, or for fewer than 20 files', async () => {
  expect(await progressBar(memoryIO(), 3000, WHAT)).toBeUndefined();
  expect(await progressBar({ ...memoryIO(), interactive: true }, 19, WHAT)).toBeUndefined();
});

test('a bar from 20 files on a terminal, updated and stopped', async () => {
  const bar = await progressBar({ ...memoryIO(), interactive: true }, 20, WHAT, 'en');
  expect(bar).toBeDefined();
  bar!.update(20);
  bar!.stop();
});
