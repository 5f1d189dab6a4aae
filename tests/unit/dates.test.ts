import { describe, expect, test } from 'vitest';
import { calendarMonthOf } from '../../src/i18n/calendar.ts';
import {
  archiveDayName,
  archiveMonthName,
  archiveYearName,
  compareNewestFirst,
  formatDate,
  formatDateInCalendars,
  isoDay,
  monthAfterNumber,
} from '../../src/i18n/dates.ts';
import { LOCALES, LOCALE_PACKS } from '../../src/i18n/locales.ts';
import { settings } from '../../src/settings.ts';

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
    expect(formatDateInCalendars(seedDay, 'en').map((d) => d.text)).toEqual(['September 20, 2023', 'Rabiʻ I 5, 1445 AH']);
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
  const monthStart = (day: string, locale: keyof typeof LOCALE_PACKS) =>
    calendarMonthOf(new Date(`${day}T00:00:00Z`), LOCALE_PACKS[locale].archiveCalendar).start;

  // December 1948: its days fall in Azar and Dey 1327 (Solar Hijri), Kislev and Tevet 5709 (Hebrew).
  test('a month is named in the calendar that grouped it, in the locale’s language and digits', () => {
    expect(LOCALE_PACKS.ur.archiveCalendar).toBe('gregory');
    expect(archiveMonthName(monthStart('1948-12-20', 'ur'), 'ur', 'monthYear')).toBe('دسمبر ۱۹۴۸');
    expect(archiveYearName(monthStart('1948-12-20', 'ur'), 'ur')).toBe('۱۹۴۸');
    // Persian groups by Solar Hijri month: the first and last days of December 1948 are in two months, each named so.
    expect(LOCALE_PACKS.fa.archiveCalendar).toBe('persian');
    expect(archiveMonthName(monthStart('1948-12-01', 'fa'), 'fa', 'monthYear')).toBe('۱۳۲۷ آذر');
    expect(archiveMonthName(monthStart('1948-12-31', 'fa'), 'fa', 'monthYear')).toBe('۱۳۲۷ دی');
    expect(archiveMonthName(monthStart('1948-12-31', 'fa'), 'fa', 'month')).toBe('دی');
    expect(archiveYearName(monthStart('1948-12-31', 'fa'), 'fa')).toBe('۱۳۲۷');
    // Hebrew by Hebrew month, Adar I and Adar II apart in a leap year.
    expect(LOCALE_PACKS.he.archiveCalendar).toBe('hebrew');
    expect(archiveMonthName(monthStart('2024-02-20', 'he'), 'he', 'monthYear')).toBe('אדר א׳ 5784');
    expect(archiveMonthName(monthStart('2024-03-20', 'he'), 'he', 'monthYear')).toBe('אדר ב׳ 5784');
    expect(archiveYearName(monthStart('2024-03-20', 'he'), 'he')).toBe('5784');
  });

  test('every pack names each archive month as its dateline names the month of any of its days', () => {
    for (const locale of Object.keys(LOCALE_PACKS) as (keyof typeof LOCALE_PACKS)[]) {
      const calendar = LOCALE_PACKS[locale].archiveCalendar;
      for (let time = Date.UTC(2023, 0, 1); time < Date.UTC(2025, 0, 1); time += 5 * 86_400_000) {
        const day = new Date(time);
        const month = archiveMonthName(calendarMonthOf(day, calendar).start, locale, 'month');
        // The dateline in the archive's calendar writes the same month name (Arabic: after the day, in the genitive).
        expect(formatDate(day, locale, calendar)).toContain(monthAfterNumber(month, locale));
      }
    }
  });

  test('Arabic and English names are what they were (their archives are Gregorian)', () => {
    for (const locale of ['ar', 'en'] as const) {
      const digits = LOCALE_PACKS[locale].digits;
      expect(LOCALE_PACKS[locale].archiveCalendar).toBe('gregory');
      for (let month = 1; month <= 12; month++) {
        const day = new Date(Date.UTC(2023, month - 1, 1));
        expect(archiveMonthName(day, locale, 'monthYear')).toBe(
          new Intl.DateTimeFormat(`${locale}-u-nu-${digits}`, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day),
        );
        expect(archiveMonthName(day, locale, 'shortMonth')).toBe(
          new Intl.DateTimeFormat(`${locale}-u-nu-${digits}`, { month: 'short', timeZone: 'UTC' }).format(day),
        );
      }
      expect(archiveYearName(new Date(Date.UTC(2023, 5, 1)), locale)).toBe('2023');
    }
  });

  test('every pack dates an article in its own first calendar', () => {
    const day = new Date('2023-05-10T00:00:00Z');
    expect(formatDateInCalendars(day, 'fa')[0]!.text).toBe('۲۰ اردیبهشت ۱۴۰۲');
    expect(formatDateInCalendars(day, 'he')[0]!.calendar).toBe('hebrew');
    expect(formatDateInCalendars(day, 'ur')[0]!.text).toBe('۱۰ مئی، ۲۰۲۳');
  });
});

describe('Arabic Gregorian month names by convention (ARSHIF_ARABIC_MONTHS)', () => {
  const august = new Date('2024-08-15T00:00:00Z');
  const levantine = (day: Date) => new Intl.DateTimeFormat('ar-SY', { month: 'long', timeZone: 'UTC' }).format(day);

  test('gregorian «أغسطس», levantine «آب», both «أغسطس/آب»: on the dateline, archive months and days', () => {
    expect(formatDate(august, 'ar', 'gregory', 'gregorian')).toBe(`${arabicDigits(15)} أغسطس ${arabicDigits(2024)}`);
    expect(formatDate(august, 'ar', 'gregory', 'levantine')).toBe(`${arabicDigits(15)} آب ${arabicDigits(2024)}`);
    expect(formatDate(august, 'ar', 'gregory', 'both')).toBe(`${arabicDigits(15)} أغسطس/آب ${arabicDigits(2024)}`);
    expect(archiveMonthName(august, 'ar', 'monthYear', 'both')).toBe(`أغسطس/آب ${arabicDigits(2024)}`);
    expect(archiveMonthName(august, 'ar', 'month', 'levantine')).toBe('آب');
    expect(archiveMonthName(august, 'ar', 'shortMonth', 'both')).toBe('أغسطس/آب');
    expect(archiveDayName(august, 'ar', 'dayMonthYear', 'both')).toBe(`${arabicDigits(15)} أغسطس/آب ${arabicDigits(2024)}`);
    expect(formatDateInCalendars(august, 'ar', 'both')[0]!.text).toBe(`${arabicDigits(15)} أغسطس/آب ${arabicDigits(2024)}`);
  });

  test("every month's Levantine name is Intl's for Syria and Lebanon: كانون الثاني … كانون الأول", () => {
    const names = Array.from({ length: 12 }, (_, month) => archiveMonthName(new Date(Date.UTC(2023, month, 1)), 'ar', 'month', 'levantine'));
    expect(names).toEqual(Array.from({ length: 12 }, (_, month) => levantine(new Date(Date.UTC(2023, month, 1)))));
    expect(names).toEqual(
      Array.from({ length: 12 }, (_, month) => new Intl.DateTimeFormat('ar-LB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, month, 1)))),
    );
    expect([names[0], names[7], names[11]]).toEqual(['كانون الثاني', 'آب', 'كانون الأول']);
  });

  test('Hijri months and other languages keep their names whatever the convention', () => {
    for (const names of ['gregorian', 'levantine', 'both'] as const) {
      expect(formatDate(seedDay, 'ar', 'islamic-umalqura', names)).toBe(`${arabicDigits(5)} ربيع الأول ${arabicDigits(1445)} هـ`);
      expect(formatDate(august, 'en', 'gregory', names)).toBe('August 15, 2024');
      expect(formatDateInCalendars(august, 'ar', names)[1]!.text).toBe(formatDate(august, 'ar', 'islamic-umalqura', 'gregorian'));
    }
  });

  test('the default is the setting, gregorian unless ARSHIF_ARABIC_MONTHS says otherwise', () => {
    expect(formatDate(august, 'ar')).toBe(formatDate(august, 'ar', 'gregory', settings.arabicMonths));
    expect(archiveMonthName(august, 'ar', 'monthYear')).toBe(archiveMonthName(august, 'ar', 'monthYear', settings.arabicMonths));
  });
});
