/** Articles per listing page. */
export const PAGE_SIZE = 20;

/** Path of a listing page: page 1 is the locale's home, the rest /<locale>/page/<n>/. */
export function listingPagePath(locale: string, page: number): string {
  return page <= 1 ? `${locale}/` : `${locale}/page/${page}/`;
}

export type PageLink = { kind: 'page'; page: number; current: boolean } | { kind: 'gap' };

/**
 * The numbered links to show: the first and last pages, and the pages around
 * the current one, with gaps between (1 … 4 5 6 … 20).
 */
export function pageLinks(current: number, total: number, around = 1): PageLink[] {
  const pages = new Set([1, total]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= total) pages.add(page);
  const sorted = [...pages].filter((page) => page >= 1).sort((a, b) => a - b);
  const links: PageLink[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) links.push({ kind: 'gap' });
    links.push({ kind: 'page', page, current: page === current });
  });
  return links;
}
