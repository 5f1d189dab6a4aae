import { expandWord, formsPerWord, isKnownWord, needsExpansion, rankPages, type FormCandidate, type RankedPage, type WordMatch } from '../../lib/search/expand-query.ts';
import { isArabicScriptWord, splitWords, wordKeys } from '../../lib/search/arabic-script.ts';
import { shardIdForKey, type VocabularyShard } from '../../lib/search/vocabulary.ts';
import { holdsEveryWord, parseQuery, rankByText, type ParsedQuery } from '../../lib/search/relevance.ts';
import { spellingShardsFor, suggestSpelling, type SpellingShard } from '../../lib/search/spelling.ts';
import type { PagefindFilters, PagefindModule, PagefindResult, PagefindResultData } from './pagefind-types.ts';

export interface ArchiveSearchOptions {
  filters?: PagefindFilters;
  /** 'relevance' (default) or newest first. */
  order?: 'relevance' | 'date';
}

export interface ArchiveSearchResult {
  pages: RankedPage<PagefindResult>[];
  /** The archive's written forms that were looked up, for highlighting on the article. */
  forms: string[];
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

let pagefindPromise: Promise<PagefindModule> | undefined;

let partsPromise: Promise<string[]> | undefined;

/** This locale's index parts, newest first (dist/pagefind/parts.json). */
function searchParts(language: string): Promise<string[]> {
  partsPromise ??= (async () => {
    const response = await fetch(`${siteBase}pagefind/parts.json`);
    if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
    const parts = ((await response.json()) as Record<string, string[]>)[language] ?? [];
    if (!parts.length) throw new Error(`no search index for ${language}`);
    return parts;
  })();
  return partsPromise;
}

/**
 * Pagefind's runtime lives in dist/pagefind/, outside the bundle, under the
 * site's base. The index of a locale comes in parts (newest first; see
 * src/lib/search/index-parts.ts): the newest part's runtime is loaded and the
 * older parts are merged into it, so one search covers them all with one copy
 * of Pagefind's WebAssembly.
 */
export function loadPagefind(language = document.documentElement.lang): Promise<PagefindModule> {
  pagefindPromise ??= (async () => {
    const [primary, ...others] = await searchParts(language);
    const pagefind = (await import(/* @vite-ignore */ `${siteBase}pagefind/${primary}/pagefind.js`)) as PagefindModule;
    await pagefind.options({ baseUrl: siteBase });
    await pagefind.init();
    // A part that cannot be read (a deploy removed it under an old page) leaves the others searchable.
    await Promise.all(
      others.map((part) =>
        pagefind.mergeIndex(`${siteBase}pagefind/${part}/`, { baseUrl: siteBase }).catch((error: unknown) => console.warn(`Arshif: index part ${part} left out`, error)),
      ),
    );
    return pagefind;
  })();
  return pagefindPromise;
}

/**
 * Forgets the loaded index, so the next search reads parts.json afresh: after
 * a deploy, an open page's index can point at files the host no longer has.
 */
async function forgetIndex(): Promise<void> {
  const loaded = pagefindPromise;
  pagefindPromise = undefined;
  partsPromise = undefined;
  partOfPagePromise = undefined;
  await (await loaded?.catch(() => undefined))?.destroy();
}

let partOfPagePromise: Promise<Map<string, number>> | undefined;

/**
 * Which part each page is in (dist/pagefind/<part>/pages.json, written at
 * build time), loaded only to order by date: Pagefind sorts each part by date
 * on its own, and its merged results do not say which part a page came from.
 */
function partOfPage(language: string): Promise<Map<string, number>> {
  partOfPagePromise ??= (async () => {
    const parts = await searchParts(language);
    const lists = await Promise.all(
      parts.map(async (part) => {
        const response = await fetch(`${siteBase}pagefind/${part}/pages.json`);
        return response.ok ? ((await response.json()) as string[]) : [];
      }),
    );
    const map = new Map<string, number>();
    lists.forEach((ids, index) => ids.forEach((id) => map.set(id, index)));
    return map;
  })();
  return partOfPagePromise;
}

/**
 * Search over the archive of one language: stock Pagefind for words in other
 * scripts, and for Arabic-script words every written form of the archive that
 * shares the word's keys (see src/lib/search), merged and ranked so exact
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
    if (!isArabicScriptWord(word)) return { candidates: expandWord(word, () => undefined, limit), known: true };
    const keys = wordKeys(word);
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
  async #newestFirst(filters: PagefindFilters): Promise<PagefindResult[]> {
    const pagefind = await this.#pagefind();
    const [found, partOf] = await Promise.all([pagefind.search(null, { filters, sort: { date: 'desc' } }), partOfPage(this.#language)]);
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

  async #search(query: string, { filters = {}, order = 'relevance' }: ArchiveSearchOptions = {}): Promise<ArchiveSearchResult> {
    const pagefind = await this.#pagefind();
    const parsed = parseQuery(query);
    const words = parsed.words;
    if (words.length === 0) {
      // No words but filters: browse everything the filters select, newest first.
      if (!Object.values(filters).some((values) => values.length > 0)) return { pages: [], forms: [] };
      const found = await this.#newestFirst(filters);
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
      const sorted = await this.#newestFirst(filters);
      const position = new Map(sorted.map((result, index) => [result.id, index]));
      pages = [...pages].sort(
        (a, b) => (position.get(a.pageId) ?? Infinity) - (position.get(b.pageId) ?? Infinity),
      );
    }
    return { pages, forms, words, loaded, filterCounts, stemRelativesOnly };
  }

  /** This language's Pagefind: the page's own, or another locale's (offered when nothing is found). */
  #pagefind(): Promise<PagefindModule> {
    return this.#language === document.documentElement.lang ? loadPagefind() : loadOtherLanguage(this.#language);
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

  async filters(): Promise<Record<string, Record<string, number>>> {
    const pagefind = await this.#pagefind();
    return pagefind.filters();
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

const otherPagefinds = new Map<string, Promise<PagefindModule>>();

/**
 * Another locale's index, for offering its results when the page's own
 * language finds nothing. Its own copy of Pagefind's runtime (a module URL
 * of its own), loaded only then.
 */
function loadOtherLanguage(language: string): Promise<PagefindModule> {
  let loading = otherPagefinds.get(language);
  if (!loading) {
    loading = (async () => {
      const [primary, ...others] = await partsOf(language);
      const pagefind = (await import(/* @vite-ignore */ `${siteBase}pagefind/${primary}/pagefind.js`)) as PagefindModule;
      await pagefind.options({ baseUrl: siteBase });
      await pagefind.init();
      await Promise.all(others.map((part) => pagefind.mergeIndex(`${siteBase}pagefind/${part}/`, { baseUrl: siteBase }).catch(() => undefined)));
      return pagefind;
    })();
    otherPagefinds.set(language, loading);
  }
  return loading;
}

let allPartsPromise: Promise<Record<string, string[]>> | undefined;

function allParts(): Promise<Record<string, string[]>> {
  allPartsPromise ??= fetch(`${siteBase}pagefind/parts.json`).then((response) => {
    if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
    return response.json() as Promise<Record<string, string[]>>;
  });
  return allPartsPromise;
}

async function partsOf(language: string): Promise<string[]> {
  const parts = (await allParts())[language] ?? [];
  if (!parts.length) throw new Error(`no search index for ${language}`);
  return parts;
}

/** The archive's other languages (those with a search index), in the index list's order. */
export async function otherLanguages(): Promise<string[]> {
  return Object.keys(await allParts()).filter((language) => language !== document.documentElement.lang);
}
