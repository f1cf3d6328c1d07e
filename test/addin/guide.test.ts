/**
 * The officers' guide reaches them (review 16a D1): `npm run build` renders docs/使用说明.md into one self-contained
 * 使用说明.html beside the offline page, the Excel pane, the WPS pane and in the WPS offline folder, pictures inlined,
 * nothing to fetch; and every face's footer names it, as a link to the file beside it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIST, ROOT, ensureBuilt } from './build';

beforeAll(() => ensureBuilt(), 300_000);

const MARKDOWN = fs.readFileSync(path.join(ROOT, 'docs/使用说明.md'), 'utf8');
const PLACES = ['offline', '.', 'wps', 'wps-offline'];
const guideIn = (dir: string) => fs.readFileSync(path.join(DIST, dir, '使用说明.html'), 'utf8');
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

test.each(PLACES)('dist/%s/使用说明.html is the same one page', (dir) => {
  expect(guideIn(dir)).toBe(guideIn('offline'));
});

test('the guide holds every heading of 使用说明.md, in order, as a heading', () => {
  const wanted = [...MARKDOWN.matchAll(/^(#{1,3}) (.+)$/gm)].map((m) => `h${m[1].length} ${m[2].replace(/`/g, '').replace(/\*\*/g, '')}`);
  const html = guideIn('offline');
  const found = [...html.matchAll(/<(h[1-3]) id="[^"]*">([\s\S]*?)<\/h[1-3]>/g)].map((m) => `${m[1]} ${textOf(m[2])}`);
  expect(found).toEqual(wanted);
  expect(wanted.length).toBeGreaterThan(10);
});

test('nothing in it points outside the file: every picture inlined, no http(s), no ../, no other document', () => {
  const html = guideIn('offline');
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  expect(refs.filter((r) => !r.startsWith('data:image/png;base64,') && !r.startsWith('#'))).toEqual([]);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/\.\.\//);
  expect(html).not.toMatch(/images\//);
  const pictures = [...MARKDOWN.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  expect(refs.filter((r) => r.startsWith('data:image/png')).length).toBe(pictures.length);
  for (const picture of pictures) {
    const data = fs.readFileSync(path.join(ROOT, 'docs', picture)).toString('base64');
    expect({ picture, inlined: html.includes(`src="data:image/png;base64,${data}"`) }).toEqual({ picture, inlined: true });
  }
  // Only what the page holds: its policy allows no fetch but its pictures (data:) and its own style.
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy.split('; ')).toEqual(expect.arrayContaining(["default-src 'none'", 'img-src data:']));
  // The officer is handed this page and the tool, no other document (review 21b D1): it names no .md file to open.
  expect(textOf(html).match(/[\w\u4e00-\u9fff-]+\.md\b/g)).toBeNull();
  expect(MARKDOWN.match(/\]\([^)]*\.md\)/g)).toBeNull();
});

test("the footer says the build's version and that it prints", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(textOf(/<footer>([\s\S]*)<\/footer>/.exec(guideIn('offline'))![1]).trim()).toBe(
    `试卷保密助手 版本 ${version} · 本页可直接打印（Ctrl+P），不联网也能看。`,
  );
});

test.each([
  ['offline/试卷保密助手.html', 'offline'],
  ['taskpane.html', '.'],
  ['index.html', '.'],
  ['wps/taskpane.html', 'wps'],
])("%s's footer links to the guide beside it", (page, dir) => {
  // The pane's pages are minified (attributes unquoted); the offline page is not.
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const footer = /<footer>([\s\S]*?)<\/footer>/.exec(html)![1];
  const links = [...footer.matchAll(/<a\b([^>]*)>([^<]*)<\/a>/g)].map((m) => ({ href: /href="?([^"\s>]*)/.exec(m[1])?.[1], text: m[2] }));
  expect(links).toEqual([{ href: '使用说明.html', text: '使用说明（使用说明.html，与本工具一同发给你）' }]);
  expect(fs.existsSync(path.join(DIST, path.dirname(page), '使用说明.html'))).toBe(true);
  expect(fs.existsSync(path.join(DIST, dir, '使用说明.html'))).toBe(true);
});

test('the WPS offline package carries the guide too (the add-in folder is packed whole)', () => {
  expect(fs.readdirSync(path.join(DIST, 'wps-offline')).sort()).toEqual(expect.arrayContaining(['publish.html', '使用说明.html']));
});
