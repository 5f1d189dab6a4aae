import slugify from '@sindresorhus/slugify';

/** Longest slug kept; long titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;
/** The cap of earlier versions: a re-import finds an article it named then (tools/import/import-article.ts). */
export const LEGACY_SLUG_LENGTH = 80;

/**
 * An ASCII slug for a title or a file name: Arabic, Persian, Hebrew and
 * accented Latin are transliterated (أذربيجان → adhrbyjan), so URLs stay
 * readable and safe in every tool. The same text always gives the same slug.
 */
export function slugFromText(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const slug = slugify(text, { lowercase: true, decamelize: false });
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength);
}

/** True for a slug written by hand that is safe as a URL segment and a file name. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120;
}

/** `base`, then `base-2`, `base-3`, … */
export function slugCandidates(base: string, limit = 1000): string[] {
  return [base, ...Array.from({ length: limit - 1 }, (_, index) => `${base}-${index + 2}`)];
}
