import type { RankedMatch } from '../../search/ranking.ts';
import { isKeyedWord } from '../../search/keying/registry.ts';
import { containsPhrase, holdsEveryWord, matchTier, parseQuery, rankByText } from '../../search/relevance.ts';
import { splitWords } from '../../search/words.ts';
import { keptPages, type KeptArticle, type KeptPage } from '../offline-pages.ts';
import type { PagefindFilters, PagefindResult, PagefindResultData } from './pagefind-types.ts';
import type { ArchiveSearchOptions, ArchiveSearchResult } from './query.ts';
import { siteBase } from './site-base.ts';

type KeptArticlePage = KeptPage & { article: KeptArticle };

/** Forms sent to the article for highlighting, at most (they travel in its URL). */
const MAX_FORMS = 40;

const WORD_CORE = /[\p{L}\p{M}\p{N}]+/u;

/** The article's value for a filter (tag, year). */
function valuesOf(page: KeptArticlePage, filter: string): string[] {
  if (filter === 'tag') return page.article.tags;
  if (filter === 'year') return page.article.year ? [page.article.year] : [];
  return [];
}

function passes(page: KeptArticlePage, filters: PagefindFilters): boolean {
  return Object.entries(filters).every(([filter, wanted]) => wanted.length === 0 || valuesOf(page, filter).some((value) => wanted.includes(value)));
}

function countValues(pages: readonly KeptArticlePage[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = { tag: {}, year: {} };
  for (const page of pages) {
    for (const filter of ['tag', 'year']) {
      for (const value of valuesOf(page, filter)) counts[filter]![value] = (counts[filter]![value] ?? 0) + 1;
    }
  }
  return counts;
}

const newestFirst = (a: KeptArticlePage, b: KeptArticlePage) => (b.article.date ?? '').localeCompare(a.article.date ?? '');

/**
 * A result as the results view shows it, its data already at hand: nothing
 * is fetched to list it, so every result counted can be shown.
 */
function asResult(page: KeptArticlePage, words: readonly string[]): RankedMatch<PagefindResult> {
  const latinWords = words.filter((word) => !isKeyedWord(word));
  // Where words no script keys matched, counted as Pagefind counts locations (the text split at white space).
  const locations = latinWords.length
    ? page.article.text
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((word, index) => {
          const core = word.match(WORD_CORE)?.[0];
          return core && latinWords.some((query) => matchTier(core, query) !== undefined) ? [index] : [];
        })
    : [];
  const data: PagefindResultData = {
    url: page.url,
    content: page.article.text,
    excerpt: '',
    locations,
    meta: { title: page.title, ...(page.article.date ? { date: page.article.date } : {}) },
    sub_results: [],
  };
  return {
    pageId: page.url,
    tier: 0,
    score: 0,
    ref: { id: page.url, score: 0, words: [], data: () => Promise.resolve(data) },
    missing: [],
    matchedForms: [...words],
    stemmedOnly: [],
  };
}

/** The words of the texts that stand for a query word (matchTier): the archive's own forms, which the article page highlights. */
function matchedForms(pages: readonly KeptArticlePage[], words: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const page of pages) {
    for (const token of new Set(splitWords(page.article.text))) {
      if (words.some((word) => matchTier(token, word) !== undefined)) forms.add(token);
      if (forms.size >= MAX_FORMS) return [...forms];
    }
  }
  return [...forms];
}

/**
 * Search over the articles the service worker keeps on this device, for when
 * the index cannot be fetched. Pagefind offline would answer from whichever
 * of its chunks and fragments happen to be cached — a word of a read article
 * found or not by chance, results counted whose text never arrives — so the
 * kept pages are searched instead, with the same matching the online search
 * checks its results with (relevance.ts: every query word held in some form
 * its script's keying allows, quoted phrases in order), and said to cover
 * only what was read here.
 */
export class OfflineSearch {
  readonly #language: string;

  constructor(language: string) {
    this.#language = language;
  }

  async #articles(): Promise<KeptArticlePage[]> {
    const pages = await keptPages(new URL(siteBase, location.href).href);
    return pages.filter((page): page is KeptArticlePage => page.article !== undefined && page.language === this.#language).sort(newestFirst);
  }

  async search(query: string, { filters = {}, order = 'relevance' }: ArchiveSearchOptions = {}): Promise<ArchiveSearchResult> {
    const articles = await this.#articles();
    const coverage = { searchedPages: articles.length, totalPages: articles.length, complete: true };
    const parsed = parseQuery(query);
    const { words } = parsed;
    const filtered = Object.values(filters).some((values) => values.length > 0);
    if (words.length === 0 && !filtered) return { pages: [], forms: [], coverage, offline: true };
    const holding = words.length
      ? articles.filter((page) => holdsEveryWord(page.article.text, words) && parsed.phrases.every((phrase) => containsPhrase(page.article.text, phrase)))
      : articles;
    // Already newest first: by relevance, pages holding the words as typed come before other forms of them.
    const ranked = order === 'date' || words.length === 0 ? holding : rankByText(holding, (page) => page.article.text, parsed);
    const found = ranked.filter((page) => passes(page, filters));
    const pages = found.map((page) => asResult(page, words));
    return {
      pages,
      forms: matchedForms(found, words),
      words,
      loaded: new Map(await Promise.all(pages.map(async (page) => [page.pageId, await page.ref.data()] as const))),
      filterCounts: countValues(ranked),
      coverage,
      offline: true,
    };
  }

  /** Every tag and year of the kept articles, with their counts. */
  async filters(): Promise<Record<string, Record<string, number>>> {
    return countValues(await this.#articles());
  }
}
