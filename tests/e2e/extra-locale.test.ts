import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';

/**
 * Proves that adding a locale is one registry entry plus a strings file: a
 * scratch copy of the project gets exactly those two changes (and the import
 * of the strings) and a Persian article, and must build into a complete
 * right-to-left locale.
 */
const fixture = path.join(projectRoot, 'tests/fixtures/extra-locale');
const work = path.join(projectRoot, 'tests/.tmp/extra-locale');
const copy = path.join(work, 'project');
const outDir = path.join(work, 'dist');

let site: StaticSite;
let browser: Browser;

function addPersianLocale(): void {
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(projectRoot, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  cpSync(path.join(fixture, 'fa.ts'), path.join(copy, 'src/i18n/strings/fa.ts'));
  const registryPath = path.join(copy, 'src/i18n/locales.ts');
  const registry = readFileSync(registryPath, 'utf8');
  const entry = readFileSync(path.join(fixture, 'locale-entry.ts.txt'), 'utf8');
  const closing = '} as const satisfies Record<string, LocaleDefinition>;';
  expect(registry).toContain(closing);
  writeFileSync(
    registryPath,
    `import { fa } from './strings/fa.ts';\n${registry.replace(closing, `${entry}${closing}`)}`,
  );
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  addPersianLocale();
  const contentDir = path.join(work, 'content');
  cpSync(path.join(fixture, 'content'), contentDir, { recursive: true });
  cpSync(path.join(projectRoot, 'content/en'), path.join(contentDir, 'en'), { recursive: true });
  await buildSite({ root: copy, contentDir, outDir });
  site = await serveStatic(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a third, right-to-left locale (fa) added by one entry and one strings file', () => {
  test('its home and article pages are Persian, right to left, with Persian digits and calendar', async () => {
    const home = await openPage(browser, site.url, 'fa/');
    expect(await home.getAttribute('html', 'lang')).toBe('fa');
    expect(await home.getAttribute('html', 'dir')).toBe('rtl');
    expect(await home.textContent('h1')).toBe('تازه‌ترین مقاله‌ها');
    await closePage(home);

    const article = await openPage(browser, site.url, 'fa/articles/tehran-book-fair/');
    expect(await article.getAttribute('html', 'dir')).toBe('rtl');
    const dateline = await article.textContent('article time');
    // Solar Hijri first, with Extended Arabic-Indic (Persian) digits: 20 Ordibehesht 1402.
    expect(dateline).toContain('۱۴۰۲');
    expect(dateline).toContain('اردیبهشت');
    expect(await article.evaluate(() => getComputedStyle(document.querySelector('article p')!).direction)).toBe('rtl');
    await closePage(article);
  });

  test('the other locales offer it in their language switcher', async () => {
    const ar = await openPage(browser, site.url, 'ar/');
    expect(await ar.textContent('.language-switcher a[hreflang="fa"]')).toBe('فارسی');
    await closePage(ar);
  });

  test('Pagefind builds a separate Persian index and finds the article from a Persian page', async () => {
    // Each locale has its own index parts, each part one language.
    const parts = JSON.parse(readFileSync(path.join(outDir, 'pagefind/parts.json'), 'utf8')) as Record<string, { parts: { id: string }[] }>;
    expect(Object.keys(parts).sort()).toEqual(['ar', 'en', 'fa']);
    for (const { id } of parts.fa!.parts) {
      const entry = JSON.parse(readFileSync(path.join(outDir, 'pagefind', id, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
      expect(Object.keys(entry.languages)).toEqual(['fa']);
    }
    const page = await openPage(browser, site.url, `fa/search/?q=${encodeURIComponent('نمایشگاه')}`);
    await page.waitForSelector('main [data-search-results] .search-result');
    const results = await page.$$eval('main [data-search-results] .search-result-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(results).toEqual(['/fa/articles/tehran-book-fair/']);
    await closePage(page);
  });
});
