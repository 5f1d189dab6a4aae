import { describe, expect, test } from 'vitest';
import { countByMonth } from '../../src/site/archive.ts';
import { fittingYearLabels, monthlyChart, YEAR_LABEL } from '../../src/site/chart.ts';

const d = (day: string) => new Date(`${day}T00:00:00Z`);
/** A chart from the first day to the last, an article in each. */
const chartOf = (...days: string[]) => monthlyChart(countByMonth(days.map(d)).years);
const yearsShown = (days: string[], axisRem: number) => {
  const chart = chartOf(...days);
  const labels = chart.years.map(({ year }) => String(year));
  return fittingYearLabels(chart, labels, axisRem).map((at) => chart.years[at]!.year);
};
/** Start and end (rem) of each label fitted, as the page lays them out. */
function boxes(days: string[], axisRem: number): [number, number][] {
  const chart = chartOf(...days);
  const labels = chart.years.map(({ year }) => String(year));
  return fittingYearLabels(chart, labels, axisRem).map((at) => {
    const start = (chart.years[at]!.index * axisRem) / chart.months;
    return [start, start + labels[at]!.length * YEAR_LABEL.charEm * YEAR_LABEL.fontRem];
  });
}

describe('the year labels under a long chart', () => {
  test('a few years on a wide axis: every year is named', () => {
    expect(yearsShown(['2020-01-05', '2023-12-20'], YEAR_LABEL.wideAxisRem)).toEqual([2020, 2021, 2022, 2023]);
  });

  test('26 years on a phone: a label every 5 years, none touching the next or past the end', () => {
    const days = ['1999-01-15', '2024-12-15'];
    expect(yearsShown(days, YEAR_LABEL.narrowAxisRem)).toEqual([2000, 2005, 2010, 2015, 2020]);
    const placed = boxes(days, YEAR_LABEL.narrowAxisRem);
    for (let i = 1; i < placed.length; i++) expect(placed[i]![0] - placed[i - 1]![1]).toBeGreaterThanOrEqual(YEAR_LABEL.gapRem);
    expect(placed.at(-1)![1]).toBeLessThanOrEqual(YEAR_LABEL.narrowAxisRem);
  });

  test('the wider the axis, the more years are named', () => {
    const days = ['1990-03-01', '2024-06-01'];
    expect(yearsShown(days, YEAR_LABEL.wideAxisRem).length).toBeGreaterThan(yearsShown(days, YEAR_LABEL.narrowAxisRem).length);
  });

  test('a part year at the start is named only when it leaves room for the next label', () => {
    // November 2019: two months before 2020, too close to name both on a phone.
    expect(yearsShown(['2019-11-10', '2024-06-01'], YEAR_LABEL.narrowAxisRem)[0]).toBe(2020);
    // From February 2019 there is room.
    expect(yearsShown(['2019-02-10', '2024-06-01'], YEAR_LABEL.narrowAxisRem)[0]).toBe(2019);
  });

  test('a label that would run past the end of the axis is left out', () => {
    // 2024 begins at the last month of the chart: its label has no room.
    expect(yearsShown(['2020-01-10', '2024-01-10'], YEAR_LABEL.narrowAxisRem)).not.toContain(2024);
  });

  test('an empty chart names no year', () => {
    expect(fittingYearLabels(monthlyChart([]), [], YEAR_LABEL.narrowAxisRem)).toEqual([]);
  });
});
