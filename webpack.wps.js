/* eslint-disable @typescript-eslint/no-var-requires */
/**
 * Builds the WPS add-in (WPS加载项 for WPS Spreadsheets) into dist/wps/:
 *   ribbon.xml                the 试卷保密 tab (no XML declaration: WPS wants it to start with <customUI)
 *   index.html + ribbon.js    the entry page: the ribbon's synchronous global callbacks
 *   taskpane.html + .js       the same pane as Excel's, with the WPS host
 *   taskpane.css, assets/ (the forms are drawn from their drafts: no templates.json to fetch)
 *   publish.html              registers the add-in served from this folder (online mode)
 *   使用说明.html               the officers' guide (scripts/guide-page.js), linked from the pane's footer
 * and the offline package into dist/wps-offline/: NAME_VERSION.7z (7-Zip from
 * the 7zip-bin package; a .zip when it cannot run) with its own publish.html and the guide.
 * Compiled for ES2017: WPS on UOS/Kylin embeds an older Chromium.
 */
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');
const { DefinePlugin } = require('webpack');
const { renderGuide, GUIDE_FILE } = require('./scripts/guide-page');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist', 'wps');
const OFFLINE = path.join(ROOT, 'dist', 'wps-offline');
const ADDON = { name: pkg.name, version: pkg.version };
const PACKAGE_BASE = `${ADDON.name}_${ADDON.version}`;

function publishPage(offline, packageFile) {
  const template = fs.readFileSync(path.join(ROOT, 'src/wps/publish.html'), 'utf8');
  const marker = '/*ADDON*/ null';
  if (!template.includes(marker)) throw new Error('src/wps/publish.html has lost its /*ADDON*/ marker');
  return template.replace(marker, JSON.stringify({ ...ADDON, offline, package: packageFile }));
}

/** The add-in folder as one archive: 7z when 7-Zip runs, else zip (see docs/部署说明-WPS.md). */
async function packageAddin(files) {
  try {
    const sevenZip = require('7zip-bin').path7za;
    try {
      fs.chmodSync(sevenZip, 0o755);
    } catch {
      // read-only install: try as it is
    }
    const archive = path.join(OFFLINE, `${PACKAGE_BASE}.7z`);
    execFileSync(sevenZip, ['a', '-t7z', '-mx=7', '-bd', archive, ...files], { cwd: OUT, stdio: 'pipe' });
    return path.basename(archive);
  } catch (error) {
    console.warn(`WPS offline package: 7-Zip unavailable (${error.message.split('\n')[0]}); writing a .zip instead`);
    const JSZip = require('jszip');
    const zip = new JSZip();
    const add = (rel) => {
      const full = path.join(OUT, rel);
      if (fs.statSync(full).isDirectory()) fs.readdirSync(full).forEach((f) => add(path.join(rel, f)));
      else zip.file(rel.split(path.sep).join('/'), fs.readFileSync(full));
    };
    files.forEach(add);
    const archive = path.join(OFFLINE, `${PACKAGE_BASE}.zip`);
    fs.writeFileSync(archive, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return path.basename(archive);
  }
}

class WpsPublishPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('WpsPublishPlugin', async (compilation) => {
      fs.writeFileSync(path.join(OUT, 'publish.html'), publishPage(false));
      const markdown = path.join(ROOT, 'docs/使用说明.md');
      compilation.fileDependencies.add(markdown);
      const guide = await renderGuide(fs.readFileSync(markdown, 'utf8'), { docsDir: path.dirname(markdown), version: pkg.version });
      // In the add-in's folder (and so in the package), and beside the package for the 考点 it is sent to.
      fs.writeFileSync(path.join(OUT, GUIDE_FILE), guide);
      fs.rmSync(OFFLINE, { recursive: true, force: true });
      fs.mkdirSync(OFFLINE, { recursive: true });
      fs.writeFileSync(path.join(OFFLINE, GUIDE_FILE), guide);
      const files = fs.readdirSync(OUT).filter((f) => f !== 'publish.html' && !f.endsWith('.map'));
      const archive = await packageAddin(files);
      fs.writeFileSync(path.join(OFFLINE, 'publish.html'), publishPage(true, archive));
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    name: 'wps',
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    context: ROOT,
    target: ['web', 'es2017'],
    entry: {
      ribbon: './src/wps/ribbon.ts',
      taskpane: './src/wps/taskpane.ts',
    },
    output: { path: OUT, filename: '[name].js', publicPath: 'auto', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.join(ROOT, 'tsconfig.json'),
              onlyCompileBundledFiles: true,
              instance: 'wps',
              compilerOptions: { module: 'esnext', target: 'es2017', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // The pane's footer says the build's version (src/taskpane/i18n.ts APP_VERSION).
      new DefinePlugin({ __CUSTODY_VERSION__: JSON.stringify(pkg.version) }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['ribbon'], scriptLoading: 'blocking', inject: 'head' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
        ],
      }),
      new WpsPublishPlugin(),
    ],
    performance: { hints: false },
  };
};
