/** 汇总: each readable site's custody summary, written into Excel or downloaded. */
import type { App } from './app';
import { SiteResult, consolidatedLabel } from './check';
import type { SiteSummary } from '../summary/site';
import { el } from './dom';
import { t } from './i18n';
import { pageTexts, summaryTable } from './summary-table';
import { namesShown } from './reading-stop';
import type { ConsolidatedTotals } from '../summary/consolidate';
import { countTotals, countedFileOf } from '../summary/count-totals';
import { setAsideStatus } from '../summary/set-aside';
import { otherSemesterLinesOf, repeatedUnitLinesOf } from '../summary/overview';
import { modelDigest } from '../model/repeated-unit';
import type { Lang } from '../summary/columns';
import { notCustody } from '../check/refusal';

export function wireSummary(app: App): void {
  document.getElementById('write-summary-btn')?.addEventListener('click', () =>
    app.guarded(async () => {
      if (app.results.length === 0) await app.runCheck();
      const site = app.results.find((r) => app.summaries.has(r.id));
      if (!site) return t(app.lang, 'noSummary');
      return app.host.writeSummary(site, app.summaries.get(site.id)!, app.lang);
    }),
  );
}

/** Drawing in batches of this long, the page answering between them: 300 sites' tables took 1.3 s at once. */
const DRAW_MS = 40;
/** Each drawing's number: a batch of an older drawing left to come stops (another check, the language switched). */
let drawing = 0;

export function renderSummaries(app: App): void {
  const mine = ++drawing;
  const root = document.getElementById('summary-view');
  if (!root) return;
  root.replaceChildren();
  // How to get summaries (browser face): said until there are some, then in their way.
  const intro = document.getElementById('summary-intro');
  if (intro) intro.hidden = app.summaries.size > 0;
  // Files 停止 left unread: named, so that no summary is taken for the whole folder's (review 20a D6).
  if (app.notRead.length > 0) {
    const files = namesShown(app.notRead, app.lang);
    root.append(el('p', { class: 'problems not-read', translate: 'no' }, t(app.lang, 'notReadLeftOut', { n: app.notRead.length, files })));
  }
  if (app.summaries.size === 0) {
    root.append(el('p', { class: 'muted' }, t(app.lang, 'noSummary')));
    return;
  }
  const sites = sectionsOf(app.results, app.summaries);
  // First, as `custody summary` says it first: a workbook of another semester is in no total.
  for (const line of otherSemesterNotice(sites, app.lang)) root.append(el('p', { class: 'problems other-semester', translate: 'no' }, line));
  // Then a unit's second workbook of the semester, counted once, as `custody summary` and 总览 say it.
  for (const line of repeatedUnitNotice(sites, app.lang)) root.append(el('p', { class: 'problems repeated-unit', translate: 'no' }, line));
  if (app.host.downloadConsolidated) {
    const all = app.results;
    const button = el('button', { class: 'btn primary', type: 'button', id: 'download-consolidated' }, consolidatedLabel(all, app.lang));
    button.addEventListener('click', () => app.download(() => app.host.downloadConsolidated!(all, app.lang)));
    const bar = el('div', { class: 'actions' });
    bar.append(button);
    root.append(bar);
    // What it counts without a unit section (a file that could not be read) and what it leaves out (files passed by), a line each, as `custody summary` says it.
    for (const site of all) {
      if (site.error === undefined || site.skipped !== undefined) continue;
      const key = notCustody(site.error) ? 'notCustodyLeftOut' : 'unreadableLeftOut';
      root.append(el('p', { class: 'muted unreadable-left', translate: 'no' }, t(app.lang, key, { file: site.label, reason: site.error })));
    }
    for (const site of all) {
      if (site.skipped === undefined) continue;
      root.append(el('p', { class: 'muted skipped-left-out', translate: 'no' }, t(app.lang, 'skippedLeftOut', { file: site.label, reason: site.skipped })));
    }
  }
  const statuses = statusesShown(sites, app.lang);
  const drawFrom = (first: number): void => {
    if (mine !== drawing) return;
    const start = Date.now();
    let i = first;
    // At least one site a batch, so that a slow machine still gets on.
    do drawSite(app, root, sites[i], statuses[i++]);
    while (i < sites.length && Date.now() - start < DRAW_MS);
    if (i < sites.length) setTimeout(() => drawFrom(i), 0);
  };
  if (sites.length > 0) drawFrom(0);
}

/**
 * The 汇总 view's sections: every workbook with a summary, in the order read but a unit's counted first
 * (countedFirst). A copy of a workbook (the same bytes) is one of them, set aside as its unit's second workbook
 * (两本内容相同) as the consolidated download lists it (fix-setaside26 item 4: it was a line under its workbook's).
 */
export function sectionsOf(results: readonly SiteResult[], summaries: ReadonlyMap<string, SiteSummary>): SiteWithSummary[] {
  return countedFirst(
    results.flatMap((site) => {
      const summary = summaries.get(site.id);
      return summary ? [{ site, summary }] : [];
    }),
  );
}

/** The line `custody summary` prints on the workbooks of another semester than most (none when all are of one). */
export function otherSemesterNotice(sites: ReadonlyArray<{ site: SiteResult; summary: SiteSummary }>, lang: Lang): string[] {
  return otherSemesterLinesOf(setAside(sites), lang, (label) => label);
}

type SiteWithSummary = { site: SiteResult; summary: SiteSummary };

/**
 * The workbooks set aside, as the consolidated summary sets them aside (count-totals.ts, the same function): of another
 * semester than most, and a unit's second workbook of the semester (the one counted: the first by file name), each
 * with its own findings (said beside it, in no count).
 */
function setAside(sites: readonly SiteWithSummary[]): ConsolidatedTotals {
  const files = sites.map(({ site, summary }) => countedFileOf({ file: site.label, summary, digest: site.model ? modelDigest(site.model) : undefined }));
  return countTotals(files, []);
}

/** Each section's status line and its colour: 可以提交 / 暂不能提交, or a workbook set aside in 文件清单's words (setAsideStatus). */
export function statusesShown(sites: readonly SiteWithSummary[], lang: Lang): Array<{ text: string; kind: 'yes' | 'no' | 'aside' }> {
  const run = setAside(sites);
  return sites.map(({ site, summary }) => {
    const aside = setAsideStatus(site.label, run, lang);
    return aside ? { text: aside, kind: 'aside' } : { text: summaryTable(summary, lang).status, kind: summary.ready ? 'yes' : 'no' };
  });
}

/**
 * The sections in the order read, but a unit's workbooks of one semester together where the first of them was, the
 * one counted first and those set aside in its place after it: the counted one, read last, was listed last, under
 * those set aside (review 20a D7).
 */
export function countedFirst(sites: readonly SiteWithSummary[]): SiteWithSummary[] {
  const aside = new Map(setAside(sites).repeatedUnits.map((u) => [u.file, u.counted]));
  if (aside.size === 0) return [...sites];
  const counted = (entry: SiteWithSummary): string => aside.get(entry.site.label) ?? entry.site.label;
  const out: SiteWithSummary[] = [];
  const placed = new Set<string>();
  for (const entry of sites) {
    const unit = counted(entry);
    if (placed.has(unit)) continue;
    placed.add(unit);
    const group = sites.filter((other) => counted(other) === unit);
    out.push(...group.filter((e) => e.site.label === unit), ...group.filter((e) => e.site.label !== unit));
  }
  return out;
}

/** The line `custody summary` prints on a unit's second workbooks of one semester (none when each unit gave one). */
export function repeatedUnitNotice(sites: readonly SiteWithSummary[], lang: Lang): string[] {
  return repeatedUnitLinesOf(setAside(sites), lang, (label) => label);
}

function drawSite(app: App, root: HTMLElement, { site, summary }: SiteWithSummary, status: { text: string; kind: string }): void {
  const table = summaryTable(summary, app.lang);
  const box = el('section', { class: 'summary-site' });
  // The file under the title, as the 校验 view names it: two workbooks of one unit have the same title.
  box.append(
    el('h3', { translate: 'no' }, table.title),
    el('p', { class: 'muted file-name', translate: 'no' }, site.label),
    el('p', { class: `ready ${status.kind}` }, status.text),
  );
  const grid = el('table', { class: 'summary-table' });
  const thead = el('thead');
  const hr = el('tr');
  for (const h of table.header) hr.append(el('th', {}, h));
  thead.append(hr);
  const tbody = el('tbody');
  const shown = pageTexts(table);
  for (const row of shown.rows) {
    const tr = el('tr');
    for (const v of row) tr.append(el('td', { translate: 'no' }, v));
    tbody.append(tr);
  }
  grid.append(thead, tbody);
  // A table wider than the pane scrolls; the browser lets the keyboard into it, so it is a named region.
  const scroller = el('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': table.title });
  scroller.append(grid);
  const facts = el('dl', { class: 'facts' });
  for (const [k, v] of shown.facts) facts.append(el('dt', {}, k), el('dd', { translate: 'no' }, v));
  box.append(scroller, facts);
  if (app.host.kind === 'browser') {
    const action = t(app.lang, 'downloadSummary');
    const button = el(
      'button',
      { class: 'btn', type: 'button', 'data-summary': site.id, 'aria-label': t(app.lang, 'actionOn', { action, target: site.label }) },
      action,
    );
    // Its status as its section says it: a workbook set aside is not 可以提交 in its download either.
    const aside = status.kind === 'aside' ? status.text : undefined;
    button.addEventListener('click', () => app.download(() => app.host.writeSummary(site, summary, app.lang, aside)));
    box.append(button);
  }
  root.append(box);
}
