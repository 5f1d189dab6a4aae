import { expandWord, formsPerWord, isKnownWord, needsExpansion, rankPages, type FormCandidate, type RankedPage, type WordMatch } from '../../search/expand-query.ts';
import { splitWords } from '../../search/words.ts';
import { isKeyedWord, keysOf } from '../../search/keying/registry.ts';
import { shardIdForKey, type VocabularyShard } from '../../search/vocabulary.ts';
import type { LocaleSearchParts, SearchPartSummary } from '../../search/index-parts.ts';
import { holdsEveryWord, parseQuery, rankByText, type ParsedQuery } from '../../search/relevance.ts';
import { spellingShardsFor, suggestSpelling, type SpellingShard } from '../../search/spelling.ts';
import type { PagefindFilters, PagefindModule, PagefindResult, PagefindResultData } from './pagefind-types.ts';

export interface ArchiveSearchOptions {
  filters?: PagefindFilters;
  /** 'relevance' (default) or newest first. */
  order?: 'relevance' | 'date';
}

/**
 * A locale's index as loaded so far. It comes in parts, newest first (see
 * src/search/index-parts.ts): the newest part's runtime is loaded and
 * other parts are merged into it (Pagefind's mergeIndex), so one search
 * covers them with one copy of Pagefind's WebAssembly. A first search merges
 * only the newest parts the build chose (parts.json: firstSearch), because
 * each part costs its metadata whatever the query; the older ones are merged
 * when the reader asks for them, filters by year or tag, or finds nothing.
 */
interface LoadedIndex {
  pagefind: PagefindModule;
  parts: SearchPartSummary[];
  /** How many of `parts` are merged (or being merged). */
  merged: number;
  /** Set once the older parts are being merged. */
  complete?: Promise<void>;
}

/** What a search covered, for the reader: the newest `searchedPages` of `totalPages`, from the year `since`. */
export interface SearchCoverage {
  searchedPages: number;
  totalPages: number;
  /** The oldest year searched; absent when undated articles were searched too. */
  since?: string;
  complete: boolean;
}

export interface ArchiveSearchResult {
  pages: RankedPage<PagefindResult>[];
  /** The archive's written forms that were looked up, for highlighting on the article. */
  forms: string[];
  coverage: SearchCoverage;
  /** The query's words (quotes taken out), for marking matches in excerpts. */
  words?: string[];
  /** Results whose text was already loaded (to re-rank them), by page id. */
  loaded?: Map<string, PagefindResultData>;
  /** True when no checked result holds every word in some form: Pagefind matched stem relatives only. */
  stemRelativesOnly?: boolean;
  /** Counts per filter value for this query, when Pagefind gave them (stock searches). */
  filterCounts?: Record<string, Record<string, number>>;
}

const siteBase = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Each language's index, loaded once: the page's own, and another one's when offering its results. */
const indexes = new Map<string, Promise<LoadedIndex>>();

let partsListPromise: Promise<Record<string, LocaleSearchParts | undefined>> | undefined;

/** dist/pagefind/parts.json: every locale's index parts. */
function partsList(): Promise<Record<string, LocaleSearchParts | undefined>> {
  partsListPromise ??= fetch(`${siteBase}pagefind/parts.json`).then((response) => {
    if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
    return response.json() as Promise<Record<string, LocaleSearchParts | undefined>>;
  });
  // A failed read is not kept: the next search asks again.
  partsListPromise.catch(() => (partsListPromise = undefined));
  return partsListPromise;
}

/** This locale's index parts, newest first, and how many a first search reads. */
async function searchParts(language: string): Promise<LocaleSearchParts> {
  const entry = (await partsList())[language];
  if (!entry?.parts.length) throw new Error(`no search index for ${language}`);
  return entry;
}

async function mergeParts(index: LoadedIndex, upTo: number): Promise<void> {
  const next = index.parts.slice(index.merged, upTo);
  index.merged = Math.max(index.merged, upTo);
  // A part that cannot be read (a deploy removed it under an old page) leaves the others searchable.
  await Promise.all(
    next.map((part) =>
      index.pagefind
        .mergeIndex(`${siteBase}pagefind/${part.id}/`, { baseUrl: siteBase })
        .catch((error: unknown) => console.warn(`Arshif: index part ${part.id} left out`, error)),
    ),
  );
}

/**
 * Pagefind's runtime lives in dist/pagefind/, outside the bundle, under the
 * site's base. Another language's index (offered when the page's own finds
 * nothing) has its own copy of the runtime: a module URL of its own.
 */
function loadIndex(language: string): Promise<LoadedIndex> {
  let loading = indexes.get(language);
  if (loading) return loading;
  loading = (async () => {
    const { parts, firstSearch } = await searchParts(language);
    const pagefind = (await import(/* @vite-ignore */ `${siteBase}pagefind/${parts[0]!.id}/pagefind.js`)) as PagefindModule;
    await pagefind.options({ baseUrl: siteBase });
    await pagefind.init();
    const index: LoadedIndex = { pagefind, parts, merged: 1 };
    await mergeParts(index, Math.max(1, firstSearch));
    if (index.merged >= parts.length) index.complete = Promise.resolve();
    return index;
  })();
  indexes.set(language, loading);
  return loading;
}

/** Merges every part not merged yet; once per page. */
function completeIndex(index: LoadedIndex): Promise<void> {
  index.complete ??= mergeParts(index, index.parts.length);
  return index.complete;
}

function coverageOf(index: LoadedIndex): SearchCoverage {
  const searched = index.parts.slice(0, index.merged);
  const oldest = searched.at(-1);
  return {
    searchedPages: searched.reduce((sum, part) => sum + part.pages, 0),
    totalPages: index.parts.reduce((sum, part) => sum + part.pages, 0),
    ...(oldest?.since ? { since: oldest.since } : {}),
    complete: index.merged >= index.parts.length,
  };
}

/**
 * Forgets the loaded index, so the next search reads parts.json afresh: after
 * a deploy, an open page's index can point at files the host no longer has.
 */
async function forgetIndex(): Promise<void> {
  const loaded = [...indexes.values()];
  indexes.clear();
  partsListPromise = undefined;
  pagesOfPart.clear();
  await Promise.all(loaded.map(async (index) => (await index.catch(() => undefined))?.pagefind.destroy()));
}

/** Page ids per part (dist/pagefind/<part>/pages.json, written at build time), read only to order by date. */
const pagesOfPart = new Map<string, Promise<string[]>>();

/**
 * Which merged part each page is in, in the parts' order (newest first):
 * Pagefind sorts each part by date on its own, and its merged results do not
 * say which part a page came from.
 */
async function partOfPage(index: LoadedIndex): Promise<Map<string, number>> {
  const lists = await Promise.all(
    index.parts.slice(0, index.merged).map((part) => {
      let ids = pagesOfPart.get(part.id);
      if (!ids) {
        ids = fetch(`${siteBase}pagefind/${part.id}/pages.json`).then((response) => (response.ok ? (response.json() as Promise<string[]>) : []));
        pagesOfPart.set(part.id, ids);
      }
      return ids;
    }),
  );
  const map = new Map<string, number>();
  lists.forEach((ids, position) => ids.forEach((id) => map.set(id, position)));
  return map;
}

/**
 * Search over the archive of one language: stock Pagefind for words in other
 * scripts, and for Arabic-script words every written form of the archive that
 * shares the word's keys (see src/search), merged and ranked so exact
 * matches come first.
 */
export class ArchiveSearch {
  readonly #language: string;
  readonly #shards = new Map<string, Promise<VocabularyShard>>();

  constructor(language: string) {
    this.#language = language;
  }

  #shardList: Promise<Set<string>> | undefined;

  /** The shards that exist (search-vocab/<lang>/shards.json), so no lookup asks for a missing file. */
  #availableShards(): Promise<Set<string>> {
    this.#shardList ??= fetch(`${siteBase}search-vocab/${this.#language}/shards.json`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [])
      .then((ids) => new Set(ids));
    return this.#shardList;
  }

  #shard(shardId: string): Promise<VocabularyShard> {
    let shard = this.#shards.get(shardId);
    if (!shard) {
      const url = `${siteBase}search-vocab/${this.#language}/${shardId}.json`;
      // A missing shard just means no archive word starts that way.
      shard = fetch(url)
        .then((response) => (response.ok ? (response.json() as Promise<VocabularyShard>) : {}))
        .catch(() => ({}));
      this.#shards.set(shardId, shard);
    }
    return shard;
  }

  async #formsOf(word: string, limit?: number): Promise<{ candidates: FormCandidate[]; known: boolean }> {
    if (!isKeyedWord(word)) return { candidates: expandWord(word, () => undefined, limit), known: true };
    const keys = keysOf(word);
    const available = await this.#availableShards();
    const shards = await Promise.all(
      keys.map((key): Promise<VocabularyShard> | VocabularyShard =>
        available.has(shardIdForKey(key)) ? this.#shard(shardIdForKey(key)) : {},
      ),
    );
    const byKey = new Map(keys.map((key, index) => [key, shards[index]?.[key]]));
    const lookup = (key: string) => byKey.get(key);
    return { candidates: expandWord(word, lookup, limit), known: isKnownWord(word, lookup) };
  }

  /**
   * Every page the filters select, newest first. Pagefind sorts each part by
   * date and scores a page by its place in its part; the parts themselves
   * are periods, newest first, so (part, place) is the archive's date order.
   */
  async #newestFirst(index: LoadedIndex, filters: PagefindFilters): Promise<PagefindResult[]> {
    const [found, partOf] = await Promise.all([index.pagefind.search(null, { filters, sort: { date: 'desc' } }), partOfPage(index)]);
    const part = (result: PagefindResult) => partOf.get(result.id) ?? Infinity;
    return [...(found?.results ?? [])].sort((a, b) => part(a) - part(b) || b.score - a.score);
  }

  /**
   * Searches; when the index fails (a deploy replaced it under this page), the
   * new index is loaded and the search asked once more, without the reader's help.
   */
  async search(query: string, options: ArchiveSearchOptions = {}): Promise<ArchiveSearchResult> {
    try {
      return await this.#search(query, options);
    } catch (error) {
      console.warn('Arshif: the search index failed; loading it afresh', error);
      await forgetIndex();
      return this.#search(query, options);
    }
  }

  /** Merges the parts a first search left out, so the next searches cover the whole archive. */
  async searchEverything(): Promise<void> {
    await completeIndex(await loadIndex(this.#language));
  }

  async #search(query: string, options: ArchiveSearchOptions): Promise<ArchiveSearchResult> {
    const index = await loadIndex(this.#language);
    // A filter asks about the whole archive (a year may be in any part), and so
    // does a search that found nothing in the newest parts.
    const filtered = Object.values(options.filters ?? {}).some((values) => values.length > 0);
    if (filtered) await completeIndex(index);
    else if (index.complete) await index.complete;
    const found = await this.#searchIndex(index, query, options);
    if (found.pages.length > 0 || index.merged >= index.parts.length || parseQuery(query).words.length === 0) return { ...found, coverage: coverageOf(index) };
    await completeIndex(index);
    return { ...(await this.#searchIndex(index, query, options)), coverage: coverageOf(index) };
  }

  async #searchIndex(
    index: LoadedIndex,
    query: string,
    { filters = {}, order = 'relevance' }: ArchiveSearchOptions,
  ): Promise<Omit<ArchiveSearchResult, 'coverage'>> {
    const { pagefind } = index;
    const parsed = parseQuery(query);
    const words = parsed.words;
    if (words.length === 0) {
      // No words but filters: browse everything the filters select, newest first.
      if (!Object.values(filters).some((values) => values.length > 0)) return { pages: [], forms: [] };
      const found = await this.#newestFirst(index, filters);
      return { pages: found.map((result) => ({ pageId: result.id, tier: 0, score: 0, ref: result })), forms: [] };
    }

    let pages: RankedPage<PagefindResult>[];
    let forms: string[];
    let loaded: Map<string, PagefindResultData> | undefined;
    let stemRelativesOnly = false;
    let filterCounts: ArchiveSearchResult['filterCounts'];
    if (!words.some(needsExpansion)) {
      // Nothing to expand: exactly what stock Pagefind does, so no loss on English
      // (quoted phrases included: Pagefind matches them itself).
      // A query longer than the cap is cut to its first words, for Pagefind too.
      const found = (await pagefind.search(splitWords(query).length > words.length ? words.join(' ') : query, { filters })) as
        | { results: PagefindResult[]; filters?: Record<string, Record<string, number>>; totalFilters?: Record<string, Record<string, number>> }
        | null;
      pages = (found?.results ?? []).map((result) => ({ pageId: result.id, tier: 0, score: result.score, ref: result }));
      forms = words;
      // Pagefind counts only once its filter index is loaded (an empty object before): unknown then.
      const counted = found?.totalFilters ?? found?.filters;
      filterCounts = counted && Object.keys(counted).length ? counted : undefined;
    } else {
      const share = formsPerWord(words.length);
      const expanded = await Promise.all(words.map((word) => this.#formsOf(word, share)));
      const expansions = expanded.map(({ candidates }) => candidates);
      // A word the archive lacks in every form: likely a typo, for "did you mean" (results are not checked).
      const unknownWord = expanded.some(({ known }) => !known);
      const searchForms = async (candidates: { form: string; tier: 0 | 1 | 2 }[]) => {
        const perForm = await Promise.all(
          candidates.map(async ({ form, tier }) => {
            const found = await pagefind.search(form, { filters });
            return (found?.results ?? []).map(
              (result): WordMatch<PagefindResult> => ({ pageId: result.id, score: result.score, tier, ref: result }),
            );
          }),
        );
        return perForm.flat();
      };
      const used = new Set<string>();
      const matchesPerWord = await Promise.all(
        expansions.map(async (candidates) => {
          // Relatives through a shorter stem (tier 2) are asked for only when the
          // word itself and its proclitic forms match nothing: each form can cost
          // an index chunk of its own.
          const close = candidates.filter((candidate) => candidate.tier < 2);
          let matches = await searchForms(close);
          let asked = close;
          if (matches.length === 0) {
            asked = candidates.filter((candidate) => candidate.tier === 2);
            matches = await searchForms(asked);
          }
          for (const { form } of asked) used.add(form);
          return matches;
        }),
      );
      forms = [...used];
      pages = rankPages(matchesPerWord);
      if (unknownWord) stemRelativesOnly = pages.length > 0;
      else if (order !== 'date') ({ pages, loaded, stemRelativesOnly } = await verifiedByText(pages, parsed));
    }

    if (order === 'date') {
      // The whole archive newest first, restricted to our matches.
      const sorted = await this.#newestFirst(index, filters);
      const position = new Map(sorted.map((result, index) => [result.id, index]));
      pages = [...pages].sort(
        (a, b) => (position.get(a.pageId) ?? Infinity) - (position.get(b.pageId) ?? Infinity),
      );
    }
    return { pages, forms, words, loaded, filterCounts, stemRelativesOnly };
  }

  /**
   * "Did you mean": the query with each word that is not in the archive
   * replaced by the archive's closest spelling, or undefined when no word
   * could be corrected. Reads at most six small files per word (spelling.ts),
   * for at most MAX_CORRECTED_WORDS words.
   */
  async suggest(query: string): Promise<string | undefined> {
    const words = parseQuery(query).words.slice(0, MAX_CORRECTED_WORDS);
    const available = await this.#spellingShardList();
    let changed = false;
    const corrected = await Promise.all(
      words.map(async (word) => {
        const shards = await Promise.all(spellingShardsFor(word).filter((id) => available.has(id)).map((id) => this.#spellingShard(id)));
        const suggestion = suggestSpelling(word, shards);
        if (suggestion) changed = true;
        return suggestion ?? word;
      }),
    );
    return changed ? corrected.join(' ') : undefined;
  }

  #spellingList: Promise<Set<string>> | undefined;
  readonly #spellingShards = new Map<string, Promise<SpellingShard>>();

  #spellingShardList(): Promise<Set<string>> {
    this.#spellingList ??= fetch(`${siteBase}search-vocab/${this.#language}/spelling/shards.json`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => [])
      .then((ids) => new Set(ids));
    return this.#spellingList;
  }

  #spellingShard(id: string): Promise<SpellingShard> {
    let shard = this.#spellingShards.get(id);
    if (!shard) {
      shard = fetch(`${siteBase}search-vocab/${this.#language}/spelling/${id}.json`)
        .then((response) => (response.ok ? (response.json() as Promise<SpellingShard>) : []))
        .catch(() => []);
      this.#spellingShards.set(id, shard);
    }
    return shard;
  }

  /** Every tag and year with its count, over the whole archive (the older parts are merged first). */
  async filters(): Promise<Record<string, Record<string, number>>> {
    const index = await loadIndex(this.#language);
    await completeIndex(index);
    return index.pagefind.filters();
  }
}

// ——— Relevance by the results' own text, "did you mean" and the other
// language (issue 15). Kept apart from the index loading above. ———

/** Words of a query that "did you mean" corrects at most (each costs up to six small files). */
const MAX_CORRECTED_WORDS = 4;

/**
 * Results whose text is loaded and checked after Pagefind ranked them: a
 * screenful and one more, so a page holding the typed word can climb above
 * pages that matched only through Pagefind's stemmer; more when the query
 * holds a quoted phrase, whose pages are kept only when the text has it.
 */
const VERIFIED_RESULTS = 16;
const VERIFIED_RESULTS_WITH_PHRASE = 40;

async function verifiedByText(
  pages: RankedPage<PagefindResult>[],
  query: ParsedQuery,
): Promise<{ pages: RankedPage<PagefindResult>[]; loaded: Map<string, PagefindResultData>; stemRelativesOnly: boolean }> {
  const limit = query.phrases.length ? VERIFIED_RESULTS_WITH_PHRASE : VERIFIED_RESULTS;
  const head = pages.slice(0, limit);
  const settled = await Promise.allSettled(head.map((page) => page.ref.data()));
  const loaded = new Map<string, PagefindResultData>();
  const readable: RankedPage<PagefindResult>[] = [];
  head.forEach((page, index) => {
    const outcome = settled[index]!;
    if (outcome.status === 'fulfilled') {
      loaded.set(page.pageId, outcome.value);
      readable.push(page);
    } else console.warn('Arshif: a search result could not be loaded', outcome.reason);
  });
  const ranked = rankByText(readable, (page) => loaded.get(page.pageId)!.content, query);
  // Beyond the checked ones, a phrase query keeps nothing unchecked: its count stays honest.
  const stemRelativesOnly = ranked.length > 0 && !ranked.some((page) => holdsEveryWord(loaded.get(page.pageId)!.content, query.words));
  return { pages: [...ranked, ...(query.phrases.length ? [] : pages.slice(limit))], loaded, stemRelativesOnly };
}

/** The archive's other languages (those with a search index), in the index list's order. */
export async function otherLanguages(): Promise<string[]> {
  return Object.keys(await partsList()).filter((language) => language !== document.documentElement.lang);
}
