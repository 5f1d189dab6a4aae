import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** A number in the Arabic interface's digits, as the locale registry sets them. */
const arabicDigits = (n: number) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(n);

const fixture = path.join(projectRoot, 'tests/fixtures/search-quality');
const outDir = path.join(projectRoot, 'tests/.tmp/search-ui/dist');

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  // Index parts of at most 3 pages: every search here merges several parts, as an archive of 100,000 articles does.
  await buildSite({ contentDir: path.join(fixture, 'content'), outDir, indexPartPages: 3 });
  site = await serveStatic(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function resultPaths(page: Page, scope = 'main'): Promise<string[]> {
  return page.$$eval(`${scope} [data-search-results] .search-result-title a`, (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

async function waitForAnswer(page: Page, query: string, scope = 'main'): Promise<void> {
  await page.waitForFunction(([q, s]) => document.querySelector<HTMLElement>(`${s} [data-search-results]`)?.dataset.query === q, [query, scope] as const);
}

describe('the search index in parts', () => {
  test('each locale lists its parts, newest first, and every article is in exactly one', async () => {
    const listed = (await (await fetch(new URL('pagefind/parts.json', site.url))).json()) as Record<
      string,
      { parts: { id: string; pages: number }[]; firstSearch: number }
    >;
    const parts = { ar: listed.ar!.parts.map((part) => part.id) };
    // Parts this small all fit in what a first search may read.
    expect(listed.ar!.firstSearch).toBe(parts.ar.length);
    expect(listed.ar!.parts.reduce((sum, part) => sum + part.pages, 0)).toBe(12);
    expect(parts.ar!.length).toBeGreaterThan(2);
    expect(
      [...parts.ar!]
        .sort()
        .reverse()
        .filter((id) => !id.includes('undated')),
    ).toEqual(parts.ar!.filter((id) => !id.includes('undated')));
    let pages = 0;
    for (const part of parts.ar!) {
      const entry = (await (await fetch(new URL(`pagefind/${part}/pagefind-entry.json`, site.url))).json()) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.keys(entry.languages)).toEqual(['ar']);
      pages += entry.languages.ar!.page_count;
    }
    expect(pages).toBe(12);
  });
});

describe('the search dialog', () => {
  test('"/" opens it with focus in the field; it searches as you type; Escape closes it and focus returns', async () => {
    const page = await openPage(browser, site.url, 'ar/');
    await page.focus('.site-name');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    await page.keyboard.type('لروسيا');
    await waitForAnswer(page, 'لروسيا', 'dialog');
    expect(await resultPaths(page, 'dialog')).toEqual(['/ar/articles/russia-grain/']);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.querySelector('dialog')!.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('site-name');
    await closePage(page);
  });

  test('Ctrl+K opens it too, and it has an accessible name in the page language', async () => {
    const page = await openPage(browser, site.url, 'en/');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search the archive' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByRole('searchbox', { name: 'Search the archive' }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close search' }).isVisible()).toBe(true);
    await closePage(page);
  });
});

describe('the search page', () => {
  test('reads ?q= and keeps the URL in step as the reader types', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('بغداد')}`);
    await waitForAnswer(page, 'بغداد');
    expect((await resultPaths(page))[0]).toBe('/ar/articles/baghdad-history/');
    await page.fill('#search-page-input', 'سدود');
    await waitForAnswer(page, 'سدود');
    expect(new URL(page.url()).searchParams.get('q')).toBe('سدود');
    expect(await resultPaths(page)).toContain('/ar/articles/dams-water/');
    await closePage(page);
  });

  test('filters by tag and year with counts in Arabic digits, and the URL carries them', async () => {
    const page = await openPage(browser, site.url, 'ar/search/');
    await page.waitForSelector('[data-search-page][data-ready]');
    // The lists load when the reader reaches for a filter.
    expect(await page.$$eval('select[name="year"] option', (options) => options.length)).toBe(1);
    await page.focus('select[name="year"]');
    await page.waitForSelector('[data-search-page][data-filters-ready]');
    const yearOptions = await page.$$eval('select[name="year"] option', (options) => options.map((o) => o.textContent));
    expect(yearOptions).toEqual([
      'كل السنوات',
      ...[
        [2023, 7],
        [2022, 2],
        [2021, 2],
        [2020, 1],
      ].map(([year, count]) => `${arabicDigits(year!)} (${arabicDigits(count!)})`),
    ]);
    await page.selectOption('select[name="tag"]', 'كوارث');
    await waitForAnswer(page, '');
    expect((await resultPaths(page)).sort()).toEqual(['/ar/articles/libya-aid/', '/ar/articles/libya-floods/']);
    expect(new URL(page.url()).searchParams.get('tag')).toBe('كوارث');
    await page.fill('#search-page-input', 'ليبيا');
    await waitForAnswer(page, 'ليبيا');
    expect(await resultPaths(page)).toEqual(['/ar/articles/libya-floods/', '/ar/articles/libya-aid/']);
    await closePage(page);
  });

  test('shows a screenful of results first, and more on request', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('في')}`);
    await waitForAnswer(page, 'في');
    // The count in whichever digits the registry gives the Arabic interface, read back as a number.
    const status = (await page.textContent('main [data-search-status]'))!;
    const total = Number(status.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^0-9]/g, ''));
    expect(total).toBeGreaterThan(8);
    expect(await page.locator('main .search-result').count()).toBe(8);
    await page.click('main [data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('main .search-result').length === n, total);
    expect(await page.locator('main [data-search-more]').isHidden()).toBe(true);
    await closePage(page);
  });

  test('orders newest first on request', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('بغداد')}&order=date`);
    await waitForAnswer(page, 'بغداد');
    expect(await resultPaths(page)).toEqual(['/ar/articles/baghdad-conference/', '/ar/articles/baghdad-history/']);
    await closePage(page);
  });

  test('results show the date, the excerpt with the match marked, and matching sections', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('الطلاب')}`);
    await waitForAnswer(page, 'الطلاب');
    const first = page.locator('main .search-result').first();
    expect(await first.locator('time').getAttribute('datetime')).toBe('2022-08-20');
    expect(await first.locator('time').textContent()).toBe(`${arabicDigits(20)} أغسطس ${arabicDigits(2022)}`);
    expect(await first.locator('.search-result-excerpt mark').first().textContent()).toContain('الطلاب');
    expect(await first.locator('.search-result-sections a').first().getAttribute('href')).toMatch(/#/);
    await closePage(page);
  });

  test('a result found by its tag: the excerpt is the article’s text, not its tags, and the date line is the card’s, Hijri included', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('كوارث')}`);
    await waitForAnswer(page, 'كوارث');
    const results = await page.$$eval('main .search-result', (items) =>
      items.map((item) => ({
        href: item.querySelector<HTMLAnchorElement>('.search-result-title a')!.pathname,
        excerpt: item.querySelector('.search-result-excerpt')!.textContent ?? '',
        date: item.querySelector('.search-result-date')?.textContent ?? '',
      })),
    );
    expect(results.map((result) => result.href).sort()).toEqual(['/ar/articles/libya-aid/', '/ar/articles/libya-floods/']);
    for (const result of results) {
      const article = await openPage(browser, site.url, result.href.slice(1));
      const tags = await article.$$eval('.article-footer .tag-links a', (links) => links.map((link) => link.textContent!.trim()));
      const dateline = (await article.textContent('article .dateline'))!.trim();
      await closePage(article);
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(result.excerpt, result.href).not.toContain(tag);
      expect(result.excerpt).not.toContain(' ،');
      expect(result.excerpt.trim().length).toBeGreaterThan(0);
      expect(dateline).toContain(`${arabicDigits(1445)} هـ`);
      expect(result.date.trim()).toBe(dateline);
    }
    await closePage(page);
  });

  test('an empty result says so, with a hint, in the page language', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('زلزال')}`);
    await waitForAnswer(page, 'زلزال');
    expect(await page.textContent('main [data-search-status]')).toBe('لا نتائج لـ «زلزال». جرّب كلمة أقصر أو أزل أحد المرشحات.');
    await closePage(page);
  });

  test('following a result highlights the matched words on the article', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('روسيا')}`);
    await waitForAnswer(page, 'روسيا');
    await page.click('main .search-result-title a');
    await page.waitForSelector('mark.search-highlight');
    expect(await page.$$eval('mark.search-highlight', (marks) => marks.map((m) => m.textContent))).toEqual(['لروسيا']);
    await closePage(page);
  });
});
