import { describe, expect, test } from 'vitest';
import { BUSY_MONTH_PAGES, countByDay, countByMonth, dayPath, groupByDay, groupByMonth, isBusyMonth, monthPath } from '../../src/site/archive.ts';
import { archiveDayName } from '../../src/i18n/dates.ts';
import { busiestMonths, monthlyChart } from '../../src/site/chart.ts';
import { newsArticleJsonLd, serializeJsonLd } from '../../src/site/json-ld.ts';
import { listingPagePath, PAGE_SIZE, pageFromParam, pageLinks, pageParam, paginateList } from '../../src/site/pagination.ts';
import { formatMinutes, readingMinutes } from '../../src/site/reading-time.ts';
import { tagPath, nameKey as tagSegment } from '../../src/article/index.ts';

const d = (day: string) => new Date(`${day}T00:00:00Z`);

describe('pagination', () => {
  test('page 1 is the home; the others live under page/', () => {
    expect(listingPagePath('ar/', 1)).toBe('ar/');
    expect(listingPagePath('ar/', 3)).toBe('ar/page/3/');
    expect(listingPagePath('ar/tags/قره-باغ/', 2)).toBe('ar/tags/قره-باغ/page/2/');
  });

  test('a long listing splits into pages; the rest parameter round-trips', () => {
    const pages = paginateList(
      Array.from({ length: 45 }, (_, index) => index),
      20,
    );
    expect(pages.map((page) => [page.page, page.total, page.items.length])).toEqual([
      [1, 3, 20],
      [2, 3, 20],
      [3, 3, 5],
    ]);
    expect(paginateList([], 20)).toEqual([{ page: 1, total: 1, items: [] }]);
    expect([1, 2, 17].map((page) => pageFromParam(pageParam(page)))).toEqual([1, 2, 17]);
    expect(['page/1', 'page/0', '2', 'page/x', 'page/2/3'].map(pageFromParam)).toEqual([null, null, null, null, null]);
  });

  test('first, last and the pages around the current one, with gaps', () => {
    const shown = (current: number, total: number) =>
      pageLinks(current, total).map((link) => (link.kind === 'gap' ? '…' : link.current ? `[${link.page}]` : String(link.page)));
    expect(shown(1, 1)).toEqual(['[1]']);
    expect(shown(1, 3)).toEqual(['[1]', '2', '3']);
    expect(shown(5, 20)).toEqual(['1', '…', '4', '[5]', '6', '…', '20']);
    expect(shown(20, 20)).toEqual(['1', '…', '19', '[20]']);
  });
});

describe('archive by month', () => {
  test('years and months newest first, with counts; undated counted apart', () => {
    const { years, undated } = countByMonth([d('2023-09-20'), d('2023-09-01'), d('2021-01-05'), undefined, d('2023-02-10')]);
    expect(undated).toBe(1);
    expect(years).toEqual([
      {
        year: 2023,
        count: 3,
        months: [
          { month: 9, start: d('2023-09-01'), count: 2 },
          { month: 2, start: d('2023-02-01'), count: 1 },
        ],
      },
      { year: 2021, count: 1, months: [{ month: 1, start: d('2021-01-01'), count: 1 }] },
    ]);
    expect(monthPath('ar', 2023, 9)).toBe('ar/archive/2023/09/');
  });

  test('the chart has one bar per month from the first to the last, empty months included', () => {
    const chart = monthlyChart(countByMonth([d('2022-11-03'), d('2023-02-10'), d('2023-02-11')]).years);
    expect(chart.months).toBe(4);
    expect(chart.bars.map((bar) => bar.count)).toEqual([1, 0, 0, 2]);
    expect(chart.bars.map((bar) => bar.share)).toEqual([0.5, 0, 0, 1]);
    expect(chart.years).toEqual([
      { year: 2022, index: 0, start: d('2022-11-01') },
      { year: 2023, index: 2, start: d('2023-01-01') },
    ]);
  });

  test('a Solar Hijri archive groups by Solar Hijri month: late December and early January share Dey', () => {
    const { years } = countByMonth([d('2023-12-22'), d('2024-01-20'), d('2024-03-19'), d('2024-03-20')], 'persian');
    expect(years.map(({ year, months }) => [year, months.map(({ month, count }) => [month, count])])).toEqual([
      [1403, [[1, 1]]],
      [
        1402,
        [
          [12, 1],
          [10, 2],
        ],
      ],
    ]);
    const chart = monthlyChart(years, 'persian');
    expect(chart.bars.map((bar) => `${bar.year}/${bar.month}:${bar.count}`)).toEqual(['1402/10:2', '1402/11:0', '1402/12:1', '1403/1:1']);
    expect(chart.years.map(({ year, index }) => [year, index])).toEqual([
      [1402, 0],
      [1403, 3],
    ]);
  });

  test('a Hebrew archive’s chart has 13 bars in a leap year, Adar I and Adar II apart', () => {
    const { years } = countByMonth([d('2023-09-16'), d('2024-02-20'), d('2024-03-20'), d('2024-03-21'), d('2024-10-05')], 'hebrew');
    const chart = monthlyChart(years, 'hebrew');
    expect(chart.bars.filter((bar) => bar.year === 5784)).toHaveLength(13);
    expect(chart.bars.filter((bar) => bar.count > 0).map((bar) => `${bar.year}/${bar.month}:${bar.count}`)).toEqual([
      '5784/1:1',
      '5784/6:1',
      '5784/7:2',
      '5785/1:1',
    ]);
    expect(busiestMonths(chart).map((bar) => bar.start)).toEqual([d('2024-03-11')]);
    expect(monthPath('he', 5784, 7)).toBe('he/archive/5784/07/');
  });

  test('a tie for the busiest month names every month in it, oldest first', () => {
    const chart = monthlyChart(countByMonth([d('2022-11-03'), d('2022-11-04'), d('2023-01-10'), d('2023-02-10'), d('2023-02-11')]).years);
    expect(busiestMonths(chart).map(({ year, month, count }) => ({ year, month, count }))).toEqual([
      { year: 2022, month: 11, count: 2 },
      { year: 2023, month: 2, count: 2 },
    ]);
    expect(busiestMonths(monthlyChart([]))).toEqual([]);
    expect(monthlyChart([]).bars).toEqual([]);
  });
});

describe('busy months, listed by day', () => {
  const days = (dates: string[], calendar?: Parameters<typeof countByDay>[1]) =>
    countByDay(dates.map(d), calendar).map(({ year, month, day, count }) => `${year}/${month}/${day}:${count}`);

  test('a month is busy past two pages of the listing, whatever the page size', () => {
    expect(BUSY_MONTH_PAGES).toBe(2);
    expect(isBusyMonth(2 * PAGE_SIZE)).toBe(false);
    expect(isBusyMonth(2 * PAGE_SIZE + 1)).toBe(true);
    expect(isBusyMonth(0)).toBe(false);
    expect([10, 11].map((count) => isBusyMonth(count, 5))).toEqual([false, true]);
  });

  test('Gregorian days: counted, in calendar order, undated left out; items keep their order', () => {
    expect(days(['2023-09-20', '2023-09-01', '2023-09-20', '2023-09-30', '2023-09-20'])).toEqual(['2023/9/1:1', '2023/9/20:3', '2023/9/30:1']);
    expect(countByDay([d('2023-09-20'), undefined])).toEqual([{ year: 2023, month: 9, day: 20, date: d('2023-09-20'), count: 1 }]);
    const articles = [
      { id: 'c', date: d('2023-09-02') },
      { id: 'b', date: d('2023-09-01') },
      { id: 'a', date: d('2023-09-02') },
      { id: 'u', date: undefined },
    ];
    expect(groupByDay(articles, (article) => article.date).map(({ day, items }) => [day, items.map((item) => item.id)])).toEqual([
      [1, ['b']],
      [2, ['c', 'a']],
    ]);
    // A month's items, in the order given: newest first in, newest month first out.
    expect(groupByMonth(articles, (article) => article.date).map(({ year, month, start, items }) => [year, month, start, items.length])).toEqual([
      [2023, 9, d('2023-09-01'), 3],
    ]);
    expect(dayPath('ar', 2023, 9, 1)).toBe('ar/archive/2023/09/01/');
  });

  test('Solar Hijri days: Dey 1402 runs from 22 December to 20 January, its 30th day then Bahman 1', () => {
    expect(days(['2024-01-21', '2024-01-20', '2024-01-20', '2023-12-22', '2023-12-21'], 'persian')).toEqual([
      '1402/9/30:1',
      '1402/10/1:1',
      '1402/10/30:2',
      '1402/11/1:1',
    ]);
    const [dey] = groupByMonth([d('2024-01-20'), d('2023-12-22')], (date) => date, 'persian');
    expect(dey).toMatchObject({ year: 1402, month: 10, start: d('2023-12-22') });
    expect(dayPath('fa', 1402, 10, 30)).toBe('fa/archive/1402/10/30/');
    expect(archiveDayName(d('2024-01-20'), 'fa', 'dayMonth')).toBe('۳۰ دی');
    expect(archiveDayName(d('2024-01-20'), 'fa', 'dayMonthYear')).toBe('۳۰ دی ۱۴۰۲');
  });

  test('Hebrew days: Adar I and Adar II of a leap year are months 6 and 7, each counted from its first day', () => {
    expect(days(['2024-04-08', '2024-03-21', '2024-03-20', '2024-03-11', '2024-02-20'], 'hebrew')).toEqual([
      '5784/6/11:1',
      '5784/7/1:1',
      '5784/7/10:1',
      '5784/7/11:1',
      '5784/7/29:1',
    ]);
    expect(dayPath('he', 5784, 7, 10)).toBe('he/archive/5784/07/10/');
    expect(archiveDayName(d('2024-03-20'), 'he', 'dayMonth')).toBe('10 באדר ב׳');
  });

  test('a day is named in the locale’s calendar and digits', () => {
    expect(archiveDayName(d('2023-09-20'), 'ar', 'dayMonthYear')).toBe('20 سبتمبر 2023');
    expect(archiveDayName(d('2023-09-20'), 'en', 'dayMonth')).toBe('September 20');
    expect(archiveDayName(d('2023-09-20'), 'ur', 'dayMonth')).toBe('۲۰ ستمبر');
  });
});

describe('reading time', () => {
  test('whole minutes, at least one, slower for Arabic script', () => {
    expect(readingMinutes('كلمة '.repeat(360), 'ar')).toBe(2);
    expect(readingMinutes('word '.repeat(360), 'en')).toBe(2);
    expect(readingMinutes('word', 'en')).toBe(1);
  });

  test('Intl gives the plural and the digits', () => {
    expect(formatMinutes(1, 'ar-u-nu-arab')).toBe('دقيقة');
    expect(formatMinutes(2, 'ar-u-nu-arab')).toBe('دقيقتان');
    expect(formatMinutes(3, 'ar-u-nu-arab')).toBe('٣ دقائق');
    expect(formatMinutes(11, 'ar-u-nu-arab')).toBe('١١ دقيقة');
    expect(formatMinutes(1, 'en')).toBe('1 minute');
  });
});

describe('tags', () => {
  test('a tag keeps its script in the URL, one segment', () => {
    expect(tagSegment('قره باغ')).toBe('قره-باغ');
    expect(tagSegment('a/b c')).toBe('a-b-c');
    expect(tagPath('ar', 'سياسة')).toBe('ar/tags/سياسة/');
  });
});

describe('JSON-LD', () => {
  test('a NewsArticle with datePublished only when known, safe inside <script>', () => {
    const data = newsArticleJsonLd({ headline: 'x </script><script>alert(1)', url: 'https://a/ar/articles/x/', inLanguage: 'ar', publisherName: 'أرشيف' });
    expect(data).not.toHaveProperty('datePublished');
    const json = serializeJsonLd(data);
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).headline).toBe('x </script><script>alert(1)');
  });
});
