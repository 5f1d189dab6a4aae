import type { LocaleSearchParts, SearchPartSummary } from '../../search/index-parts.ts';
import type { PagefindModule } from './pagefind-types.ts';
import { siteBase } from './site-base.ts';

// Module state, not an ArchiveSearch's: every search on the page (the page's
// own language and another one's) shares one loaded index per language.

/**
 * A locale's index as loaded so far. It comes in parts, newest first (see
 * src/search/index-parts.ts): the newest part's runtime is loaded and
 * other parts are merged into it (Pagefind's mergeIndex), so one search
 * covers them with one copy of Pagefind's WebAssembly. A first search merges
 * only the newest parts the build chose (parts.json: firstSearch), because
 * each part costs its metadata whatever the query; the older ones are merged
 * when the reader asks for them, filters by year or tag, or finds nothing.
 */
export interface LoadedIndex {
  pagefind: PagefindModule;
  parts: SearchPartSummary[];
  /** How many of `parts` are merged (or being merged). */
  merged: number;
  /** Set once the older parts are being merged. */
  complete?: Promise<void>;
  /** True once every part is merged: `merged` counts parts as their merge begins, this when it has ended. */
  allMerged: boolean;
}

/** What a search covered, for the reader: the newest `searchedPages` of `totalPages`, from the year `since`. */
export interface SearchCoverage {
  searchedPages: number;
  totalPages: number;
  /** The oldest year searched; absent when undated articles were searched too. */
  since?: string;
  complete: boolean;
}

/** Each language's index, loaded once: the page's own, and another one's when offering its results. */
const indexes = new Map<string, Promise<LoadedIndex>>();

let partsListPromise: Promise<Record<string, LocaleSearchParts | undefined>> | undefined;

/** dist/pagefind/parts.json: every locale's index parts. */
function partsList(): Promise<Record<string, LocaleSearchParts | undefined>> {
  partsListPromise ??= fetch(`${siteBase}pagefind/parts.json`).then((response) => {
    if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
    return response.json() as Promise<Record<string, LocaleSearchParts | undefined>>;
  });
  // A failed read is not kept: the next search asks again.
  partsListPromise.catch(() => (partsListPromise = undefined));
  return partsListPromise;
}

/** This locale's index parts, newest first, and how many a first search reads. */
async function searchParts(language: string): Promise<LocaleSearchParts> {
  const entry = (await partsList())[language];
  if (!entry?.parts.length) throw new Error(`no search index for ${language}`);
  return entry;
}

async function mergeParts(index: LoadedIndex, upTo: number): Promise<void> {
  const next = index.parts.slice(index.merged, upTo);
  index.merged = Math.max(index.merged, upTo);
  // A part that cannot be read (a deploy removed it under an old page) leaves the others searchable.
  await Promise.all(
    next.map((part) =>
      index.pagefind
        .mergeIndex(`${siteBase}pagefind/${part.id}/`, { baseUrl: siteBase })
        .catch((error: unknown) => console.warn(`Arshif: index part ${part.id} left out`, error)),
    ),
  );
}

/**
 * Pagefind's runtime lives in dist/pagefind/, outside the bundle, under the
 * site's base. Another language's index (offered when the page's own finds
 * nothing) has its own copy of the runtime: a module URL of its own.
 */
export function loadIndex(language: string): Promise<LoadedIndex> {
  let loading = indexes.get(language);
  if (loading) return loading;
  loading = (async () => {
    const { parts, firstSearch } = await searchParts(language);
    const pagefind = (await import(/* @vite-ignore */ `${siteBase}pagefind/${parts[0]!.id}/pagefind.js`)) as PagefindModule;
    // On the page's own thread: Pagefind's web worker is a second copy of its
    // runtime (12 KB more for every first search, 5 % of its budget), and
    // searching an index part in WebAssembly takes milliseconds here anyway.
    await pagefind.options({ baseUrl: siteBase, noWorker: true });
    await pagefind.init();
    const index: LoadedIndex = { pagefind, parts, merged: 1, allMerged: false };
    await mergeParts(index, Math.max(1, firstSearch));
    if (index.merged >= parts.length) {
      index.allMerged = true;
      index.complete = Promise.resolve();
    }
    return index;
  })();
  indexes.set(language, loading);
  return loading;
}

/** Merges every part not merged yet; once per page. */
export function completeIndex(index: LoadedIndex): Promise<void> {
  index.complete ??= mergeParts(index, index.parts.length).then(() => {
    index.allMerged = true;
  });
  return index.complete;
}

/** What a search over the index as merged so far covers. */
export function coverageOf(index: LoadedIndex): SearchCoverage {
  const searched = index.parts.slice(0, index.merged);
  const oldest = searched.at(-1);
  return {
    searchedPages: searched.reduce((sum, part) => sum + part.pages, 0),
    totalPages: index.parts.reduce((sum, part) => sum + part.pages, 0),
    ...(oldest?.since ? { since: oldest.since } : {}),
    complete: index.merged >= index.parts.length,
  };
}

/**
 * Forgets the loaded index, so the next search reads parts.json afresh: after
 * a deploy, an open page's index can point at files the host no longer has.
 */
export async function forgetIndex(): Promise<void> {
  const loaded = [...indexes.values()];
  indexes.clear();
  partsListPromise = undefined;
  pagesOfPart.clear();
  await Promise.all(loaded.map(async (index) => (await index.catch(() => undefined))?.pagefind.destroy()));
}

/** Page ids per part (dist/pagefind/<part>/pages.json, written at build time), read only to order by date. */
const pagesOfPart = new Map<string, Promise<string[]>>();

/**
 * Which merged part each page is in, in the parts' order (newest first):
 * Pagefind sorts each part by date on its own, and its merged results do not
 * say which part a page came from.
 */
export async function partOfPage(index: LoadedIndex): Promise<Map<string, number>> {
  const lists = await Promise.all(
    index.parts.slice(0, index.merged).map((part) => {
      let ids = pagesOfPart.get(part.id);
      if (!ids) {
        ids = fetch(`${siteBase}pagefind/${part.id}/pages.json`).then((response) => (response.ok ? (response.json() as Promise<string[]>) : []));
        pagesOfPart.set(part.id, ids);
      }
      return ids;
    }),
  );
  const map = new Map<string, number>();
  lists.forEach((ids, position) => {
    for (const id of ids) map.set(id, position);
  });
  return map;
}

/** The archive's other languages (those with a search index), in the index list's order. */
export async function otherLanguages(): Promise<string[]> {
  return Object.keys(await partsList()).filter((language) => language !== document.documentElement.lang);
}
