import { DEFAULT_LOCALE, LOCALE_CODES, isHebrewScriptLocale } from '../i18n/locales.ts';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { settings } from '../settings.ts';
import type { RuntimeCaching } from 'workbox-build';
import { type PrecacheOptions, type WorkerOptions, writeServiceWorker } from './service-worker-bundle.ts';
import type { LocaleSearchParts } from '../search/index-parts.ts';

/**
 * Pagefind's runtime as the search page loads it: from each locale's newest
 * part (parts.json), its script, worker and the one WebAssembly file its
 * language uses (a language without a stemmer uses wasm.unknown).
 */
async function searchRuntimeFiles(outDir: string): Promise<string[]> {
  const parts = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'parts.json'), 'utf8')) as Record<string, LocaleSearchParts>;
  const files: string[] = [];
  for (const {
    parts: [newest],
  } of Object.values(parts)) {
    if (!newest) continue;
    const primary = newest.id;
    const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', primary, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { wasm?: string | null }>;
    };
    const wasms = Object.values(entry.languages).map((language) => language.wasm ?? 'unknown');
    files.push(
      `pagefind/${primary}/pagefind.js`,
      `pagefind/${primary}/pagefind-worker.js`,
      ...wasms.map((wasm) => `pagefind/${primary}/wasm.${wasm}.pagefind`),
    );
  }
  return files;
}

/** The cache of pages as read; src/client/offline-pages.ts reads it by this name. */
const PAGE_CACHE = 'arshif-pages';

/**
 * A page request: a navigation, or the page the reader opened before the
 * worker was in charge, which the page hands over with an Accept of
 * text/html (src/client/offline-status.ts). Other fetches of a page's HTML
 * (the 404 page looking for an article in another locale) are left to the
 * network, so an offline fallback never passes for the page they asked for.
 *
 * generateSW writes every route's matcher into sw.js as source text, so a
 * matcher cannot close over a build-time value: the path prefix is written
 * into its source as a JSON literal.
 */
function pageRequestUnder(prefix: string): NonNullable<RuntimeCaching['urlPattern']> {
  return new Function(
    '{ url, request, sameOrigin }',
    `return sameOrigin && url.pathname.startsWith(${JSON.stringify(prefix)}) && (request.mode === 'navigate' || (request.headers.get('Accept') || '').startsWith('text/html'));`,
  ) as NonNullable<RuntimeCaching['urlPattern']>;
}

/**
 * Pages network-first into one cache, keyed without their query: a search
 * result links to its article with ?highlight=, which must find the copy
 * read without it. A page that can be neither fetched nor found in the
 * cache gets its locale's offline page (precached), and any other address
 * the default locale's.
 */
function pageRoutes(base: string): RuntimeCaching[] {
  const fallbackLocale = LOCALE_CODES.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : LOCALE_CODES[0]!;
  const route = (prefix: string, locale: string): RuntimeCaching => ({
    urlPattern: pageRequestUnder(prefix),
    handler: 'NetworkFirst',
    options: {
      cacheName: PAGE_CACHE,
      networkTimeoutSeconds: 4,
      expiration: { maxEntries: 1000 },
      precacheFallback: { fallbackURL: `${base}${locale}/offline/index.html` },
      plugins: [
        {
          cacheKeyWillBeUsed: async ({ request }) => {
            const url = new URL(request.url);
            url.search = '';
            return url.href;
          },
        },
      ],
    },
  });
  return [...LOCALE_CODES.map((code) => route(`${base}${code}/`, code)), route(base, fallbackLocale)];
}

/**
 * Writes dist/sw.js with Workbox after the site and its Pagefind index are
 * built (this integration must come after pagefind() in the config). The
 * service worker precaches what does not go stale — styles, scripts, the
 * fonts pages use, the 404 and offline pages, Pagefind's runtime and wasm —
 * and caches pages and index chunks as they are read, so what a reader has
 * seen stays readable and searchable offline (src/client/offline-status.ts
 * hands it the first page, loaded before it was in charge). A page that was
 * never read gets the locale's offline page (src/pages/[locale]/offline.astro).
 */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  let bundleCacheDir = '';
  return {
    name: 'arshif:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Beside Astro's own caches, and shared by every build of the project:
        // the worker's bundle depends on its options, never on the archive.
        bundleCacheDir = fileURLToPath(new URL('node_modules/.cache/arshif-service-worker/', config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A shard's folder is not a site: the assemble step writes the worker over the whole archive.
        if (settings.shard) return;
        const outDir = fileURLToPath(dir);
        // Workbox is loaded there, not with the config: it and its bundler weigh
        // 88 MB (measured), which would sit in memory all through rendering and
        // indexing, when the build's memory peaks.
        const precache: PrecacheOptions = {
          // Pages are not precached: a precached page is served from the cache
          // first, so after a deploy readers would keep seeing the old home until
          // they reload twice. Pages go network-first below and are kept as read.
          globPatterns: [
            '404.html',
            // Each locale's own 404 page: a missing /en/… address is handed to it, offline too.
            '*/404/index.html',
            // Each locale's offline page, served for any page that cannot be loaded offline.
            '*/offline/index.html',
            'favicon.svg',
            '_astro/*.{css,js}',
            // The subsets pages actually use; other scripts' subsets are cached when read.
            '_astro/noto-naskh-arabic-{arabic,latin}-400-normal.*.woff2',
            '_astro/noto-serif-latin-{400,700}-normal.*.woff2',
            '_astro/arshif-kufi-arabic-700.*.woff2',
            // The locale packs' own faces, only when the pack is on (src/styles/fonts.css).
            ...(LOCALE_CODES.some((code) => code === 'fa' || code === 'ur') ? ['_astro/arshif-kufi-persian-urdu-700.*.woff2'] : []),
            ...(LOCALE_CODES.some((code) => isHebrewScriptLocale(code)) ? ['_astro/frank-ruhl-libre-hebrew-{400,700}-normal.*.woff2'] : []),
            // Pagefind's runtime from each locale's newest part (the one search
            // loads); the index itself is cached as it is read (below), so an old
            // worker never serves an old index's entry files after a deploy.
            ...(await searchRuntimeFiles(outDir)),
            'search-vocab/*/shards.json',
          ],
          modifyURLPrefix: { '': base },
          // Vite already puts a content hash in every _astro/ file name.
          dontCacheBustURLsMatching: /\/_astro\//,
        };
        const worker: WorkerOptions = {
          directoryIndex: 'index.html',
          // Pagefind asks for pagefind-entry.json?ts=<now> to dodge HTTP caches; the
          // precached entry belongs with the precached index, so serve it for any ts.
          ignoreURLParametersMatching: [/^ts$/, /^utm_/, /^fbclid$/],
          cleanupOutdatedCaches: true,
          inlineWorkboxRuntime: true,
          // A new version waits until the reader chooses to reload (the page offers it).
          skipWaiting: false,
          clientsClaim: true,
          sourcemap: false,
          runtimeCaching: [
            ...pageRoutes(base),
            {
              // Which parts make the index, and each part's entry: always the
              // deployed ones when online, the last ones read when offline
              // (Pagefind adds ?ts=<now> to the entry; the cached copy answers any).
              urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/pagefind\/(parts\.json|[^/]+\/pagefind-entry\.json)$/.test(url.pathname),
              handler: 'NetworkFirst',
              options: { cacheName: 'arshif-search-entry', networkTimeoutSeconds: 4, matchOptions: { ignoreSearch: true }, expiration: { maxEntries: 200 } },
            },
            {
              // Content-hashed: index metadata, chunks, filters, fragments, Vite's assets.
              urlPattern: ({ url, sameOrigin }) =>
                sameOrigin &&
                (/\/(pagefind\/[^/]+\/(fragment|index|filter)|_astro)\//.test(url.pathname) || /\/pagefind\/[^/]+\/[^/]+\.pf_meta$/.test(url.pathname)),
              handler: 'CacheFirst',
              options: { cacheName: 'arshif-immutable', expiration: { maxEntries: 5000 } },
            },
            {
              urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/search-vocab/'),
              handler: 'StaleWhileRevalidate',
              options: { cacheName: 'arshif-search-vocab', expiration: { maxEntries: 2000 } },
            },
          ],
        };
        const { count, size, warnings } = await writeServiceWorker({ outDir, cacheDir: bundleCacheDir, worker, precache });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker: ${count} files precached (${(size / 1024).toFixed(0)} KB)`);
      },
    },
  };
}
