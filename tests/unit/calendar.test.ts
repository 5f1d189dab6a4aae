import { describe, expect, test } from 'vitest';
import { CALENDAR_IDS, calendarDayKey, calendarMonthOf, nextCalendarMonth, type CalendarId } from '../../src/i18n/calendar.ts';

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const place = (day: string, calendar: CalendarId) => {
  const { year, month, start } = calendarMonthOf(d(day), calendar);
  return { year, month, start: start.toISOString().slice(0, 10) };
};

describe('calendar months', () => {
  test('Gregorian months are the UTC year and month', () => {
    expect(place('2023-09-20', 'gregory')).toEqual({ year: 2023, month: 9, start: '2023-09-01' });
    const december = calendarMonthOf(d('2023-12-31'), 'gregory');
    expect(nextCalendarMonth(december, 'gregory')).toEqual({ year: 2024, month: 1, start: d('2024-01-01') });
    // Date.UTC would read the year 50 as 1950.
    const early = new Date(Date.UTC(2000, 4, 3));
    early.setUTCFullYear(50);
    expect(calendarMonthOf(early, 'gregory').start.getUTCFullYear()).toBe(50);
  });

  test('Solar Hijri: Farvardin is month 1 from Nowruz, Mehr month 7', () => {
    expect(place('2024-03-19', 'persian')).toEqual({ year: 1402, month: 12, start: '2024-02-20' });
    expect(place('2024-03-20', 'persian')).toEqual({ year: 1403, month: 1, start: '2024-03-20' });
    expect(place('2023-09-23', 'persian')).toEqual({ year: 1402, month: 7, start: '2023-09-23' });
    // December 1948 spans Azar and Dey 1327: two archive months.
    expect(place('1948-12-01', 'persian')).toEqual({ year: 1327, month: 9, start: '1948-11-22' });
    expect(place('1948-12-31', 'persian')).toEqual({ year: 1327, month: 10, start: '1948-12-22' });
  });

  test('Hebrew: Tishri is month 1; a leap year has 13 months, Adar I the 6th and Adar II the 7th', () => {
    expect(place('2023-09-16', 'hebrew')).toEqual({ year: 5784, month: 1, start: '2023-09-16' });
    expect(place('2024-02-20', 'hebrew')).toEqual({ year: 5784, month: 6, start: '2024-02-10' });
    expect(place('2024-03-20', 'hebrew')).toEqual({ year: 5784, month: 7, start: '2024-03-11' });
    expect(place('2024-04-15', 'hebrew')).toEqual({ year: 5784, month: 8, start: '2024-04-09' });
    expect(place('2024-09-20', 'hebrew')).toMatchObject({ year: 5784, month: 13 });
    // 5783 is a common year: Adar is the 6th, Nisan the 7th, Elul the 12th.
    expect(place('2023-03-01', 'hebrew')).toEqual({ year: 5783, month: 6, start: '2023-02-22' });
    expect(place('2023-04-01', 'hebrew')).toEqual({ year: 5783, month: 7, start: '2023-03-23' });
    expect(place('2023-09-01', 'hebrew')).toMatchObject({ year: 5783, month: 12 });
  });

  test('Umm al-Qura: Ramadan 1445 is month 9', () => {
    expect(place('2024-03-20', 'islamic-umalqura')).toEqual({ year: 1445, month: 9, start: '2024-03-11' });
  });

  test.each(CALENDAR_IDS)('%s: day after day, a month is the previous one or the next, its name is its days’ name, and keys sort as the days', (calendar) => {
    const monthName = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const monthsInYear = new Map<number, number>();
    let previous = calendarMonthOf(d('2019-01-01'), calendar);
    let previousKey = calendarDayKey(d('2019-01-01'), calendar);
    for (let time = d('2019-01-02').getTime(); time <= d('2026-12-31').getTime(); time += 86_400_000) {
      const day = new Date(time);
      const month = calendarMonthOf(day, calendar);
      if (month.start.getTime() !== previous.start.getTime()) {
        expect(month).toEqual(nextCalendarMonth(previous, calendar));
        monthsInYear.set(previous.year, previous.month);
      }
      expect(monthName.format(month.start)).toBe(monthName.format(day));
      const key = calendarDayKey(day, calendar);
      expect(key > previousKey).toBe(true);
      previous = month;
      previousKey = key;
    }
    // Every whole year seen (not the first or last, cut by the range) has 12 months, or 13 in a Hebrew leap year.
    const counts = [...monthsInYear.values()].slice(1, -1);
    expect(counts.every((count) => count === 12 || (calendar === 'hebrew' && count === 13))).toBe(true);
    if (calendar === 'hebrew') expect(monthsInYear.get(5784)).toBe(13);
  });
});
