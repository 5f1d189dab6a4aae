/**
 * Prefixes a site path with the configured base (`/` or `/archive/`), so the
 * same build works at a domain's root and in a subfolder.
 */
export function withBase(base: string, pathname: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + pathname.replace(/^\/+/, '');
}

/** Path of a locale's home page, e.g. `ar/`. */
export function localeHomePath(locale: string): string {
  return `${locale}/`;
}

/** Path of an article page, e.g. `ar/articles/some-slug/`. */
export function articlePath(locale: string, slug: string): string {
  return `${locale}/articles/${slug}/`;
}

/** Path of a locale's search page, e.g. `ar/search/`. */
export function searchPath(locale: string): string {
  return `${locale}/search/`;
}

/**
 * The same route in every other locale, e.g. for `archive/` on an Arabic page
 * { en: 'en/archive/' }: listing pages exist in every locale.
 */
export function sameRouteInOtherLocales<Code extends string>(locales: readonly Code[], current: Code, suffix: string): Partial<Record<Code, string>> {
  return Object.fromEntries(locales.filter((code) => code !== current).map((code) => [code, `${code}/${suffix}`])) as Partial<Record<Code, string>>;
}
