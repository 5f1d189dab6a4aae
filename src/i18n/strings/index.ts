import { LOCALES, type LocaleCode } from '../locales.ts';
import { pluralForm } from '../plural.ts';
import { numberFormat, interfaceNumberLocale } from '../formats.ts';
import type { UiPluralKey, UiStringKey, UiStrings } from './ar.ts';

type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

/**
 * Returns `t(key, params)` for one locale. Placeholders like `{count}` are
 * replaced with the given values, already formatted by the caller.
 */
export function useTranslations(locale: LocaleCode) {
  const strings: UiStrings = LOCALES[locale].strings;
  return (key: UiStringKey, params: Params = {}): string => fill(strings[key], params);
}

/**
 * Returns `tn(key, count, params)`: the phrase in the plural form the
 * language uses for `count` (Intl.PluralRules), with `{count}` written in
 * the locale's interface digits.
 */
export function usePlurals(locale: LocaleCode) {
  const strings: UiStrings = LOCALES[locale].strings;
  const digits = numberFormat(interfaceNumberLocale(locale));
  return (key: UiPluralKey, count: number, params: Params = {}): string =>
    fill(pluralForm(strings[key], locale, count), { count: digits.format(count), ...params });
}

export { interfaceNumberLocale };

export type { UiPluralKey, UiStringKey, UiStrings };
