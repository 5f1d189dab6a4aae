import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../src/i18n/locales.ts';

/** A number in the Arabic interface's digits, as the locale registry sets them. */
const arabicDigits = (n: number) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(n);

const SEED_SLUG = 'azerbaijan-halts-karabakh-offensive';
const siteUrl = inject('bundledSiteUrl');
const screenshotDir = path.join(projectRoot, 'tests/artifacts/screenshots');

const PAGES = {
  home: (locale: string) => `${locale}/`,
  article: (locale: string) => `${locale}/articles/${SEED_SLUG}/`,
  search: (locale: string) => `${locale}/search/?q=${locale === 'ar' ? 'أذربيجان' : 'Azerbaijan'}`,
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Elements sticking out of the viewport, as `tag.class (left..right)` strings. */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('.visually-hidden, .skip-link')) continue;
      if (box.left < -1 || box.right > width + 1) {
        offenders.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.left)}..${Math.round(box.right)})`);
      }
    }
    if (document.documentElement.scrollWidth > width) offenders.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    return offenders;
  });
}

describe('layouts in both directions', () => {
  test('screenshots of the home and article pages at 360 px and 1280 px', async () => {
    for (const locale of ['ar', 'en']) {
      for (const kind of ['home', 'article'] as const) {
        for (const width of [360, 1280]) {
          const page = await openPage(browser, siteUrl, PAGES[kind](locale), { viewport: { width, height: 900 } });
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(screenshotDir, `${locale}-${kind}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          await closePage(page);
        }
      }
    }
  });

  test('in RTL the title starts at the right edge of the content column', async () => {
    const page = await openPage(browser, siteUrl, PAGES.article('ar'), { viewport: { width: 1280, height: 900 } });
    const edges = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      const column = main.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      const firstLine = range.getClientRects()[0]!;
      return { columnRight: column.right - parseFloat(style.paddingRight), titleRight: firstLine.right };
    });
    expect(Math.abs(edges.columnRight - edges.titleRight)).toBeLessThan(2);
    await closePage(page);
  });

  test('in LTR the title starts at the left edge of the content column', async () => {
    const page = await openPage(browser, siteUrl, PAGES.article('en'), { viewport: { width: 1280, height: 900 } });
    const edges = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const column = main.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      return { columnLeft: column.left + parseFloat(getComputedStyle(main).paddingLeft), titleLeft: range.getClientRects()[0]!.left };
    });
    expect(Math.abs(edges.columnLeft - edges.titleLeft)).toBeLessThan(2);
    await closePage(page);
  });

  test('nothing overflows a 320 px viewport', async () => {
    for (const locale of ['ar', 'en']) {
      for (const kind of ['home', 'article', 'search'] as const) {
        const page = await openPage(browser, siteUrl, PAGES[kind](locale), { viewport: { width: 320, height: 640 } });
        await page.evaluate(() => document.fonts.ready);
        expect(await overflowingElements(page), `${locale} ${kind}`).toEqual([]);
        await closePage(page);
      }
    }
  });

  test('the Arabic face is self-hosted, used, and no request leaves the site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(siteUrl).origin) foreign.push(request.url());
      if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
    });
    await page.goto(new URL(PAGES.article('ar'), siteUrl).href);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'أذربيجان'))).toBe(true);
    expect(fonts.some((font) => font.includes('noto-naskh-arabic-arabic-400'))).toBe(true);
    expect(fonts.every((font) => font.endsWith('.woff2'))).toBe(true);
    expect(foreign).toEqual([]);
    await context.close();
  });

  test('dates: Gregorian and Hijri in the locale’s digits, inside <time datetime>', async () => {
    const ar = await openPage(browser, siteUrl, PAGES.article('ar'));
    expect(await ar.getAttribute('article time', 'datetime')).toBe('2023-09-20');
    expect(await ar.textContent('article time')).toContain(`${arabicDigits(20)} سبتمبر ${arabicDigits(2023)}`);
    expect(await ar.textContent('article time')).toContain(`${arabicDigits(1445)} هـ`);
    await closePage(ar);
    const en = await openPage(browser, siteUrl, PAGES.article('en'));
    expect(await en.textContent('article time')).toContain('September 20, 2023');
    expect(await en.textContent('article time')).toContain('1445 AH');
    await closePage(en);
  });

  test('no English UI text on Arabic pages and no Arabic UI text on English pages', async () => {
    for (const kind of ['home', 'article', 'search'] as const) {
      const ar = await openPage(browser, siteUrl, PAGES[kind]('ar'));
      // Chrome outside the article: header and page furniture, minus other-language links and content values (<bdi>).
      const arChrome = await ar.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang]:not([lang="ar"]), article, bdi, script').forEach((node) => {
          node.remove();
        });
        return clone.innerText;
      });
      expect(arChrome, `ar ${kind}`).not.toMatch(/[A-Za-z]{2,}/);
      await closePage(ar);
      const en = await openPage(browser, siteUrl, PAGES[kind]('en'));
      const enChrome = await en.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang]:not([lang="en"]), article, bdi, .search-result, option, script').forEach((node) => {
          node.remove();
        });
        return clone.innerText;
      });
      expect(enChrome, `en ${kind}`).not.toMatch(/[\u0600-\u06FF]/);
      await closePage(en);
    }
  });
});

describe('themes', () => {
  test('choosing dark switches, persists, and reloads without a flash of light', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(new URL(PAGES.article('ar'), siteUrl).href);
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.click('[data-theme-choice="dark"]');
    expect(await page.getAttribute('[data-theme-choice="dark"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-theme-choice="system"]', 'aria-pressed')).toBe('false');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    // On the next page the saved theme applies before first paint: check as soon as the DOM exists.
    await page.goto(new URL(PAGES.home('ar'), siteUrl).href, { waitUntil: 'commit' });
    await page.waitForSelector('body', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
    await context.close();
  });

  test('the system dark preference applies without a choice, and "system" shows as the choice in force', async () => {
    const page = await openPage(browser, siteUrl, PAGES.home('en'), { colorScheme: 'dark' });
    expect(await page.getAttribute('[data-theme-choice="system"]', 'aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 21, 21)');
    await closePage(page);
  });
});

// axe runs in look.test.ts, over every page kind of every locale in both themes, on this same bundled build.

describe('the focus ring', () => {
  test('at 1280 px the first navigation link, reached by Tab, shows its whole focus ring: no ancestor clips it', async () => {
    const page = await openPage(browser, siteUrl, PAGES.article('ar'), { viewport: { width: 1280, height: 900 } });
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement === document.querySelector('.site-nav a'))) break;
    }
    await page.waitForFunction(() => document.activeElement === document.querySelector('.site-nav a'));
    const clipped = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const style = getComputedStyle(link);
      if (style.outlineStyle === 'none') return ['no outline'];
      const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      const box = link.getBoundingClientRect();
      const ring = { left: box.left - grow, right: box.right + grow, top: box.top - grow, bottom: box.bottom + grow };
      const clips: string[] = [];
      for (let ancestor = link.parentElement; ancestor; ancestor = ancestor.parentElement) {
        const { overflowX, overflowY } = getComputedStyle(ancestor);
        if (overflowX === 'visible' && overflowY === 'visible') continue;
        const area = ancestor.getBoundingClientRect();
        const outside =
          (overflowX !== 'visible' && (ring.left < area.left - 0.5 || ring.right > area.right + 0.5)) ||
          (overflowY !== 'visible' && (ring.top < area.top - 0.5 || ring.bottom > area.bottom + 0.5));
        if (outside) clips.push(`${ancestor.tagName.toLowerCase()}.${ancestor.className} (overflow ${overflowX} ${overflowY})`);
      }
      return clips;
    });
    expect(clipped).toEqual([]);
    await closePage(page);
  });
});

/**
 * A long archive, as a site that imported decades of news has: the bundled
 * articles, an article every six months from 1999 to 2024 (300 months on the
 * chart), an author, tags, a busy month listed by day, and photographed
 * articles on the home page. Cheap to build: one line each.
 */
describe('a long archive on phones and desktops', () => {
  const work = path.join(projectRoot, 'tests/.tmp/layout-long');
  const contentDir = path.join(work, 'content');
  const locale = DEFAULT_LOCALE;
  const AUTHOR = 'ليلى حداد';
  const TAGS = ['وثائق', 'ذاكرة'];
  const pad = (n: number) => String(n).padStart(2, '0');
  let site: StaticSite;
  let longUrl: string;

  function writeArticle(slug: string, date: string, text: string, extra = ''): void {
    writeFileSync(
      path.join(contentDir, locale, `${slug}.mdx`),
      `---\ntitle: ${JSON.stringify(text)}\ndescription: ${JSON.stringify(text)}\ndate: "${date}"\n${extra}---\n\n${text}\n`,
    );
  }

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    cpSync(path.join(projectRoot, 'content'), contentDir, { recursive: true });
    mkdirSync(path.join(contentDir, locale), { recursive: true });
    const tagLines = `author: ${JSON.stringify(AUTHOR)}\ntags: ${JSON.stringify(TAGS)}\n`;
    for (let year = 1999; year <= 2024; year++)
      for (const month of [1, 7])
        writeArticle(`long-${year}-${pad(month)}`, `${year}-${pad(month)}-15`, `خبر من شهر ${month} سنة ${year} عن الأرشيف الطويل`, tagLines);
    for (let n = 1; n <= 45; n++) writeArticle(`busy-${pad(n)}`, `2010-03-${pad(1 + (n % 3))}`, `خبر عاجل رقم ${n} في شهر مزدحم`);
    for (let n = 1; n <= 3; n++) {
      const slug = `photo-${n}`;
      mkdirSync(path.join(contentDir, locale, slug), { recursive: true });
      cpSync(path.join(projectRoot, 'tests/fixtures/rich/media/harbour.jpg'), path.join(contentDir, locale, slug, 'harbour.jpg'));
      writeArticle(slug, `2024-12-${pad(10 + n)}`, `مرفأ بيروت يعود إلى العمل بعد أشهر من الإصلاح في الخبر ${n}`, `images:\n  - ./${slug}/harbour.jpg\n`);
    }
    await buildSite({ contentDir, outDir: path.join(work, 'dist') });
    site = await serveStatic(path.join(work, 'dist'));
    longUrl = site.url;
  }, 300_000);

  afterAll(async () => {
    await site?.close();
  });

  const KINDS: Record<string, string> = {
    home: `${locale}/`,
    article: `${locale}/articles/${SEED_SLUG}/`,
    archive: `${locale}/archive/`,
    month: `${locale}/archive/2024/12/`,
    busyMonth: `${locale}/archive/2010/03/`,
    day: `${locale}/archive/2010/03/02/`,
    tags: `${locale}/tags/`,
    tag: `${locale}/tags/${encodeURIComponent(TAGS[0]!)}/`,
    authors: `${locale}/authors/`,
    author: `${locale}/authors/${encodeURIComponent(AUTHOR.replace(' ', '-'))}/`,
    search: `${locale}/search/?q=${encodeURIComponent(TAGS[0]!)}`,
    about: `${locale}/about/`,
    notFound: `${locale}/no-such-page/`,
  };

  /** The chart's year labels on show, as boxes in the page. */
  function yearLabels(page: Page): Promise<{ text: string; left: number; right: number }[]> {
    return page.$$eval('.archive-chart-year', (labels) =>
      labels
        .filter((label) => getComputedStyle(label).display !== 'none')
        .map((label) => ({ text: label.textContent ?? '', left: label.getBoundingClientRect().left, right: label.getBoundingClientRect().right })),
    );
  }

  test('every page kind at 320, 360 and 414 px: no sideways scroll; the chart’s year labels never touch', async () => {
    const report: string[] = [];
    for (const width of [320, 360, 414]) {
      const context = await browser.newContext({ viewport: { width, height: 740 } });
      const page = await context.newPage();
      for (const [kind, pathname] of Object.entries(KINDS)) {
        const response = await page.goto(new URL(pathname, longUrl).href);
        expect(response?.status(), `${kind} ${pathname}`).toBe(kind === 'notFound' ? 404 : 200);
        if (kind === 'search') await page.waitForSelector('main [data-search-results] .search-result');
        if (kind === 'notFound') await page.waitForSelector(`[data-not-found-locale="${locale}"]`);
        await page.evaluate(() => document.fonts.ready);
        const { scrollWidth, viewport } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
        if (scrollWidth > viewport) report.push(`${kind} at ${width} px: scrollWidth ${scrollWidth} > ${viewport}`);
        if (kind !== 'archive') continue;
        const labels = await yearLabels(page);
        expect(labels.length, `year labels at ${width} px`).toBeGreaterThanOrEqual(3);
        const sorted = [...labels].sort((a, b) => a.left - b.left);
        for (let i = 1; i < sorted.length; i++)
          if (sorted[i]!.left < sorted[i - 1]!.right) report.push(`${width} px: «${sorted[i - 1]!.text}» and «${sorted[i]!.text}» overlap`);
        const chart = await page.evaluate(() => document.querySelector('.archive-chart-bars')!.getBoundingClientRect().toJSON() as DOMRect);
        for (const label of labels)
          if (label.left < chart.left - 1 || label.right > chart.right + 1) report.push(`${width} px: «${label.text}» outside the chart`);
      }
      await context.close();
    }
    expect(report).toEqual([]);
  });

  test('on a desktop the chart names more years, still apart; a bar’s readout stays inside the page', async () => {
    const phone = await openPage(browser, longUrl, KINDS.archive!, { viewport: { width: 320, height: 740 } });
    const onPhone = (await yearLabels(phone)).length;
    await closePage(phone);
    const page = await openPage(browser, longUrl, KINDS.archive!, { viewport: { width: 1280, height: 900 } });
    await page.evaluate(() => document.fonts.ready);
    const labels = (await yearLabels(page)).sort((a, b) => a.left - b.left);
    expect(labels.length).toBeGreaterThanOrEqual(onPhone);
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.left, `${labels[i - 1]!.text} / ${labels[i]!.text}`).toBeGreaterThanOrEqual(labels[i - 1]!.right);
    // The newest month's readout, at the very edge of the chart, opens inwards.
    for (const bar of ['first', 'last'] as const) {
      const focus = page.locator(`.archive-chart-bars > li:${bar}-child a`);
      await focus.focus();
      await page.waitForSelector(`.archive-chart-bars > li:${bar}-child a:focus .archive-chart-value`, { state: 'visible' });
      const box = await page.evaluate(
        (which) => document.querySelector(`.archive-chart-bars > li:${which}-child .archive-chart-value`)!.getBoundingClientRect().toJSON() as DOMRect,
        bar,
      );
      const chart = await page.evaluate(() => document.querySelector('.archive-chart-bars')!.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.left, bar).toBeGreaterThanOrEqual(chart.left - 1);
      expect(box.right, bar).toBeLessThanOrEqual(chart.right + 1);
    }
    await closePage(page);
  });

  test('a headline scale: the article title grows from phone to desktop, stands 1.5 times a subheading, and related articles’ heading is below a subheading', async () => {
    const sizes: Record<number, { h1: number; h2: number; related: number }> = {};
    for (const width of [360, 1280]) {
      const page = await openPage(browser, longUrl, KINDS.article!, { viewport: { width, height: 900 } });
      expect(await page.locator('.article-body h2').count()).toBeGreaterThan(0);
      expect(await page.locator('.related-articles h2').count()).toBe(1);
      sizes[width] = await page.evaluate(() => {
        const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        return { h1: size('article h1'), h2: size('.article-body h2'), related: size('.related-articles h2') };
      });
      await closePage(page);
    }
    expect(sizes[1280]!.h1).toBeGreaterThan(sizes[360]!.h1);
    expect(sizes[1280]!.h1).toBeGreaterThanOrEqual(1.5 * sizes[1280]!.h2);
    for (const width of [360, 1280]) {
      expect(sizes[width]!.h1, `${width}`).toBeGreaterThan(sizes[width]!.h2);
      expect(sizes[width]!.related, `${width}`).toBeLessThan(sizes[width]!.h2);
    }
  });

  test('on a 360 px phone a card’s photograph is a thumbnail at the inline end, fetched small, and the home page is short', async () => {
    const page = await openPage(browser, longUrl, KINDS.home!, { viewport: { width: 360, height: 740 } });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.article-card-image');
      return image?.complete && image.naturalWidth > 0;
    });
    const cards = await page.evaluate(() => {
      const items = Array.from(document.querySelectorAll('.article-list > li'));
      const withImage = items.filter((item) => item.querySelector('img'));
      return {
        count: items.length,
        total: items.reduce((sum, item) => sum + item.getBoundingClientRect().height, 0),
        photographed: withImage.map((item) => {
          const image = item.querySelector<HTMLImageElement>('img')!;
          const title = item.querySelector('.article-card-title')!.getBoundingClientRect();
          return {
            card: item.getBoundingClientRect().width,
            height: item.getBoundingClientRect().height,
            image: image.getBoundingClientRect().width,
            imageRight: image.getBoundingClientRect().right,
            titleLeft: title.left,
            fetched: image.naturalWidth,
            offered: (image.getAttribute('srcset') ?? '').split(',').map((entry) => parseInt(entry.trim().split(/\s+/)[1] ?? '0', 10)),
          };
        }),
      };
    });
    expect(cards.photographed.length).toBeGreaterThan(0);
    for (const card of cards.photographed) {
      expect(card.image).toBeLessThan(card.card * 0.4);
      // Arabic: the inline end is the left; the thumbnail is beside the title, not above it.
      expect(card.imageRight).toBeLessThanOrEqual(card.titleLeft);
      // Full-width photographs made such a card 428 px tall.
      expect(card.height).toBeLessThanOrEqual(240);
      expect(card.fetched).toBeLessThanOrEqual(480);
      expect(Math.max(...card.offered)).toBeLessThanOrEqual(480);
    }
    expect(cards.count).toBeGreaterThan(10);
    expect(cards.total / cards.count).toBeLessThanOrEqual(220);
    await closePage(page);
  });

  test('a search result: no tag list in the excerpt, no space before an Arabic comma, and the card’s date line with its Hijri date', async () => {
    const page = await openPage(browser, longUrl, KINDS.search!);
    await page.waitForFunction((q) => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === q, TAGS[0]!);
    const results = await page.$$eval('main .search-result', (items) =>
      items.map((item) => ({
        href: item.querySelector<HTMLAnchorElement>('.search-result-title a')!.pathname,
        excerpt: item.querySelector('.search-result-excerpt')!.textContent ?? '',
        date: item.querySelector('.search-result-date')?.textContent ?? '',
      })),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.excerpt).not.toContain(TAGS[0]);
      expect(result.excerpt).not.toContain(' ،');
      expect(result.excerpt.trim().length).toBeGreaterThan(0);
    }
    const first = results[0]!;
    const article = await openPage(browser, longUrl, first.href.slice(1));
    const dateline = (await article.textContent('article .dateline'))!.trim();
    expect(dateline).toMatch(/هـ/);
    expect(first.date.trim()).toBe(dateline);
    await closePage(article);
    await closePage(page);
  });
});
