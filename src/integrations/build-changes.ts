import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { settings } from '../settings.ts';
import { BUILD_STAMP_FILE } from './kept-output.ts';

/** In the cache: every file of the last build's outDir with its digest, to compare the next build with. */
const MANIFEST_FILE = 'arshif-dist-manifest.json';
/** Files read at once while hashing: enough to keep the disk busy, few enough for the open-file limit. */
const HASHING_AT_ONCE = 32;

/** Every file of a folder (paths relative to it, `/`-separated) and the SHA-256 of its bytes. */
export type FileDigests = Record<string, string>;

interface StoredManifest {
  outDir: string;
  files: FileDigests;
}

/** What a build changed in its outDir, for a deploy to upload and delete exactly that. */
export interface BuildChanges {
  /** The outDir, absolute. */
  outDir: string;
  /**
   * Whether the lists compare with the last build of this outDir. When false
   * (a first build, another outDir, a cleared cache) every file is listed as
   * added and a deploy must upload the whole folder and delete what else the
   * host has.
   */
  comparedWithPrevious: boolean;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** The digests of every file below `dir`, bookkeeping stamps left out (they differ every build and are never served). */
export async function digestTree(dir: string): Promise<FileDigests> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => file !== BUILD_STAMP_FILE)
    .sort();
  const digests: FileDigests = {};
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      digests[file] = createHash('sha256')
        .update(await readFile(path.join(dir, file)))
        .digest('base64url');
    }
  };
  await Promise.all(Array.from({ length: HASHING_AT_ONCE }, worker));
  // In sorted order, whatever order the reads finished in: the stored manifest is then the same for the same folder.
  return Object.fromEntries(files.map((file) => [file, digests[file]!]));
}

/** The files `next` added, changed and removed compared with `previous`, each list sorted. */
export function compareDigests(previous: FileDigests, next: FileDigests): Pick<BuildChanges, 'added' | 'changed' | 'removed' | 'unchanged'> {
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [file, digest] of Object.entries(next)) {
    if (!Object.hasOwn(previous, file)) added.push(file);
    else if (previous[file] !== digest) changed.push(file);
    else unchanged++;
  }
  const removed = Object.keys(previous).filter((file) => !Object.hasOwn(next, file));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort(), unchanged };
}

/** Where a build of `outDir` writes its changes: ARSHIF_CHANGES_FILE, or `<outDir>.changes.json` beside it (never inside, so it is not uploaded). */
export function changesFileOf(outDir: string): string {
  return settings.changesFile ? path.resolve(settings.changesFile) : `${path.resolve(outDir)}.changes.json`;
}

async function readManifest(file: string): Promise<StoredManifest | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredManifest;
  } catch {
    return undefined;
  }
}

/**
 * Says exactly which files of dist/ this build added, changed and removed
 * compared with the last build of the same outDir, so a deploy uploads only
 * those (docs/deploy.md): every file is hashed, whether Astro rendered it,
 * restored it from its cache or kept it, since only the bytes tell. The lists
 * go to one line of the build's output and to `<outDir>.changes.json`; the
 * digests go to the cache for the next build. A failed build writes neither,
 * so the next one compares with the last build that finished.
 *
 * Must be the last integration: the search index and the service worker are
 * written in build:done too.
 */
export function buildChanges(): AstroIntegration {
  let manifestFile = '';
  return {
    name: 'arshif:build-changes',
    hooks: {
      'astro:config:done': ({ config }) => {
        manifestFile = path.join(fileURLToPath(config.cacheDir), MANIFEST_FILE);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A shard's folder is never deployed; the assemble step's dist/ is.
        if (settings.shard) return;
        const started = performance.now();
        const outDir = path.resolve(fileURLToPath(dir));
        const files = await digestTree(outDir);
        const previous = await readManifest(manifestFile);
        const comparedWithPrevious = !!previous && path.resolve(previous.outDir) === outDir;
        const changes: BuildChanges = { outDir, comparedWithPrevious, ...compareDigests(comparedWithPrevious ? previous.files : {}, files) };
        const changesFile = changesFileOf(outDir);
        await writeFile(changesFile, `${JSON.stringify(changes, null, 1)}\n`);
        await writeFile(manifestFile, JSON.stringify({ outDir, files } satisfies StoredManifest));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const against = comparedWithPrevious ? 'since the last build' : 'no earlier build of this folder: upload it all';
        logger.info(
          `changes ${against}: ${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed, ${changes.unchanged} unchanged (${seconds}s) → ${path.relative(process.cwd(), changesFile)}`,
        );
      },
    },
  };
}
