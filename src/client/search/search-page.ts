import { readMessages } from './messages.ts';
import { ResultsView } from './results-view.ts';
import type { PagefindFilters } from './pagefind-types.ts';

const FILTER_NAMES = ['tag', 'year'] as const;

/**
 * The search page: reads q, tag, year and order from the URL, runs the search
 * as the reader types, and keeps the URL in step so any search can be shared.
 */
export async function runSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const order = form.querySelector<HTMLSelectElement>('select[name="order"]')!;
  const selects = Object.fromEntries(FILTER_NAMES.map((name) => [name, form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!])) as Record<
    (typeof FILTER_NAMES)[number],
    HTMLSelectElement
  >;
  const messages = readMessages(form);
  const view = new ResultsView(
    // Scoped to <main>: the header's dialog has a status and a list of its own.
    document.querySelector<HTMLElement>('main [data-search-status]')!,
    document.querySelector<HTMLOListElement>('main [data-search-results]')!,
    messages,
    2,
    document.querySelector<HTMLButtonElement>('main [data-search-more]') ?? undefined,
  );

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  order.value = params.get('order') === 'date' ? 'date' : 'relevance';

  const currentFilters = (): PagefindFilters => {
    const filters: PagefindFilters = {};
    for (const name of FILTER_NAMES) if (selects[name].value) filters[name] = [selects[name].value];
    return filters;
  };

  const run = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const name of FILTER_NAMES) if (selects[name].value) next.set(name, selects[name].value);
    if (order.value === 'date') next.set('order', 'date');
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    return view.show(input.value, { filters: currentFilters(), order: order.value === 'date' ? 'date' : 'relevance' });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  order.addEventListener('change', () => void run());
  for (const name of FILTER_NAMES) selects[name].addEventListener('change', () => void run());

  // A filter named in the URL applies at once. The full lists, with counts, are
  // Pagefind's filter index: they load when the reader reaches for a filter.
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) {
      selects[name].append(new Option(value, value));
      selects[name].value = value;
    }
  }

  // The counts beside each value say what choosing it gives: the whole
  // archive's without a query; with one, the query's when Pagefind counted them
  // (plain searches), else none, never the archive's under a query.
  let queryCounts: FilterCounts | null = null;
  let archiveCounts: FilterCounts | undefined;
  const relabel = () => {
    if (archiveCounts) labelFilterLists(selects, archiveCounts, input.value.trim() ? queryCounts : archiveCounts, messages.numberLocale);
  };
  view.onFilterCounts = (counts, query) => {
    queryCounts = query ? (counts ?? null) : null;
    relabel();
  };
  let filtersLoading: Promise<void> | undefined;
  const loadFilters = () =>
    (filtersLoading ??= view.search
      .filters()
      .then(async (available) => {
        archiveCounts = available;
        relabel();
        // Pagefind counts a query's filter values only once the filter index is in: count again.
        if (input.value.trim()) await view.recount(input.value, { filters: currentFilters() });
      })
      .catch((error: unknown) => console.error('Arshif: could not read the search filters', error))
      .then(() => {
        form.dataset.filtersReady = 'true';
      }));
  for (const name of FILTER_NAMES) {
    for (const event of ['pointerdown', 'focus', 'keydown'] as const) selects[name].addEventListener(event, () => void loadFilters(), { once: true });
  }
  form.dataset.ready = 'true';

  // The lists cover the whole archive, so filling them reads every part of
  // the index: only when the reader reaches for a filter, never after a
  // search on its own (that would undo what a first search saves).
  if (input.value.trim() || Object.keys(currentFilters()).length) await run();
}

type FilterCounts = Record<string, Record<string, number>>;

/**
 * Fills the tag and year lists with every value of the archive, keeping the
 * current choice; `counts` are shown beside them (null: no counts). A value
 * the query does not reach says 0 and cannot be chosen.
 */
function labelFilterLists(
  selects: Record<(typeof FILTER_NAMES)[number], HTMLSelectElement>,
  archive: FilterCounts,
  counts: FilterCounts | null,
  numberLocale: string,
): void {
  const numbers = new Intl.NumberFormat(numberLocale);
  for (const name of FILTER_NAMES) {
    const chosen = selects[name].value;
    const values = Object.keys(archive[name] ?? {}).sort((a, b) =>
      // Years as numbers: a Solar Hijri archive reaching before 1621 has three-digit years.
      name === 'year' ? Number(b) - Number(a) : a.localeCompare(b, document.documentElement.lang),
    );
    selects[name].replaceChildren(selects[name].options[0]!);
    for (const value of values) {
      const label = name === 'year' ? numbers.format(Number(value)).replace(/[٬,.]/g, '') : value;
      const count = counts ? (counts[name]?.[value] ?? 0) : undefined;
      const option = new Option(count === undefined ? label : `${label} (${numbers.format(count)})`, value);
      option.disabled = count === 0 && value !== chosen;
      selects[name].append(option);
    }
    selects[name].value = chosen;
  }
}
