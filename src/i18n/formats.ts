import { LOCALE_PACKS, localeLanguage, type LocaleCode } from './locales.ts';
import { dateTimeFormat, numberFormat } from './intl-cache.ts';

/**
 * A locale's number and date formats: its language with its one digit style
 * (and, for dates, a calendar) — the BCP 47 tag spelled in one place — over
 * the shared formatters of intl-cache.ts.
 */
export { dateTimeFormat, numberFormat };

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

/**
 * The shared formatter of the Levantine Gregorian month names of a locale's
 * language, with its digits: Intl names them for Syria («كانون الثاني»,
 * «آب»), e.g. `ar-SY-u-ca-gregory-nu-latn`.
 */
export function levantineMonths(locale: LocaleCode, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return dateTimeFormat(`${localeLanguage(locale)}-SY-u-ca-gregory-nu-${LOCALE_PACKS[locale].digits}`, options);
}
