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

function manifestFor(xml, originText) {
  if (!originText) return xml;
  const { base, domain } = parseOrigin(originText);
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${domain}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
}

module.exports = { manifestFor, parseOrigin, DEV_ORIGIN };
