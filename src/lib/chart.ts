import type { YearCount } from './archive.ts';

export interface ChartBar {
  year: number;
  month: number;
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
  /** Years on the axis, with the index of their first month. */
  years: { year: number; index: number }[];
}

/**
 * One bar per calendar month from the first dated article to the last,
 * months without articles included (as zero), so the chart reads as a
 * timeline. Pure geometry; the SVG is drawn by the page at build time.
 */
export function monthlyChart(years: readonly YearCount[]): MonthlyChart {
  const counts = new Map<string, number>();
  for (const { year, months } of years) for (const { month, count } of months) counts.set(`${year}-${month}`, count);
  if (counts.size === 0) return { bars: [], months: 0, max: 0, years: [] };
  const all = years.flatMap(({ year, months }) => months.map(({ month }) => year * 12 + month - 1));
  const first = Math.min(...all);
  const last = Math.max(...all);
  const max = Math.max(...counts.values());
  const bars: ChartBar[] = [];
  const axisYears: { year: number; index: number }[] = [];
  for (let ordinal = first; ordinal <= last; ordinal++) {
    const year = Math.floor(ordinal / 12);
    const month = (ordinal % 12) + 1;
    const count = counts.get(`${year}-${month}`) ?? 0;
    const index = ordinal - first;
    if (month === 1 || index === 0) axisYears.push({ year, index });
    bars.push({ year, month, count, index, share: count / max });
  }
  return { bars, months: last - first + 1, max, years: axisYears };
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
