/** 校验's results: per workbook a tally, its refusal or reading notes, and its findings grouped by sheet. */
import { type Finding, rowWords } from '../model/finding';
import { sheetShown } from '../forms/form-place';
import { ruleTitle } from '../summary/rule-titles';
import type { App } from './app';
import { CopyOf, SiteResult, copiesIn, counts, groupBySheet } from './check';
import { byId, el } from './dom';
import { Key, Lang, t } from './i18n';
import { type FindingGroup, groupFindings } from '../check/finding-groups';
import { notCustody } from '../check/refusal';

export function renderResults(app: App): void {
  const root = byId('results');
  root.replaceChildren();
  if (app.results.length > 0 && (app.host.exportJson || app.host.remove)) {
    const bar = el('div', { class: 'actions' });
    if (app.host.exportJson) {
      const button = el('button', { class: 'btn', type: 'button', id: 'export-json' }, t(app.lang, 'exportJson'));
      button.addEventListener('click', () => app.download(() => app.host.exportJson!(app.results, app.lang)));
      bar.append(button);
    }
    // Every file picked taken out at once, as reloading the page did (review 14b D5).
    if (app.host.remove) bar.append(el('button', { class: 'btn', type: 'button', id: 'clear-all' }, t(app.lang, 'clearAll')));
    root.append(bar);
  }
  // A workbook given twice (the same bytes) is shown once, a line under it for each copy, as the summary counts it.
  const copies = copiesIn(app.results, app.lang);
  const copyIds = new Set(copies.map((c) => c.id));
  for (const site of app.results) {
    if (!copyIds.has(site.id))
      root.append(
        siteSection(
          app,
          site,
          copies.filter((c) => c.of === site.id),
        ),
      );
  }
  parkPreview();
}

/** The preview shows under the finding clicked; when the list is drawn again it goes back, hidden. */
function parkPreview(): void {
  const preview = document.getElementById('preview');
  const results = document.getElementById('results');
  if (!preview || !results) return;
  results.after(preview);
  preview.hidden = true;
}

function siteSection(app: App, site: SiteResult, copies: readonly CopyOf[]): HTMLElement {
  const lang = app.lang;
  const box = el('section', { class: 'site', 'data-site-id': site.id });
  const head = el('header', { class: 'site-head' });
  head.append(el('h3', { translate: 'no' }, site.label));
  if (app.host.remove) {
    // A file picked by mistake (another semester's, a folder, one that cannot be read) taken out (review 14b D5).
    const label = t(lang, 'removeFile', { file: site.label });
    head.classList.add('removable');
    head.append(el('button', { class: 'btn subtle remove', type: 'button', 'data-remove': site.id, 'aria-label': label, title: label }, '×'));
  }
  if (site.skipped !== undefined) {
    // Passed by as the CLI passes it by, in its words: not a unit's workbook, and not counted.
    box.classList.add('skipped');
    head.append(el('span', { class: 'badge skipped' }, t(lang, 'skipped')));
    box.append(head, el('p', { class: 'site-skipped' }, t(lang, 'skippedLine', { reason: site.skipped })));
    return box;
  }
  if (site.noForms) {
    box.classList.add('no-forms');
    box.append(head, el('p', { class: 'site-no-forms' }, t(lang, 'noFormsOpen')));
    return box;
  }
  if (site.error) {
    box.classList.add('unreadable');
    head.append(el('span', { class: 'badge error' }, t(lang, notCustody(site.error) ? 'notCustody' : 'unreadable')));
    // Announced once, when it is first shown: not again at every redraw (review 14b O4).
    const key = site.id;
    const first = !app.announced.has(key);
    app.announced.add(key);
    box.append(head, el('p', { class: 'site-error', ...(first ? { role: 'alert' } : {}) }, site.error));
    return box;
  }
  const c = counts(site.findings);
  const tally = el('span', { class: 'tally' });
  tally.append(
    el('span', { class: 'badge error', title: t(lang, 'errors') }, t(lang, 'errorCount', { n: c.errors })),
    el('span', { class: 'badge warning', title: t(lang, 'warnings') }, t(lang, 'warningCount', { n: c.warnings })),
  );
  head.append(tally);
  // A workbook with nothing to mark has no marked copy, as `custody validate --mark` writes none for it:
  // its "copy" would differ from it without showing anything.
  if (app.host.downloadMarked && site.findings.length > 0) {
    const action = t(lang, 'downloadMarked');
    head.append(
      el(
        'button',
        { class: 'btn primary', type: 'button', 'data-download': site.id, 'aria-label': t(lang, 'actionOn', { action, target: site.label }) },
        action,
      ),
    );
  }
  box.append(head);
  for (const copy of copies)
    box.append(el('p', { class: 'muted copy-line', translate: 'no' }, t(lang, 'copyLeftOut', { file: copy.file, reason: copy.reason })));
  // Never “可以提交” while the marks of an earlier 标记 remain in the workbook (review 20a D3).
  if (site.findings.length === 0 && site.oldMarks) box.append(el('p', { class: 'old-marks' }, t(lang, 'noFindingsOldMarks')));
  else if (site.findings.length === 0) box.append(el('p', { class: 'all-clear' }, t(lang, 'noFindings')));
  const indexOf = new Map<Finding, number>(site.findings.map((f, i) => [f, i]));
  // With several workbooks shown, the same sheet and the same finding can occur in each: the name says whose.
  const whose = app.results.length > 1 ? site.label : '';
  // A sheet holding several forms: each form's findings under “Sheet1（出入库记录）” (review 19a D12).
  for (const group of groupBySheet(site.findings, (f) => sheetShown(site.model?.sheets, f, lang))) {
    const details = el('details', { class: 'sheet-group', open: '' });
    const n = group.errors + group.warnings;
    const sheet = group.sheet ?? t(lang, 'workbookWide');
    // One mistake down a column is one line (review 15b D5); the count beside the sheet stays the findings'.
    const lines = groupsOf(group.findings, lang);
    const fewer = lines.length < n;
    const label = t(lang, fewer ? 'sheetFindingsGrouped' : 'sheetFindings', { site: site.label, sheet, n, lines: lines.length });
    const summary = el('summary', { 'aria-label': label });
    const count = el('span', { class: 'count' }, `${n}`);
    if (fewer) count.append(el('span', { class: 'lines' }, ` · ${t(lang, 'sheetLines', { lines: lines.length })}`));
    summary.append(el('span', { class: 'sheet-name', ...(group.sheet ? { translate: 'no' } : {}) }, sheet), count);
    details.append(summary);
    const list = el('ul', { class: 'findings' });
    showFindings(list, lines, 0, (g) => findingButton(site, g, indexOf.get(g.findings[0])!, lang, whose), lang);
    details.append(list);
    box.append(details);
  }
  return box;
}

/**
 * Findings drawn at a time in a sheet's list. A workbook may have up to 200,000
 * (LIMITS.findings): drawn all at once, 80,000 froze the page for 16 s.
 */
const SHOWN_AT_A_TIME = 200;

/** A sheet's findings as lines (groupFindings), worked out once for each list and language: the list is drawn again often. */
const GROUPS = { zh: new WeakMap<readonly Finding[], FindingGroup[]>(), en: new WeakMap<readonly Finding[], FindingGroup[]>() };
function groupsOf(findings: readonly Finding[], lang: Lang): FindingGroup[] {
  let groups = GROUPS[lang].get(findings);
  if (!groups) GROUPS[lang].set(findings, (groups = groupFindings(findings, lang)));
  return groups;
}

/** Draws the lines from `from` on, a batch at a time, with a button for the next batch while some are left. */
function showFindings(list: HTMLElement, findings: readonly FindingGroup[], from: number, draw: (g: FindingGroup) => HTMLElement, lang: Lang): void {
  const to = Math.min(findings.length, from + SHOWN_AT_A_TIME);
  for (let i = from; i < to; i++) {
    const li = el('li');
    li.append(draw(findings[i]));
    list.append(li);
  }
  const left = findings.length - to;
  if (left === 0) return;
  const item = el('li', { class: 'more' });
  const more = el('button', { class: 'btn', type: 'button' }, t(lang, 'showMore', { n: Math.min(left, SHOWN_AT_A_TIME), left }));
  more.addEventListener('click', () => {
    item.remove();
    showFindings(list, findings, to, draw, lang);
    // Keyboard and screen-reader users go on where the new batch begins.
    list.querySelectorAll<HTMLElement>('li > .finding')[to]?.focus();
  });
  item.append(more);
  list.append(item);
}

/** A line's button: it leads to its first finding's cell; a group says how many cells it stands for. */
function findingButton(site: SiteResult, g: FindingGroup, index: number, lang: Lang, whose: string): HTMLButtonElement {
  const f = g.findings[0];
  const button = el('button', {
    type: 'button',
    class: `finding ${f.severity}`,
    'data-site': site.id,
    'data-finding': String(index),
    'data-rule': f.rule,
    'data-cell': f.cell ?? '',
    'data-sheet': f.sheet ?? '',
    'data-severity': f.severity,
    'data-row': f.row === null ? '' : String(f.row),
    'data-form': f.form === null ? '' : String(f.form),
    'aria-controls': 'preview',
  });
  const top = el('span', { class: 'finding-top' });
  top.append(
    el('span', { class: `sev ${f.severity}` }, t(lang, `severity_${f.severity}` as Key)),
    el('span', { class: 'rule' }, ruleTitle(f.rule, lang)),
    el('span', { class: 'where' }, [f.cell, rowWords(f, lang)].filter(Boolean).join(' · ')),
  );
  if (g.findings.length > 1) top.append(el('span', { class: 'cells' }, t(lang, 'groupCells', { n: g.findings.length })));
  button.append(top, el('span', { class: 'message' }, g.message));
  if (whose) button.append(el('span', { class: 'visually-hidden', translate: 'no' }, ` · ${whose}`));
  return button;
}
