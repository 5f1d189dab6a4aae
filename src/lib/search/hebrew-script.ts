import type { ScriptKeying, WordKey } from './keying.ts';

/**
 * How Hebrew words are written, and how to see past it. A word takes its
 * prepositions, conjunction, relative and article as single letters joined
 * to its front (ו ה ב כ ל מ ש: והבית, שבבית, וכשהגיע), may carry niqqud and
 * cantillation (בַּיִת), and writes five letters in a final form at its end
 * (ך ם ן ף ץ). Pagefind has no Hebrew stemmer and sees none of this; this
 * module gives each word the keys under which its written forms meet, the
 * way arabic-script.ts does for Arabic.
 */

// Niqqud, cantillation, dagesh, shin/sin dots, rafe, meteg, holam haser: marks a reader rarely types.
const HEBREW_MARKS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;

const FINAL_LETTERS: Record<string, string> = { 'ך': 'כ', 'ם': 'מ', 'ן': 'נ', 'ף': 'פ', 'ץ': 'צ' };

const HEBREW_LETTER = /[\u05D0-\u05EA\uFB1D-\uFB4F]/;

/**
 * The form every spelling of a Hebrew word shares: no marks (presentation
 * forms such as שׁ decomposed first), final letters as their medial forms.
 * Used only as a key, never shown.
 */
export function foldHebrewWord(word: string): string {
  const withoutMarks = word.normalize('NFKD').replace(HEBREW_MARKS, '').normalize('NFC');
  let folded = '';
  for (const char of withoutMarks) folded += FINAL_LETTERS[char] ?? char;
  return folded.toLowerCase();
}

// Prefix letters in the order they attach: conjunction, relative (ש, כש, מש), preposition, article.
const CONJUNCTIONS = ['', 'ו'];
const RELATIVES = ['', 'ש', 'כש', 'מש'];
const PREPOSITIONS = ['', 'ב', 'כ', 'ל', 'מ'];
const ARTICLES = ['', 'ה'];

/** Every prefix chain, longest first (והב before וה before ו). */
export const HEBREW_PREFIXES: readonly string[] = (() => {
  const set = new Set<string>();
  for (const conjunction of CONJUNCTIONS) {
    for (const relative of RELATIVES) {
      for (const preposition of PREPOSITIONS) {
        for (const article of ARTICLES) set.add(conjunction + relative + preposition + article);
      }
    }
  }
  set.delete('');
  return [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
})();

/** A stem left after a prefix is a word of at least this many letters (דם, בן, יד are words; a lone letter is not). */
const MIN_STEM = 2;

/**
 * The keys of a Hebrew word: its folded form first, then the stems left
 * after each prefix chain it could carry. A single letter may be the word's
 * own (בית, מים), so stripping it is a guess; a chain of two or more before
 * a stem of three letters or more (והבית, שבבית) is taken as sure.
 */
export function hebrewKeysWithCertainty(word: string): WordKey[] {
  const folded = foldHebrewWord(word);
  const keys: WordKey[] = [{ key: folded, sure: true }];
  if (!HEBREW_LETTER.test(folded)) return keys;
  for (const prefix of HEBREW_PREFIXES) {
    if (!folded.startsWith(prefix)) continue;
    const stem = folded.slice(prefix.length);
    const length = [...stem].length;
    if (length < MIN_STEM) continue;
    const sure = [...prefix].length >= 2 && length >= 3;
    const existing = keys.find((entry) => entry.key === stem);
    if (existing) existing.sure ||= sure;
    else keys.push({ key: stem, sure });
  }
  return [keys[0]!, ...keys.slice(1).sort((a, b) => b.key.length - a.key.length)];
}

export const hebrewKeying: ScriptKeying = {
  script: 'Hebr',
  owns: (word) => HEBREW_LETTER.test(word),
  fold: foldHebrewWord,
  foldedSpellings: (word) => [foldHebrewWord(word)],
  keysWithCertainty: hebrewKeysWithCertainty,
};
