/**
 * The one locale registry. Everything that varies by language — routes,
 * `<html lang dir>`, digits, calendars, the Pagefind index — is read from here,
 * so adding a locale is one entry plus a strings file.
 */
import { ar } from './strings/ar.ts';
import { en } from './strings/en.ts';
import type { UiStrings } from './strings/ar.ts';

export interface LocaleDefinition {
  /** BCP 47 code, also the URL segment and the content folder name. */
  code: string;
  /** The language's name in its own language, for the switcher. */
  label: string;
  /**
   * The interface's one digit style (Intl `nu`): dates, counts, page numbers,
   * list numbers. Choose the digits the archive's texts are written in, so a
   * card never shows a date in one system beside a figure from the text in
   * another (the text itself is always shown exactly as written).
   */
  digits: 'arab' | 'arabext' | 'latn' | 'hebr';
  /** Calendars shown on a dateline, first is primary (Intl `ca`). */
  calendars: readonly ('gregory' | 'islamic-umalqura' | 'persian' | 'hebrew')[];
  /** Language Pagefind indexes and stems this locale with. */
  searchLanguage: string;
  /** Every UI string in this language (src/i18n/strings/<code>.ts). */
  strings: UiStrings;
}

export const LOCALES = {
  ar: {
    code: 'ar',
    label: 'العربية',
    // The Arabic texts of this archive write their figures in Western digits
    // (the seed article: 43 numbers, none in Arabic-Indic; so do Al Jazeera and
    // Arabic Wikipedia), so the interface does too: «20 سبتمبر 2023» beside «600 نقطة».
    digits: 'latn',
    calendars: ['gregory', 'islamic-umalqura'],
    searchLanguage: 'ar',
    strings: ar,
  },
  en: {
    code: 'en',
    label: 'English',
    digits: 'latn',
    calendars: ['gregory', 'islamic-umalqura'],
    searchLanguage: 'en',
    strings: en,
  },
} as const satisfies Record<string, LocaleDefinition>;

export type LocaleCode = keyof typeof LOCALES;

export const DEFAULT_LOCALE: LocaleCode = 'ar';

export const LOCALE_CODES = Object.keys(LOCALES) as LocaleCode[];

/** True when `value` names a locale this archive is configured for. */
export function isLocaleCode(value: string): value is LocaleCode {
  return Object.hasOwn(LOCALES, value);
}

// Scripts written right to left; used when Intl.Locale cannot tell (older engines).
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

/**
 * Text direction of a locale. Asks `Intl.Locale` first (getTextInfo() in
 * current engines, the textInfo getter in older V8) and falls back to a list,
 * because not every runtime ships the text-info proposal.
 */
export function localeDirection(code: string): 'rtl' | 'ltr' {
  try {
    const locale = new Intl.Locale(code) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // An invalid tag falls through to the list.
  }
  return RTL_LANGUAGES.has(code.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** True for locales written in Arabic script (ar, fa, ur…), which use the Naskh face. */
export function isArabicScriptLocale(code: string): boolean {
  try {
    return new Intl.Locale(code).maximize().script === 'Arab';
  } catch {
    return false;
  }
}
