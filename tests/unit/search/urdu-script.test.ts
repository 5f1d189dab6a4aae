import { describe, expect, test } from 'vitest';
import { wordKeys } from '../../../src/search/keying/scripts/arabic.ts';
import { expandWord } from '../../../src/search/expand-query.ts';
import { keyingOf, keysOf } from '../../../src/search/keying/registry.ts';
import { persianKeysWithCertainty } from '../../../src/search/keying/scripts/persian.ts';
import { urduKeying, urduKeysWithCertainty } from '../../../src/search/keying/scripts/urdu.ts';
import { buildVocabularyShards, countArabicScriptWords, shardIdForKey } from '../../../src/search/vocabulary.ts';

describe('Urdu endings', () => {
  test('a plural or oblique form is keyed by the singulars it can be the form of', () => {
    expect(keysOf('عورتوں')).toContain('عورت');
    expect(keysOf('عورتیں')).toContain('عورت');
    expect(keysOf('فرشتوں')).toContain('فرشتہ');
    expect(keysOf('فرشتے')).toContain('فرشتہ');
    expect(keysOf('لوہے')).toContain('لوہا');
    expect(keysOf('سرگوشیوں')).toContain('سرگوشي');
    expect(keysOf('سرگوشیاں')).toContain('سرگوشي');
    // ئ and ؤ before the ending fold with ی and و: ہوائیں and ہواؤں are ہوا's.
    expect(keysOf('ہوائیں')).toContain('ہوا');
    expect(keysOf('ہواؤں')).toContain('ہوا');
  });

  test('never the bare stem of ـے (جمعے is not جمع), never a stem shorter than three letters', () => {
    expect(keysOf('جمعے')).toContain('جمعہ');
    expect(keysOf('جمعے')).not.toContain('جمع');
    for (const word of ['میں', 'کہیں', 'ہے', 'لیے', 'کے']) expect(keysOf(word)).toEqual(persianKeysWithCertainty(word).map(({ key }) => key));
  });

  test('the singulars are sure keys, after the Persian ones', () => {
    const keys = urduKeysWithCertainty('میلوں');
    expect(keys[0]).toEqual({ key: 'ميلوں', sure: true });
    for (const { key } of persianKeysWithCertainty('میلوں')) expect(keys.map((entry) => entry.key)).toContain(key);
    expect(keys.find(({ key }) => key === 'ميلہ')?.sure).toBe(true);
  });

  test('only words with a letter Persian does not write are Urdu; Persian and Arabic keys stay as they were', () => {
    expect(keyingOf('لاہور')).toBe(urduKeying);
    expect(keyingOf('عورتیں')).toBe(urduKeying);
    for (const word of ['کتابها', 'میروم', 'زمین', 'ماشینها', 'عورت']) expect(urduKeying.owns(word)).toBe(false);
    for (const word of ['والقوات', 'لروسيا', 'عليها', 'مدينة']) expect(keysOf(word)).toEqual(wordKeys(word));
  });

  test('the reader’s form finds the archive’s other forms through the vocabulary, as close as its own', () => {
    const shards = buildVocabularyShards(
      countArabicScriptWords(['جب مومن عورتیں ہجرت کر کے آئیں', 'اور ہواؤں کی قسم', 'فرشتوں کی قسم', 'یہ فرشتے', 'لوہا اور عورت']),
    );
    const lookup = (key: string) => shards.get(shardIdForKey(key))?.[key];
    const forms = (word: string) => expandWord(word, lookup).map(({ form }) => form);
    expect(forms('عورتوں')).toEqual(expect.arrayContaining(['عورتیں', 'عورت']));
    expect(forms('ہوائیں')).toContain('ہواؤں');
    expect(forms('لوہے')).toContain('لوہا');
    // Singular typed, plural found; plural typed, the other plural at tier 1 though the typed form is in the archive.
    expect(forms('فرشتہ')).toEqual(expect.arrayContaining(['فرشتے', 'فرشتوں']));
    expect(expandWord('فرشتوں', lookup)).toEqual([
      { form: 'فرشتوں', tier: 0 },
      { form: 'فرشتے', tier: 1 },
    ]);
  });
});
