import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';
import { LOCALE_CODES } from '../i18n/locales.ts';
import { planIndexParts, type IndexedPage, type IndexPart } from '../lib/search/index-parts.ts';
import { countIndexedWords, writeSearchVocabulary } from './search-vocabulary.ts';

/**
 * Pages a single Pagefind process indexes at most. Pagefind keeps every page
 * in memory until it writes (about 0.3 MB a page of real text, measured), so
 * this bounds the indexer's memory at about 1 GB whatever the archive's size.
 * ARSHIF_INDEX_PART_PAGES overrides it (the tests use small parts).
 */
const DEFAULT_PART_PAGES = 3000;
/**
 * Parts indexed at once, and the pages they may hold together. Pagefind's
 * service indexes two parts side by side on two cores (measured: 2,000 pages in
 * 6.3 s instead of 11.0 s), but its memory is that of the pages in flight, so
 * a second part starts only while the pages being indexed stay within the
 * budget (about 0.5 GB); a part larger than the budget is indexed alone.
 * ARSHIF_INDEX_CONCURRENCY and ARSHIF_INDEX_PAGES_IN_FLIGHT override them.
 */
const DEFAULT_CONCURRENCY = 2;
const DEFAULT_PAGES_IN_FLIGHT = 1500;
/** Files Pagefind writes that Arshif's own search UI never loads. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Articles read from disk at once while indexing. */
const READ_BATCH = 32;

async function listArticlePages(outDir: string): Promise<IndexedPage[]> {
  const pages: IndexedPage[] = [];
  for (const locale of LOCALE_CODES) {
    let slugs: string[];
    try {
      slugs = await readdir(path.join(outDir, locale, 'articles'));
    } catch {
      continue;
    }
    for (let start = 0; start < slugs.length; start += READ_BATCH) {
      const batch = slugs.slice(start, start + READ_BATCH).map((slug) => path.join(locale, 'articles', slug, 'index.html'));
      const heads = await Promise.all(batch.map((file) => readFile(path.join(outDir, file), 'utf8').catch(() => null)));
      heads.forEach((html, index) => {
        if (html === null) return;
        const date = /<meta name="arshif:date" content="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
        pages.push({ locale, file: batch[index]!, ...(date ? { date } : {}) });
      });
    }
  }
  return pages;
}

/** Pagefind's version: a part indexed by another version is indexed again. */
async function pagefindVersion(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const manifest = JSON.parse(await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** A fingerprint of a part: its files' paths and contents. An unchanged part is not indexed again. */
async function fingerprint(outDir: string, part: IndexPart): Promise<string> {
  const hash = createHash('sha256').update(`${await pagefindVersion()}\n`);
  for (let start = 0; start < part.files.length; start += READ_BATCH) {
    const batch = part.files.slice(start, start + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => readFile(path.join(outDir, file))));
    batch.forEach((file, index) => hash.update(file).update('\0').update(contents[index]!).update('\0'));
  }
  return hash.digest('hex');
}

/** Word counts per language of a part's articles, for the search vocabulary. */
type WordCounts = Map<string, Map<string, number>>;

async function indexPart(outDir: string, part: IndexPart, outputPath: string): Promise<WordCounts> {
  const { index, errors } = await pagefindApi.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const counts: WordCounts = new Map();
  for (let start = 0; start < part.files.length; start += READ_BATCH) {
    const batch = part.files.slice(start, start + READ_BATCH);
    const results = await Promise.all(
      batch.map(async (file) => {
        const content = await readFile(path.join(outDir, file), 'utf8');
        countIndexedWords(content, counts);
        return index.addHTMLFile({ sourcePath: file, content });
      }),
    );
    const failed = results.flatMap((result) => result.errors);
    if (failed.length) throw new Error(`Pagefind could not index part ${part.id}: ${failed.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write part ${part.id}: ${written.errors.join('; ')}`);
  // Writing done, the part's memory goes back to the service (its process exits at the end of the build).
  await index.deleteIndex();
  for (const name of await readdir(outputPath)) if (UNUSED_PAGEFIND_FILES.test(name)) await rm(path.join(outputPath, name));
  // The ids of the part's pages (its fragments' names): the search page reads
  // them only to put results from several parts in date order.
  const ids = (await readdir(path.join(outputPath, 'fragment'))).filter((name) => name.endsWith('.pf_fragment')).map((name) => name.slice(0, -'.pf_fragment'.length));
  await writeFile(path.join(outputPath, 'pages.json'), JSON.stringify(ids.sort()));
  return counts;
}

const PART_KEY_FILE = '.arshif-part';
const PART_WORDS_FILE = '.arshif-words.json';

/** Indexes a part, or takes it from the cache when its pages are unchanged; copies it into dist and returns its word counts. */
async function buildPart(outDir: string, cacheDir: string, part: IndexPart): Promise<{ counts: WordCounts; reused: boolean }> {
  const key = await fingerprint(outDir, part);
  const cached = path.join(cacheDir, part.id);
  const cachedKey = await readFile(path.join(cached, PART_KEY_FILE), 'utf8').catch(() => null);
  let counts: WordCounts;
  const reused = cachedKey === key;
  if (reused) {
    const stored = JSON.parse(await readFile(path.join(cached, PART_WORDS_FILE), 'utf8')) as [string, [string, number][]][];
    counts = new Map(stored.map(([language, words]) => [language, new Map(words)]));
  } else {
    await rm(cached, { recursive: true, force: true });
    counts = await indexPart(outDir, part, cached);
    await writeFile(path.join(cached, PART_WORDS_FILE), JSON.stringify([...counts].map(([language, words]) => [language, [...words]])));
    await writeFile(path.join(cached, PART_KEY_FILE), key);
  }
  await cp(cached, path.join(outDir, 'pagefind', part.id), { recursive: true, filter: (source) => !path.basename(source).startsWith('.arshif-') });
  return { counts, reused };
}

/**
 * Indexes the built articles with Pagefind's Node API in the same `astro
 * build`, in parts (see src/lib/search/index-parts.ts for why and how):
 * dist/pagefind/<part>/ per part and dist/pagefind/parts.json listing each
 * locale's parts, newest first, which the search page merges. Only the
 * article (`data-pagefind-body`) is indexed, in its own locale's index.
 *
 * A part whose pages did not change since the last build is copied from the
 * cache (cacheDir/arshif-search/) instead of being indexed again, so adding a
 * week's articles re-indexes one part.
 */
export function pagefind(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'arshif:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'arshif-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const maxPages = Number(process.env.ARSHIF_INDEX_PART_PAGES ?? DEFAULT_PART_PAGES);
        const parts = planIndexParts(await listArticlePages(outDir), maxPages);
        const searchDir = path.join(outDir, 'pagefind');
        await mkdir(cacheDir, { recursive: true });
        const concurrency = Math.max(1, Number(process.env.ARSHIF_INDEX_CONCURRENCY ?? DEFAULT_CONCURRENCY));
        const pagesInFlightBudget = Number(process.env.ARSHIF_INDEX_PAGES_IN_FLIGHT ?? DEFAULT_PAGES_IN_FLIGHT);
        const counts: WordCounts = new Map();
        let indexed = 0;
        let reused = 0;
        // Largest parts first; a part starts when a worker is free and the pages in flight allow it.
        const queue = [...parts].sort((a, b) => b.files.length - a.files.length);
        let inFlight = 0;
        const running = new Set<Promise<void>>();
        const run = async (part: IndexPart) => {
          const partStarted = performance.now();
          const built = await buildPart(outDir, cacheDir, part);
          logger.debug(`${part.id}: ${part.files.length} pages ${built.reused ? 'unchanged' : 'indexed'} in ${((performance.now() - partStarted) / 1000).toFixed(1)}s`);
          if (built.reused) reused += part.files.length;
          else indexed += part.files.length;
          for (const [language, words] of built.counts) {
            const total = counts.get(language) ?? counts.set(language, new Map()).get(language)!;
            for (const [word, count] of words) total.set(word, (total.get(word) ?? 0) + count);
          }
        };
        try {
          while (queue.length || running.size) {
            const fits = queue.findIndex((part) => running.size === 0 || inFlight + part.files.length <= pagesInFlightBudget);
            if (fits !== -1 && running.size < concurrency) {
              const [part] = queue.splice(fits, 1) as [IndexPart];
              inFlight += part.files.length;
              const task: Promise<void> = run(part).finally(() => {
                inFlight -= part.files.length;
                running.delete(task);
              });
              running.add(task);
            } else {
              await Promise.race(running);
            }
          }
        } finally {
          await Promise.allSettled(running);
          await pagefindApi.close();
        }
        // Parts no longer planned (an archive that shrank) leave the cache too.
        const planned = new Set(parts.map((part) => part.id));
        for (const name of await readdir(cacheDir)) if (!planned.has(name)) await rm(path.join(cacheDir, name), { recursive: true, force: true });

        const byLocale: Record<string, string[]> = {};
        for (const part of [...parts].reverse()) (byLocale[part.locale] ??= []).push(part.id);
        await writeFile(path.join(searchDir, 'parts.json'), JSON.stringify(byLocale));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`indexed ${indexed} pages (${reused} unchanged) in ${parts.length} part(s) in ${seconds}s → ${path.relative(process.cwd(), searchDir)}`);
        const forms = await writeSearchVocabulary(outDir, counts);
        for (const [language, count] of Object.entries(forms)) logger.info(`search vocabulary (${language}): ${count} word forms`);
      },
    },
  };
}
