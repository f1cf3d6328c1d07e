import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from '../../src/rules/docs';
import { ALL_META } from '../../src/rules/index';

test('docs/rules.md is current (npm run docs:rules)', () => {
  const file = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  expect(file).toBe(renderRulesDoc());
});

test('every rule’s meta is complete', () => {
  const ids = new Set<string>();
  for (const m of ALL_META) {
    expect(m.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ids.has(m.id)).toBe(false);
    ids.add(m.id);
    expect(['error', 'warning']).toContain(m.severity);
    expect(m.forms.length).toBeGreaterThan(0);
    expect(m.clause).toMatch(/“.+”/);
    expect(m.clause).toMatch(/003|000|附件/);
    expect(m.docs.length).toBeGreaterThan(20);
    expect(Object.keys(m.messages.en).sort()).toEqual(Object.keys(m.messages.zh).sort());
  }
});
