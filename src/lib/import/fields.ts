import { ImportError } from './errors.ts';

/** A byline is a name or a few names. */
export const MAX_AUTHOR_LENGTH = 120;
/** A source is a URL or a short description ("Reuters", "Al-Ahram, 12 May 1967, p. 3"). */
export const MAX_SOURCE_LENGTH = 500;

/**
 * A one-line field already normalized (normalizeField refused control and
 * XML-forbidden characters), checked for length. Empty is the same as absent.
 */
export function checkFieldLength(value: string | undefined, max: number, file: string, field: string, line?: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.replace(/\s+/gu, ' ').trim();
  if (!text) return undefined;
  const length = [...text].length;
  if (length > max) throw new ImportError(file, `has ${field} of ${length} characters; the limit is ${max}.`, 'Shorten it: a byline is a name, a source a URL or a short description.', line);
  return text;
}
