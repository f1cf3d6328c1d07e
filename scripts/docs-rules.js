// Writes docs/rules.md from the rules' meta. Run through `npm run docs:rules` (builds first).
const fs = require('fs');
const path = require('path');
const { renderRulesDoc } = require('../dist/src/rules/docs');
const out = path.join(__dirname, '..', 'docs', 'rules.md');
fs.writeFileSync(out, renderRulesDoc());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
