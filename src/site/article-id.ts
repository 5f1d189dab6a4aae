import { LOCALE_CODES, isLocaleCode, type LocaleCode } from '../i18n/locales.ts';

/**
 * Turns a content path such as `ar/some-slug.mdx` into the entry id
 * `ar/some-slug`. The first folder is the locale; anything else is an error
 * that names the file, because a typo'd folder must not become a new language.
 */
export function articleIdFromPath(entryPath: string, contentDir = 'content'): string {
  const parts = entryPath.replace(/\\/g, '/').split('/');
  const where = `${contentDir.replace(/\/$/, '')}/${entryPath}`;
  if (parts.length < 2) {
    throw new Error(
      `${where}: articles belong in a locale folder (content/<locale>/<slug>.mdx, locale one of ${LOCALE_CODES.join(', ')}). Move the file into one.`,
    );
  }
  const [locale] = parts;
  if (!isLocaleCode(locale!)) {
    throw new Error(
      `${where}: folder "${locale}" is not a configured locale (${LOCALE_CODES.join(', ')}). Move the file, or add the locale to src/i18n/locales.ts.`,
    );
  }
  return parts.join('/').replace(/\.mdx$/, '');
}

/** Splits an entry id into its locale and slug. */
export function splitArticleId(id: string): { locale: LocaleCode; slug: string } {
  const slash = id.indexOf('/');
  const locale = id.slice(0, slash);
  if (!isLocaleCode(locale)) throw new Error(`Article id "${id}" does not start with a configured locale.`);
  return { locale, slug: id.slice(slash + 1) };
}
