/**
 * A problem's title as the summary prints it (a supervisor reads 交接单两份不一致,
 * not handover-copies-disagree): the rule's own title, or the title of a
 * problem that is no rule (a workbook that could not be read).
 */
import { ruleTitle as titleOfRule } from '../rules';
import type { Lang } from '../rules/types';

const NOT_RULES: Record<string, Record<Lang, string>> = {
  'unreadable-file': { zh: '工作簿无法读取', en: 'Workbook unreadable' },
  'not-custody-workbook': { zh: '不是试卷保密表单', en: 'Not a custody workbook' },
};

export function ruleTitle(id: string, lang: Lang = 'zh'): string {
  return NOT_RULES[id]?.[lang] ?? titleOfRule(id, lang);
}
