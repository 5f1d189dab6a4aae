import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { projectRoot } from '../helpers/site.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** A number in the Arabic interface's digits, as the locale registry sets them. */
const arabicDigits = (n: number) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(n);

const SEED_SLUG = 'azerbaijan-halts-karabakh-offensive';
const siteUrl = inject('bundledSiteUrl');
const screenshotDir = path.join(projectRoot, 'tests/artifacts/screenshots');

const PAGES = {
  home: (locale: string) => `${locale}/`,
  article: (locale: string) => `${locale}/articles/${SEED_SLUG}/`,
  search: (locale: string) => `${locale}/search/?q=${locale === 'ar' ? 'أذربيجان' : 'Azerbaijan'}`,
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Elements sticking out of the viewport, as `tag.class (left..right)` strings. */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('.visually-hidden, .skip-link')) continue;
      if (box.left < -1 || box.right > width + 1) {
        offenders.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.left)}..${Math.round(box.right)})`);
      }
    }
    if (document.documentElement.scrollWidth > width) offenders.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    return offenders;
  });
}

describe('layouts in both directions', () => {
  test('screenshots of the home and article pages at 360 px and 1280 px', async () => {
    for (const locale of ['ar', 'en']) {
      for (const kind of ['home', 'article'] as const) {
        for (const width of [360, 1280]) {
          const page = await openPage(browser, siteUrl, PAGES[kind](locale), { viewport: { width, height: 900 } });
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(screenshotDir, `${locale}-${kind}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          await closePage(page);
        }
      }
    }
  });

  test('in RTL the title starts at the right edge of the content column', async () => {
    const page = await openPage(browser, siteUrl, PAGES.article('ar'), { viewport: { width: 1280, height: 900 } });
    const edges = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      const column = main.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      const firstLine = range.getClientRects()[0]!;
      return { columnRight: column.right - parseFloat(style.paddingRight), titleRight: firstLine.right };
    });
    expect(Math.abs(edges.columnRight - edges.titleRight)).toBeLessThan(2);
    await closePage(page);
  });

  test('in LTR the title starts at the left edge of the content column', async () => {
    const page = await openPage(browser, siteUrl, PAGES.article('en'), { viewport: { width: 1280, height: 900 } });
    const edges = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const column = main.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      return { columnLeft: column.left + parseFloat(getComputedStyle(main).paddingLeft), titleLeft: range.getClientRects()[0]!.left };
    });
    expect(Math.abs(edges.columnLeft - edges.titleLeft)).toBeLessThan(2);
    await closePage(page);
  });

  test('nothing overflows a 320 px viewport', async () => {
    for (const locale of ['ar', 'en']) {
      for (const kind of ['home', 'article', 'search'] as const) {
        const page = await openPage(browser, siteUrl, PAGES[kind](locale), { viewport: { width: 320, height: 640 } });
        await page.evaluate(() => document.fonts.ready);
        expect(await overflowingElements(page), `${locale} ${kind}`).toEqual([]);
        await closePage(page);
      }
    }
  });

  test('the Arabic face is self-hosted, used, and no request leaves the site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(siteUrl).origin) foreign.push(request.url());
      if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
    });
    await page.goto(new URL(PAGES.article('ar'), siteUrl).href);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'أذربيجان'))).toBe(true);
    expect(fonts.some((font) => font.includes('noto-naskh-arabic-arabic-400'))).toBe(true);
    expect(fonts.every((font) => font.endsWith('.woff2'))).toBe(true);
    expect(foreign).toEqual([]);
    await context.close();
  });

  test('dates: Gregorian and Hijri in the locale’s digits, inside <time datetime>', async () => {
    const ar = await openPage(browser, siteUrl, PAGES.article('ar'));
    expect(await ar.getAttribute('article time', 'datetime')).toBe('2023-09-20');
    expect(await ar.textContent('article time')).toContain(`${arabicDigits(20)} سبتمبر ${arabicDigits(2023)}`);
    expect(await ar.textContent('article time')).toContain(`${arabicDigits(1445)} هـ`);
    await closePage(ar);
    const en = await openPage(browser, siteUrl, PAGES.article('en'));
    expect(await en.textContent('article time')).toContain('September 20, 2023');
    expect(await en.textContent('article time')).toContain('1445 AH');
    await closePage(en);
  });

  test('no English UI text on Arabic pages and no Arabic UI text on English pages', async () => {
    for (const kind of ['home', 'article', 'search'] as const) {
      const ar = await openPage(browser, siteUrl, PAGES[kind]('ar'));
      // Chrome outside the article: header and page furniture, minus other-language links and content values (<bdi>).
      const arChrome = await ar.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang]:not([lang="ar"]), article, bdi, script').forEach((node) => {
          node.remove();
        });
        return clone.innerText;
      });
      expect(arChrome, `ar ${kind}`).not.toMatch(/[A-Za-z]{2,}/);
      await closePage(ar);
      const en = await openPage(browser, siteUrl, PAGES[kind]('en'));
      const enChrome = await en.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang]:not([lang="en"]), article, bdi, .search-result, option, script').forEach((node) => {
          node.remove();
        });
        return clone.innerText;
      });
      expect(enChrome, `en ${kind}`).not.toMatch(/[\u0600-\u06FF]/);
      await closePage(en);
    }
  });
});

describe('themes', () => {
  test('choosing dark switches, persists, and reloads without a flash of light', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(new URL(PAGES.article('ar'), siteUrl).href);
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.click('[data-theme-choice="dark"]');
    expect(await page.getAttribute('[data-theme-choice="dark"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-theme-choice="system"]', 'aria-pressed')).toBe('false');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    // On the next page the saved theme applies before first paint: check as soon as the DOM exists.
    await page.goto(new URL(PAGES.home('ar'), siteUrl).href, { waitUntil: 'commit' });
    await page.waitForSelector('body', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
    await context.close();
  });

  test('the system dark preference applies without a choice, and "system" shows as the choice in force', async () => {
    const page = await openPage(browser, siteUrl, PAGES.home('en'), { colorScheme: 'dark' });
    expect(await page.getAttribute('[data-theme-choice="system"]', 'aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 21, 21)');
    await closePage(page);
  });
});

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`zero violations on home, article and search in both locales, ${colorScheme} theme`, async () => {
      const report: string[] = [];
      for (const locale of ['ar', 'en']) {
        for (const kind of ['home', 'article', 'search'] as const) {
          const page = await openPage(browser, siteUrl, PAGES[kind](locale), { colorScheme });
          if (kind === 'search') await page.waitForSelector('main [data-search-results] .search-result');
          const { violations } = await new AxeBuilder({ page }).analyze();
          for (const violation of violations) {
            report.push(`${locale} ${kind}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
          }
          await closePage(page);
        }
      }
      expect(report).toEqual([]);
    });
  }
});
