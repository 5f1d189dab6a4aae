import type { ScriptKeying, WordKey } from './interface.ts';
import { arabicKeying } from './scripts/arabic.ts';
import { hebrewKeying } from './scripts/hebrew.ts';
import { persianKeying } from './scripts/persian.ts';
import { urduKeying } from './scripts/urdu.ts';

/**
 * Every script's keying, and the word-level questions asked of them. The only
 * module that imports the implementations (scripts/): they depend on the
 * interface (interface.ts) alone, so adding a script touches only its file
 * and the list below.
 */

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
