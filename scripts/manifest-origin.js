/**
 * The manifest for a deployment: every https://localhost:3000 URL of manifest.xml
 * moved to the origin the add-in is hosted on (ADDIN_ORIGIN, e.g.
 * https://exam.example.edu.cn/custody). Used by webpack.config.js when it copies
 * manifest.xml into dist/, and by the manifest test.
 */
const DEV_ORIGIN = 'https://localhost:3000';

/** Checks and normalises ADDIN_ORIGIN: an https URL without query or fragment; no trailing slash. */
function parseOrigin(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    throw new Error(`ADDIN_ORIGIN 不是网址：${text}（例如 https://exam.example.edu.cn/custody）`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_ORIGIN 必须是 https 网址（Office 只从 https 加载加载项）：${text}`);
  if (url.search || url.hash) throw new Error(`ADDIN_ORIGIN 不能带 ? 或 #：${text}`);
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, domain: url.origin };
}

/** The header the deployed manifest carries instead of the development one (which speaks of port 3000 and sideloading). */
function deployedHeader(base) {
  return [
    '<!--',
    '  试卷保密助手 — Excel add-in manifest (add-in only XML manifest, TaskPaneApp).',
    `  Built by \`ADDIN_ORIGIN=${base} npm run build\`: every URL is on ${base}/, where dist/ is served (docs/部署说明.md).`,
    '  Requirements: ExcelApi 1.1 only (Excel 2016 and later); newer APIs are used only where present.',
    '-->',
  ].join('\n');
}

function manifestFor(xml, originText) {
  if (!originText) return xml;
  const { base, domain } = parseOrigin(originText);
  return xml
    .replace(/<!--[\s\S]*?-->/, deployedHeader(base))
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${domain}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
}

/**
 * The manifest's <Version> from package.json's version (0.1.0 → 0.1.0.0): the
 * version `custody --version`, the WPS package and the pane show, so that IT
 * can tell one build from another, and Office sees each release as an update.
 */
function withVersion(xml, version) {
  const parts = String(version).split(/[.+-]/).slice(0, 3).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`package.json 的 version 不是 x.y.z：${version}`);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${parts.join('.')}.0</Version>`);
}

module.exports = { manifestFor, parseOrigin, withVersion, DEV_ORIGIN };

// `node scripts/manifest-origin.js`: the first step of `npm run build`, so that a wrong ADDIN_ORIGIN stops the build
// before minutes of compiling rather than after, its reason the last line printed. It takes away the manifest of the
// build before (dist/manifest.xml), as docs/部署说明.md 2.2 says: left there, it could be sent out pointing at an old host.
if (require.main === module && process.env.ADDIN_ORIGIN) {
  try {
    parseOrigin(process.env.ADDIN_ORIGIN);
  } catch (e) {
    require('fs').rmSync(require('path').join(__dirname, '..', 'dist', 'manifest.xml'), { force: true });
    console.error(e.message);
    process.exit(1);
  }
}
