import { describe, expect, test } from 'vitest';
import { foldHebrewWord, hebrewKeysWithCertainty, HEBREW_PREFIXES, withoutVowelLetters } from '../../../src/search/keying/scripts/hebrew.ts';
import { foldedWordSpellings, foldWord, indexedFormOf, isKeyedLanguage, keysOf, keyingOf } from '../../../src/search/keying/registry.ts';
import { foldArabicWord, wordKeys } from '../../../src/search/keying/scripts/arabic.ts';
import { splitWords } from '../../../src/search/words.ts';
import { buildVocabularyShards, countArabicScriptWords, indexedWords, shardIdForKey } from '../../../src/search/vocabulary.ts';
import { expandWord } from '../../../src/search/expand-query.ts';

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
    expect(keysOf('והבית')[0]).toBe('והבית');
    expect(keysOf('והבית')).toEqual(expect.arrayContaining(['הבית', 'בית']));
    expect(keysOf('שבירושלים').filter((key) => key.includes('ירושלימ'))).toEqual(['שבירושלימ', 'בירושלימ', 'ירושלימ']);
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
    const counts = new Map([
      ['בירושלים', 3],
      ['ירושלים', 2],
      ['והספרים', 1],
    ]);
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

  test('full and defective spellings meet without the vowel letters ו and י inside the word (a guess)', () => {
    expect(withoutVowelLetters('בוער')).toBe('בער');
    expect(withoutVowelLetters('מרגלותיו')).toBe('מרגלתו');
    expect(withoutVowelLetters('מרגלתיו')).toBe('מרגלתו');
    // The first and last letters stay (ויטבל keeps its ו, אותו its final ו), and short words are left alone.
    expect(withoutVowelLetters('ויטבל')).toBe('וטבל');
    expect(withoutVowelLetters('אותו')).toBe('אתו');
    expect(withoutVowelLetters('שיר')).toBeUndefined();
    expect(withoutVowelLetters('בער')).toBeUndefined();
    const full = hebrewKeysWithCertainty('האופים');
    const pointed = hebrewKeysWithCertainty('הָאֹפִ֑ים');
    expect(full.find(({ key }) => key === 'האפמ')?.sure).toBe(false);
    expect(pointed.map(({ key }) => key)).toContain('האפמ');
  });

  test('words joined by a maqaf are one word to Pagefind, and the vocabulary finds them by each word', () => {
    expect(indexedWords('וְהִנֵּה־אַ֔יִל נֶאֱחַ֥ז בַּסְּבַ֖ךְ׃ אֶת־הָאַ֔יִל')).toEqual(['וְהִנֵּה־אַ֔יִל', 'נֶאֱחַ֥ז', 'בַּסְּבַ֖ךְ', 'אֶת־הָאַ֔יִל']);
    // Arabic and Latin text splits exactly as splitWords does.
    expect(indexedWords('والقوات (٢) don’t-stop')).toEqual(splitWords('والقوات (٢) don’t-stop'));
    expect(foldedWordSpellings('אֶת־הָאַ֔יִל')).toEqual(['את־האיל', 'את', 'האיל']);
    const keys = hebrewKeysWithCertainty('את־האיל');
    expect(keys[0]).toEqual({ key: 'את־האיל', sure: true });
    expect(keys.find(({ key }) => key === 'האיל')?.sure).toBe(true);
    expect(keys.map(({ key }) => key)).toContain('איל');

    const shards = buildVocabularyShards(countArabicScriptWords(['וַיִּקַּח אֶת־הָאַ֔יִל וַיַּעֲלֵהוּ', 'אַ֔יִל אֶחָד']));
    const lookup = (key: string) => shards.get(shardIdForKey(key))?.[key];
    const forms = expandWord('האיל', lookup);
    expect(forms).toContainEqual({ form: 'את־האיל', tier: 0 });
    expect(expandWord('איל', lookup).map(({ form }) => form)).toEqual(expect.arrayContaining(['איל', 'את־האיל']));
  });

  test('the vocabulary records a pointed word once, as Pagefind indexes it (marks dropped, final letters kept)', () => {
    expect(indexedFormOf('הַיֶּ֔לֶד')).toBe('הילד');
    expect(indexedFormOf('בַּסְּבַ֖ךְ')).toBe('בסבך');
    // Arabic words are recorded as written.
    expect(indexedFormOf('ٱلۡكِتَٰبُ')).toBe('ٱلۡكِتَٰبُ');
    const counts = countArabicScriptWords(['הַיֶּ֔לֶד הַיֶּ֖לֶד הַיָּֽלֶד הילד']);
    expect([...counts]).toEqual([['הילד', 4]]);
  });
});
