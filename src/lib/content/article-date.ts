/** The earliest year an article may carry: older dates are typing mistakes far more often than history. */
export const EARLIEST_YEAR = 1000;

/**
 * Why an article's `YYYY-MM-DD` date cannot be used, or null when it can.
 * The calendar decides, not a pattern: 2023-02-30 does not exist. Dates after
 * the end of next year are refused too — 9999-12-31 would pin an article to
 * the top of every list.
 */
export function articleDateProblem(text: string, today = new Date()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `"${text}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = parseArticleDate(text);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) return `${text} is not a day of the calendar`;
  if (year < EARLIEST_YEAR) return `${text} is before the year ${EARLIEST_YEAR}`;
  if (year > today.getUTCFullYear() + 1) return `${text} is after the end of next year`;
  return null;
}

/** `YYYY-MM-DD` as a UTC midnight, without Date's two-digit-year rule (year 50 stays 50). */
export function parseArticleDate(text: string): Date {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}
