import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens `path` (relative to the site URL) in a fresh context and checks it answered `status` (200). */
export async function openPage(browser: Browser, siteUrl: string, path: string, options: BrowserContextOptions = {}, status = 200): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const response = await page.goto(new URL(path, siteUrl).href);
  expect(response?.status(), `GET ${path}`).toBe(status);
  return page;
}

/** Closes a page together with the context openPage made for it. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}
