import type { UiStrings } from './ar.ts';

/** English UI strings; `satisfies` makes a missing key a type error. */
export const en = {
  'site.name': 'Arshif',
  'site.tagline': 'A searchable archive of articles',
  'nav.home': 'Home',
  'nav.skipToContent': 'Skip to content',
  'nav.languages': 'Languages',
  'home.title': 'Latest articles',
  'home.empty': 'No articles yet.',
  'article.published': 'Published',
  'article.undated': 'Undated',
  'article.translations': 'This article in other languages',
  'article.source': 'Source',
  'search.label': 'Search the archive',
  'search.placeholder': 'Type a word to search…',
  'search.submit': 'Search',
  'search.searching': 'Searching…',
  'search.noResults': 'No results for “{query}”.',
  'search.resultCount': 'Results: {count}',
  'search.unavailable': 'Search is not available right now.',
  'redirect.title': 'Arshif',
  'theme.dark': 'Dark theme',
  'article.notTranslated': 'This article is not available in English; it is shown in its original language.',
  'redirect.message': 'Go to the archive',
} as const satisfies UiStrings;
