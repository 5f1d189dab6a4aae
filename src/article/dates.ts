/**
 * An article's date: a real day of the (proleptic Gregorian) calendar written
 * YYYY-MM-DD, from the year 1000 to the end of next year. The check is
 * arithmetic on the digits, never a JavaScript Date: Date.UTC maps years
 * 0–99 to 1900–1999, and Date parsing rolls 2023-02-30 over to March.
 */

/** The earliest year an article may carry: older dates are typing mistakes far more often than history. */
export const EARLIEST_YEAR = 1000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The latest date accepted: the last day of next year (articles may be scheduled, not dated decades ahead — 9999-12-31 would top every list). */
export function latestDate(now: Date = new Date()): string {
  return `${now.getUTCFullYear() + 1}-12-31`;
}

/** Why `text` cannot be an article's date, as a sentence about it, or null when it can. */
export function dateProblem(text: string, now: Date = new Date()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return `"${text}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `${text} is not a day of the calendar (there is no month ${match[2]})`;
  if (day < 1 || day > daysInMonth(year, month)) return `${text} is not a day of the calendar (${match[1]}-${match[2]} has ${daysInMonth(year, month)} days)`;
  if (year < EARLIEST_YEAR) return `${text} is before the year ${EARLIEST_YEAR}, so it is almost certainly a typo`;
  const latest = latestDate(now);
  if (text > latest) return `${text} is after ${latest}, the end of next year`;
  return null;
}

/** What to do about a date dateProblem refused. */
export function dateFix(now: Date = new Date()): string {
  return `Write a real date as YYYY-MM-DD between ${EARLIEST_YEAR}-01-01 and ${latestDate(now)}, e.g. 2023-09-20, or remove it.`;
}

/** `YYYY-MM-DD` as a UTC midnight, without Date's two-digit-year rule (year 50 stays 50). */
export function parseArticleDate(text: string): Date {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}
