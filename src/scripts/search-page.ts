/**
 * The search page: reads ?q=, asks Pagefind (the index of this page's
 * language, chosen by Pagefind from <html lang>) and lists the results.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

interface Messages {
  searching: string;
  noResults: string;
  resultCount: string;
  unavailable: string;
}

/** Pagefind's runtime lives in dist/pagefind/, outside the bundle, under the site's base. */
async function loadPagefind(): Promise<PagefindModule> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
  await pagefind.options({ baseUrl: base });
  return pagefind;
}

/**
 * Copies Pagefind's excerpt into `target` keeping only text and <mark>. The
 * excerpt is HTML built from article text; parsing it in an inert <template>
 * and copying text nodes means nothing in an article can run here.
 */
function appendExcerpt(target: HTMLElement, excerptHtml: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerptHtml;
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent ?? ''));
    }
  }
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.dir = 'auto';
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.dir = 'auto';
  appendExcerpt(excerpt, data.excerpt);
  item.append(heading, excerpt);
  return item;
}

export async function runSearchPage(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-search-results]');
  if (!container) return;
  const messages = JSON.parse(container.dataset.messages ?? '{}') as Messages;
  const locale = container.dataset.locale ?? document.documentElement.lang;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  if (!query) return;

  const status = document.createElement('p');
  status.className = 'search-status';
  status.textContent = messages.searching;
  container.replaceChildren(status);

  let pagefind: PagefindModule;
  try {
    pagefind = await loadPagefind();
  } catch (error) {
    console.error('Arshif: could not load the search index', error);
    status.textContent = messages.unavailable;
    return;
  }
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  const count = new Intl.NumberFormat(locale).format(search.results.length);
  status.textContent = results.length
    ? messages.resultCount.replace('{count}', count)
    : messages.noResults.replace('{query}', query);
  const list = document.createElement('ol');
  list.className = 'search-result-list';
  list.append(...results.map(renderResult));
  container.append(list);
}
