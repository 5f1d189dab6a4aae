import { describe, expect, test } from 'vitest';
import { archiveMonthName, compareNewestFirst, formatDate, formatDateInCalendars, isoDay, monthAfterNumber } from '../../src/lib/dates.ts';
import { LOCALES, LOCALE_PACKS } from '../../src/i18n/locales.ts';

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

describe('archive months in any calendar', () => {
  // December 1948: its days fall in Azar and Dey 1327 (Solar Hijri), Kislev and Tevet 5709 (Hebrew).
  test('an archive month is named as the Gregorian month it groups, in the locale’s language and digits', () => {
    expect(archiveMonthName(1948, 12, 'fa', 'monthYear')).toBe('دسامبر ۱۹۴۸');
    expect(archiveMonthName(1948, 12, 'fa', 'month')).toBe('دسامبر');
    expect(archiveMonthName(1948, 12, 'ur', 'monthYear')).toBe('دسمبر ۱۹۴۸');
    expect(archiveMonthName(1948, 12, 'he', 'monthYear')).toBe('דצמבר 1948');
    // The locale's own first calendar would have named another month.
    expect(formatDate(new Date('1948-12-01T00:00:00Z'), 'fa', 'persian')).toContain('آذر');
    expect(formatDate(new Date('1948-12-31T00:00:00Z'), 'fa', 'persian')).toContain('دی');
  });

  test('Arabic and English names are what they were (their default calendar is already Gregorian)', () => {
    for (const locale of ['ar', 'en'] as const) {
      const digits = LOCALE_PACKS[locale].digits;
      for (let month = 1; month <= 12; month++) {
        const day = new Date(Date.UTC(2023, month - 1, 1));
        expect(archiveMonthName(2023, month, locale, 'monthYear')).toBe(new Intl.DateTimeFormat(`${locale}-u-nu-${digits}`, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day));
        expect(archiveMonthName(2023, month, locale, 'shortMonth')).toBe(new Intl.DateTimeFormat(`${locale}-u-nu-${digits}`, { month: 'short', timeZone: 'UTC' }).format(day));
      }
    }
  });

  test('every pack dates an article in its own first calendar', () => {
    const day = new Date('2023-05-10T00:00:00Z');
    expect(formatDateInCalendars(day, 'fa')[0]!.text).toBe('۲۰ اردیبهشت ۱۴۰۲');
    expect(formatDateInCalendars(day, 'he')[0]!.calendar).toBe('hebrew');
    expect(formatDateInCalendars(day, 'ur')[0]!.text).toBe('۱۰ مئی، ۲۰۲۳');
  });
});
