/**
 * On the 404 page. Static hosts serve the root 404.html (the default locale)
 * for every missing address, so an address under another locale is first
 * shown that locale's 404 page — same address in the bar (history), the
 * reader's language from the URL. Then a reader who swapped the locale in an
 * article's address (/en/articles/<slug>/ for an article written only in
 * Arabic) is offered the article in the locales where it exists: untranslated
 * articles are built once, in their own locale, so this costs one request per
 * other locale on a page that was a dead end anyway.
 */
const container = document.querySelector<HTMLElement>('[data-not-found-locale]');
const pageLocale = container?.dataset.notFoundLocale ?? '';
const base = (container?.dataset.base ?? '/').replace(/\/?$/, '/');
const locales = (container?.dataset.locales ?? '').split(' ').filter(Boolean);
const from = new URLSearchParams(location.search).get('from');
// The missing address, without the base: from ?from= after the hand-over, else the address itself.
const missing = from ?? (decodeURI(location.pathname).startsWith(base) ? decodeURI(location.pathname).slice(base.length) : '');
const requestedLocale = missing.split('/')[0] ?? '';

async function findOriginal(slug: string): Promise<void> {
  const offer = container?.querySelector<HTMLElement>('[data-original]');
  const list = offer?.querySelector('ul');
  if (!offer || !list) return;
  for (const locale of locales.filter((code) => code !== requestedLocale)) {
    const url = `${base}${locale}/articles/${encodeURIComponent(slug)}/`;
    const response = await fetch(url).catch(() => null);
    if (!response?.ok) continue;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const title = page.querySelector('h1')?.textContent?.trim();
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = url;
    link.hreflang = locale;
    link.lang = locale;
    link.dir = 'auto';
    link.textContent = title || url;
    link.dataset.originalLink = locale;
    item.append(link);
    list.append(item);
    offer.hidden = false;
  }
}

if (container && locales.includes(requestedLocale) && requestedLocale !== pageLocale && from === null) {
  // The reader's language is in the URL: hand over to that locale's 404 page.
  location.replace(`${base}${requestedLocale}/404/?from=${encodeURIComponent(missing)}`);
} else if (container) {
  // Show the address the reader asked for, not the 404 page's own.
  if (from !== null) history.replaceState(null, '', `${base}${from.split('/').map(encodeURIComponent).join('/')}`);
  const article = /^([^/]+)\/articles\/([^/]+)\/?$/.exec(missing);
  const query = container.querySelector<HTMLInputElement>('[data-not-found-query]');
  // The last word of the address is often what the reader looked for.
  const words = missing.split('/').filter(Boolean).pop()?.replace(/[-_]+/g, ' ').trim();
  if (query && words && !locales.includes(words)) query.value = words;
  if (article && locales.includes(article[1]!)) void findOriginal(article[2]!);
}
