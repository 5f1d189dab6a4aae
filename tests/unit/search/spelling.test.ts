import { describe, expect, test } from 'vitest';
import { addSpellingWords, readableSpelling, buildSpellingShards, spellingDistance, spellingShardsFor, suggestSpelling } from '../../../src/search/spelling.ts';

const archive = [
  'أعلنت أذربيجان وقف العملية العسكرية في قره باغ',
  'قال الأمين العام أنطونيو غوتيريش إن المساعدات وصلت',
  'ترميهم بحجارة من سجيل وأرسل عليهم طيرا أبابيل',
  'من شر الوسواس الخناس',
  'Morocco and Algeria signed a water agreement; the elephant and the fig',
].join(' ');
const shards = buildSpellingShards(addSpellingWords(new Map(), archive));

/** What the search page does: read the word's shards, then suggest. */
const suggest = (word: string) =>
  suggestSpelling(
    word,
    spellingShardsFor(word).map((id) => shards.get(id) ?? []),
  );

describe('did you mean: the archive’s closest spelling', () => {
  test.each([
    ['أذربيحان', 'أذربيجان', 'ح for ج (dots)'],
    ['جوتيريش', 'غوتيريش', 'ج for غ (another letter, first)'],
    ['morroco', 'morocco', 'a doubled letter moved'],
    ['ابايبل', 'أبابيل', 'two letters swapped, hamza left out'],
    ['الخناش', 'الخناس', 'ش for س (dots)'],
    ['الوسواس', undefined, 'a word of the archive is not corrected'],
    ['elephnat', 'elephant', 'swapped letters in English'],
    ['agrement', 'agreement', 'a dropped letter'],
    ['زرزر', undefined, 'nothing close enough'],
    ['فيج', undefined, 'too short to correct'],
  ] as [string, string | undefined, string][])('%s → %s (%s)', (typed, expected) => {
    expect(suggest(typed)).toBe(expected);
  });

  test('a typo costs at most six shard files', () => {
    expect(spellingShardsFor('أذربيحان').length).toBeLessThanOrEqual(6);
    expect(spellingShardsFor('morroco').length).toBeLessThanOrEqual(6);
  });

  test('letters that differ only by dots, a swap, a dropped or added letter are half a letter apart', () => {
    expect(spellingDistance('حان', 'جان')).toBe(0.5);
    expect(spellingDistance('عان', 'جان')).toBe(1);
    expect(spellingDistance('abcd', 'abdc')).toBe(0.5);
  });

  test('a suggestion is shown as a reader types it: Uthmani marks and alef wasla made plain', () => {
    expect(readableSpelling('ٱلۡخَنَّاسِ')).toBe('الخناس');
    expect(readableSpelling('مَٰلِكِ')).toBe('مالك');
    expect(readableSpelling('عَلَىٰ')).toBe('على');
    expect(readableSpelling('elephant')).toBe('elephant');
  });

  test('digits and short words are not stored', () => {
    const counts = addSpellingWords(new Map(), 'في عام 2023 وقع زلزال');
    expect([...counts.keys()]).toEqual(['زلزال']);
  });
});
