import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { projectRoot } from '../helpers/site.ts';
import { DEFAULT_LOCALE, LOCALES, LOCALE_CODES, isArabicScriptLocale } from '../../src/i18n/locales.ts';

/**
 * How the archive looks, on the bundled archive the e2e setup builds once:
 * a screenshot review set (every locale; home, article, search with results,
 * archive, tags, 404; 360, 768 and 1280 px; light and dark) written to
 * tests/artifacts/screenshots/review/, axe on every page of it in both
 * themes, and one test per defect a design review found, asserting computed styles and
 * the DOM (never pixels), so each fails if its defect returns.
 */
const siteUrl = inject('bundledSiteUrl');
const reviewDir = path.join(projectRoot, 'tests/artifacts/screenshots/review');
/** The locales turned on that the bundled archive has articles in (content/<locale>/): with ARSHIF_LOCALES adding packs, those have none. */
const ARCHIVE_LOCALES = LOCALE_CODES.filter((code) => existsSync(path.join(projectRoot, 'content', code)));
const ARABIC_SCRIPT = ARCHIVE_LOCALES.filter((code) => isArabicScriptLocale(code));
const WIDTHS = [360, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

/** An article of each locale, from the archive the setup built. */
const articleSlug = (locale: string) =>
  readdirSync(path.join(projectRoot, 'content', locale))
    .find((file) => file.endsWith('.mdx'))!
    .replace(/\.mdx$/, '');

const PAGES = {
  home: (locale: string) => `${locale}/`,
  article: (locale: string) => `${locale}/articles/${articleSlug(locale)}/`,
  search: (locale: string) => `${locale}/search/?q=${encodeURIComponent(firstTitleWord.get(locale)!)}`,
  archive: (locale: string) => `${locale}/archive/`,
  tags: (locale: string) => `${locale}/tags/`,
  notFound: (locale: string) => `${locale}/no-such-page/`,
};
type PageKind = keyof typeof PAGES;
const firstTitleWord = new Map<string, string>();

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(reviewDir, { recursive: true });
  for (const locale of ARCHIVE_LOCALES) {
    const html = await (await fetch(new URL(PAGES.article(locale), siteUrl))).text();
    firstTitleWord.set(locale, /<h1[^>]*>([^<]+)<\/h1>/.exec(html)![1]!.trim().split(/\s+/)[0]!);
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page kind and waits until it shows what a reader would see (search results, the 404 page of the URL's locale). */
async function openKind(kind: PageKind, locale: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await openPage(browser, siteUrl, PAGES[kind](locale), options, kind === 'notFound' ? 404 : 200);
  if (kind === 'search') await page.waitForSelector('main [data-search-results] .search-result');
  if (kind === 'notFound') await page.waitForSelector(`[data-not-found-locale="${locale}"]`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe('screenshot review set and axe', () => {
  // One test per locale and theme (each well inside the test timeout); one
  // context per width, reused from page to page; axe at the desktop width,
  // and at the phone width on the home page, where the header is a menu.
  for (const locale of ARCHIVE_LOCALES) {
    for (const colorScheme of SCHEMES) {
      test(`${locale}, ${colorScheme}: every page kind at 360/768/1280 px written; zero axe violations`, async () => {
        const violations: string[] = [];
        let written = 0;
        for (const width of WIDTHS) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
          const page = await context.newPage();
          for (const kind of Object.keys(PAGES) as PageKind[]) {
            const response = await page.goto(new URL(PAGES[kind](locale), siteUrl).href);
            expect(response?.status(), `${kind} ${locale}`).toBe(kind === 'notFound' ? 404 : 200);
            if (kind === 'search') await page.waitForSelector('main [data-search-results] .search-result');
            if (kind === 'notFound') await page.waitForSelector(`[data-not-found-locale="${locale}"]`);
            await page.evaluate(() => document.fonts.ready);
            await page.screenshot({ path: path.join(reviewDir, `${locale}-${kind}-${width}-${colorScheme}.png`), fullPage: true });
            written++;
            if (width === 1280 || (width === 360 && kind === 'home')) {
              const { violations: found } = await new AxeBuilder({ page }).analyze();
              for (const violation of found)
                violations.push(`${kind} ${width}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
            }
          }
          await context.close();
        }
        expect(written).toBe(Object.keys(PAGES).length * WIDTHS.length);
        expect(violations).toEqual([]);
      });
    }
  }
});

describe('typography per script', () => {
  test('Arabic-script headlines: bold Kufi at a tight leading, loaded for real; the interface in a face distinct from the body', async () => {
    for (const locale of ARABIC_SCRIPT) {
      const page = await openKind('article', locale, { viewport: { width: 1280, height: 900 } });
      const styles = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const h1 = style('h1');
        return {
          h1: { family: h1.fontFamily, weight: h1.fontWeight, lineHeight: parseFloat(h1.lineHeight) / parseFloat(h1.fontSize) },
          body: style('.article-body p').fontFamily,
          header: style('.site-header').fontFamily,
          nav: style('.site-nav a').fontFamily,
          chips: style('.tag-links a').fontFamily,
          kufiLoaded: document.fonts.check('700 32px "Arshif Kufi Arabic"', 'أذربيجان'),
          naskhLoaded: document.fonts.check('18px "Noto Naskh Arabic"', 'أذربيجان'),
        };
      });
      expect(styles.h1.family).toMatch(/^"Arshif Kufi Arabic"/);
      expect(styles.h1.weight).toBe('700');
      expect(styles.h1.lineHeight).toBeGreaterThanOrEqual(1.3);
      expect(styles.h1.lineHeight).toBeLessThanOrEqual(1.45);
      expect(styles.kufiLoaded && styles.naskhLoaded).toBe(true);
      expect(styles.body).toContain('"Noto Naskh Arabic"');
      // The old `:lang(ar) { font-family }` gave the header, the nav and the chips the body's Naskh.
      for (const ui of [styles.header, styles.nav, styles.chips]) {
        expect(ui).toMatch(/^system-ui/);
        expect(ui).not.toBe(styles.body);
      }
      await closePage(page);
    }
  });

  test('every locale: headings at their own leading (not the body 1.9), titles that are not underlined links', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale, { viewport: { width: 360, height: 800 } });
      const card = await page.evaluate(() => {
        const title = document.querySelector('.article-card-title')!;
        const link = title.querySelector('a')!;
        const h1 = getComputedStyle(document.querySelector('h1')!);
        return {
          h1Leading: parseFloat(h1.lineHeight) / parseFloat(h1.fontSize),
          titleWeight: getComputedStyle(title).fontWeight,
          decoration: getComputedStyle(link).textDecorationLine,
          linkColor: getComputedStyle(link).color,
          titleColor: getComputedStyle(title).color,
        };
      });
      expect(card.h1Leading, locale).toBeLessThanOrEqual(1.45);
      expect(card.titleWeight).toBe('700');
      expect(card.decoration).toBe('none');
      expect(card.linkColor).toBe(card.titleColor);
      await closePage(page);
    }
  });

  test('Latin inside Arabic text is set in a scaled face, first in the Arabic stack', async () => {
    for (const locale of ARABIC_SCRIPT) {
      const page = await openKind('article', locale);
      const latin = await page.evaluate(async () => {
        const face = Array.from(document.fonts).find((candidate) => candidate.family.replace(/"/g, '') === 'Arshif Latin in Arabic');
        const probe = document.createElement('span');
        probe.textContent = 'Karabakh';
        document.querySelector('.article-body p')!.append(probe);
        await document.fonts.load(`18px "Arshif Latin in Arabic"`, 'Karabakh');
        return {
          sizeAdjust: (face as FontFace & { sizeAdjust?: string })?.sizeAdjust,
          family: getComputedStyle(probe).fontFamily,
          loaded: document.fonts.check('18px "Arshif Latin in Arabic"', 'Karabakh'),
        };
      });
      expect(latin.family).toMatch(/^"Arshif Latin in Arabic"/);
      expect(parseFloat(latin.sizeAdjust ?? '100')).toBeLessThan(100);
      expect(latin.loaded).toBe(true);
      await closePage(page);
    }
  });

  test('no card or dateline mixes two digit systems; the interface uses the registry’s digits', async () => {
    const systems: Record<string, RegExp> = { latn: /[0-9]/, arab: /[\u0660-\u0669]/, arabext: /[\u06F0-\u06F9]/ };
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale);
      const texts = await page.locator('.article-card').allTextContents();
      const datelines = await page.locator('.dateline').allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        const used = Object.keys(systems).filter((system) => systems[system]!.test(text));
        expect(used.length, `${locale}: ${text}`).toBeLessThanOrEqual(1);
      }
      const own = systems[LOCALES[locale].digits];
      if (own) for (const dateline of datelines) expect(dateline).toMatch(own);
      await closePage(page);
    }
  });
});

describe('masthead, footer, about and 404', () => {
  test('at 360 px the masthead is one row; the menu button opens the navigation, languages and theme', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale, { viewport: { width: 360, height: 800 } });
      const header = await page.evaluate(() => {
        const visible = Array.from(document.querySelectorAll('.site-header > *')).filter((element) => element.getBoundingClientRect().height > 0);
        const boxes = visible.map((element) => element.getBoundingClientRect());
        // One row: every visible part of the header shares one horizontal band.
        const oneRow = Math.max(...boxes.map((box) => box.top)) < Math.min(...boxes.map((box) => box.bottom));
        return {
          height: document.querySelector('.site-header')!.getBoundingClientRect().height,
          rows: oneRow ? 1 : 2,
          names: visible.map((element) => element.className),
        };
      });
      expect(header.rows, `${locale}: ${header.names.join(', ')}`).toBe(1);
      expect(header.height).toBeLessThanOrEqual(64);
      expect(await page.isVisible('.site-nav')).toBe(false);
      await page.click('.menu-button');
      await page.waitForSelector('.site-menu:popover-open');
      for (const selector of ['.site-nav a', '.site-menu .language-switcher a', '[data-theme-choice="dark"]'])
        expect(await page.isVisible(selector), selector).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.isVisible('.site-nav')).toBe(false);
      await closePage(page);
    }
  });

  test('at 1280 px the masthead shows everything in one row, without a menu button', async () => {
    const page = await openKind('article', DEFAULT_LOCALE, { viewport: { width: 1280, height: 900 } });
    expect(await page.isVisible('.menu-button')).toBe(false);
    expect(await page.isVisible('.site-nav')).toBe(true);
    expect(await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    // The site name asks for 700 and gets it: the headline face has a real bold.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-name')!).fontWeight)).toBe('700');
    await closePage(page);
  });

  test('no keyboard hint on a touch screen; one where there is a keyboard', async () => {
    const touch = await openKind('home', DEFAULT_LOCALE, { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    expect(await touch.isVisible('.search-shortcut')).toBe(false);
    await closePage(touch);
    const desk = await openKind('home', DEFAULT_LOCALE, { viewport: { width: 1280, height: 800 } });
    expect(await desk.isVisible('.search-shortcut')).toBe(true);
    await closePage(desk);
  });

  test('the footer links the feed, the sitemap, the about page and the other languages, and each resolves', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale);
      const hrefs = await page.$$eval('.site-footer a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs.some((href) => href.endsWith(`/${locale}/rss.xml`))).toBe(true);
      expect(hrefs.some((href) => href.endsWith('/sitemap-index.xml'))).toBe(true);
      expect(hrefs.some((href) => href.endsWith(`/${locale}/about/`))).toBe(true);
      for (const other of LOCALE_CODES.filter((code) => code !== locale)) expect(await page.locator(`.site-footer a[hreflang="${other}"]`).count()).toBe(1);
      for (const href of hrefs) expect((await fetch(href)).status, href).toBe(200);
      await closePage(page);
    }
  });

  test('the about page is the locale’s Markdown content page', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale);
      await page.click('.site-footer a[href$="/about/"]');
      await page.waitForURL(new RegExp(`/${locale}/about/$`));
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await page.locator('main h2').count()).toBeGreaterThan(0);
      await closePage(page);
    }
  });

  test('the 404 page speaks the language of the URL, keeps the address, and has the header and a search', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('notFound', locale);
      expect(await page.getAttribute('html', 'lang')).toBe(LOCALES[locale].code);
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`/${locale}/no-such-page/$`));
      expect(await page.locator('.site-header .site-name').count()).toBe(1);
      expect(await page.locator('[data-search-open]').count()).toBe(1);
      expect(await page.locator('main form[role="search"] input[name="q"]').inputValue()).toBe('no such page');
      // One language on the page, not every language stacked.
      expect(await page.locator('main [lang]').count()).toBe(0);
      await closePage(page);
    }
  });
});

describe('theme', () => {
  test('system / light / dark: the choice in force is pressed, remembered, and "system" goes back to the system', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(new URL(PAGES.home(DEFAULT_LOCALE), siteUrl).href);
    const pressed = () =>
      page.$$eval('[data-theme-choice]', (buttons) =>
        buttons.filter((button) => button.getAttribute('aria-pressed') === 'true').map((button) => (button as HTMLElement).dataset.themeChoice),
      );
    expect(await pressed()).toEqual(['system']);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const systemDark = await background();
    await page.click('[data-theme-choice="light"]');
    expect(await pressed()).toEqual(['light']);
    expect(await background()).not.toBe(systemDark);
    await page.reload();
    expect(await pressed()).toEqual(['light']);
    await page.click('[data-theme-choice="system"]');
    expect(await pressed()).toEqual(['system']);
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, localStorage.getItem('arshif-theme')])).toEqual([null, null]);
    expect(await background()).toBe(systemDark);
    await context.close();
  });
});

describe('search dialog', () => {
  test('opens by physical key on an Arabic layout (Slash typing «ظ», Ctrl+KeyK typing «ن»)', async () => {
    const page = await openKind('home', DEFAULT_LOCALE);
    const open = () => page.evaluate(() => document.querySelector<HTMLDialogElement>('[data-search-dialog]')!.open);
    await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ظ', code: 'Slash', bubbles: true })));
    expect(await open()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await open()).toBe(false);
    await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ن', code: 'KeyK', ctrlKey: true, bubbles: true })));
    expect(await open()).toBe(true);
    await closePage(page);
  });

  test('arrow keys move from the field through the results and back; full screen on a phone; a focus ring that is not red', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale, { viewport: { width: 360, height: 740 } });
      await page.click('[data-search-open]');
      const box = await page.evaluate(() => {
        const rect = document.querySelector('[data-search-dialog]')!.getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      });
      expect(box).toEqual({ width: 360, height: 740 });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor);
      const [red, green, blue] = ring.match(/\d+/g)!.map(Number);
      expect(red! > green! + 60 && red! > blue! + 60, `focus ring ${ring}`).toBe(false);
      await page.fill('#search-dialog-input', firstTitleWord.get(locale)!);
      await page.waitForSelector('dialog .search-result');
      const links = await page.$$eval('dialog [data-search-results] a[href]', (found) => found.map((link) => (link as HTMLAnchorElement).href));
      await page.focus('#search-dialog-input');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(links[0]);
      if (links.length > 1) {
        await page.keyboard.press('ArrowDown');
        expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(links[1]);
        await page.keyboard.press('ArrowUp');
      }
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
      await closePage(page);
    }
  });

  test('the dialog, which has no filters, never tells the reader to remove one', async () => {
    for (const locale of ARCHIVE_LOCALES) {
      const page = await openKind('home', locale);
      await page.click('[data-search-open]');
      await page.fill('#search-dialog-input', 'zzqxjv');
      await page.waitForFunction(() => /\S/.test(document.querySelector('dialog [data-search-status]')?.textContent ?? ''));
      await page.waitForFunction(() => !document.querySelector('dialog [data-search-status]')!.textContent!.endsWith('…'));
      const status = (await page.textContent('dialog [data-search-status]'))!;
      expect(status).toContain(LOCALES[locale].strings['search.noResultsHintDialog']);
      expect(status).not.toContain(LOCALES[locale].strings['search.noResultsHint']);
      expect(await page.locator('dialog select, dialog fieldset').count()).toBe(0);
      await closePage(page);
    }
  });
});

describe('offline notice', () => {
  test('on a phone, "ready for offline" does not cover the screen', async () => {
    const page = await openKind('article', DEFAULT_LOCALE, { viewport: { width: 360, height: 740 } });
    await page.waitForSelector('[data-offline-ready]', { state: 'visible', timeout: 30_000 });
    const notice = await page.evaluate(() => {
      const element = document.querySelector<HTMLElement>('[data-offline-status]')!;
      return { position: getComputedStyle(element).position, top: element.getBoundingClientRect().top + scrollY };
    });
    expect(notice.position).not.toBe('fixed');
    expect(notice.top).toBeGreaterThan(740);
    await closePage(page);
  });
});
