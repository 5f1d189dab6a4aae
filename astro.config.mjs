// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { MARKDOWN_FEATURES } from './src/article/body.ts';
import { MAX_IMAGE_PIXELS } from './src/article/fields.ts';
import { devErrorOverlay } from './src/integrations/dev-error-overlay.ts';
import { keptOutput } from './src/integrations/kept-output.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { shardAssembly } from './src/integrations/shards.ts';
import { buildChanges } from './src/integrations/build-changes.ts';
import { sitemapWithAlternates } from './src/integrations/sitemap.ts';
import { LOCALE_CODES, DEFAULT_LOCALE } from './src/i18n/locales.ts';
import { settings, shardFolderName } from './src/settings.ts';
import path from 'node:path';

// Subfolder hosting (BASE_PATH=/archive/), the public origin (SITE_URL; without it the local preview's, which PORT moves)
// and the cache folder (tests and the benchmark give each build its own, so corpora never mix): src/settings.ts.
const { base, site, cacheDir, shard, shardsDir } = settings;

export default defineConfig({
  // Absolute URLs (feeds, canonical links) need the public origin; SITE_URL sets it.
  site,
  base,
  cacheDir,
  // A shard of a sharded build (--shard 2/8) writes its own folder, which the assemble step reads (src/integrations/shards.ts).
  ...(shard ? { outDir: path.join(shardsDir, shardFolderName(shard)) } : {}),
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
    // Article bodies are rendered by src/article/body.ts with the same features.
    processor: satteri({ features: { ...MARKDOWN_FEATURES } }),
  },
  image: {
    // Astro's sharp service, failing instead of publishing an original it could not optimize (src/site/image-service.ts);
    // sharp refuses to decode more pixels than the article contract allows.
    service: { entrypoint: './src/site/image-service.ts', config: { limitInputPixels: MAX_IMAGE_PIXELS } },
  },
  integrations: [
    // First: it removes what this build did not produce before the others write their files.
    keptOutput(),
    // Second: the shards' article pages join dist/ before anything reads the pages.
    shardAssembly(),
    mdx(),
    sitemapWithAlternates({ site, base }),
    pagefind(),
    // After pagefind(): the service worker precaches Pagefind's runtime.
    serviceWorker(),
    // Last: what changed in dist/ since the last build, every other integration's files written.
    buildChanges(),
    // npm run dev: an article the loader refuses after an edit shows in the open page.
    devErrorOverlay(),
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
