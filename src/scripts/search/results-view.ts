import { ArchiveSearch, type ArchiveSearchOptions, type ArchiveSearchResult, type SearchCoverage } from './engine.ts';
import { fill, renderResult, type SearchMessages } from './render.ts';
import type { PagefindResultData } from './pagefind-types.ts';
import { preferExactMatches } from '../../lib/search/expand-query.ts';

/**
 * Results shown at first, and added by each "more results": every result
 * shown costs a fragment download, so a first search loads only a screenful.
 */
const PAGE_SIZE = 8;

/**
 * The stored data of some results. A result whose fragment cannot be loaded
 * (removed by a deploy since the index was read) is left out; the others show.
 */
async function loadResults(pages: ArchiveSearchResult['pages']): Promise<PagefindResultData[]> {
  const settled = await Promise.allSettled(pages.map((page) => page.ref.data()));
  for (const outcome of settled) if (outcome.status === 'rejected') console.warn('Arshif: a search result could not be loaded', outcome.reason);
  return settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
}

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
  readonly #more: HTMLButtonElement | undefined;
  #latest = 0;
  #current: { result: ArchiveSearchResult; shown: number; ticket: number } | undefined;
  /** The last search asked for, to run again over the whole archive. */
  #asked: { query: string; options: ArchiveSearchOptions; limit: number } | undefined;
  #coverage: HTMLElement | undefined;

  /**
   * `headingLevel`: results are h2 under the search page's h1, h3 under the
   * dialog's h2. `more`: a button that adds the next results, when there is one.
   */
  constructor(status: HTMLElement, list: HTMLOListElement, messages: SearchMessages, headingLevel: 2 | 3, more?: HTMLButtonElement) {
    this.#headingLevel = headingLevel;
    this.#more = more;
    more?.addEventListener('click', () => void this.#showMore());
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
    this.#current = undefined;
    this.#status.textContent = '';
    this.#showCoverage(undefined);
    this.#list.replaceChildren();
    if (this.#more) this.#more.hidden = true;
  }

  async #showMore(): Promise<void> {
    const current = this.#current;
    if (!current || current.ticket !== this.#latest) return;
    const next = current.result.pages.slice(current.shown, current.shown + PAGE_SIZE);
    const data = await loadResults(next);
    if (current.ticket !== this.#latest) return;
    current.shown += next.length;
    const items = data.map((result) => renderResult(result, current.result.forms, this.#messages, this.#headingLevel));
    this.#list.append(...items);
    if (this.#more) this.#more.hidden = current.shown >= current.result.pages.length;
    // Keyboard and screen-reader users continue where the new results begin.
    items[0]?.querySelector('a')?.focus();
  }

  /**
   * Says which part of the archive a search covered when it was not all of
   * it (a first search reads the newest parts), with a button that searches
   * everything and asks the same question again.
   */
  #showCoverage(coverage: SearchCoverage | undefined): void {
    if (!coverage || coverage.complete) {
      if (this.#coverage) this.#coverage.hidden = true;
      return;
    }
    if (!this.#coverage) {
      this.#coverage = document.createElement('p');
      this.#coverage.className = 'search-coverage';
      this.#coverage.dataset.searchCoverage = '';
      this.#status.after(this.#coverage);
    }
    const numbers = new Intl.NumberFormat(this.#messages.numberLocale);
    const year = new Intl.NumberFormat(this.#messages.numberLocale, { useGrouping: false });
    const total = numbers.format(coverage.totalPages);
    const text = fill(this.#messages.coverage, {
      searched: numbers.format(coverage.searchedPages),
      total,
      since: coverage.since ? year.format(Number(coverage.since)) : '',
    });
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'search-all';
    button.textContent = fill(this.#messages.searchAll, { total });
    button.addEventListener('click', () => {
      button.disabled = true;
      button.textContent = this.#messages.searching;
      void this.#search.searchEverything().then(() => {
        const asked = this.#asked;
        if (asked) void this.show(asked.query, asked.options, asked.limit);
      });
    });
    this.#coverage.replaceChildren(`${text} `, button);
    this.#coverage.hidden = false;
  }

  async show(query: string, options: ArchiveSearchOptions = {}, limit = PAGE_SIZE): Promise<number> {
    const ticket = ++this.#latest;
    this.#asked = { query, options, limit };
    const trimmed = query.trim();
    const hasFilters = Object.values(options.filters ?? {}).some((values) => values.length > 0);
    if (!trimmed && !hasFilters) {
      this.clear();
      return 0;
    }
    this.#status.textContent = this.#messages.searching;
    try {
      const result = await this.#search.search(trimmed, options);
      const { pages, forms } = result;
      const loaded = await loadResults(pages.slice(0, limit));
      const data = options.order === 'date' ? loaded : preferExactMatches(loaded, (result) => result.content, trimmed);
      if (ticket !== this.#latest) return pages.length;
      const count = new Intl.NumberFormat(this.#messages.numberLocale).format(pages.length);
      this.#status.textContent = pages.length
        ? fill(this.#messages.resultCount, { count })
        : `${fill(this.#messages.noResults, { query: trimmed })} ${this.#messages.noResultsHint}`;
      this.#list.replaceChildren(...data.map((result) => renderResult(result, forms, this.#messages, this.#headingLevel)));
      this.#current = { result, shown: loaded.length, ticket };
      this.#showCoverage(result.coverage);
      if (this.#more) this.#more.hidden = loaded.length >= pages.length;
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
