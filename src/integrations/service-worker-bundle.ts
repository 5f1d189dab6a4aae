import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GenerateSWOptions, GetManifestOptions } from 'workbox-build';

/** What the worker does, whatever the site holds: everything of generateSW's but the precache list. */
export type WorkerOptions = Omit<GenerateSWOptions, 'globDirectory' | 'swDest' | keyof GetManifestOptions | 'mode'>;
/** Which files the worker precaches: Workbox's own manifest options. */
export type PrecacheOptions = Pick<GetManifestOptions, 'globPatterns' | 'modifyURLPrefix' | 'dontCacheBustURLsMatching'>;

/** The entry generateSW is given in place of the precache list; the list is written over it. */
const PLACEHOLDER = '__arshif_precache_manifest__';
/** How the placeholder entry reads in the worker Workbox writes (minified: keys unquoted, in this order). */
const PLACEHOLDER_ENTRY = `[{url:"${PLACEHOLDER}",revision:"${PLACEHOLDER}"}]`;

/**
 * Writes `<outDir>/sw.js`: exactly what Workbox's generateSW writes, in a
 * fraction of its time. generateSW bundles Workbox's runtime with Rollup,
 * Babel and Terser on every build (3 s on an idle two-core machine, 12–41 s
 * beside another build: the largest fixed cost of a small archive), though
 * the bundle depends only on the worker's options. So the bundle is made once
 * per set of options, with a placeholder for the precache list, and kept in
 * `cacheDir`; each build lists and hashes its files with Workbox's getManifest
 * (what generateSW does too) and writes the list over the placeholder.
 * Changing any option, or Workbox's version, makes a new bundle.
 */
export async function writeServiceWorker({
  outDir,
  cacheDir,
  worker,
  precache,
}: {
  outDir: string;
  cacheDir: string;
  worker: WorkerOptions;
  precache: PrecacheOptions;
}): Promise<{ count: number; size: number; warnings: string[] }> {
  const { getManifest } = await import('workbox-build');
  const [bundle, manifest] = await Promise.all([workerBundle(worker, cacheDir), getManifest({ ...precache, globDirectory: outDir, globIgnores: ['sw.js'] })]);
  await writeFile(
    path.join(outDir, 'sw.js'),
    bundle.replace(PLACEHOLDER_ENTRY, () => JSON.stringify(manifest.manifestEntries)),
  );
  return { count: manifest.count, size: manifest.size, warnings: manifest.warnings };
}

/** The bundled worker for these options, with the placeholder list: from the cache, or made now. */
async function workerBundle(worker: WorkerOptions, cacheDir: string): Promise<string> {
  const file = path.join(cacheDir, `sw-${optionsKey(worker)}.js`);
  const cached = await readFile(file, 'utf8').catch(() => undefined);
  if (cached?.includes(PLACEHOLDER_ENTRY)) return cached;

  const { generateSW } = await import('workbox-build');
  const scratch = await mkdtemp(path.join(tmpdir(), 'arshif-sw-'));
  try {
    await generateSW({
      ...worker,
      mode: 'production',
      globDirectory: scratch,
      globPatterns: [],
      additionalManifestEntries: [{ url: PLACEHOLDER, revision: PLACEHOLDER }],
      swDest: path.join(scratch, 'sw.js'),
    });
    const bundle = await readFile(path.join(scratch, 'sw.js'), 'utf8');
    if (bundle.split(PLACEHOLDER_ENTRY).length !== 2) {
      throw new Error(
        `Workbox wrote its precache list in a form this build does not know (looked for ${PLACEHOLDER_ENTRY} once); check workbox-build's version`,
      );
    }
    // Written beside, then renamed: two builds at once never read half a file.
    await mkdir(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, bundle);
    await rename(partial, file);
    return bundle;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A key for every input of the bundle: the options (functions and patterns by their source text) and Workbox's version. */
function optionsKey(worker: WorkerOptions): string {
  const workboxVersion = (createRequire(import.meta.url)('workbox-build/package.json') as { version: string }).version;
  const text = JSON.stringify({ workboxVersion, worker }, (_key, value: unknown) =>
    typeof value === 'function' || value instanceof RegExp ? `${value.constructor.name}:${String(value)}` : value,
  );
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}
