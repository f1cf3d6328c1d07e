import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from '../../src/rules/docs';
import { ALL_META, ruleTitle } from '../../src/rules/index';

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
    // Sources cited by document title, never by our file numbers.
    expect(m.clause).toMatch(/^(依据《湖南开放大学试卷安全保密管理专项整治实施方案》|参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》)/);
    expect(`${m.clause} ${Object.values(m.messages.zh).join(' ')} ${Object.values(m.messages.en).join(' ')}`).not.toMatch(/\b00[03]\b/);
    expect(m.title.zh).toMatch(/^[\u4e00-\u9fff][^a-z]{1,15}$/);
    expect(m.title.en).toMatch(/^[A-Z][\w ’-]{3,60}$/);
    expect(m.docs.length).toBeGreaterThan(20);
    expect(Object.keys(m.messages.en).sort()).toEqual(Object.keys(m.messages.zh).sort());
  }
});

test('a rule is named to people by its title; an unknown id stays itself', () => {
  expect(ruleTitle('two-signers')).toBe('交接单两人签字');
  expect(ruleTitle('two-signers', 'en')).toBe('Two signers on a handover');
  expect(ruleTitle('no-such-rule', 'en')).toBe('no-such-rule');
  expect(new Set(ALL_META.map((m) => m.title.zh)).size).toBe(ALL_META.length);
});
