/**
 * What 部署说明 and 使用说明 state about the tool, checked against the tool (review 16a D2, D5): the offline CLI kit's
 * `npm install -g .` skips the package's scripts (its `prepare` builds, and the kit has no build tools); what stays on
 * the machine is named as the code names it: the page's two settings, the JSON's and the summary's file names.
 */
import * as fs from 'fs';
import * as path from 'path';
import { t } from '../../src/taskpane/i18n';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const DEPLOY = read('docs/部署说明.md');
const GUIDE = read('docs/使用说明.md');

test("the offline kit's npm install -g . skips the scripts: package.json's prepare builds, and the kit has no tsc", () => {
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  expect(pkg.scripts.prepare).toBe('npm run build:cli');
  const kit = DEPLOY.slice(DEPLOY.indexOf('### 3.1'));
  const installs = [...kit.matchAll(/npm install -g \.[^`]*/g)].map((m) => m[0]);
  expect(installs).toEqual(['npm install -g . --ignore-scripts']);
  const update = DEPLOY.slice(DEPLOY.indexOf('### 2.6'), DEPLOY.indexOf('## 3.'));
  expect(update).toContain('整个替换旧的，再在其中运行一次 `npm install -g . --ignore-scripts`');
});

test('the page keeps in localStorage exactly the two settings the docs name', () => {
  const sources = ['src/taskpane/app.ts', 'src/taskpane/live-view.ts'].map(read).join('\n');
  const keys = [...sources.matchAll(/const (?:LANG|LIVE)_KEY = '([^']+)'/g)].map((m) => m[1]).sort();
  expect(keys).toEqual(['custody.lang', 'custody.live']);
  const setters = ['src/taskpane', 'src/wps'].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...read(path.join(dir, f)).matchAll(/\.setItem\((\w+)/g)].map((m) => `${dir}/${f} ${m[1]}`)),
  );
  // The pane's two settings; in WPS, the ribbon's pane id and command (PluginStorage), as 1.2 says.
  expect(setters.sort()).toEqual([
    'src/taskpane/app.ts LANG_KEY',
    'src/taskpane/live-view.ts LIVE_KEY',
    'src/wps/ribbon.ts COMMAND_KEY',
    'src/wps/ribbon.ts PANE_ID_KEY',
    'src/wps/taskpane.ts DONE_KEY',
  ]);
  expect(DEPLOY).toContain('界面语言（`custody.lang`）');
  expect(DEPLOY).toContain('“编辑后自动重新校验”是否勾着（`custody.live`）');
});

test('the files left behind are named as the tool names them', () => {
  expect(GUIDE).toContain(`**导出校验结果**（“${t('zh', 'findingsFile')}”）`);
  expect(GUIDE).toContain(`**合并汇总**（“${t('zh', 'consolidatedFile')}”）`);
  expect(read('src/cli/summary.ts')).toContain("const DEFAULT_SUMMARY_NAME = '试卷保管汇总.xlsx';");
  expect(GUIDE).toContain('`custody summary` 不带 `-o` 时，当前文件夹里的“试卷保管汇总.xlsx”');
  expect(DEPLOY).toContain('`custody summary` 不带 `-o` 时在当前文件夹写出 `试卷保管汇总.xlsx`');
});
