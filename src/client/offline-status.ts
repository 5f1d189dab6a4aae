const READY_SHOWN_KEY = 'arshif-offline-ready-shown';

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
    document.documentElement.dataset.serviceWorker = 'active';
    try {
      if (localStorage.getItem(READY_SHOWN_KEY)) return;
      localStorage.setItem(READY_SHOWN_KEY, '1');
    } catch {
      // Without storage the message may show again; that is harmless.
    }
    show(ready);
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
  void workbox.register().then((registration) => {
    // Already installed on an earlier visit: the archive is ready offline now.
    if (registration?.active && navigator.serviceWorker.controller) document.documentElement.dataset.serviceWorker = 'active';
  });
}
