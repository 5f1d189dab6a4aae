/**
 * The one interface every script's keying implements. It lives apart from
 * the registry (registry.ts) so that the implementations depend on it alone:
 * the registry imports them, and none of them imports the registry back.
 */

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
