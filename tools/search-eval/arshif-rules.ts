import { expandWord, isKnownWord } from '../../src/search/expand-query.ts';
import { foldWord, isKeyedWord, keysWithCertainty } from '../../src/search/keying/registry.ts';
import { transliterationVariantsIn } from '../../src/search/transliteration.ts';
import { parseQuery, rankByText, VERIFIED_RESULTS } from '../../src/search/relevance.ts';
import { wordsLacked } from '../../src/search/ranking.ts';
import { retrieve, type RetrievalBackend } from '../../src/search/retrieval.ts';
import { addSpellingWords, buildSpellingShards, spellingShardsFor } from '../../src/search/spelling.ts';
import { buildVocabularyShards, countArabicScriptWords, shardIdForKey } from '../../src/search/vocabulary.ts';
import { splitWords } from '../../src/search/words.ts';
import type { EvalArticle, SearchEngine } from './engines.ts';

/**
 * Arshif's search rules (src/search/retrieval.ts and what it calls) over an
 * index in memory, as the search page runs them over Pagefind: the same
 * vocabulary and spelling index the build writes, the same expansion,
 * widening, ranking and re-ranking by the results' text. What stands in for
 * Pagefind is a form's exact folded match, scored by its count in the page:
 * Pagefind's own stemmer is not in Node, so figures here leave out what it
 * adds (a stem match of a sound plural, for one).
 */
export interface ArshifRulesOptions {
  /**
   * What the index's stemmer cuts a word to, where a test stands in for
   * Pagefind's: its Arabic stemmer cuts a word the archive lacks to a short
   * stem (الأخدوذ to أخ), and a form is then also matched by the pages
   * holding that stem as a word.
   */
  indexStem?: (word: string) => string | undefined;
}

export function arshifRules(articles: readonly EvalArticle[], { indexStem }: ArshifRulesOptions = {}): SearchEngine {
  const texts = articles.map((article) => `${article.title} ${article.text}`);
  const shards = buildVocabularyShards(countArabicScriptWords(texts));
  const vocabulary = new Map<string, string[]>();
  for (const shard of shards.values()) for (const [key, forms] of Object.entries(shard)) vocabulary.set(key, forms);
  const spelling = buildSpellingShards(texts.reduce((counts, text) => addSpellingWords(counts, text), new Map<string, number>()));
  const fold = (word: string) => (isKeyedWord(word) ? foldWord(word) : word.toLowerCase());
  const postings = new Map<string, Map<number, number>>();
  texts.forEach((text, index) => {
    for (const word of splitWords(text)) {
      const folded = fold(word);
      const pages = postings.get(folded) ?? new Map<number, number>();
      postings.set(folded, pages);
      pages.set(index, (pages.get(index) ?? 0) + 1);
    }
  });
  const lookup = (key: string) => vocabulary.get(key);
  const backend: RetrievalBackend<number> = {
    formsOf: async (word, limit) => ({ candidates: expandWord(word, lookup, limit), known: isKnownWord(word, lookup) }),
    searchForm: async (form) => {
      const stem = indexStem?.(form);
      const pages = new Map(postings.get(fold(form)) ?? []);
      for (const [index, count] of stem === undefined ? [] : (postings.get(fold(stem)) ?? [])) pages.set(index, (pages.get(index) ?? 0) + count);
      return [...pages].map(([index, count]) => ({ pageId: articles[index]!.id, score: count, ref: index }));
    },
    variantsOf: async (word) =>
      isKeyedWord(word)
        ? [
            ...new Set(
              keysWithCertainty(word)
                .filter(({ sure }) => sure)
                .flatMap(({ key }) => transliterationVariantsIn(key, Object.keys(shards.get(shardIdForKey(key)) ?? {}))),
            ),
          ]
        : [],
    spellingShardsOf: async (words) => words.map((word) => spellingShardsFor(word).map((id) => spelling.get(id) ?? [])),
  };
  return {
    name: "Arshif's rules (in memory)",
    async search(query) {
      const parsed = parseQuery(query);
      const { pages } = await retrieve(backend, parsed);
      const head = rankByText(pages.slice(0, VERIFIED_RESULTS), (page) => texts[page.ref]!, parsed, wordsLacked);
      return [...head, ...pages.slice(VERIFIED_RESULTS)].map((page) => page.pageId);
    },
  };
}
