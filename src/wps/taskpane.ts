/**
 * Entry of the task pane inside WPS Spreadsheets: the same pane as Excel's
 * (src/taskpane), Chinese first, with the WPS host. WPS gives the page its
 * object model as window.Application (wps.EtApplication() in some builds).
 * Commands left by the ribbon buttons (校验, 清除标记) are picked up here.
 */
import type { EtObject } from '../io/wps/et';
import { App } from '../taskpane/app';
import { templateCatalog } from '../forms/catalog';
import type { TemplateInfo } from '../taskpane/host';
import { COMMAND_KEY, decodeCommand } from './commands';
import { wpsHost } from './face';

const DONE_KEY = `${COMMAND_KEY}.done`;
const POLL_MS = 300;

interface WpsWindow {
  Application?: EtObject;
  wps?: { EtApplication?: () => EtObject; Application?: EtObject };
}

export function etApplication(win: WpsWindow): EtObject | undefined {
  return win.Application ?? win.wps?.EtApplication?.() ?? win.wps?.Application;
}

/** The forms there are, drawn in WPS from their drafts: nothing to fetch (an add-in unpacked on disk could not). */
async function templates(): Promise<TemplateInfo[]> {
  return templateCatalog().map((t) => ({ ...t, base64: '' }));
}

function safeStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Runs each ribbon command once, as a click on the pane's own button. */
function followCommands(app: EtObject, pane: App): void {
  const store = app.PluginStorage;
  if (!store) return;
  const poll = (): void => {
    const command = decodeCommand(store.getItem(COMMAND_KEY));
    if (!command || command.serial <= Number(store.getItem(DONE_KEY) ?? 0)) return;
    store.setItem(DONE_KEY, String(command.serial));
    pane.showTab('check');
    if (command.command === 'check') document.getElementById('validate-btn')?.click();
    if (command.command === 'clear') document.getElementById('clear-btn')?.click();
  };
  poll();
  setInterval(poll, POLL_MS);
}

function main(): void {
  const app = etApplication(window as unknown as WpsWindow);
  document.body.dataset.face = 'wps';
  if (!app) {
    document.body.textContent = '请在 WPS 表格中通过“试卷保密”选项卡打开试卷保密助手。';
    return;
  }
  const pane = new App({ host: wpsHost(app), templates, storage: safeStorage() });
  pane.start();
  followCommands(app, pane);
  document.body.dataset.ready = 'true';
}

if (document.readyState !== 'loading') main();
else document.addEventListener('DOMContentLoaded', main);
