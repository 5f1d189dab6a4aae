import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';
import { describe, expect, test } from 'vitest';
import { brokenPluralRelatives } from '../../../src/search/keying/broken-plurals.ts';
import { foldWord } from '../../../src/search/keying/registry.ts';

const require = createRequire(import.meta.url);
const dictionary = decodeTrie(
  gunzipSync(readFileSync(path.join(path.dirname(require.resolve('@cspell/dict-ar/cspell-ext.json')), 'ar.trie.gz'))).toString('utf8'),
);

/** Singular and broken plural, one pair for each pattern the module writes. */
const PAIRS: [singular: string, plural: string, pattern: string][] = [
  ['جسر', 'جسور', 'فعول'],
  ['تمر', 'تمور', 'فعول'],
  ['رجل', 'رجال', 'فعال'],
  ['طالب', 'طلاب', 'فُعّال'],
  ['قلم', 'أقلام', 'أفعال'],
  ['سمك', 'أسماك', 'أفعال'],
  ['سوق', 'أسواق', 'أفعال of a hollow root'],
  ['باب', 'أبواب', 'أفعال of a hollow root'],
  ['كتاب', 'كتب', 'فُعُل'],
  ['مدينة', 'مدن', 'فُعُل'],
  ['مدرسة', 'مدارس', 'مفاعل'],
  ['مسجد', 'مساجد', 'مفاعل'],
  ['مشروع', 'مشاريع', 'مفاعيل'],
  ['رسالة', 'رسائل', 'فعائل'],
  ['قبيلة', 'قبائل', 'فعائل'],
  ['شارع', 'شوارع', 'فواعل'],
  ['شاطئ', 'شواطئ', 'فواعل'],
  ['قاعدة', 'قواعد', 'فواعل'],
  ['وزير', 'وزراء', 'فعلاء'],
  ['صديق', 'أصدقاء', 'أفعلاء'],
  ['ماشي', 'مشاة', 'فُعَلة of a defective root'],
  ['قاضي', 'قضاة', 'فُعَلة of a defective root'],
  ['طالب', 'طلبة', 'فَعَلة'],
  ['سلاح', 'أسلحة', 'أفعلة'],
  ['شهر', 'أشهر', 'أفعُل'],
  ['بلد', 'بلدان', 'فِعلان'],
  ['جار', 'جيران', 'فِعلان of a hollow root'],
  ['درهم', 'دراهم', 'فعالل'],
  ['عنوان', 'عناوين', 'فعاليل'],
  ['تقرير', 'تقارير', 'تفاعيل'],
];

describe('broken plurals and their singulars', () => {
  test.each(PAIRS)('%s ↔ %s (%s), both words of the dictionary', (singular, plural) => {
    expect(dictionary.has(singular)).toBe(true);
    expect(dictionary.has(plural)).toBe(true);
    expect(brokenPluralRelatives(foldWord(plural))).toContain(foldWord(singular));
    expect(brokenPluralRelatives(foldWord(singular))).toContain(foldWord(plural));
  });

  test('unrelated words of one root are not offered, nor the word itself, nor a guess under three letters', () => {
    const relatives = brokenPluralRelatives(foldWord('جسر'));
    expect(relatives).not.toContain('جسر');
    expect(relatives).not.toContain(foldWord('جسارة'));
    expect(relatives.every((form) => [...form].length >= 3)).toBe(true);
    expect(brokenPluralRelatives(foldWord('كاتب'))).not.toContain(foldWord('مكتب'));
  });

  test('most guesses for the dictionary’s plurals of these patterns are real words: the templates are not free-for-all', () => {
    const guesses = PAIRS.flatMap(([, plural]) => brokenPluralRelatives(foldWord(plural)));
    expect(guesses.length).toBeLessThan(PAIRS.length * 12);
  });
});
