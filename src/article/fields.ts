/** Limits of an article's fields other than names (src/article/names.ts holds those of tags and bylines). */

/** A source is a URL or a short description ("Reuters", "Al-Ahram, 12 May 1967, p. 3"). */
export const MAX_SOURCE_LENGTH = 500;
/** Photographs one article may show. */
export const MAX_IMAGES = 100;
/** A translation group is named by its original, `<locale>/<slug>`. */
export const TRANSLATION_KEY = /^[a-z]{2,3}\/[^/\s]+$/;

/** Why a source cannot be stored, or null. */
export function sourceProblem(source: string): string | null {
  const length = [...source.replace(/\s+/gu, ' ').trim()].length;
  return length > MAX_SOURCE_LENGTH ? `is ${length} characters long (the limit is ${MAX_SOURCE_LENGTH}): a source is a URL or a short description` : null;
}
