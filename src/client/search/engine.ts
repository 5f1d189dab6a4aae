import { parseQuery } from '../../search/relevance.ts';
import { completeIndex, coverageOf, forgetIndex, loadIndex } from './index-parts-loader.ts';
import { searchIndex, suggestCorrection, type ArchiveSearchOptions, type ArchiveSearchResult } from './query.ts';
import { VocabularyFiles } from './vocabulary-files.ts';
import { siteUnreachable } from './offline-detection.ts';
import type { OfflineSearch } from './offline-search.ts';

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
  #offlineSearch: Promise<OfflineSearch> | undefined;
  #indexReadOffline = false;

  constructor(language: string) {
    this.#language = language;
    this.#vocabulary = new VocabularyFiles(language);
  }

  /**
   * Searches; when the index fails (a deploy replaced it under this page), the
   * new index is loaded and the search asked once more, without the reader's
   * help. When the site cannot be reached, the articles kept on this device
   * are searched instead.
   */
  async search(query: string, options: ArchiveSearchOptions = {}): Promise<ArchiveSearchResult> {
    // Asked beside every search, not after a failure: offline, Pagefind answers
    // from whichever of its files happen to be cached, without failing.
    const unreachable = siteUnreachable();
    // A search run offline may have left the index half read (a part left out, a
    // failed list kept): the index is read afresh for the next one.
    if (this.#indexReadOffline) {
      this.#indexReadOffline = false;
      await forgetIndex();
    }
    const online = this.#search(query, options);
    // Settled below, or left: offline, its answer is not the one shown.
    online.catch(() => undefined);
    if (await unreachable) {
      this.#indexReadOffline = true;
      return (await this.#offline()).search(query, options);
    }
    try {
      return await online;
    } catch (error) {
      console.warn('Arshif: the search index failed; loading it afresh', error);
      await forgetIndex();
      return this.#search(query, options);
    }
  }

  /**
   * Offline, the articles kept on this device are searched instead of the
   * index (offline-search.ts); its code loads only then.
   */
  #offline(): Promise<OfflineSearch> {
    this.#offlineSearch ??= import('./offline-search.ts').then(({ OfflineSearch }) => new OfflineSearch(this.#language));
    return this.#offlineSearch;
  }

  /** Merges the parts a first search left out, so the next searches cover the whole archive. */
  async searchEverything(): Promise<void> {
    if (await siteUnreachable()) return;
    await completeIndex(await loadIndex(this.#language));
  }

  async #search(query: string, options: ArchiveSearchOptions): Promise<ArchiveSearchResult> {
    const index = await loadIndex(this.#language);
    // A filter asks about the whole archive (a year may be in any part), and so
    // does a search that found nothing in the newest parts, or no page holding every word.
    const filtered = Object.values(options.filters ?? {}).some((values) => values.length > 0);
    if (filtered) await completeIndex(index);
    else if (index.complete) await index.complete;
    // Whether this search covers every part is known only now, before it runs:
    // another search may begin merging the older parts while this one reads.
    const coveredEverything = index.allMerged;
    const found = await searchIndex(index, this.#vocabulary, query, options);
    // Closest matches only (no page holds every word) are not an answer yet: the older parts may hold one.
    const answered = found.pages.length > 0 && !found.missingWords;
    if (answered || coveredEverything || parseQuery(query).words.length === 0) return { ...found, coverage: coverageOf(index) };
    await completeIndex(index);
    return { ...(await searchIndex(index, this.#vocabulary, query, options)), coverage: coverageOf(index) };
  }

  /** "Did you mean" (query.ts: suggestCorrection). */
  async suggest(query: string): Promise<string | undefined> {
    // Offline the vocabulary is the whole archive's: its spelling could lead only to articles not kept here.
    if (await siteUnreachable()) return undefined;
    return suggestCorrection(this.#vocabulary, query);
  }

  /** Every tag and year with its count, over the whole archive (the older parts are merged first). */
  async filters(): Promise<Record<string, Record<string, number>>> {
    if (await siteUnreachable()) return (await this.#offline()).filters();
    const index = await loadIndex(this.#language);
    await completeIndex(index);
    return index.pagefind.filters();
  }
}
