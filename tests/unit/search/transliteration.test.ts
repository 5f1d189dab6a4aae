import { describe, expect, test } from 'vitest';
import { spellingForm } from '../../../src/search/spelling.ts';
import { isTransliterationVariant, transliterationDistance } from '../../../src/search/transliteration.ts';

const variant = (a: string, b: string) => isTransliterationVariant(spellingForm(a), spellingForm(b));

describe('foreign names transliterated two ways', () => {
  test.each([
    ['شفاينشتايغر', 'شفاينشتايجر', 'g as غ or ج'],
    ['هونغ', 'هونج', 'g as غ or ج, four letters'],
    ['فولفسبورغ', 'فولفسبورج', 'g at the end'],
    ['الروهينغا', 'الروهينجا', 'g, with the article'],
    ['غوغل', 'جوجل', 'g twice'],
    ['فيغاس', 'فيقاس', 'g as ق'],
    ['رافائيل', 'رافايل', 'ئ written or not'],
    ['يوتوب', 'يوتيوب', 'a long vowel left out'],
    ['فيتنام', 'ڤيتنام', 'v as ف or ڤ'],
    ['بيتر', 'پيتر', 'p as ب or پ'],
    ['ماسيمو', 'ماسسيمو', 'a doubled letter'],
  ])('%s ~ %s (%s)', (a, b) => {
    expect(variant(a, b)).toBe(true);
    expect(variant(b, a)).toBe(true);
  });

  test.each([
    ['القحم', 'القمح', 'a swap is a typo, not a variant'],
    ['تويتا', 'تويتر', 'another letter'],
    ['جسور', 'جسور', 'the same spelling is not a variant of itself'],
    ['هونغ', 'هوجن', 'letters moved'],
    ['بيروت', 'بيريه', 'two real letters differ'],
  ])('%s ≁ %s (%s)', (a, b) => {
    expect(variant(a, b)).toBe(false);
  });

  test('one variant step costs a quarter of a letter; a real edit a whole one', () => {
    expect(transliterationDistance('هونغ', 'هونج')).toBe(0.25);
    expect(transliterationDistance('يوتوب', 'يوتيوب')).toBe(0.25);
    expect(transliterationDistance('غوغل', 'جوجل')).toBe(0.5);
    expect(transliterationDistance('تويتا', 'تويتر')).toBe(1);
  });
});
