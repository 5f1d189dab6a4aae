/**
 * How the search index is split into parts.
 *
 * Pagefind holds every page it indexes in memory until it writes the index:
 * measured here at about 0.3 MB a page on real-vocabulary articles, so one
 * index of 100,000 articles would need some 30 GB. Arshif therefore indexes
 * each locale in parts of at most `maxPages` pages, one Pagefind process at a
 * time, and the browser searches a locale's parts together (Pagefind's
 * multisite `mergeIndex`). The parts follow the calendar: years are packed
 * into a part from the oldest on, so adding this week's articles changes only
 * the newest part — in a locale larger than one part, the newest year is a
 * part of its own — and an
 * incremental build re-indexes only the parts whose pages changed. Undated articles come first, before the oldest year.
 */

export interface IndexedPage {
  locale: string;
  /** Path of the built file, relative to dist/. */
  file: string;
  /** `YYYY-MM-DD`, or undefined for undated articles. */
  date?: string;
}

export interface IndexPart {
  /** Stable name, also the folder under dist/pagefind/: `ar-2019`, `ar-2023-07`, `ar-undated`… */
  id: string;
  locale: string;
  files: string[];
  /** The oldest and newest year of its dated articles; absent when it holds only undated ones. */
  since?: string;
  until?: string;
}

/** Splits one run of pages (already in order) into consecutive slices of at most `size`. */
function slices<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Packs consecutive groups into parts of at most `maxPages` files; a group larger than that is split first by `split`. */
function pack(
  groups: { key: string; pages: IndexedPage[] }[],
  maxPages: number,
  split: (group: { key: string; pages: IndexedPage[] }) => { key: string; pages: IndexedPage[] }[],
): { key: string; pages: IndexedPage[] }[] {
  const parts: { key: string; pages: IndexedPage[] }[] = [];
  let current: { key: string; pages: IndexedPage[] } | undefined;
  for (const group of groups) {
    if (group.pages.length > maxPages) {
      if (current) parts.push(current);
      current = undefined;
      parts.push(...split(group));
      continue;
    }
    if (current && current.pages.length + group.pages.length <= maxPages) {
      current.pages.push(...group.pages);
    } else {
      if (current) parts.push(current);
      current = { key: group.key, pages: [...group.pages] };
    }
  }
  if (current) parts.push(current);
  return parts;
}

function groupBy(pages: IndexedPage[], keyOf: (page: IndexedPage) => string): { key: string; pages: IndexedPage[] }[] {
  const groups = new Map<string, IndexedPage[]>();
  for (const page of pages) {
    const key = keyOf(page);
    const group = groups.get(key);
    if (group) group.push(page);
    else groups.set(key, [page]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, grouped]) => ({ key, pages: grouped }));
}

/** Plans the index parts: per locale, oldest first, each at most `maxPages` pages. */
export function planIndexParts(pages: readonly IndexedPage[], maxPages: number): IndexPart[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`maxPages must be a positive integer, not ${maxPages}`);
  const parts: IndexPart[] = [];
  for (const { key: locale, pages: ofLocale } of groupBy([...pages], (page) => page.locale)) {
    const byFile = (a: IndexedPage, b: IndexedPage) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
    // Undated articles sort as year 0000: they share the oldest part rather than cost a part of their own.
    const day = (page: IndexedPage) => page.date ?? '0000-00-00';
    const ordered = [...ofLocale].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : byFile(a, b)));
    const years = groupBy(ordered, (page) => day(page).slice(0, 4));
    const byMonth = (size: number) => (year: { key: string; pages: IndexedPage[] }) =>
      pack(
        groupBy(year.pages, (page) => day(page).slice(0, 7)),
        size,
        (month) => slices(month.pages, size).map((slice, index) => ({ key: `${month.key}-${index + 1}`, pages: slice })),
      );
    const older = years.slice(0, -1);
    const olderPages = older.reduce((sum, year) => sum + year.pages.length, 0);
    // Older years that would fit in one part are cut in two: Pagefind's
    // memory follows the largest part, and at 2,000 articles one part of
    // 1,367 made the build's peak (two parts cost a search one more index
    // chunk per word). Larger archives pack full parts.
    const olderPartSize = olderPages <= maxPages ? Math.max(1, Math.ceil(olderPages * 0.55)) : maxPages;
    // A small locale (a third of a part at most) is one index: results ranked
    // as by a single Pagefind index. A larger one keeps its newest year a part
    // of its own: it is where new articles go, so re-indexing it after adding
    // this week's articles costs a year, not the whole locale (2,726 articles
    // re-indexed after adding ten to 10,000 made a third of the rebuild, measured).
    const packed =
      ofLocale.length <= maxPages / 3
        ? pack(years, maxPages, byMonth(maxPages))
        : [...pack(older, olderPartSize, byMonth(olderPartSize)), ...pack(years.slice(-1), maxPages, byMonth(maxPages))];
    for (const part of packed) {
      const years = part.pages.flatMap((page) => (page.date ? [page.date.slice(0, 4)] : []));
      parts.push({
        id: `${locale}-${part.key.replace(/^0000(-00)?/, 'undated')}`,
        locale,
        files: part.pages.map((page) => page.file),
        // Pages are in date order, undated first: the first and last dated years bound the part.
        ...(years.length ? { since: years[0]!, until: years.at(-1)! } : {}),
      });
    }
  }
  return parts;
}

/** One part of a locale's index as the browser sees it (dist/pagefind/parts.json). */
export interface SearchPartSummary {
  id: string;
  pages: number;
  since?: string;
  until?: string;
  /** Bytes every search reads from this part whatever the query: its metadata. */
  baseBytes: number;
}

/** A locale's entry in dist/pagefind/parts.json. */
export interface LocaleSearchParts {
  /** Newest first. */
  parts: SearchPartSummary[];
  /** How many of the newest parts a first search reads; the older ones load when the reader asks. */
  firstSearch: number;
}

/**
 * What a first search may read of a locale's index metadata. Every part
 * costs its metadata whatever the query (about 13 bytes a page: 40 KB for a
 * part of 3,000 articles), so no first search can cover 100,000 articles
 * within 600 KB; it covers the newest parts whose metadata fits in this
 * much: all of a 10,000-article archive, the newest three or four parts of
 * 100,000 (measured in the bench).
 */
export const FIRST_SEARCH_BASE_BYTES = 160 * 1024;

/**
 * How many of the newest parts (given newest first) a first search reads:
 * those whose base bytes together fit in `budget`, and always at least one.
 */
export function firstSearchPartCount(parts: readonly Pick<SearchPartSummary, 'baseBytes'>[], budget = FIRST_SEARCH_BASE_BYTES): number {
  let total = 0;
  let count = 0;
  for (const part of parts) {
    total += part.baseBytes;
    if (count > 0 && total > budget) break;
    count++;
  }
  return count;
}
