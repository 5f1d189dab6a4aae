import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import sitemap, { type SitemapItem } from '@astrojs/sitemap';
import { LOCALE_CODES, LOCALES } from '../i18n/locales.ts';
import { settings } from '../settings.ts';
import { assembledArticlePages } from './shards.ts';

/** Enough of a page to hold its <head>: the alternates are there, before any article text. */
const HEAD_BYTES = 32 * 1024;
/** One buffer for every page's head: a buffer a page would add up to tens of megabytes, freed late, at 2,000 articles. */
const headBuffer = Buffer.alloc(HEAD_BYTES);

/** The hreflang alternates an article page declares in its <head>: what the page itself computed from the archive's translations. */
function declaredAlternates(htmlFile: string): { lang: string; url: string }[] {
  let head: string;
  try {
    const descriptor = openSync(htmlFile, 'r');
    try {
      head = headBuffer.toString('utf8', 0, readSync(descriptor, headBuffer, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return [];
  }
  head = head.slice(0, head.indexOf('</head>') >>> 0);
  const alternates: { lang: string; url: string }[] = [];
  for (const [tag] of head.matchAll(/<link\b[^>]*\brel="alternate"[^>]*>/g)) {
    const hreflang = /\bhreflang="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    const locale = LOCALE_CODES.find((code) => LOCALES[code].code === hreflang);
    if (locale && href) alternates.push({ lang: locale, url: href.replace(/&amp;/g, '&') });
  }
  // In the archive's order of files (locale, then slug), as every build lists them.
  return alternates.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
}

/**
 * The sitemap (@astrojs/sitemap) with hreflang alternates: a page of the
 * interface (home, archive, tags index…) has the same route in every locale;
 * an article has its translations, which are by translationKey, not by path —
 * so they are read from the alternates the built page itself declares, once
 * the pages are written. The root redirect, the 404, search and offline pages
 * are not content and are left out.
 */
export function sitemapWithAlternates({ site, base }: { site: string; base: string }): AstroIntegration {
  const basePrefix = new URL(base.endsWith('/') ? base : `${base}/`, site).href;
  let outDir = '';
  const relativePath = (url: string) => (url.startsWith(basePrefix) ? url.slice(basePrefix.length) : '');
  const inner = sitemap({
    filter: (page) => {
      const pagePath = relativePath(page);
      return !(pagePath === '' || pagePath === '404/' || /^[^/]+\/(search|404|offline)\/$/.test(pagePath));
    },
    serialize: (item: SitemapItem) => {
      const pagePath = relativePath(item.url);
      if (pagePath.includes('/articles/')) {
        const alternates = declaredAlternates(path.join(outDir, pagePath, 'index.html'));
        if (alternates.length > 1) item.links = alternates;
      } else if (LOCALE_CODES.some((code) => pagePath.startsWith(`${code}/`))) {
        const rest = pagePath.slice(pagePath.indexOf('/') + 1);
        // Tag, author and archive pages are per locale: another locale has other tags and other months.
        if (!/^(tags|authors|archive)\/.+/.test(rest)) item.links = LOCALE_CODES.map((code) => ({ lang: code, url: `${basePrefix}${code}/${rest}` }));
      }
      return item;
    },
  });
  return {
    ...inner,
    hooks: {
      ...inner.hooks,
      'astro:build:done': async (options) => {
        // A shard's folder is not a site; the assemble step lists the article pages the shards rendered.
        if (settings.shard) return;
        outDir = fileURLToPath(options.dir);
        await inner.hooks['astro:build:done']?.(settings.assemble ? { ...options, pages: [...options.pages, ...assembledArticlePages()] } : options);
      },
    },
  };
}
