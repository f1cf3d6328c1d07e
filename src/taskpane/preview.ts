/** Where a finding's cell is: a few rows and columns around it, the cell outlined. */
import type { Finding } from '../model/finding';
import { cellAt, parseA1, type CellValue } from '../model/grid';
import type { SiteResult } from './check';
import { el } from './dom';
import { Lang, t } from './i18n';

/** Rows and columns shown on each side of the cell. */
const AROUND = 3;

function shown(v: CellValue): string {
  if (v === null) return '';
  return v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : String(v);
}

export function renderPreview(site: SiteResult, finding: Finding, lang: Lang): void {
  const preview = document.getElementById('preview');
  if (!preview) return;
  preview.replaceChildren();
  const sheet = site.grid?.sheets.find((s) => s.name === finding.sheet);
  const at = finding.cell ? parseA1(finding.cell) : undefined;
  preview.append(el('h4', {}, `${t(lang, 'preview')}：${finding.sheet ?? ''}!${finding.cell ?? ''}`));
  preview.append(el('p', { class: 'preview-message' }, `${finding.rule}：${finding.message}`));
  if (sheet && at) {
    const table = el('table', { class: 'grid' });
    const top = Math.max(0, at.row - AROUND);
    const left = Math.max(0, at.col - AROUND);
    for (let r = top; r <= at.row + AROUND; r++) {
      const tr = el('tr');
      tr.append(el('th', {}, String(r + 1)));
      for (let c = left; c <= at.col + AROUND; c++) {
        const td = el('td', {}, shown(cellAt(sheet, r, c)));
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
}
