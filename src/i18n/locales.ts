/**
 * The one locale registry. Everything that varies by language — routes,
 * `<html lang dir>`, digits, calendars, the Pagefind index — is read from here,
 * so adding a locale is one entry plus a strings file.
 *
 * Every locale pack shipped is listed in LOCALE_PACKS; a site turns packs on
 * with the environment variable ARSHIF_LOCALES (comma-separated codes, e.g.
 * `ARSHIF_LOCALES=ar,en,fa,he,ur npm run build`), read once when the build
 * starts. Without it, the packs marked `enabled` are on (ar and en).
 */
import { ar } from './strings/ar.ts';
import { en } from './strings/en.ts';
import { fa } from './strings/fa.ts';
import { he } from './strings/he.ts';
import { ur } from './strings/ur.ts';
import type { UiStrings } from './strings/ar.ts';
import type { CalendarId } from './calendar.ts';
import { settings } from '../settings.ts';

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
  calendars: readonly CalendarId[];
  /**
   * The calendar the archive is grouped by: its years and months (index,
   * month pages and their URLs, chart, titles), the search page's year filter
   * and the years a search says it covered. Grouping and naming always use
   * this one calendar.
   */
  archiveCalendar: CalendarId;
  /**
   * The language Pagefind indexes this locale's articles as (its `forceLanguage`):
   * Pagefind's stemmer for it when Pagefind has one (ar and en do; fa, he and ur
   * have none, and Arshif's own keying in src/search strips their affixes).
   * Usually the locale's code; a regional locale (ar-EG) names its language.
   */
  searchLanguage: string;
  /** Every UI string in this language (src/i18n/strings/<code>.ts). */
  strings: UiStrings;
  /** On when ARSHIF_LOCALES is not set. */
  enabled: boolean;
}

/** Every locale pack shipped, on or off. Code that renders pages reads LOCALES (the packs turned on). */
export const LOCALE_PACKS = {
  ar: {
    code: 'ar',
    label: 'العربية',
    // The Arabic texts of this archive write their figures in Western digits
    // (the seed article: 43 numbers, none in Arabic-Indic; so do Al Jazeera and
    // Arabic Wikipedia), so the interface does too: «20 سبتمبر 2023» beside «600 نقطة».
    digits: 'latn',
    calendars: ['gregory', 'islamic-umalqura'],
    archiveCalendar: 'gregory',
    searchLanguage: 'ar',
    strings: ar,
    enabled: true,
  },
  en: {
    code: 'en',
    label: 'English',
    digits: 'latn',
    calendars: ['gregory', 'islamic-umalqura'],
    archiveCalendar: 'gregory',
    searchLanguage: 'en',
    strings: en,
    enabled: true,
  },
  fa: {
    code: 'fa',
    label: 'فارسی',
    // Persian print writes figures in Extended Arabic-Indic digits (۱۴۰۲), never Western ones.
    digits: 'arabext',
    // Solar Hijri is Iran's civil calendar; Gregorian second, for dates abroad.
    calendars: ['persian', 'gregory'],
    // Iranian archives file by the Solar Hijri month, as their datelines read: /fa/archive/1402/07/ is Mehr 1402.
    archiveCalendar: 'persian',
    searchLanguage: 'fa',
    strings: fa,
    enabled: false,
  },
  he: {
    code: 'he',
    label: 'עברית',
    // Israeli print writes figures in Western digits; Hebrew letters as numbers belong to the Hebrew calendar's own dates.
    digits: 'latn',
    // The Hebrew date first (its day and year in Hebrew letters, as ICU and Hebrew print write them), the civil date beside it.
    calendars: ['hebrew', 'gregory'],
    // Grouped as the datelines read first: by Hebrew month, 13 in a leap year.
    archiveCalendar: 'hebrew',
    searchLanguage: 'he',
    strings: he,
    enabled: false,
  },
  ur: {
    code: 'ur',
    label: 'اردو',
    digits: 'arabext',
    // Pakistani papers date by the Gregorian calendar, the Hijri date beside it.
    calendars: ['gregory', 'islamic-umalqura'],
    archiveCalendar: 'gregory',
    searchLanguage: 'ur',
    strings: ur,
    enabled: false,
  },
} as const satisfies Record<string, LocaleDefinition>;

export type LocaleCode = keyof typeof LOCALE_PACKS;

export const DEFAULT_LOCALE: LocaleCode = 'ar';

/**
 * The codes turned on: ARSHIF_LOCALES, else the packs marked `enabled`. An
 * unknown code is an error naming the variable and the packs there are.
 */
export function enabledLocaleCodes(codes: readonly string[] | undefined): LocaleCode[] {
  const packs = Object.keys(LOCALE_PACKS) as LocaleCode[];
  if (codes === undefined || codes.length === 0) return packs.filter((code) => LOCALE_PACKS[code].enabled);
  const unknown = codes.filter((code) => !Object.hasOwn(LOCALE_PACKS, code));
  if (unknown.length > 0) {
    throw new Error(
      `ARSHIF_LOCALES: ${unknown.map((code) => `"${code}"`).join(', ')} is not a locale pack (there are ${packs.join(', ')}). Fix the variable, or add the pack to src/i18n/locales.ts.`,
    );
  }
  if (!codes.includes(DEFAULT_LOCALE)) {
    throw new Error(`ARSHIF_LOCALES: the default locale "${DEFAULT_LOCALE}" must be on (got ${codes.join(', ')}). Add it to the variable.`);
  }
  return [...codes] as LocaleCode[];
}

/** Codes of the locales turned on, in registry order of ARSHIF_LOCALES (else of LOCALE_PACKS). */
export const LOCALE_CODES: LocaleCode[] = enabledLocaleCodes(settings.locales);

/**
 * The locales turned on. Typed as every pack: code indexes it with codes that
 * came from LOCALE_CODES or isLocaleCode, which only yield locales that are on.
 */
export const LOCALES = Object.fromEntries(LOCALE_CODES.map((code) => [code, LOCALE_PACKS[code]])) as unknown as typeof LOCALE_PACKS;

/** True when `value` names a locale this archive is configured for (turned on). */
export function isLocaleCode(value: string): value is LocaleCode {
  return Object.hasOwn(LOCALES, value);
}

// Scripts written right to left; used when Intl.Locale cannot tell (older engines).
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

// Every page asks these of the same few codes, and an Intl.Locale costs microseconds each time
// (measured: a few hundred milliseconds of a 2,000-article build's rendering).
const directions = new Map<string, 'rtl' | 'ltr'>();
const scripts = new Map<string, string | undefined>();
const languages = new Map<string, string>();

/** A locale's language subtag (`ar` of `ar-SA`). */
export function localeLanguage(code: string): string {
  return remembered(languages, code, (tag) => new Intl.Locale(tag).language);
}

/**
 * Text direction of a locale. Asks `Intl.Locale` first (getTextInfo() in
 * current engines, the textInfo getter in older V8) and falls back to a list,
 * because not every runtime ships the text-info proposal.
 */
export function localeDirection(code: string): 'rtl' | 'ltr' {
  return remembered(directions, code, directionOf);
}

function directionOf(code: string): 'rtl' | 'ltr' {
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
  return scriptOf(code) === 'Arab';
}

/** True for locales written in Hebrew script (he, yi), which use the Hebrew face. */
export function isHebrewScriptLocale(code: string): boolean {
  return scriptOf(code) === 'Hebr';
}

function scriptOf(code: string): string | undefined {
  return remembered(scripts, code, (tag) => {
    try {
      return new Intl.Locale(tag).maximize().script;
    } catch {
      return undefined;
    }
  });
}

function remembered<T>(cache: Map<string, T>, code: string, compute: (code: string) => T): T {
  if (cache.has(code)) return cache.get(code) as T;
  const value = compute(code);
  cache.set(code, value);
  return value;
}
