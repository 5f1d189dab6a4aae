import { LOCALE_PACKS, type LocaleCode } from './locales.ts';

/**
 * Shared Intl formatters. Each Intl object holds ICU data in native memory
 * that V8's garbage collector does not see, so a build that made a new
 * formatter for every date on every listing page grew by hundreds of
 * megabytes (measured: 10,000 articles, +0.8 GB while tag pages were built).
 * One formatter per locale and options serves the whole build.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** BCP 47 tag for numbers in a locale's interface: its language with its one digit style, e.g. `ar-u-nu-arab`. */
export function interfaceNumberLocale(locale: LocaleCode): string {
  return `${locale}-u-nu-${LOCALE_PACKS[locale].digits}`;
}

/** BCP 47 tag for dates of a locale in one calendar, with the locale's digits, e.g. `fa-u-ca-persian-nu-arabext`. */
export function calendarDateLocale(locale: LocaleCode, calendar: string): string {
  return `${locale}-u-ca-${calendar}-nu-${LOCALE_PACKS[locale].digits}`;
}

/** The shared number formatter of a locale's interface (its digits). */
export function localeNumbers(locale: LocaleCode, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return numberFormat(interfaceNumberLocale(locale), options);
}

/** The shared date formatter of a locale in one calendar (its digits). */
export function localeDates(locale: LocaleCode, calendar: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return dateTimeFormat(calendarDateLocale(locale, calendar), options);
}
