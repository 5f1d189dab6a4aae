import { describe, expect, test } from 'vitest';
import { containsPhrase, holdsEveryWord, matchTier, parseQuery, rankByText, textDistance, withoutQuotes } from '../../../src/search/relevance.ts';
import { MAX_QUERY_WORDS } from '../../../src/search/words.ts';

describe('a word with or without any proclitic chain is the same word', () => {
  test.each([
    ['بالمدارس', 'المدارس'],
    ['وللمدارس', 'المدارس'],
    ['مدارس', 'المدارس'],
    ['والمدارس', 'مدارس'],
    ['كالعرجون', 'العرجون'],
    ['لبالمرصاد', 'بالمرصاد'],
    ['برب', 'رب'],
    ['ورمان', 'والرمان'],
  ])('the text’s %s holds the typed %s', (text, typed) => {
    expect(matchTier(text, typed)).toBe(1);
  });

  test('the typed form itself, in any spelling Pagefind folds, is tier 0', () => {
    expect(matchTier('المَدارِس', 'المدارس')).toBe(0);
    expect(matchTier('مَٰلِكِ', 'مالك')).toBe(0);
    expect(matchTier('الأعمى', 'الاعمي')).toBe(0);
  });

  test('a word that only shares letters is not the word', () => {
    expect(matchTier('وزارة', 'زيارة')).toBeUndefined();
    expect(matchTier('فني', 'فن')).toBeUndefined();
    expect(matchTier('قل', 'القلم')).toBeUndefined();
  });
});

describe('a one-letter token never satisfies a query word', () => {
  test.each(['والسدود', 'والمياه', 'والجنيه', 'والنيل'])('a lone و does not stand for %s', (typed) => {
    expect(matchTier('و', typed)).toBeUndefined();
    expect(textDistance('قال و أضاف', [typed])).toBe(2);
  });

  test('a one-letter query word still finds itself', () => {
    expect(matchTier('و', 'و')).toBe(0);
  });
});

describe('a page holding a form of the typed word ranks above a page sharing only a stem', () => {
  const pages = [
    { id: 'stem-only', text: 'معرض للفنون التشكيلية وقال فني إن' },
    { id: 'with-article-chain', text: 'تحدث عن الاهتمام بالفن في المدارس' },
    { id: 'typed', text: 'الفن والحياة' },
  ];
  test('typed form first, then under a proclitic, stem relatives last (stable otherwise)', () => {
    const ranked = rankByText(pages, (page) => page.text, parseQuery('الفن'));
    expect(ranked.map((page) => page.id)).toEqual(['typed', 'with-article-chain', 'stem-only']);
  });

  test('holdsEveryWord tells when Pagefind found only stem relatives', () => {
    expect(holdsEveryWord('معرض فني', ['الفن'])).toBe(false);
    expect(holdsEveryWord('معرض بالفن', ['الفن'])).toBe(true);
  });
});

describe('quoted phrases', () => {
  test('parsed from "…", «…» and “…”, their words searched too', () => {
    expect(parseQuery('"رب الناس" شر')).toEqual({ words: ['رب', 'الناس', 'شر'], phrases: [['رب', 'الناس']] });
    expect(parseQuery('«ليلة القدر»').phrases).toEqual([['ليلة', 'القدر']]);
    expect(parseQuery('“supply chains”').phrases).toEqual([['supply', 'chains']]);
    expect(parseQuery('"وحيدة"').phrases).toEqual([]);
    expect(withoutQuotes('«ليلة القدر»')).toBe('ليلة القدر');
  });

  test('an unclosed quote runs to the end', () => {
    expect(parseQuery('"رب الناس').phrases).toEqual([['رب', 'الناس']]);
  });

  test('a phrase matches its words in order, each under any proclitic', () => {
    expect(containsPhrase('قل أعوذ برب الناس', ['رب', 'الناس'])).toBe(true);
    expect(containsPhrase('رب العالمين وأكثر الناس', ['رب', 'الناس'])).toBe(false);
    expect(containsPhrase('الناس رب', ['رب', 'الناس'])).toBe(false);
  });

  test('pages without the phrase are dropped', () => {
    const pages = ['رب العالمين والناس', 'أعوذ برب الناس'];
    expect(rankByText(pages, (text) => text, parseQuery('"رب الناس"'))).toEqual(['أعوذ برب الناس']);
  });
});

describe('the work per query is capped', () => {
  test('a pasted passage is searched by its first distinct words only', () => {
    const passage = 'قل أعوذ برب الناس ملك الناس إله الناس من شر الوسواس الخناس الذي يوسوس في صدور الناس';
    expect(parseQuery(passage).words).toHaveLength(MAX_QUERY_WORDS);
  });
});
