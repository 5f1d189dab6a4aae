import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { closePage, openPage } from '../helpers/pages.ts';
import { buildSharded, buildSite, projectRoot, serveStatic, type StaticSite } from '../helpers/site.ts';
import { compareDigests, digestTree, type BuildChanges, type FileDigests } from '../../src/integrations/build-changes.ts';
import { writeTinyArticles, type TinyArticle } from '../helpers/tiny-articles.ts';

/**
 * A rebuild keeps dist/ and the pages Astro skips (src/integrations/kept-output.ts)
 * and must still give exactly what a cold build of the same archive gives:
 * an added article appears, a changed one changes, a removed one is gone.
 */
const work = path.join(projectRoot, 'tests/.tmp/incremental-build');
const contentDir = path.join(work, 'content');
const rebuiltDir = path.join(work, 'rebuilt');
const coldDir = path.join(work, 'cold');

let rebuildOutput = '';
/** Every file of the first build and its digest, before the rebuild. */
let firstBuild: FileDigests;
/** What the rebuild listed, and its folder's digests, read at once: a later test builds into the same folder again. */
let rebuildChanges: BuildChanges;
let rebuiltFiles: FileDigests;
let site: StaticSite;
let browser: Browser;

function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => file !== '.arshif-build')
    .sort();
}

/** `count` tiny English articles of one day, numbered from `from`. */
const wire = (date: string, count: number, from = 1): TinyArticle[] =>
  Array.from({ length: count }, (_, index) => ({
    slug: `wire-${date}-${String(from + index).padStart(2, '0')}`,
    date,
    text: `Wire report ${from + index} of ${date}.`,
  }));

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/search-quality/content'), contentDir, { recursive: true });
  // Busy months, listed by day: March 2016 is busy from the start (41 articles);
  // May 2016 is a quiet month of two full pages until the rebuild adds a 41st.
  writeTinyArticles(path.join(contentDir, 'en'), [...wire('2016-03-01', 20), ...wire('2016-03-02', 21), ...wire('2016-05-10', 40)]);
  await buildSite({ contentDir, outDir: rebuiltDir, indexPartPages: 3 });
  firstBuild = await digestTree(rebuiltDir);

  // Added, changed, removed.
  writeFileSync(
    path.join(contentDir, 'ar/olive-harvest-late.mdx'),
    '---\ntitle: موسم متأخر لقطف الزيتون في الجليل\ndescription: تأخر موسم قطف الزيتون هذا العام بسبب الأمطار.\ndate: 2023-11-20\ntags: [زراعة]\n---\n\nتأخر موسم قطف الزيتون هذا العام بسبب الأمطار الغزيرة في الجليل.\n',
  );
  const changed = path.join(contentDir, 'ar/trade-forum.mdx');
  writeFileSync(changed, readFileSync(changed, 'utf8').replace('سلاسل الإمداد العالمية.\n\n', 'سلاسل الإمداد العالمية وموانئ الخليج.\n\n'));
  rmSync(path.join(contentDir, 'ar/kabul-schools.mdx'));
  // A busy day gains an article, another loses one; a quiet month turns busy.
  writeTinyArticles(path.join(contentDir, 'en'), [...wire('2016-03-02', 1, 22), ...wire('2016-05-11', 1)]);
  rmSync(path.join(contentDir, 'en/wire-2016-03-01-05.mdx'));
  // A file no build wrote (left by hand, or by an older version of the site).
  writeFileSync(path.join(rebuiltDir, 'stray.txt'), 'not part of the site');

  rebuildOutput = await buildSite({ contentDir, outDir: rebuiltDir, indexPartPages: 3 });
  rebuildChanges = JSON.parse(readFileSync(`${rebuiltDir}.changes.json`, 'utf8')) as BuildChanges;
  rebuiltFiles = await digestTree(rebuiltDir);
  await buildSite({ contentDir, outDir: coldDir, indexPartPages: 3 });
  site = await serveStatic(rebuiltDir);
  browser = await launchBrowser();
  // Three real builds: on a shared, loaded machine they take longer than the suite's default for a hook.
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a rebuild into the same dist/', () => {
  test('keeps the pages it skips where they are, and removes what the archive no longer has', () => {
    expect(rebuildOutput).toMatch(/kept dist\/ from the last build; [1-9]\d* file\(s\) it no longer has removed/);
    expect(rebuildOutput).toContain('(cached)');
    expect(rebuildOutput).not.toContain('(restored)');
    expect(existsSync(path.join(rebuiltDir, 'stray.txt'))).toBe(false);
  });

  test('gives the very files a cold build of the same archive gives', () => {
    // Pagefind numbers pages in the order it is given them (as rendered, or
    // as listed for a part re-indexed after the pages), so its index files are
    // compared by what they hold: the same parts with the same pages.
    const outsideIndex = (files: string[]) => files.filter((file) => !file.startsWith('pagefind/'));
    const rebuilt = filesBelow(rebuiltDir);
    expect(outsideIndex(rebuilt)).toEqual(outsideIndex(filesBelow(coldDir)));
    expect(rebuilt).toContain('ar/articles/olive-harvest-late/index.html');
    expect(rebuilt).not.toContain('ar/articles/kabul-schools/index.html');
    // May 2016 turned busy: its second page gave way to its days.
    expect(rebuilt).toContain('en/archive/2016/05/11/index.html');
    expect(rebuilt).toContain('en/archive/2016/05/10/page/2/index.html');
    expect(rebuilt).not.toContain('en/archive/2016/05/page/2/index.html');
    expect(rebuilt).toContain('en/archive/2016/03/02/page/2/index.html');
    const differing = outsideIndex(rebuilt).filter((file) => !readFileSync(path.join(rebuiltDir, file)).equals(readFileSync(path.join(coldDir, file))));
    expect(differing).toEqual([]);

    type Parts = Record<string, { parts: { id: string; pages: number; since?: string; until?: string }[]; firstSearch: number }>;
    const partsOf = (dir: string) => {
      const listed = JSON.parse(readFileSync(path.join(dir, 'pagefind/parts.json'), 'utf8')) as Parts;
      return Object.entries(listed).map(([locale, { parts, firstSearch }]) => ({
        locale,
        firstSearch,
        parts: parts.map(({ id, pages, since, until }) => ({
          id,
          pages,
          since,
          until,
          ids: readFileSync(path.join(dir, 'pagefind', id, 'pages.json'), 'utf8'),
        })),
      }));
    };
    expect(partsOf(rebuiltDir)).toEqual(partsOf(coldDir));
    const partFolders = (dir: string) => readdirSync(path.join(dir, 'pagefind')).sort();
    expect(partFolders(rebuiltDir)).toEqual(partFolders(coldDir));
  });

  test('search finds the added and the changed article and not the removed one', async () => {
    const page = await openPage(browser, site.url, `ar/search/?q=${encodeURIComponent('الخليج')}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === 'الخليج');
    const paths = () => page.$$eval('main .search-result-title a', (links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(await paths()).toContain('/ar/articles/trade-forum/');
    await page.fill('#search-page-input', 'الجليل');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === 'الجليل');
    expect(await paths()).toEqual(['/ar/articles/olive-harvest-late/']);
    await page.fill('#search-page-input', 'كابول');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('main [data-search-results]')?.dataset.query === 'كابول');
    expect(await paths()).toEqual([]);
    await closePage(page);
  });

  test('a dist/ that this cache did not write last is emptied first, as Astro does', async () => {
    writeFileSync(path.join(rebuiltDir, '.arshif-build'), 'written by another build');
    writeFileSync(path.join(rebuiltDir, 'stray.txt'), 'not part of the site');
    const output = await buildSite({ contentDir, outDir: rebuiltDir, indexPartPages: 3 });
    expect(output).not.toContain('kept dist/');
    expect(output).toContain('(restored)');
    expect(existsSync(path.join(rebuiltDir, 'stray.txt'))).toBe(false);
    expect(existsSync(path.join(rebuiltDir, 'ar/articles/olive-harvest-late/index.html'))).toBe(true);
  });
});

describe('the changes a rebuild lists for a deploy', () => {
  test('are exactly the files that differ, file by file, from the last build', () => {
    const listed = rebuildChanges;
    const compared = compareDigests(firstBuild, rebuiltFiles);
    expect(listed).toEqual({ outDir: path.resolve(rebuiltDir), comparedWithPrevious: true, ...compared });
    expect(rebuildOutput).toContain(
      `changes since the last build: ${compared.added.length} added, ${compared.changed.length} changed, ${compared.removed.length} removed, ${compared.unchanged} unchanged`,
    );
    expect(listed.added).toContain('ar/articles/olive-harvest-late/index.html');
    expect(listed.changed).toContain('ar/articles/trade-forum/index.html');
    expect(listed.removed).toContain('ar/articles/kabul-schools/index.html');
    // Pages the new articles do not touch are left alone: a deploy uploads a small part of dist/.
    expect(listed.unchanged).toBeGreaterThan(listed.added.length + listed.changed.length);
  });

  test('a first build of a folder lists every file as added', () => {
    const listed = JSON.parse(readFileSync(`${coldDir}.changes.json`, 'utf8')) as BuildChanges;
    expect(listed.comparedWithPrevious).toBe(false);
    expect(listed.added).toEqual(filesBelow(coldDir));
    expect([listed.changed, listed.removed, listed.unchanged]).toEqual([[], [], 0]);
  });
});

describe('a sharded build (npm run build:sharded)', () => {
  test('assembles, from 4 shards, every file of a one-process build of the same archive, byte for byte', { timeout: 900_000 }, async () => {
    const assembledDir = path.join(work, 'assembled');
    const output = await buildSharded({ contentDir, outDir: assembledDir, indexPartPages: 3, shards: 4, jobs: 2, shardsDir: path.join(work, 'shards') });
    expect(output).toMatch(/4 shard\(s\), 2 at once, assembled in/);
    // Each shard built whole index parts, and the assemble step indexed nothing itself.
    expect(output).toMatch(/\[assemble\].*indexed 0 pages \(\d+ unchanged\)/);
    for (let shard = 1; shard <= 4; shard++) expect(output).toContain(`shard ${shard}/4 built in`);
    // The same list of files; the build stamp (.arshif-build, a random id per build) is the one file left out.
    const files = filesBelow(coldDir);
    expect(filesBelow(assembledDir)).toEqual(files);
    expect(files.filter((file) => !readFileSync(path.join(assembledDir, file)).equals(readFileSync(path.join(coldDir, file))))).toEqual([]);
  });
});
