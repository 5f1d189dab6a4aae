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

/** The year labels under a long chart: their size, and the axis lengths they are fitted to (rem). */
export const YEAR_LABEL = {
  /** The label's font size. */
  fontRem: 0.8125,
  /** A generous average advance of a digit or letter in the interface face, in em: an estimate must never be short. */
  charEm: 0.7,
  /** The least space between one label's end and the next one's start. */
  gapRem: 0.75,
  /** The chart's inline size on a 320 px phone (the page's 1 rem padding on each side). */
  narrowAxisRem: 18,
  /** From this inline size of the chart on, the wide set of labels is shown (a container query in archive-chart.css). */
  wideAxisRem: 36,
} as const;

/** Every how many years a label may fall, tried in order: round numbers, as a reader counts. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000];

/**
 * Which of the chart's year labels fit, without touching, along an axis
 * `axisRem` long: each label starts at its year's first bar and runs
 * `labels[i]`'s estimated length towards the end. The labels fall every
 * `step` years, the smallest round step at which all of them fit and none
 * runs past the end; the first year, often a part of a year, is named too
 * when it fits before the next label. Returns indexes into `chart.years`.
 */
export function fittingYearLabels(chart: MonthlyChart, labels: readonly string[], axisRem: number): number[] {
  const { months, years } = chart;
  if (months === 0 || years.length === 0) return [];
  // The months' columns share the axis with no gap between them (the bars are drawn narrower than their columns).
  const startOf = (index: number) => (index * axisRem) / months;
  const lengthOf = (at: number) => [...(labels[at] ?? '')].length * YEAR_LABEL.charEm * YEAR_LABEL.fontRem;
  const fits = (at: number) => startOf(years[at]!.index) + lengthOf(at) <= axisRem;
  // The first year is a whole one only when the chart begins with its first month.
  const whole = (at: number) => at > 0 || chart.bars[0]!.month === 1;
  for (const step of YEAR_STEPS) {
    const aligned = years.map((_, at) => at).filter((at) => whole(at) && years[at]!.year % step === 0);
    let previousEnd = -Infinity;
    const kept = aligned.filter((at) => {
      const start = startOf(years[at]!.index);
      if (start < previousEnd + YEAR_LABEL.gapRem || !fits(at)) return false;
      previousEnd = start + lengthOf(at);
      return true;
    });
    if (kept.length < aligned.length) continue;
    const firstAligned = kept[0];
    const firstFits = kept[0] !== 0 && fits(0) && (firstAligned === undefined || lengthOf(0) + YEAR_LABEL.gapRem <= startOf(years[firstAligned]!.index));
    return firstFits ? [0, ...kept] : kept;
  }
  return fits(0) ? [0] : [];
}
