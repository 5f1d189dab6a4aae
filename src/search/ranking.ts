import type { RankedPage } from './expand-query.ts';

/**
 * Ranked retrieval over the matches of each query word: a page ranks by how
 * many of the query's words it holds, then by how far its forms are from
 * what was typed, then by Pagefind's score. A page holding every word comes
 * first; one lacking a word still ranks, below, with the word it lacks named,
 * so a query with one word the archive spells differently is never empty
 * while its other words match.
 */

/**
 * How far a matched form is from the typed word: 0 the typed word, 1 it under
 * another proclitic, 2 a stem relative, 3 a related form (a broken plural or
 * its singular, a foreign name transliterated another way), 4 a correction of
 * a typo, plus the correction's own edit distance; 8 a page the index's
 * stemmer matched for a word the archive lacks in every form, where a close
 * form of the word matched other pages (Pagefind cuts الأخدوذ to أخ: the page
 * holds a shorter word, not this one), dearer than any correction. A missing
 * word costs more than any form.
 */
export const MATCH_COST = { exact: 0, proclitic: 1, relative: 2, variant: 3, correction: 4, stemmedOnly: 8 } as const;
export type MatchCost = (typeof MATCH_COST)[keyof typeof MATCH_COST];

export interface TermMatch<Ref> {
  pageId: string;
  score: number;
  cost: number;
  /** The archive's form that matched. */
  form: string;
  ref: Ref;
}

export interface RankedMatch<Ref> extends RankedPage<Ref> {
  /** The query words the page does not hold in any form asked for. */
  missing: string[];
  /** Per query word, the form that matched the page (undefined where missing). */
  matchedForms: (string | undefined)[];
  /**
   * The query words the page matched only through the index's stemmer
   * (MATCH_COST.stemmedOnly): it holds none of their forms, so it ranks
   * below every page holding as many words through the archive's own forms.
   */
  stemmedOnly: string[];
}

/**
 * Ranks every page that matched at least one word: most words held first
 * (a word matched only through the stemmer is not held, and breaks ties
 * among pages holding as many), then the lowest sum of costs, then the
 * highest sum of scores. With
 * `requireAll`, pages lacking a word are left out (a quoted phrase is strict).
 */
export function rankByWordsHeld<Ref>(words: readonly string[], matchesPerWord: readonly (readonly TermMatch<Ref>[])[], requireAll = false): RankedMatch<Ref>[] {
  const pages = new Map<string, { best: (TermMatch<Ref> | undefined)[] }>();
  matchesPerWord.forEach((matches, wordIndex) => {
    for (const match of matches) {
      let page = pages.get(match.pageId);
      if (!page) {
        page = { best: Array.from({ length: words.length }, () => undefined) };
        pages.set(match.pageId, page);
      }
      const current = page.best[wordIndex];
      if (!current || match.cost < current.cost || (match.cost === current.cost && match.score > current.score)) page.best[wordIndex] = match;
    }
  });
  const ranked: (RankedMatch<Ref> & { matched: number })[] = [];
  for (const [pageId, { best }] of pages) {
    const matched = best.filter((match) => match !== undefined);
    if (requireAll && matched.length < words.length) continue;
    // The excerpt comes from the word that matched this page best.
    const top = matched.reduce((a, b) => (b.score > a.score ? b : a));
    ranked.push({
      pageId,
      matched: matched.length,
      tier: matched.reduce((sum, match) => sum + match.cost, 0),
      score: matched.reduce((sum, match) => sum + match.score, 0),
      ref: top.ref,
      missing: words.filter((_, index) => best[index] === undefined),
      matchedForms: best.map((match) => match?.form),
      stemmedOnly: words.filter((_, index) => (best[index]?.cost ?? 0) >= MATCH_COST.stemmedOnly),
    });
  }
  ranked.sort((a, b) => wordsLacked(a) - wordsLacked(b) || b.matched - a.matched || a.tier - b.tier || b.score - a.score);
  return ranked.map(({ matched: _matched, ...page }) => page);
}

/** How many query words a ranked page does not hold: missing, or matched only through the stemmer. */
export function wordsLacked(page: Pick<RankedMatch<unknown>, 'missing' | 'stemmedOnly'>): number {
  return page.missing.length + page.stemmedOnly.length;
}

/** How many ranked pages hold every word (none matched only through the stemmer): the head of the list. */
export function pagesHoldingEveryWord(ranked: readonly RankedMatch<unknown>[]): number {
  let count = 0;
  while (count < ranked.length && wordsLacked(ranked[count]!) === 0) count++;
  return count;
}
