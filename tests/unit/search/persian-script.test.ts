import { describe, expect, test } from 'vitest';
import { wordKeys } from '../../../src/search/keying/scripts/arabic.ts';
import { keysOf, keyingOf } from '../../../src/search/keying/registry.ts';
import { buildVocabularyShards, countArabicScriptWords, shardIdForKey } from '../../../src/search/vocabulary.ts';
import { expandWord } from '../../../src/search/expand-query.ts';

describe('Persian and Urdu affixes', () => {
  test('joined «می/نمی», «به» and «ها/های» are stripped, after the Arabic keys', () => {
    expect(keysOf('میروم')).toContain('روم');
    expect(keysOf('نمیروم')).toContain('روم');
    expect(keysOf('کتابها')).toContain('كتاب');
    expect(keysOf('کتابهای')).toContain('كتاب');
    expect(keysOf('بهپاریس')).toContain('پاريس');
    // Without a Persian letter the word is keyed as Arabic: بهتهران keeps its Arabic keys (ب stripped, not به).
    expect(keysOf('بهتهران')).toEqual(wordKeys('بهتهران'));
    expect(keysOf('میخواهیم')[0]).toBe('ميخواهيم');
  });

  test('Urdu words take the same rules, and their own endings (their letters ٹ ڈ ڑ ں ہ ے ھ mark them; urdu-script.test.ts)', () => {
    expect(keyingOf('لاہور')?.script).toBe('Arab');
    expect(keyingOf('لاہور')).not.toBe(keyingOf('كتاب'));
    expect(keyingOf('کتاب')).not.toBe(keyingOf('كتاب'));
    expect(keysOf('میلےها')).toEqual(expect.arrayContaining(['ميلےها', 'لےها', 'ميلے']));
  });

  test('Arabic words (no letter Arabic does not write) keep exactly their Arabic keys', () => {
    for (const word of ['ميدان', 'منها', 'بهاء', 'والقوات', 'لروسيا', 'عليها']) expect(keysOf(word)).toEqual(wordKeys(word));
  });

  test('after a zero-width non-joiner the affix is a word of its own, and the stem meets the joined form', () => {
    const counts = countArabicScriptWords(['کتاب‌ها روی میز است و او می‌رود. کتابهای تازه']);
    expect([...counts.keys()]).toEqual(expect.arrayContaining(['کتاب', 'ها', 'می', 'رود', 'کتابهای']));
    const shards = buildVocabularyShards(counts);
    const lookup = (key: string) => shards.get(shardIdForKey(key))?.[key];
    // Typed joined, the archive's separated stem is asked for; typed bare, the joined form is.
    expect(expandWord('کتابها', lookup).map(({ form }) => form)).toContain('کتاب');
    expect(expandWord('کتاب', lookup).map(({ form }) => form)).toContain('کتابهای');
    expect(expandWord('میرود', lookup).map(({ form }) => form)).toContain('رود');
  });
});
