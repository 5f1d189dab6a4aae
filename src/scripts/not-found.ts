/**
 * On the 404 page: a reader who swapped the locale in an article's address
 * (/en/articles/<slug>/ for an article written only in Arabic) is offered
 * the article in the locales where it exists. Untranslated articles are built
 * once, in their own locale, so this costs one request per other locale on a
 * page that was a dead end anyway.
 */
const root = document.documentElement;
const base = (root.dataset.base ?? '/').replace(/\/?$/, '/');
const locales = (root.dataset.locales ?? '').split(' ').filter(Boolean);
const path = decodeURI(location.pathname);
const match = path.startsWith(base) ? /^([^/]+)\/articles\/([^/]+)\/?$/.exec(path.slice(base.length)) : null;

async function findOriginal(requested: string, slug: string): Promise<void> {
  const section = document.querySelector<HTMLElement>(`[data-not-found-locale="${requested}"]`) ?? document.querySelector<HTMLElement>('[data-not-found-locale]');
  const offer = section?.querySelector<HTMLElement>('[data-original]');
  const list = offer?.querySelector('ul');
  if (!offer || !list) return;
  for (const locale of locales.filter((code) => code !== requested)) {
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

if (match && locales.includes(match[1]!)) void findOriginal(match[1]!, match[2]!);
