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

interface PageGroup {
  key: string;
  pages: IndexedPage[];
}

/** A group larger than `size` cut into as few slices as fit, of even sizes. */
function sliced(group: PageGroup, size: number): PageGroup[] {
  if (group.pages.length <= size) return [group];
  const each = Math.ceil(group.pages.length / Math.ceil(group.pages.length / size));
  const out: PageGroup[] = [];
  for (let start = 0; start < group.pages.length; start += each) out.push({ key: group.key, pages: group.pages.slice(start, start + each) });
  return out;
}

/** Consecutive groups (none larger than `cap`) filled greedily into parts of at most `cap` pages. */
function fill(groups: readonly PageGroup[], cap: number): PageGroup[] {
  const parts: PageGroup[] = [];
  let current: PageGroup | undefined;
  for (const group of groups) {
    if (current && current.pages.length + group.pages.length <= cap) current.pages.push(...group.pages);
    else {
      if (current) parts.push(current);
      current = { key: group.key, pages: [...group.pages] };
    }
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Packs a run of days, in order, into as few parts of at most `size` pages
 * as whole days allow (a day larger than a part is cut into even slices), and
 * those parts as even as they allow. Every part costs a search an index
 * chunk for each word form it asks, so few parts matter more than parts that
 * follow the calendar's years and months; even parts keep Pagefind's memory,
 * which follows the largest, low. Packed by years and months, a busy month's
 * remainder and a year's last months made parts of their own (10,000
 * articles: 7 parts, three of them under 650 pages; now 5).
 */
function pack(days: readonly PageGroup[], size: number): PageGroup[] {
  const groups = days.flatMap((group) => sliced(group, size));
  if (groups.length === 0) return [];
  const fewest = fill(groups, size).length;
  // The smallest cap that still makes that few parts: fill's count only grows as the cap shrinks.
  let low = groups.reduce((largest, group) => Math.max(largest, group.pages.length), 0);
  let high = size;
  while (low < high) {
    const cap = Math.floor((low + high) / 2);
    if (fill(groups, cap).length <= fewest) high = cap;
    else low = cap + 1;
  }
  return fill(groups, low);
}

/**
 * A part's name, from where it begins: the year when it begins one (or
 * begins the run), the month, the day, or the day and the slice when it
 * begins inside a day. `day` gives a page's `YYYY-MM-DD`.
 */
function partNames(parts: readonly PageGroup[], day: (page: IndexedPage) => string): string[] {
  const slicesOfDay = new Map<string, number>();
  return parts.map((part, index) => {
    const first = day(part.pages[0]!);
    const before = index > 0 ? day(parts[index - 1]!.pages.at(-1)!) : undefined;
    if (before === first) {
      const slice = (slicesOfDay.get(first) ?? 1) + 1;
      slicesOfDay.set(first, slice);
      return `${first}-${slice}`;
    }
    if (!before || before.slice(0, 4) !== first.slice(0, 4)) return first.slice(0, 4);
    if (before.slice(0, 7) !== first.slice(0, 7)) return first.slice(0, 7);
    return first;
  });
}

function groupBy(pages: IndexedPage[], keyOf: (page: IndexedPage) => string): PageGroup[] {
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
    const days = (run: PageGroup[]) => run.flatMap((year) => groupBy(year.pages, day));
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
    const runs = ofLocale.length <= maxPages / 3 ? [pack(days(years), maxPages)] : [pack(days(older), olderPartSize), pack(days(years.slice(-1)), maxPages)];
    const packed = runs.flatMap((run) => {
      const names = partNames(run, day);
      return run.map((part, index) => ({ key: names[index]!, pages: part.pages }));
    });
    for (const part of packed) {
      const years = part.pages.flatMap((page) => (page.date ? [page.date.slice(0, 4)] : []));
      parts.push({
        id: `${locale}-${part.key.replace(/^0000(-00){0,2}/, 'undated')}`,
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
 * costs its metadata whatever the query (about 21 bytes a page, gzipped,
 * with index chunks of 750 locations: 63 KB for a part of 3,000 articles),
 * and about 23 KB of index chunks for a median query; with Pagefind's runtime
 * (74 KB), the vocabulary files and the results' texts (about 40 KB), no
 * more than some 3,000 articles' metadata fits in a first query of 250 KiB.
 * A first search therefore covers the newest parts whose metadata fits in
 * this much (all of a 3,000-article archive, the newest two parts of 10,000,
 * measured in the bench), and the older parts are merged into the same
 * results at once after.
 */
export const FIRST_SEARCH_BASE_BYTES = 64 * 1024;

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
