import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, link, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefindApi from 'pagefind';
import { settings } from '../settings.ts';
import { listenForArticlePages, type SearchIndexHooks, type SearchIndexPage } from '../search/build-hooks.ts';
import { FIRST_SEARCH_BASE_BYTES, firstSearchPartCount, type IndexPart, type LocaleSearchParts, type SearchPartSummary } from '../search/index-parts.ts';
import { articleFile, DEFAULT_PART_PAGES, partsOfShard, planArchiveParts } from '../search/shards.ts';
import { moduleGraph } from './module-graph.ts';
import { shardFolders } from './shards.ts';
import { writeSearchVocabulary } from './search-vocabulary.ts';
import { IndexedWordCounter, type PartWords } from './indexed-words.ts';
import { LOCALE_PACKS, type LocaleCode } from '../i18n/locales.ts';

/**
 * Word locations per index chunk (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE,
 * default 20,000). A search fetches, for each word form, one chunk from every
 * part of the locale's index; Pagefind's default chunks of real-vocabulary
 * text weigh about 30 KB, so ten parts made a first search of 876 KB
 * (measured). Smaller chunks keep what one word costs small: each form a
 * query asks for costs a chunk per part, and index chunks were most of a
 * first query (219 of 365 KiB, median of 30 queries on the 3,000-article messy
 * archive, at 4,000 locations). At 1,500 the median query was 273 KiB: the
 * chunks 110 KiB, the metadata, which lists the chunks, 46; at 750, 249 KiB:
 * the chunks 66, the metadata 60 (the same archive and queries). Halving
 * again would add about as much metadata as it saves in chunks.
 */
const INDEX_CHUNK_LOCATIONS = '750';
/**
 * Pagefind's allocator (jemalloc, configured through _RJEM_MALLOC_CONF): one
 * arena, and freed memory returned to the system at once rather than kept
 * for reuse. Pagefind frees each part's pages after writing it, and Astro is
 * at its largest meanwhile; the build's peak at 2,000 articles went from
 * 1,226 to 1,139 MB (Pagefind's own from 467–514 to 426 MB), measured.
 */
const PAGEFIND_ALLOCATOR = 'narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0';
/** Files Pagefind writes that Arshif's own search UI never loads. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/**
 * What decides the indexed text besides the articles: the article page
 * (what Pagefind reads, SearchIndexFields.astro included) and the build's
 * vocabulary and spelling (search-vocabulary.ts, over indexed-text.ts and the
 * keying). A change to any module they import, transitively, re-indexes every
 * part. The list is derived from their imports rather than kept by hand: a
 * hand-kept list had to be remembered whenever the page or the keying took a
 * new module, and one it missed let a part indexed by the old code be reused.
 */
const INDEX_ENTRIES = ['src/pages/[locale]/articles/[slug].astro', 'src/integrations/indexed-words-worker.ts', 'src/integrations/search-vocabulary.ts'];
/** Pagefind's version is hashed on its own (indexingCodeKey); the lock file pins the other packages the code imports. */
const INDEX_PACKAGES = ['package-lock.json'];

/** The files, root-relative and sorted, whose content keys every index part (see INDEX_ENTRIES). */
export function indexInputs(root: string): string[] {
  return [...INDEX_PACKAGES, ...moduleGraph(root, INDEX_ENTRIES).files].sort();
}

const PART_KEY_FILE = '.arshif-part';

function packOf(locale: string) {
  if (!Object.hasOwn(LOCALE_PACKS, locale)) throw new Error(`search index: "${locale}" is not a locale pack`);
  return LOCALE_PACKS[locale as LocaleCode];
}

/** The language Pagefind indexes a locale as (the registry's searchLanguage): its stemmer, when Pagefind has one. */
function searchLanguageOf(locale: string): string {
  return packOf(locale).searchLanguage;
}
const PART_WORDS_FILE = '.arshif-words.json';

/** Word counts per language of the archive's articles, for the search vocabulary. */
type WordCounts = Map<string, Map<string, number>>;

interface PartState {
  part: IndexPart;
  /** Fingerprint of the part's articles and of the code that indexes them. */
  key: string;
  /** Its index in the cache has this key: nothing to index. */
  reusable: boolean;
  added: Set<string>;
  index?: Promise<pagefindApi.PagefindIndex>;
  /** The part's work so far, in order: reads and additions, then the write. */
  chain: Promise<void>;
  /** Settles once the part's last page so far has been sent to Pagefind: the next one is sent after it. */
  sent: Promise<unknown>;
  written?: Promise<void>;
}

/** In a shard's folder: its parts as in the cache, bookkeeping included, for the assemble step's cache. */
export const SHARD_PARTS_DIR = 'search-parts';

/**
 * The search index, built while Astro renders the articles: each article
 * page, once written, goes to Pagefind (a process of its own, so it indexes on
 * the second core while Astro renders on the first), into its part of the
 * index (src/search/index-parts.ts); a part is written to the cache as
 * soon as its last article is in, which returns its memory. A part whose
 * articles and indexing code are unchanged since the last build is taken from
 * the cache (cacheDir/arshif-search/) as it is.
 */
class SearchIndexBuild implements SearchIndexHooks {
  readonly #outDir: string;
  readonly #cacheDir: string;
  readonly #maxPages: number;
  readonly #codeKey: string;
  #parts: PartState[] = [];
  readonly #partOf = new Map<string, PartState>();
  /** Rendered, maybe not yet on disk: the next render (or the end) takes them. */
  #waiting: string[] = [];
  #failure: unknown;
  /**
   * While a part is being written, pages of the next part wait as paths
   * rather than grow Pagefind's memory beside the part being written (at
   * 100,000 articles, two parts in memory at once made the build's peak 6.2 GB).
   */
  #gate: Promise<unknown> = Promise.resolve();
  /** Made with the first page to index: a build that reuses every part starts no thread. */
  #wordCounter?: IndexedWordCounter;

  readonly #firstSearchBytes: number;

  constructor(outDir: string, cacheDir: string, maxPages: number, codeKey: string, firstSearchBytes: number) {
    this.#firstSearchBytes = firstSearchBytes;
    this.#outDir = outDir;
    this.#cacheDir = cacheDir;
    this.#maxPages = maxPages;
    this.#codeKey = codeKey;
  }

  plan(pages: SearchIndexPage[]): void {
    if (this.#parts.length) return;
    const digests = new Map(pages.map((page) => [articleFile(page.locale, page.slug), page.digest]));
    const planned = planArchiveParts(pages, this.#maxPages);
    // A shard indexes its own parts only; the other shards index the rest.
    const parts = settings.shard ? partsOfShard(planned, settings.shard) : planned;
    for (const part of parts) {
      const hash = createHash('sha256').update(this.#codeKey);
      for (const file of part.files) hash.update(`\0${file}:${digests.get(file)}`);
      const key = hash.digest('hex');
      const cached = path.join(this.#cacheDir, part.id);
      let reusable = false;
      try {
        reusable = readFileSync(path.join(cached, PART_KEY_FILE), 'utf8') === key && existsSync(path.join(cached, PART_WORDS_FILE));
      } catch {
        reusable = false;
      }
      const state: PartState = { part, key, reusable, added: new Set(), chain: Promise.resolve(), sent: Promise.resolve() };
      this.#parts.push(state);
      for (const file of part.files) this.#partOf.set(file, state);
    }
  }

  rendered(locale: string, slug: string): void {
    // Astro writes a page before it renders the next: the ones waiting are on disk now.
    this.#takeWaiting();
    this.#waiting.push(articleFile(locale, slug));
  }

  #takeWaiting(): void {
    for (const file of this.#waiting) {
      const state = this.#partOf.get(file);
      if (state && !state.reusable) this.#add(state, file);
    }
    this.#waiting = [];
  }

  #add(state: PartState, file: string): void {
    if (state.added.has(file)) return;
    state.added.add(file);
    state.index ??= pagefindApi.createIndex({ forceLanguage: searchLanguageOf(state.part.locale) }).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      return index;
    });
    const index = state.index;
    // Files are read at once and sent in the order they were rendered: a part's index depends on the order
    // of its pages, and reads finish in any order, so otherwise two builds of the same archive (one of them
    // sharded) could differ. Pagefind's service answers its requests one at a time, in the order they
    // arrive, and the request is written as the call is made: a page is sent once the one before it was
    // sent, not answered, so Pagefind always has the next page to hand while Astro renders.
    const content = this.#gate.then(() => readFile(path.join(this.#outDir, file), 'utf8'));
    const sending = Promise.all([content, index, state.sent]).then(([text, pagefindIndex]) => {
      this.#wordCounter ??= new IndexedWordCounter();
      this.#wordCounter.count(state.part.id, text);
      // Wrapped, so that this step settles when the page is sent rather than when Pagefind answers.
      return { answer: pagefindIndex.addHTMLFile({ sourcePath: file, content: text }) };
    });
    state.sent = sending.catch(() => undefined);
    const added = sending.then(async ({ answer }) => {
      const { errors } = await answer;
      if (errors.length) throw new Error(`Pagefind could not index ${file}: ${errors.join('; ')}`);
    });
    state.chain = Promise.all([state.chain, added]).then(() => undefined);
    // A failure is kept for the end of the build, which reports it; nothing is left unhandled meanwhile.
    added.catch((error: unknown) => (this.#failure ??= error));
    if (state.added.size === state.part.files.length) {
      state.written = this.#write(state);
      this.#gate = state.written.catch(() => undefined);
    }
  }

  #write(state: PartState): Promise<void> {
    state.chain = state.chain.then(async () => {
      const cached = path.join(this.#cacheDir, state.part.id);
      await rm(cached, { recursive: true, force: true });
      const index = await state.index!;
      const written = await index.writeFiles({ outputPath: cached });
      if (written.errors.length) throw new Error(`Pagefind could not write part ${state.part.id}: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      state.index = undefined;
      for (const name of await readdir(cached)) if (UNUSED_PAGEFIND_FILES.test(name)) await rm(path.join(cached, name));
      // The part's page ids: the search page reads them only to order results by date across parts.
      const ids = (await readdir(path.join(cached, 'fragment')))
        .filter((name) => name.endsWith('.pf_fragment'))
        .map((name) => name.slice(0, -'.pf_fragment'.length));
      await writeFile(path.join(cached, 'pages.json'), JSON.stringify(ids.sort()));
      // Every page of the part was sent to the counter before this request: the counts are whole.
      await writeFile(path.join(cached, PART_WORDS_FILE), JSON.stringify(await this.#wordCounter!.take(state.part.id)));
      await writeFile(path.join(cached, PART_KEY_FILE), state.key);
    });
    return state.chain;
  }

  /** A shard's parts, bookkeeping and all, into its folder, for the assemble step to put in its cache. */
  async #handOverParts(): Promise<void> {
    const target = path.join(this.#outDir, SHARD_PARTS_DIR);
    await rm(target, { recursive: true, force: true });
    for (const { part } of this.#parts) await cp(path.join(this.#cacheDir, part.id), path.join(target, part.id), { recursive: true });
  }

  /** After the pages: indexes what was not rendered (restored by an incremental build), writes the rest, assembles dist/pagefind/. */
  async finish(logger: AstroIntegrationLogger): Promise<void> {
    const started = performance.now();
    this.#takeWaiting();
    let indexed = 0;
    let reused = 0;
    try {
      const missing = this.#parts.filter((state) => !state.reusable).map((state) => state.part.id);
      if (settings.assemble && missing.length)
        throw new Error(
          `assemble: no shard holds the index part(s) ${missing.join(', ')} for this archive and code; build every shard of the same archive with the same code, then assemble.`,
        );
      // One part at a time from here: what rendering left is mostly restored pages.
      for (const state of this.#parts) {
        if (state.reusable) {
          reused += state.part.files.length;
          continue;
        }
        indexed += state.part.files.length;
        for (const file of state.part.files) this.#add(state, file);
        await state.written;
      }
      if (this.#failure) throw this.#failure;
    } finally {
      await Promise.all([pagefindApi.close(), this.#wordCounter?.close()]);
    }
    if (settings.shard) {
      await this.#handOverParts();
      logger.info(`indexed ${indexed} pages (${reused} unchanged) in this shard's ${this.#parts.length} part(s) → ${path.join(this.#outDir, SHARD_PARTS_DIR)}`);
      return;
    }

    const searchDir = path.join(this.#outDir, 'pagefind');
    const counts: WordCounts = new Map();
    for (const { part } of this.#parts) {
      const cached = path.join(this.#cacheDir, part.id);
      const target = path.join(searchDir, part.id);
      // A dist/ kept from the last build (src/integrations/kept-output.ts) may hold this very part already.
      if (!(await sameFile(path.join(cached, 'pagefind-entry.json'), path.join(target, 'pagefind-entry.json')))) {
        await rm(target, { recursive: true, force: true });
        await linkTree(cached, target);
      }
      const stored = JSON.parse(await readFile(path.join(cached, PART_WORDS_FILE), 'utf8')) as PartWords;
      for (const [language, words] of stored) {
        const total = counts.get(language) ?? counts.set(language, new Map()).get(language)!;
        for (const [word, count] of words) total.set(word, (total.get(word) ?? 0) + count);
      }
    }
    // Parts no longer planned (an archive that shrank) leave the cache too.
    const planned = new Set(this.#parts.map(({ part }) => part.id));
    for (const name of await readdir(this.#cacheDir)) if (!planned.has(name)) await rm(path.join(this.#cacheDir, name), { recursive: true, force: true });

    for (const entry of await readdir(searchDir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory() && !planned.has(entry.name)) await rm(path.join(searchDir, entry.name), { recursive: true, force: true });
    }

    const summaries: Record<string, SearchPartSummary[]> = {};
    for (const { part } of [...this.#parts].reverse()) {
      let ofLocale = summaries[part.locale];
      if (!ofLocale) {
        ofLocale = [];
        summaries[part.locale] = ofLocale;
      }
      ofLocale.push({
        id: part.id,
        pages: part.files.length,
        ...(part.since ? { since: part.since, until: part.until! } : {}),
        baseBytes: await baseBytes(path.join(this.#cacheDir, part.id)),
      });
    }
    const byLocale: Record<string, LocaleSearchParts> = {};
    for (const [locale, parts] of Object.entries(summaries)) byLocale[locale] = { parts, firstSearch: firstSearchPartCount(parts, this.#firstSearchBytes) };
    await mkdir(searchDir, { recursive: true });
    await writeFile(path.join(searchDir, 'parts.json'), JSON.stringify(byLocale));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `indexed ${indexed} pages (${reused} unchanged) in ${this.#parts.length} part(s); ${seconds}s after the pages → ${path.relative(process.cwd(), searchDir)}`,
    );
    const forms = await writeSearchVocabulary(this.#outDir, counts);
    for (const [language, count] of Object.entries(forms)) logger.info(`search vocabulary (${language}): ${count} word forms`);
  }
}

/** Whether two paths are one file (hard links to it). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return !!first && !!second && first.ino === second.ino && first.dev === second.dev;
}

/**
 * What every search reads of a part whatever the query: its metadata
 * (pagefind.*.pf_meta). Filter files load only when a filter is used.
 */
async function baseBytes(partDir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(partDir)) if (name.endsWith('.pf_meta')) total += (await stat(path.join(partDir, name))).size;
  return total;
}

/**
 * Puts a cached part into dist/ as hard links (thousands of small files: a
 * copy of a 10,000-article index took seconds), copying where links cannot
 * be made (another file system). The cache's own bookkeeping files stay out.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.arshif-')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => cp(source, target));
  }
}

/** A fingerprint of what, besides the articles, decides the index: Pagefind's version and Arshif's indexing code. */
async function indexingCodeKey(root: string): Promise<string> {
  const hash = createHash('sha256');
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  hash.update(await readFile(path.join(path.dirname(entry), '..', 'package.json')));
  for (const file of indexInputs(root)) hash.update(`\0${file}\0`).update(await readFile(path.join(root, file)).catch(() => Buffer.from('missing')));
  return hash.digest('hex');
}

/**
 * Indexes the articles with Pagefind's Node API in the same `astro build`,
 * one index per locale in parts (see SearchIndexBuild): dist/pagefind/<part>/
 * per part and dist/pagefind/parts.json listing each locale's parts, newest
 * first, with how many of them a first search reads; the search page merges them. Only the article (`data-pagefind-body`)
 * is indexed, in its own locale's index. Also writes the search vocabulary.
 */
export function pagefind(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  let outDir = '';
  let build: SearchIndexBuild | undefined;
  let stopListening: (() => void) | undefined;
  return {
    name: 'arshif:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'arshif-search');
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        // Read by Pagefind's process, which inherits this environment when it starts.
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_LOCATIONS;
        process.env._RJEM_MALLOC_CONF ??= PAGEFIND_ALLOCATOR;
        await mkdir(cacheDir, { recursive: true });
        // The shards indexed every part: their folders fill the cache, and every part is then reused as it is.
        if (settings.assemble)
          for (const folder of shardFolders(settings.shardsDir)) {
            const parts = path.join(folder, SHARD_PARTS_DIR);
            for (const id of await readdir(parts).catch(() => [])) {
              await rm(path.join(cacheDir, id), { recursive: true, force: true });
              await cp(path.join(parts, id), path.join(cacheDir, id), { recursive: true });
            }
          }
        build = new SearchIndexBuild(
          outDir,
          cacheDir,
          settings.indexPartPages ?? DEFAULT_PART_PAGES,
          // The chunk size shapes every part's files: a part cached under another one is indexed again.
          `${await indexingCodeKey(root)}\0chunk:${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE}`,
          // ARSHIF_FIRST_SEARCH_BYTES overrides the budget (the tests use a tiny one to split a small archive).
          settings.firstSearchBytes ?? FIRST_SEARCH_BASE_BYTES,
        );
        stopListening = listenForArticlePages(build);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!build) return;
        if (path.resolve(fileURLToPath(dir)) !== path.resolve(outDir))
          throw new Error(`Pagefind: pages were written to ${fileURLToPath(dir)}, expected ${outDir}.`);
        try {
          await build.finish(logger);
        } finally {
          stopListening?.();
          stopListening = undefined;
          build = undefined;
        }
      },
    },
  };
}
