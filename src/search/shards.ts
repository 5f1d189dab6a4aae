/**
 * How a build is split into shards that run as independent jobs. The unit is
 * the search index's part (src/search/index-parts.ts): a shard renders the
 * article pages of whole parts and indexes those parts, so no part's pages are
 * split between two machines. Parts are given to shards in their planned order,
 * as contiguous runs of about equal numbers of pages; every shard plans the
 * parts from the whole archive's metadata, so they all agree without talking.
 */
import { calendarDayKey } from '../i18n/calendar.ts';
import { LOCALE_PACKS, type LocaleCode } from '../i18n/locales.ts';
import { parseArticleDate } from '../article/index.ts';
import { planIndexParts, type IndexPart } from './index-parts.ts';
import type { SearchIndexPage } from './build-hooks.ts';
import type { Shard } from '../settings.ts';

/**
 * Pages a single Pagefind index holds at most. Pagefind keeps every page in
 * memory until it writes (about 0.3 MB a page of real text, measured), so this
 * bounds the indexer's memory at about 1 GB whatever the archive's size.
 * ARSHIF_INDEX_PART_PAGES overrides it (the tests use small parts).
 */
export const DEFAULT_PART_PAGES = 3000;

/** The built file of an article page, relative to dist/. */
export function articleFile(locale: string, slug: string): string {
  return `${locale}/articles/${slug}/index.html`;
}

function packOf(locale: string) {
  if (!Object.hasOwn(LOCALE_PACKS, locale)) throw new Error(`search index: "${locale}" is not a locale pack`);
  return LOCALE_PACKS[locale as LocaleCode];
}

/** The index parts of an archive's article pages. Parts follow the years of each locale's archive calendar, so a search says what it covered in the years the archive and the year filter name. */
export function planArchiveParts(pages: readonly SearchIndexPage[], maxPages: number): IndexPart[] {
  return planIndexParts(
    pages.map((page) => ({
      locale: page.locale,
      file: articleFile(page.locale, page.slug),
      ...(page.date ? { date: calendarDayKey(parseArticleDate(page.date), packOf(page.locale).archiveCalendar) } : {}),
    })),
    maxPages,
  );
}

/**
 * The shard (from 0) of each part, given the parts' page counts in planned
 * order: contiguous runs, a part going to the shard its middle page falls in,
 * so the shards' page counts differ by at most about one part. A shard may get
 * no part when there are fewer parts than shards.
 */
export function shardOfEachPart(partPages: readonly number[], count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`shards must be a positive integer, not ${count}`);
  const total = partPages.reduce((sum, pages) => sum + pages, 0);
  let before = 0;
  return partPages.map((pages) => {
    const middle = before + pages / 2;
    before += pages;
    return total === 0 ? 0 : Math.min(count - 1, Math.floor((middle * count) / total));
  });
}

/** The parts one shard builds. */
export function partsOfShard(parts: readonly IndexPart[], shard: Shard): IndexPart[] {
  const shardOf = shardOfEachPart(
    parts.map((part) => part.files.length),
    shard.count,
  );
  return parts.filter((_, at) => shardOf[at] === shard.index - 1);
}
