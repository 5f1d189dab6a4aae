import { describe, expect, test } from 'vitest';
import { readSettings } from '../../src/settings.ts';
import {
  DEFAULT_LOCALE,
  LOCALES,
  LOCALE_CODES,
  LOCALE_PACKS,
  enabledLocaleCodes,
  isLocaleCode,
  localeDirection,
  type LocaleCode,
} from '../../src/i18n/locales.ts';
import { pluralCategories, pluralForm } from '../../src/i18n/plural.ts';
import { usePlurals } from '../../src/i18n/strings/index.ts';
import { articleIdFromPath, splitArticleId } from '../../src/site/article-id.ts';
import { withBase } from '../../src/site/urls.ts';

describe('locales', () => {
  test('direction comes from Intl, with a fallback for unknown engines', () => {
    expect(localeDirection('ar')).toBe('rtl');
    expect(localeDirection('fa')).toBe('rtl');
    expect(localeDirection('he')).toBe('rtl');
    expect(localeDirection('en')).toBe('ltr');
    expect(localeDirection('ar-EG')).toBe('rtl');
  });

  test('only configured locales are accepted', () => {
    expect(isLocaleCode('ar')).toBe(true);
    expect(isLocaleCode('xx')).toBe(false);
    expect(isLocaleCode('toString')).toBe(false);
  });

  const PACK_CODES = Object.keys(LOCALE_PACKS) as LocaleCode[];

  test('ARSHIF_LOCALES turns packs on; unset, the packs marked enabled (ar, en) are on', () => {
    expect(enabledLocaleCodes(undefined)).toEqual(PACK_CODES.filter((code) => LOCALE_PACKS[code].enabled));
    expect(enabledLocaleCodes(undefined)).toEqual(['ar', 'en']);
    expect(enabledLocaleCodes(readSettings({ ARSHIF_LOCALES: '' }).locales)).toEqual(['ar', 'en']);
    expect(enabledLocaleCodes(readSettings({ ARSHIF_LOCALES: 'ar, en,fa,he,ur,fa' }).locales)).toEqual(['ar', 'en', 'fa', 'he', 'ur']);
    expect(() => enabledLocaleCodes(readSettings({ ARSHIF_LOCALES: 'ar,xx' }).locales)).toThrow(
      'ARSHIF_LOCALES: "xx" is not a locale pack (there are ar, en, fa, he, ur). Fix the variable, or add the pack to src/i18n/locales.ts.',
    );
    expect(() => enabledLocaleCodes(readSettings({ ARSHIF_LOCALES: 'en,fa' }).locales)).toThrow(
      `ARSHIF_LOCALES: the default locale "${DEFAULT_LOCALE}" must be on`,
    );
    // What this run has on is what the variable says.
    expect(LOCALE_CODES).toEqual(enabledLocaleCodes(readSettings(process.env).locales));
    expect(Object.keys(LOCALES)).toEqual(LOCALE_CODES);
    for (const code of PACK_CODES) expect(isLocaleCode(code)).toBe(LOCALE_CODES.includes(code));
  });

  test('every pack writes dates and counts in its own digits and calendars', () => {
    const expected: Partial<Record<LocaleCode, { digits: string; calendar: string }>> = {
      fa: { digits: 'arabext', calendar: 'persian' },
      he: { digits: 'latn', calendar: 'hebrew' },
      ur: { digits: 'arabext', calendar: 'gregory' },
    };
    for (const [code, { digits, calendar }] of Object.entries(expected)) {
      const pack = LOCALE_PACKS[code as LocaleCode];
      expect(pack.digits, code).toBe(digits);
      expect(pack.calendars[0], code).toBe(calendar);
      expect(localeDirection(code)).toBe('rtl');
    }
  });

  test('every locale pack has every UI string, none empty', () => {
    const keys = Object.keys(LOCALE_PACKS.ar.strings).sort();
    for (const code of PACK_CODES) {
      expect(Object.keys(LOCALE_PACKS[code].strings).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(LOCALE_PACKS[code].strings)) {
        if (typeof value === 'string') expect(value.trim(), `${code} ${key}`).not.toBe('');
        else for (const form of Object.values(value as Record<string, string>)) expect(form.trim(), `${code} ${key}`).not.toBe('');
      }
    }
  });

  test('every counted string has a form for each plural category of its language', () => {
    for (const code of PACK_CODES) {
      const categories = pluralCategories(code);
      for (const [key, value] of Object.entries(LOCALE_PACKS[code].strings)) {
        if (typeof value !== 'string') expect(Object.keys(value).sort(), `${code} ${key}`).toEqual(categories);
      }
    }
  });

  test('Arabic counts take all six forms, English two', () => {
    expect(pluralCategories('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    const forms = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103].map((n) => pluralForm(forms, 'ar', n))).toEqual([
      'z',
      'o',
      't',
      'f',
      'f',
      'm',
      'm',
      'x',
      'x',
      'x',
      'f',
    ]);
    expect(pluralForm({ one: 'o', other: 'x' }, 'en', 1)).toBe('o');
    expect(pluralForm({ one: 'o', other: 'x' }, 'en', 0)).toBe('x');
  });

  test('Hebrew counts take one, two and other; Persian and Urdu one and other', () => {
    expect(pluralCategories('he')).toEqual(['one', 'other', 'two']);
    expect(pluralCategories('fa')).toEqual(['one', 'other']);
    expect(pluralCategories('ur')).toEqual(['one', 'other']);
    const hebrew = LOCALE_PACKS.he.strings['archive.articleCount'];
    expect([1, 2, 3, 10].map((n) => pluralForm(hebrew, 'he', n))).toEqual(['מאמר אחד', 'שני מאמרים', '{count} מאמרים', '{count} מאמרים']);
    expect(pluralForm(LOCALE_PACKS.ur.strings['archive.articleCount'], 'ur', 1)).toBe('ایک مضمون');
  });

  test('counted phrases read correctly in Arabic and English, digits from the registry', () => {
    if ('ar' in LOCALES) {
      const tn = usePlurals('ar' as keyof typeof LOCALES);
      const digits = (n: number) => new Intl.NumberFormat(`ar-u-nu-${LOCALES.ar.digits}`).format(n);
      expect(tn('archive.datedArticles', 1)).toBe('مقال مؤرخ واحد');
      expect(tn('archive.datedArticles', 2)).toBe('مقالان مؤرخان');
      expect(tn('archive.datedArticles', 6)).toBe(`${digits(6)} مقالات مؤرخة`);
      expect(tn('archive.datedArticles', 11)).toBe(`${digits(11)} مقالًا مؤرخًا`);
      expect(tn('archive.datedArticles', 100)).toBe(`${digits(100)} مقال مؤرخ`);
    }
    if ('en' in LOCALES) {
      const tn = usePlurals('en' as keyof typeof LOCALES);
      expect(tn('archive.datedArticles', 1)).toBe('1 dated article');
      expect(tn('archive.datedArticles', 6)).toBe('6 dated articles');
    }
    if ('fa' in LOCALES) expect(usePlurals('fa')('archive.articleCount', 12)).toBe('۱۲ مقاله');
    if ('ur' in LOCALES) expect(usePlurals('ur')('archive.articleCount', 12)).toBe('۱۲ مضامین');
    if ('he' in LOCALES) expect(usePlurals('he')('archive.articleCount', 12)).toBe('12 מאמרים');
  });
});

describe('article ids', () => {
  test('the first folder is the locale', () => {
    expect(articleIdFromPath('ar/some-slug.mdx')).toBe('ar/some-slug');
    expect(splitArticleId('en/some-slug')).toEqual({ locale: 'en', slug: 'some-slug' });
  });

  test('a file outside a locale folder is an error naming the file and the fix', () => {
    expect(() => articleIdFromPath('xx/a.mdx')).toThrow(`content/xx/a.mdx: folder "xx" is not a configured locale (${LOCALE_CODES.join(', ')})`);
    expect(() => articleIdFromPath('loose.mdx')).toThrow(/content\/loose\.mdx: articles belong in a locale folder/);
  });
});

describe('urls', () => {
  test('paths work at the root and under a subfolder', () => {
    expect(withBase('/', 'ar/')).toBe('/ar/');
    expect(withBase('/archive', 'ar/')).toBe('/archive/ar/');
    expect(withBase('/archive/', '/ar/')).toBe('/archive/ar/');
  });
});
