import { keptPages } from './offline-pages.ts';

/**
 * On the offline page: lists the pages of its locale kept on this device,
 * articles first, each most recently read first, by title. Titles are set as
 * text: whatever a kept page holds, nothing of it runs here.
 */
export async function listKeptPages(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-offline-page]');
  const list = container?.querySelector<HTMLUListElement>('[data-offline-pages]');
  const nothing = container?.querySelector<HTMLElement>('[data-offline-nothing]');
  if (!container || !list || !nothing) return;
  const home = new URL(container.dataset.localeHome ?? '/', location.href).href;
  // The search page is offered above; this page itself is no page read.
  const skipped = new Set([`${home}search/`, `${home}offline/`].map((url) => new URL(url).pathname));
  const pages = (await keptPages(home).catch(() => [])).filter((page) => !skipped.has(page.url));
  const ordered = [...pages.filter((page) => page.article), ...pages.filter((page) => !page.article)];
  list.replaceChildren(
    ...ordered.map((page) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = page.url;
      link.dir = 'auto';
      link.textContent = page.title;
      item.append(link);
      return item;
    }),
  );
  nothing.hidden = ordered.length > 0;
  container.dataset.offlineListed = String(ordered.length);
}
