import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/** In dist/: which build wrote it. Also in the cache, so a dist/ another build wrote is never trusted. */
export const BUILD_STAMP_FILE = '.arshif-build';
const CACHE_RECORD_FILE = 'arshif-output.json';
/** Folders whose integration keeps them in step itself (src/integrations/pagefind.ts). */
const SELF_MANAGED = new Set(['pagefind', 'search-vocab']);

interface OutputRecord {
  outDir: string;
  stamp: string;
}

function readRecord(file: string): OutputRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OutputRecord;
  } catch {
    return undefined;
  }
}

function readStamp(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Removes what the build did not produce: files older than the build that
 * are not one of its pages (a page Astro kept from the last build is old but
 * listed). Returns how many files went.
 */
async function prune(dir: string, keep: Set<string>, startedMs: number, top = true): Promise<number> {
  let removed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (top && SELF_MANAGED.has(entry.name)) continue;
      removed += await prune(full, keep, startedMs, false);
      // A folder left empty (an article removed) goes too.
      await rmdir(full).catch(() => undefined);
    } else if (!keep.has(full) && (await stat(full)).mtimeMs < startedMs) {
      await rm(full, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Keeps dist/ between builds, so Astro's incremental build leaves the pages it
 * skips where they are. Astro empties dist/ before every build and then
 * copies each skipped page back from its cache: at 10,000 articles that was
 * about a third of a rebuild after adding ten articles (13 s emptying, then
 * 12,964 copies), measured. Instead dist/ is kept when this build's cache says
 * it wrote that very folder last (a stamp in both), and after the pages are
 * generated every file the build did not produce is removed, so dist/ holds
 * exactly what a cold build would write. Any doubt (no stamp, another outDir,
 * another cache) and Astro empties dist/ as usual.
 *
 * Must be the first integration: its build:done runs before the others write
 * their files (sitemap, search index, service worker).
 */
export function keptOutput(): AstroIntegration {
  let outDir = '';
  let recordFile = '';
  let started = 0;
  let kept = false;
  return {
    name: 'arshif:kept-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || !config.experimental.incrementalBuild) return;
        const record = readRecord(path.join(fileURLToPath(config.cacheDir), CACHE_RECORD_FILE));
        const dir = fileURLToPath(config.outDir);
        kept = !!record && path.resolve(record.outDir) === path.resolve(dir) && readStamp(path.join(dir, BUILD_STAMP_FILE)) === record.stamp;
        if (kept) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        recordFile = path.join(fileURLToPath(config.cacheDir), CACHE_RECORD_FILE);
      },
      'astro:build:start': async () => {
        // A file's modification time has a coarse grain on some file systems; a second's margin is plenty.
        started = Date.now() - 1000;
        // A build that fails leaves no stamp: the next one starts from an empty dist/.
        if (outDir) await rm(path.join(outDir, BUILD_STAMP_FILE), { force: true });
      },
      'astro:build:done': async ({ assets, logger }) => {
        if (!recordFile) return;
        if (kept) {
          const pages = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
          pages.add(path.join(outDir, BUILD_STAMP_FILE));
          const removed = await prune(outDir, pages, started);
          logger.info(`kept dist/ from the last build; ${removed} file(s) it no longer has removed`);
        }
        const stamp = randomUUID();
        await writeFile(path.join(outDir, BUILD_STAMP_FILE), stamp);
        await writeFile(recordFile, JSON.stringify({ outDir, stamp } satisfies OutputRecord));
      },
    },
  };
}
