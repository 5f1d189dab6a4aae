import { LOCALES, type LocaleCode } from '../locales.ts';
import type { UiStringKey, UiStrings } from './ar.ts';

/**
 * Returns `t(key, params)` for one locale. Placeholders like `{count}` are
 * replaced with the given values, already formatted by the caller.
 */
export function useTranslations(locale: LocaleCode) {
  const strings: UiStrings = LOCALES[locale].strings;
  return (key: UiStringKey, params: Record<string, string | number> = {}): string =>
    strings[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
}

export type { UiStringKey, UiStrings };
