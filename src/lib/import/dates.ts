import { ImportError } from './errors.ts';

/** The earliest year an article may carry: earlier ones are almost always typos (0050 for 2050, 1023 is kept). */
export const MIN_YEAR = 1000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The latest date accepted: the last day of next year (articles may be scheduled, not dated decades ahead). */
export function latestDate(now: Date = new Date()): string {
  return `${now.getUTCFullYear() + 1}-12-31`;
}

/**
 * What is wrong with a publication date, or null when it is a real calendar
 * day written as YYYY-MM-DD between the year 1000 and the end of next year.
 * The check is arithmetic on the digits, never a JavaScript Date: Date.UTC
 * maps years 0–99 to 1900–1999, and Date parsing rolls 2023-02-30 over.
 */
export function dateProblem(date: string, now: Date = new Date()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return 'is not written as YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `has no month ${match[2]}`;
  if (day < 1 || day > daysInMonth(year, month)) return `does not exist (${match[1]}-${match[2]} has ${daysInMonth(year, month)} days)`;
  if (year < MIN_YEAR) return `is before the year ${MIN_YEAR}, so it is almost certainly a typo`;
  const latest = latestDate(now);
  if (date > latest) return `is after ${latest}, the end of next year`;
  return null;
}

/** Checks a date given by --date or the front block; the message names where it came from and the line. */
export function checkDate(date: string, file: string, where: string, line?: number, now: Date = new Date()): string {
  const problem = dateProblem(date, now);
  if (problem) {
    throw new ImportError(
      file,
      `has an invalid date "${date}" (${where}): it ${problem}.`,
      `Write a real date as YYYY-MM-DD between ${MIN_YEAR}-01-01 and ${latestDate(now)}, e.g. 2023-09-20.`,
      line,
    );
  }
  return date;
}
