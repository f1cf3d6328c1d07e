/**
 * The task pane's UI: three parts (表单 / 校验 / 汇总), Chinese first with an
 * English switch, the same in Excel and in a plain browser. All host work goes
 * through a Host; this file only draws and wires.
 */
import type { Finding } from '../model/finding';
import { SiteSummary, summarizeSite } from '../summary/site';
import { SiteResult, counts, groupBySheet } from './check';
import type { Host, TemplateInfo } from './host';
import { Key, Lang, t, translate } from './i18n';
import { summaryTable } from './summary-table';
import { parseA1, cellAt } from '../model/grid';

export interface AppOptions {
  host: Host;
  templates: () => Promise<TemplateInfo[]>;
  /** Browser face: open files. */
  addFiles?: (files: readonly File[]) => Promise<void>;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const LANG_KEY = 'custody.lang';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node;
}

export class App {
  lang: Lang;
  results: SiteResult[] = [];
  summaries = new Map<string, SiteSummary>();
  private busy = false;

  constructor(private readonly options: AppOptions) {
    const stored = options.storage?.getItem(LANG_KEY);
    this.lang = stored === 'en' ? 'en' : 'zh';
  }

  get host(): Host {
    return this.options.host;
  }

  start(): void {
    document.body.dataset.host = this.host.kind;
    document.querySelectorAll<HTMLElement>('[data-host]').forEach((node) => {
      if (node.dataset.host !== this.host.kind) node.remove();
    });
    $('lang-switch').addEventListener('click', () => this.setLang(this.lang === 'zh' ? 'en' : 'zh'));
    const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => this.showTab(tab.dataset.tab ?? 'forms'));
      tab.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        const next = tabs[(i + step + tabs.length) % tabs.length];
        this.showTab(next.dataset.tab ?? 'forms');
        next.focus();
      });
    });
    this.wireCheck();
    this.wireSummary();
    this.render();
    void this.renderTemplates();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.options.storage?.setItem(LANG_KEY, lang);
    // Findings carry their message in a language: check again (cheap, all local) in the new one.
    if (this.results.length > 0) void this.runCheck();
    this.render();
    void this.renderTemplates();
  }

  showTab(name: string): void {
    document.querySelectorAll<HTMLButtonElement>('[role="tab"]').forEach((tab) => {
      const selected = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    });
    document.querySelectorAll<HTMLElement>('[role="tabpanel"]').forEach((panel) => {
      panel.hidden = panel.id !== `panel-${name}`;
    });
  }

  status(text: string, kind: 'info' | 'error' | 'busy' = 'info'): void {
    const node = $('status');
    node.textContent = text;
    node.dataset.kind = kind;
  }

  private async guarded(work: () => Promise<string | void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    document.body.classList.add('busy');
    this.status(t(this.lang, 'working'), 'busy');
    try {
      const message = await work();
      this.status(message || t(this.lang, 'done'));
    } catch (error) {
      this.status(`${t(this.lang, 'failed')}${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      this.busy = false;
      document.body.classList.remove('busy');
    }
  }

  render(): void {
    translate(document, this.lang);
    this.renderResults();
    this.renderSummaries();
  }

  /* ---------------------------------------------------------------- 表单 */

  async renderTemplates(): Promise<void> {
    const list = $('template-list');
    let templates: TemplateInfo[];
    try {
      templates = await this.options.templates();
    } catch (error) {
      list.textContent = `${t(this.lang, 'failed')}${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    list.replaceChildren(
      ...templates.map((template) => {
        const item = el('li', { class: 'template' });
        const name = template.sheets.length > 1 ? `${template.name}（${t(this.lang, 'wholeWorkbook')}）` : template.name;
        item.append(el('span', { class: 'template-name' }, name));
        const button = el('button', { class: 'btn', type: 'button', 'data-template': template.file }, t(this.lang, this.host.kind === 'office' ? 'insert' : 'download'));
        button.addEventListener('click', () => this.guarded(() => this.host.useTemplate(template, this.lang)));
        item.append(button);
        return item;
      }),
    );
  }

  /* ---------------------------------------------------------------- 校验 */

  private wireCheck(): void {
    const validate = document.getElementById('validate-btn');
    validate?.addEventListener('click', () => this.guarded(() => this.runCheck()));
    document.getElementById('mark-btn')?.addEventListener('click', () =>
      this.guarded(async () => {
        if (this.results.length === 0) await this.runCheck();
        const site = this.results[0];
        return site && this.host.mark ? this.host.mark(site, this.lang) : undefined;
      }),
    );
    document.getElementById('clear-btn')?.addEventListener('click', () =>
      this.guarded(async () => (this.host.clearMarks ? this.host.clearMarks(this.lang) : undefined)),
    );
    const input = document.getElementById('file-input') as HTMLInputElement | null;
    input?.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      void this.openFiles(files);
    });
    const drop = document.getElementById('drop-zone');
    if (drop) {
      drop.addEventListener('dragover', (e) => {
        e.preventDefault();
        drop.classList.add('over');
      });
      drop.addEventListener('dragleave', () => drop.classList.remove('over'));
      drop.addEventListener('drop', (e) => {
        e.preventDefault();
        drop.classList.remove('over');
        void this.openFiles([...(e.dataTransfer?.files ?? [])]);
      });
    }
    $('results').addEventListener('click', (e) => {
      const target = (e.target as HTMLElement).closest<HTMLElement>('[data-finding]');
      if (target) {
        void this.pick(target.dataset.site ?? '', Number(target.dataset.finding));
        return;
      }
      const download = (e.target as HTMLElement).closest<HTMLElement>('[data-download]');
      if (download) {
        const site = this.results.find((r) => r.id === download.dataset.download);
        if (site && this.host.downloadMarked) void this.guarded(() => this.host.downloadMarked!(site, this.lang));
      }
    });
  }

  async openFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0 || !this.options.addFiles) return;
    await this.guarded(async () => {
      await this.options.addFiles!(files);
      return this.runCheck();
    });
  }

  async runCheck(): Promise<string> {
    this.results = await this.host.check(this.lang);
    this.summaries.clear();
    for (const r of this.results) {
      if (r.model) this.summaries.set(r.id, summarizeSite(r.model, r.findings, { file: r.label }));
    }
    this.renderResults();
    this.renderSummaries();
    const total = this.results.reduce(
      (acc, r) => {
        const c = counts(r.findings);
        return { errors: acc.errors + c.errors, warnings: acc.warnings + c.warnings };
      },
      { errors: 0, warnings: 0 },
    );
    return this.lang === 'zh'
      ? `${t(this.lang, 'done')}：${total.errors} 个错误，${total.warnings} 个警告`
      : `${t(this.lang, 'done')}: ${total.errors} errors, ${total.warnings} warnings`;
  }

  private async pick(siteId: string, index: number): Promise<void> {
    const site = this.results.find((r) => r.id === siteId);
    const finding = site?.findings[index];
    if (!site || !finding) return;
    document.querySelectorAll('.finding.selected').forEach((n) => n.classList.remove('selected'));
    document.querySelector(`[data-site="${CSS.escape(siteId)}"][data-finding="${index}"]`)?.classList.add('selected');
    this.renderPreview(site, finding);
    try {
      await this.host.select(site, finding);
    } catch (error) {
      this.status(`${t(this.lang, 'failed')}${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  renderResults(): void {
    const root = $('results');
    root.replaceChildren();
    if (this.results.length > 0 && this.host.exportJson) {
      const bar = el('div', { class: 'actions' });
      const button = el('button', { class: 'btn', type: 'button', id: 'export-json' }, t(this.lang, 'exportJson'));
      button.addEventListener('click', () => this.guarded(() => this.host.exportJson!(this.results)));
      bar.append(button);
      root.append(bar);
    }
    for (const site of this.results) {
      const box = el('section', { class: 'site', 'data-site-id': site.id });
      const head = el('header', { class: 'site-head' });
      head.append(el('h3', {}, site.label));
      const c = counts(site.findings);
      if (site.error) {
        head.append(el('span', { class: 'badge error' }, t(this.lang, 'unreadable')));
        box.append(head, el('p', { class: 'site-error' }, site.error));
        root.append(box);
        continue;
      }
      const tally = el('span', { class: 'tally' });
      tally.append(
        el('span', { class: 'badge error', title: t(this.lang, 'errors') }, `${c.errors} ${t(this.lang, 'errors')}`),
        el('span', { class: 'badge warning', title: t(this.lang, 'warnings') }, `${c.warnings} ${t(this.lang, 'warnings')}`),
      );
      head.append(tally);
      if (this.host.downloadMarked) {
        head.append(el('button', { class: 'btn primary', type: 'button', 'data-download': site.id }, t(this.lang, 'downloadMarked')));
      }
      box.append(head);
      if (site.problems.length > 0) {
        const problems = el('div', { class: 'problems' });
        problems.append(el('strong', {}, t(this.lang, 'problems')));
        const ul = el('ul');
        for (const p of site.problems) ul.append(el('li', {}, p));
        problems.append(ul);
        box.append(problems);
      }
      if (site.findings.length === 0) {
        box.append(el('p', { class: 'all-clear' }, t(this.lang, 'noFindings')));
      }
      const indexOf = new Map<Finding, number>(site.findings.map((f, i) => [f, i]));
      for (const group of groupBySheet(site.findings)) {
        const details = el('details', { class: 'sheet-group', open: '' });
        const summary = el('summary');
        summary.append(
          el('span', { class: 'sheet-name' }, group.sheet ?? t(this.lang, 'workbookWide')),
          el('span', { class: 'count' }, `${group.errors + group.warnings}`),
        );
        details.append(summary);
        const list = el('ul', { class: 'findings' });
        for (const f of group.findings) {
          const li = el('li');
          const button = el('button', {
            type: 'button',
            class: `finding ${f.severity}`,
            'data-site': site.id,
            'data-finding': String(indexOf.get(f)),
            'data-rule': f.rule,
            'data-cell': f.cell ?? '',
            'data-sheet': f.sheet ?? '',
            'data-severity': f.severity,
            'data-row': f.row === null ? '' : String(f.row),
            'data-form': f.form === null ? '' : String(f.form),
          });
          const top = el('span', { class: 'finding-top' });
          top.append(
            el('span', { class: `sev ${f.severity}` }, t(this.lang, `severity_${f.severity}` as Key)),
            el('code', { class: 'rule' }, f.rule),
            el('span', { class: 'where' }, [f.cell, f.row !== null ? `${t(this.lang, 'row')} ${f.row}` : ''].filter(Boolean).join(' · ')),
          );
          button.append(top, el('span', { class: 'message' }, f.message));
          if (f.clause) button.title = `${t(this.lang, 'clause')}: ${f.clause}`;
          li.append(button);
          list.append(li);
        }
        details.append(list);
        box.append(details);
      }
      root.append(box);
    }
    const preview = document.getElementById('preview');
    if (preview && this.results.length === 0) preview.hidden = true;
  }

  /** Where the cell is: a few rows and columns around it, the cell outlined. */
  renderPreview(site: SiteResult, finding: Finding): void {
    const preview = document.getElementById('preview');
    if (!preview) return;
    preview.replaceChildren();
    const sheet = site.grid?.sheets.find((s) => s.name === finding.sheet);
    const at = finding.cell ? parseA1(finding.cell) : undefined;
    preview.append(el('h4', {}, `${t(this.lang, 'preview')}：${finding.sheet ?? ''}!${finding.cell ?? ''}`));
    preview.append(el('p', { class: 'preview-message' }, `${finding.rule}：${finding.message}`));
    if (sheet && at) {
      const table = el('table', { class: 'grid' });
      const top = Math.max(0, at.row - 3);
      const left = Math.max(0, at.col - 3);
      for (let r = top; r <= at.row + 3; r++) {
        const tr = el('tr');
        tr.append(el('th', {}, String(r + 1)));
        for (let c = left; c <= at.col + 3; c++) {
          const v = cellAt(sheet, r, c);
          const td = el('td', {}, v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : String(v));
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

  /* ---------------------------------------------------------------- 汇总 */

  private wireSummary(): void {
    document.getElementById('write-summary-btn')?.addEventListener('click', () =>
      this.guarded(async () => {
        if (this.results.length === 0) await this.runCheck();
        const site = this.results.find((r) => this.summaries.has(r.id));
        if (!site) return t(this.lang, 'noSummary');
        return this.host.writeSummary(site, this.summaries.get(site.id)!, this.lang);
      }),
    );
  }

  renderSummaries(): void {
    const root = document.getElementById('summary-view');
    if (!root) return;
    root.replaceChildren();
    if (this.summaries.size === 0) {
      root.append(el('p', { class: 'muted' }, t(this.lang, 'noSummary')));
      return;
    }
    for (const site of this.results) {
      const summary = this.summaries.get(site.id);
      if (!summary) continue;
      const table = summaryTable(summary, this.lang);
      const box = el('section', { class: 'summary-site' });
      box.append(el('h3', {}, table.title), el('p', { class: `ready ${summary.ready ? 'yes' : 'no'}` }, table.status));
      const grid = el('table', { class: 'summary-table' });
      const thead = el('thead');
      const hr = el('tr');
      for (const h of table.header) hr.append(el('th', {}, h));
      thead.append(hr);
      const tbody = el('tbody');
      for (const row of [...table.rows, table.totals]) {
        const tr = el('tr');
        for (const v of row) tr.append(el('td', {}, String(v)));
        tbody.append(tr);
      }
      grid.append(thead, tbody);
      const scroller = el('div', { class: 'scroll' });
      scroller.append(grid);
      const facts = el('dl', { class: 'facts' });
      for (const [k, v] of table.facts) facts.append(el('dt', {}, k), el('dd', {}, String(v)));
      box.append(scroller, facts);
      if (this.host.kind === 'browser') {
        const button = el('button', { class: 'btn', type: 'button', 'data-summary': site.id }, t(this.lang, 'downloadSummary'));
        button.addEventListener('click', () => this.guarded(() => this.host.writeSummary(site, summary, this.lang)));
        box.append(button);
      }
      root.append(box);
    }
  }
}
