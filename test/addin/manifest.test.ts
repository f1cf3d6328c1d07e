/**
 * The manifest, checked offline (office-addin-manifest validate needs
 * Microsoft's online service): well-formed XML, elements in the schema's
 * order, a GUID id, https URLs only, every resid defined with the right kind,
 * and every URL, icon and page present in the build. Also what the build
 * must hold: the CUSTODY functions' metadata, the pages, the CSP, and an
 * Office bundle without exceljs.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DIST, ROOT, ensureBuilt } from './build';
import { XmlElement, child, parseXml, walk } from './xml';
import { scratchDir } from '../scratch';

const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

beforeAll(() => ensureBuilt(), 300_000);

/** OfficeApp's children, in the order the TaskPaneApp schema (1.1) requires. */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];
const OFFICE_APP_REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions'];

function inOrder(names: string[], order: string[]): void {
  let last = -1;
  for (const n of names) {
    const at = order.indexOf(n);
    expect({ element: n, known: at >= 0 }).toEqual({ element: n, known: true });
    expect({ element: n, afterPrevious: at > last }).toEqual({ element: n, afterPrevious: true });
    last = at;
  }
}

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  const root = parseXml(MANIFEST);

  test('is well formed, a TaskPaneApp in the 1.1 namespace', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
  });

  test('the parser does reject what is not well formed', () => {
    expect(() => parseXml('<?xml version="1.0"?><a><b></a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0"?><a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<?xml version="1.0"?><a>&</a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0"?><a/><b/>')).toThrow();
    expect(() => parseXml('<?xml version="1.0"?><a>')).toThrow();
  });

  test('elements in the documented order, the required ones present', () => {
    const names = root.children.map((c) => c.name);
    inOrder(names, OFFICE_APP_ORDER);
    for (const r of OFFICE_APP_REQUIRED) expect(names).toContain(r);
    const vo = child(root, 'VersionOverrides')!;
    inOrder(
      vo.children.map((c) => c.name),
      ['Description', 'Requirements', 'Hosts', 'Resources', 'EquivalentAddins', 'VersionOverrides'],
    );
    const host = child(child(vo, 'Hosts')!, 'Host')!;
    inOrder(
      host.children.map((c) => c.name),
      ['AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
    );
    inOrder(
      child(host, 'DesktopFormFactor')!.children.map((c) => c.name),
      ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
    );
    inOrder(
      child(vo, 'Resources')!.children.map((c) => c.name),
      ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
    );
    const cf = child(child(host, 'AllFormFactors')!, 'ExtensionPoint')!;
    expect(cf.attrs['xsi:type']).toBe('CustomFunctions');
    inOrder(
      cf.children.map((c) => c.name),
      ['Script', 'Page', 'Metadata', 'Namespace'],
    );
  });

  test('a GUID id, a four-part version, Excel as host, ReadWriteDocument', () => {
    expect(child(root, 'Id')!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(root, 'Version')!.text.trim()).toMatch(/^\d+(\.\d+){0,3}$/);
    // The version `custody --version` and the WPS package carry, so that IT can tell builds apart.
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(child(root, 'Version')!.text.trim()).toBe(`${version}.0`);
    expect(fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8')).toContain(`<Version>${version}.0</Version>`);
    expect(child(child(root, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
    expect(child(root, 'Permissions')!.text.trim()).toBe('ReadWriteDocument');
    expect(child(root, 'DisplayName')!.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(root, 'Description')!.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  test('every URL is https', () => {
    const urls: string[] = [];
    walk(root, (el) => {
      for (const [k, v] of Object.entries(el.attrs)) if (/^(DefaultValue|Value)$/.test(k) && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      if (el.name === 'AppDomain') urls.push(el.text.trim());
    });
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  test('every resid is defined, with the right kind of resource, and ids are unique', () => {
    const vo = child(root, 'VersionOverrides')!;
    const resources = child(vo, 'Resources')!;
    const defined: Record<string, Map<string, XmlElement>> = {};
    for (const group of resources.children) {
      const map = new Map<string, XmlElement>();
      for (const item of group.children) {
        expect(map.has(item.attrs.id)).toBe(false);
        map.set(item.attrs.id, item);
      }
      defined[group.name] = map;
    }
    const allIds = Object.values(defined).flatMap((m) => [...m.keys()]);
    expect(new Set(allIds).size).toBe(allIds.length);
    const used = new Set<string>();
    walk(vo, (el, parents) => {
      const resid = el.attrs.resid;
      if (!resid) return;
      used.add(resid);
      const parent = parents[parents.length - 1]?.name;
      let kind: string;
      if (el.name === 'bt:Image') kind = 'bt:Images';
      else if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.name)) kind = 'bt:Urls';
      else if (el.name === 'Description' && (parent === 'Supertip' || parent === 'GetStarted')) kind = 'bt:LongStrings';
      else kind = 'bt:ShortStrings';
      expect({ resid, kind, defined: defined[kind]?.has(resid) ?? false }).toEqual({ resid, kind, defined: true });
    });
    for (const id of allIds) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
    for (const s of defined['bt:ShortStrings'].values()) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of defined['bt:LongStrings'].values()) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    expect(defined['bt:ShortStrings'].get('Functions.Namespace')!.attrs.DefaultValue).toBe('CUSTODY');
  });

  test('every URL, page and icon it names is produced by the build', () => {
    const files: string[] = [];
    walk(root, (el) => {
      for (const v of Object.values(el.attrs)) {
        const m = /^https:\/\/localhost:3000\/([^?#]*)/.exec(v);
        if (m) files.push(m[1] || 'index.html');
      }
    });
    expect(new Set(files)).toEqual(
      new Set([
        'assets/icon-16.png',
        'assets/icon-32.png',
        'assets/icon-64.png',
        'assets/icon-80.png',
        'taskpane.html',
        'functions.js',
        'functions.json',
        'functions.html',
        'commands.html',
      ]),
    );
    for (const f of files) expect({ f, exists: fs.existsSync(path.join(DIST, f)) }).toEqual({ f, exists: true });
    walk(root, (el) => {
      if (el.name === 'bt:Image' && el.attrs.DefaultValue) {
        const size = Number(/icon-(\d+)\.png/.exec(el.attrs.DefaultValue)![1]);
        const id = el.attrs.id;
        expect(pngSize(path.join(DIST, `assets/icon-${size}.png`))).toEqual([size, size]);
        if (id) expect(id).toBe(`Icon.${size}x${size}`);
      }
    });
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual([size, size]);
  });
});

describe("Microsoft's manifest schema (XSD, offline with xmllint)", () => {
  const SCHEMA = path.join(ROOT, 'test/schemas/office-manifest/OfficeAppManifestV1_1.xsd');
  const xmllint = (file: string) => execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' });
  const { manifestFor } = require('../../scripts/manifest-origin') as { manifestFor: (xml: string, origin?: string) => string };

  test('manifest.xml validates', () => {
    expect(() => xmllint(path.join(ROOT, 'manifest.xml'))).not.toThrow();
  });

  test('ADDIN_ORIGIN moves every URL to the deployment host, and the result validates', () => {
    type Config = { plugins?: Array<{ patterns?: Array<{ from: string; transform?: (c: Buffer) => string }> }> };
    // webpack.config.js builds the Excel add-in and the WPS add-in: the manifest is copied by one of them.
    const configs = ([] as Config[]).concat(require('../../webpack.config.js')({}, { mode: 'production' }));
    const pattern = configs
      .flatMap((c) => c.plugins ?? [])
      .flatMap((p) => p.patterns ?? [])
      .find((p) => p.from === 'manifest.xml')!;
    const saved = process.env.ADDIN_ORIGIN;
    process.env.ADDIN_ORIGIN = 'https://exam.example.edu.cn/custody';
    let built: string;
    try {
      built = pattern.transform!(Buffer.from(MANIFEST));
    } finally {
      if (saved === undefined) delete process.env.ADDIN_ORIGIN;
      else process.env.ADDIN_ORIGIN = saved;
    }
    expect(built).not.toMatch(/localhost/);
    expect(built).toContain('<AppDomain>https://exam.example.edu.cn</AppDomain>');
    expect(built).toContain('<SourceLocation DefaultValue="https://exam.example.edu.cn/custody/taskpane.html?host=office" />');
    const urls = [...built.matchAll(/="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBe(MANIFEST.match(/="https:[^"]+"/g)!.length);
    for (const u of urls) expect(u.startsWith('https://exam.example.edu.cn/custody/')).toBe(true);
    const file = path.join(scratchDir('manifest-'), 'manifest.xml');
    fs.writeFileSync(file, built);
    expect(() => xmllint(file)).not.toThrow();
    expect(manifestFor(MANIFEST, 'https://exam.example.edu.cn/custody/')).toBe(built);
    expect(manifestFor(MANIFEST, undefined)).toBe(MANIFEST);
  });

  test('a wrong ADDIN_ORIGIN is refused in one line', () => {
    expect(() => manifestFor(MANIFEST, 'http://exam.example.edu.cn')).toThrow(
      'ADDIN_ORIGIN 必须是 https 网址（Office 只从 https 加载加载项）：http://exam.example.edu.cn',
    );
    expect(() => manifestFor(MANIFEST, 'exam server')).toThrow('ADDIN_ORIGIN 不是网址：exam server（例如 https://exam.example.edu.cn/custody）');
  });

  test('installs on Excel 2016 and later: ExcelApi 1.1 is its only requirement', () => {
    expect([...MANIFEST.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['ExcelApi 1.1']);
  });

  test('the schema catches what it should: an element out of order fails', () => {
    const broken = MANIFEST.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1');
    expect(broken).not.toBe(MANIFEST);
    const file = path.join(scratchDir('manifest-'), 'broken.xml');
    fs.writeFileSync(file, broken);
    expect(() => xmllint(file)).toThrow();
  });
});

test('office-addin-manifest reads it (its offline `info`; `npm run validate` is the online check)', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/office-addin-manifest/cli.js'), 'info', 'manifest.xml'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(out).toContain('Id: 3bf7c695-89ca-4a40-b8db-65140583df86');
  expect(out).toContain('Type: TaskPaneApp');
  expect(out).toContain('Hosts: Workbook');
  expect(out).toContain('Source Location: https://localhost:3000/taskpane.html?host=office');
});

describe('the build', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  test('functions.json declares the four CUSTODY functions; functions.js associates them', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as {
      functions: Array<{ id: string; name: string; parameters: Array<{ name: string; optional?: boolean }> }>;
    };
    const byId = Object.fromEntries(meta.functions.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(['COPIES', 'DATETIME', 'PACK', 'SIGNERS']);
    expect(byId.COPIES.parameters.map((p) => p.name)).toEqual(['b31', 'b26', 'b11', 'b5']);
    expect(byId.PACK.parameters.map((p) => p.name)).toEqual(['copies']);
    expect(byId.DATETIME.parameters[1]).toMatchObject({ name: 'year', optional: true });
    const js = fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8');
    for (const id of Object.keys(byId)) expect(js).toContain(`CustomFunctions.associate("${id}"`);
    expect(fs.readFileSync(path.join(DIST, 'functions.html'), 'utf8')).toMatch(/<script[^>]+src="?[^" >]*functions\.js/);
  });

  test('the pane pages: CSP connect-src self, no Office.js <script> (loaded only inside Office)', () => {
    for (const page of ['taskpane.html', 'index.html']) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp).toMatch(/connect-src 'self'(;|$)/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).not.toMatch(/unsafe-eval/);
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc).not.toMatch(/unsafe-inline|\*|data:|blob:/);
      expect(/form-action 'none'/.test(csp) && /object-src 'none'/.test(csp)).toBe(true);
      expect(html).not.toMatch(/<script[^>]+appsforoffice/);
      expect(html).toMatch(/<script[^>]+src="?[^" >]*taskpane\.js/);
      expect(html).toContain('taskpane.css');
    }
  });

  test('templates.json holds every committed template, base64, the whole workbook first', () => {
    const { templates } = JSON.parse(fs.readFileSync(path.join(DIST, 'templates.json'), 'utf8')) as {
      templates: Array<{ file: string; sheets: string[]; base64: string }>;
    };
    const committed = fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => f.endsWith('.xlsx'));
    expect(templates.map((t) => t.file).sort()).toEqual(committed.sort());
    expect(templates[0].sheets.length).toBe(8);
    for (const t of templates) expect(Buffer.from(t.base64, 'base64').equals(fs.readFileSync(path.join(ROOT, 'templates', t.file)))).toBe(true);
  });

  test('the Office path does not carry exceljs; the browser face loads it on demand', () => {
    const officePath = ['taskpane.js', 'office-face.chunk.js'].map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'));
    for (const js of officePath) {
      expect(js).not.toMatch(/exceljs|ExcelJS|xlsx\.load|writeBuffer/);
    }
    const chunks = fs.readdirSync(DIST).filter((f) => f.endsWith('.chunk.js'));
    expect(chunks.some((f) => /exceljs|xlsx\.load|writeBuffer/.test(fs.readFileSync(path.join(DIST, f), 'utf8')))).toBe(true);
    // exceljs alone is some 900 KB minified: the pane's own code (readers and rules, growing with them: 449 KB at stop
    // 50, 462 KB with stop 51's readings of other layouts, shared formulas and error values, 502 KB with stop 53's 49
    // rules, the preview as the sheet shows it and the summary's 未能读取, 567 KB with stop 56's handover papers compared,
    // formulas filled down, the summary's causes and the linear row shapes; 622 KB with stop 59's counts per paper,
    // totals over unread rows, set-aside counts and stacked copies' lost headers; 665 KB with stop 63's notes beside
    // counts, rows that say where a bag went and a 本部考点 in the summary) stays well below.
    expect(fs.statSync(path.join(DIST, 'taskpane.js')).size).toBeLessThan(700_000);
  });
});
