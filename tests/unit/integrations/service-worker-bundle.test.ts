import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeServiceWorker, type WorkerOptions } from '../../../src/integrations/service-worker-bundle.ts';

/** A built site with the given files (path → content). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'arshif-sw-site-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The precache list a worker registers (written as JSON over Workbox's placeholder). */
function precached(outDir: string): { url: string; revision: string | null }[] {
  const worker = readFileSync(path.join(outDir, 'sw.js'), 'utf8');
  const list = worker.match(/\[\{"url":.*?\}\]/)?.[0];
  if (!list) throw new Error('no precache list in sw.js');
  return JSON.parse(list) as { url: string; revision: string | null }[];
}

const worker: WorkerOptions = { cleanupOutdatedCaches: true, inlineWorkboxRuntime: true, skipWaiting: false, clientsClaim: true, sourcemap: false };
const precache = { globPatterns: ['*.html', '_astro/*.js'], modifyURLPrefix: { '': '/archive/' }, dontCacheBustURLsMatching: /\/_astro\// };

describe('the service worker', () => {
  it('precaches each site’s own files, with the bundle made once for the same options', { timeout: 60_000 }, async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'arshif-sw-cache-'));
    const first = site({ '404.html': 'missing', '_astro/app.abc123.js': 'x', 'ar/index.html': 'not precached' });
    const second = site({ '404.html': 'gone, a new version' });

    expect(await writeServiceWorker({ outDir: first, cacheDir, worker, precache })).toMatchObject({ count: 2, warnings: [] });
    await writeServiceWorker({ outDir: second, cacheDir, worker, precache });

    expect(precached(first).map(({ url, revision }) => [url, revision === null])).toEqual([
      ['/archive/404.html', false],
      ['/archive/_astro/app.abc123.js', true],
    ]);
    expect(precached(second).map(({ url }) => url)).toEqual(['/archive/404.html']);
    expect(precached(second)[0]?.revision).not.toBe(precached(first)[0]?.revision);
    // Everything but the list is the one bundle, made once.
    const withoutList = (dir: string) => readFileSync(path.join(dir, 'sw.js'), 'utf8').replace(/\[\{"url":.*?\}\]/, '');
    expect(withoutList(second)).toBe(withoutList(first));
    expect(withoutList(first)).toContain('SKIP_WAITING');
    expect(readdirSync(cacheDir)).toHaveLength(1);

    // Another option is another bundle: a cached bundle never stands in for a changed worker.
    await writeServiceWorker({ outDir: second, cacheDir, worker: { ...worker, skipWaiting: true }, precache });
    expect(readdirSync(cacheDir)).toHaveLength(2);
    expect(withoutList(second)).not.toContain('SKIP_WAITING');
  });
});
