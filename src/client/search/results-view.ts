import { ArchiveSearch, otherLanguages, type ArchiveSearchOptions, type ArchiveSearchResult, type SearchCoverage } from './engine.ts';
import { fill, renderResult } from './render.ts';
import type { SearchViewMessages } from './messages.ts';
import type { PagefindResultData } from './pagefind-types.ts';

/**
 * Results shown at first, and added by each "more results": every result
 * shown costs a fragment download, so a first search loads only a screenful.
 */
const PAGE_SIZE = 8;

/**
 * The stored data of some results. A result whose fragment cannot be loaded
 * (removed by a deploy since the index was read) is left out, and named in
 * `failed` so it is not counted either; the others show.
 */
async function loadResults(
  pages: ArchiveSearchResult['pages'],
  loaded?: ArchiveSearchResult['loaded'],
): Promise<{ data: PagefindResultData[]; failed: Set<string> }> {
  // Results the search already read (to rank them by their text) are not fetched again.
  const settled = await Promise.allSettled(pages.map((page) => loaded?.get(page.pageId) ?? page.ref.data()));
  const failed = new Set<string>();
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') return;
    console.warn('Arshif: a search result could not be loaded', outcome.reason);
    failed.add(pages[index]!.pageId);
  });
  return { data: settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])), failed };
}

/** The result without the pages whose data could not be loaded. */
function withoutFailed(result: ArchiveSearchResult, failed: Set<string>): ArchiveSearchResult {
  return failed.size ? { ...result, pages: result.pages.filter((page) => !failed.has(page.pageId)) } : result;
}

/**
 * Runs queries and shows their results in a status line and a list, dropping
 * answers to queries the reader has already typed past.
 */
export class ResultsView {
  readonly #search: ArchiveSearch;
  readonly #status: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #messages: SearchViewMessages;
  readonly #headingLevel: 2 | 3;
  readonly #more: HTMLButtonElement | undefined;
  #latest = 0;
  #current: { result: ArchiveSearchResult; shown: number; ticket: number } | undefined;
  /** The last search asked for, to run again over the whole archive. */
  #asked: { query: string; options: ArchiveSearchOptions; limit: number } | undefined;
  /** What a search covered: while the older parts are merged, that more is coming; a button only when they could not be. */
  readonly #coverage: HTMLElement;
  #offlineNotice: HTMLElement | undefined;
  readonly #otherSearches = new Map<string, ArchiveSearch>();
  /** Called with the filter counts of each answered query (undefined: the counts are not known for it). */
  onFilterCounts: ((counts: ArchiveSearchResult['filterCounts'], query: string) => void) | undefined;

  /**
   * `headingLevel`: results are h2 under the search page's h1, h3 under the
   * dialog's h2. `more`: a button that adds the next results, when there is one.
   */
  constructor(status: HTMLElement, list: HTMLOListElement, messages: SearchViewMessages, headingLevel: 2 | 3, more?: HTMLButtonElement) {
    this.#headingLevel = headingLevel;
    this.#more = more;
    more?.addEventListener('click', () => void this.#showMore());
    this.#search = new ArchiveSearch(document.documentElement.lang);
    this.#status = status;
    this.#list = list;
    this.#messages = messages;
    // In the page from the start, so screen readers announce what is written in it later.
    this.#coverage = document.createElement('p');
    this.#coverage.className = 'search-coverage';
    this.#coverage.dataset.searchCoverage = '';
    this.#coverage.setAttribute('aria-live', 'polite');
    this.#coverage.hidden = true;
    this.#status.after(this.#coverage);
  }

  #format(count: number): string {
    return new Intl.NumberFormat(this.#messages.numberLocale).format(count);
  }

  /** The first other language whose archive has results for the query, with them. */
  async #otherLanguageResults(query: string): Promise<{ language: string; result: ArchiveSearchResult } | undefined> {
    for (const language of await otherLanguages().catch(() => [])) {
      let search = this.#otherSearches.get(language);
      if (!search) {
        search = new ArchiveSearch(language);
        this.#otherSearches.set(language, search);
      }
      const result = await search.search(query).catch(() => undefined);
      if (result?.pages.length) return { language, result };
    }
    return undefined;
  }

  /** Asks the filter counts of a query again (the list stays): Pagefind counts only once its filter index is loaded. */
  async recount(query: string, options: ArchiveSearchOptions = {}): Promise<void> {
    const trimmed = query.trim();
    if (!trimmed) return;
    const result = await this.#search.search(trimmed, options).catch(() => undefined);
    if (result?.pages.length && this.#list.dataset.query === trimmed) this.onFilterCounts?.(result.filterCounts, trimmed);
  }

  get search(): ArchiveSearch {
    return this.#search;
  }

  clear(): void {
    this.#latest++;
    this.#current = undefined;
    this.#status.textContent = '';
    this.#showCoverage(undefined);
    this.#showOffline(false);
    this.#list.replaceChildren();
    this.#list.removeAttribute('aria-busy');
    delete this.#list.dataset.coverage;
    if (this.#more) this.#more.hidden = true;
  }

  async #showMore(): Promise<void> {
    const current = this.#current;
    if (!current || current.ticket !== this.#latest) return;
    const next = current.result.pages.slice(current.shown, current.shown + PAGE_SIZE);
    const { data, failed } = await loadResults(next, current.result.loaded);
    if (current.ticket !== this.#latest) return;
    current.shown += next.length - failed.size;
    if (failed.size) {
      current.result = withoutFailed(current.result, failed);
      this.#status.textContent = fill(this.#messages.resultCount, { count: this.#format(current.result.pages.length) });
    }
    const shownPages = current.result.pages.slice(current.shown - data.length);
    const items = data.map((result, index) =>
      renderResult(result, current.result.forms, this.#messages, this.#headingLevel, current.result.words, shownPages[index]?.missing),
    );
    this.#list.append(...items);
    if (this.#more) this.#more.hidden = current.shown >= current.result.pages.length;
    // Keyboard and screen-reader users continue where the new results begin.
    items[0]?.querySelector('a')?.focus();
  }

  /**
   * Says, above the results, that the search ran offline over the articles
   * read on this device only. Written afresh each time it shows, so screen
   * readers announce it with the results.
   */
  #showOffline(offline: boolean): void {
    if (!offline) {
      if (this.#offlineNotice) this.#offlineNotice.hidden = true;
      return;
    }
    if (!this.#offlineNotice) {
      this.#offlineNotice = document.createElement('p');
      this.#offlineNotice.className = 'search-offline notice';
      this.#offlineNotice.dataset.searchOffline = '';
      this.#offlineNotice.setAttribute('aria-live', 'polite');
      this.#status.before(this.#offlineNotice);
    }
    this.#offlineNotice.textContent = '';
    this.#offlineNotice.textContent = this.#messages.offline;
    this.#offlineNotice.hidden = false;
  }

  /**
   * Says, under results from the newest parts, that the older ones are being
   * searched too, and how much has been so far: the list is busy until they
   * are merged and the results updated in place.
   */
  #showLoadingOlder(coverage: SearchCoverage): void {
    const numbers = new Intl.NumberFormat(this.#messages.numberLocale);
    this.#coverage.textContent = fill(this.#messages.loadingOlder, {
      searched: numbers.format(coverage.searchedPages),
      total: numbers.format(coverage.totalPages),
    });
    this.#coverage.dataset.searchCoverage = 'loading';
    this.#coverage.hidden = false;
    this.#list.setAttribute('aria-busy', 'true');
  }

  /**
   * Says which part of the archive a search covered when the older parts
   * could not be merged (the site became unreachable while they loaded), with
   * a button that tries again and asks the same question.
   */
  #showCoverage(coverage: SearchCoverage | undefined): void {
    this.#list.removeAttribute('aria-busy');
    if (!coverage || coverage.complete) {
      this.#coverage.hidden = true;
      this.#coverage.dataset.searchCoverage = '';
      return;
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
    this.#coverage.dataset.searchCoverage = 'partial';
    this.#coverage.hidden = false;
  }

  /**
   * Merges the parts a first search left out and asks the same question
   * again, the results replaced in place (as many as are shown), unless the
   * reader has asked something else meanwhile.
   */
  async #searchOlderParts(ticket: number, coverage: SearchCoverage): Promise<void> {
    this.#showLoadingOlder(coverage);
    await this.#search.searchEverything().catch((error: unknown) => console.warn('Arshif: the older index parts could not be merged', error));
    const asked = this.#asked;
    if (ticket !== this.#latest || !asked) return;
    await this.#run(asked.query, asked.options, Math.max(asked.limit, this.#current?.shown ?? 0), true);
  }

  /**
   * Searches and shows the results: at once from the parts a first search
   * reads (the newest), then, when that was not the whole archive, again
   * over all of it, in place.
   */
  show(query: string, options: ArchiveSearchOptions = {}, limit = PAGE_SIZE): Promise<number> {
    return this.#run(query, options, limit, false);
  }

  /** `refresh`: the same question again over more of the archive; the results shown stay until the new ones replace them. */
  async #run(query: string, options: ArchiveSearchOptions, limit: number, refresh: boolean): Promise<number> {
    const ticket = ++this.#latest;
    this.#asked = { query, options, limit };
    const trimmed = query.trim();
    const hasFilters = Object.values(options.filters ?? {}).some((values) => values.length > 0);
    if (!trimmed && !hasFilters) {
      this.clear();
      return 0;
    }
    if (!refresh) this.#status.textContent = this.#messages.searching;
    try {
      let result = await this.#search.search(trimmed, options);
      let status: string | undefined;
      let shownQuery = trimmed;
      let fromOtherLanguage = false;
      if ((result.pages.length === 0 || result.stemRelativesOnly) && trimmed) {
        // Nothing found, or only stem relatives of a word the archive does not
        // have: the archive's closest spelling, searched at once and said so…
        const suggestion = await this.#search.suggest(trimmed);
        const corrected = suggestion ? await this.#search.search(suggestion, options) : undefined;
        if (suggestion && corrected?.pages.length && !corrected.stemRelativesOnly) {
          result = corrected;
          shownQuery = suggestion;
          status = fill(this.#messages.showingFor, { query: trimmed, suggestion, count: this.#format(corrected.pages.length) });
        } else if (result.pages.length === 0) {
          // …else what the other languages hold (their filters differ: asked without).
          const offer = await this.#otherLanguageResults(trimmed);
          if (offer) {
            result = offer.result;
            fromOtherLanguage = true;
            status = fill(this.#messages.otherLanguage, {
              query: trimmed,
              language: this.#messages.languageNames?.[offer.language] ?? offer.language,
              count: this.#format(offer.result.pages.length),
            });
          }
        }
      }
      if (!status && result.answeredAs && result.answeredAs !== trimmed && !result.missingWords) {
        // Widened: the first result holds another spelling or a correction of a typed word.
        status = fill(this.#messages.showingFor, { query: trimmed, suggestion: result.answeredAs, count: this.#format(result.pages.length) });
      } else if (!status && result.missingWords) {
        status = fill(this.#messages.closest, { missing: result.missingWords.join(' '), count: this.#format(result.pages.length) });
      }
      if (ticket !== this.#latest) return result.pages.length;
      const loading = await loadResults(result.pages.slice(0, limit), result.loaded);
      const data = loading.data;
      result = withoutFailed(result, loading.failed);
      const { pages, forms } = result;
      if (ticket !== this.#latest) return pages.length;
      this.#status.textContent =
        status ??
        (pages.length
          ? fill(this.#messages.resultCount, { count: this.#format(pages.length) })
          : `${fill(this.#messages.noResults, { query: trimmed })} ${this.#messages.noResultsHint}`);
      // A reader moving through the results keeps their place when the list is updated in place.
      const focused = this.#list.contains(document.activeElement) ? document.activeElement?.getAttribute('href') : undefined;
      this.#list.replaceChildren(
        ...data.map((item, index) => renderResult(item, forms, this.#messages, this.#headingLevel, result.words, pages[index]?.missing)),
      );
      if (focused) [...this.#list.querySelectorAll('a')].find((link) => link.getAttribute('href') === focused)?.focus();
      this.#current = { result, shown: data.length, ticket };
      // Another language's results cover its own archive, and offline ones the articles kept here: nothing to widen.
      const coverage = fromOtherLanguage || result.offline ? undefined : result.coverage;
      const older = coverage && !coverage.complete && !refresh;
      if (older) this.#showLoadingOlder(coverage);
      else this.#showCoverage(coverage);
      this.#list.dataset.coverage = coverage && !coverage.complete ? 'partial' : 'complete';
      this.#showOffline(result.offline === true);
      if (this.#more) this.#more.hidden = data.length >= pages.length;
      this.onFilterCounts?.(shownQuery === trimmed ? result.filterCounts : undefined, trimmed);
      // Which query the list now answers: lets tests (and styles) tell stale lists from fresh ones.
      this.#list.dataset.query = trimmed;
      if (older) void this.#searchOlderParts(ticket, coverage);
      return pages.length;
    } catch (error) {
      console.error('Arshif: search failed', error);
      if (ticket !== this.#latest) return 0;
      if (refresh && this.#current) {
        // The results from the newest parts stay, with the button to try the rest again.
        this.#showCoverage(this.#current.result.coverage);
        return this.#current.result.pages.length;
      }
      this.#showCoverage(undefined);
      this.#status.textContent = this.#messages.unavailable;
      return 0;
    }
  }
}
