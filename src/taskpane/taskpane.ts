/**
 * Entry of the task pane page. In Excel it loads Office.js and works on the
 * open workbook; opened in a plain browser it becomes the browser face and
 * works on .xlsx files chosen from disk.
 *
 * Office.js is not referenced by a <script> tag: it comes from Microsoft's CDN
 * (Office requires the hosted copy), and the browser face must make no request
 * outside its own origin. So the page loads it only when Office is hosting the
 * page: the manifest opens it as taskpane.html?host=office, and Office itself
 * adds _host_Info to the URL.
 */
import { App } from './app';
import { loadTemplates } from './host';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function hostedByOffice(location: Pick<Location, 'search' | 'hash'>): boolean {
  const params = new URLSearchParams(location.search);
  return params.get('host') === 'office' || params.has('_host_Info') || /_host_Info=/.test(location.hash);
}

function loadScript(src: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    const timer = setTimeout(() => reject(new Error(`timeout loading ${src}`)), timeoutMs);
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`cannot load ${src}`));
    };
    document.head.appendChild(script);
  });
}

function safeStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Starts the pane in Excel: 'started'; 'not-excel' (another host); 'no-office-js' (Microsoft's copy could not be loaded). */
async function startOffice(): Promise<'started' | 'not-excel' | 'no-office-js'> {
  try {
    await loadScript(OFFICE_JS);
  } catch (error) {
    console.warn('Office.js could not be loaded, using the browser face:', error);
    return 'no-office-js';
  }
  try {
    const info = await Office.onReady();
    if (info.host !== Office.HostType.Excel) return 'not-excel';
    const { officeHost } = await import(/* webpackChunkName: "office-face" */ './office-face');
    new App({ host: officeHost(), templates: loadTemplates, storage: safeStorage() }).start();
    return 'started';
  } catch (error) {
    console.warn('Office host not available, using the browser face:', error);
    return 'not-excel';
  }
}

async function startBrowser(notice?: 'officeUnavailable'): Promise<void> {
  const { startBrowserFace } = await import(/* webpackChunkName: "browser-face" */ './browser-start');
  startBrowserFace(notice);
}

async function main(): Promise<void> {
  const office = hostedByOffice(window.location) ? await startOffice() : 'not-excel';
  if (office === 'started') return;
  // Opened by Excel but cut off from Microsoft's Office.js: the pane says so, not only the console.
  await startBrowser(office === 'no-office-js' ? 'officeUnavailable' : undefined);
}

if (typeof document !== 'undefined' && document.readyState !== 'loading') void main();
else if (typeof document !== 'undefined') document.addEventListener('DOMContentLoaded', () => void main());
