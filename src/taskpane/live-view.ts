/** 实时校验: the switch, and edits reported by the host turned into debounced re-checks of the edited sheets. */
import type { App } from './app';
import { LiveCheck, LiveOptions } from './live';

const LIVE_KEY = 'custody.live';

export function wireLive(app: App, storage?: Pick<Storage, 'getItem' | 'setItem'>, options?: LiveOptions): LiveCheck | undefined {
  const toggle = document.getElementById('live-toggle') as HTMLInputElement | null;
  if (!app.host.watch) {
    toggle?.closest('label')?.remove();
    return undefined;
  }
  // Findings refresh only once there are findings to refresh: the first check is the person's.
  const live = new LiveCheck((sheets) => (app.results.length > 0 ? app.guarded(() => app.runCheck(sheets)) : Promise.resolve()), options);
  const on = storage?.getItem(LIVE_KEY) !== '0';
  live.setEnabled(on);
  if (toggle) {
    toggle.checked = on;
    toggle.addEventListener('change', () => {
      live.setEnabled(toggle.checked);
      storage?.setItem(LIVE_KEY, toggle.checked ? '1' : '0');
    });
  }
  app.host.watch((sheets) => live.changed(sheets));
  return live;
}
