/** 校验's controls: Excel's buttons, the browser's file picker and drop zone, clicks on findings. */
import type { App } from './app';
import { byId, errorText } from './dom';
import { t } from './i18n';
import { renderPreview } from './preview';
import { type DropItem, type Dropped, droppedFiles } from './drop-folder';

export function wireCheck(app: App): void {
  document.getElementById('validate-btn')?.addEventListener('click', () => app.guarded(() => app.runCheck()));
  document.getElementById('mark-btn')?.addEventListener('click', () =>
    app.guarded(async () => {
      // Checked again first (a few syncs): what is marked is what the workbook holds now, not what the last check saw
      // before a correction or a row inserted or deleted.
      await app.runCheck();
      const site = app.results[0];
      if (!site || !app.host.mark) return undefined;
      const said = await app.host.mark(site, app.lang);
      app.forgetOldMarks();
      return said;
    }),
  );
  document.getElementById('clear-btn')?.addEventListener('click', () =>
    app.guarded(async () => {
      if (!app.host.clearMarks) return undefined;
      const said = await app.host.clearMarks(app.lang);
      app.forgetOldMarks();
      return said;
    }),
  );
  wireFilePicker(app);
  byId('results').addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-finding]');
    if (target) {
      void pick(app, target.dataset.site ?? '', Number(target.dataset.finding));
      return;
    }
    const remove = (e.target as HTMLElement).closest<HTMLElement>('[data-remove], #clear-all');
    if (remove) {
      void app.removeFiles(remove.id === 'clear-all' ? app.results.map((r) => r.id) : [remove.dataset.remove ?? '']);
      return;
    }
    const download = (e.target as HTMLElement).closest<HTMLElement>('[data-download]');
    if (download) {
      const site = app.results.find((r) => r.id === download.dataset.download);
      if (site && app.host.downloadMarked) void app.download(() => app.host.downloadMarked!(site, app.lang));
    }
  });
}

function wireFilePicker(app: App): void {
  const input = document.getElementById('file-input') as HTMLInputElement | null;
  input?.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void app.openFiles(files);
  });
  const drop = document.getElementById('drop-zone');
  if (!drop) return;
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    // A folder dropped: the workbooks in it and its subfolders, as the CLI reads a folder (review 14b D2).
    const open = ({ files, foldersWithout }: Dropped) =>
      app.openFiles(
        files,
        foldersWithout.map((folder) => t(app.lang, 'folderWithoutWorkbooks', { folder })),
      );
    const dropped = droppedFiles(e.dataTransfer?.items as unknown as DropItem[] | undefined, [...(e.dataTransfer?.files ?? [])]);
    void (dropped instanceof Promise ? dropped.then(open) : open(dropped));
  });
}

async function pick(app: App, siteId: string, index: number): Promise<void> {
  const site = app.results.find((r) => r.id === siteId);
  const finding = site?.findings[index];
  if (!site || !finding) return;
  document.querySelectorAll('.finding.selected').forEach((n) => {
    n.classList.remove('selected');
    n.setAttribute('aria-expanded', 'false');
  });
  const button = document.querySelector<HTMLElement>(`[data-site="${CSS.escape(siteId)}"][data-finding="${index}"]`);
  button?.classList.add('selected');
  button?.setAttribute('aria-expanded', 'true');
  renderPreview(site, finding, app.lang, button ?? undefined);
  try {
    const said = await app.host.select(site, finding, app.lang);
    if (said) app.status(said);
  } catch (error) {
    app.status(`${t(app.lang, 'failed')}${errorText(error)}`, 'error');
  }
}
