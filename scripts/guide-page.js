/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Builds the officers' guide as one self-contained page: docs/使用说明.md rendered
 * (by `marked`) into 使用说明.html, its pictures inlined as data: URIs, so that the
 * page reads and prints from file:// with no network and nothing beside it. Links
 * to the other documents (部署说明.md, rules.md) are kept as their words only: the
 * officer is not given those files. The build puts it beside the offline page, the
 * Excel pane, the WPS pane and the WPS offline folder (docs/部署说明.md §1
 * 发给各单位的文件), and every face's footer links to it.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const NAME = 'GuidePagePlugin';
const GUIDE_FILE = '使用说明.html';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const STYLE = `
body { font: 15px/1.7 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #1f1f1f; max-width: 60em; margin: 0 auto; padding: 1.5em 1.2em 3em; }
h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .3em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #bbb; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.5em; }
code { font-family: Consolas, "Noto Sans Mono CJK SC", monospace; background: #f3f3f3; padding: 0 .25em; border-radius: 3px; }
pre { background: #f3f3f3; padding: .6em .8em; overflow-x: auto; white-space: pre-wrap; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: .8em 0; }
th, td { border: 1px solid #999; padding: .25em .5em; vertical-align: top; }
th { background: #eee; }
img { max-width: 100%; border: 1px solid #ccc; }
nav.toc { border: 1px solid #ccc; padding: .4em 1em; margin: 1em 0 2em; }
nav.toc ul { margin: .3em 0; padding-left: 1.2em; list-style: none; }
footer { margin-top: 3em; border-top: 1px solid #ccc; color: #666; font-size: .9em; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  img { max-height: 240mm; width: auto; }
  img, tr, pre { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 18mm 15mm; }
`;

/**
 * The guide's HTML from its Markdown. `docsDir` is where the Markdown's relative
 * picture paths start; `version` goes in the footer. Throws on a picture that is
 * missing or not local: the page must stand alone.
 */
async function renderGuide(markdown, { docsDir, version }) {
  const { Marked } = await import('marked');
  const headings = [];
  const slugs = new Map();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        const plain = text.replace(/<[^>]*>/g, '');
        let id = `s-${plain.replace(/[\s.·、（）()“”"'：:，,]+/g, '-').replace(/^-+|-+$/g, '')}`;
        const seen = slugs.get(id) ?? 0;
        slugs.set(id, seen + 1);
        if (seen) id += `-${seen + 1}`;
        if (depth === 2) headings.push({ id, text: plain });
        return `<h${depth} id="${escapeHtml(id)}">${text}</h${depth}>\n`;
      },
      image({ href, text }) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.includes('..')) {
          throw new Error(`${NAME}: the guide's picture ${href} is not a file under docs/`);
        }
        const file = path.join(docsDir, decodeURI(href));
        if (!fs.existsSync(file)) throw new Error(`${NAME}: the guide's picture ${href} is missing`);
        const type = path.extname(file).toLowerCase() === '.png' ? 'image/png' : 'image/jpeg';
        const uri = `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
        return `<img src="${uri}" alt="${escapeHtml(text)}" />`;
      },
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        // Within the page only: another document is not handed to the officer, so its name stays as words.
        return href.startsWith('#') ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
      },
    },
  });
  // A line break inside a Chinese sentence is no space (the Markdown wraps its lines); outside <pre> only.
  const CJK = '[\\u2e80-\\u9fff\\uff00-\\uffef\\u3000-\\u303f“”‘’…—]';
  const joined = new RegExp(`(${CJK})\\n(${CJK})`, 'g');
  const body = marked
    .parse(markdown)
    .split(/(<pre>[\s\S]*?<\/pre>)/)
    .map((part) => (part.startsWith('<pre>') ? part : part.replace(joined, '$1$2')))
    .join('');
  const toc = `<nav class="toc"><strong>目录</strong><ul>${headings
    .map((h) => `<li><a href="#${escapeHtml(h.id)}">${h.text}</a></li>`)
    .join('')}</ul></nav>\n`;
  const firstH2 = body.indexOf('<h2');
  const content = firstH2 >= 0 ? body.slice(0, firstH2) + toc + body.slice(firstH2) : body;
  const policy = ["default-src 'none'", `style-src ${sha256(STYLE)}`, 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${policy}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>试卷保密助手 使用说明</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}</main>
<footer><p>试卷保密助手 版本 ${escapeHtml(version)} · 本页可直接打印（Ctrl+P），不联网也能看。</p></footer>
</body>
</html>
`;
}

/** Writes the rendered guide into each folder (absolute paths), with webpack's file watching on its sources. */
class GuidePagePlugin {
  /** @param {{ markdown: string, version: string, outputs: string[] }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { markdown, version, outputs } = this.options;
    compiler.hooks.afterEmit.tapPromise(NAME, async (compilation) => {
      const docsDir = path.dirname(markdown);
      compilation.fileDependencies.add(markdown);
      compilation.contextDependencies.add(path.join(docsDir, 'images'));
      const html = await renderGuide(fs.readFileSync(markdown, 'utf8'), { docsDir, version });
      for (const dir of outputs) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, GUIDE_FILE), html);
      }
    });
  }
}

module.exports = { GuidePagePlugin, renderGuide, GUIDE_FILE };
