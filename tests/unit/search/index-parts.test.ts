import { describe, expect, test } from 'vitest';
import { FIRST_SEARCH_BASE_BYTES, firstSearchPartCount, planIndexParts, type IndexedPage } from '../../../src/search/index-parts.ts';

const page = (locale: string, date: string | undefined, n: number): IndexedPage => ({
  locale,
  file: `${locale}/articles/a-${String(n).padStart(5, '0')}/index.html`,
  date,
});

describe('search index parts', () => {
  test('years are packed from the oldest into parts of at most maxPages, per locale; undated with the oldest', () => {
    const pages = [
      ...Array.from({ length: 30 }, (_, n) => page('ar', `2001-0${(n % 9) + 1}-01`, n)),
      ...Array.from({ length: 30 }, (_, n) => page('ar', `2002-03-0${(n % 9) + 1}`, 100 + n)),
      ...Array.from({ length: 50 }, (_, n) => page('ar', `2003-01-01`, 200 + n)),
      page('ar', undefined, 999),
      page('en', '2020-01-01', 1),
    ];
    const parts = planIndexParts(pages, 60);
    expect(parts.map((part) => [part.id, part.files.length])).toEqual([
      ['ar-undated', 31],
      ['ar-2002', 30],
      ['ar-2003', 50],
      ['en-2020', 1],
    ]);
    // A small locale (a third of a part at most) is one index.
    expect(planIndexParts(pages, 400).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-undated', 111],
      ['en-2020', 1],
    ]);
    // One that fits in a part but is larger than that keeps its newest year apart
    // (adding this week's articles re-indexes a year, not the locale), and its
    // older years, which would fit in one part, are cut in two (Pagefind's memory
    // follows the largest part).
    expect(planIndexParts(pages, 200).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-undated', 31],
      ['ar-2002', 30],
      ['ar-2003', 50],
      ['en-2020', 1],
    ]);
    // A larger one keeps its newest year apart even when it would fit with the one before.
    expect(planIndexParts(pages, 100).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-undated', 31],
      ['ar-2002', 30],
      ['ar-2003', 50],
      ['en-2020', 1],
    ]);
    // Older years larger than one part are packed into full parts, not cut in two.
    expect(planIndexParts(pages, 40).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-undated', 31],
      ['ar-2002', 30],
      ['ar-2003-01-1', 40],
      ['ar-2003-01-2', 10],
      ['en-2020', 1],
    ]);
    // Every page in exactly one part.
    expect(parts.flatMap((part) => part.files).sort()).toEqual(pages.map((p) => p.file).sort());
  });

  test('a year larger than a part is split by month, a month larger than a part into slices', () => {
    const pages = [
      ...Array.from({ length: 8 }, (_, n) => page('ar', '2010-01-15', n)),
      ...Array.from({ length: 3 }, (_, n) => page('ar', '2010-02-15', 10 + n)),
      ...Array.from({ length: 2 }, (_, n) => page('ar', '2010-03-15', 20 + n)),
    ];
    expect(planIndexParts(pages, 5).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-2010-01-1', 5],
      ['ar-2010-01-2', 3],
      ['ar-2010-02', 5],
    ]);
  });

  test('adding articles to the newest year leaves every older part as it was', () => {
    const old = Array.from({ length: 300 }, (_, n) => page('ar', `${2000 + Math.floor(n / 20)}-06-01`, n));
    const before = planIndexParts(old, 70);
    const after = planIndexParts([...old, ...Array.from({ length: 10 }, (_, n) => page('ar', '2014-12-31', 1000 + n))], 70);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.id).toBe('ar-2014');
    expect(after.at(-1)!.files.length).toBe(20 + 10);
  });

  test('each part knows the years it covers; a part of undated articles alone has none', () => {
    const pages = [
      page('ar', undefined, 1),
      page('ar', undefined, 2),
      page('ar', '2004-05-01', 3),
      page('ar', '2006-01-01', 4),
      page('ar', '2007-01-01', 5),
      page('ar', '2007-02-01', 6),
    ];
    expect(planIndexParts(pages, 2).map(({ id, since, until }) => ({ id, since, until }))).toEqual([
      { id: 'ar-undated', since: undefined, until: undefined },
      { id: 'ar-2004', since: '2004', until: '2006' },
      { id: 'ar-2007', since: '2007', until: '2007' },
    ]);
  });
});

describe('what a first search reads', () => {
  test('the newest parts whose base bytes fit in the budget, and always one', () => {
    const parts = (...kb: number[]) => kb.map((size) => ({ baseBytes: size * 1024 }));
    expect(firstSearchPartCount(parts(7, 33, 61, 58), 150 * 1024)).toBe(3);
    expect(firstSearchPartCount(parts(7, 33, 61, 58), 200 * 1024)).toBe(4);
    expect(firstSearchPartCount(parts(400, 10), 150 * 1024)).toBe(1);
    // A 10,000-article archive's parts (metadata, measured) all fit; of 100,000, the newest four.
    expect(firstSearchPartCount(parts(4.4, 20.5, 38.8, 37), FIRST_SEARCH_BASE_BYTES)).toBe(4);
    expect(firstSearchPartCount(parts(39.5, 40, 40, 40, 40, 40), FIRST_SEARCH_BASE_BYTES)).toBe(4);
    expect(firstSearchPartCount([], 150 * 1024)).toBe(0);
  });
});
