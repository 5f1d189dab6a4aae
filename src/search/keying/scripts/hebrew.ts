import type { ScriptKeying, WordKey } from '../interface.ts';

/**
 * How Hebrew words are written, and how to see past it. A word takes its
 * prepositions, conjunction, relative and article as single letters joined
 * to its front (ו ה ב כ ל מ ש: והבית, שבבית, וכשהגיע), may carry niqqud and
 * cantillation (בַּיִת), writes five letters in a final form at its end
 * (ך ם ן ף ץ), is spelled with or without the vowel letters ו and י (בער,
 * בוער: defective and full spelling), and may be joined to the next word by a
 * maqaf (אֶת־הָאַיִל). Pagefind has no Hebrew stemmer; it drops the marks but
 * indexes a maqaf-joined pair as one word (אתהאיל, not האיל). This module gives
 * each word the keys under which its written forms meet, the way
 * arabic.ts does for Arabic.
 */

// Niqqud, cantillation, dagesh, shin/sin dots, rafe, meteg, holam haser: marks a reader rarely types.
const HEBREW_MARKS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;

const FINAL_LETTERS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };

const HEBREW_LETTER = /[\u05D0-\u05EA\uFB1D-\uFB4F]/;

/**
 * The form every spelling of a Hebrew word shares: no marks (presentation
 * forms such as שׁ decomposed first), final letters as their medial forms.
 * Used only as a key, never shown.
 */
/** The maqaf (־), which joins two words into one written word. */
export const MAQAF = '\u05BE';

/**
 * The word as Pagefind indexes it: without marks (its pointed spellings, which
 * differ only in accents, are one entry of the index), final letters and maqaf
 * as written.
 */
export function hebrewIndexedForm(word: string): string {
  return word.normalize('NFKD').replace(HEBREW_MARKS, '').normalize('NFC');
}

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

/** A key without its vowel letters has at least this many letters (בער from בוער; not שר from שיר). */
const MIN_SKELETON = 3;

/**
 * The key without the vowel letters ו and י inside it (not its first or last
 * letter): the full spelling of modern Hebrew (בוער, האופים, מרגלותיו) and the
 * defective spelling of pointed and older text (בֹּעֵר, הָאֹפִים, מַרְגְּלֹתָיו)
 * meet there. A guess: ו and י are also consonants (צוה, קיים).
 */
export function withoutVowelLetters(key: string): string | undefined {
  const letters = [...key];
  if (letters.length < 3) return undefined;
  const skeleton = [letters[0], ...letters.slice(1, -1).filter((letter) => letter !== 'ו' && letter !== 'י'), letters.at(-1)].join('');
  return skeleton !== key && [...skeleton].length >= MIN_SKELETON ? skeleton : undefined;
}

/** The keys of one word (no maqaf): folded form, stems after prefix chains, and each without vowel letters. */
function simpleWordKeys(word: string): WordKey[] {
  const folded = foldHebrewWord(word);
  const keys: WordKey[] = [{ key: folded, sure: true }];
  const add = (key: string, sure: boolean) => {
    const existing = keys.find((entry) => entry.key === key);
    if (existing) existing.sure ||= sure;
    else keys.push({ key, sure });
  };
  if (!HEBREW_LETTER.test(folded)) return keys;
  for (const prefix of HEBREW_PREFIXES) {
    if (!folded.startsWith(prefix)) continue;
    const stem = folded.slice(prefix.length);
    const length = [...stem].length;
    if (length < MIN_STEM) continue;
    add(stem, [...prefix].length >= 2 && length >= 3);
  }
  for (const { key } of [...keys]) {
    const skeleton = withoutVowelLetters(key);
    if (skeleton) add(skeleton, false);
  }
  return keys;
}

/**
 * The keys of a Hebrew word: its folded form first, then the stems left
 * after each prefix chain it could carry, and each key without its vowel
 * letters. A single letter may be the word's own (בית, מים), so stripping it
 * is a guess; a chain of two or more before a stem of three letters or more
 * (והבית, שבבית) is taken as sure. A maqaf-joined word (as the vocabulary
 * records it, see vocabulary.ts) has the keys of each of its words too, each
 * word's folded form as sure as the word itself: את־האיל is found by האיל.
 */
export function hebrewKeysWithCertainty(word: string): WordKey[] {
  const parts = word.split(MAQAF).filter(Boolean);
  const keys = simpleWordKeys(word);
  if (parts.length > 1) {
    for (const part of parts) {
      for (const { key, sure } of simpleWordKeys(part)) {
        const existing = keys.find((entry) => entry.key === key);
        if (existing) existing.sure ||= sure;
        else keys.push({ key, sure });
      }
    }
  }
  return [keys[0]!, ...keys.slice(1).sort((a, b) => b.key.length - a.key.length)];
}

/** The folded word, and for a maqaf-joined word each of its words folded too. */
export function foldedHebrewSpellings(word: string): string[] {
  const folded = foldHebrewWord(word);
  const parts = word.split(MAQAF).filter(Boolean);
  return parts.length > 1 ? [folded, ...parts.map(foldHebrewWord)] : [folded];
}

export const hebrewKeying: ScriptKeying = {
  script: 'Hebr',
  owns: (word) => HEBREW_LETTER.test(word),
  fold: foldHebrewWord,
  foldedSpellings: foldedHebrewSpellings,
  keysWithCertainty: hebrewKeysWithCertainty,
  indexedForm: hebrewIndexedForm,
};
