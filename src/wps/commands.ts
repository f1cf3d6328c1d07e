/**
 * What the ribbon and the pane share. Ribbon callbacks must stay synchronous
 * (async ones broke ribbons on some WPS builds), so a button only opens the
 * pane and leaves a command in Application.PluginStorage; the pane picks it up.
 * PluginStorage is shared by WPS Writer, ET and Presentation: keys say "et".
 */
export const PANE_ID_KEY = 'custody-assistant.et.taskpane';
export const COMMAND_KEY = 'custody-assistant.et.command';

export type PaneCommand = 'open' | 'check' | 'clear';

/** The ribbon buttons (ids in ribbon.xml) and what each asks of the pane. */
export const BUTTONS: Record<string, PaneCommand> = {
  btnOpenPane: 'open',
  btnValidate: 'check',
  btnClearMarks: 'clear',
};

/** A command with a serial, so the pane runs each one once. */
export function encodeCommand(command: PaneCommand, serial: number): string {
  return `${serial}:${command}`;
}

export function decodeCommand(value: unknown): { serial: number; command: PaneCommand } | undefined {
  const m = /^(\d+):(open|check|clear)$/.exec(String(value ?? ''));
  return m ? { serial: Number(m[1]), command: m[2] as PaneCommand } : undefined;
}
