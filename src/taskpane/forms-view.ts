/** 表单: the committed blank forms, inserted into Excel or downloaded. */
import type { App } from './app';
import { byId, el, errorText } from './dom';
import type { TemplateInfo } from './host';
import { t } from './i18n';

export async function renderTemplates(app: App, load: () => Promise<TemplateInfo[]>): Promise<void> {
  const list = byId('template-list');
  let templates: TemplateInfo[];
  try {
    templates = await load();
  } catch (error) {
    list.textContent = `${t(app.lang, 'failed')}${errorText(error)}`;
    return;
  }
  list.replaceChildren(
    ...templates.map((template) => {
      const item = el('li', { class: 'template' });
      const name = template.sheets.length > 1 ? `${template.name}（${t(app.lang, 'wholeWorkbook')}）` : template.name;
      item.append(el('span', { class: 'template-name' }, name));
      const button = el('button', { class: 'btn', type: 'button', 'data-template': template.file }, t(app.lang, app.host.kind === 'office' ? 'insert' : 'download'));
      button.addEventListener('click', () => app.guarded(() => app.host.useTemplate(template, app.lang)));
      item.append(button);
      return item;
    }),
  );
}
