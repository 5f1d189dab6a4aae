import { describe, expect, test } from 'vitest';
import { expandWord, formsPerWord, isKnownWord, MAX_FORMS_PER_QUERY, rankPages, shardIdsForQuery } from '../../../src/search/expand-query.ts';
import { buildVocabularyShards, countArabicScriptWords, shardIdForKey } from '../../../src/search/vocabulary.ts';

const archiveText = [
  'الصادرات المتجهة لروسيا تراجعت',
  'وصلت المساعدات لليبيا',
  'فيضانات في ليبيا',
  'وقال متحدث باسم الوزارة',
  'أطلقت وزارة الصحة حملة',
  'المسؤولون بوزارة المالية',
].join(' ');

const shards = buildVocabularyShards(countArabicScriptWords([archiveText]));
const lookup = (key: string) => shards.get(shardIdForKey(key))?.[key];

describe('expanding a query word to the archive’s own forms', () => {
  test('روسيا finds لروسيا, the only form in the archive', () => {
    expect(expandWord('روسيا', lookup)).toEqual([
      { form: 'روسيا', tier: 0 },
      { form: 'لروسيا', tier: 1 },
    ]);
  });

  test('لروسيا typed as written: itself first, then the bare word', () => {
    const forms = expandWord('لروسيا', lookup);
    expect(forms[0]).toEqual({ form: 'لروسيا', tier: 0 });
  });

  test('ليبيا keeps its exact form in the first tier, لليبيا after it', () => {
    const forms = expandWord('ليبيا', lookup);
    expect(forms[0]).toEqual({ form: 'ليبيا', tier: 0 });
    expect(forms).toContainEqual({ form: 'لليبيا', tier: 1 });
  });

  test('وزارة: itself, then الوزارة and بوزارة, which contain it', () => {
    const forms = expandWord('وزارة', lookup);
    expect(forms[0]).toEqual({ form: 'وزارة', tier: 0 });
    expect(forms.map((f) => f.form)).toEqual(expect.arrayContaining(['الوزارة', 'بوزارة']));
  });

  test('digits typed in any script look up all three spellings', () => {
    expect(expandWord('۲۰۲۰', lookup).map((f) => f.form)).toEqual(['۲۰۲۰', '2020', '٢٠٢٠']);
  });

  test('Latin words are left alone', () => {
    expect(expandWord('Russia', lookup)).toEqual([{ form: 'Russia', tier: 0 }]);
    expect(shardIdsForQuery('Russia')).toEqual([]);
  });
});

describe('ranking', () => {
  test('a page must match every word; lower tiers first, then higher scores', () => {
    const ranked = rankPages([
      [
        { pageId: 'a', score: 5, tier: 1, ref: 'a1' },
        { pageId: 'b', score: 1, tier: 0, ref: 'b1' },
        { pageId: 'c', score: 9, tier: 0, ref: 'c1' },
      ],
      [
        { pageId: 'a', score: 1, tier: 0, ref: 'a2' },
        { pageId: 'b', score: 1, tier: 0, ref: 'b2' },
      ],
    ]);
    expect(ranked.map((page) => page.pageId)).toEqual(['b', 'a']);
  });
});

describe('the same word under any proclitic chain, no lone letters, bounded work', () => {
  const text = 'وللمدارس دور و المدارس بالمدارس قالت بمدارس و السدود';
  const vocabulary = buildVocabularyShards(countArabicScriptWords([text]));
  const find = (key: string) => vocabulary.get(shardIdForKey(key))?.[key];

  test('المدارس: وللمدارس and بمدارس are the same word (tier 1), not distant relatives', () => {
    const forms = expandWord('المدارس', find);
    expect(forms).toContainEqual({ form: 'وللمدارس', tier: 1 });
    expect(forms).toContainEqual({ form: 'بمدارس', tier: 1 });
  });

  test('a detached و is never asked for a longer word', () => {
    expect(expandWord('والسدود', find).map(({ form }) => form)).not.toContain('و');
  });

  test('forms per word shrink as words grow, within MAX_FORMS_PER_QUERY', () => {
    for (let words = 1; words <= 8; words++) {
      expect(formsPerWord(words) * words).toBeLessThanOrEqual(Math.max(MAX_FORMS_PER_QUERY, 2 * words));
      expect(formsPerWord(words)).toBeGreaterThanOrEqual(2);
    }
    expect(expandWord('المدارس', find, 2)).toHaveLength(2);
  });
});

describe('a word the archive lacks is likely mistyped', () => {
  const vocabulary = buildVocabularyShards(countArabicScriptWords(['وصلت المساعدات لروسيا وللمدارس']));
  const find = (key: string) => vocabulary.get(shardIdForKey(key))?.[key];
  test.each([
    ['روسيا', true],
    ['المدارس', true],
    ['لروشيا', false],
    ['بروسيا', true],
    ['Russia', true],
  ] as const)('%s known: %s', (word, known) => {
    expect(isKnownWord(word, find)).toBe(known);
  });
});
