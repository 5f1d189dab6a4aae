// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { pagefind } from './src/integrations/pagefind.ts';
import { LOCALE_CODES, DEFAULT_LOCALE } from './src/i18n/locales.ts';

/** Subfolder hosting: BASE_PATH=/archive/ npm run build. */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  // Absolute URLs (feeds, canonical links) need the public origin; SITE_URL sets it.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base,
  // Tests and the benchmark give each build its own cache so corpora never mix.
  ...(process.env.ARSHIF_CACHE_DIR ? { cacheDir: process.env.ARSHIF_CACHE_DIR } : {}),
  // Directory URLs with a trailing slash work on every static host without rewrites.
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    defaultLocale: DEFAULT_LOCALE,
    locales: LOCALE_CODES,
    // `/` is our own static page (meta refresh + link), not a server rule.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Imported text must render exactly as written: no curly quotes, no
    // autolinked URLs or e-mail addresses, no tables or strikethrough.
    // MDX inherits this processor.
    processor: satteri({ features: { gfm: false, smartPunctuation: false } }),
  },
  integrations: [mdx(), pagefind()],
  vite: {
    build: {
      // Scripts ship as files, never inlined: a strict Content-Security-Policy
      // then needs no hashes, and the browser caches them across pages.
      assetsInlineLimit: 0,
    },
  },
});
