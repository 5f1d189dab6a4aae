import { LOCALES, type LocaleCode } from '../i18n/locales.ts';
import { dateTimeFormat } from './intl.ts';

type Calendar = (typeof LOCALES)[LocaleCode]['calendars'][number];

/**
 * Formats a date in one calendar with the locale's own digits, e.g. Arabic
 * with Arabic-Indic digits. Dates are stored as UTC midnights (YAML dates), so
 * formatting in UTC keeps the day from shifting with the reader's time zone.
 */
export function formatDate(date: Date, locale: LocaleCode, calendar: Calendar = 'gregory'): string {
  const { digits } = LOCALES[locale];
  const parts = dateTimeFormat(`${locale}-u-ca-${calendar}-nu-${digits}`, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).formatToParts(date);
  const withDay = parts.some((part) => part.type === 'day');
  return parts.map((part) => (part.type === 'month' && withDay ? monthAfterNumber(part.value, locale) : part.value)).join('');
}

/**
 * An Arabic month name after a day number, which makes it genitive (إضافة):
 * «٢٩ ذي الحجة», «١٥ ذي القعدة», where ICU writes the nominative «ذو».
 * The other Hijri and Gregorian month names do not change with case.
 */
export function monthAfterNumber(month: string, locale: string): string {
  if (new Intl.Locale(locale).language !== 'ar') return month;
  return month.replace(/^ذو(?=\s)/, 'ذي');
}

/** The date in every calendar the locale shows, primary first. */
export function formatDateInCalendars(date: Date, locale: LocaleCode): { calendar: Calendar; text: string }[] {
  return LOCALES[locale].calendars.map((calendar) => ({ calendar, text: formatDate(date, locale, calendar) }));
}

/** `YYYY-MM-DD`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Newest first; undated articles after every dated one, in a stable order. */
export function compareNewestFirst(a: Date | undefined, b: Date | undefined): number {
  if (a && b) return b.getTime() - a.getTime();
  if (a) return -1;
  if (b) return 1;
  return 0;
}
