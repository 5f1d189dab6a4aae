import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../src/i18n/locales.ts';
import { launchBrowser } from '../browser/chromium.ts';
import { serveStatic, type StaticSite } from '../serve/static-server.ts';
import { printReport } from './commonmark.ts';
import { domPurifyVectors, type DomPurifyVector } from './dompurify.ts';
import type { SuiteReport } from './report.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const nodeBin = path.join(projectRoot, 'node_modules/.bin/node');

/** What one page did in the browser: each kind is a failure of the page. */
interface PageRun {
  dialogs: string[];
  violations: string[];
  foreignRequests: string[];
  errors: string[];
}

/** Runs a project command as a user runs it; throws with its output when it fails. Returns its output. */
function runProjectCommand(args: string[], env: NodeJS.ProcessEnv, allowed: number[] = [0]): string {
  const result = spawnSync(nodeBin, args, { cwd: projectRoot, env: { ...process.env, ...env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = `${result.stdout}${result.stderr}`;
  if (!allowed.includes(result.status ?? 1)) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${output.slice(-3000)}`);
  return output;
}

/** A real photograph, put wherever a vector names a local image that is not there. */
const PHOTOGRAPH = path.join(projectRoot, 'tests/fixtures/rich/media/harbour.jpg');

/**
 * `npm run import` of the vectors' files. A vector naming a local image
 * (`<img src=x onerror=…>`) is refused while the image is missing, so the
 * image is given (a real photograph under that name) and the import run
 * again: the vector then reaches the page. What is still refused (an image
 * from data:, javascript: or nowhere) is never published; each is counted.
 */
function importVectors(input: string, contentDir: string, locale: string): string[] {
  const run = () => runProjectCommand(['tools/import/cli.ts', input, '--lang', locale], { ARSHIF_CONTENT_DIR: contentDir }, [0, 1]);
  const missing = [...run().matchAll(/which is not there \(looked for (.+?)\)\. Copy the image/g)].map((match) => path.resolve(match[1]!));
  for (const file of new Set(missing)) {
    if (!file.startsWith(input + path.sep)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(PHOTOGRAPH, file);
  }
  // The summary names each failure again: one entry a file.
  return [...new Set([...run().matchAll(/^\s*failed\s+(\S+): (.*)$/gm)].map((match) => `${path.basename(match[1]!)}: ${match[2]}`))];
}

/**
 * The articles a vector becomes, as the DOMPurify suite writes them
 * (dompurify.ts): the body of an HTML article, and raw HTML in a Markdown one.
 */
function writeVectorFiles(vectors: DomPurifyVector[], folder: string): void {
  mkdirSync(folder, { recursive: true });
  vectors.forEach((vector, index) => {
    const number = String(index + 1).padStart(3, '0');
    writeFileSync(
      path.join(folder, `vector-${number}-html.html`),
      `<html><body><article><h1>Vector ${index + 1}</h1><p>Before the vector.</p>${vector.payload}<p>After the vector.</p></article></body></html>`,
    );
    writeFileSync(
      path.join(folder, `vector-${number}-md.md`),
      `---\ntitle: Vector ${index + 1} in Markdown\n---\n\nBefore the vector.\n\n${vector.payload}\n\nAfter the vector.\n`,
    );
  });
}

/**
 * Opens one article page and does what a reader might: every element of the
 * body hovered, focused, pressed (by events, so no link is followed).
 * Anything that runs shows as a dialog (the vectors call alert, confirm,
 * prompt, print), a blocked attempt as a CSP violation, a leak as a request
 * to another origin.
 */
async function visit(page: Page, url: string, origin: string): Promise<PageRun> {
  const run: PageRun = { dialogs: [], violations: [], foreignRequests: [], errors: [] };
  const onDialog = (dialog: { message(): string; type(): string; dismiss(): Promise<void> }) => {
    run.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };
  const onRequest = (request: { url(): string }) => {
    const target = request.url();
    if (!target.startsWith(origin) && !target.startsWith('data:') && !target.startsWith('blob:')) run.foreignRequests.push(target);
  };
  const onError = (error: Error) => run.errors.push(error.message);
  page.on('dialog', onDialog);
  page.on('request', onRequest);
  page.on('pageerror', onError);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(async () => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-article-body] *, [data-article-title]')) {
        for (const type of ['mouseover', 'mouseenter', 'pointerdown', 'focus', 'focusin', 'animationstart', 'toggle']) element.dispatchEvent(new Event(type));
        element.focus?.();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    run.violations.push(...(await page.evaluate(() => (globalThis as { __violations?: string[] }).__violations ?? [])));
  } finally {
    page.off('dialog', onDialog);
    page.off('request', onRequest);
    page.off('pageerror', onError);
  }
  return run;
}

async function visitAll(browser: Browser, site: StaticSite, pages: string[]): Promise<Map<string, PageRun>> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`));
  });
  const page = await context.newPage();
  const origin = new URL(site.url).origin;
  const runs = new Map<string, PageRun>();
  try {
    for (const pagePath of pages) runs.set(pagePath, await visit(page, new URL(pagePath, site.url).href, origin));
  } finally {
    await context.close();
  }
  return runs;
}

/**
 * DOMPurify's XSS vectors imported (`npm run import`, as HTML and as raw
 * HTML in Markdown), built (`astro build`), and every article page opened in
 * Chromium twice: served as deployed, with the site's Content-Security-Policy,
 * and without it (a host that drops the `_headers` file). A page passes when
 * nothing ran in either: no dialog, no CSP violation, no request to another
 * origin, no script error.
 */
export async function runBrowserSuite(vectors = domPurifyVectors()): Promise<SuiteReport> {
  const work = mkdtempSync(path.join(tmpdir(), 'arshif-conformance-browser-'));
  const locale = LOCALE_CODES.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : LOCALE_CODES[0]!;
  const input = path.join(work, 'in');
  const contentDir = path.join(work, 'content');
  const distDir = path.join(work, 'dist');
  let browser: Browser | undefined;
  const sites: StaticSite[] = [];
  try {
    writeVectorFiles(vectors, input);
    const refused = importVectors(input, contentDir, locale);
    runProjectCommand([path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', distDir], {
      ARSHIF_CONTENT_DIR: contentDir,
      ARSHIF_CACHE_DIR: `${distDir}.cache`,
    });
    const pages = readdirSync(path.join(contentDir, locale))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => `${locale}/articles/${name.replace(/\.mdx$/, '')}/`);
    const withPolicy = await serveStatic(distDir, { asDeployed: true });
    sites.push(withPolicy);
    const withoutPolicy = await serveStatic(distDir);
    sites.push(withoutPolicy);
    browser = await launchBrowser();
    const runs = { 'with the CSP': await visitAll(browser, withPolicy, pages), 'without the CSP': await visitAll(browser, withoutPolicy, pages) };

    const failures: SuiteReport['failures'] = [];
    const figures: Record<string, number> = {
      'articles given': vectors.length * 2,
      'articles imported': pages.length,
      'refused at import (not published)': refused.length,
    };
    for (const reason of refused) console.log(`  refused, so never published: ${reason}`);
    for (const [served, results] of Object.entries(runs)) {
      const totals = { dialogs: 0, violations: 0, foreignRequests: 0, errors: 0 };
      for (const [pagePath, run] of results) {
        const found = [
          ...run.dialogs.map((dialog) => `ran: ${dialog}`),
          ...run.violations.map((violation) => `CSP violation: ${violation}`),
          ...run.foreignRequests.map((url) => `request to another origin: ${url}`),
          ...run.errors.map((error) => `script error: ${error}`),
        ];
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += run[key].length;
        if (found.length) failures.push({ id: `${pagePath} ${served}`, reason: found.join('; ') });
      }
      figures[`executions ${served}`] = totals.dialogs;
      figures[`CSP violations ${served}`] = totals.violations;
      figures[`foreign requests ${served}`] = totals.foreignRequests;
      figures[`script errors ${served}`] = totals.errors;
    }
    const total = pages.length * 2;
    return { name: "DOMPurify's XSS vectors in Chromium", total, passed: total - failures.length, reductions: 0, failures, figures };
  } finally {
    await browser?.close();
    for (const site of sites) await site.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) printReport(await runBrowserSuite());
