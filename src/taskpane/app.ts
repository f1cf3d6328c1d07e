/**
 * The task pane's UI: three parts (表单 / 校验 / 汇总), Chinese first with an
 * English switch, the same in Excel and in a plain browser. All host work goes
 * through a Host; this file holds the pane's state and its frame (language,
 * tabs, status line, one piece of work at a time); each part draws itself in
 * its own file (forms-view, check-view + findings-view + preview, summary-view).
 */
import { SiteSummary, summarizeSite } from '../summary/site';
import { SiteResult, counts } from './check';
import { wireCheck } from './check-view';
import { byId, errorText } from './dom';
import { renderResults } from './findings-view';
import { renderTemplates } from './forms-view';
import type { Host, TemplateInfo } from './host';
import { Lang, t, translate } from './i18n';
import { LiveCheck } from './live';
import { wireLive } from './live-view';
import { renderSummaries, wireSummary } from './summary-view';

export interface AppOptions {
  host: Host;
  templates: () => Promise<TemplateInfo[]>;
  /** Browser face: open files. */
  addFiles?: (files: readonly File[]) => Promise<void>;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const LANG_KEY = 'custody.lang';

export class App {
  lang: Lang;
  results: SiteResult[] = [];
  summaries = new Map<string, SiteSummary>();
  live: LiveCheck | undefined;
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
    byId('lang-switch').addEventListener('click', () => this.setLang(this.lang === 'zh' ? 'en' : 'zh'));
    this.wireTabs();
    wireCheck(this);
    this.live = wireLive(this, this.options.storage);
    wireSummary(this);
    this.render();
    void renderTemplates(this, this.options.templates);
  }

  private wireTabs(): void {
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
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.options.storage?.setItem(LANG_KEY, lang);
    // Findings carry their message in a language: check again (cheap, all local) in the new one.
    if (this.results.length > 0) void this.runCheck();
    this.render();
    void renderTemplates(this, this.options.templates);
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
    const node = byId('status');
    node.textContent = text;
    node.dataset.kind = kind;
  }

  /** Runs one piece of work at a time, the status line saying it is busy, then what came of it. */
  async guarded(work: () => Promise<string | void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    document.body.classList.add('busy');
    this.status(t(this.lang, 'working'), 'busy');
    try {
      const message = await work();
      this.status(message || t(this.lang, 'done'));
    } catch (error) {
      this.status(`${t(this.lang, 'failed')}${errorText(error)}`, 'error');
    } finally {
      this.busy = false;
      document.body.classList.remove('busy');
    }
  }

  render(): void {
    translate(document, this.lang);
    renderResults(this);
    renderSummaries(this);
  }

  async openFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0 || !this.options.addFiles) return;
    await this.guarded(async () => {
      await this.options.addFiles!(files);
      return this.runCheck();
    });
  }

  /** Checks the workbook; `changed`: only these sheets were edited since (live checking). */
  async runCheck(changed?: readonly string[]): Promise<string> {
    this.results = await this.host.check(this.lang, changed);
    this.summaries.clear();
    for (const r of this.results) {
      if (r.model) this.summaries.set(r.id, summarizeSite(r.model, r.findings, { file: r.label }));
    }
    renderResults(this);
    renderSummaries(this);
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
}
