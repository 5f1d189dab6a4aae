import { ArchiveSearch, type ArchiveSearchOptions } from './engine.ts';
import { fill, renderResult, type SearchMessages } from './render.ts';
import { preferExactMatches } from '../../lib/search/expand-query.ts';

/** Results shown per page of the list; more load on request. */
const PAGE_SIZE = 10;

/**
 * Runs queries and shows their results in a status line and a list, dropping
 * answers to queries the reader has already typed past.
 */
export class ResultsView {
  readonly #search: ArchiveSearch;
  readonly #status: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #messages: SearchMessages;
  readonly #headingLevel: 2 | 3;
  #latest = 0;

  /** `headingLevel`: results are h2 under the search page's h1, h3 under the dialog's h2. */
  constructor(status: HTMLElement, list: HTMLOListElement, messages: SearchMessages, headingLevel: 2 | 3) {
    this.#headingLevel = headingLevel;
    this.#search = new ArchiveSearch(document.documentElement.lang);
    this.#status = status;
    this.#list = list;
    this.#messages = messages;
  }

  get search(): ArchiveSearch {
    return this.#search;
  }

  clear(): void {
    this.#latest++;
    this.#status.textContent = '';
    this.#list.replaceChildren();
  }

  async show(query: string, options: ArchiveSearchOptions = {}, limit = PAGE_SIZE): Promise<number> {
    const ticket = ++this.#latest;
    const trimmed = query.trim();
    const hasFilters = Object.values(options.filters ?? {}).some((values) => values.length > 0);
    if (!trimmed && !hasFilters) {
      this.clear();
      return 0;
    }
    this.#status.textContent = this.#messages.searching;
    try {
      const { pages, forms } = await this.#search.search(trimmed, options);
      const loaded = await Promise.all(pages.slice(0, limit).map((page) => page.ref.data()));
      const data = options.order === 'date' ? loaded : preferExactMatches(loaded, (result) => result.content, trimmed);
      if (ticket !== this.#latest) return pages.length;
      const count = new Intl.NumberFormat(this.#messages.numberLocale).format(pages.length);
      this.#status.textContent = pages.length
        ? fill(this.#messages.resultCount, { count })
        : `${fill(this.#messages.noResults, { query: trimmed })} ${this.#messages.noResultsHint}`;
      this.#list.replaceChildren(...data.map((result) => renderResult(result, forms, this.#messages, this.#headingLevel)));
      // Which query the list now answers: lets tests (and styles) tell stale lists from fresh ones.
      this.#list.dataset.query = trimmed;
      return pages.length;
    } catch (error) {
      console.error('Arshif: search failed', error);
      if (ticket === this.#latest) this.#status.textContent = this.#messages.unavailable;
      return 0;
    }
  }
}
