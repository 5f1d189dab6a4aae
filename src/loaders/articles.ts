import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { articleIdFromPath } from '../site/article-id.ts';
import { checkArchiveRules, FrontMatterError, parseFrontMatter, splitArticleFile, type ArchiveEntry } from '../article/index.ts';
import { findCodeInBody } from '../article/body.ts';
import { ArticleFileError, articleLoadFailed, articlesLoaded, failureOf } from '../integrations/dev-error-overlay.ts';

/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const READ_BATCH = 64;

async function listMdxFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The archive's content loader: `content/<locale>/<slug>.mdx`, front matter
 * validated by the collection's schema, bodies checked to be data.
 *
 * Why not Astro's glob loader: it compiles every MDX file into a JavaScript
 * module, and Vite bundles them all — memory and time that grow with the
 * archive (10,000 articles took 7 GB). This loader keeps only the front
 * matter in the content layer; the article page renders the body from its
 * file with the same Markdown processor (`src/article/body.ts`),
 * one page at a time. An unchanged file (same digest as in the last build's
 * data store) is not parsed again, so adding ten articles re-reads ten.
 */
export function articleLoader(options: { contentDir: string }): Loader {
  return {
    name: 'arshif-articles',
    load: async ({ store, parseData, generateDigest, logger, config, watcher }) => {
      const root = fileURLToPath(config.root);
      const contentDir = path.resolve(root, options.contentDir);
      // The file being read, for an error that does not name it (the schema's): the overlay shows that file.
      let reading: string | undefined;
      const sync = async () => {
        reading = undefined;
        const files = await listMdxFiles(contentDir);
        const seen = new Set<string>();
        let parsed = 0;
        const where = (file: string, line?: number) => `${path.relative(root, path.join(contentDir, file)) || file}${line ? `:${line}` : ''}`;

        for (let start = 0; start < files.length; start += READ_BATCH) {
          const batch = files.slice(start, start + READ_BATCH);
          const texts = await Promise.all(batch.map((file) => readFile(path.join(contentDir, file), 'utf8')));
          for (const [index, file] of batch.entries()) {
            const text = texts[index]!;
            const id = articleIdFromPath(file, options.contentDir);
            seen.add(id);
            // The path is kept relative to the project, as Astro keeps it, and is part of the digest: a store
            // written from another project folder (a clone elsewhere, the same cache folder) must not hand on
            // its paths, and Astro's store keeps an entry whose digest is unchanged as it was.
            const filePath = path.relative(root, path.join(contentDir, file)).split(path.sep).join('/');
            const digest = generateDigest(`${filePath}\0${text}`);
            if (store.get(id)?.digest === digest) continue;
            const split = splitArticleFile(text);
            const absolute = path.join(contentDir, file);
            reading = absolute;
            if (!split)
              throw new ArticleFileError(
                `${where(file, 1)}: an article starts with front matter between two \`---\` lines (title at least). Add it, or re-import the text with npm run import.`,
                absolute,
                1,
              );
            let raw: Record<string, unknown>;
            try {
              raw = parseFrontMatter(split.yaml);
            } catch (error) {
              if (error instanceof FrontMatterError)
                throw new ArticleFileError(`${where(file, error.line + 1)}: ${error.message}. Fix the front matter.`, absolute, error.line + 1);
              throw error;
            }
            const code = findCodeInBody(split.body);
            if (code) {
              const line = split.bodyLine + code.line - 1;
              throw new ArticleFileError(
                `${where(file, line)}: ${code.what}. The archive is data, not code: articles may not import, export, run expressions or use tags. Write the characters as text (the importer escapes them: npm run import -- <text file> --force).`,
                absolute,
                line,
              );
            }
            const data = await parseData({ id, data: raw, filePath });
            store.set({ id, data, filePath, digest });
            parsed++;
          }
        }
        reading = undefined;
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

        // Rules that need the whole archive: tag URLs, one translation per locale.
        const problems = checkArchiveRules(store.values() as Iterable<ArchiveEntry>);
        if (problems.length)
          throw new Error(
            `The archive has ${problems.length} problem(s):\n${problems
              .slice(0, 20)
              .map((p) => `  ${p}`)
              .join('\n')}`,
          );
        logger.info(`${files.length} articles (${parsed} read again, ${files.length - parsed} unchanged since the last build)`);
      };
      await sync();
      // npm run dev: an article added, edited or removed (or a photograph beside it) is loaded again, and the
      // store's update reloads the open page. Only changed files are parsed again (their digests differ).
      if (watcher) {
        watcher.add(contentDir);
        let pending: ReturnType<typeof setTimeout> | undefined;
        watcher.on('all', (_event, changed) => {
          if (!path.resolve(changed).startsWith(`${contentDir}${path.sep}`)) return;
          clearTimeout(pending);
          // The open page shows a refused edit too, in the dev error overlay, until the file is fixed.
          pending = setTimeout(
            () =>
              void sync().then(articlesLoaded, (error: unknown) => {
                logger.error(error instanceof Error ? error.message : String(error));
                articleLoadFailed(failureOf(error, reading));
              }),
            100,
          );
        });
      }
    },
  };
}
