/**
 * `node scripts/manifest-origin.js`, the first step of `npm run build`: a wrong ADDIN_ORIGIN stops the build with its
 * reason, and takes away the manifest of the build before (docs/部署说明.md 2.2: “这时 dist/ 里不留任何清单，免得误发旧的”;
 * review 16a D6: it was left, pointing at the old host). Run on a copy of the script, so the real dist/ is not touched.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './build';
import { scratchDir } from '../scratch';

function buildStep(origin: string): { status: number | null; stderr: string; manifestLeft: boolean; otherLeft: boolean } {
  const dir = scratchDir('manifest-origin-');
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.copyFileSync(path.join(ROOT, 'scripts/manifest-origin.js'), path.join(dir, 'scripts/manifest-origin.js'));
  fs.writeFileSync(path.join(dir, 'dist/manifest.xml'), '<OfficeApp>https://old.example.edu.cn/custody</OfficeApp>');
  fs.writeFileSync(path.join(dir, 'dist/taskpane.html'), '<html></html>');
  const run = spawnSync(process.execPath, [path.join(dir, 'scripts/manifest-origin.js')], {
    env: { ...process.env, ADDIN_ORIGIN: origin },
    encoding: 'utf8',
  });
  return {
    status: run.status,
    stderr: run.stderr.trim(),
    manifestLeft: fs.existsSync(path.join(dir, 'dist/manifest.xml')),
    otherLeft: fs.existsSync(path.join(dir, 'dist/taskpane.html')),
  };
}

test.each([
  ['http://exam.example.edu.cn/custody', 'ADDIN_ORIGIN 必须是 https 网址（Office 只从 https 加载加载项）：http://exam.example.edu.cn/custody'],
  ['https://exam.example.edu.cn/custody?x=1', 'ADDIN_ORIGIN 不能带 ? 或 #：https://exam.example.edu.cn/custody?x=1'],
])('a refused ADDIN_ORIGIN %s stops with its reason and leaves no manifest in dist/', (origin, reason) => {
  expect(buildStep(origin)).toEqual({ status: 1, stderr: reason, manifestLeft: false, otherLeft: true });
});

test('a good ADDIN_ORIGIN goes on to the build: the manifest is left for webpack to replace', () => {
  expect(buildStep('https://exam.example.edu.cn/custody')).toEqual({ status: 0, stderr: '', manifestLeft: true, otherLeft: true });
});
