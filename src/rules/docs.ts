/**
 * docs/rules.md, generated from the rules' meta (`npm run docs:rules`); a test
 * keeps the file current.
 */
import { DEFAULT_SETTINGS } from '../model/types';
import { ALL_META, CROSS_RULES, RULES } from './index';

const FORM_NAMES: Record<number, string> = {
  0: '基本信息/考试安排/涉卷人员',
  1: '附件1 交接单',
  2: '附件2 入库清单',
  3: '附件3 出入库记录',
  4: '附件4 分发登记表',
  5: '附件5 值班记录',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesDoc(): string {
  const single = new Set(RULES.map((r) => r.meta.id));
  const cross = new Set(CROSS_RULES.map((r) => r.meta.id));
  const acrossNote = (id: string) =>
    !cross.has(id)
      ? ''
      : single.has(id)
        ? ' (also checked across workbooks given together)'
        : ' (checked across workbooks given together; reported on both files)';
  const out: string[] = [];
  out.push('# 校验规则 (validation rules)');
  out.push('');
  out.push('<!-- Generated from src/rules/*.ts by `npm run docs:rules`. Do not edit by hand. -->');
  out.push('');
  out.push(
    `\`custody validate\` runs these ${ALL_META.length} rules. **error** must be fixed before submission (exit 1); **warning** needs a look (exit 0). ` +
      'Every finding names the sheet, the cell and the 序号 of the row concerned.',
  );
  out.push('');
  out.push(
    `Thresholds a unit may set on 基本信息: 试卷最早到达（考前天数） default ${DEFAULT_SETTINGS.arrivalDaysBefore}; ` +
      `最早领卷（开考前分钟） default ${DEFAULT_SETTINGS.checkoutLeadMinutes}; 还卷时限（考后分钟） default ${DEFAULT_SETTINGS.returnGraceMinutes}; ` +
      `入库时限（接收后小时） default ${DEFAULT_SETTINGS.intakeWithinHours}; 监考人员须为正式职工 default ${DEFAULT_SETTINGS.proctorsFormalStaff ? '是' : '否'}.`,
  );
  out.push('');
  out.push('| rule | id | severity | forms | what it finds |');
  out.push('|---|---|---|---|---|');
  for (const m of ALL_META) {
    out.push(`| [${m.title.zh}](#${m.id}) · ${m.title.en} | \`${m.id}\` | ${m.severity} | ${m.forms.join(', ')} | ${cell(m.docs.split(/(?<=[.。])\s/)[0])} |`);
  }
  out.push('');
  for (const m of ALL_META) {
    out.push(`<a id="${m.id}"></a>`);
    out.push('');
    out.push(`## ${m.title.zh} · ${m.title.en}`);
    out.push('');
    out.push(`- Id: \`${m.id}\``);
    out.push(
      `- Severity: **${m.severity}**${m.warnings ? ` (a warning when it says ${m.warnings.map((w) => `\`${w}\``).join(', ')})` : ''}${acrossNote(m.id)}`,
    );
    out.push(`- Forms: ${m.forms.map((f) => FORM_NAMES[f]).join('; ')}`);
    out.push(`- Clause: ${m.clause}`);
    out.push('');
    out.push(m.docs);
    out.push('');
    out.push('Messages:');
    out.push('');
    for (const id of Object.keys(m.messages.zh)) {
      out.push(`- \`${id}\`: ${m.messages.zh[id]}`);
      if (m.messages.en[id]) out.push(`  — ${m.messages.en[id]}`);
    }
    out.push('');
  }
  return out.join('\n');
}
