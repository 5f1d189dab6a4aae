import { foldedSpellings, isArabicScriptWord } from './arabic.ts';
import type { ScriptKeying, WordKey } from '../interface.ts';
import { persianKeying, persianKeysWithCertainty } from './persian.ts';

/**
 * Urdu words over the Persian rules (persian.ts): a noun changes its
 * ending with number and case, and the ending is joined to the word —
 * عورت, عورتیں, عورتوں; فرشتہ, فرشتے, فرشتوں; لوہا, لوہے; ہوا, ہوائیں,
 * ہواؤں — so a reader's form is rarely the text's. A plural or oblique form
 * is also keyed by the singulars it can be the form of (فرشتے: فرشتہ or
 * فرشتا; عورتوں: عورت, عورتا or عورتہ), so every form of a noun meets at its
 * singular: a singular is its own key, and a plural in the text is found
 * under the singular the reader types, and the other way round. Only a
 * singular that ends the way the plural's ending replaces is made (never the
 * bare stem of فرشتے or جمعے, which would be another word: جمع). Only words
 * with a letter Persian does not write (ٹ ڈ ڑ ں ہ ے ھ) take these rules, so
 * Persian and Arabic keys stay exactly as they were.
 */
const URDU_LETTER = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C2\u06C3\u06D2\u06D3]/;

/**
 * Folded endings (foldArabicWord turns ی and ئ into ي, ؤ into و), longest
 * first, and the endings of the singulars they replace ('' the bare stem):
 * ـیاں ـیوں are the plural of ـی; ـئیں ـیں of a consonant or ـا (ہوائیں,
 * عورتیں); ـوں (and ـؤں) of a consonant, ـا or ـہ; ـے of ـا or ـہ.
 */
const ENDINGS: readonly { ending: string; singulars: readonly string[] }[] = [
  { ending: 'يوں', singulars: ['ي'] },
  { ending: 'ياں', singulars: ['ي'] },
  { ending: 'ييں', singulars: [''] },
  { ending: 'وں', singulars: ['', 'ا', 'ہ'] },
  { ending: 'يں', singulars: [''] },
  { ending: 'ے', singulars: ['ا', 'ہ'] },
  { ending: 'ۓ', singulars: [''] },
];

/** A stem keeps three letters at least (عورت from عورتیں; nothing from میں, کہیں, ہے, لیے). */
const MIN_STEM = 3;

/**
 * The Persian keys of the word, then the singulars it can be the plural or
 * oblique form of. Each is sure: a form of the archive found under it is as
 * close as the typed word's own (فرشتوں finds فرشتے, not only pages with
 * فرشتوں: see expandWord's tiers).
 */
export function urduKeysWithCertainty(word: string): WordKey[] {
  const keys = persianKeysWithCertainty(word);
  const [typed, ...rest] = keys;
  const all = [...rest];
  for (const folded of foldedSpellings(word)) {
    for (const { ending, singulars } of ENDINGS) {
      if (!folded.endsWith(ending)) continue;
      const stem = folded.slice(0, -ending.length);
      if ([...stem].length < MIN_STEM) continue;
      for (const singular of singulars) {
        const key = stem + singular;
        if (key === typed!.key) continue;
        const existing = all.find((entry) => entry.key === key);
        if (existing) existing.sure = true;
        else all.push({ key, sure: true });
      }
    }
  }
  return [typed!, ...all.sort((a, b) => b.key.length - a.key.length)];
}

export const urduKeying: ScriptKeying = {
  script: 'Arab',
  owns: (word) => isArabicScriptWord(word) && URDU_LETTER.test(word),
  fold: persianKeying.fold,
  foldedSpellings: persianKeying.foldedSpellings,
  keysWithCertainty: urduKeysWithCertainty,
};
