export interface MonthCount {
  /** 1–12 */
  month: number;
  count: number;
}

export interface YearCount {
  year: number;
  count: number;
  /** Months that have articles, newest first. */
  months: MonthCount[];
}

/** Groups dates by year and month, newest first; undated items are counted apart. */
export function countByMonth(dates: readonly (Date | undefined)[]): { years: YearCount[]; undated: number } {
  const byYear = new Map<number, Map<number, number>>();
  let undated = 0;
  for (const date of dates) {
    if (!date) {
      undated++;
      continue;
    }
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const months = byYear.get(year) ?? new Map<number, number>();
    months.set(month, (months.get(month) ?? 0) + 1);
    byYear.set(year, months);
  }
  const years = [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => ({
      year,
      count: [...months.values()].reduce((sum, count) => sum + count, 0),
      months: [...months].sort(([a], [b]) => b - a).map(([month, count]) => ({ month, count })),
    }));
  return { years, undated };
}

/** Two-digit month for URLs: 9 → "09". */
export function monthSegment(month: number): string {
  return String(month).padStart(2, '0');
}

/** Path of a month page, e.g. ar/archive/2023/09/. */
export function monthPath(locale: string, year: number, month: number): string {
  return `${locale}/archive/${year}/${monthSegment(month)}/`;
}
