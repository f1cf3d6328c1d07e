/** 表单: the committed blank forms, inserted into Excel or downloaded. */
import type { App } from './app';
import { byId, el, errorText } from './dom';
import type { TemplateInfo } from './host';
import { Key, Lang, t } from './i18n';

/** 附件N by its file name; the whole site workbook (no 附件 number) is 0. */
function formNumber(template: TemplateInfo): number {
  const m = /^附件(\d)/.exec(template.file);
  return m ? Number(m[1]) : 0;
}

/** Chinese: the file's own name. English: the form's English name (the file name stays below it, as data). */
function shownName(template: TemplateInfo, lang: Lang): string {
  if (lang === 'zh') return template.sheets.length > 1 ? `${template.name}（${t(lang, 'wholeWorkbook')}）` : template.name;
  return template.sheets.length > 1 ? t(lang, 'wholeWorkbook') : t(lang, `template_${formNumber(template)}` as Key);
}

/** Draws the list in the pane's language when the templates have come (a later switch of language may overtake an earlier load). */
export async function renderTemplates(app: App, load: () => Promise<TemplateInfo[]>): Promise<void> {
  const list = byId('template-list');
  let templates: TemplateInfo[];
  try {
    templates = await load();
  } catch (error) {
    list.textContent = `${t(app.lang, 'failed')}${errorText(error)}`;
    return;
  }
  const lang = app.lang;
  list.replaceChildren(
    ...templates.map((template) => {
      const item = el('li', { class: 'template' });
      const name = shownName(template, lang);
      const names = el('span', { class: 'template-name' }, name);
      if (lang !== 'zh') names.append(el('span', { class: 'file-name muted', translate: 'no', lang: 'zh-CN' }, template.file));
      item.append(names);
      const action = t(lang, app.host.kind === 'office' ? 'insert' : 'download');
      const button = el(
        'button',
        { class: 'btn', type: 'button', 'data-template': template.file, 'aria-label': t(lang, 'actionOn', { action, target: name }) },
        action,
      );
      button.addEventListener('click', () => app.guarded(() => app.host.useTemplate(template, lang)));
      item.append(button);
      return item;
    }),
  );
}
