import { foldWord, isKeyedWord, keysWithCertainty } from './keying/registry.ts';
import { isTransliterationVariant, transliterationDistance } from './transliteration.ts';
import { splitWords } from './words.ts';

/**
 * "Did you mean": the archive's closest spelling of a word that finds
 * nothing, from the words the build saw (dist/search-vocab/<lang>/spelling/).
 * Typos readers make: letters that differ only by their dots (ح for ج, س for
 * ش), a hamza on another seat or none, two letters swapped, one dropped or
 * doubled, one letter for another (جوتيريش for غوتيريش, morroco for morocco).
 *
 * The words are stored by length and by each of their first two letters
 * (as dotless skeletons): any one of those typos leaves the length within
 * one and either the first or the second letter in place, so a word costs
 * at most six small files, fetched only when a search found nothing.
 */

/** Words shorter than this are not corrected (too many neighbours) nor offered. */
export const MIN_SPELLING_LENGTH = 4;
/** Words kept per shard: the most frequent, so a shard stays small on a large archive. */
export const MAX_WORDS_PER_SHARD = 4000;

// Letters written on one skeleton and told apart only by dots (and the
// hamza, which folds away); a typo among them costs half a letter.
const SKELETON: Record<string, string> = {
  ب: 'ٮ',
  ت: 'ٮ',
  ث: 'ٮ',
  ن: 'ٮ',
  ي: 'ٮ',
  ج: 'ح',
  خ: 'ح',
  ذ: 'د',
  ز: 'ر',
  ش: 'س',
  ض: 'ص',
  ظ: 'ط',
  غ: 'ع',
  ق: 'ف',
};

const HALF_LETTER = 0.5;

/** A word as the spelling index compares it: folded, lower-case, Latin accents and the lone hamza dropped. */
export function spellingForm(word: string): string {
  if (isKeyedWord(word)) return foldWord(word).replace(/ء/g, '');
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function skeletonLetter(letter: string | undefined): string {
  return letter === undefined ? '' : (SKELETON[letter] ?? letter);
}

/** The shards a spelling-form word is stored in: its length and each of its first two skeleton letters. */
export function spellingShardsOf(form: string): string[] {
  const letters = [...form];
  const ids = [letters[0], letters[1]].filter((letter) => letter !== undefined).map((letter) => shardName(letters.length, skeletonLetter(letter)));
  return [...new Set(ids)];
}

function shardName(length: number, letter: string): string {
  return `${length}-${letter.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/** The shards to read to correct `word`: lengths one shorter to one longer, by either of its first two letters. */
export function spellingShardsFor(word: string): string[] {
  const letters = [...spellingForm(word)];
  const ids = new Set<string>();
  for (let length = letters.length - 1; length <= letters.length + 1; length++) {
    for (const letter of [letters[0], letters[1]]) if (letter !== undefined) ids.add(shardName(length, skeletonLetter(letter)));
  }
  return [...ids];
}

/** One shard: written forms, most frequent first (the order is the tie-breaker). */
export type SpellingShard = string[];

/** Adds the words of a text to `counts` (every script; digits and short words left out). */
export function addSpellingWords(counts: Map<string, number>, text: string): Map<string, number> {
  for (const word of splitWords(text)) {
    for (const counted of spellingWordsOf(word)) counts.set(counted, (counts.get(counted) ?? 0) + 1);
  }
  return counts;
}

/**
 * What one written word adds to the spelling counts, remembered: a build
 * meets the same words again and again (Zipf), and folding and keying every
 * occurrence was the largest cost of indexing on Astro's thread (measured).
 * The memory is cleared when it grows large, so it stays bounded.
 */
const spellingWordsMemo = new Map<string, readonly string[]>();
const SPELLING_MEMO_LIMIT = 200_000;

function spellingWordsOf(word: string): readonly string[] {
  let known = spellingWordsMemo.get(word);
  if (known) return known;
  const out: string[] = [];
  const add = (form: string) => {
    if ([...spellingForm(form)].length >= MIN_SPELLING_LENGTH) out.push(form);
  };
  if (!/\p{N}/u.test(word)) {
    add(word);
    // كالعرجون is also offered as العرجون and عرجون: readers type the word
    // with the article or bare far more than under a proclitic chain.
    if (isKeyedWord(word)) {
      for (const { key, sure } of keysWithCertainty(word).slice(1)) {
        if (sure) add(key);
      }
      const folded = foldWord(word);
      const article = folded.match(/^(?:[وف]?[بك]ال|[وف]ال|[وف]?لل)/);
      if (article) add(`ال${folded.slice(article[0].length)}`);
    }
  }
  known = out;
  if (spellingWordsMemo.size >= SPELLING_MEMO_LIMIT) spellingWordsMemo.clear();
  spellingWordsMemo.set(word, known);
  return known;
}

/** Groups words into shards: one written form per spelling form (its most frequent), most frequent first. */
export function buildSpellingShards(counts: Map<string, number>): Map<string, SpellingShard> {
  const byForm = new Map<string, { word: string; count: number }>();
  for (const [word, count] of counts) {
    const form = spellingForm(word);
    const current = byForm.get(form);
    if (!current) byForm.set(form, { word: isKeyedWord(word) ? word : form, count });
    else {
      current.count += count;
      // The most frequent spelling stands for the form; a tie goes to the first in code-point
      // order, not to whichever page was indexed first (the build's order varies).
      const shown = counts.get(current.word) ?? 0;
      if (isKeyedWord(word) && (count > shown || (count === shown && word < current.word))) current.word = word;
    }
  }
  const shards = new Map<string, { word: string; count: number }[]>();
  for (const [form, entry] of byForm) {
    for (const id of spellingShardsOf(form)) {
      const shard = shards.get(id);
      if (shard) shard.push(entry);
      else shards.set(id, [entry]);
    }
  }
  return new Map(
    [...shards]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, entries]) => [
        id,
        entries
          .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
          .slice(0, MAX_WORDS_PER_SHARD)
          .map(({ word }) => word),
      ]),
  );
}

/**
 * Edit distance (optimal string alignment: insert, delete, substitute, swap
 * two neighbours), where a substitution between letters of one skeleton
 * (dots only), a swap, an insertion and a deletion cost half a letter: a
 * reader's swapped or dropped letter (القحم for القمح, تويتا for تويوتا) is
 * as likely as a missed dot, and must not lose to a word a dot away.
 */
export function spellingDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j * HALF_LETTER : j === 0 ? i * HALF_LETTER : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const substitution = x[i - 1] === y[j - 1] ? 0 : skeletonLetter(x[i - 1]) === skeletonLetter(y[j - 1]) ? 0.5 : 1;
      let best = Math.min(rows[i - 1]![j]! + HALF_LETTER, rows[i]![j - 1]! + HALF_LETTER, rows[i - 1]![j - 1]! + substitution);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + HALF_LETTER);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * A word as a reader types it, for showing and searching a suggestion: no
 * vowel or Quranic marks, no tatweel, a plain alef for alef wasla (ٱلۡخَنَّاسِ
 * becomes الخناس). The search folds the rest.
 */
export function readableSpelling(word: string): string {
  if (!isKeyedWord(word)) return word;
  return word
    .normalize('NFC')
    .replace(/ى\u0670/g, 'ى')
    .replace(/\u0640?\u0670/g, 'ا')
    .replace(/[\u0610-\u061A\u064B-\u065F\u06D6-\u06ED\u0640]/g, '')
    .replace(/ٱ/g, 'ا');
}

/** The largest distance accepted for a word of this many letters: one letter, two from seven letters on. */
export function maxSpellingDistance(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** A word of the archive close to a typed word: another transliteration of it, or a correction of one typo. */
export interface SpellingCandidate {
  word: string;
  /** spellingDistance for a typo, transliterationDistance for a variant. */
  distance: number;
  variant: boolean;
  /** Place in its shard: lower is more frequent. */
  rank: number;
}

/**
 * The archive's words close to `word`, best first: transliteration variants
 * (ranked by their distance, they come before any typo), then typo
 * corrections by edit distance, each tie going to the more frequent word.
 * The typed word itself is never among them. `shards` are the contents of
 * spellingShardsFor(word).
 */
export function spellingCandidates(word: string, shards: readonly SpellingShard[], limit = 6): SpellingCandidate[] {
  const typed = spellingForm(word);
  const length = [...typed].length;
  if (length < MIN_SPELLING_LENGTH) return [];
  const found = new Map<string, SpellingCandidate>();
  for (const shard of shards) {
    shard.forEach((candidate, rank) => {
      const form = spellingForm(candidate);
      if (form === typed || found.has(form)) return;
      const lengthGap = Math.abs([...form].length - length);
      if (lengthGap > 1 && !(length >= 7 && lengthGap <= 2)) return;
      // Every variant step is at most one letter of edit distance: words further off are neither.
      const distance = spellingDistance(typed, form);
      if (distance > maxSpellingDistance(length) + 1) return;
      if (isTransliterationVariant(typed, form)) {
        found.set(form, { word: readableSpelling(candidate), distance: transliterationDistance(typed, form), variant: true, rank });
      } else if (distance <= maxSpellingDistance(length)) found.set(form, { word: readableSpelling(candidate), distance, variant: false, rank });
    });
  }
  return [...found.values()].sort((a, b) => Number(b.variant) - Number(a.variant) || a.distance - b.distance || a.rank - b.rank).slice(0, limit);
}

/**
 * The archive's closest spelling of `word`, or undefined when the word is
 * itself in the archive, too short, or nothing is close enough. `shards` are
 * the contents of spellingShardsFor(word). Ties go to the more frequent word.
 */
export function suggestSpelling(word: string, shards: readonly SpellingShard[]): string | undefined {
  const typed = spellingForm(word);
  if (shards.some((shard) => shard.some((candidate) => spellingForm(candidate) === typed))) return undefined;
  return spellingCandidates(word, shards, 1)[0]?.word;
}
