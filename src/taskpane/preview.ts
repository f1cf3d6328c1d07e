/** Where a finding's cell is: a few rows and columns around it, the cell outlined. */
import type { Finding } from '../model/finding';
import { parseA1 } from '../model/grid';
import type { SiteResult } from './check';
import { el } from './dom';
import { Lang, t } from './i18n';
import { ruleTitle } from '../summary/rule-titles';
import { type ShownLine, previewGrid, unsolvedOn } from './preview-grid';

/**
 * The clause the rule rests on, as the source words it, quoted in Chinese in
 * both languages. It already starts with 依据 or 参照, so in Chinese it stands
 * alone; in English it is introduced.
 */
function clauseLine(clause: string, lang: Lang): HTMLElement {
  const line = el('p', { class: 'preview-clause' });
  if (lang !== 'zh') line.append(`${t(lang, 'clause')}${t(lang, 'colon')}`);
  line.append(el('q', { lang: 'zh-CN', translate: 'no' }, clause));
  return line;
}

/** A row's number or a column's letter; the finding's own line hidden says 隐藏; one after hidden lines names them. */
function lineHead(line: ShownLine, gapWords: 'previewHiddenCols' | 'previewHiddenRows', lang: Lang): HTMLElement {
  const scope = gapWords === 'previewHiddenCols' ? 'col' : 'row';
  const gap: Record<string, string> = line.after.length
    ? { class: 'after-hidden', title: t(lang, gapWords, { lines: line.after.join(lang === 'zh' ? '、' : ', ') }) }
    : {};
  const th = el('th', { scope, ...gap }, line.head);
  if (line.hidden) {
    th.classList.add('hidden-line');
    th.append(el('span', { class: 'hidden-label' }, t(lang, 'previewHidden')));
  }
  return th;
}

/** Draws the preview right under the finding's button and scrolls so that both are in view. */
export function renderPreview(site: SiteResult, finding: Finding, lang: Lang, under?: HTMLElement): void {
  const preview = document.getElementById('preview');
  if (!preview) return;
  if (under) under.after(preview);
  preview.replaceChildren();
  const sheet = site.grid?.sheets.find((s) => s.name === finding.sheet);
  const at = finding.cell ? parseA1(finding.cell) : undefined;
  const title = el('h4', {}, `${t(lang, 'preview')}${t(lang, 'colon')}`);
  title.append(el('span', { translate: 'no' }, `${finding.sheet ?? ''}!${finding.cell ?? ''}`));
  preview.append(title);
  preview.append(el('p', { class: 'preview-message' }, `${ruleTitle(finding.rule, lang)}${t(lang, 'colon')}${finding.message}`));
  if (finding.clause) preview.append(clauseLine(finding.clause, lang));
  if (sheet && at) {
    const table = el('table', { class: 'grid' });
    const shown = previewGrid(sheet, at, lang, unsolvedOn(site.model?.unsolvedFormulas, sheet.name));
    // Column letters over the cells, as the sheet shows them (review 15b: with two date columns side by side, only the
    // frame told 取卷时间 from 还卷时间); the columns and rows the sheet hides left out, as Excel leaves them out of the
    // screen, a thick line where they are (review 19a D6: an old column hidden beside the one in use looked like it).
    const letters = el('tr');
    letters.append(el('th', { scope: 'col' }));
    for (const col of shown.cols) letters.append(lineHead(col, 'previewHiddenCols', lang));
    table.append(letters);
    shown.rows.forEach((row) => {
      const tr = el('tr', row.after.length ? { class: 'after-hidden' } : {});
      tr.append(lineHead(row, 'previewHiddenRows', lang));
      row.cells.forEach((cell, k) => {
        // Its whole value on hover, where the column is too narrow to show it; a formula's text where it has no value.
        const td = el('td', { translate: 'no', ...(cell.title ? { title: cell.title } : {}) }, cell.text);
        const col = shown.cols[k];
        const classes = [cell.formula ? 'formula' : '', row.hidden || col.hidden ? 'hidden-line' : '', col.after.length ? 'after-hidden' : ''];
        if (row.index === at.row && col.index === at.col) {
          classes.push('target', finding.severity);
          td.id = 'preview-target';
        }
        if (classes.some(Boolean)) td.className = classes.filter(Boolean).join(' ');
        tr.append(td);
      });
      table.append(tr);
    });
    preview.append(table);
  }
  preview.hidden = false;
  preview.scrollIntoView({ block: 'nearest' });
}
