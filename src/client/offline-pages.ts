import { extractIndexedText } from '../search/indexed-text.ts';

/** The service worker's cache of pages as read (named in src/integrations/service-worker.ts). */
const PAGE_CACHE = 'arshif-pages';

/** What an article page gives the search: the text its index holds and its search fields. */
export interface KeptArticle {
  /** The text Pagefind indexes on the page (the same extraction as the build's). */
  text: string;
  /** YYYY-MM-DD, when dated. */
  date?: string;
  /** The year the search filters by (the locale's archive calendar). */
  year?: string;
  tags: string[];
}

/** A page kept on this device by the service worker. */
export interface KeptPage {
  /** Its address, without query or fragment. */
  url: string;
  /** Its <html lang>. */
  language: string;
  /** Its heading, else its <title>. */
  title: string;
  /** Present on article pages. */
  article?: KeptArticle;
}

/** Each kept page read once per page load: a search over them runs on every keystroke. */
const parsed = new Map<string, Promise<KeptPage | undefined>>();

/**
 * Reads a kept page. DOMParser builds an inert document — nothing in it
 * runs or loads — and only text and attribute values are taken from it.
 */
async function readPage(cache: Cache, request: Request, url: string): Promise<KeptPage | undefined> {
  const response = await cache.match(request);
  // Pages only: a feed opened in a tab is kept too, and is no page read.
  if (!response?.ok || !response.headers.get('Content-Type')?.startsWith('text/html')) return undefined;
  const html = await response.text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  const title = (page.querySelector('h1')?.textContent ?? '').trim() || page.title.trim();
  if (!title) return undefined;
  const kept: KeptPage = { url, language: page.documentElement.lang, title };
  const indexed = extractIndexedText(html);
  if (indexed) {
    const content = (name: string) => page.querySelector<HTMLMetaElement>(`meta[name="arshif:${name}"]`)?.content || undefined;
    const date = content('date');
    const year = content('year');
    kept.article = {
      text: indexed.text,
      ...(date ? { date } : {}),
      ...(year ? { year } : {}),
      tags: Array.from(page.querySelectorAll<HTMLMetaElement>('meta[name="arshif:tag"]'), (meta) => meta.content).filter(Boolean),
    };
  }
  return kept;
}

/**
 * The pages the service worker keeps under `prefix` (an absolute URL), most
 * recently read first; none when there is no such cache (no worker, or
 * nothing read yet).
 */
export async function keptPages(prefix: string): Promise<KeptPage[]> {
  if (!('caches' in window) || !(await caches.has(PAGE_CACHE))) return [];
  const cache = await caches.open(PAGE_CACHE);
  // Keys come oldest first; a page read again is put again, so it moves to the end.
  const requests = [...(await cache.keys())].reverse();
  const seen = new Set<string>();
  const pages: Promise<KeptPage | undefined>[] = [];
  for (const request of requests) {
    const address = new URL(request.url);
    address.search = '';
    address.hash = '';
    const url = address.href;
    if (!url.startsWith(prefix) || seen.has(url)) continue;
    seen.add(url);
    let page = parsed.get(url);
    if (!page) {
      page = readPage(cache, request, address.pathname).catch((error: unknown) => {
        console.warn('Arshif: a page kept for offline reading could not be read', error);
        return undefined;
      });
      parsed.set(url, page);
    }
    pages.push(page);
  }
  return (await Promise.all(pages)).filter((page): page is KeptPage => page !== undefined);
}
