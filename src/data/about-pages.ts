import type { MarkdownInstance } from 'astro';
import type { LocaleCode } from '../i18n/locales.ts';

/**
 * The "about" page of each locale is a content page, written in Markdown at
 * content-pages/<locale>/about.md: text for editors, not code. A locale
 * without one simply has no about page and no footer link to it.
 */
const pages = import.meta.glob<MarkdownInstance<{ title: string; description?: string }>>('../../content-pages/*/about.md', { eager: true });

export function aboutPage(locale: LocaleCode): MarkdownInstance<{ title: string; description?: string }> | undefined {
  return pages[`../../content-pages/${locale}/about.md`];
}

/** `ar/about/`, or undefined when the locale has no about page. */
export function aboutPagePath(locale: LocaleCode): string | undefined {
  return aboutPage(locale) ? `${locale}/about/` : undefined;
}
