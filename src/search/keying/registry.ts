import { arabicKeying, foldArabicWord } from './scripts/arabic.ts';
import { hebrewKeying } from './scripts/hebrew.ts';
import { persianKeying } from './scripts/persian.ts';
import { urduKeying } from './scripts/urdu.ts';

/** A key of a word, and whether the word certainly is the key's word (see scripts/arabic.ts). */
export interface WordKey {
  key: string;
  sure: boolean;
}

/**
 * One script's rules for seeing past how words are written: fold the
 * spellings of one word to one form, and strip the affixes the script joins
 * to a word. The vocabulary (vocabulary.ts), the query expansion
 * (expand-query.ts), re-ranking (relevance.ts) and spelling (spelling.ts)
 * use only this interface, so a script is added by writing one.
 */
export interface ScriptKeying {
  /** ISO 15924 script code. */
  script: string;
  /** True when the word is written in this script. */
  owns(word: string): boolean;
  /** The form all spellings of the word share; a key, never shown. */
  fold(word: string): string;
  /** Every folded spelling of the word (usually one). */
  foldedSpellings(word: string): string[];
  /** The word's keys, the folded word first, each marked sure or not. */
  keysWithCertainty(word: string): WordKey[];
  /**
   * The form Pagefind indexes the word under, when Pagefind itself folds some
   * of its spellings into one (Hebrew marks); the word as written otherwise.
   */
  indexedForm?(word: string): string;
}

// Urdu, then Persian, then Arabic: each owns only the Arabic-script words with letters the next does not write.
const KEYINGS: readonly ScriptKeying[] = [urduKeying, persianKeying, arabicKeying, hebrewKeying];

/** The keying of the script a word is written in, if it has one. */
export function keyingOf(word: string): ScriptKeying | undefined {
  return KEYINGS.find((keying) => keying.owns(word));
}

/** True when the word's script has keying rules (Arabic, Hebrew); Latin words go to Pagefind as typed. */
export function isKeyedWord(word: string): boolean {
  return keyingOf(word) !== undefined;
}

/** True when a language's script has keying rules, so its archive gets a vocabulary. */
export function isKeyedLanguage(language: string): boolean {
  try {
    const script = new Intl.Locale(language).maximize().script;
    return KEYINGS.some((keying) => keying.script === script);
  } catch {
    return false;
  }
}

/** The word folded by its script's rules; other words lower-cased as before (foldArabicWord leaves them so). */
export function foldWord(word: string): string {
  return (keyingOf(word) ?? arabicKeying).fold(word);
}

export function foldedWordSpellings(word: string): string[] {
  return (keyingOf(word) ?? arabicKeying).foldedSpellings(word);
}

export function keysWithCertainty(word: string): WordKey[] {
  return (keyingOf(word) ?? arabicKeying).keysWithCertainty(word);
}

/** The form of the word the vocabulary records (see ScriptKeying.indexedForm). */
export function indexedFormOf(word: string): string {
  return keyingOf(word)?.indexedForm?.(word) ?? word;
}

export function keysOf(word: string): string[] {
  return keysWithCertainty(word).map(({ key }) => key);
}

export { foldArabicWord };
