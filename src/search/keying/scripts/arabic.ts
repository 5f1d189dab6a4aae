import type { ScriptKeying, WordKey as KeyOfWord } from '../interface.ts';
import { asciiDigits } from '../../words.ts';

/**
 * How readers type Arabic-script words, and how to see past it. Pagefind
 * already folds diacritics, tatweel, hamza on alef, ى/ي, ة/ه and Arabic-Indic
 * digits; what it cannot see past are the letters that cling to the front of
 * a word (و ف ب ل ك, with or without ال), Persian ی/ک typed for Arabic ي/ك, and
 * Persian digits. This module turns a word into the keys under which all its
 * written forms meet.
 */

// Marks Pagefind ignores too: harakat, Quranic marks, superscript alef, tatweel.
const IGNORED_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

const LETTER_EQUIVALENTS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ێ: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه',
  ک: 'ك',
  ڪ: 'ك',
};

/**
 * The form two spellings of one word share: no marks, one alef, one yeh,
 * one kaf, ة as ه, ASCII digits. Used only as a key, never shown.
 */
export function foldArabicWord(word: string): string {
  const withoutMarks = word.normalize('NFC').replace(IGNORED_MARKS, '');
  let folded = '';
  for (const char of withoutMarks) folded += LETTER_EQUIVALENTS[char] ?? char;
  return asciiDigits(folded).toLowerCase();
}

// Proclitics in the order they attach: conjunction, then preposition, then article.
const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];

/** Every proclitic string, longest first (e.g. وبال before وب before و). */
export const PROCLITICS: readonly string[] = (() => {
  const set = new Set<string>();
  for (const conjunction of CONJUNCTIONS) {
    for (const preposition of PREPOSITIONS) {
      set.add(`${conjunction}${preposition}ال`);
      set.add(conjunction + preposition);
    }
    // ل + ال is written لل: the alef of the article drops.
    set.add(`${conjunction}لل`);
  }
  set.delete('');
  return [...set].sort((a, b) => b.length - a.length);
})();

const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/;

/** True when the word is written in Arabic script (and so may carry proclitics). */
export function isArabicScriptWord(word: string): boolean {
  return ARABIC_LETTER.test(word);
}

/**
 * The spellings a word folds to: usually one. A superscript (dagger) alef,
 * as the Uthmani script writes مٰلك or ٱلۡكِتَٰب, is dropped by Pagefind and
 * by foldArabicWord; a reader types it as a full alef (مالك, الكتاب), so a
 * word that has one also folds with an alef in its place.
 */
export function foldedSpellings(word: string): string[] {
  const folded = foldArabicWord(word);
  if (!word.includes('\u0670')) return [folded];
  const withAlef = foldArabicWord(word.normalize('NFC').replace(/\u0640?\u0670/g, 'ا'));
  return withAlef === folded ? [folded] : [folded, withAlef];
}

export interface WordKey extends KeyOfWord {
  key: string;
  /**
   * True when the key is the word itself or the word without a proclitic
   * chain that ends in the article (وال, بال, لل…): such a chain cannot be
   * part of the word, so the key is certainly the same word. A lone و or ب
   * may be the word's own first letter (وزارة, بغداد), so stripping only
   * that is a guess.
   */
  sure: boolean;
}

/** The keys of a word (see wordKeys), each marked sure or not. */
export function wordKeysWithCertainty(word: string): WordKey[] {
  const keys: WordKey[] = [];
  const add = (key: string, sure: boolean) => {
    const existing = keys.find((entry) => entry.key === key);
    if (existing) existing.sure ||= sure;
    else keys.push({ key, sure });
  };
  for (const folded of foldedSpellings(word)) {
    add(folded, true);
    if (!isArabicScriptWord(folded)) continue;
    for (const proclitic of PROCLITICS) {
      if (!folded.startsWith(proclitic)) continue;
      const stem = folded.slice(proclitic.length);
      const withArticle = proclitic.endsWith('ال') || proclitic.endsWith('لل');
      // Two letters at least: رب is a word, and برب holds it.
      if ([...stem].length >= 2) add(stem, withArticle);
    }
  }
  // The typed spelling first; longer keys are closer to what was typed.
  return [keys[0]!, ...keys.slice(1).sort((a, b) => b.key.length - a.key.length)];
}

/**
 * The keys of a word: its folded form first, then the stems left after
 * removing each proclitic it could carry, of two letters at least. وزارة gives
 * [وزاره, زاره]; لروسيا gives [لروسيا, روسيا]; والقوات gives [والقوات, القوات, قوات].
 */
export function wordKeys(word: string): string[] {
  return wordKeysWithCertainty(word).map(({ key }) => key);
}

/** The Arabic-script rules behind the one keying interface (../interface.ts). */
export const arabicKeying: ScriptKeying = {
  script: 'Arab',
  owns: isArabicScriptWord,
  fold: foldArabicWord,
  foldedSpellings,
  keysWithCertainty: wordKeysWithCertainty,
};
