/** Where a finding's cell is: a few rows and columns around it, the cell outlined. */
import type { Finding } from '../model/finding';
import { cellAt, columnLetter, parseA1, type CellValue } from '../model/grid';
import type { SiteResult } from './check';
import { el } from './dom';
import { Lang, t } from './i18n';
import { ruleTitle } from '../summary/rule-titles';

/** Rows and columns shown on each side of the cell. */
const AROUND = 3;

function shown(v: CellValue): string {
  if (v === null) return '';
  if (!(v instanceof Date)) return String(v);
  // A date at its day's start is shown as the day typed (a date typed alone reaches the page as a plain Date).
  const iso = v.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

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
    const top = Math.max(0, at.row - AROUND);
    const left = Math.max(0, at.col - AROUND);
    // Column letters over the cells, as the sheet shows them (review 15b: with two date columns side by side, only the
    // frame told 取卷时间 from 还卷时间).
    const letters = el('tr');
    letters.append(el('th', { scope: 'col' }));
    for (let c = left; c <= at.col + AROUND; c++) letters.append(el('th', { scope: 'col' }, columnLetter(c)));
    table.append(letters);
    for (let r = top; r <= at.row + AROUND; r++) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row' }, String(r + 1)));
      for (let c = left; c <= at.col + AROUND; c++) {
        const value = shown(cellAt(sheet, r, c));
        // Its whole value on hover, where the column is too narrow to show it.
        const td = el('td', { translate: 'no', ...(value ? { title: value } : {}) }, value);
        if (r === at.row && c === at.col) {
          td.className = `target ${finding.severity}`;
          td.id = 'preview-target';
        }
        tr.append(td);
      }
      table.append(tr);
    }
    preview.append(table);
  }
  preview.hidden = false;
  preview.scrollIntoView({ block: 'nearest' });
}
