/**
 * npm run bench:queries -- --dist DIR --content DIR [--queries 30] [--locale ar] [--seed N] [--4g] [--out FILE]
 *
 * What first queries cost on a site already built (a bench run kept with
 * --keep: DIR/dist and DIR/content): queries drawn from the archive's own
 * articles (first-queries.ts), each on a fresh page of the search page served
 * as a CDN serves it (gzip), with the bytes until the first results and
 * until the whole archive is covered, and the times; with --4g on a simulated
 * slow-4G network (Chrome DevTools' throttling). Prints the median, p90 and
 * largest; --out writes every query's figures as JSON.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../browser/chromium.ts';
import { serveStatic } from '../serve/static-server.ts';
import { measureQueries, sampleQueries, SLOW_4G } from './first-queries.ts';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string' },
    content: { type: 'string' },
    queries: { type: 'string', default: '30' },
    locale: { type: 'string', default: 'ar' },
    seed: { type: 'string', default: '2026' },
    '4g': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
if (!options.dist || !options.content) {
  console.error('usage: npm run bench:queries -- --dist DIR --content DIR [--queries 30] [--locale ar] [--seed N] [--4g] [--out FILE]');
  process.exit(2);
}
const count = Number(options.queries);
const seed = Number(options.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('--queries and --seed must be whole numbers');
  process.exit(2);
}

const distDir = path.resolve(options.dist);
const queries = sampleQueries(path.resolve(options.content), options.locale, count, seed);
const site = await serveStatic(distDir, { asDeployed: true });
const browser = await launchBrowser();
try {
  const measured = await measureQueries(browser, site.url, distDir, options.locale, queries, options['4g'] ? SLOW_4G : undefined);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const ms = (value: number) => `${Math.round(value)} ms`;
  for (const cost of measured.each) {
    console.log(
      `«${cost.query}»: ${cost.results} results; first ${kib(cost.firstBytes)} in ${cost.firstRequests} requests, ${ms(cost.firstMs)}; ` +
        `complete ${kib(cost.completeBytes)}, ${ms(cost.completeMs)}; largest ${cost.largest.map(({ file, bytes }) => `${file} ${kib(bytes)}`).join(', ')}`,
    );
  }
  const line = (name: string, { median, p90, max }: { median: number; p90: number; max: number }, unit: (value: number) => string) =>
    console.log(`${name}: median ${unit(median)}, p90 ${unit(p90)}, max ${unit(max)}`);
  console.log(`${measured.queries} queries${measured.network ? ` on ${measured.network}` : ''}:`);
  line('  first results, transferred', measured.firstBytes, kib);
  line('  whole archive, transferred', measured.completeBytes, kib);
  line('  time to first results', measured.firstMs, ms);
  line('  time to whole archive', measured.completeMs, ms);
  console.log(
    `  median by kind until the first results: ${Object.entries(measured.medianByKind)
      .map(([kind, bytes]) => `${kind} ${kib(bytes)}`)
      .join(', ')}`,
  );
  if (measured.withoutResults.length) console.log(`  without results: ${measured.withoutResults.map((query) => `«${query}»`).join(' ')}`);
  if (options.out) writeFileSync(options.out, `${JSON.stringify(measured, null, 2)}\n`);
} finally {
  await browser.close();
  await site.close();
}
