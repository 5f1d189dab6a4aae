import { expandWord, needsExpansion, rankPages, type RankedPage, type WordMatch } from '../../lib/search/expand-query.ts';
import { isArabicScriptWord, splitWords, wordKeys } from '../../lib/search/arabic-script.ts';
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

/** Pagefind's runtime lives in dist/pagefind/, outside the bundle, under the site's base. */
export function loadPagefind(): Promise<PagefindModule> {
  pagefindPromise ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${siteBase}pagefind/pagefind.js`)) as PagefindModule;
    await pagefind.options({ baseUrl: siteBase });
    await pagefind.init();
    return pagefind;
  })();
  return pagefindPromise;
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

  async search(query: string, { filters = {}, order = 'relevance' }: ArchiveSearchOptions = {}): Promise<ArchiveSearchResult> {
    const pagefind = await loadPagefind();
    const words = splitWords(query);
    if (words.length === 0) {
      // No words but filters: browse everything the filters select, newest first.
      if (!Object.values(filters).some((values) => values.length > 0)) return { pages: [], forms: [] };
      const found = await pagefind.search(null, { filters, sort: { date: 'desc' } });
      return { pages: (found?.results ?? []).map((result) => ({ pageId: result.id, tier: 0, score: 0, ref: result })), forms: [] };
    }

    let pages: RankedPage<PagefindResult>[];
    let forms: string[];
    if (!words.some(needsExpansion)) {
      // Nothing to expand: exactly what stock Pagefind does, so no loss on English.
      const found = await pagefind.search(query, { filters });
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
      // Pagefind sorts the whole archive by the date each article declares;
      // that order, restricted to our matches, is newest first.
      const sorted = await pagefind.search(null, { filters, sort: { date: 'desc' } });
      const position = new Map((sorted?.results ?? []).map((result, index) => [result.id, index]));
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
