import { LOCALES, type LocaleCode } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/strings/index.ts';
import { interfaceNumberLocale } from '../i18n/formats.ts';

/** The localized strings and number format the search scripts need, as one JSON-able object. */
export function searchMessages(locale: LocaleCode) {
  const t = useTranslations(locale);
  return {
    searching: t('search.searching'),
    noResults: t('search.noResults'),
    noResultsHint: t('search.noResultsHint'),
    resultCount: t('search.resultCount'),
    unavailable: t('search.unavailable'),
    offline: t('search.offline'),
    coverage: t('search.coverage'),
    searchAll: t('search.searchAll'),
    loadingOlder: t('search.loadingOlder'),
    showingFor: t('search.showingFor'),
    closest: t('search.closest'),
    missingWords: t('search.missingWords'),
    otherLanguage: t('search.otherLanguage'),
    /** Each locale's name as written in it, for offering its results. */
    languageNames: Object.fromEntries(Object.entries(LOCALES).map(([code, { label }]) => [code, label])) as Record<string, string>,
    numberLocale: interfaceNumberLocale(locale),
  };
}
