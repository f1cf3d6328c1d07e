/**
 * The task pane's UI: three parts (表单 / 校验 / 汇总), Chinese first with an
 * English switch, the same in Excel and in a plain browser. All host work goes
 * through a Host; this file holds the pane's state and its frame (language,
 * tabs, status line, one piece of work at a time); each part draws itself in
 * its own file (forms-view, check-view + findings-view + preview, summary-view).
 */
import type { SiteSummary } from '../summary/site';
import { countFindings } from '../summary/once-per-handover';
import { SiteResult, copiesIn, counts } from './check';
import { wireCheck } from './check-view';
import { byId, errorText } from './dom';
import { renderResults } from './findings-view';
import { renderTemplates } from './forms-view';
import type { OpenNote, ReadProgress } from './browser-face';
import type { Host, TemplateInfo } from './host';
import { type Key, Lang, t, translate } from './i18n';
import { LiveCheck } from './live';
import { wireLive } from './live-view';
import { renderSummaries, wireSummary } from './summary-view';
import { ReadingStopped, namesShown } from './reading-stop';
import { oldMarksLine } from './old-marks';
import { notCustody } from '../check/refusal';

export interface AppOptions {
  host: Host;
  templates: () => Promise<TemplateInfo[]>;
  /** Browser face: open files, saying how far the reading has come; what they replaced or were told apart from. */
  addFiles?: (files: readonly File[], progress: (p: ReadProgress) => void, stop: AbortSignal) => Promise<OpenNote[]>;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** What the pane says before anything else, and again when nothing else is to be said (Office.js could not be loaded). */
  notice?: Key;
}

const LANG_KEY = 'custody.lang';

/** A file read for longer than this (ms) has the progress bar moving on its own until the next one. */
export const SLOW_FILE_MS = 700;

type StatusKind = 'info' | 'error' | 'busy';

/** What a piece of work says when it ends: a line, and whether it is bad news. */
export interface Outcome {
  text: string;
  kind: StatusKind;
}

export class App {
  lang: Lang;
  results: SiteResult[] = [];
  summaries = new Map<string, SiteSummary>();
  live: LiveCheck | undefined;
  private busy = false;
  /** Files picked or dropped while other work ran: read as soon as it ends (with the reading under way, in the same run), never dropped. */
  private waiting: File[] = [];
  /** Lines to say with the next tally (a folder dropped with no workbook in it, beside files that were). */
  private waitingSaid: string[] = [];
  /** Work asked for while other work ran: run next, in order, never dropped. */
  private queued: Array<() => Promise<void>> = [];
  /** The reading under way, shown again when files join the wait. */
  private reading: ReadProgress | null = null;
  /** Sets the bar moving when the file being read takes longer than SLOW_FILE_MS. */
  private slowFile: ReturnType<typeof setTimeout> | undefined;
  /** Ends the reading under way (停止, Escape); null when no files are being read. */
  private stopReading: AbortController | null = null;
  /** Files left unread by 停止 (browser face), by name, until they are given again or every file is taken out: the 汇总 tab names them. */
  notRead: string[] = [];
  /** Whether the 汇总 tab shows the summaries of the last check (it is drawn when shown). */
  private summariesDrawn = false;

  /** Loaded once: the language switch draws the same list again. */
  private templates?: Promise<TemplateInfo[]>;

  constructor(private readonly options: AppOptions) {
    const stored = options.storage?.getItem(LANG_KEY);
    this.lang = stored === 'en' ? 'en' : 'zh';
  }

  private loadTemplates(): Promise<TemplateInfo[]> {
    this.templates ??= this.options.templates();
    // A failed load is tried again next time.
    this.templates.catch(() => (this.templates = undefined));
    return this.templates;
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
    this.wireStop();
    wireCheck(this);
    this.live = wireLive(this, this.options.storage);
    wireSummary(this);
    this.render();
    if (this.options.notice) this.status(t(this.lang, this.options.notice), 'error');
    void renderTemplates(this, () => this.loadTemplates());
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

  /** 停止 beside the progress bar, and Escape, while files are read: what is read stays, the rest is not read. */
  private wireStop(): void {
    document.getElementById('stop-btn')?.addEventListener('click', () => this.stop());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.stopReading) {
        e.preventDefault();
        this.stop();
      }
    });
  }

  /** Stops the reading under way (the worker reading is ended); the files read stay open and are checked. */
  stop(): void {
    this.stopReading?.abort();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.options.storage?.setItem(LANG_KEY, lang);
    // Findings carry their message in a language: check again (cheap, all local) in the new one.
    if (this.results.length > 0) void this.guarded(() => this.runCheck());
    else this.status(this.options.notice ? t(lang, this.options.notice) : '', this.options.notice ? 'error' : 'info');
    this.render();
    void renderTemplates(this, () => this.loadTemplates());
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
    if (name === 'summary' && !this.summariesDrawn) this.drawSummaries();
  }

  /**
   * The 汇总 tab's tables, drawn when it is shown: a site of 5,000 papers is a
   * table of 5,000 rows, which held the page a fifth of a second after every
   * check while nobody looked at it.
   */
  private drawSummaries(): void {
    this.summariesDrawn = !(document.getElementById('panel-summary')?.hidden ?? false);
    if (this.summariesDrawn) renderSummaries(this);
  }

  status(text: string, kind: StatusKind = 'info'): void {
    const node = byId('status');
    node.textContent = text;
    node.dataset.kind = kind;
  }

  /**
   * Runs one piece of work at a time, the status line saying it is busy, then what came of it. Work asked for while
   * other work runs (the language switched during a download, a live re-check during 标记, a WPS ribbon command)
   * waits its turn and runs after, in order: it was dropped without a word. The promise ends when the work has run.
   */
  async guarded(work: () => Promise<string | Outcome | void>): Promise<void> {
    if (this.busy) return new Promise<void>((resolve) => this.queued.push(() => this.guarded(work).then(resolve)));
    this.busy = true;
    document.body.classList.add('busy');
    this.status(t(this.lang, 'working'), 'busy');
    try {
      const outcome = await work();
      if (typeof outcome === 'object') this.status(outcome.text, outcome.kind);
      else this.status(outcome || t(this.lang, 'done'));
    } catch (error) {
      this.status(`${t(this.lang, 'failed')}${errorText(error)}`, 'error');
    } finally {
      this.busy = false;
      document.body.classList.remove('busy');
      // Files that came while other work ran (a check, a download): their turn now; then the work that waits.
      if (this.waiting.length > 0) void this.openFiles(this.waiting.splice(0));
      else void this.queued.shift()?.();
    }
  }

  /**
   * A file the page saved (browser face): `work` returns its name. Said after
   * the last check's tally, which stays: the officer still needs it.
   */
  download(work: () => Promise<string>): Promise<void> {
    return this.guarded(async () => {
      const said = t(this.lang, 'downloaded', { file: await work() });
      if (this.results.length === 0) return said;
      const tally = checkOutcome(this.results, this.lang);
      return { text: `${tally.text}${this.lang === 'zh' ? '；' : '; '}${said}`, kind: tally.kind };
    });
  }

  render(): void {
    translate(document, this.lang);
    // The switch names the other language in that language.
    byId('lang-switch').lang = this.lang === 'zh' ? 'en' : 'zh-CN';
    renderResults(this);
    this.drawSummaries();
  }

  /**
   * Opens files and checks all that are open. Files given while the page is
   * busy (still reading the last ones, checking, writing a download) wait,
   * the status line saying so, and are read when it is free: a 分校 workbook
   * dropped while 50 考点 workbooks were being read was lost without a word.
   */
  async openFiles(files: readonly File[], said: readonly string[] = []): Promise<void> {
    if (!this.options.addFiles) return;
    // A folder dropped with no workbook to be had from it: its line alone, after what the page is doing.
    if (files.length === 0) {
      if (said.length > 0) await this.guarded(async () => ({ text: said.join(''), kind: 'error' }));
      return;
    }
    this.waitingSaid.push(...said);
    if (this.busy) {
      this.waiting.push(...files);
      this.sayWaiting();
      return;
    }
    await this.guarded(async () => {
      const notes: OpenNote[] = [];
      const stop = new AbortController();
      this.stopReading = stop;
      // Files not read at an earlier 停止, given again: read now, no longer said as not read.
      const given = new Set(files.map((f) => f.name));
      this.notRead = this.notRead.filter((name) => !given.has(name));
      let notRead: string[] = [];
      try {
        // Files that join the wait while these are read are read next, in the same run, before one check of all.
        for (let batch = files; batch.length > 0; batch = this.waiting.splice(0)) {
          notes.push(...(await this.options.addFiles!(batch, (p) => this.progress(p), stop.signal)));
        }
      } catch (error) {
        if (!(error instanceof ReadingStopped)) throw error;
        // 停止: the files read stay and are checked; those not read (and any waiting) are said, not read.
        notes.push(...error.notes);
        notRead = [...error.notRead, ...this.waiting.splice(0).map((f) => f.name)];
        this.notRead = [...new Set([...this.notRead, ...notRead])];
      } finally {
        this.stopReading = null;
        this.progress(null);
      }
      const outcome = await this.runCheck();
      // A file of an open file's name replaced it, or was kept beside it under another label: said before the tally, not done silently.
      const stopped = notRead.length > 0 ? t(this.lang, 'stoppedReading', { n: notRead.length, files: namesShown(notRead, this.lang) }) : '';
      const folders = this.waitingSaid.splice(0).join('');
      return { ...outcome, text: `${stopped}${folders}${openNotesText(notes, this.lang)}${outcome.text}` };
    });
  }

  /**
   * Takes files out of those open (browser face: × on a file, 全部清除): the list, the tallies, the status line and
   * the 汇总 tab are drawn again without them, and the keyboard goes on at the next file's × (or the file picker).
   */
  removeFiles(ids: readonly string[]): Promise<void> {
    if (!this.host.remove || ids.length === 0) return Promise.resolve();
    return this.guarded(async () => {
      const gone = new Set(ids);
      const at = this.results.findIndex((r) => gone.has(r.id));
      const all = ids.length > 1 && this.results.every((r) => gone.has(r.id));
      const one = ids.length === 1 ? this.results.find((r) => r.id === ids[0]) : undefined;
      this.host.remove!(ids);
      if (all) this.notRead = [];
      for (const id of ids) this.announced.delete(id);
      const outcome = await this.runCheck();
      const said = all
        ? t(this.lang, 'removedAll', { n: ids.length })
        : one
          ? t(this.lang, 'removedOne', { file: one.label })
          : t(this.lang, 'removedMany', { n: ids.length });
      const next = [...document.querySelectorAll<HTMLElement>('[data-remove]')];
      (next[Math.min(Math.max(at, 0), next.length - 1)] ?? document.getElementById('file-input'))?.focus();
      return this.results.length === 0 ? said : { ...outcome, text: `${said}${outcome.text}` };
    });
  }

  /**
   * The files whose refusal was announced (role=alert), by result id: said once when it is first drawn, not again at
   * every redraw (a language switch, each check), which had a screen reader read every one of them again.
   */
  readonly announced = new Set<string>();

  /**
   * Shows which file is being read, and how many of how many; null hides it. A file that takes long (a vault log of
   * 50,000 rows: some 10 s) sets the bar moving on its own (indeterminate) until the next file, so that a slow page
   * is told from a stuck one (review 14b D8); the reading is in the worker, the page only starts the animation.
   */
  progress(p: ReadProgress | null): void {
    const sameFile = p !== null && this.reading !== null && p.done === this.reading.done && p.total === this.reading.total && p.name === this.reading.name;
    this.reading = p;
    const box = document.getElementById('progress');
    if (!box) return;
    box.hidden = p === null;
    if (!sameFile) clearTimeout(this.slowFile);
    if (!p) return;
    const bar = byId('progress-bar') as HTMLProgressElement;
    if (!sameFile) {
      bar.max = p.total;
      bar.value = p.done;
      this.slowFile = setTimeout(() => bar.removeAttribute('value'), SLOW_FILE_MS);
    }
    const text = t(this.lang, 'reading', { i: p.done + 1, n: p.total, file: p.name }) + this.waitingText();
    byId('progress-text').textContent = text;
    this.status(text, 'busy');
  }

  /** "（另有 n 个文件等待读取）", when files wait. */
  private waitingText(): string {
    return this.waiting.length > 0 ? t(this.lang, 'filesWaiting', { n: this.waiting.length }) : '';
  }

  /** Says that files wait: with the reading under way, or after what the page is doing. */
  private sayWaiting(): void {
    if (this.reading) this.progress(this.reading);
    else this.status(`${t(this.lang, 'working')}${this.waitingText()}`, 'busy');
  }

  /**
   * After 标记 or 清除标记: the marks the last check found left over are gone (marking takes away those of findings
   * gone; clearing takes away all it finds), and the list says so again without reading the workbook once more.
   */
  forgetOldMarks(): void {
    if (!this.results.some((r) => r.oldMarks)) return;
    this.results = this.results.map(({ oldMarks: _, ...r }) => r);
    renderResults(this);
  }

  /** Checks what is open (`changed`: only these sheets were edited since, live checking); the status line counts the findings and names any workbook that could not be read. */
  async runCheck(changed?: readonly string[]): Promise<Outcome> {
    this.status(t(this.lang, 'checking'), 'busy');
    this.results = await this.host.check(this.lang, changed);
    this.summaries.clear();
    for (const r of this.results) {
      if (r.summary) this.summaries.set(r.id, r.summary);
    }
    renderResults(this);
    this.drawSummaries();
    return checkOutcome(this.results, this.lang);
  }
}

/**
 * What opening files did besides adding them, said before the tally: the files
 * replaced in one sentence with their count (the same 50 picked again said 50
 * sentences, review 14b D4), the file named when it is one; each file kept
 * beside another unit's namesake in a sentence of its own (its new label).
 */
function openNotesText(notes: readonly OpenNote[], lang: Lang): string {
  const replaced = notes.filter((n) => n.kind === 'replaced');
  const kept = notes.filter((n) => n.kind === 'keptBoth').map((n) => t(lang, 'keptBothOpen', { file: n.name, label: n.label }));
  const one = replaced.length === 1 ? t(lang, 'replacedOpen', { file: replaced[0].name, label: replaced[0].label }) : '';
  return `${replaced.length > 1 ? t(lang, 'replacedOpenMany', { n: replaced.length }) : one}${kept.join('')}`;
}

/**
 * A file that could not be read is bad news, not "0 errors": its one-line
 * refusal leads the status line, which then counts the readable ones.
 */
export function checkOutcome(all: readonly SiteResult[], lang: Lang): Outcome {
  const total = { errors: 0, warnings: 0 };
  let summaryErrors = 0;
  // A file passed by (a summary, a marked copy) is counted neither as read nor as unreadable: its line in the list says why.
  // A copy of a workbook (the same bytes) is not counted again: its line is under the workbook.
  const copies = new Set(copiesIn(all, lang).map((c) => c.id));
  const results = all.filter((r) => r.skipped === undefined && !copies.has(r.id));
  const passedBy = all.filter((r) => r.skipped !== undefined).length;
  const skipped = passedBy > 0 ? t(lang, 'skippedCount', { n: passedBy }) : '';
  for (const r of results) {
    const c = counts(r.findings);
    total.errors += c.errors;
    total.warnings += c.warnings;
    summaryErrors += countFindings(r.findings).errors;
  }
  // The workbook open in Excel or WPS with no forms yet: nothing was read wrong and no file was chosen; say where the forms are.
  if (results.length === 1 && results[0].noForms) return { text: t(lang, 'noFormsOpen'), kind: 'info' };
  const unreadable = results.filter((r) => r.error !== undefined);
  const tally = t(lang, 'summaryDone', total) + (summaryErrors < total.errors ? t(lang, 'summaryCounts', { errors: summaryErrors }) : '');
  // Marks of an earlier 标记 whose findings are gone (Excel, WPS): said after the tally, as bad news (review 20a D3).
  const old = results.find((r) => r.oldMarks);
  if (unreadable.length === 0 && old) return { text: `${tally}${oldMarksLine(lang, old.oldMarks!, old.findings.length)}${skipped}`, kind: 'error' };
  if (unreadable.length === 0) return { text: `${tally}${skipped}`, kind: 'info' };
  // A workbook read but not ours says so (不是试卷保密表单：…), not 无法读取: it is not damaged.
  const reason = unreadable[0].error ?? '';
  const first = t(lang, notCustody(reason) ? 'notCustodyFile' : 'cannotRead', { file: unreadable[0].label, reason });
  // The others, each kind in its words.
  const others = unreadable.slice(1);
  const notOurs = others.filter((r) => notCustody(r.error ?? '')).length;
  const more = [
    others.length > notOurs ? t(lang, 'moreUnreadable', { n: others.length - notOurs }) : '',
    notOurs > 0 ? t(lang, 'moreNotCustody', { n: notOurs }) : '',
  ].join('');
  const readable = results.length > unreadable.length ? `${lang === 'zh' ? '；' : '; '}${tally}` : '';
  return { text: `${first}${more}${readable}${skipped}`, kind: 'error' };
}
