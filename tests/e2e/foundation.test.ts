import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';

// The bundled seed article and its English translation share this slug.
const SEED_SLUG = 'azerbaijan-halts-karabakh-offensive';

const siteUrl = inject('bundledSiteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(new URL(path, siteUrl).href);
  expect(response?.status(), `GET ${path}`).toBe(200);
  return page;
}

/** Opens the header's search dialog, types, presses Enter and reads the search page's results. */
async function searchFrom(page: Page, query: string): Promise<string[]> {
  await page.click('[data-search-open]');
  await page.fill('#search-dialog-input', query);
  await page.press('#search-dialog-input', 'Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await page.waitForSelector('main [data-search-results] .search-result');
  return page.$$eval('main [data-search-results] .search-result-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

describe('the bundled archive in a real browser', () => {
  test('/ leads to the Arabic home with a meta refresh and a visible link', async () => {
    const page = await openPage('');
    const refresh = await page.getAttribute('meta[http-equiv="refresh"]', 'content', { timeout: 1000 }).catch(() => null);
    // The refresh may already have navigated; either way we must end on /ar/.
    await page.waitForURL(/\/ar\/$/);
    expect(refresh === null || refresh.includes('/ar/')).toBe(true);
    const html = await (await fetch(siteUrl)).text();
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/ar\/"/);
    expect(html).toMatch(/<a href="\/ar\/">/);
    await page.close();
  });

  test('the Arabic article is right-to-left and its text right-aligned', async () => {
    const page = await openPage(`ar/articles/${SEED_SLUG}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const layout = await page.$eval('[data-article-body] p', (paragraph) => {
      const style = getComputedStyle(paragraph);
      // The last line of a paragraph is short: where it sits shows the alignment.
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const lines = Array.from(range.getClientRects());
      const lastLine = lines[lines.length - 1]!;
      const box = paragraph.getBoundingClientRect();
      return {
        direction: style.direction,
        gapAtRight: box.right - lastLine.right,
        gapAtLeft: lastLine.left - box.left,
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.gapAtRight).toBeLessThan(2);
    expect(layout.gapAtLeft).toBeGreaterThan(layout.gapAtRight);
    expect(await page.textContent('h1')).toContain('أذربيجان');
    expect(await page.locator('[data-article-body] h2').count()).toBe(3);
    await page.close();
  });

  test('the English article is left-to-right and links to the Arabic original', async () => {
    const page = await openPage(`en/articles/${SEED_SLUG}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.click('.language-switcher a[hreflang="ar"]');
    await page.waitForURL(new RegExp(`/ar/articles/${SEED_SLUG}/$`));
    await page.close();
  });

  test('each home page lists its locale’s article', async () => {
    for (const locale of ['ar', 'en']) {
      const page = await openPage(`${locale}/`);
      const links = await page.$$eval('.article-list a', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links).toContain(`/${locale}/articles/${SEED_SLUG}/`);
      await page.close();
    }
  });

  test('searching أذربيجان from an Arabic page finds the Arabic article', async () => {
    const page = await openPage('ar/');
    const results = await searchFrom(page, 'أذربيجان');
    expect(results[0]).toBe(`/ar/articles/${SEED_SLUG}/`);
    expect(results.every((path) => path.startsWith('/ar/'))).toBe(true);
    await page.close();
  });

  test('searching Azerbaijan from an English page finds the English article', async () => {
    const page = await openPage('en/');
    const results = await searchFrom(page, 'Azerbaijan');
    expect(results[0]).toBe(`/en/articles/${SEED_SLUG}/`);
    expect(results.every((path) => path.startsWith('/en/'))).toBe(true);
    await page.close();
  });
});
