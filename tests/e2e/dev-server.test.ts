import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_LOCALE } from '../../src/i18n/locales.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyProject, projectRoot, runImport } from '../helpers/site.ts';

/** `npm run dev` while editing content: an edited article is served edited, without restarting. */
const work = path.join(projectRoot, 'tests/.tmp/dev');
const contentDir = path.join(work, 'content');
const devRoot = path.join(work, 'project');
let server: ChildProcess | undefined;
let origin = '';
let browser: Browser | undefined;
/** What astro dev has printed, for a failure to show. */
let serverOutput = '';

/** Awaits one step of a test; when it fails, says which and what the server printed last. */
async function step<T>(name: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}\nastro dev printed last:\n${serverOutput.slice(-3000)}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The environment a user's shell gives `npm run dev`: without the variables Vitest exports (BASE_URL, MODE, NODE_ENV…). */
function devEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ARSHIF_CONTENT_DIR: contentDir,
    ARSHIF_CACHE_DIR: path.join(work, 'cache'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[name];
  // Vite's dev server behaves as under test when it sees these (no page routes).
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/rich'), path.join(work, 'in'), { recursive: true });
  // A project folder of its own: astro dev keeps its content modules and data store in <root>/.astro/,
  // which builds of other test files in the same root rewrite under it (their photographs then stand
  // in for this article's: LocalImageUsedWrongly). The sources are copied; node_modules is linked.
  copyProject(devRoot);
  const imported = await runImport(contentDir, path.join(work, 'in/harbour.md'), '--lang', DEFAULT_LOCALE, '--slug', 'beirut-harbour');
  expect(imported.code, imported.output).toBe(0);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    path.join(projectRoot, 'node_modules/.bin/node'),
    [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: devRoot,
      env: devEnvironment(),
      stdio: 'pipe',
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 90_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      serverOutput = output;
      if (output.includes(`:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server!.stdout!.on('data', listen);
    server!.stderr!.on('data', listen);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function title(): Promise<string> {
  let response = await fetch(`${origin}/${DEFAULT_LOCALE}/articles/beirut-harbour/`);
  // The first request may come while the dev server still prepares its routes.
  for (let attempt = 0; attempt < 40 && response.status === 404; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    response = await fetch(`${origin}/${DEFAULT_LOCALE}/articles/beirut-harbour/`);
  }
  const html = await response.text();
  return /<h1 data-article-title[^>]*>([^<]*)</.exec(html)?.[1] ?? `(no title in: ${html.slice(0, 300)})`;
}

test('an article edited while npm run dev runs is served edited', async () => {
  expect(await title()).toBe('مرفأ بيروت يعود إلى العمل');
  const file = path.join(contentDir, DEFAULT_LOCALE, 'beirut-harbour.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: مرفأ بيروت يعود إلى العمل', 'title: عنوان عُدّل أثناء التطوير'));
  let seen = '';
  for (let attempt = 0; attempt < 40 && seen !== 'عنوان عُدّل أثناء التطوير'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seen = await title();
  }
  expect(seen).toBe('عنوان عُدّل أثناء التطوير');
}, 60_000);

test('an edit the loader refuses shows in the open page, in the error overlay naming the file; fixing it reloads the page', async () => {
  browser = await launchBrowser();
  const file = path.join(contentDir, DEFAULT_LOCALE, 'beirut-harbour.mdx');
  const good = readFileSync(file, 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page hears the server only once Vite's client is connected.
  const connected = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 90_000 });
  await step('opening the article', page.goto(`${origin}/${DEFAULT_LOCALE}/articles/beirut-harbour/`, { timeout: 90_000 }));
  await step('waiting for Vite’s client to connect', connected);
  await page.waitForSelector('[data-article-body]');

  writeFileSync(file, `${good.trimEnd()}\n\nنتيجة الحساب {1+1} هنا.\n`);
  await step(
    'waiting for the overlay',
    page.waitForFunction(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes('beirut-harbour.mdx'), null, {
      timeout: 90_000,
    }),
  );
  const overlay = await page.evaluate(() => document.querySelector('vite-error-overlay')!.shadowRoot!.textContent!.replace(/\s+/g, ' '));
  // The file and its line, what is wrong and what to do.
  const line = good.trimEnd().split('\n').length + 2;
  expect(overlay).toContain(`beirut-harbour.mdx:${line}`);
  expect(overlay).toMatch(/expression/i);
  expect(overlay).toContain('Write the characters as text');

  writeFileSync(file, `${good.trimEnd()}\n\nنتيجة الحساب اثنان هنا.\n`);
  await step(
    'waiting for the fixed page',
    expect
      .poll(
        () =>
          page
            .evaluate(
              () =>
                !document.querySelector('vite-error-overlay') &&
                document.querySelector('[data-article-body]')?.textContent?.includes('نتيجة الحساب اثنان هنا.'),
            )
            // A reload in progress has no document to ask yet.
            .catch(() => false),
        { timeout: 90_000 },
      )
      .toBe(true),
  );
  await context.close();
}, 360_000);
