import { describe, expect, test } from 'vitest';
import { compareNewestFirst, formatDate, formatDateInCalendars, isoDay, monthAfterNumber } from '../../src/lib/dates.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const seedDay = new Date('2023-09-20T00:00:00Z');
/** A number in the Arabic interface's digits, whichever the registry sets. */
const arabicDigits = (n: number) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`, { useGrouping: false }).format(n);

describe('dates', () => {
  test('Arabic Gregorian date uses the digits of the locale registry', () => {
    expect(formatDate(seedDay, 'ar')).toBe(`${arabicDigits(20)} سبتمبر ${arabicDigits(2023)}`);
  });

  test('Arabic Hijri (Umm al-Qura) date of the seed article', () => {
    expect(formatDate(seedDay, 'ar', 'islamic-umalqura')).toBe(`${arabicDigits(5)} ربيع الأول ${arabicDigits(1445)} هـ`);
  });

  test('after a day number the Hijri month is genitive: «ذي الحجة», «ذي القعدة», never «٢٩ ذو الحجة»', () => {
    // 2024-07-05 is 29 Dhu al-Hijjah 1445; 2024-05-20 is 12 Dhu al-Qa'dah 1445 (Umm al-Qura).
    expect(formatDate(new Date('2024-07-05T00:00:00Z'), 'ar', 'islamic-umalqura')).toBe(`${arabicDigits(29)} ذي الحجة ${arabicDigits(1445)} هـ`);
    expect(formatDate(new Date('2024-05-20T00:00:00Z'), 'ar', 'islamic-umalqura')).toBe(`${arabicDigits(12)} ذي القعدة ${arabicDigits(1445)} هـ`);
    // Every day of a Hijri year: the nominative never follows a number.
    for (let day = 0; day < 355; day++) {
      const text = formatDate(new Date(Date.UTC(2024, 0, 1 + day)), 'ar', 'islamic-umalqura');
      expect(text).not.toMatch(/ذو /);
    }
    // Other month names and other languages are left as they are.
    expect(monthAfterNumber('ذو الحجة', 'en')).toBe('ذو الحجة');
    expect(monthAfterNumber('رمضان', 'ar')).toBe('رمضان');
  });

  test('English dates use Latin digits in both calendars', () => {
    expect(formatDateInCalendars(seedDay, 'en').map((d) => d.text)).toEqual([
      'September 20, 2023',
      'Rabiʻ I 5, 1445 AH',
    ]);
  });

  test('a UTC midnight never shifts a day, whatever the time zone', () => {
    expect(isoDay(seedDay)).toBe('2023-09-20');
  });

  test('newest first, undated last', () => {
    const older = new Date('2020-01-01');
    const dates = [undefined, older, seedDay];
    expect([...dates].sort(compareNewestFirst)).toEqual([seedDay, older, undefined]);
  });
});
