/** Most tags one article may carry. */
export const MAX_TAGS = 20;
/** Longest tag, in characters (code points) after normalization. */
export const MAX_TAG_LENGTH = 60;

/** A tag as stored: NFC, no space at the ends, runs of white space as one space. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * URL segment of a tag — the single definition, used by the importer to find
 * tags that would share a page and by the pages to build their paths: the
 * tag in its own script (readers of an Arabic archive read Arabic URLs), Latin
 * letters lowercased, runs of spaces and hyphens as one hyphen, none at the
 * ends. Characters a path segment cannot hold (/ \ ? # %) are refused by
 * validateTag; should one reach here anyway it becomes a hyphen too.
 */
export function tagSegment(tag: string): string {
  return normalizeTag(tag)
    .replace(/\p{Script=Latin}/gu, (letter) => letter.toLowerCase())
    .replace(/[\s/\\?#%-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Path of a tag's page, e.g. ar/tags/قره-باغ/. */
export function tagPath(locale: string, tag: string): string {
  return `${locale}/tags/${tagSegment(tag)}/`;
}

const FORBIDDEN_IN_SEGMENT: Record<string, string> = { '/': 'a slash "/"', '\\': 'a backslash "\\"', '?': 'a question mark "?"', '#': 'a hash "#"', '%': 'a percent sign "%"' };

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with a tag, or null when it can be a tag page: 1–60
 * characters after normalization, not "." or "..", not only punctuation or
 * symbols, no control characters (NUL included), no characters XML 1.0 cannot
 * carry, no bidi controls, and none of / \ ? # % (which a URL path segment
 * cannot hold). Positions are 1-based characters of the tag as given.
 */
export function validateTag(tag: string): string | null {
  // Characters are checked as written (before white space is collapsed), so a tab or form feed is named, not hidden.
  for (const [index, char] of [...tag].entries()) {
    const at = `at character ${index + 1}`;
    if (/\p{Cc}/u.test(char)) return `contains the control character ${codePoint(char)}${char === '\0' ? ' (NUL)' : ''} ${at}`;
    if (/[\p{Cs}\uFFFE\uFFFF]/u.test(char)) return `contains ${codePoint(char)}, which XML 1.0 (the RSS feed) cannot carry, ${at}`;
    if (/[\u202A-\u202E\u2066-\u2069]/u.test(char)) return `contains the bidi control ${codePoint(char)} ${at}`;
    if (FORBIDDEN_IN_SEGMENT[char]) return `contains ${FORBIDDEN_IN_SEGMENT[char]} ${at}, which a URL path segment cannot hold`;
  }
  const normalized = normalizeTag(tag);
  const length = [...normalized].length;
  if (length === 0) return 'is empty';
  if (length > MAX_TAG_LENGTH) return `is ${length} characters long (the limit is ${MAX_TAG_LENGTH})`;
  if (normalized === '.' || normalized === '..') return `is "${normalized}", which a URL reads as a folder, not a page`;
  if (/^[\p{P}\p{S}\s]+$/u.test(normalized)) return 'has only punctuation or symbols';
  return null;
}
