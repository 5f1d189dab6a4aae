import { arabicIndicDigits, asciiDigits, hasDigits, splitWords } from './words.ts';
import { foldedWordSpellings, isKeyedWord, keysWithCertainty } from './keying/registry.ts';
import { shardIdForKey } from './vocabulary.ts';

/**
 * How close a written form is to what the reader typed: 0 the same word
 * (up to spelling variants Pagefind and we fold), 1 the same word with or
 * without a proclitic, 2 a relative through a shorter stem. Results are ranked
 * by tier first, so a query that is itself a word (ليبيا) finds its exact
 * matches before words that merely contain it after a proclitic.
 */
export type Tier = 0 | 1 | 2;

export interface FormCandidate {
  form: string;
  tier: Tier;
}

/** Most forms asked of Pagefind for one query word. */
export const MAX_FORMS_PER_WORD = 12;

/**
 * Most forms asked of Pagefind for a whole query: each can cost an index
 * chunk, so a pasted passage of eight words must not ask for 96. Each word
 * gets an equal share (at least two: the word itself and its closest form).
 */
export const MAX_FORMS_PER_QUERY = 32;

/** The forms one word of a query of `wordCount` words may ask for. */
export function formsPerWord(wordCount: number): number {
  return Math.max(2, Math.min(MAX_FORMS_PER_WORD, Math.floor(MAX_FORMS_PER_QUERY / Math.max(1, wordCount))));
}

/** True when a word can match forms other than itself: Arabic script or digits. */
export function needsExpansion(word: string): boolean {
  return isKeyedWord(word) || hasDigits(word);
}

/** The vocabulary shards a query needs (only for Arabic-script words). */
export function shardIdsForQuery(query: string): string[] {
  const ids = new Set<string>();
  for (const word of splitWords(query)) {
    if (!isKeyedWord(word)) continue;
    for (const { key } of keysWithCertainty(word)) ids.add(shardIdForKey(key));
  }
  return [...ids];
}

/**
 * The forms of the archive to look up for one query word, best first. The
 * word itself is always asked for; `lookup(key)` gives the archive's forms
 * sharing a key (from the vocabulary).
 */
export function expandWord(word: string, lookup: (key: string) => readonly string[] | undefined, limit = MAX_FORMS_PER_WORD): FormCandidate[] {
  const best = new Map<string, Tier>([[word, 0]]);
  // Numbers typed on a Persian or Arabic keyboard, or in ASCII, are one number.
  if (hasDigits(word)) {
    for (const variant of [asciiDigits(word), arabicIndicDigits(asciiDigits(word))]) best.set(variant, 0);
  }
  if (isKeyedWord(word)) {
    const keys = keysWithCertainty(word);
    const typed = keys[0]!.key;
    const typedIsOneLetter = [...typed].length === 1;
    for (const { key, sure } of keys) {
      for (const form of lookup(key) ?? []) {
        const spellings = foldedWordSpellings(form);
        // A detached letter (a lone و in the text) never stands for a word.
        if (!typedIsOneLetter && [...spellings[0]!].length === 1) continue;
        // The same word: as typed, or under any proclitic chain of a key that
        // is certainly the typed word (it, or it without ال and what precedes ال).
        const tier: Tier = spellings.includes(typed) ? 0 : sure || spellings.includes(key) ? 1 : 2;
        const previous = best.get(form);
        if (previous === undefined || tier < previous) best.set(form, tier);
      }
    }
  }
  // Stable: within a tier the vocabulary's order (most frequent first) is kept.
  return [...best]
    .map(([form, tier]) => ({ form, tier }))
    .sort((a, b) => a.tier - b.tier)
    .slice(0, limit);
}

/**
 * True when the archive has some form under any of the word's keys: a word
 * it lacks in every form is likely mistyped, and its search goes straight to
 * "did you mean" without loading results to check them. Words in other
 * scripts are Pagefind's to judge.
 */
export function isKnownWord(word: string, lookup: (key: string) => readonly string[] | undefined): boolean {
  if (!isKeyedWord(word)) return true;
  return keysWithCertainty(word).some(({ key }) => (lookup(key)?.length ?? 0) > 0);
}

export interface WordMatch<Ref> {
  pageId: string;
  score: number;
  tier: Tier;
  /** What the caller needs to load the page's excerpt (a Pagefind result). */
  ref: Ref;
}

export interface RankedPage<Ref> {
  pageId: string;
  tier: number;
  score: number;
  ref: Ref;
}

/**
 * Combines the matches of every query word: a page must match every word
 * (as Pagefind does for a plain query); it ranks by the sum of its best tiers,
 * then by the sum of its best scores.
 */
export function rankPages<Ref>(matchesPerWord: WordMatch<Ref>[][]): RankedPage<Ref>[] {
  if (matchesPerWord.length === 0) return [];
  const bestPerWord = matchesPerWord.map((matches) => {
    const best = new Map<string, WordMatch<Ref>>();
    for (const match of matches) {
      const current = best.get(match.pageId);
      if (!current || match.tier < current.tier || (match.tier === current.tier && match.score > current.score)) {
        best.set(match.pageId, match);
      }
    }
    return best;
  });
  const ranked: RankedPage<Ref>[] = [];
  for (const [pageId, first] of bestPerWord[0]!) {
    let tier = first.tier;
    let score = first.score;
    let ref = first.ref;
    let bestScore = first.score;
    let matchesAll = true;
    for (const best of bestPerWord.slice(1)) {
      const match = best.get(pageId);
      if (!match) {
        matchesAll = false;
        break;
      }
      tier += match.tier;
      score += match.score;
      // The excerpt comes from the word that matched this page best.
      if (match.score > bestScore) {
        bestScore = match.score;
        ref = match.ref;
      }
    }
    if (matchesAll) ranked.push({ pageId, tier, score, ref });
  }
  return ranked.sort((a, b) => a.tier - b.tier || b.score - a.score);
}
