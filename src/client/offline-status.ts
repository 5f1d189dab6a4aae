import type { Workbox } from 'workbox-window';

const READY_SHOWN_KEY = 'arshif-offline-ready-shown';

/**
 * How long the page waits for the worker to say it has kept the pages loaded
 * before it took charge. Workbox answers only when every one was fetched; one
 * that fails leaves it silent, and the reader must still be told the archive
 * is ready.
 */
const KEEP_LOADED_TIMEOUT_MS = 15_000;

/**
 * Registers dist/sw.js (production builds only) once the page has loaded and
 * the browser is idle — the reader's first paint never waits for it — and
 * tells the reader, once, that the archive now works offline, and whenever a
 * new version has been installed and is waiting, that reloading will bring it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => void setUp();
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 200));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}

/**
 * The addresses this page loaded before the worker was in charge, for the
 * worker to keep as if it had served them: the page itself and the locale's
 * search page as pages (Accept: text/html, which the worker's page routes
 * answer), and the same-origin files the page used (styles, fonts, images,
 * search files), each through the route that would have served it.
 */
function loadedBeforeControl(searchUrl: string | undefined): (string | [string, RequestInit])[] {
  const asPage = (url: string): [string, RequestInit] => [url, { headers: { Accept: 'text/html' } }];
  const pages = [location.href, ...(searchUrl ? [new URL(searchUrl, location.href).href] : [])];
  const files = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).origin === location.origin);
  return [...pages.map(asPage), ...new Set(files)];
}

/** Asks the newly active worker to keep what this page loaded; settles when it has, or after KEEP_LOADED_TIMEOUT_MS. */
async function keepLoadedPage(workbox: Workbox, searchUrl: string | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      workbox.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: loadedBeforeControl(searchUrl) } }),
      new Promise((resolve) => (timer = setTimeout(resolve, KEEP_LOADED_TIMEOUT_MS))),
    ]);
  } catch (error) {
    console.warn('Arshif: the page opened first could not be kept for offline reading', error);
  } finally {
    clearTimeout(timer);
  }
}

async function setUp(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  if (!status) return;
  const ready = status.querySelector<HTMLElement>('[data-offline-ready]')!;
  const update = status.querySelector<HTMLElement>('[data-offline-update]')!;
  const show = (message: HTMLElement) => {
    ready.hidden = message !== ready;
    update.hidden = message !== update;
    status.hidden = false;
  };
  status.querySelector('[data-offline-close]')!.addEventListener('click', () => {
    status.hidden = true;
  });

  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const workbox = new Workbox(`${base}sw.js`, { scope: base });
  workbox.addEventListener('activated', (event) => {
    if (event.isUpdate) return;
    // This page was fetched before the worker existed: kept now, it opens offline
    // too, and only then is the archive said to be ready.
    void keepLoadedPage(workbox, status.dataset.searchUrl).then(() => {
      document.documentElement.dataset.serviceWorker = 'active';
      try {
        if (localStorage.getItem(READY_SHOWN_KEY)) return;
        localStorage.setItem(READY_SHOWN_KEY, '1');
      } catch {
        // Without storage the message may show again; that is harmless.
      }
      show(ready);
    });
  });
  workbox.addEventListener('waiting', () => {
    show(update);
    status.querySelector('[data-offline-reload]')!.addEventListener(
      'click',
      () => {
        workbox.addEventListener('controlling', () => location.reload());
        workbox.messageSkipWaiting();
      },
      { once: true },
    );
  });
  try {
    const registration = await workbox.register();
    // Already installed on an earlier visit: the archive is ready offline now.
    if (registration?.active && navigator.serviceWorker.controller) document.documentElement.dataset.serviceWorker = 'active';
  } catch (error) {
    // Registration refused (a private window, a policy, a blocked worker): the
    // site works as it does without a worker, only not offline.
    document.documentElement.dataset.serviceWorker = 'unavailable';
    console.info('Arshif: offline reading is not available in this browser', error);
  }
}
