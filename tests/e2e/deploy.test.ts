import { appendFileSync, cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';
import { headersForPath, parseHeadersFile } from '../../tools/serve/headers-file.ts';
import { ar } from '../../src/i18n/strings/ar.ts';
import { LOCALE_CODES, LOCALES, localeDirection } from '../../src/i18n/locales.ts';

/**
 * The archive as deployed: built for a subfolder (BASE_PATH=/archive/),
 * served from that subfolder by a plain static server with the headers of
 * public/_headers, then used online and offline in Chromium.
 */
const BASE = '/archive/';
const work = path.join(projectRoot, 'tests/.tmp/deploy');
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
const rules = parseHeadersFile(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
const SLUG = 'azerbaijan-halts-karabakh-offensive';
/** The next deploy: one article removed, one added in a year of its own (a new index part). */
const nextContentDir = path.join(work, 'next-content');
const nextOutDir = path.join(work, 'next-dist');
const ADDED = `---
title: زرافة نادرة تولد في حديقة الحيوان
description: ولدت زرافة نادرة في حديقة الحيوان هذا الأسبوع.
date: "2024-05-01"
tags: [حيوانات]
translationKey: ar/giraffe-born
---

ولدت زرافة نادرة في حديقة الحيوان هذا الأسبوع.
`;

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'content'), contentDir, { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/search-quality/content'), contentDir, { recursive: true });
  await buildSite({ contentDir, outDir, base: BASE });
  cpSync(contentDir, nextContentDir, { recursive: true });
  rmSync(path.join(nextContentDir, 'ar/baghdad-history.mdx'));
  writeFileSync(path.join(nextContentDir, 'ar/giraffe-born.mdx'), ADDED);
  await buildSite({ contentDir: nextContentDir, outDir: nextOutDir, base: BASE });
  site = await serveStatic(outDir, { base: BASE, headers: (pathname) => headersForPath(rules, pathname) });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Watch {
  foreign: string[];
  failed: string[];
  violations: string[];
}

/** A context that records requests to other origins, failed responses and CSP violations. */
async function watchedContext(): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext();
  const watch: Watch = { foreign: [], failed: [], violations: [] };
  const origin = new URL(site.url).origin;
  context.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) watch.foreign.push(request.url());
  });
  context.on('response', (response) => {
    if (response.status() >= 400) watch.failed.push(`${response.status()} ${response.url()}`);
  });
  await context.exposeBinding('__reportViolation', (_source, text: string) => watch.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) watch.violations.push(message.text());
  });
  return { context, watch };
}

async function searchOn(page: Page, locale: string, query: string): Promise<string[]> {
  await page.goto(`${site.url}${locale}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === q, query);
  return page.$$eval('main [data-search-results] .search-result-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

describe('built for a subfolder, served from it with the shipped headers', () => {
  test('the root redirect, every link and asset, translations and search stay under /archive/', async () => {
    const { context, watch } = await watchedContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForURL(`${site.url}ar/`);
    const hrefs = new Set<string>();
    for (const pathname of ['ar/', 'en/', 'ar/archive/', 'ar/tags/', `ar/articles/${SLUG}/`, 'en/search/', 'ar/page/2/'].filter((p) => p !== 'ar/page/2/')) {
      await page.goto(site.url + pathname);
      for (const href of await page.$$eval('a[href], link[href]', (elements) => elements.map((element) => element.getAttribute('href')!))) hrefs.add(href);
    }
    const outside = [...hrefs].filter((href) => !href.startsWith('#') && !href.startsWith(BASE) && !href.startsWith(`http://localhost:4321${BASE}`));
    expect(outside).toEqual([]);

    await page.goto(`${site.url}ar/articles/${SLUG}/`);
    await page.click('.language-switcher a[hreflang="en"]');
    await page.waitForURL(`${site.url}en/articles/${SLUG}/`);

    expect((await searchOn(page, 'ar', 'لروسيا'))[0]).toBe(`${BASE}ar/articles/russia-grain/`);
    expect((await searchOn(page, 'en', 'Azerbaijan'))[0]).toBe(`${BASE}en/articles/${SLUG}/`);

    expect(watch.failed).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  test('feeds and the sitemap carry the base path', () => {
    expect(readFileSync(path.join(outDir, 'ar/rss.xml'), 'utf8')).toContain(`<link>http://localhost:4321${BASE}ar/articles/`);
    const sitemap = readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>http://localhost:4321${BASE}ar/articles/${SLUG}/</loc>`);
    expect(sitemap).not.toMatch(/<loc>http:\/\/localhost:4321\/(ar|en)\//);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: http://localhost:4321${BASE}sitemap-index.xml`);
  });

  test('no server rules needed: trailing-slash directories, a static root redirect, 404.html at the root', async () => {
    const root = await fetch(site.url);
    expect(await root.text()).toContain(`<meta http-equiv="refresh" content="0; url=${BASE}ar/">`);
    const missing = await fetch(`${site.url}ar/nothing-here/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('الصفحة غير موجودة');
    expect(readFileSync(path.join(outDir, `ar/articles/${SLUG}/index.html`), 'utf8')).toContain(`href="${BASE}ar/"`);
  });

  test('under the strict Content-Security-Policy: zero violations, zero requests elsewhere, search and theme work', async () => {
    const response = await fetch(`${site.url}ar/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const asset = readFileSync(path.join(outDir, 'ar/index.html'), 'utf8').match(/\/archive\/_astro\/[^"]+\.css/)![0];
    expect((await fetch(new URL(asset, site.url))).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const { context, watch } = await watchedContext();
    const page = await context.newPage();
    for (const pathname of ['ar/', `ar/articles/${SLUG}/`, 'en/archive/', 'ar/tags/']) await page.goto(site.url + pathname);
    expect((await searchOn(page, 'ar', 'بغداد')).length).toBeGreaterThan(0);
    await page.goto(`${site.url}en/`);
    await page.click('[data-search-open]');
    await page.fill('#search-dialog-input', 'Libya');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog [data-search-results]')?.dataset.query === 'Libya');
    await page.keyboard.press('Escape');
    await page.click('[data-theme-choice="dark"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(watch.violations).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });
});

/** A context whose pages have a service worker in charge: the first page opened, once the worker is active and has kept it. */
async function withActiveWorker(pathname: string): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const { context, watch } = await watchedContext();
  const page = await context.newPage();
  await page.goto(site.url + pathname);
  await page.waitForFunction(() => document.documentElement.dataset.serviceWorker === 'active', undefined, { timeout: 30_000 });
  return { context, page, watch };
}

/** The results a search shows (their paths) and its status line, once `scope`'s list answers `query`. */
async function shownResults(page: Page, scope: 'main' | 'dialog', query: string): Promise<{ paths: string[]; status: string }> {
  await page.waitForFunction(([s, q]) => document.querySelector<HTMLElement>(`${s} [data-search-results]`)?.dataset.query === q, [scope, query] as const);
  return {
    paths: await page.$$eval(`${scope} [data-search-results] .search-result-title a`, (links) => links.map((link) => (link as HTMLAnchorElement).pathname)),
    status: (await page.textContent(`${scope} [data-search-status]`)) ?? '',
  };
}

const DAMS = `${BASE}ar/articles/dams-water/`;
const DAMS_TITLE = 'شح المياه يهدد المزارعين في حوض النهر';

describe('offline', () => {
  test('after one visit, articles already read and search over them work with the network off', async () => {
    const { context, watch } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${site.url}ar/`);
    await page.waitForFunction(() => document.documentElement.dataset.serviceWorker === 'active', undefined, { timeout: 30_000 });
    expect(await page.locator('[data-offline-ready]').isVisible()).toBe(true);
    expect(await page.textContent('[data-offline-ready]')).toContain('دون اتصال');
    // Read an article and search once while online.
    await page.goto(`${site.url}ar/articles/russia-grain/`);
    expect((await searchOn(page, 'ar', 'لروسيا'))[0]).toBe(`${BASE}ar/articles/russia-grain/`);

    await context.setOffline(true);
    await page.reload();
    await page.goto(`${site.url}ar/articles/russia-grain/`);
    expect(await page.textContent('h1')).toBe('تصدير الحبوب عبر البحر الأسود');
    expect((await searchOn(page, 'ar', 'لروسيا'))[0]).toBe(`${BASE}ar/articles/russia-grain/`);
    expect(watch.violations).toEqual([]);
    await context.close();
  });

  test('a deploy that removes files under an old worker: the open page keeps searching, the next page has the new index', async () => {
    const { context, watch } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${site.url}ar/`);
    await page.waitForFunction(() => document.documentElement.dataset.serviceWorker === 'active', undefined, { timeout: 30_000 });
    expect((await searchOn(page, 'ar', 'بغداد')).sort()).toEqual([`${BASE}ar/articles/baghdad-conference/`, `${BASE}ar/articles/baghdad-history/`]);
    const previous = path.join(work, 'previous-dist');
    cpSync(outDir, previous, { recursive: true });
    // The deploy: every file replaced, the old ones gone (as Netlify, Cloudflare Pages or s3 sync --delete do).
    const deploy = (from: string) => {
      for (const entry of readdirSync(outDir)) rmSync(path.join(outDir, entry), { recursive: true, force: true });
      cpSync(from, outDir, { recursive: true });
    };
    deploy(nextOutDir);
    try {
      // The open page still holds the old index, some of whose files are gone: asked again, it answers with what exists.
      for (const query of ['المتنبي', 'بغداد']) {
        await page.fill('#search-page-input', query);
        await page.waitForFunction((q) => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === q, query, { timeout: 15_000 });
      }
      expect(await page.$$eval('main .search-result-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname))).toContain(
        `${BASE}ar/articles/baghdad-conference/`,
      );
      expect(await page.textContent('main [data-search-status]')).not.toBe(ar['search.unavailable']);
      // The next page the reader opens uses the new deploy, with the old worker still in charge: no reload asked of the reader.
      expect(await searchOn(page, 'ar', 'زرافة')).toEqual([`${BASE}ar/articles/giraffe-born/`]);
      await page.goto(`${site.url}ar/`);
      expect(await page.textContent('main')).toContain('زرافة نادرة تولد في حديقة الحيوان');
      expect(watch.violations).toEqual([]);
    } finally {
      deploy(previous);
      rmSync(previous, { recursive: true, force: true });
      await context.close();
    }
  });

  test('a newer version is announced and a reload brings it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}en/`);
    await page.waitForFunction(() => document.documentElement.dataset.serviceWorker === 'active', undefined, { timeout: 30_000 });
    const swFile = path.join(outDir, 'sw.js');
    const original = readFileSync(swFile, 'utf8');
    appendFileSync(swFile, '\n// a new deployment\n');
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.waitForSelector('[data-offline-update]:not([hidden])', { timeout: 30_000 });
      expect(await page.textContent('[data-offline-update]')).toContain('A newer version of the archive is available.');
      await Promise.all([page.waitForEvent('load'), page.click('[data-offline-reload]')]);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}sw.js`);
    } finally {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(swFile, original);
      await context.close();
    }
  });

  test('the first page opened opens offline, without a reload while online', async () => {
    const { context, page, watch } = await withActiveWorker('ar/');
    const heading = await page.textContent('h1');
    await context.setOffline(true);
    await page.reload();
    expect(await page.textContent('h1')).toBe(heading);
    expect(await page.locator('[data-offline-page]').count()).toBe(0);
    expect(watch.violations).toEqual([]);
    await context.close();
  });

  test('offline, search finds a read article by a word of its title or of its body, as typed, lists every result it counts and says it is offline', async () => {
    const { context, page, watch } = await withActiveWorker('ar/');
    await page.goto(site.url + DAMS.slice(BASE.length));
    // One search online, for another article: Pagefind's runtime and some of its
    // chunks are cached, but never the chunks of the words searched below.
    expect((await searchOn(page, 'ar', 'لروسيا'))[0]).toBe(`${BASE}ar/articles/russia-grain/`);
    await context.setOffline(true);
    const counted = (count: number) => ar['search.resultCount'].replace('{count}', String(count));
    // حوض only in the title, ترشيد only in the body, الامطار typed without the hamza the text writes (الأمطار).
    for (const query of ['حوض', 'ترشيد', 'الامطار']) {
      await page.goto(`${site.url}ar/search/?q=${encodeURIComponent(query)}`);
      const { paths, status } = await shownResults(page, 'main', query);
      expect(paths, query).toEqual([DAMS]);
      expect(status).toBe(counted(paths.length));
      expect(await page.locator('main [data-search-offline]').isVisible()).toBe(true);
      expect(await page.textContent('main [data-search-offline]')).toBe(ar['search.offline']);
    }
    // A word of an article never read on this device: not found, and said to be offline.
    const unread = await (async () => {
      await page.fill('#search-page-input', 'درنة');
      return shownResults(page, 'main', 'درنة');
    })();
    expect(unread.paths).toEqual([]);
    expect(unread.status).toContain(ar['search.noResults'].replace('{query}', 'درنة'));
    expect(await page.locator('main [data-search-offline]').isVisible()).toBe(true);

    // The dialog, on the article page read before.
    await page.goto(site.url + DAMS.slice(BASE.length));
    await page.click('[data-search-open]');
    for (const query of ['ترشيد', 'حوض']) {
      await page.fill('#search-dialog-input', query);
      const { paths, status } = await shownResults(page, 'dialog', query);
      expect(paths, query).toEqual([DAMS]);
      expect(status).toBe(counted(paths.length));
      expect(await page.locator('dialog [data-search-offline]').isVisible()).toBe(true);
    }
    // Its result opens the article kept, whatever ?highlight= it carries.
    await Promise.all([page.waitForURL(/highlight=/), page.click('dialog .search-result-title a')]);
    expect(await page.textContent('h1')).toBe(DAMS_TITLE);

    // Back online, the page that searched offline searches the whole index again.
    await page.click('[data-search-open]');
    await page.fill('#search-dialog-input', 'حوض');
    expect((await shownResults(page, 'dialog', 'حوض')).paths).toEqual([DAMS]);
    await context.setOffline(false);
    await page.fill('#search-dialog-input', 'بغداد');
    expect((await shownResults(page, 'dialog', 'بغداد')).paths.sort()).toEqual([
      `${BASE}ar/articles/baghdad-conference/`,
      `${BASE}ar/articles/baghdad-history/`,
    ]);
    expect(await page.locator('dialog [data-search-offline]').isVisible()).toBe(false);
    expect(watch.violations).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await context.close();
  });

  test("offline, a page never read shows the locale's offline page, listing the articles read and offering search over them", async () => {
    const { context, page, watch } = await withActiveWorker('ar/');
    await page.goto(site.url + DAMS.slice(BASE.length));
    await context.setOffline(true);
    for (const code of LOCALE_CODES) {
      await page.goto(`${site.url}${code}/archive/`);
      expect(page.url()).toBe(`${site.url}${code}/archive/`);
      expect(await page.textContent('h1')).toBe(LOCALES[code].strings['offline.pageTitle']);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([LOCALES[code].code, localeDirection(code)]);
      expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    }
    await page.goto(`${site.url}ar/tags/`);
    await page.waitForSelector('[data-offline-page][data-offline-listed]');
    const listed = await page.$$eval('[data-offline-pages] a', (links) => links.map((link) => [link.textContent, (link as HTMLAnchorElement).pathname]));
    // Articles first: the one read.
    expect(listed[0]).toEqual([DAMS_TITLE, DAMS]);
    expect(listed.map(([, pathname]) => pathname)).toContain(`${BASE}ar/`);
    expect(await page.locator('[data-offline-nothing]').isVisible()).toBe(false);
    // The search it offers covers the article read.
    await page.click('.offline-search');
    await page.fill('#search-dialog-input', 'ترشيد');
    expect((await shownResults(page, 'dialog', 'ترشيد')).paths).toEqual([DAMS]);
    await Promise.all([page.waitForURL(/\/dams-water\//), page.click('dialog .search-result-title a')]);
    expect(await page.textContent('h1')).toBe(DAMS_TITLE);
    expect(watch.violations).toEqual([]);
    await context.close();
  });

  test('the offline pages are not content: noindex, out of the sitemap and of the search index', () => {
    const sitemap = readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8');
    for (const code of LOCALE_CODES) {
      const html = readFileSync(path.join(outDir, code, 'offline/index.html'), 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex">');
      // Pagefind indexes only what is inside data-pagefind-body.
      expect(html).not.toContain('data-pagefind-body');
      expect(sitemap).not.toContain(`${BASE}${code}/offline/`);
    }
  });

  test('with service workers blocked, pages log no error', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const errors: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    for (const pathname of ['ar/', `ar/articles/${SLUG}/`, 'en/', 'ar/search/?q=بغداد']) {
      await page.goto(site.url + pathname);
      // The worker's registration is tried once the page is idle: refused here.
      await page.waitForFunction(() => document.documentElement.dataset.serviceWorker === 'unavailable', undefined, { timeout: 30_000 });
    }
    expect((await shownResults(page, 'main', 'بغداد')).paths.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
