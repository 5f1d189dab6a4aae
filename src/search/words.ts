/**
 * Words and numbers as a search index sees them, whatever the script: the
 * keyings (keying/) decide what a word's keys are, not where words begin and
 * end. The digit helpers are here rather than with the Arabic keying: the
 * same number is typed in ASCII, Arabic-Indic (٠-٩) or Persian and Urdu
 * (۰-۹) digits depending on the keyboard, whatever the language of the words
 * around it, and the query expansion offers every digit system for any word
 * holding digits (2020 as well as ٢٠٢٠). The Arabic folding uses asciiDigits
 * too, so Persian and Urdu words fold their digits through it.
 */

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0)! - 0x0660) % 0x90));
}

/** Arabic-Indic digits (٠-٩) for ASCII ones, the way Arabic text often writes numbers. */
export function arabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCodePoint(0x0660 + Number(digit)));
}

/** True when the word holds digits another keyboard would type differently. */
export function hasDigits(word: string): boolean {
  return /[0-9\u0660-\u0669\u06F0-\u06F9]/.test(word);
}

/** Splits text into words the way a search index does: runs of letters, marks and digits. */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * Words of a query the search looks up at most. Each Arabic-script word can
 * cost several index requests (its written forms); a pasted paragraph of
 * hundreds of words must not fire hundreds of requests. The first words are
 * kept: a page must contain all of them, so more words only narrow further.
 */
export const MAX_QUERY_WORDS = 8;

/** The words of a query that are searched: distinct, at most MAX_QUERY_WORDS. */
export function queryWords(query: string): string[] {
  return [...new Set(splitWords(query))].slice(0, MAX_QUERY_WORDS);
}
