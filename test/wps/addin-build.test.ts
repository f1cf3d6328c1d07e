/**
 * The built WPS add-in (dist/wps, dist/wps-offline) as WPS and its publish
 * page take it: ribbon.xml well formed with no XML declaration (it must start
 * with <customUI), the 试卷保密 tab and its three buttons; every callback it
 * names defined, synchronously, by the entry page's script; the buttons open
 * one task pane and hand the work to it; the publish pages and the offline
 * package present.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { COMMAND_KEY, PANE_ID_KEY, decodeCommand } from '../../src/wps/commands';
import { DIST, ensureBuilt } from '../addin/build';
import { XmlElement, parseXml, walk } from '../addin/xml';
import { FakeApplication } from './fake-et';

const WPS = path.join(DIST, 'wps');
const OFFLINE = path.join(DIST, 'wps-offline');
const CALLBACK_ATTRIBUTES = /^(onLoad|onAction|get[A-Z]\w*|onChange)$/;

beforeAll(() => ensureBuilt(), 600_000);

function ribbon(): { source: string; root: XmlElement } {
  const source = fs.readFileSync(path.join(WPS, 'ribbon.xml'), 'utf8');
  return { source, root: parseXml(source, { declaration: 'forbidden' }) };
}

/** The entry page's scripts run as WPS runs them, in a window of their own. */
function loadEntryPage(app?: FakeApplication): Record<string, unknown> {
  const html = fs.readFileSync(path.join(WPS, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
  expect(scripts).toEqual(['ribbon.js']);
  expect(/\b(defer|async)\b/.test(html.match(/<script\b[^>]*>/)![0])).toBe(false);
  const win: Record<string, unknown> = { location: { href: 'https://intranet.example/custody-wps/index.html' }, alert: () => undefined, Application: app };
  win.window = win;
  const context = vm.createContext(win);
  for (const src of scripts) vm.runInContext(fs.readFileSync(path.join(WPS, src), 'utf8'), context);
  return win;
}

test('ribbon.xml: no XML declaration, well formed, the 试卷保密 tab with 打开助手 · 校验 · 清除标记', () => {
  const { source, root } = ribbon();
  expect(source.startsWith('<customUI')).toBe(true);
  expect(root.name).toBe('customUI');
  expect(root.attrs.onLoad).toBe('OnAddinLoad');
  const tabs: XmlElement[] = [];
  const buttons: XmlElement[] = [];
  walk(root, (el) => {
    if (el.name === 'tab') tabs.push(el);
    if (el.name === 'button') buttons.push(el);
  });
  expect(tabs.map((t) => t.attrs.label)).toEqual(['试卷保密']);
  expect(buttons.map((b) => [b.attrs.id, b.attrs.label, b.attrs.onAction])).toEqual([
    ['btnOpenPane', '打开助手', 'OnAction'],
    ['btnValidate', '校验', 'OnAction'],
    ['btnClearMarks', '清除标记', 'OnAction'],
  ]);
  expect(() => parseXml(`<?xml version="1.0"?>${source}`, { declaration: 'forbidden' })).toThrow('an XML declaration');
});

test('every callback ribbon.xml names is a function the entry page defines', () => {
  const { root } = ribbon();
  const names = new Set<string>();
  walk(root, (el) => {
    for (const [attr, value] of Object.entries(el.attrs)) if (CALLBACK_ATTRIBUTES.test(attr)) names.add(value);
  });
  expect([...names].sort()).toEqual(['GetImage', 'OnAction', 'OnAddinLoad']);
  const win = loadEntryPage();
  for (const name of names) expect({ name, type: typeof win[name] }).toEqual({ name, type: 'function' });
  expect(fs.existsSync(path.join(WPS, String((win.GetImage as (c: unknown) => string)({ Id: 'btnOpenPane' }))))).toBe(true);
});

test('the buttons answer synchronously, open one pane beside the add-in and leave the command for it', () => {
  const app = new FakeApplication({ sheets: [{ name: 'Sheet1', cells: {}, merges: [] }] });
  const win = loadEntryPage(app);
  const ribbonUI = { Invalidate: () => undefined };
  expect((win.OnAddinLoad as (r: unknown) => unknown)(ribbonUI)).toBe(true);
  const onAction = win.OnAction as (c: { Id: string }) => unknown;
  expect(onAction({ Id: 'btnValidate' })).toBe(true);
  expect(app.panes).toEqual([{ url: 'https://intranet.example/custody-wps/taskpane.html', visible: true, dock: 2 }]);
  const storage = (app as unknown as { PluginStorage: { getItem(k: string): string | null } }).PluginStorage;
  expect(storage.getItem(PANE_ID_KEY)).toBe('1');
  const first = decodeCommand(storage.getItem(COMMAND_KEY));
  expect(first?.command).toBe('check');
  expect(onAction({ Id: 'btnClearMarks' })).toBe(true);
  expect(app.panes).toHaveLength(1);
  const second = decodeCommand(storage.getItem(COMMAND_KEY));
  expect(second?.command).toBe('clear');
  expect(second!.serial).toBeGreaterThan(first!.serial);
});

test('the pane, its templates and the publish pages are in the build; the offline package holds the add-in', () => {
  for (const file of ['taskpane.html', 'taskpane.js', 'taskpane.css', 'assets/icon-32.png', 'publish.html']) {
    expect({ file, present: fs.existsSync(path.join(WPS, file)) }).toEqual({ file, present: true });
  }
  const pane = fs.readFileSync(path.join(WPS, 'taskpane.html'), 'utf8');
  expect(pane).toMatch(/<script\b[^>]*src="?taskpane\.js/);
  const online = fs.readFileSync(path.join(WPS, 'publish.html'), 'utf8');
  expect(online).not.toContain('/*ADDON*/ null');
  expect(online).toContain('"name":"custody-assistant"');
  expect(online).toContain('"offline":false');
  const packages = fs.readdirSync(OFFLINE).filter((f) => /^custody-assistant_\d+\.\d+\.\d+\.(7z|zip)$/.test(f));
  expect(packages).toHaveLength(1);
  const bytes = fs.readFileSync(path.join(OFFLINE, packages[0]));
  // 7z signature "7z\xBC\xAF\x27\x1C" (the publish page checks the package starts with "7z"); zip "PK".
  expect(bytes.subarray(0, 2).toString('latin1')).toBe(packages[0].endsWith('.7z') ? '7z' : 'PK');
  const offline = fs.readFileSync(path.join(OFFLINE, 'publish.html'), 'utf8');
  expect(offline).toContain(`"package":"${packages[0]}"`);
  expect(offline).toContain('"offline":true');
});
