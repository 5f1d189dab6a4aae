/** Articles per listing page. */
export const PAGE_SIZE = 20;

/**
 * Path of a page of a listing: page 1 is the listing itself, the rest
 * `<listing>page/<n>/`. The home is the listing `<locale>/`; a tag's is
 * `<locale>/tags/<tag>/`, a month's `<locale>/archive/<yyyy>/<mm>/`.
 */
export function listingPagePath(listing: string, page: number): string {
  return page <= 1 ? listing : `${listing}page/${page}/`;
}

/** The rest parameter of a paginated route ([...page].astro): undefined for page 1, else `page/<n>`. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/** Reads a page number back from `pageParam`; null when the segment is not one. */
export function pageFromParam(param: string | undefined): number | null {
  if (param === undefined || param === '') return 1;
  const match = /^page\/([1-9]\d*)$/.exec(param);
  return match && Number(match[1]) > 1 ? Number(match[1]) : null;
}

/**
 * Splits a list into pages of `size`: long listings (a tag on 20,000 articles)
 * become pages a reader can open, built in time and memory that grow with the
 * list, not with its square.
 */
export function paginateList<T>(items: readonly T[], size = PAGE_SIZE): { page: number; total: number; items: T[] }[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({ page: index + 1, total, items: items.slice(index * size, (index + 1) * size) }));
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
