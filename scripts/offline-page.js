/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Builds the offline page: one self-contained HTML file (dist/offline/试卷保密助手.html)
 * that works opened by double-click from file:// on a computer with no network.
 * Everything is inlined: the browser face's script (the `offline` entry, which
 * bundles exceljs and never calls import()), the reading worker (started from a
 * Blob URL: file:// pages may not load worker scripts), the styles, the icon and
 * the templates (base64, as templates.json holds them). Its Content-Security-Policy
 * allows nothing outside the file: scripts and styles by hash, the worker from
 * blob:, images from data:/blob:, and no connection at all (connect-src 'none').
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { sources, Compilation } = require('webpack');

const NAME = 'OfflinePagePlugin';

/** Raw text inside <script>/<style> ends at "</script"; "<!--" changes how it is parsed. \x3C is "<" in JS strings, templates and regexes. */
function inlineSafe(text) {
  const safe = text.replace(/<\/(script|style)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
  if (/<\/script|<\/style|<!--/i.test(safe)) throw new Error(`${NAME}: cannot inline text holding </script or <!--`);
  return safe;
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function csp(scriptHashes, styleHashes) {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    'worker-src blob:',
    `style-src ${styleHashes.join(' ')}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

class OfflinePagePlugin {
  /**
   * @param {{ entry: string, worker: string, template: string, css: string, icon: string, output: string }} options
   *   entry/worker: webpack entry names; template: the pane's HTML; css, icon: files; output: the page's path in dist/.
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { entry, worker, template, css, icon, output } = this.options;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, () => {
        const text = (name) => {
          const asset = compilation.getAsset(name);
          if (!asset) throw new Error(`${NAME}: ${name} was not built`);
          return asset.source.source().toString();
        };
        for (const file of [template, css, icon]) compilation.fileDependencies.add(file);
        const withoutMap = (js) => js.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
        const script = inlineSafe(withoutMap(text(`${entry}.js`)));
        const workerScript = inlineSafe(withoutMap(text(`${worker}.js`)));
        const templates = text('templates.json').replace(/</g, '\\u003c');
        const style = inlineSafe(fs.readFileSync(css, 'utf8'));
        const iconUri = `data:image/png;base64,${fs.readFileSync(icon).toString('base64')}`;
        const licenses = compilation.getAsset(`${entry}.js.LICENSE.txt`);

        let html = fs.readFileSync(template, 'utf8');
        const policy = html.search(/<meta http-equiv="Content-Security-Policy"[^>]*>/);
        if (policy < 0) throw new Error(`${NAME}: no Content-Security-Policy in ${template}`);
        const comment = html.lastIndexOf('<!--', policy);
        const start = comment >= 0 && !html.slice(comment, policy).includes('<meta') ? comment : policy;
        const end = html.indexOf('>', policy) + 1;
        html = html.slice(0, start) + `<meta http-equiv="Content-Security-Policy" content="${csp([sha256(script)], [sha256(style)])}" />` + html.slice(end);
        html = html
          .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${iconUri}" />`)
          .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`)
          .replace(/<img src="assets\/[^"]*"/g, `<img src="${iconUri}"`)
          .replace(
            '</body>',
            () =>
              `<script type="application/json" id="custody-templates">${templates}</script>\n` +
              `<script type="text/plain" id="custody-read-worker">${workerScript}</script>\n` +
              `<script>${script}</script>\n</body>`,
          );
        if (licenses) {
          const notice = licenses.source.source().toString().replace(/--/g, '- -');
          html = html.replace('<head>', () => `<!-- 试卷保密助手（离线版）. Third-party licences:\n${notice}\n-->\n<head>`);
          compilation.deleteAsset(`${entry}.js.LICENSE.txt`);
        }
        // Marked minimized: webpack's minimizer would rewrite it after the hashes in its policy were taken.
        compilation.emitAsset(output, new sources.RawSource(html), { minimized: true });
        compilation.deleteAsset(`${entry}.js`);
        if (compilation.getAsset(`${entry}.js.map`)) compilation.deleteAsset(`${entry}.js.map`);
      });
    });
  }
}

module.exports = { OfflinePagePlugin };
