import { expandWord, needsExpansion, rankPages, type RankedPage, type WordMatch } from '../../lib/search/expand-query.ts';
import { isArabicScriptWord, queryWords, splitWords, wordKeys } from '../../lib/search/arabic-script.ts';
import { shardIdForKey, type VocabularyShard } from '../../lib/search/vocabulary.ts';
import type { PagefindFilters, PagefindModule, PagefindResult } from './pagefind-types.ts';

export interface ArchiveSearchOptions {
  filters?: PagefindFilters;
  /** 'relevance' (default) or newest first. */
  order?: 'relevance' | 'date';
}

export interface ArchiveSearchResult {
  pages: RankedPage<PagefindResult>[];
  /** The archive's written forms that were looked up, for highlighting on the article. */
  forms: string[];
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

  async #formsOf(word: string) {
    if (!isArabicScriptWord(word)) return expandWord(word, () => undefined);
    const keys = wordKeys(word);
    const available = await this.#availableShards();
    const shards = await Promise.all(
      keys.map((key): Promise<VocabularyShard> | VocabularyShard =>
        available.has(shardIdForKey(key)) ? this.#shard(shardIdForKey(key)) : {},
      ),
    );
    const byKey = new Map(keys.map((key, index) => [key, shards[index]?.[key]]));
    return expandWord(word, (key) => byKey.get(key));
  }

  /**
   * Every page the filters select, newest first. Pagefind sorts each part by
   * date and scores a page by its place in its part; the parts themselves
   * are periods, newest first, so (part, place) is the archive's date order.
   */
  async #newestFirst(filters: PagefindFilters): Promise<PagefindResult[]> {
    const pagefind = await loadPagefind();
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
    const pagefind = await loadPagefind();
    const words = queryWords(query);
    if (words.length === 0) {
      // No words but filters: browse everything the filters select, newest first.
      if (!Object.values(filters).some((values) => values.length > 0)) return { pages: [], forms: [] };
      const found = await this.#newestFirst(filters);
      return { pages: found.map((result) => ({ pageId: result.id, tier: 0, score: 0, ref: result })), forms: [] };
    }

    let pages: RankedPage<PagefindResult>[];
    let forms: string[];
    if (!words.some(needsExpansion)) {
      // Nothing to expand: exactly what stock Pagefind does, so no loss on English.
      // A query longer than the cap is cut to its first words, for Pagefind too.
      const found = await pagefind.search(splitWords(query).length > words.length ? words.join(' ') : query, { filters });
      pages = (found?.results ?? []).map((result) => ({ pageId: result.id, tier: 0, score: result.score, ref: result }));
      forms = words;
    } else {
      const expansions = await Promise.all(words.map((word) => this.#formsOf(word)));
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
    }

    if (order === 'date') {
      // The whole archive newest first, restricted to our matches.
      const sorted = await this.#newestFirst(filters);
      const position = new Map(sorted.map((result, index) => [result.id, index]));
      pages = [...pages].sort(
        (a, b) => (position.get(a.pageId) ?? Infinity) - (position.get(b.pageId) ?? Infinity),
      );
    }
    return { pages, forms };
  }

  async filters(): Promise<Record<string, Record<string, number>>> {
    const pagefind = await loadPagefind();
    return pagefind.filters();
  }
}
