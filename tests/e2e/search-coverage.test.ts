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
 * articles weigh megabytes), shows their results, and merges the older parts
 * in the same search. Here the budget is one byte, so a first search reads
 * exactly one part, as on a large archive.
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

  test('shows the newest part’s results at once, then merges the older parts in the same search without a click, in place', async () => {
    const page = await openPage(browser, site.url, 'ar/search/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // The older parts are held back until the first results have been seen, so the state in between is there to assert.
    const older = listed.ar!.parts.slice(1).map((part) => `/pagefind/${part.id}/`);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => older.some((folder) => url.pathname.includes(folder)),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.waitForSelector('[data-search-page][data-ready]');
    // Every text the status line shows, to tell an update in place from a new search.
    await page.evaluate(() => {
      const status = document.querySelector('main [data-search-status]')!;
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    // One search, submitted without typing: typed, a pause longer than the
    // typing delay (a loaded machine's) would start a second one before Enter.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#search-page-input')!;
      input.value = 'في';
      input.form!.requestSubmit();
    });
    await waitForAnswer(page, 'في');

    const list = page.locator('main [data-search-results]');
    expect(await list.getAttribute('data-coverage')).toBe('partial');
    expect(await list.getAttribute('aria-busy')).toBe('true');
    expect(partsRead(requests)).toEqual([listed.ar!.parts[0]!.id]);
    const firstCount = (await resultPaths(page)).length;
    expect(firstCount).toBeGreaterThan(0);
    const notice = page.locator('main [data-search-coverage]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute('aria-live')).toBe('polite');
    const newest = listed.ar!.parts[0]!;
    // Numbers in the interface's digits, as the locale registry sets them.
    const digits = (n: number | string) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(Number(n));
    expect(await notice.textContent()).toContain(`${digits(newest.pages)} من ${digits(12)}`);
    // No button to press: the rest is coming.
    expect(await notice.locator('button').count()).toBe(0);

    release();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.coverage === 'complete');
    expect((await resultPaths(page)).length).toBeGreaterThan(firstCount);
    expect(await notice.isHidden()).toBe(true);
    expect(await list.getAttribute('aria-busy')).toBeNull();
    expect(partsRead(requests)).toEqual(listed.ar!.parts.map((part) => part.id).sort());
    // One search: «searching» was said once, before the first results, and the count updated in place.
    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    expect(texts.filter((text) => text === 'جارٍ البحث…')).toHaveLength(1);
    const counts = texts.filter((text) => text.startsWith('عدد النتائج: '));
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.at(-1)).not.toBe(counts[0]);
    expect(await page.locator('main [data-search-status]').textContent()).toBe(counts.at(-1));
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
