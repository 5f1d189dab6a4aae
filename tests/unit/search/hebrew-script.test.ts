import { describe, expect, test } from 'vitest';
import { foldHebrewWord, hebrewKeysWithCertainty, HEBREW_PREFIXES } from '../../../src/lib/search/hebrew-script.ts';
import { foldWord, isKeyedLanguage, keysOf, keyingOf } from '../../../src/lib/search/keying.ts';
import { foldArabicWord, wordKeys } from '../../../src/lib/search/arabic-script.ts';
import { buildVocabularyShards, shardIdForKey } from '../../../src/lib/search/vocabulary.ts';
import { expandWord } from '../../../src/lib/search/expand-query.ts';

describe('Hebrew keying', () => {
  test('niqqud, cantillation and presentation forms fold away; final letters fold to their medial forms', () => {
    expect(foldHebrewWord('בַּיִת')).toBe('בית');
    expect(foldHebrewWord('שָׁלוֹם')).toBe('שלומ');
    expect(foldHebrewWord('שלום')).toBe('שלומ');
    expect(foldHebrewWord('\uFB2Aלום')).toBe('שלומ');
    expect(['ך', 'ם', 'ן', 'ף', 'ץ'].map(foldHebrewWord)).toEqual(['כ', 'מ', 'נ', 'פ', 'צ']);
    // A word and its form with a suffix meet: ספרים holds ספר (ספרימ starts with ספר).
    expect(foldHebrewWord('ספר')).toBe('ספר');
  });

  test('prefix letters ו ה ב כ ל מ ש and their chains are stripped, the word itself first', () => {
    expect(keysOf('והבית')).toEqual(['והבית', 'הבית', 'בית']);
    expect(keysOf('שבירושלים')).toEqual(['שבירושלימ', 'בירושלימ', 'ירושלימ']);
    expect(keysOf('וכשהגיע')).toContain('הגיע');
    expect(keysOf('וכשהגיע')).toContain('גיע');
    expect(keysOf('לְיְרוּשָׁלַיִם')).toContain('ירושלימ');
    // A lone letter is never a stem.
    expect(keysOf('בו')).toEqual(['בו']);
  });

  test('a single stripped letter is a guess; a chain before a stem of three letters is sure', () => {
    const keys = hebrewKeysWithCertainty('והבית');
    expect(keys.find(({ key }) => key === 'בית')!.sure).toBe(true);
    expect(keys.find(({ key }) => key === 'הבית')!.sure).toBe(false);
    expect(hebrewKeysWithCertainty('בית').find(({ key }) => key === 'ית')!.sure).toBe(false);
  });

  test('every chain is at most one conjunction, one relative, one preposition and the article, in that order', () => {
    expect(HEBREW_PREFIXES).toContain('וכשב');
    expect(HEBREW_PREFIXES).toContain('ומה');
    expect(HEBREW_PREFIXES).not.toContain('הו');
    expect(HEBREW_PREFIXES).not.toContain('בב');
    expect(HEBREW_PREFIXES[0]!.length).toBeGreaterThanOrEqual(HEBREW_PREFIXES.at(-1)!.length);
  });

  test('the vocabulary groups the archive’s forms under the typed word, and the query finds them', () => {
    const counts = new Map([['בירושלים', 3], ['ירושלים', 2], ['והספרים', 1]]);
    const shards = buildVocabularyShards(counts);
    const lookup = (key: string) => shards.get(shardIdForKey(key))?.[key];
    expect(lookup('ירושלימ')).toEqual(['בירושלים', 'ירושלים']);
    const forms = expandWord('ירושלים', lookup).map(({ form }) => form);
    expect(forms).toContain('בירושלים');
    expect(forms).toContain('ירושלים');
  });

  test('the keying is chosen by script; Arabic and Latin words keep their rules', () => {
    expect(keyingOf('שלום')?.script).toBe('Hebr');
    expect(keyingOf('والقوات')?.script).toBe('Arab');
    expect(keyingOf('forces')).toBeUndefined();
    for (const word of ['والقوات', 'لروسيا', 'مٰلك', 'Hello', 'forces']) {
      expect(foldWord(word)).toBe(foldArabicWord(word));
      if (keyingOf(word)) expect(keysOf(word)).toEqual(wordKeys(word));
    }
    expect(['ar', 'fa', 'ur', 'he'].map(isKeyedLanguage)).toEqual([true, true, true, true]);
    expect(isKeyedLanguage('en')).toBe(false);
  });
});
