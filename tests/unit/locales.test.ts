import { describe, expect, test } from 'vitest';
import { LOCALES, LOCALE_CODES, isLocaleCode, localeDirection } from '../../src/i18n/locales.ts';
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
      for (const value of Object.values(LOCALES[code].strings)) expect(value.trim()).not.toBe('');
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
