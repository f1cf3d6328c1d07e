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

/**
 * The name shown, and a second line under it. Chinese: the file's own name (the whole workbook
 * says what it holds below). English: the form's English name, the Chinese file name below (data).
 */
function shownNames(template: TemplateInfo, lang: Lang): [string, string] {
  const whole = template.sheets.length > 1;
  if (lang === 'zh') return [template.name, whole ? t(lang, 'wholeWorkbook') : ''];
  return [whole ? t(lang, 'wholeWorkbook') : t(lang, `template_${formNumber(template)}` as Key), template.file];
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
      const [name, below] = shownNames(template, lang);
      const names = el('span', { class: 'template-name' }, name);
      if (below) names.append(el('span', { class: 'file-name muted', ...(lang === 'zh' ? {} : { translate: 'no', lang: 'zh-CN' }) }, below));
      item.append(names);
      const action = t(lang, app.host.kind === 'office' ? 'insert' : 'download');
      const button = el(
        'button',
        { class: 'btn', type: 'button', 'data-template': template.file, 'aria-label': t(lang, 'actionOn', { action, target: name }) },
        action,
      );
      button.addEventListener('click', () => {
        const use = () => app.host.useTemplate(template, lang);
        // Inserted in Excel (the host says what it did); downloaded in the browser (said after the tally).
        void (app.host.kind === 'office' ? app.guarded(use) : app.download(use));
      });
      item.append(button);
      return item;
    }),
  );
}
