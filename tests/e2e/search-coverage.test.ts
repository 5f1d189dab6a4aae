import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/**
 * A first search reads only the newest parts of a large locale's index (what
 * every part costs whatever the query would make a first search over 100,000
 * articles weigh megabytes). Here the budget is one byte, so a first search
 * reads exactly one part, as on a large archive.
 */
const fixture = path.join(projectRoot, 'tests/fixtures/search-quality');
const outDir = path.join(projectRoot, 'tests/.tmp/search-coverage/dist');

interface LocaleParts {
  parts: { id: string; pages: number; since?: string; until?: string; baseBytes: number }[];
  firstSearch: number;
}

let site: StaticSite;
let browser: Browser;
let listed: Record<string, LocaleParts>;

beforeAll(async () => {
  await buildSite({ contentDir: path.join(fixture, 'content'), outDir, indexPartPages: 3, env: { ARSHIF_FIRST_SEARCH_BYTES: '1' } });
  site = await serveStatic(outDir);
  browser = await launchBrowser();
  listed = (await (await fetch(new URL('pagefind/parts.json', site.url))).json()) as Record<string, LocaleParts>;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function waitForAnswer(page: Page, query: string): Promise<void> {
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === q, query);
}

function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('main [data-search-results] .search-result-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

/** The index parts a page has fetched metadata from. */
function partsRead(requests: string[]): string[] {
  return [...new Set(requests.flatMap((url) => /\/pagefind\/([^/]+)\/pagefind\.[^/]*\.pf_meta$/.exec(new URL(url).pathname)?.[1] ?? []))].sort();
}

async function searchPage(query: string): Promise<{ page: Page; requests: string[] }> {
  const page = await openPage(browser, site.url, 'ar/search/');
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.waitForSelector('[data-search-page][data-ready]');
  await page.fill('#search-page-input', query);
  await page.press('#search-page-input', 'Enter');
  await waitForAnswer(page, query);
  return { page, requests };
}

describe('a first search over the newest parts', () => {
  test('parts.json says how many parts a first search reads, with each part’s pages, years and base bytes', () => {
    const ar = listed.ar!;
    expect(ar.parts.length).toBeGreaterThan(2);
    expect(ar.firstSearch).toBe(1);
    expect(ar.parts.reduce((sum, part) => sum + part.pages, 0)).toBe(12);
    for (const part of ar.parts) expect(part.baseBytes).toBeGreaterThan(0);
    // Newest first: each part's years end no later than the previous part's begin.
    const dated = ar.parts.filter((part) => part.since);
    for (let i = 1; i < dated.length; i++) expect(dated[i]!.until! <= dated[i - 1]!.since!).toBe(true);
  });

  test('reads only the newest part, says what it covered, and searches everything when asked', async () => {
    const { page, requests } = await searchPage('في');
    expect(partsRead(requests)).toEqual([listed.ar!.parts[0]!.id]);
    const firstCount = (await resultPaths(page)).length;
    const coverage = page.locator('main [data-search-coverage]');
    expect(await coverage.isVisible()).toBe(true);
    const newest = listed.ar!.parts[0]!;
    // Numbers in the interface's digits, as the locale registry sets them.
    const digits = (n: number | string) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(Number(n));
    expect(await coverage.textContent()).toContain(`${digits(newest.pages)} من ${digits(12)}`);
    expect(await coverage.textContent()).toContain(`منذ عام ${digits(newest.since!)}`);

    await page.getByRole('button', { name: `ابحث في كل المقالات (${digits(12)})` }).click();
    await page.waitForFunction((n) => document.querySelectorAll('main .search-result').length > n, firstCount);
    expect(await coverage.isHidden()).toBe(true);
    expect(partsRead(requests)).toEqual(listed.ar!.parts.map((part) => part.id).sort());
    await closePage(page);
  });

  test('a word the newest part does not have is looked for in the older parts without the reader’s help', async () => {
    const { page } = await searchPage('لروسيا');
    expect(await resultPaths(page)).toEqual(['/ar/articles/russia-grain/']);
    expect(await page.locator('main [data-search-coverage]').isVisible()).toBe(false);
    await closePage(page);
  });

  test('two searches asked at once both wait for the older parts before answering nothing', async () => {
    const page = await openPage(browser, site.url, 'ar/search/');
    await page.waitForSelector('[data-search-page][data-ready]');
    // As when the typing pause and Enter both start a search: the second must not
    // take the first one's merge of the older parts for a finished one.
    await page.evaluate((query) => {
      const form = document.querySelector<HTMLFormElement>('[data-search-page]')!;
      form.querySelector<HTMLInputElement>('#search-page-input')!.value = query;
      form.requestSubmit();
      form.requestSubmit();
    }, 'لروسيا');
    await waitForAnswer(page, 'لروسيا');
    expect(await resultPaths(page)).toEqual(['/ar/articles/russia-grain/']);
    await closePage(page);
  });

  test('the year and tag lists cover the whole archive', async () => {
    const { page } = await searchPage('في');
    await page.focus('select[name="year"]');
    await page.waitForSelector('[data-search-page][data-filters-ready]');
    const years = await page.$$eval('select[name="year"] option', (options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(years).toEqual(['2023', '2022', '2021', '2020']);
    await page.selectOption('select[name="year"]', '2021');
    // The two articles of 2021 are in older parts than the one a first search read.
    const of2021 = ['/ar/articles/baghdad-history/', '/ar/articles/dams-water/'];
    await page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll<HTMLAnchorElement>('main .search-result-title a')]
          .map((a) => a.pathname)
          .sort()
          .join() === expected,
      of2021.join(),
    );
    expect((await resultPaths(page)).sort()).toEqual(of2021);
    await closePage(page);
  });
});
