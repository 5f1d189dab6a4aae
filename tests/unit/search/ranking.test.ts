import { describe, expect, test } from 'vitest';
import { MATCH_COST, pagesHoldingEveryWord, rankByWordsHeld, type TermMatch } from '../../../src/search/ranking.ts';

const match = (pageId: string, cost: number, score = 1, form = pageId): TermMatch<string> => ({ pageId, score, cost, form, ref: pageId });

describe('ranked retrieval: pages holding most of the words', () => {
  const words = ['جسور', 'مشاة', 'بيشة'];

  test('every word first, then the best partial matches, with the word each lacks', () => {
    const ranked = rankByWordsHeld(words, [
      [match('all-variant', MATCH_COST.variant, 1, 'جسر'), match('two', MATCH_COST.exact, 9, 'جسور')],
      [match('all-variant', MATCH_COST.exact), match('two', MATCH_COST.exact, 9), match('one', MATCH_COST.exact, 50)],
      [match('all-variant', MATCH_COST.exact), match('only-bishah', MATCH_COST.exact)],
    ]);
    // Holding every word through a plural beats holding two as typed; one word comes last, by score.
    expect(ranked.map(({ pageId }) => pageId)).toEqual(['all-variant', 'two', 'one', 'only-bishah']);
    expect(ranked[0]!.missing).toEqual([]);
    expect(ranked[0]!.matchedForms[0]).toBe('جسر');
    expect(ranked[1]!.missing).toEqual(['بيشة']);
    expect(ranked[3]!.missing).toEqual(['جسور', 'مشاة']);
    expect(pagesHoldingEveryWord(ranked)).toBe(1);
  });

  test('among pages holding as many words, closer forms first, then the higher score', () => {
    const ranked = rankByWordsHeld(
      ['a', 'b'],
      [
        [match('typo', MATCH_COST.correction, 100), match('exact', MATCH_COST.exact, 1), match('proclitic', MATCH_COST.proclitic, 5)],
        [match('typo', MATCH_COST.exact), match('exact', MATCH_COST.exact), match('proclitic', MATCH_COST.exact)],
      ],
    );
    expect(ranked.map(({ pageId }) => pageId)).toEqual(['exact', 'proclitic', 'typo']);
  });

  test('a page’s best form for a word counts once, whichever form of it matched more', () => {
    const ranked = rankByWordsHeld(['a'], [[match('p', MATCH_COST.relative, 3), match('p', MATCH_COST.exact, 1)]]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.tier).toBe(MATCH_COST.exact);
  });

  test('a quoted phrase stays strict: pages lacking a word are left out', () => {
    const ranked = rankByWordsHeld(['a', 'b'], [[match('both', 0), match('one', 0)], [match('both', 0)]], true);
    expect(ranked.map(({ pageId }) => pageId)).toEqual(['both']);
  });

  test('a word matched only through the index’s stemmer is not held: a correction of it ranks first, whatever the scores', () => {
    const ranked = rankByWordsHeld(
      ['a', 'b'],
      [
        [match('stemmed', MATCH_COST.stemmedOnly, 50), match('corrected', MATCH_COST.correction + 2, 1), match('exact', MATCH_COST.exact)],
        [match('stemmed', MATCH_COST.exact, 50), match('corrected', MATCH_COST.proclitic, 1), match('exact', MATCH_COST.exact)],
      ],
    );
    expect(ranked.map(({ pageId }) => pageId)).toEqual(['exact', 'corrected', 'stemmed']);
    expect(ranked.find(({ pageId }) => pageId === 'stemmed')).toMatchObject({ missing: [], stemmedOnly: ['a'] });
    expect(pagesHoldingEveryWord(ranked)).toBe(2);
  });

  test('matched only through the stemmer still ranks above lacking the word', () => {
    const ranked = rankByWordsHeld(
      ['a', 'b'],
      [[match('stemmed', MATCH_COST.stemmedOnly)], [match('stemmed', MATCH_COST.exact), match('one', MATCH_COST.exact, 9)]],
    );
    expect(ranked.map(({ pageId }) => pageId)).toEqual(['stemmed', 'one']);
    expect(pagesHoldingEveryWord(ranked)).toBe(0);
  });
});
