/**
 * Months and years of the calendars an archive can be grouped by, computed
 * with Intl (ICU's calendars): no calendar arithmetic is written here beyond
 * the Gregorian one, which is exact in UTC.
 *
 * A month is named by its year and its place in that year, counted from the
 * year's first month: Farvardin is month 1 of a Solar Hijri year, Tishri month 1
 * of a Hebrew year, and a Hebrew leap year has 13 months (Adar I is the 6th,
 * Adar II the 7th, Nisan the 8th; in a common year Nisan is the 7th), as
 * Temporal's `month` counts them. The place is found by walking back through
 * the year's month starts, not from ICU's numeric month, which for the Hebrew
 * calendar is not a place in the year.
 */
import { dateTimeFormat } from './intl-cache.ts';

export type CalendarId = 'gregory' | 'islamic-umalqura' | 'persian' | 'hebrew';

export const CALENDAR_IDS: readonly CalendarId[] = ['gregory', 'islamic-umalqura', 'persian', 'hebrew'];

/** A month of a calendar. */
export interface CalendarMonth {
  year: number;
  /** 1 for the year's first month; up to 13 in a Hebrew leap year. */
  month: number;
  /** Its first day, a UTC midnight. */
  start: Date;
}

const DAY_MS = 86_400_000;

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Year, month name and day of a date in a calendar, in Western digits (only read, never shown). */
function fieldsOf(date: Date, calendar: CalendarId): { year: number; monthName: string; day: number } {
  const format = dateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  let year = NaN;
  let monthName = '';
  let day = NaN;
  for (const part of format.formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') monthName = part.value;
    else if (part.type === 'day') day = Number(part.value);
  }
  if (!Number.isInteger(year) || !Number.isInteger(day) || !monthName) throw new Error(`cannot read ${date.toISOString()} in the ${calendar} calendar`);
  return { year, monthName, day };
}

// Dates repeat (a day holds many articles) and a month's place is found once: both are kept.
const monthOfDay = new Map<string, CalendarMonth>();
const placeOfMonth = new Map<string, number>();

/** The month of `calendar` that `date` (a UTC midnight) falls in. */
export function calendarMonthOf(date: Date, calendar: CalendarId): CalendarMonth {
  if (calendar === 'gregory') {
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    return { year, month, start: yearMonthStart(year, month) };
  }
  const key = `${calendar}:${date.getTime()}`;
  const known = monthOfDay.get(key);
  if (known) return known;
  const { year, day } = fieldsOf(date, calendar);
  const start = addDays(date, -(day - 1));
  const found = { year, month: placeInYear(start, year, calendar), start };
  monthOfDay.set(key, found);
  return found;
}

/** 1 for the first month of `year`, counting back month start by month start. */
function placeInYear(start: Date, year: number, calendar: CalendarId): number {
  const key = `${calendar}:${start.getTime()}`;
  const known = placeOfMonth.get(key);
  if (known !== undefined) return known;
  const lastDayBefore = addDays(start, -1);
  const before = fieldsOf(lastDayBefore, calendar);
  const place = before.year === year ? placeInYear(addDays(lastDayBefore, -(before.day - 1)), year, calendar) + 1 : 1;
  placeOfMonth.set(key, place);
  return place;
}

/**
 * The month after `month`. Every month of these calendars has 29 to 31 days,
 * so 31 days after a month's first day is always in the next month.
 */
export function nextCalendarMonth(month: CalendarMonth, calendar: CalendarId): CalendarMonth {
  if (calendar === 'gregory') {
    return month.month === 12
      ? { year: month.year + 1, month: 1, start: yearMonthStart(month.year + 1, 1) }
      : { year: month.year, month: month.month + 1, start: yearMonthStart(month.year, month.month + 1) };
  }
  return calendarMonthOf(addDays(month.start, 31), calendar);
}

/** A Gregorian month's first day, years below 100 included (Date.UTC would read 50 as 1950). */
function yearMonthStart(year: number, month: number): Date {
  const start = new Date(Date.UTC(2000, month - 1, 1));
  start.setUTCFullYear(year);
  return start;
}

/** A day of a calendar: its month, and its place in that month (1 for the month's first day). */
export interface CalendarDay extends CalendarMonth {
  day: number;
}

/** The day of `calendar` that `date` (a UTC midnight) is: counted from its month's first day, which Intl found. */
export function calendarDayOf(date: Date, calendar: CalendarId): CalendarDay {
  const month = calendarMonthOf(date, calendar);
  return { ...month, day: Math.round((date.getTime() - month.start.getTime()) / DAY_MS) + 1 };
}

/** `YYYY-MM-DD` of a date in a calendar (month as its place in the year): sorts as the dates do. */
export function calendarDayKey(date: Date, calendar: CalendarId): string {
  const { year, month, day } = calendarDayOf(date, calendar);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit month for URLs and keys: 9 → "09". */
export function monthSegment(month: number): string {
  return String(month).padStart(2, '0');
}
