import { siteBase } from './site-base.ts';

/**
 * True when the site cannot be reached: the browser says it is offline, or a
 * HEAD request for the index list fails. The service worker routes only GET
 * requests, so a HEAD goes to the network, where no cached copy can hide
 * that the network is gone (and browsers, and Playwright's offline mode, do
 * not always turn navigator.onLine false).
 */
export async function siteUnreachable(): Promise<boolean> {
  if (!navigator.onLine) return true;
  try {
    await fetch(`${siteBase}pagefind/parts.json`, { method: 'HEAD', cache: 'no-store' });
    return false;
  } catch {
    return true;
  }
}
