import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { XMLParser } from 'fast-xml-parser';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';
import { writeTinyArticles } from '../helpers/tiny-articles.ts';
import { generateCorpus, splitSentences, type SeedText } from '../../tools/bench/corpus.ts';
import { importArticle } from '../../tools/import/import-article.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** A number in the Arabic interface's digits, as the locale registry sets them. */
const arabicDigits = (n: number) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(n);

/**
 * The archive as readers and crawlers meet it, checked on a generated corpus
 * large enough to paginate (45 articles over ten years, tags, an undated
 * article, the bundled translated pair, a busy month) by tools nobody here wrote:
 * html-validate, linkinator and an XML parser.
 */
const work = path.join(projectRoot, 'tests/.tmp/archive');
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');

/**
 * A burst in one month, as a news agency or an import writes it: more than
 * two listing pages' worth (45 articles on four days of July 2014, before the
 * generated ten years), so its month page offers its days. One day runs to a
 * second page.
 */
const BURST: [day: number, articles: number][] = [
  [3, 12],
  [4, 25],
  [5, 1],
  [17, 7],
];
const pad = (n: number) => String(n).padStart(2, '0');
const burstSlug = (day: number, n: number) => `burst-2014-07-${pad(day)}-${pad(n)}`;

const burst = BURST.flatMap(([day, articles]) =>
  Array.from({ length: articles }, (_, index) => ({
    slug: burstSlug(day, index + 1),
    date: `2014-07-${pad(day)}`,
    text: `خبر عاجل رقم ${index + 1} في يوم ${day} من يوليو.`,
  })),
);

let site: StaticSite;
let browser: Browser;
let htmlFiles: string[];

function seed(file: string, tags: string[]): SeedText {
  const lines = readFileSync(path.join(projectRoot, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(1);
  return { sentences: splitSentences(lines.join('\n')), subheadings: lines.filter((line) => !/[.!?؟:،]$/.test(line)), tags };
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  const raw = path.join(work, 'raw');
  const corpus = generateCorpus(
    seed('tests/fixtures/seed/000_2807e117feb6745e.txt', ['سياسة', 'اقتصاد', 'قره باغ']),
    seed('tests/fixtures/seed/000_2807e117feb6745e.en.txt', ['Politics', 'Economy']),
    { articles: 45, englishShare: 0.25, seed: 7 },
  );
  for (const file of corpus) {
    mkdirSync(path.dirname(path.join(raw, file.path)), { recursive: true });
    writeFileSync(path.join(raw, file.path), file.text);
    await importArticle(path.join(raw, file.path), { contentDir });
  }
  await importArticle(path.join(projectRoot, 'tests/fixtures/import/diacritics.txt'), { contentDir, lang: 'ar', slug: 'undated-article' });
  cpSync(path.join(projectRoot, 'content'), contentDir, { recursive: true });
  writeTinyArticles(path.join(contentDir, 'ar'), burst);
  await buildSite({ contentDir, outDir });
  site = await serveStatic(outDir);
  browser = await launchBrowser();
  htmlFiles = (readdirSync(outDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => path.join(outDir, file));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const articlesOf = (locale: string) =>
  readdirSync(path.join(contentDir, locale))
    .map((file) => `/${locale}/articles/${file.replace(/\.mdx$/, '')}/`)
    .sort();

describe('browsing', () => {
  test('every article is reachable from its home page through the numbered pages', async () => {
    for (const locale of ['ar', 'en']) {
      const reached = new Set<string>();
      const queue = [`/${locale}/`];
      const seen = new Set(queue);
      while (queue.length) {
        const html = await (await fetch(new URL(queue.shift()!, site.url))).text();
        for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
          const pathname = new URL(href!, site.url).pathname;
          if (pathname.startsWith(`/${locale}/articles/`)) reached.add(pathname);
          if (pathname.startsWith(`/${locale}/page/`) && !seen.has(pathname)) {
            seen.add(pathname);
            queue.push(pathname);
          }
        }
      }
      expect([...reached].sort(), locale).toEqual(articlesOf(locale));
    }
  });

  test('the home lists 20 articles, newest first, with numbered pages; undated ones come last', async () => {
    const page = await openPage(browser, site.url, 'ar/');
    const dates = await page.$$eval('.article-list time', (times) => times.map((time) => time.getAttribute('datetime')!));
    expect(await page.locator('.article-list > li').count()).toBe(20);
    expect([...dates].sort().reverse()).toEqual(dates);
    const current = page.locator('.pagination a[aria-current="page"]');
    expect(await current.textContent()).toBe(arabicDigits(1));
    // Marked by more than a missing underline: a filled box, unlike the other page links.
    const [currentBackground, otherBackground] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.pagination a[aria-current="page"]')!).backgroundColor,
      getComputedStyle(document.querySelector('.pagination ol a:not([aria-current])')!).backgroundColor,
    ]);
    expect(currentBackground).not.toBe(otherBackground);
    expect(currentBackground).not.toBe('rgba(0, 0, 0, 0)');
    const pages = await page.$$eval('.pagination ol a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    await closePage(page);
    const last = await openPage(browser, site.url, pages[pages.length - 1]!.slice(1));
    const cards = last.locator('.article-list > li');
    expect(await cards.last().locator('.undated').textContent()).toBe('غير مؤرخ');
    await closePage(last);
  });

  test('the archive page counts years and months, charts them, and links month pages', async () => {
    const page = await openPage(browser, site.url, 'ar/archive/');
    expect(await page.locator('.archive-chart-bars > li').count()).toBeGreaterThan(12);
    expect(await page.textContent('.archive-chart-title')).toBe('عدد المقالات في كل شهر');
    const monthLink = page.locator('.archive-months a').first();
    const [count] = (await monthLink.locator('xpath=..').textContent())!.match(/\((\S+)\)/)!.slice(1);
    await monthLink.click();
    await page.waitForURL(/\/ar\/archive\/\d{4}\/\d{2}\/$/);
    const listed = await page.locator('.article-list > li').count();
    expect(arabicDigits(listed)).toBe(count);
    await closePage(page);
  });

  test('the chart: every month with articles is a link to its month page, named by month and count; it fills the column at 1280 px; a tie names every busiest month', async () => {
    const page = await openPage(browser, site.url, 'ar/archive/', { viewport: { width: 1280, height: 900 } });
    const bars = await page.$$eval('.archive-chart-bars a', (links) =>
      links.map((link) => ({
        href: (link as HTMLAnchorElement).pathname,
        label: link.getAttribute('aria-label')!,
        busiest: link.parentElement!.classList.contains('archive-chart-busiest'),
      })),
    );
    const monthPages = await page.$$eval('.archive-months a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(bars.map((bar) => bar.href).sort()).toEqual([...monthPages].sort());
    for (const bar of bars) expect(bar.label).toMatch(/^\S+ \S+: (مقال واحد|مقالان|\S+ مقالات?|\S+ مقالًا)$/);
    expect((await fetch(new URL(bars[0]!.href, site.url))).status).toBe(200);
    // A month's bar leads to its page.
    await page.click(`.archive-chart-bars a[href="${bars[0]!.href}"]`);
    await page.waitForURL(new RegExp(`${bars[0]!.href}$`));
    await page.goBack();
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      return {
        column: main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        chart: document.querySelector('.archive-chart-bars')!.getBoundingClientRect().width,
      };
    });
    expect(Math.abs(widths.chart - widths.column)).toBeLessThan(2);
    // Every busiest month is named in the summary, with its count.
    const caption = (await page.textContent('.archive-chart figcaption'))!;
    const busiest = bars.filter((bar) => bar.busiest);
    expect(busiest.length).toBeGreaterThan(0);
    for (const bar of busiest) expect(caption).toContain(bar.label.split(':')[0]!);
    // The values show on focus where there is no room to print them all.
    await page.focus('.archive-chart-bars a');
    expect(await page.locator('.archive-chart-bars a:focus .archive-chart-value').isVisible()).toBe(true);
    await closePage(page);
  });

  test('a busy month offers its days, each a page of exactly that day’s articles; nothing scrolls sideways at 320 px', async () => {
    const page = await openPage(browser, site.url, 'ar/archive/2014/07/', { viewport: { width: 320, height: 640 } });
    await page.evaluate(() => document.fonts.ready);
    expect(await page.textContent('h1')).toBe(`مقالات يوليو ${arabicDigits(2014)}`);
    // Only the index of days: a busy month is not paged through as a whole.
    expect(await page.locator('.article-list, .pagination').count()).toBe(0);
    const days = await page.$$eval('.archive-day-list a', (links) =>
      links.map((link) => ({
        href: (link as HTMLAnchorElement).pathname,
        name: link.querySelector('.archive-day-name')!.textContent,
        count: link.querySelector('.archive-count')!.textContent,
      })),
    );
    expect(days).toEqual([
      { href: '/ar/archive/2014/07/03/', name: `${arabicDigits(3)} يوليو`, count: `${arabicDigits(12)} مقالًا` },
      { href: '/ar/archive/2014/07/04/', name: `${arabicDigits(4)} يوليو`, count: `${arabicDigits(25)} مقالًا` },
      { href: '/ar/archive/2014/07/05/', name: `${arabicDigits(5)} يوليو`, count: 'مقال واحد' },
      { href: '/ar/archive/2014/07/17/', name: `${arabicDigits(17)} يوليو`, count: `${arabicDigits(7)} مقالات` },
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // The busiest day runs to two pages; together they list exactly its articles, in the listings' order.
    await page.click('.archive-day-list a[href$="/2014/07/04/"]');
    await page.waitForURL(/\/ar\/archive\/2014\/07\/04\/$/);
    expect(await page.textContent('h1')).toBe(`مقالات ${arabicDigits(4)} يوليو ${arabicDigits(2014)}`);
    expect(await page.title()).toBe(`مقالات ${arabicDigits(4)} يوليو ${arabicDigits(2014)} · أرشيف`);
    const listed = async () => page.$$eval('.article-list .article-card-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    const firstPage = await listed();
    expect(await page.$$eval('.article-list time', (times) => [...new Set(times.map((time) => time.getAttribute('datetime')))])).toEqual(['2014-07-04']);
    expect(await page.$$eval('.breadcrumbs a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname))).toEqual([
      '/ar/archive/',
      '/ar/archive/2014/07/',
    ]);
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(/\/ar\/archive\/2014\/07\/04\/page\/2\/$/);
    expect(await page.title()).toBe(`مقالات ${arabicDigits(4)} يوليو ${arabicDigits(2014)}، الصفحة ${arabicDigits(2)} · أرشيف`);
    const secondPage = await listed();
    expect(firstPage).toHaveLength(20);
    expect([...firstPage, ...secondPage]).toEqual(Array.from({ length: 25 }, (_, index) => `/ar/articles/${burstSlug(4, index + 1)}/`));
    await closePage(page);

    // The other days too, each on one page.
    for (const [day, articles] of BURST.filter(([day]) => day !== 4)) {
      const html = await (await fetch(new URL(`ar/archive/2014/07/${pad(day)}/`, site.url))).text();
      const slugs = [...html.matchAll(/class="article-card-title"><a href="\/ar\/articles\/([^/]+)\/"/g)].map((match) => match[1]);
      expect(slugs, `day ${day}`).toEqual(Array.from({ length: articles }, (_, index) => burstSlug(day, index + 1)));
    }

    // Canonical to itself; no hreflang (another locale's archive has other days), like month pages; in the sitemap without alternates.
    const dayHtml = readFileSync(path.join(outDir, 'ar/archive/2014/07/04/index.html'), 'utf8');
    expect(dayHtml.match(/<link rel="canonical"[^>]*>/g)).toEqual(['<link rel="canonical" href="http://localhost:4321/ar/archive/2014/07/04/">']);
    expect(dayHtml.match(/<link rel="alternate" hreflang[^>]*>/g)).toBeNull();
    const sitemap = readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toMatch(/<url><loc>http:\/\/localhost:4321\/ar\/archive\/2014\/07\/04\/<\/loc><\/url>/);

    // Quiet months stay paged listings without day pages; a busy month has no month-wide pages.
    expect(existsSync(path.join(outDir, 'ar/archive/2014/07/page'))).toBe(false);
    for (const locale of ['ar', 'en']) {
      for (const year of readdirSync(path.join(outDir, locale, 'archive')).filter((name) => /^\d+$/.test(name))) {
        for (const month of readdirSync(path.join(outDir, locale, 'archive', year))) {
          const days = readdirSync(path.join(outDir, locale, 'archive', year, month)).filter((name) => /^\d+$/.test(name));
          expect(days, `${locale}/archive/${year}/${month}`).toEqual(locale === 'ar' && year === '2014' && month === '07' ? ['03', '04', '05', '17'] : []);
        }
      }
    }
  });

  test('tag index and tag pages', async () => {
    const page = await openPage(browser, site.url, 'ar/tags/');
    await page.click('.tag-index a:text-is("قره باغ")');
    await page.waitForURL(/\/ar\/tags\/%D9%82%D8%B1%D9%87-%D8%A8%D8%A7%D8%BA\/$/);
    expect(await page.textContent('h1')).toBe('مقالات الوسم: قره باغ');
    expect(await page.locator('.article-list > li').count()).toBeGreaterThan(0);
    await closePage(page);
  });

  test('an Arabic table of contents link scrolls to its heading', async () => {
    const page = await openPage(browser, site.url, 'ar/articles/azerbaijan-halts-karabakh-offensive/', { viewport: { width: 800, height: 600 } });
    await page.click('.toc li:nth-child(3) a');
    const heading = page.locator('[data-article-body] h2').nth(2);
    expect(await heading.textContent()).toBe('الهجوم الأذربيجاني يكشف ضعف نفوذ روسيا في المنطقة');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${await heading.getAttribute('id')}`);
    const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top).toBeLessThan(100);
    await closePage(page);
  });

  test('reading time in words and digits of the locale; previous/next arrows follow the direction', async () => {
    const ar = await openPage(browser, site.url, 'ar/articles/azerbaijan-halts-karabakh-offensive/');
    expect(await ar.textContent('.reading-time')).toMatch(/^مدة القراءة: (\S+ دقائق|دقيقتان|دقيقة)$/);
    const arrow = ar.locator('.prev-next .directional-icon').first();
    expect(await arrow.evaluate((svg) => getComputedStyle(svg).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    const prev = await ar.locator('.prev-next .prev').boundingBox();
    const next = await ar.locator('.prev-next .next').boundingBox();
    if (prev && next) expect(prev.x).toBeGreaterThan(next.x);
    await closePage(ar);
    const en = await openPage(browser, site.url, 'en/articles/azerbaijan-halts-karabakh-offensive/');
    expect(await en.textContent('.reading-time')).toMatch(/^Reading time: \d+ minutes?$/);
    expect(
      await en
        .locator('.prev-next .directional-icon')
        .first()
        .evaluate((svg) => getComputedStyle(svg).transform),
    ).toBe('none');
    await closePage(en);
  });

  test('an untranslated article is built once; its address under another locale finds the original from the 404 page', async () => {
    const slug = articlesOf('ar')
      .map((url) => url.split('/')[3]!)
      .find((candidate) => !existsSync(path.join(outDir, 'en', 'articles', candidate)))!;
    expect(slug).toBeTruthy();
    const response = await fetch(new URL(`en/articles/${slug}/`, site.url));
    expect(response.status).toBe(404);
    const page = await openPage(browser, site.url, `en/articles/${slug}/`, {}, 404);
    // The English 404 page (the root 404.html is the default locale's; the URL asks for English).
    const offer = page.locator('[data-not-found-locale="en"] [data-original]');
    await offer.waitFor({ state: 'visible' });
    const link = offer.locator('a[data-original-link="ar"]');
    expect(await link.getAttribute('hreflang')).toBe('ar');
    const title = readFileSync(path.join(outDir, 'ar', 'articles', slug, 'index.html'), 'utf8').match(/<h1[^>]*>([^<]+)<\/h1>/)![1]!;
    expect((await link.textContent())!.trim()).toBe(title);
    await link.click();
    await page.waitForURL(new RegExp(`/ar/articles/${slug}/$`));
    await closePage(page);
    // A page that exists in no locale offers nothing.
    const nowhere = await openPage(browser, site.url, 'en/articles/no-such-article/', {}, 404);
    await nowhere.waitForLoadState('networkidle');
    expect(await nowhere.locator('[data-original]:visible').count()).toBe(0);
    await closePage(nowhere);
    expect(readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8')).not.toContain(`/en/articles/${slug}/`);
  });

  test('an unknown address gets a 404 page with the header and search, in the language of its URL', async () => {
    const response = await fetch(new URL('ar/no-such-page/', site.url));
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('الصفحة غير موجودة');
    expect(html).toContain('class="site-header"');
    expect(html).toContain('data-search-open');
    const en = await openPage(browser, site.url, 'en/no-such-page/', {}, 404);
    await en.waitForSelector('[data-not-found-locale="en"]');
    expect(await en.getAttribute('html', 'lang')).toBe('en');
    expect(await en.textContent('h1')).toBe('Page not found');
    expect(new URL(en.url()).pathname).toBe('/en/no-such-page/');
    await closePage(en);
    // The locale 404 pages are not for search engines.
    expect(readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('/404/');
  });
});

describe('checked by outside tools', () => {
  test('html-validate: every page is valid HTML', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // Article titles are content: their length is the author's, not a markup error.
      rules: { 'long-title': 'off' },
    });
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${path.relative(outDir, file)}:${message.line}: ${message.ruleId} ${message.message}`);
      }
    }
    expect(htmlFiles.length).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  test('linkinator: every internal link and asset resolves', async () => {
    const checker = new LinkChecker();
    // Absolute URLs to the configured SITE_URL (canonical, hreflang, feed links) name the
    // production origin, not this test server; the sitemap and meta tests check those paths.
    const result = await checker.check({ path: site.url, recurse: true, concurrency: 8, linksToSkip: ['^http://localhost:4321/'] });
    const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.status} ${link.url} (from ${link.parent})`);
    expect(broken).toEqual([]);
    expect(result.links.length).toBeGreaterThan(100);
  });

  test('RSS feeds parse as XML with the required fields and absolute links', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const locale of ['ar', 'en']) {
      const feed = parser.parse(readFileSync(path.join(outDir, locale, 'rss.xml'), 'utf8'));
      const channel = feed.rss.channel;
      expect(channel.title).toBeTruthy();
      expect(channel.link).toBe(new URL(`${locale}/`, 'http://localhost:4321/').href);
      expect(channel.language).toBe(locale);
      const items = [channel.item].flat();
      expect(items.length).toBe(Math.min(50, articlesOf(locale).length));
      for (const item of items) {
        expect(item.title).toBeTruthy();
        expect(item.link).toMatch(new RegExp(`^http://localhost:4321/${locale}/articles/[a-z0-9-]+/$`));
        expect(item.description).toBeTruthy();
      }
      expect(items.filter((item) => item.pubDate).every((item) => !Number.isNaN(Date.parse(item.pubDate)))).toBe(true);
    }
  });

  test('the sitemap lists every article, with hreflang alternates for translations', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const urls = [parser.parse(readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8')).urlset.url].flat() as { loc: string; 'xhtml:link'?: unknown }[];
    const locs = urls.map((url) => new URL(url.loc).pathname);
    for (const article of [...articlesOf('ar'), ...articlesOf('en')]) expect(locs).toContain(article);
    const pair = urls.find((url) => url.loc.endsWith('/ar/articles/azerbaijan-halts-karabakh-offensive/'))!;
    const links = [pair['xhtml:link']].flat() as { '@_hreflang': string; '@_href': string }[];
    expect(links.map((link) => link['@_hreflang']).sort()).toEqual(['ar', 'en']);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: http://localhost:4321/sitemap-index.xml');
  });

  test('every article has one NewsArticle JSON-LD block with the required fields', () => {
    const articlePages = [...articlesOf('ar'), ...articlesOf('en')].map((pathname) => path.join(outDir, pathname, 'index.html'));
    for (const file of articlePages) {
      const blocks = [...readFileSync(file, 'utf8').matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(blocks, file).toHaveLength(1);
      const data = JSON.parse(blocks[0]![1]!);
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('NewsArticle');
      expect(data.headline).toBeTruthy();
      expect(['ar', 'en']).toContain(data.inLanguage);
      expect(data.url).toMatch(/^http:\/\/localhost:4321\/(ar|en)\/articles\//);
      const dated = readFileSync(file, 'utf8').includes('<time datetime=');
      expect(Boolean(data.datePublished), file).toBe(dated);
    }
  });

  test('canonical, hreflang with x-default, Open Graph and Twitter meta on an article', () => {
    const html = readFileSync(path.join(outDir, 'en/articles/azerbaijan-halts-karabakh-offensive/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="http://localhost:4321/en/articles/azerbaijan-halts-karabakh-offensive/">');
    expect(html).toContain('<link rel="alternate" hreflang="ar" href="http://localhost:4321/ar/articles/azerbaijan-halts-karabakh-offensive/">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="http://localhost:4321/ar/articles/azerbaijan-halts-karabakh-offensive/">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2023-09-20">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
  });
});
