import { describe, expect, test } from 'vitest';
import { foldArabicWord, foldedSpellings, PROCLITICS, wordKeys, wordKeysWithCertainty } from '../../../src/search/keying/scripts/arabic.ts';
import { splitWords } from '../../../src/search/words.ts';

describe('folding spelling variants', () => {
  test('hamza on alef, alef maqsura, ta marbuta, Persian yeh and kaf', () => {
    expect(foldArabicWord('أإآا')).toBe('اااا');
    expect(foldArabicWord('السوفيتى')).toBe(foldArabicWord('السوفيتي'));
    expect(foldArabicWord('مدينة')).toBe(foldArabicWord('مدينه'));
    expect(foldArabicWord('کاراباخ')).toBe('كاراباخ');
    expect(foldArabicWord('ایران')).toBe('ايران');
  });

  test('diacritics and tatweel disappear, ZWNJ-free words are unchanged', () => {
    expect(foldArabicWord('فِلَسْطِين')).toBe('فلسطين');
    expect(foldArabicWord('فلســطين')).toBe('فلسطين');
  });

  test('Arabic-Indic and Persian digits become ASCII', () => {
    expect(foldArabicWord('٢٠٢٣')).toBe('2023');
    expect(foldArabicWord('۲۰۲۳')).toBe('2023');
  });
});

describe('proclitics', () => {
  test('every conjunction + preposition + article combination, longest first', () => {
    for (const proclitic of ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'بال', 'لل', 'فال', 'كال', 'وبال', 'ولل']) {
      expect(PROCLITICS).toContain(proclitic);
    }
    const lengths = PROCLITICS.map((p) => p.length);
    expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
  });

  test('a word keys to itself first, then to the stems under its proclitics', () => {
    expect(wordKeys('لروسيا')).toEqual(['لروسيا', 'روسيا']);
    expect(wordKeys('والقوات')).toEqual(['والقوات', 'القوات', 'قوات']);
    expect(wordKeys('للمدارس')[0]).toBe('للمدارس');
    expect(wordKeys('للمدارس')).toContain('مدارس');
  });

  test('a stem keeps two letters at least (برب holds رب); one left by a lone letter is only a guess', () => {
    expect(wordKeys('برب')).toEqual(['برب', 'رب']);
    expect(wordKeysWithCertainty('ولد')).toEqual([
      { key: 'ولد', sure: true },
      { key: 'لد', sure: false },
    ]);
    expect(wordKeys('وب')).toEqual(['وب']);
  });

  test('a chain ending in the article is certainly not part of the word', () => {
    const keys = wordKeysWithCertainty('وللمدارس');
    expect(keys[0]).toEqual({ key: 'وللمدارس', sure: true });
    expect(keys).toEqual(
      expect.arrayContaining([
        { key: 'للمدارس', sure: false },
        { key: 'مدارس', sure: true },
      ]),
    );
  });

  test('a superscript alef also reads as a full alef (مٰلك is مالك)', () => {
    expect(foldedSpellings('مَٰلِكِ')).toEqual(['ملك', 'مالك']);
    expect(wordKeys('ٱلۡكِتَٰبُ')).toEqual(expect.arrayContaining(['الكتب', 'الكتاب', 'كتاب']));
  });

  test('Latin words have one key, lowercased', () => {
    expect(wordKeys('Azerbaijan')).toEqual(['azerbaijan']);
  });
});

describe('word splitting', () => {
  test('keeps marks and digits inside words, splits on punctuation', () => {
    expect(splitWords('قالت، «أذربيجان» في 2020!')).toEqual(['قالت', 'أذربيجان', 'في', '2020']);
    expect(splitWords('فِلَسْطِين')).toEqual(['فِلَسْطِين']);
  });
});

describe('query length', () => {
  test('a query is searched by its first distinct words, at most MAX_QUERY_WORDS', async () => {
    const { queryWords, MAX_QUERY_WORDS } = await import('../../../src/search/words.ts');
    const pasted = Array.from({ length: 300 }, (_, index) => `كلمة${index}`).join(' ');
    expect(queryWords(pasted)).toHaveLength(MAX_QUERY_WORDS);
    expect(queryWords(pasted)[0]).toBe('كلمة0');
    expect(queryWords('روسيا روسيا أوكرانيا')).toEqual(['روسيا', 'أوكرانيا']);
  });
});
