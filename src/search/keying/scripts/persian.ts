import { foldArabicWord, foldedSpellings, isArabicScriptWord, wordKeysWithCertainty } from './arabic.ts';
import type { ScriptKeying, WordKey } from '../interface.ts';

/**
 * Persian and Urdu words over the Arabic-script rules (arabic.ts):
 * the same letters fold the same way, and besides the Arabic proclitics a
 * word may carry the preposition «به», the verbal prefixes «می/نمی» and the
 * plural «ها/های» joined to it (بتهران is Arabic's ب; بهتهران, میروم,
 * کتابها, کتابهای). Written after a zero-width non-joiner (می‌روم,
 * کتاب‌ها) they are separate words already (splitWords, words.ts), so the stem is
 * found as it is. Only words with a letter Arabic does not write (پ چ ژ گ ک ی
 * and Urdu's ٹ ڈ ڑ ں ہ ے ھ) take these rules, so Arabic keys stay exactly as
 * they were. Words with an Urdu letter take Urdu's endings besides
 * (urdu.ts).
 */
const PERSIAN_OR_URDU_LETTER = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u0679\u0688\u0691\u06BA\u06C1\u06D2\u06BE]/;

// Folded forms (foldArabicWord turns ی into ي and ک into ك): longest first.
const PREFIXES = ['نمي', 'مي', 'به'];
const SUFFIXES = ['هاي', 'ها'];

/** Stems are two letters at least, as in arabic.ts. */
const MIN_STEM = 2;

function stripped(folded: string): string[] {
  const stems: string[] = [];
  const withoutPrefix = [folded, ...PREFIXES.filter((prefix) => folded.startsWith(prefix)).map((prefix) => folded.slice(prefix.length))];
  for (const stem of withoutPrefix) {
    stems.push(stem);
    for (const suffix of SUFFIXES) if (stem.endsWith(suffix)) stems.push(stem.slice(0, -suffix.length));
  }
  return stems.slice(1).filter((stem) => [...stem].length >= MIN_STEM);
}

/** The Arabic keys of the word, then its stems without a Persian or Urdu affix (each a guess: بهار, میدان, تنها). */
export function persianKeysWithCertainty(word: string): WordKey[] {
  const keys = wordKeysWithCertainty(word);
  const [typed, ...rest] = keys;
  const extra: WordKey[] = [];
  for (const folded of foldedSpellings(word)) {
    for (const stem of stripped(folded)) {
      if (!keys.some(({ key }) => key === stem) && !extra.some(({ key }) => key === stem)) extra.push({ key: stem, sure: false });
    }
  }
  return [typed!, ...[...rest, ...extra].sort((a, b) => b.key.length - a.key.length)];
}

export const persianKeying: ScriptKeying = {
  script: 'Arab',
  owns: (word) => isArabicScriptWord(word) && PERSIAN_OR_URDU_LETTER.test(word),
  fold: foldArabicWord,
  foldedSpellings,
  keysWithCertainty: persianKeysWithCertainty,
};
