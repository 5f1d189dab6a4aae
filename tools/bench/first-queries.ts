import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { splitWords } from '../../src/search/words.ts';
import { pick, randomInt, seededRandom } from './random.ts';
import { distFile } from './browser-metrics.ts';
import { wireBytes } from './sizes.ts';

/**
 * What first queries cost a reader: for each query of a list, on a fresh
 * page, the search files (vocabulary shards, Pagefind's runtime, metadata,
 * index chunks and fragments) fetched until the first results show, and until
 * the results cover the whole archive; the median, 90th percentile and
 * largest of each. The queries are drawn from the built archive's own text, as
 * a reader looking for an article they read types a few of its words.
 */

/** A network to simulate (Chrome DevTools' protocol), in bytes per second and milliseconds. */
export interface NetworkConditions {
  name: string;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
  latencyMs: number;
}

/** Lighthouse's mobile profile ("slow 4G"): 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips. */
export const SLOW_4G: NetworkConditions = { name: 'slow 4G', downloadBytesPerSecond: 1_638_400 / 8, uploadBytesPerSecond: 768_000 / 8, latencyMs: 150 };

export interface QueryCost {
  query: string;
  results: number;
  /** Bytes on the wire until the first results showed. */
  firstBytes: number;
  firstRequests: number;
  firstMs: number;
  /** Bytes on the wire until the results covered the whole archive (the same as firstBytes when the first search did). */
  completeBytes: number;
  completeMs: number;
  /** Bytes until the first results by kind of file. */
  firstByKind: Record<FileKind, number>;
  /** The largest files of the first results, for the log. */
  largest: { file: string; bytes: number }[];
}

export type FileKind = 'vocabulary' | 'runtime' | 'metadata' | 'index' | 'fragments' | 'other';

/** What a search file is: the vocabulary, Pagefind's runtime (script, worker, WebAssembly), metadata, index chunks or fragments. */
export function fileKind(file: string): FileKind {
  if (/[/\\]search-vocab[/\\]/.test(file)) return 'vocabulary';
  if (/\.pf_meta$/.test(file)) return 'metadata';
  if (/\.pf_index$/.test(file)) return 'index';
  if (/\.pf_fragment$/.test(file)) return 'fragments';
  if (/(\.pagefind|\.js)$/.test(file)) return 'runtime';
  return 'other';
}

export interface Spread {
  median: number;
  p90: number;
  max: number;
}

/** Median, 90th percentile (nearest rank) and largest of some figures. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, p90: Number.NaN, max: Number.NaN };
  const rank = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, p90: rank(0.9), max: sorted.at(-1)! };
}

/** The body of an imported article: its paragraphs, without the front matter and subheadings. */
function paragraphs(mdx: string): string[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/\n\s*\n/).filter((block) => !/^\s*(#|!|<|\||>|-\s|\d+\.\s)/.test(block) && /\p{Script=Arabic}/u.test(block));
}

/**
 * `count` queries of one to three consecutive words of the archive's own
 * articles (a third each), Arabic words of two letters or more, in articles
 * picked at random with `seed`: the same archive and seed give the same list.
 */
export function sampleQueries(contentDir: string, locale: string, count: number, seed = 2026): string[] {
  const random = seededRandom(seed);
  const files = readdirSync(path.join(contentDir, locale))
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const queries: string[] = [];
  for (let attempt = 0; queries.length < count && attempt < count * 20; attempt++) {
    const text = pick(random, paragraphs(readFileSync(path.join(contentDir, locale, pick(random, files)), 'utf8')));
    if (!text) continue;
    const words = splitWords(text).filter((word) => /^\p{Script=Arabic}{2,}$/u.test(word));
    const length = 1 + (queries.length % 3);
    if (words.length < length) continue;
    const start = randomInt(random, 0, words.length - length);
    const query = words.slice(start, start + length).join(' ');
    if (!queries.includes(query)) queries.push(query);
  }
  return queries;
}

/**
 * One first query on a fresh page of the search page, optionally on a
 * throttled network: the search files until the first results show, and
 * until the results say they cover the whole archive.
 */
export async function measureQuery(
  browser: Browser,
  siteUrl: string,
  distDir: string,
  locale: string,
  query: string,
  network?: NetworkConditions,
): Promise<QueryCost> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const files: string[] = [];
    page.on('request', (request) => {
      const file = distFile(distDir, siteUrl, request.url());
      if (file && /[/\\](pagefind|search-vocab)[/\\]/.test(file)) files.push(file);
    });
    await page.goto(new URL(`${locale}/search/`, siteUrl).href, { waitUntil: 'load' });
    await page.waitForSelector('[data-search-page][data-ready]');
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latencyMs,
        downloadThroughput: network.downloadBytesPerSecond,
        uploadThroughput: network.uploadBytesPerSecond,
      });
    }
    const started = Date.now();
    await page.fill('#search-page-input', query);
    await page.press('#search-page-input', 'Enter');
    const list = 'main [data-search-results]';
    await page.waitForFunction(({ list, query }) => document.querySelector<HTMLElement>(list)?.dataset.query === query, { list, query }, { timeout: 300_000 });
    const firstMs = Date.now() - started;
    const firstFiles = [...files];
    // The results are complete once the list says it covers the whole archive
    // (results-view.ts); a site built before it said so covers no more later.
    await page.waitForFunction(
      ({ list, query }) => {
        const element = document.querySelector<HTMLElement>(list);
        return element?.dataset.query === query && (element.dataset.coverage ?? 'complete') === 'complete';
      },
      { list, query },
      { timeout: 600_000 },
    );
    const completeMs = Date.now() - started;
    const results = await page.locator('main .search-result').count();
    const bytes = (list: string[]) => list.reduce((sum, file) => sum + wireBytes(file), 0);
    const firstByKind: Record<FileKind, number> = { vocabulary: 0, runtime: 0, metadata: 0, index: 0, fragments: 0, other: 0 };
    for (const file of firstFiles) firstByKind[fileKind(file)] += wireBytes(file);
    return {
      query,
      results,
      firstBytes: bytes(firstFiles),
      firstRequests: firstFiles.length,
      firstMs,
      completeBytes: bytes(files),
      completeMs,
      firstByKind,
      largest: firstFiles
        .map((file) => ({ file: path.relative(distDir, file), bytes: wireBytes(file) }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 3),
    };
  } finally {
    await context.close();
  }
}

export interface FirstQueries {
  queries: number;
  network?: string;
  firstBytes: Spread;
  completeBytes: Spread;
  firstMs: Spread;
  completeMs: Spread;
  /** The median of each kind's bytes until the first results. */
  medianByKind: Record<FileKind, number>;
  /** Queries that showed no result (their article's words not found). */
  withoutResults: string[];
  each: QueryCost[];
}

/** Every query of the list, one after another (each on a fresh page), and the spread of their costs. */
export async function measureQueries(
  browser: Browser,
  siteUrl: string,
  distDir: string,
  locale: string,
  queries: readonly string[],
  network?: NetworkConditions,
): Promise<FirstQueries> {
  const each: QueryCost[] = [];
  for (const query of queries) each.push(await measureQuery(browser, siteUrl, distDir, locale, query, network));
  return {
    queries: each.length,
    ...(network ? { network: network.name } : {}),
    firstBytes: spread(each.map((cost) => cost.firstBytes)),
    completeBytes: spread(each.map((cost) => cost.completeBytes)),
    firstMs: spread(each.map((cost) => cost.firstMs)),
    completeMs: spread(each.map((cost) => cost.completeMs)),
    medianByKind: Object.fromEntries(
      (['vocabulary', 'runtime', 'metadata', 'index', 'fragments', 'other'] as const).map((kind) => [
        kind,
        spread(each.map((cost) => cost.firstByKind[kind])).median,
      ]),
    ) as Record<FileKind, number>,
    withoutResults: each.filter((cost) => cost.results === 0).map((cost) => cost.query),
    each,
  };
}
