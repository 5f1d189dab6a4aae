import { parseQuery } from '../../search/relevance.ts';
import { completeIndex, coverageOf, forgetIndex, loadIndex } from './index-parts-loader.ts';
import { searchIndex, suggestCorrection, type ArchiveSearchOptions, type ArchiveSearchResult } from './query.ts';
import { VocabularyFiles } from './vocabulary-files.ts';

export { otherLanguages, type SearchCoverage } from './index-parts-loader.ts';
export type { ArchiveSearchOptions, ArchiveSearchResult } from './query.ts';

/**
 * Search over the archive of one language, as the search page and dialog see
 * it: which parts of the index a search covers and when the older ones are
 * merged (index-parts-loader.ts), the query itself (query.ts), and the
 * vocabulary files both read (vocabulary-files.ts).
 */
export class ArchiveSearch {
  readonly #language: string;
  readonly #vocabulary: VocabularyFiles;

  constructor(language: string) {
    this.#language = language;
    this.#vocabulary = new VocabularyFiles(language);
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
    // Whether this search covers every part is known only now, before it runs:
    // another search may begin merging the older parts while this one reads.
    const coveredEverything = index.allMerged;
    const found = await searchIndex(index, this.#vocabulary, query, options);
    if (found.pages.length > 0 || coveredEverything || parseQuery(query).words.length === 0) return { ...found, coverage: coverageOf(index) };
    await completeIndex(index);
    return { ...(await searchIndex(index, this.#vocabulary, query, options)), coverage: coverageOf(index) };
  }

  /** "Did you mean" (query.ts: suggestCorrection). */
  suggest(query: string): Promise<string | undefined> {
    return suggestCorrection(this.#vocabulary, query);
  }

  /** Every tag and year with its count, over the whole archive (the older parts are merged first). */
  async filters(): Promise<Record<string, Record<string, number>>> {
    const index = await loadIndex(this.#language);
    await completeIndex(index);
    return index.pagefind.filters();
  }
}
