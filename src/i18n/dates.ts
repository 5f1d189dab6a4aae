import { settings, type ArabicMonthNames } from '../settings.ts';
import { LOCALE_PACKS, localeLanguage, type LocaleCode } from './locales.ts';
import { levantineMonths, localeDates } from './formats.ts';

type Calendar = (typeof LOCALE_PACKS)[LocaleCode]['calendars'][number];

/**
 * Formats a date in one calendar with the locale's own digits, e.g. Arabic
 * with Arabic-Indic digits. Dates are stored as UTC midnights (YAML dates), so
 * formatting in UTC keeps the day from shifting with the reader's time zone.
 * Arabic Gregorian months are named as `monthNames` says, the site's setting
 * by default; code in the browser, which has no settings, passes it.
 */
export function formatDate(date: Date, locale: LocaleCode, calendar: Calendar = 'gregory', monthNames: ArabicMonthNames = settings.arabicMonths): string {
  const key = `${date.getTime()}\0${locale}\0${calendar}\0${monthNames}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = formatDateAnew(date, locale, calendar, monthNames);
    formattedDates.set(key, text);
  }
  return text;
}

/**
 * Dates already formatted: a build writes each article's date on its page and
 * on every listing that shows it (home, archive, tags, authors, related), each
 * time in every calendar of the locale. Bounded by the archive's dates.
 */
const formattedDates = new Map<string, string>();

function formatDateAnew(date: Date, locale: LocaleCode, calendar: Calendar, monthNames: ArabicMonthNames): string {
  const parts = localeDates(locale, calendar, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).formatToParts(date);
  const withDay = parts.some((part) => part.type === 'day');
  return parts
    .map((part) =>
      part.type === 'month'
        ? gregorianMonthIn(withDay ? monthAfterNumber(part.value, locale) : part.value, date, locale, calendar, 'long', monthNames)
        : part.value,
    )
    .join('');
}

/**
 * An Arabic Gregorian month's name as the site's convention (ARSHIF_ARABIC_MONTHS)
 * writes it, given the name ICU wrote: «أغسطس», the Levant's «آب» (Intl's
 * names for Syria), or both, «أغسطس/آب». Other languages and calendars,
 * Hijri months included, keep the name they have.
 */
function gregorianMonthIn(month: string, date: Date, locale: LocaleCode, calendar: string, width: 'long' | 'short', monthNames: ArabicMonthNames): string {
  if (calendar !== 'gregory' || monthNames === 'gregorian' || localeLanguage(locale) !== 'ar') return month;
  const levantine = levantineMonths(locale, { month: width, timeZone: 'UTC' }).format(date);
  return monthNames === 'levantine' ? levantine : `${month}/${levantine}`;
}

/**
 * An Arabic month name after a day number, which makes it genitive (إضافة):
 * «٢٩ ذي الحجة», «١٥ ذي القعدة», where ICU writes the nominative «ذو».
 * The other Hijri and Gregorian month names do not change with case.
 */
export function monthAfterNumber(month: string, locale: string): string {
  if (localeLanguage(locale) !== 'ar') return month;
  return month.replace(/^ذو(?=\s)/, 'ذي');
}

/** How an archive names a month: alone in a year's list, with its year in titles and summaries, short under a chart bar. */
export type MonthNameForm = 'month' | 'monthYear' | 'shortMonth';

const MONTH_NAME_OPTIONS: Record<MonthNameForm, Intl.DateTimeFormatOptions> = {
  month: { month: 'long' },
  monthYear: { month: 'long', year: 'numeric' },
  shortMonth: { month: 'short' },
};

/**
 * The name of an archive month, given its first day: in the calendar the
 * locale's archive is grouped by (`archiveCalendar`), its language and digits.
 * Grouping and naming share that calendar, so a Persian archive grouped by
 * Solar Hijri month titles Mehr 1402 «۱۴۰۲ مهر», and one grouped by
 * Gregorian month titles December 1948 «دسامبر ۱۹۴۸», never «آذر ۱۳۲۷»
 * (which would also hold days of دی).
 */
export function archiveMonthName(monthStart: Date, locale: LocaleCode, form: MonthNameForm, monthNames: ArabicMonthNames = settings.arabicMonths): string {
  const { archiveCalendar } = LOCALE_PACKS[locale];
  const options = MONTH_NAME_OPTIONS[form];
  return localeDates(locale, archiveCalendar, { ...options, timeZone: 'UTC' })
    .formatToParts(monthStart)
    .map((part) =>
      part.type === 'month' ? gregorianMonthIn(part.value, monthStart, locale, archiveCalendar, options.month as 'long' | 'short', monthNames) : part.value,
    )
    .join('');
}

/** How an archive names a day: with its month in a month's day index, with its year too in titles. */
export type DayNameForm = 'dayMonth' | 'dayMonthYear';

const DAY_NAME_OPTIONS: Record<DayNameForm, Intl.DateTimeFormatOptions> = {
  dayMonth: { day: 'numeric', month: 'long' },
  dayMonthYear: { day: 'numeric', month: 'long', year: 'numeric' },
};

/**
 * The name of an archive day in the locale's archive calendar, language and
 * digits, as its month is named: Mehr 25, 1402 is «۲۵ مهر ۱۴۰۲», never the
 * Gregorian day it also is.
 */
export function archiveDayName(day: Date, locale: LocaleCode, form: DayNameForm, monthNames: ArabicMonthNames = settings.arabicMonths): string {
  const { archiveCalendar } = LOCALE_PACKS[locale];
  const parts = localeDates(locale, archiveCalendar, { ...DAY_NAME_OPTIONS[form], timeZone: 'UTC' }).formatToParts(day);
  return parts
    .map((part) =>
      part.type === 'month' ? gregorianMonthIn(monthAfterNumber(part.value, locale), day, locale, archiveCalendar, 'long', monthNames) : part.value,
    )
    .join('');
}

/** The name of an archive year, given a day in it: «2023», «۱۴۰۲», «5784», «1445 هـ» as the archive's calendar writes it. */
export function archiveYearName(dayInYear: Date, locale: LocaleCode): string {
  const { archiveCalendar } = LOCALE_PACKS[locale];
  return localeDates(locale, archiveCalendar, { year: 'numeric', timeZone: 'UTC' }).format(dayInYear);
}

/** The date in every calendar the locale shows, primary first. */
export function formatDateInCalendars(
  date: Date,
  locale: LocaleCode,
  monthNames: ArabicMonthNames = settings.arabicMonths,
): { calendar: Calendar; text: string }[] {
  return LOCALE_PACKS[locale].calendars.map((calendar) => ({ calendar, text: formatDate(date, locale, calendar, monthNames) }));
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
