import { needsExpansion } from '../../search/expand-query.ts';
import { rankByWordsHeld, wordsLacked, type RankedMatch } from '../../search/ranking.ts';
import { retrieve } from '../../search/retrieval.ts';
import { holdsEveryWord, parseQuery, rankByText, VERIFIED_RESULTS, VERIFIED_RESULTS_WITH_PHRASE, type ParsedQuery } from '../../search/relevance.ts';
import { suggestSpelling } from '../../search/spelling.ts';
import { splitWords } from '../../search/words.ts';
import { partOfPage, type LoadedIndex, type SearchCoverage } from './index-parts-loader.ts';
import type { PagefindFilters, PagefindResult, PagefindResultData } from './pagefind-types.ts';
import type { VocabularyFiles } from './vocabulary-files.ts';

export interface ArchiveSearchOptions {
  filters?: PagefindFilters;
  /** 'relevance' (default) or newest first. */
  order?: 'relevance' | 'date';
}

export interface ArchiveSearchResult {
  pages: RankedMatch<PagefindResult>[];
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
  /** The words the first result lacks: no page holds every word, and these are the closest. */
  missingWords?: string[];
  /** The query as the first result answers it, when another spelling or a correction of a typed word found it. */
  answeredAs?: string;
  /** True when the index could not be reached and only the articles kept on this device were searched. */
  offline?: boolean;
}

/**
 * Every page the filters select, newest first. Pagefind sorts each part by
 * date and scores a page by its place in its part; the parts themselves
 * are periods, newest first, so (part, place) is the archive's date order.
 */
async function newestFirst(index: LoadedIndex, filters: PagefindFilters): Promise<PagefindResult[]> {
  const [found, partOf] = await Promise.all([index.pagefind.search(null, { filters, sort: { date: 'desc' } }), partOfPage(index)]);
  const part = (result: PagefindResult) => partOf.get(result.id) ?? Infinity;
  return [...(found?.results ?? [])].sort((a, b) => part(a) - part(b) || b.score - a.score);
}

/**
 * One query over the index as merged so far (index-parts-loader.ts): stock
 * Pagefind for words no script's keying owns, and for keyed words (Arabic
 * script, Hebrew) every written form of the archive that shares the word's
 * keys (src/search), merged and ranked so exact matches come first, then
 * checked against the results' own text.
 */
export async function searchIndex(
  index: LoadedIndex,
  vocabulary: VocabularyFiles,
  query: string,
  { filters = {}, order = 'relevance' }: ArchiveSearchOptions,
): Promise<Omit<ArchiveSearchResult, 'coverage'>> {
  const { pagefind } = index;
  const parsed = parseQuery(query);
  const words = parsed.words;
  if (words.length === 0) {
    // No words but filters: browse everything the filters select, newest first.
    if (!Object.values(filters).some((values) => values.length > 0)) return { pages: [], forms: [] };
    const found = await newestFirst(index, filters);
    return { pages: found.map((result) => ({ pageId: result.id, tier: 0, score: 0, ref: result, missing: [], matchedForms: [], stemmedOnly: [] })), forms: [] };
  }

  let pages: RankedMatch<PagefindResult>[];
  let forms: string[];
  let loaded: Map<string, PagefindResultData> | undefined;
  let stemRelativesOnly = false;
  let filterCounts: ArchiveSearchResult['filterCounts'];
  let answeredAs: string | undefined;
  if (!words.some(needsExpansion)) {
    // Nothing to expand: exactly what stock Pagefind does, so no loss on English
    // (quoted phrases included: Pagefind matches them itself).
    // A query longer than the cap is cut to its first words, for Pagefind too.
    const found = (await pagefind.search(splitWords(query).length > words.length ? words.join(' ') : query, { filters })) as {
      results: PagefindResult[];
      filters?: Record<string, Record<string, number>>;
      totalFilters?: Record<string, Record<string, number>>;
    } | null;
    pages = (found?.results ?? []).map((result) => ({
      pageId: result.id,
      tier: 0,
      score: result.score,
      ref: result,
      missing: [],
      matchedForms: words,
      stemmedOnly: [],
    }));
    forms = words;
    if (pages.length === 0 && words.length > 1 && !parsed.phrases.length) {
      // Pagefind wants every word: the pages holding most of them instead, each word asked alone.
      const perWord = await Promise.all(
        words.map(async (word) =>
          ((await pagefind.search(word, { filters }))?.results ?? []).map((result) => ({
            pageId: result.id,
            score: result.score,
            cost: 0,
            form: word,
            ref: result,
          })),
        ),
      );
      pages = rankByWordsHeld(words, perWord);
    }
    // Pagefind counts only once its filter index is loaded (an empty object before): unknown then.
    const counted = found?.totalFilters ?? found?.filters;
    filterCounts = counted && Object.keys(counted).length ? counted : undefined;
  } else {
    const retrieved = await retrieve<PagefindResult>(
      {
        formsOf: (word, limit) => vocabulary.formsOf(word, limit),
        searchForm: async (form) =>
          ((await pagefind.search(form, { filters }))?.results ?? []).map((result) => ({ pageId: result.id, score: result.score, ref: result })),
        variantsOf: (word) => vocabulary.variantsOf(word),
        spellingShardsOf: (asked) => vocabulary.spellingShardsOf(asked),
      },
      parsed,
    );
    forms = retrieved.forms;
    pages = retrieved.pages;
    answeredAs = retrieved.answeredAs;
    if (retrieved.unknownWord && !retrieved.widened) stemRelativesOnly = pages.length > 0;
    else if (order !== 'date') ({ pages, loaded, stemRelativesOnly } = await verifiedByText(pages, parsed));
    // A widened query has already asked for every correction and other spelling: nothing is left for "did you mean".
    if (retrieved.widened) stemRelativesOnly = false;
  }

  if (order === 'date') {
    // The whole archive newest first, restricted to our matches.
    const sorted = await newestFirst(index, filters);
    const position = new Map(sorted.map((result, index) => [result.id, index]));
    // Pages holding more of the words still come first; within them, newest first.
    pages = [...pages].sort((a, b) => wordsLacked(a) - wordsLacked(b) || (position.get(a.pageId) ?? Infinity) - (position.get(b.pageId) ?? Infinity));
  }
  return { pages, forms, words, loaded, filterCounts, stemRelativesOnly, answeredAs, missingWords: pages[0]?.missing.length ? pages[0].missing : undefined };
}

/** Words of a query that "did you mean" corrects at most (each costs up to six small files). */
const MAX_CORRECTED_WORDS = 4;

/**
 * "Did you mean": the query with each word that is not in the archive
 * replaced by the archive's closest spelling, or undefined when no word
 * could be corrected. Reads at most six small files per word (spelling.ts),
 * for at most MAX_CORRECTED_WORDS words.
 */
export async function suggestCorrection(vocabulary: VocabularyFiles, query: string): Promise<string | undefined> {
  const words = parseQuery(query).words.slice(0, MAX_CORRECTED_WORDS);
  const shardsPerWord = await vocabulary.spellingShardsOf(words);
  let changed = false;
  const corrected = words.map((word, index) => {
    const suggestion = suggestSpelling(word, shardsPerWord[index]!);
    if (suggestion) changed = true;
    return suggestion ?? word;
  });
  return changed ? corrected.join(' ') : undefined;
}

async function verifiedByText(
  pages: RankedMatch<PagefindResult>[],
  query: ParsedQuery,
): Promise<{ pages: RankedMatch<PagefindResult>[]; loaded: Map<string, PagefindResultData>; stemRelativesOnly: boolean }> {
  const limit = query.phrases.length ? VERIFIED_RESULTS_WITH_PHRASE : VERIFIED_RESULTS;
  const head = pages.slice(0, limit);
  const settled = await Promise.allSettled(head.map((page) => page.ref.data()));
  const loaded = new Map<string, PagefindResultData>();
  const readable: RankedMatch<PagefindResult>[] = [];
  head.forEach((page, index) => {
    const outcome = settled[index]!;
    if (outcome.status === 'fulfilled') {
      loaded.set(page.pageId, outcome.value);
      readable.push(page);
    } else console.warn('Arshif: a search result could not be loaded', outcome.reason);
  });
  const ranked = rankByText(
    readable,
    (page) => loaded.get(page.pageId)!.content,
    query,
    // A page holding a word only through the index's stemmer stays below one holding a correction of it.
    wordsLacked,
  );
  // Beyond the checked ones, a phrase query keeps nothing unchecked: its count stays honest.
  const stemRelativesOnly = ranked.length > 0 && !ranked.some((page) => holdsEveryWord(loaded.get(page.pageId)!.content, query.words));
  return { pages: [...ranked, ...(query.phrases.length ? [] : pages.slice(limit))], loaded, stemRelativesOnly };
}
