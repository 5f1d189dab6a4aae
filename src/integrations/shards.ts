import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { settings, shardFolderName } from '../settings.ts';

/** The assets folder: a shard writes there the files its article pages use (photographs' sizes) besides the site's scripts and styles. */
const ASSETS_DIR = '_astro';

/**
 * The folders of a complete set of shards in `shardsDir` (`1-of-4` … `4-of-4`).
 * A missing shard, or folders of two different splits, stop the assemble
 * step: a dist/ without some articles would look like a finished build.
 */
export function shardFolders(shardsDir: string): string[] {
  const names = existsSync(shardsDir)
    ? readdirSync(shardsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
  const counts = new Set(names.flatMap((name) => /^\d+-of-(\d+)$/.exec(name)?.[1] ?? []).map(Number));
  if (counts.size !== 1)
    throw new Error(
      counts.size === 0
        ? `assemble: no shard folders (such as 1-of-4) in ${shardsDir}; build the shards first (npm run build -- --shard 1/4, and so on).`
        : `assemble: ${shardsDir} holds shards of different splits (${[...counts].join(', ')}); empty it and build the shards again.`,
    );
  const count = [...counts][0]!;
  return Array.from({ length: count }, (_, at) => {
    const folder = path.join(shardsDir, shardFolderName({ index: at + 1, count }));
    if (!existsSync(folder)) throw new Error(`assemble: shard ${at + 1}/${count} is missing from ${shardsDir}.`);
    return folder;
  });
}

/** Every file below `dir`, relative to it. */
async function filesBelow(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The article pages the assemble step took from the shards, as Astro names pages (`ar/articles/<slug>/`); the sitemap lists them. */
const assembledPages: string[] = [];

export function assembledArticlePages(): { pathname: string }[] {
  return assembledPages.map((pathname) => ({ pathname }));
}

/**
 * The assemble step of a sharded build (`astro build --assemble`): this build
 * renders the archive-wide pages (listings, feeds, the sitemap, search and
 * the rest) and no article page; each shard rendered its own article pages
 * (src/pages/[locale]/articles/[slug].astro) from the whole archive's
 * metadata, so their links to neighbours, translations and related articles
 * are those of a one-process build. Here the shards' article pages and the
 * assets only they wrote are copied into dist/ (copied, not linked: a later
 * shard build rewrites its files in place), before the sitemap, the search
 * index and the service worker read dist/. The index parts go through the
 * search index's cache (src/integrations/pagefind.ts).
 *
 * After kept-output, which prunes what this build did not render, and
 * before every integration that reads the pages.
 */
export function shardAssembly(): AstroIntegration {
  return {
    name: 'arshif:shard-assembly',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!settings.assemble) return;
        const outDir = fileURLToPath(dir);
        assembledPages.length = 0;
        let assets = 0;
        for (const folder of shardFolders(settings.shardsDir)) {
          for (const locale of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
            const articles = path.join(locale.name, 'articles');
            for (const file of await filesBelow(path.join(folder, articles))) {
              await mkdir(path.join(outDir, articles, path.dirname(file)), { recursive: true });
              await copyFile(path.join(folder, articles, file), path.join(outDir, articles, file));
              if (path.basename(file) === 'index.html') assembledPages.push(`${locale.name}/articles/${path.dirname(file)}/`);
            }
          }
          for (const file of await filesBelow(path.join(folder, ASSETS_DIR))) {
            const target = path.join(outDir, ASSETS_DIR, file);
            // Scripts and styles are the same in every build of the same code (named by their hash); only the photographs' are new.
            if (existsSync(target)) continue;
            await mkdir(path.dirname(target), { recursive: true });
            await copyFile(path.join(folder, ASSETS_DIR, file), target);
            assets++;
          }
        }
        logger.info(
          `assembled ${assembledPages.length} article page(s) and ${assets} asset(s) from ${path.relative(process.cwd(), settings.shardsDir) || '.'}`,
        );
      },
    },
  };
}
