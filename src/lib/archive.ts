import { calendarMonthOf, monthSegment, type CalendarId } from './calendar.ts';

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
