import { describe, expect, test } from 'vitest';
import type { SearchIndexPage } from '../../../src/search/build-hooks.ts';
import { planIndexParts, type IndexPart } from '../../../src/search/index-parts.ts';
import { articleFile, partsOfShard, planArchiveParts, shardOfEachPart } from '../../../src/search/shards.ts';

/** `count` articles of one locale, one a day from `from` (YYYY-MM-DD) on. */
function days(locale: string, from: string, count: number) {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, at) => {
    const date = new Date(start + at * 86_400_000).toISOString().slice(0, 10);
    return { locale, slug: `${locale}-${date}`, date, digest: `d${at}` };
  });
}

describe('a build split into shards', () => {
  test('gives each shard a contiguous run of parts, about equal in pages', () => {
    expect(shardOfEachPart([10, 10, 10, 10], 2)).toEqual([0, 0, 1, 1]);
    expect(shardOfEachPart([10, 10, 10, 10, 10, 10, 10, 10], 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // A big part weighs as much as several small ones.
    expect(shardOfEachPart([30, 5, 5, 5, 5, 5, 5], 2)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    // Fewer parts than shards: some shards have nothing to build, none builds a part twice.
    expect(shardOfEachPart([3, 3], 4)).toEqual([1, 3]);
    expect(shardOfEachPart([7], 1)).toEqual([0]);
    expect(shardOfEachPart([], 3)).toEqual([]);
    expect(() => shardOfEachPart([1], 0)).toThrow(/positive integer/);
  });

  test('every part goes to exactly one shard, in order, and no shard is more than a part above an even share', () => {
    const sizes = Array.from({ length: 37 }, (_, at) => 1 + ((at * 7919) % 23));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    for (const count of [1, 2, 3, 4, 8, 16, 50]) {
      const shards = shardOfEachPart(sizes, count);
      for (let at = 1; at < shards.length; at++) expect(shards[at]).toBeGreaterThanOrEqual(shards[at - 1]!);
      expect(Math.max(...shards)).toBeLessThan(count);
      for (let shard = 0; shard < count; shard++) {
        const pages = sizes.filter((_, at) => shards[at] === shard).reduce((sum, size) => sum + size, 0);
        expect(pages).toBeLessThanOrEqual(total / count + Math.max(...sizes));
      }
    }
  });

  test('the shards of an archive together hold every article page once, whole parts each, as the index plans them', () => {
    const pages: SearchIndexPage[] = [...days('ar', '2019-06-01', 700), ...days('en', '2021-01-01', 200), { locale: 'ar', slug: 'undated', digest: 'u' }];
    const planned = planArchiveParts(pages, 100);
    // The same plan as the index's own, from the pages' files and days.
    expect(planned).toEqual(
      planIndexParts(
        pages.map((page) => ({ locale: page.locale, file: articleFile(page.locale, page.slug), ...(page.date ? { date: page.date } : {}) })),
        100,
      ),
    );
    for (const count of [1, 3, 4, 8]) {
      const byShard: IndexPart[][] = Array.from({ length: count }, (_, at) => partsOfShard(planned, { index: at + 1, count }));
      expect(byShard.flat().map((part) => part.id)).toEqual(planned.map((part) => part.id));
      const files = byShard.flat().flatMap((part) => part.files);
      expect(new Set(files).size).toBe(pages.length);
      expect(files.sort()).toEqual(pages.map((page) => articleFile(page.locale, page.slug)).sort());
    }
  });
});
