import type { YearCount } from './archive.ts';
import { nextCalendarMonth, type CalendarId, type CalendarMonth } from '../i18n/calendar.ts';

export interface ChartBar {
  year: number;
  month: number;
  /** The month's first day, for naming it in its calendar. */
  start: Date;
  count: number;
  /** Position along the time axis, 0 for the first month shown. */
  index: number;
  /** Height as a share of the tallest bar, 0–1. */
  share: number;
}

export interface MonthlyChart {
  bars: ChartBar[];
  months: number;
  max: number;
  /** Years on the axis, with the index of their first month and that month's first day. */
  years: { year: number; index: number; start: Date }[];
}

/**
 * One bar per month of the archive's calendar from the first dated article
 * to the last, months without articles included (as zero), so the chart reads
 * as a timeline: a Hebrew leap year has 13 bars. Pure geometry; the SVG is
 * drawn by the page at build time.
 */
export function monthlyChart(years: readonly YearCount[], calendar: CalendarId = 'gregory'): MonthlyChart {
  const counts = new Map<number, number>();
  let first: CalendarMonth | undefined;
  let last: CalendarMonth | undefined;
  for (const { year, months } of years) {
    for (const { month, start, count } of months) {
      counts.set(start.getTime(), count);
      if (!first || start < first.start) first = { year, month, start };
      if (!last || start > last.start) last = { year, month, start };
    }
  }
  if (!first || !last) return { bars: [], months: 0, max: 0, years: [] };
  const max = Math.max(...counts.values());
  const bars: ChartBar[] = [];
  const axisYears: MonthlyChart['years'] = [];
  for (let current = first, index = 0; current.start <= last.start; current = nextCalendarMonth(current, calendar), index++) {
    const count = counts.get(current.start.getTime()) ?? 0;
    if (current.month === 1 || index === 0) axisYears.push({ year: current.year, index, start: current.start });
    bars.push({ ...current, count, index, share: count / max });
  }
  return { bars, months: bars.length, max, years: axisYears };
}

/** Every month with the highest count, oldest first: a tie names them all. */
export function busiestMonths(chart: MonthlyChart): ChartBar[] {
  if (chart.max === 0) return [];
  return chart.bars.filter((bar) => bar.count === chart.max);
}

/**
 * Up to this many months, every bar carries its month's name and its count
 * under and over it; beyond, there is no room, so the axis names the years
 * and a bar shows its month and count when pointed at or focused.
 */
export const LABELLED_MONTHS = 12;
