import path from 'node:path';
import type { Browser } from 'playwright-core';
import { wireBytes } from './sizes.ts';

export interface PageWeight {
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  /** HTML + CSS + JS on the wire before the reader can interact. */
  beforeInteractionBytes: number;
  fontBytes: number;
  /** Photographs fetched before the load event: counted apart from the 14 KB budget (they are the article, not the page). */
  imageBytes: number;
  requests: number;
  /** The title and text are there with JavaScript off. */
  readableWithoutJavaScript: boolean;
}

/** Maps a same-origin URL under the site to its file in dist/. */
export function distFile(distDir: string, siteUrl: string, url: string): string | null {
  const site = new URL(siteUrl);
  const target = new URL(url);
  if (target.origin !== site.origin || !target.pathname.startsWith(site.pathname)) return null;
  let relative = decodeURIComponent(target.pathname.slice(site.pathname.length));
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  return path.join(distDir, relative);
}

/** What an article page costs a first-time reader, by kind of resource. */
export async function measurePageWeight(browser: Browser, siteUrl: string, distDir: string, pagePath: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // "Before interacting": what the page asks for until its load event. Code a
  // page fetches later, on idle or on use (search, the service worker), is not.
  const requests: { url: string; type: string; beforeLoad: boolean }[] = [];
  let loaded = false;
  page.on('load', () => (loaded = true));
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType(), beforeLoad: !loaded }));
  await page.goto(new URL(pagePath, siteUrl).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await context.close();

  const weight = { htmlBytes: 0, cssBytes: 0, jsBytes: 0, fontBytes: 0, imageBytes: 0 };
  for (const { url, type, beforeLoad } of requests) {
    const file = distFile(distDir, siteUrl, url);
    if (!file) continue;
    const bytes = wireBytes(file);
    if (type === 'font') weight.fontBytes += bytes;
    if (!beforeLoad) continue;
    if (type === 'document') weight.htmlBytes += bytes;
    else if (type === 'stylesheet') weight.cssBytes += bytes;
    else if (type === 'script') weight.jsBytes += bytes;
    else if (type === 'image') weight.imageBytes += bytes;
  }

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(new URL(pagePath, siteUrl).href);
  const readableWithoutJavaScript = await plain.evaluate(
    () =>
      (document.querySelector('h1')?.textContent?.trim().length ?? 0) > 0 &&
      (document.querySelector('[data-article-body]')?.textContent?.trim().length ?? 0) > 100,
  );
  await noScript.close();

  return {
    ...weight,
    beforeInteractionBytes: weight.htmlBytes + weight.cssBytes + weight.jsBytes,
    requests: requests.length,
    readableWithoutJavaScript,
  };
}

export interface FirstSearch {
  query: string;
  results: number;
  /** The status line the reader sees (for a typo: the spelling searched instead). */
  status: string;
  /** Bytes of Pagefind's runtime, index, fragments and the search vocabulary. */
  searchBytes: number;
  searchRequests: number;
  /** From typing the query to the results on screen, on a page already loaded. */
  millisecondsToResults: number;
  /** Each file of the first search with its bytes on the wire, largest first. */
  files: { file: string; bytes: number }[];
}

/** A first search on a fresh page: what it downloads and how long until results show. */
export async function measureFirstSearch(browser: Browser, siteUrl: string, distDir: string, locale: string, query: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const searchFiles: string[] = [];
  page.on('request', (request) => {
    const file = distFile(distDir, siteUrl, request.url());
    if (file && /[/\\](pagefind|search-vocab)[/\\]/.test(file)) searchFiles.push(file);
  });
  await page.goto(new URL(`${locale}/search/`, siteUrl).href, { waitUntil: 'load' });
  await page.waitForSelector('[data-search-page][data-ready]');
  const started = Date.now();
  await page.fill('#search-page-input', query);
  await page.press('#search-page-input', 'Enter');
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === q, query, {
    timeout: 60_000,
  });
  const millisecondsToResults = Date.now() - started;
  // What the first search cost: the requests made until its results showed.
  const firstSearchFiles = [...searchFiles];
  const results = await page.locator('main .search-result').count();
  const status = (await page.locator('main [data-search-status]').textContent()) ?? '';
  await context.close();
  return {
    query,
    results,
    status,
    files: firstSearchFiles.map((file) => ({ file: path.relative(distDir, file), bytes: wireBytes(file) })).sort((a, b) => b.bytes - a.bytes),
    searchBytes: firstSearchFiles.reduce((sum, file) => sum + wireBytes(file), 0),
    searchRequests: firstSearchFiles.length,
    millisecondsToResults,
  };
}
