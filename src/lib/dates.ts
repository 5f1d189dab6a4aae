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
  return dateTimeFormat(`${locale}-u-ca-${calendar}-nu-${digits}`, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
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
