/* eslint-disable @typescript-eslint/no-var-requires */
/**
 * Builds the Excel add-in into dist/ (beside the CLI's dist/src, which tsc
 * writes first and this build never cleans away):
 *   taskpane.html + taskpane.js   the pane (Office path; exceljs not in it)
 *   browser-face.chunk.js         the browser face, loaded by import() only without Office (holds exceljs)
 *   functions.html/.js/.json      CUSTODY.* custom functions (metadata generated from JSDoc)
 *   commands.html/.js             the ribbon's function file
 *   templates.json                the committed templates/*.xlsx, base64, for 表单
 *   read-worker.js                the browser face's reader and marker, run in a Web Worker
 *   offline/试卷保密助手.html       the browser face in one self-contained file for file:// (scripts/offline-page.js)
 *   使用说明.html, offline/使用说明.html  the officers' guide in one self-contained page (scripts/guide-page.js)
 *   assets/icon-*.png, taskpane.css, manifest.xml
 */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { DefinePlugin, sources } = require('webpack');
const { manifestFor, withVersion } = require('./scripts/manifest-origin');
const { OfflinePagePlugin } = require('./scripts/offline-page');
const { GuidePagePlugin } = require('./scripts/guide-page');

const ROOT = __dirname;
const TEMPLATES_DIR = path.join(ROOT, 'templates');
/** The whole site workbook first (its name is SITE_WORKBOOK_NAME in src/cli/template.ts), then 附件1–5. */
const SITE_WORKBOOK = '试卷保密工作簿（全套）.xlsx';

function xmlText(s) {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Sheet names of an .xlsx, from xl/workbook.xml. */
async function sheetNames(buffer) {
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('xl/workbook.xml').async('string');
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => xmlText(m[1]));
}

/** Emits templates.json: every committed template, base64-encoded for insertWorksheetsFromBase64. */
class TemplatesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('TemplatesPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'TemplatesPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          if (!fs.existsSync(TEMPLATES_DIR)) {
            compilation.errors.push(new Error('templates/ is missing: run `custody template -o templates`'));
            return;
          }
          const files = fs
            .readdirSync(TEMPLATES_DIR)
            .filter((f) => f.endsWith('.xlsx') && !f.startsWith('~$'))
            .sort((a, b) => (a === SITE_WORKBOOK ? -1 : b === SITE_WORKBOOK ? 1 : a.localeCompare(b, 'zh')));
          if (files.length === 0) compilation.errors.push(new Error('templates/ holds no .xlsx: run `custody template -o templates`'));
          const templates = [];
          for (const file of files) {
            const full = path.join(TEMPLATES_DIR, file);
            compilation.fileDependencies.add(full);
            const buffer = fs.readFileSync(full);
            templates.push({ file, name: file.replace(/\.xlsx$/, ''), sheets: await sheetNames(buffer), base64: buffer.toString('base64') });
          }
          compilation.contextDependencies.add(TEMPLATES_DIR);
          compilation.emitAsset('templates.json', new sources.RawSource(JSON.stringify({ templates })));
        },
      );
    });
  }
}

function devServerHttps() {
  // office-addin-dev-certs makes and trusts a localhost certificate (npx office-addin-dev-certs install).
  try {
    const certs = require('office-addin-dev-certs');
    const dir = certs.defaultCertificateDirectory || path.join(require('os').homedir(), '.office-addin-dev-certs');
    const cert = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    const ca = path.join(dir, 'ca.crt');
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) } };
    }
  } catch {
    // fall through
  }
  return 'https';
}

/** The Excel add-in, the browser face and the custom functions; the WPS add-in is webpack.wps.js. */
function addinConfig(env, argv) {
  const dev = argv.mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    context: ROOT,
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      // Each one file, no import() chunks: the offline page inlines both, then drops offline.js.
      'read-worker': { import: './src/taskpane/read-worker.ts', asyncChunks: false },
      offline: { import: './src/taskpane/offline.ts', asyncChunks: false },
    },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].chunk.js',
      publicPath: 'auto',
      // dist/src holds the CLI build: never clean dist wholesale.
      clean: false,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
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
              // ES modules, so that import() splits the browser face (and exceljs) into its own chunk.
              compilerOptions: { module: 'esnext', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // The pane's footer says the build's version (src/taskpane/i18n.ts APP_VERSION).
      new DefinePlugin({ __CUSTODY_VERSION__: JSON.stringify(require('./package.json').version) }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      // The same pane at the site root, for the browser face.
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'functions.html', template: './src/functions/functions.html', chunks: ['functions'], scriptLoading: 'blocking' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'blocking' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // ADDIN_ORIGIN=https://host/path npm run build: the manifest for that host (docs/部署说明.md).
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => withVersion(manifestFor(content.toString('utf8'), process.env.ADDIN_ORIGIN), require('./package.json').version) },
        ],
      }),
      new TemplatesPlugin(),
      new OfflinePagePlugin({
        entry: 'offline',
        worker: 'read-worker',
        template: path.join(ROOT, 'src/taskpane/taskpane.html'),
        css: path.join(ROOT, 'src/taskpane/taskpane.css'),
        icon: path.join(ROOT, 'assets/icon-32.png'),
        output: 'offline/试卷保密助手.html',
      }),
      // The officers' guide beside the pane (served with it) and beside the offline page (handed out with it).
      new GuidePagePlugin({
        markdown: path.join(ROOT, 'docs/使用说明.md'),
        version: require('./package.json').version,
        outputs: [path.join(ROOT, 'dist'), path.join(ROOT, 'dist/offline')],
      }),
    ],
    performance: {
      // The browser face carries exceljs (~1 MB) by design; the Office path is checked by test/addin/build.test.ts.
      hints: false,
    },
    devServer: {
      static: { directory: path.join(ROOT, 'dist') },
      port: 3000,
      server: devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
}

module.exports = (env, argv) => {
  // A build that stops (a wrong ADDIN_ORIGIN) must not leave the last build's manifest beside new pages to be sent out.
  fs.rmSync(path.join(ROOT, 'dist', 'manifest.xml'), { force: true });
  return [addinConfig(env, argv), require('./webpack.wps.js')(env, argv)];
};
