import { calendarDayOf, calendarMonthOf, monthSegment, type CalendarId } from '../i18n/calendar.ts';
import { PAGE_SIZE } from './pagination.ts';

export { monthSegment };

export interface MonthCount {
  /** The month's place in its year: 1–12, or 13 in a Hebrew leap year. */
  month: number;
  /** Its first day, for naming it in its calendar. */
  start: Date;
  count: number;
}

export interface YearCount {
  year: number;
  count: number;
  /** Months that have articles, newest first. */
  months: MonthCount[];
}

/**
 * Groups dates by year and month of the archive's calendar, newest first;
 * undated items are counted apart. The calendar decides both the grouping and
 * (through each month's first day) the naming, so the two never disagree.
 */
export function countByMonth(dates: readonly (Date | undefined)[], calendar: CalendarId = 'gregory'): { years: YearCount[]; undated: number } {
  const byYear = new Map<number, Map<number, MonthCount>>();
  let undated = 0;
  for (const date of dates) {
    if (!date) {
      undated++;
      continue;
    }
    const { year, month, start } = calendarMonthOf(date, calendar);
    const months = byYear.get(year) ?? new Map<number, MonthCount>();
    const entry = months.get(month) ?? { month, start, count: 0 };
    entry.count++;
    months.set(month, entry);
    byYear.set(year, months);
  }
  const years = [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => ({
      year,
      count: [...months.values()].reduce((sum, { count }) => sum + count, 0),
      months: [...months.values()].sort((a, b) => b.month - a.month),
    }));
  return { years, undated };
}

/** Path of a month page, e.g. ar/archive/2023/09/ (year and month of the locale's archive calendar). */
export function monthPath(locale: string, year: number, month: number): string {
  return `${locale}/archive/${year}/${monthSegment(month)}/`;
}

/**
 * A month whose listing would run past this many pages offers its days
 * instead. Two pages are still quicker to scan than a choice of days; from the
 * third on, a reader looking for what was published around a date pages
 * blindly, and a news agency's month (15,000 articles) would be 750 pages.
 */
export const BUSY_MONTH_PAGES = 2;

/** True when a month of `count` articles is listed by day: more than BUSY_MONTH_PAGES pages of `pageSize`. */
export function isBusyMonth(count: number, pageSize = PAGE_SIZE): boolean {
  return count > BUSY_MONTH_PAGES * pageSize;
}

/** Items of one month of a calendar. */
export interface MonthGroup<T> {
  year: number;
  month: number;
  /** The month's first day, for naming it. */
  start: Date;
  items: T[];
}

/**
 * Items grouped by the month of `calendar` their date falls in, undated ones
 * left out. Months come in the order their first item does, and items keep
 * theirs: a list sorted newest first gives months newest first.
 */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => Date | undefined, calendar: CalendarId = 'gregory'): MonthGroup<T>[] {
  const byMonth = new Map<string, MonthGroup<T>>();
  for (const item of items) {
    const date = dateOf(item);
    if (!date) continue;
    const { year, month, start } = calendarMonthOf(date, calendar);
    const key = `${year}/${month}`;
    const group = byMonth.get(key);
    if (group) group.items.push(item);
    else byMonth.set(key, { year, month, start, items: [item] });
  }
  return [...byMonth.values()];
}

/** Items of one day of a calendar. */
export interface DayGroup<T> {
  year: number;
  month: number;
  /** The day's place in its month: 1 for the month's first day. */
  day: number;
  /** The day itself (a UTC midnight), for naming it. */
  date: Date;
  items: T[];
}

/**
 * Items grouped by the day of `calendar` their date is, undated ones left out.
 * Days come in calendar order, oldest first, as a month's days are read off a
 * calendar; items keep their order within a day.
 */
export function groupByDay<T>(items: readonly T[], dateOf: (item: T) => Date | undefined, calendar: CalendarId = 'gregory'): DayGroup<T>[] {
  const byDay = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const date = dateOf(item);
    if (!date) continue;
    const { year, month, day } = calendarDayOf(date, calendar);
    const key = `${year}/${month}/${day}`;
    const group = byDay.get(key);
    if (group) group.items.push(item);
    else byDay.set(key, { year, month, day, date, items: [item] });
  }
  return [...byDay.values()].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** A day with its article count, for a busy month's day index. */
export interface DayCount {
  year: number;
  month: number;
  day: number;
  date: Date;
  count: number;
}

/** Dates counted by day of `calendar`, oldest day first; undated ones are not counted. */
export function countByDay(dates: readonly (Date | undefined)[], calendar: CalendarId = 'gregory'): DayCount[] {
  return groupByDay(dates, (date) => date, calendar).map(({ items, ...day }) => ({ ...day, count: items.length }));
}

/** Two-digit day for URLs: 7 → "07". */
export function daySegment(day: number): string {
  return String(day).padStart(2, '0');
}

/** Path of a day page, e.g. ar/archive/2023/09/20/ (a day of the locale's archive calendar). */
export function dayPath(locale: string, year: number, month: number, day: number): string {
  return `${monthPath(locale, year, month)}${daySegment(day)}/`;
}
