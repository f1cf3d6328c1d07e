/** Starts the pane as the browser face: files chosen from disk, read in a worker, nothing sent anywhere. */
import { App } from './app';
import { browserHost } from './browser-face';
import { loadTemplates } from './host';

function safeStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function startBrowserFace(): void {
  const host = browserHost();
  new App({ host, templates: loadTemplates, addFiles: (files, progress) => host.addFiles(files, progress), storage: safeStorage() }).start();
  document.body.dataset.ready = 'true';
}
