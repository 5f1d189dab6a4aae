import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_LOCALE } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/strings/index.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { measurePageWeight } from '../../tools/bench/browser-metrics.ts';
import { buildSite, projectRoot, run, runImport, serveStatic, type StaticSite } from '../helpers/site.ts';

/**
 * Rich articles as a reader sees them: a Markdown article, a hostile HTML page
 * and a WordPress export with photographs, imported by `npm run import`,
 * built, proven by `npm run verify`, and opened in Chromium. Everything is
 * imported into the default locale, so the test holds whichever others are on.
 */
const work = path.join(projectRoot, 'tests/.tmp/rich');
const input = path.join(work, 'in');
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
const locale = DEFAULT_LOCALE;

let site: StaticSite;
let browser: Browser;
const imports: { code: number; output: string }[] = [];

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/rich'), input, { recursive: true });
  imports.push(await runImport(contentDir, path.join(input, 'harbour.md'), '--lang', locale, '--slug', 'beirut-harbour'));
  imports.push(await runImport(contentDir, path.join(input, 'hostile.html'), '--lang', locale, '--slug', 'hostile-page', '--author', 'Rami Nasser'));
  imports.push(await runImport(contentDir, path.join(input, 'wordpress/export.xml'), '--lang', locale, '--media', path.join(input, 'wordpress/uploads')));
  imports.push(await runImport(contentDir, path.join(input, 'same-title.md'), '--lang', locale, '--slug', 'tyre-fishermen'));
  // Arabic Gregorian months named both ways, «مايو/أيار», as BBC Arabic writes them.
  await buildSite({ contentDir, outDir, env: { ARSHIF_ARABIC_MONTHS: 'both' } });
  site = await serveStatic(outDir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(pathname: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await openPage(browser, site.url, pathname);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { page, dialogs };
}

describe('rich articles, imported and built', () => {
  test('the Markdown file, the HTML page and the WordPress export import; the export reports each item', () => {
    for (const { code, output } of imports) expect(code, output).toBe(0);
    expect(imports[2]!.output).toContain('0 file(s) and 6 item(s) of 1 WordPress export(s): 2 imported, 0 updated, 0 unchanged, 4 skipped, 0 failed.');
    expect(imports[2]!.output).toContain(`skipped   ${path.join(input, 'wordpress/export.xml')} (post 50): a draft post (pass --include drafts to import it)`);
    expect(imports[0]!.output).toContain('note: subheadings detected (1): «ما الذي تغيّر؟»');
  });

  test('npm run verify proves every page, link texts, list items, cells, quotations and captions included', async () => {
    const verify = await run(path.join(projectRoot, 'node_modules/.bin/node'), ['tools/verify/cli.ts', '--content', contentDir, '--dist', outDir], {
      cwd: projectRoot,
    });
    expect(verify.code, verify.output).toBe(0);
    expect(verify.output).toContain('5 imported article(s) checked');
    expect(verify.output).toContain('5 ok, 0 failed');
  });

  test('a link, a quotation, a list and a table show as such', async () => {
    const { page } = await open(`${locale}/articles/beirut-harbour/`);
    const body = page.locator('[data-article-body]');
    await expect(body.locator('a[href="https://example.org/report?year=2024&lang=ar"]').textContent()).resolves.toBe('تقرير الوزارة');
    await expect(body.locator('blockquote strong').textContent()).resolves.toBe('الحركة');
    await expect(body.locator('ul > li').allTextContents()).resolves.toEqual(['أرصفة جديدة للحاويات.', 'نظام إلكتروني للجمارك.']);
    await expect(body.locator('table th').allTextContents()).resolves.toEqual(['الشهر', 'عدد السفن']);
    await expect(body.locator('table td').allTextContents()).resolves.toEqual(['آذار', '١٢', 'نيسان', '٣٤']);
    // Text that looks like code is text.
    await expect(body.locator('p').last().textContent()).resolves.toBe('نص فيه <script>alert(1)</script> و {expression} و import x from "y" كلها نص.');
    await closePage(page);
  });

  test('a Markdown title written again as the first `#` line shows once: one h1, no subheading or contents entry repeating it', async () => {
    const title = 'الصيادون يعودون إلى ميناء صور';
    expect(imports[3]!.output).toContain('note: the first heading repeats the title');
    const { page } = await open(`${locale}/articles/tyre-fishermen/`);
    await expect(page.locator('h1').allTextContents()).resolves.toEqual([title]);
    await expect(page.locator('.toc li').allTextContents()).resolves.toEqual(['مواسم الصيد', 'سوق السمك']);
    await expect(page.locator('[data-article-body] :is(h2, h3)').allTextContents()).resolves.toEqual(['مواسم الصيد', 'سوق السمك']);
    await closePage(page);
  });

  test('built with ARSHIF_ARABIC_MONTHS=both, Gregorian months read «مايو/أيار» on the dateline and in the archive; the Hijri date is unchanged', async () => {
    expect(new Intl.Locale(locale).language).toBe('ar');
    const { page } = await open(`${locale}/articles/beirut-harbour/`);
    await expect(page.locator('.dateline .date-gregory').first().textContent()).resolves.toMatch(/^\S+ مايو\/أيار \S+$/);
    await expect(page.locator('.dateline .date-islamic-umalqura').first().textContent()).resolves.not.toContain('/');
    await closePage(page);
    const archive = (await open(`${locale}/archive/`)).page;
    await expect(archive.locator('.archive-months a').allTextContents()).resolves.toEqual(['مايو/أيار']);
    await expect(archive.locator('.archive-months a').getAttribute('href')).resolves.toBe(`/${locale}/archive/2024/05/`);
    await closePage(archive);
    const month = (await open(`${locale}/archive/2024/05/`)).page;
    await expect(month.locator('h1').textContent()).resolves.toContain('مايو/أيار 2024');
    await closePage(month);
  });

  test('a photograph is a figure with its caption, through astro:assets: WebP sizes, width and height, lazy below the fold', async () => {
    const { page } = await open(`${locale}/articles/beirut-harbour/`);
    const image = page.locator('[data-article-body] figure img');
    await expect(page.locator('[data-article-body] figcaption').textContent()).resolves.toBe('رافعات المرفأ بعد الإصلاح، أيار 2024');
    await expect(image.getAttribute('alt')).resolves.toBe('رافعات المرفأ عند الغروب');
    await expect(image.getAttribute('width')).resolves.toBe('1000');
    await expect(image.getAttribute('height')).resolves.toBe('600');
    await expect(image.getAttribute('loading')).resolves.toBe('lazy');
    expect(await image.getAttribute('src')).toMatch(/\/_astro\/harbour-[0-9a-f]{10}\.[\w-]+\.webp$/);
    expect((await image.getAttribute('srcset'))?.split(',').map((entry) => entry.trim().split(' ')[1])).toEqual(['480w', '800w', '1000w']);
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('[data-article-body] figure img') as HTMLImageElement | null)?.complete);
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
    await closePage(page);
  });

  test('the first photograph is the og:image and the card image; nothing comes from another origin', async () => {
    const { page } = await open(`${locale}/articles/old-markets/`);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(ogImage).toMatch(/\/_astro\/.+\.jpg$/);
    // The og:image file is in the build (its URL is on the configured site).
    expect(readFileSync(path.join(outDir, new URL(ogImage!).pathname)).length).toBeGreaterThan(0);
    await expect(page.locator('meta[property="og:image:width"]').getAttribute('content')).resolves.toBe('1000');
    await closePage(page);

    const requests: string[] = [];
    const home = await openPage(browser, site.url, `${locale}/`);
    home.on('request', (request) => requests.push(request.url()));
    const card = home.locator('.article-card', { has: home.locator('a[href$="/articles/old-markets/"]') });
    const cardImage = card.locator('img.article-card-image');
    await expect(cardImage.getAttribute('loading')).resolves.toBe('lazy');
    await expect(cardImage.getAttribute('width')).resolves.toBe('1000');
    expect(await cardImage.getAttribute('src')).toMatch(/\/_astro\/.+\.webp$/);
    await cardImage.scrollIntoViewIfNeeded();
    await home.waitForLoadState('networkidle');
    expect(requests.filter((url) => !url.startsWith(new URL(site.url).origin))).toEqual([]);
    await closePage(home);
  });

  test("the byline links to the author page, which lists the author's articles; the source is a link", async () => {
    const { page } = await open(`${locale}/articles/old-markets/`);
    const byline = page.locator('.article-byline a');
    expect(await byline.textContent()).toContain('سمير خليل');
    await expect(page.locator('.article-source a').getAttribute('href')).resolves.toBe('https://news.example.com/2024/05/old-markets/');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.author).toMatchObject({ '@type': 'Person', name: 'سمير خليل' });
    expect(jsonLd.image).toMatch(/\/_astro\/.+\.jpg$/);
    await Promise.all([page.waitForURL(/\/authors\//), byline.click()]);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/${locale}/authors/سمير-خليل/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('سمير خليل');
    await expect(page.locator('.article-card-title').allTextContents()).resolves.toEqual(['أسواق المدينة القديمة تستعيد زوارها']);
    await closePage(page);
    // The import file's name is nowhere on the page.
    const harbour = readFileSync(path.join(outDir, locale, 'articles/beirut-harbour/index.html'), 'utf8');
    expect(harbour).not.toContain('harbour.md');
  });

  test('the footer links the authors index, which lists each author with a count and a link to their page', async () => {
    const { page } = await open(`${locale}/`);
    await Promise.all([page.waitForURL(/\/authors\/$/), page.locator(`.site-footer a[href$="/${locale}/authors/"]`).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(useTranslations(locale)('authors.title'));
    const entries = await page.$$eval('.author-index li', (items) =>
      items.map((item) => ({
        text: item.textContent!.replace(/\s+/g, ' ').trim(),
        href: decodeURIComponent((item.querySelector('a') as HTMLAnchorElement).pathname),
      })),
    );
    expect(entries).toContainEqual({ text: 'سمير خليل (1)', href: `/${locale}/authors/سمير-خليل/` });
    for (const { href } of entries) expect((await fetch(new URL(href, site.url))).status, href).toBe(200);
    await closePage(page);
  });

  test('an article with photographs stays within the 14 KB page budget; its image bytes are counted apart', async () => {
    const weight = await measurePageWeight(browser, site.url, outDir, `${locale}/articles/old-markets/`);
    console.log(
      `article with 2 photographs: ${weight.beforeInteractionBytes} bytes before interaction (gzip), ${weight.imageBytes} bytes of images before load`,
    );
    expect(weight.beforeInteractionBytes).toBeLessThanOrEqual(14 * 1024);
    // The first photograph is at the top of the body and loads with the page; the one below the fold waits.
    expect(weight.imageBytes).toBeGreaterThan(0);
  });

  test('related articles, computed at build time, link to other articles of the locale', async () => {
    const { page } = await open(`${locale}/articles/beirut-harbour/`);
    const links = await page.locator('.related-articles a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(3);
    for (const href of links) expect(href).toMatch(new RegExp(`^/${locale}/articles/(?!beirut-harbour/)[a-z0-9-]+/$`));
    await closePage(page);
  });

  test('the hostile page and the hostile post run nothing and show their payloads as text', async () => {
    for (const slug of ['hostile-page', 'old-markets']) {
      const { page, dialogs } = await open(`${locale}/articles/${slug}/`);
      await page.waitForLoadState('networkidle');
      const html = await page.locator('[data-article-body]').innerHTML();
      expect(html).not.toMatch(/<(?:script|iframe|svg|form|object|embed)\b|<[a-z][^>]*\son\w+=|(?:href|src)="(?:javascript|vbscript|data):/i);
      expect(dialogs).toEqual([]);
      await closePage(page);
    }
    const { page } = await open(`${locale}/articles/hostile-page/`);
    await expect(page.locator('[data-article-body] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual([
      'https://example.org/safe',
    ]);
    expect(await page.locator('[data-article-body]').textContent()).toContain('<img src=x onerror=alert(1)> import fs from "fs"');
    await closePage(page);
  });
});
