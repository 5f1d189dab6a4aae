// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { TRANSLATION_GROUPS_FILE } from './src/loaders/articles.ts';
import { MARKDOWN_FEATURES } from './src/article/body.ts';
import { keptOutput } from './src/integrations/kept-output.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { LOCALE_CODES, DEFAULT_LOCALE } from './src/i18n/locales.ts';

/** Subfolder hosting: BASE_PATH=/archive/ npm run build. */
const base = process.env.BASE_PATH ?? '/';
// Without SITE_URL, the local preview's own origin: PORT moves it (npm start, npm run preview).
const site = process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 4321}`;
const basePrefix = new URL(base.endsWith('/') ? base : `${base}/`, site).href;

// Tests and the benchmark give each build its own cache so corpora never mix.
const cacheDir = process.env.ARSHIF_CACHE_DIR ?? './node_modules/.astro';

// Articles are translations of each other by translationKey, not by path, so
// the sitemap's hreflang alternates for them come from the content: the content
// loader leaves the groups in the cache (src/loaders/articles.ts), read here
// once, when the sitemap is written.
/** @type {Map<string, { locale: string; path: string }[]> | undefined} */
let translationGroups;
function translationGroupOf(/** @type {string} */ path) {
  translationGroups ??= new Map(Object.entries(JSON.parse(readFileSync(resolvePath(cacheDir, TRANSLATION_GROUPS_FILE), 'utf8'))));
  return translationGroups.get(path);
}

/** @param {string} page absolute URL of a built page */
function belongsInSitemap(page) {
  const path = page.startsWith(basePrefix) ? page.slice(basePrefix.length) : '';
  return !(path === '' || path === '404/' || /^[^/]+\/(search|404)\/$/.test(path));
}

/**
 * Adds hreflang alternates to a sitemap entry: same-route pages in every locale, articles by translation.
 * @param {import('@astrojs/sitemap').SitemapItem} item
 */
function withAlternates(item) {
  const path = item.url.startsWith(basePrefix) ? item.url.slice(basePrefix.length) : '';
  const group = translationGroupOf(path);
  if (group) {
    item.links = group.map((member) => ({ lang: member.locale, url: basePrefix + member.path }));
  } else if (!path.includes('/articles/') && LOCALE_CODES.some((code) => path.startsWith(`${code}/`))) {
    const rest = path.slice(path.indexOf('/') + 1);
    if (!/^(tags|archive)\/.+/.test(rest)) item.links = LOCALE_CODES.map((code) => ({ lang: code, url: `${basePrefix}${code}/${rest}` }));
  }
  return item;
}

export default defineConfig({
  // Absolute URLs (feeds, canonical links) need the public origin; SITE_URL sets it.
  site,
  base,
  cacheDir,
  // Directory URLs with a trailing slash work on every static host without rewrites.
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: the Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    defaultLocale: DEFAULT_LOCALE,
    locales: LOCALE_CODES,
    // `/` is our own static page (meta refresh + link), not a server rule.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Imported text must render exactly as written: no curly quotes; GFM for
    // the tables the importer writes (its text escapes | ~ [ so none appear by
    // accident). MDX inherits this processor.
    // Article bodies are rendered by src/lib/render/article-body.ts with the same features.
    processor: satteri({ features: { ...MARKDOWN_FEATURES } }),
  },
  integrations: [
    // First: it removes what this build did not produce before the others write their files.
    keptOutput(),
    mdx(),
    sitemap({
      // The root redirect, the 404 and search pages are not content.
      filter: belongsInSitemap,
      serialize: withAlternates,
    }),
    pagefind(),
    // After pagefind(): the service worker precaches Pagefind's runtime.
    serviceWorker(),
  ],
  experimental: {
    // Pages whose getStaticPaths() cacheKey is unchanged are restored from the
    // last build instead of rendered (src/data/articles.ts, pageCacheKey): adding
    // ten articles to an archive renders the pages that show them.
    incrementalBuild: true,
  },
  vite: {
    build: {
      // Scripts ship as files, never inlined: a strict Content-Security-Policy
      // then needs no hashes, and the browser caches them across pages.
      assetsInlineLimit: 0,
    },
  },
});
