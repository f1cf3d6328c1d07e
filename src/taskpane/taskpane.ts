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

async function startOffice(): Promise<boolean> {
  try {
    await loadScript(OFFICE_JS);
    const info = await Office.onReady();
    if (info.host !== Office.HostType.Excel) return false;
    const { officeHost } = await import(/* webpackChunkName: "office-face" */ './office-face');
    new App({ host: officeHost(), templates: loadTemplates, storage: safeStorage() }).start();
    return true;
  } catch (error) {
    console.warn('Office host not available, using the browser face:', error);
    return false;
  }
}

async function startBrowser(): Promise<void> {
  const { startBrowserFace } = await import(/* webpackChunkName: "browser-face" */ './browser-start');
  startBrowserFace();
}

async function main(): Promise<void> {
  if (hostedByOffice(window.location) && (await startOffice())) return;
  await startBrowser();
}

if (typeof document !== 'undefined' && document.readyState !== 'loading') void main();
else if (typeof document !== 'undefined') document.addEventListener('DOMContentLoaded', () => void main());
