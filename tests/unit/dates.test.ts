import { describe, expect, test } from 'vitest';
import { compareNewestFirst, formatDate, formatDateInCalendars, isoDay } from '../../src/lib/dates.ts';

const seedDay = new Date('2023-09-20T00:00:00Z');

describe('dates', () => {
  test('Arabic Gregorian date uses Arabic-Indic digits', () => {
    expect(formatDate(seedDay, 'ar')).toBe('٢٠ سبتمبر ٢٠٢٣');
  });

  test('Arabic Hijri (Umm al-Qura) date of the seed article', () => {
    expect(formatDate(seedDay, 'ar', 'islamic-umalqura')).toBe('٥ ربيع الأول ١٤٤٥ هـ');
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
