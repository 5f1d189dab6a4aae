import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { projectRoot, serveStatic, sharedBuild, type StaticSite } from '../helpers/site.ts';

/**
 * What a reader sees for each family of search misses (spellings, clitics, digits), through the real search
 * page on the independent evaluation corpus (tests/fixtures/search-quality-quran):
 * each test fails if its family's fault returns.
 */
const fixture = path.join(projectRoot, 'tests/fixtures/search-quality-quran');

let site: StaticSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The same build as search-quality's set of this fixture: built once per run.
  site = await serveStatic(await sharedBuild({ contentDir: path.join(fixture, 'content') }));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Answer {
  status: string;
  paths: string[];
  excerpts: string[];
  marks: string[];
}

/** Opens the search page with ?q= and reads what it shows once it answers. */
async function search(locale: string, query: string, siteUrl = site.url, on: Page = page): Promise<Answer> {
  await on.goto(new URL(`${locale}/search/?q=${encodeURIComponent(query)}`, siteUrl).href);
  await on.waitForFunction((q) => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === q, query);
  return on.evaluate(() => ({
    status: document.querySelector('main [data-search-status]')?.textContent ?? '',
    paths: [...document.querySelectorAll<HTMLAnchorElement>('main [data-search-results] .search-result-title a')].map((link) => link.pathname),
    excerpts: [...document.querySelectorAll('main [data-search-results] .search-result-excerpt')].map((excerpt) => excerpt.textContent ?? ''),
    marks: [...document.querySelectorAll('main [data-search-results] .search-result-excerpt mark')].map((mark) => mark.textContent ?? ''),
  }));
}

describe('each family of misses, as the reader sees it', () => {
  test('proclitic chains: the article where the text has بال, كال, وال or و alone finds the article first', async () => {
    expect((await search('ar', 'القلم')).paths[0]).toBe('/ar/articles/al-alaq/');
    expect((await search('ar', 'العرجون')).paths[0]).toBe('/ar/articles/ya-sin/');
    expect((await search('ar', 'الرمان')).paths[0]).toBe('/ar/articles/ar-rahman/');
  });

  test('lone letters: no detached letter is a match nor marked alone', async () => {
    const answer = await search('ar', 'والزيتون');
    expect(answer.paths[0]).toBe('/ar/articles/at-tin/');
    expect(answer.marks.length).toBeGreaterThan(0);
    for (const mark of answer.marks) expect([...mark.replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')].length).toBeGreaterThan(1);
  });

  test('the typed form ranks above a page that only shares a stem', async () => {
    expect((await search('ar', 'النخلة')).paths[0]).toBe('/ar/articles/maryam/');
  });

  test('typos: the closest spelling of the archive is searched and shown', async () => {
    const arabic = await search('ar', 'الخناش');
    expect(arabic.paths[0]).toBe('/ar/articles/an-nas/');
    expect(arabic.status).toContain('«الخناش»');
    expect(arabic.status).toContain('الخناس');
    const english = await search('en', 'wisperer');
    expect(english.paths[0]).toBe('/en/articles/an-nas/');
    expect(english.status).toContain('“whisperer”');
  });

  test('ranked, not all or nothing: a word no page holds beside the others still leaves the closest pages, the missing word said', async () => {
    const answer = await search('ar', 'الفيل زرزرة');
    expect(answer.paths[0]).toBe('/ar/articles/al-fil/');
    expect(answer.status).toContain('لا نتائج تضم كل الكلمات');
    expect(answer.status).toContain('«زرزرة»');
    const missing = await page.$$eval('main [data-search-results] .search-result-missing', (lines) => lines.map((line) => line.textContent ?? ''));
    expect(missing[0]).toContain('زرزرة');
  });

  test('broken plurals: the singular finds the text’s plural (جبل → ٱلۡجِبَالُ)', async () => {
    const answer = await search('ar', 'جبل');
    expect(answer.paths).toEqual(expect.arrayContaining(['/ar/articles/al-qari-ah/', '/ar/articles/an-naba/', '/ar/articles/at-takwir/']));
  });

  test('tags are searchable', async () => {
    const answer = await search('ar', 'مدنية');
    expect(answer.paths).toContain('/ar/articles/an-nasr/');
    expect(answer.paths).toHaveLength(3);
  });

  test('quoted phrases are phrases: only the page with the words in order', async () => {
    const answer = await search('ar', '"رب الناس"');
    expect(answer.paths).toEqual(['/ar/articles/an-nas/']);
    const loose = await search('ar', 'رب الناس');
    expect(loose.paths.length).toBeGreaterThan(1);
  });

  test('excerpts: no title, … where cut, the word marked without its punctuation', async () => {
    const answer = await search('ar', 'الذئب');
    expect(answer.paths[0]).toBe('/ar/articles/yusuf/');
    expect(answer.excerpts[0]!.startsWith('سورة يوسف')).toBe(false);
    expect(answer.excerpts[0]!.trim().endsWith('…')).toBe(true);
    for (const mark of answer.marks) expect(mark).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
    const short = await search('ar', 'الفيل');
    expect(short.excerpts[0]!.includes('سورة الفيل')).toBe(false);
  });

  test('filter counts follow the query (English: Pagefind’s counts for it), or are left out (Arabic)', async () => {
    await search('en', 'elephant');
    await page.focus('main select[name="tag"]');
    await page.waitForSelector('[data-search-page][data-filters-ready]');
    const english = await page.$$eval('main select[name="tag"] option', (options) =>
      options.map((option) => ({ text: option.textContent, disabled: (option as HTMLOptionElement).disabled })),
    );
    expect(english).toContainEqual({ text: 'Meccan (1)', disabled: false });
    expect(english).toContainEqual({ text: 'Medinan (0)', disabled: true });

    await search('ar', 'الفيل');
    await page.focus('main select[name="tag"]');
    await page.waitForSelector('[data-search-page][data-filters-ready]');
    const arabic = await page.$$eval('main select[name="tag"] option', (options) => options.slice(1).map((option) => option.textContent));
    expect(arabic.sort()).toEqual(['مدنية', 'مكية']);
  });

  test('nothing found: the other language’s results are offered, and said so', async () => {
    const onArabic = await search('ar', 'elephant');
    expect(onArabic.paths[0]).toBe('/en/articles/al-fil/');
    expect(onArabic.status).toContain('English');
    const onEnglish = await search('en', 'الفيل');
    expect(onEnglish.paths[0]).toBe('/ar/articles/al-fil/');
    expect(onEnglish.status).toContain('العربية');
  });

  test('a pasted passage costs a bounded number of requests and still finds its page', async () => {
    const requests: string[] = [];
    const fresh = await browser.newPage();
    fresh.on('request', (request) => {
      if (/\/(pagefind|search-vocab)\//.test(request.url())) requests.push(request.url());
    });
    const answer = await search('ar', 'قل أعوذ برب الناس ملك الناس إله الناس من شر الوسواس الخناس الذي يوسوس في صدور الناس', site.url, fresh);
    await fresh.close();
    expect(answer.paths[0]).toBe('/ar/articles/an-nas/');
    console.log(`long query: ${requests.length} search requests`);
    // Pagefind's runtime and index files, ≤ 8 words × their vocabulary shards, ≤ 16 results' fragments.
    expect(requests.length).toBeLessThanOrEqual(64);
  });
});

describe('did you mean on the bundled archive', () => {
  test('«أذربيحان» (ح for ج) offers and searches «أذربيجان»', async () => {
    const bundled = await browser.newPage();
    const answer = await search('ar', 'أذربيحان', inject('bundledSiteUrl'), bundled);
    await bundled.close();
    expect(answer.status).toContain('أذربيجان');
    expect(answer.paths[0]).toBe('/ar/articles/azerbaijan-halts-karabakh-offensive/');
  });
});
