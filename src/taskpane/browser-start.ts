/** Starts the pane as the browser face: files chosen from disk, read in a worker, nothing sent anywhere. */
import { App } from './app';
import { browserHost } from './browser-face';
import { loadTemplates } from './host';
import type { Key } from './i18n';

function safeStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** `notice`: what the pane says first (in Excel, when Office.js could not be loaded). */
export function startBrowserFace(notice?: Key): void {
  const host = browserHost();
  new App({
    host,
    templates: loadTemplates,
    addFiles: (files, progress, stop) => host.addFiles(files, progress, stop),
    storage: safeStorage(),
    notice,
  }).start();
  document.body.dataset.ready = 'true';
}
