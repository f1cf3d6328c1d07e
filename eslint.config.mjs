// ESLint (flat config): typescript-eslint, Microsoft's Office add-in rules (with Prettier),
// and the import boundaries that keep the layers of the project:
//
//   src/model  ← src/forms, src/rules  ← src/summary, src/check  ← faces
//   (faces: src/cli, src/batch, src/io, src/taskpane, src/functions, src/commands, src/wps)
//
// The core (model, forms, rules, summary, check, demo) imports no face, no Node built-in
// and no xlsx/zip library; Office.js (the `Office` and `Excel` globals) is used only by its
// adapter (src/io/office-*) and the faces that run inside Office.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import { builtinModules } from 'node:module';

const FACES = ['cli', 'batch', 'io', 'taskpane', 'functions', 'commands', 'wps'];
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const XLSX_LIBRARIES = ['exceljs', 'jszip', 'fflate', 'saxes', 'yauzl', 'piscina', 'cli-progress', 'commander'];

/** Relative-import patterns that reach into the given src folders, from any depth below src/. */
const folders = (names) => names.flatMap((n) => [`../${n}`, `../${n}/*`, `../../${n}`, `../../${n}/*`]);

const restrict = (files, forbiddenFolders, message, { node = true } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [...(node ? NODE_BUILTINS : []), ...XLSX_LIBRARIES].map((name) => ({ name, message: `${message} (no Node or xlsx library in the core)` })),
        patterns: [{ group: folders(forbiddenFolders), message }],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'Office', message: 'Office.js belongs to src/io/office-* and the Office faces.' },
      { name: 'Excel', message: 'Office.js belongs to src/io/office-* and the Office faces.' },
    ],
  },
});

const CORE = ['model', 'forms', 'rules', 'summary', 'check', 'demo'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'templates/**', 'test-artifacts/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  // Microsoft's Office add-in rules and Prettier, on the project's own typescript-eslint
  // (the plugin carries an older copy of its own, which ESLint would refuse to load twice).
  ...officeAddins.configs.recommended.map(({ plugins, languageOptions, ...config }) => ({
    ...config,
    ...(plugins ? { plugins: Object.fromEntries(Object.entries(plugins).filter(([name]) => name !== '@typescript-eslint')) } : {}),
    ...(languageOptions ? { languageOptions: { ...languageOptions, parser: tseslint.parser } } : {}),
  })),
  {
    files: ['**/*.ts'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // A file a reader can hold in mind: split past 500 lines.
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
      // TypeScript checks names itself (typescript-eslint's advice).
      'no-undef': 'off',
    },
  },
  // The Office rules read `load`/`sync` patterns: they apply to Office.js code only
  // (elsewhere `cell.value` is exceljs's, and they would misfire).
  {
    files: ['**/*.ts'],
    ignores: ['src/io/office-*.ts', 'src/taskpane/office-face.ts', 'src/functions/**/*.ts', 'src/commands/**/*.ts'],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, 'off'])),
  },
  // Layers, from the ground floor up.
  restrict(['src/model/**/*.ts'], [...CORE.filter((f) => f !== 'model'), ...FACES], 'src/model is the ground floor: it imports nothing outside src/model'),
  restrict(['src/forms/**/*.ts'], ['rules', 'summary', 'check', 'demo', ...FACES], 'src/forms imports only src/model'),
  restrict(['src/rules/**/*.ts'], ['forms', 'summary', 'check', 'demo', ...FACES], 'src/rules imports only src/model (and its own files)'),
  restrict(['src/summary/**/*.ts'], ['demo', ...FACES], 'src/summary is pure: figures from models and findings'),
  restrict(['src/check/**/*.ts'], ['demo', ...FACES], 'src/check is the core check service: reading is injected by the faces'),
  restrict(['src/demo/**/*.ts'], ['rules', 'summary', 'check', ...FACES], 'src/demo generates sample data from the model only'),
  // Office.js: only its adapter and the faces that run inside Office (or the pane that hosts them).
  {
    files: ['src/io/office-*.ts', 'src/taskpane/**/*.ts', 'src/functions/**/*.ts', 'src/commands/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: { Office: 'readonly', Excel: 'readonly', CustomFunctions: 'readonly' } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'max-lines': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
