import { describe, expect, test } from 'vitest';
import { LOCALES, LOCALE_CODES, isLocaleCode, localeDirection } from '../../src/i18n/locales.ts';
import { pluralCategories, pluralForm } from '../../src/i18n/plural.ts';
import { usePlurals } from '../../src/i18n/strings/index.ts';
import { articleIdFromPath, splitArticleId } from '../../src/lib/article-id.ts';
import { withBase } from '../../src/lib/urls.ts';

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

  test('every locale has every UI string, none empty', () => {
    const keys = Object.keys(LOCALES.ar.strings).sort();
    for (const code of LOCALE_CODES) {
      expect(Object.keys(LOCALES[code].strings).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(LOCALES[code].strings)) {
        if (typeof value === 'string') expect(value.trim(), `${code} ${key}`).not.toBe('');
        else for (const form of Object.values(value as Record<string, string>)) expect(form.trim(), `${code} ${key}`).not.toBe('');
      }
    }
  });

  test('every counted string has a form for each plural category of its language', () => {
    for (const code of LOCALE_CODES) {
      const categories = pluralCategories(code);
      for (const [key, value] of Object.entries(LOCALES[code].strings)) {
        if (typeof value !== 'string') expect(Object.keys(value).sort(), `${code} ${key}`).toEqual(categories);
      }
    }
  });

  test('Arabic counts take all six forms, English two', () => {
    expect(pluralCategories('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    const forms = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103].map((n) => pluralForm(forms, 'ar', n))).toEqual(['z', 'o', 't', 'f', 'f', 'm', 'm', 'x', 'x', 'x', 'f']);
    expect(pluralForm({ one: 'o', other: 'x' }, 'en', 1)).toBe('o');
    expect(pluralForm({ one: 'o', other: 'x' }, 'en', 0)).toBe('x');
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
  });
});

describe('article ids', () => {
  test('the first folder is the locale', () => {
    expect(articleIdFromPath('ar/some-slug.mdx')).toBe('ar/some-slug');
    expect(splitArticleId('en/some-slug')).toEqual({ locale: 'en', slug: 'some-slug' });
  });

  test('a file outside a locale folder is an error naming the file and the fix', () => {
    expect(() => articleIdFromPath('xx/a.mdx')).toThrow(/content\/xx\/a\.mdx: folder "xx" is not a configured locale \(ar, en\)/);
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
