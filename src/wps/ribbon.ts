/**
 * The WPS add-in's entry page script (index.html): the global callbacks
 * ribbon.xml names. All synchronous: they open (or show) the task pane and
 * hand the work to it; the pane's ID is kept in PluginStorage.
 */
import type { EtObject } from '../io/wps/et';
import { BUTTONS, COMMAND_KEY, PANE_ID_KEY, encodeCommand } from './commands';

interface RibbonWindow {
  Application?: EtObject;
  OnAddinLoad?: (ribbonUI: unknown) => boolean;
  OnAction?: (control: { Id?: string; id?: string }) => boolean;
  GetImage?: (control: unknown) => string;
}

const DOCK_RIGHT = 2;

function storage(app: EtObject): EtObject {
  return app?.PluginStorage;
}

/** The folder the add-in is served from (ribbon.xml, index.html and taskpane.html sit together). */
function baseUrl(): string {
  return window.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

function createPane(app: EtObject, url: string): EtObject {
  // Documented as CreateTaskPane; some builds and docs spell it CreateTaskpane.
  const create = app.CreateTaskPane ?? app.CreateTaskpane;
  return create.call(app, url);
}

/** Shows our pane, creating it the first time (or when the stored ID no longer answers). */
export function showPane(app: EtObject): void {
  const store = storage(app);
  const id = store?.getItem(PANE_ID_KEY);
  let pane: EtObject;
  try {
    pane = id ? app.GetTaskPane(id) : undefined;
  } catch {
    pane = undefined;
  }
  if (!pane) {
    pane = createPane(app, `${baseUrl()}taskpane.html`);
    store?.setItem(PANE_ID_KEY, pane.ID);
    pane.DockPosition = DOCK_RIGHT;
  }
  pane.Visible = true;
}

let serial = Date.now();

export function onAction(app: EtObject, controlId: string): boolean {
  const command = BUTTONS[controlId];
  if (!command) return true;
  storage(app)?.setItem(COMMAND_KEY, encodeCommand(command, ++serial));
  showPane(app);
  return true;
}

export function install(win: RibbonWindow): void {
  win.OnAddinLoad = (ribbonUI) => {
    if (win.Application && typeof win.Application === 'object') win.Application.ribbonUI = ribbonUI;
    return true;
  };
  win.OnAction = (control) => {
    try {
      return onAction(win.Application, String(control?.Id ?? control?.id ?? ''));
    } catch (error) {
      window.alert(`试卷保密助手：${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  };
  win.GetImage = () => 'assets/icon-32.png';
}

install(window as unknown as RibbonWindow);
