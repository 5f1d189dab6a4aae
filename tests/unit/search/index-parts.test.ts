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
    // Older years larger than one part are packed into full parts, not cut in
    // two; a day larger than a part is cut into even slices, named by the day.
    expect(planIndexParts(pages, 40).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-undated', 31],
      ['ar-2002', 30],
      ['ar-2003', 25],
      ['ar-2003-01-01-2', 25],
      ['en-2020', 1],
    ]);
    // Every page in exactly one part.
    expect(parts.flatMap((part) => part.files).sort()).toEqual(pages.map((p) => p.file).sort());
  });

  test('a year larger than a part is cut between days, a day larger than a part into even slices', () => {
    const pages = [
      ...Array.from({ length: 8 }, (_, n) => page('ar', '2010-01-15', n)),
      ...Array.from({ length: 3 }, (_, n) => page('ar', '2010-02-15', 10 + n)),
      ...Array.from({ length: 2 }, (_, n) => page('ar', '2010-03-15', 20 + n)),
    ];
    expect(planIndexParts(pages, 5).map((part) => [part.id, part.files.length])).toEqual([
      ['ar-2010', 4],
      ['ar-2010-01-15-2', 4],
      ['ar-2010-02', 5],
    ]);
  });

  test('a busy month shares parts with the months and years around it: as few parts as whole days allow, as even as they allow', () => {
    // Ten quiet years, then a year with one busy month (the messy archive's
    // shape): packed by years and months this made three older parts, one of
    // them a year's last 55 pages; cut between days, two of about 1,330.
    const quiet = Array.from({ length: 1040 }, (_, n) => page('ar', `${2005 + Math.floor(n / 104)}-0${(n % 9) + 1}-10`, n));
    const busy = Array.from({ length: 1065 }, (_, n) => page('ar', `2015-07-${String((n % 28) + 1).padStart(2, '0')}`, 2000 + n));
    const after = [
      ...Array.from({ length: 385 }, (_, n) => page('ar', `2015-08-${String((n % 28) + 1).padStart(2, '0')}`, 4000 + n)),
      ...Array.from({ length: 55 }, (_, n) => page('ar', `2015-1${n % 3}-05`, 5000 + n)),
      ...Array.from({ length: 176 }, (_, n) => page('ar', `2016-0${(n % 9) + 1}-01`, 6000 + n)),
    ];
    const parts = planIndexParts([...quiet, ...busy, ...after], 3000);
    expect(parts).toHaveLength(3);
    const older = parts.slice(0, 2).map((part) => part.files.length);
    expect(older[0]! + older[1]!).toBe(1040 + 1065 + 385 + 55);
    expect(Math.max(...older)).toBeLessThanOrEqual(Math.ceil(2545 * 0.55));
    expect(Math.abs(older[0]! - older[1]!)).toBeLessThan(100);
    expect(parts.map((part) => part.id)).toEqual(['ar-2005', expect.stringMatching(/^ar-2015-07-\d\d$/), 'ar-2016']);
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
    // A 3,000-article archive's parts (metadata, measured, newest first) all fit; of 10,000, the newest two; of 100,000, one.
    expect(firstSearchPartCount(parts(4.4, 26.9, 27.5), FIRST_SEARCH_BASE_BYTES)).toBe(3);
    expect(firstSearchPartCount(parts(12.6, 44.8, 41.9, 41.1, 44.3), FIRST_SEARCH_BASE_BYTES)).toBe(2);
    expect(firstSearchPartCount(parts(62.5, 63, 63, 63, 63, 63), FIRST_SEARCH_BASE_BYTES)).toBe(1);
    expect(firstSearchPartCount([], 150 * 1024)).toBe(0);
  });
});
