import type { LocaleCode } from '../locales.ts';
import { ar, type UiStringKey, type UiStrings } from './ar.ts';
import { en } from './en.ts';

/** Every locale's strings; a locale missing here is a type error. */
export const UI_STRINGS: Record<LocaleCode, UiStrings> = { ar, en };

/**
 * Returns `t(key, params)` for one locale. Placeholders like `{count}` are
 * replaced with the given values, already formatted by the caller.
 */
export function useTranslations(locale: LocaleCode) {
  const strings = UI_STRINGS[locale];
  return (key: UiStringKey, params: Record<string, string | number> = {}): string =>
    strings[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in params ? String(params[name]) : placeholder,
    );
}

export type { UiStringKey, UiStrings };
