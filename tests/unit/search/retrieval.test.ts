import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../src/search/relevance.ts';
import { retrieve, type RetrievalBackend } from '../../../src/search/retrieval.ts';
import { addSpellingWords, buildSpellingShards, spellingCandidates, spellingShardsFor } from '../../../src/search/spelling.ts';
import { arshifRules } from '../../../tools/search-eval/arshif-rules.ts';

/** The issue's own examples, each an article that holds them in another form than the query's. */
const articles = [
  { id: 'bridge', title: 'بيشة', text: 'افتتحت البلدية جسر مشاة جديدا في محافظة بيشة' },
  { id: 'bridges-elsewhere', title: 'جسور', text: 'جسور معلقة فوق الوادي في أبها وجسور أخرى' },
  { id: 'pedestrians', title: 'مشاة', text: 'حوادث المشاة في الطرق السريعة وممرات مشاة' },
  { id: 'cleaners', title: 'النظافة', text: 'كرمت الأمانة رجال النظافة في الأحياء' },
  { id: 'one-man', title: 'رجل', text: 'رجل يعبر الطريق ورجل آخر ينتظر' },
  { id: 'footballer', title: 'ميونخ', text: 'غاب شفاينشتايغر عن تدريبات بايرن ميونخ' },
  { id: 'other-name', title: 'لاعب', text: 'اللاعب شفاينشتايجر اعتزل قبل سنوات في شيكاغو' },
  { id: 'wheat', title: 'حصاد', text: 'حصاد القمح في حائل هذا العام' },
  { id: 'coal', title: 'طاقة', text: 'أسعار الفحم ترتفع والفحم مطلوب والفحم يصدر' },
  { id: 'toyota', title: 'مصنع', text: 'افتتحت تويوتا مصنعا في الدمام' },
  { id: 'twitter', title: 'منصة', text: 'تويتر يغلق حسابات وتويتر يحذر وتويتر' },
];
const search = (query: string) => arshifRules(articles).search(query);

describe('the corrector ranks by cost, swaps and insertions no dearer than dots', () => {
  const shards = buildSpellingShards(articles.reduce((counts, { title, text }) => addSpellingWords(counts, `${title} ${text}`), new Map<string, number>()));
  const candidates = (word: string) =>
    spellingCandidates(
      word,
      spellingShardsFor(word).map((id) => shards.get(id) ?? []),
    );

  test('تويتا: تويوتا (one letter dropped) before تويتر (another letter)', () => {
    expect(candidates('تويتا').map(({ word }) => word)[0]).toBe('تويوتا');
  });

  test('القحم: القمح (a swap) costs no more than الفحم (a dot), though الفحم is more frequent', () => {
    const found = candidates('القحم');
    const wheat = found.find(({ word }) => word === 'القمح');
    const coal = found.find(({ word }) => word === 'الفحم');
    expect(wheat && coal && wheat.distance <= coal.distance).toBe(true);
  });

  test('a variant of a foreign name ranks before a typo correction', () => {
    const found = candidates('شفاينشتايجر');
    expect(found[0]).toMatchObject({ word: 'شفاينشتايغر', variant: true });
  });
});

describe('retrieval: ranked, widened, never empty while a word matches', () => {
  test.each([
    ['جسور مشاة بيشة', 'bridge', 'a broken plural of the text’s singular'],
    ['رجل النظافة', 'cleaners', 'a singular of the text’s broken plural'],
    ['شفاينشتايجر ميونخ', 'footballer', 'the name as another article spells it, beside the query’s other word'],
    ['القحم حائل', 'wheat', 'a swap corrected to the word that sits beside حائل, not the more frequent الفحم'],
    ['تويتا مصنع', 'toyota', 'a dropped letter'],
  ])('%s → %s (%s)', async (query, expected) => {
    expect((await search(query))[0]).toBe(expected);
  });

  test('the exact forms still rank first, the other transliteration below them', async () => {
    const ranked = await search('شفاينشتايجر');
    expect(ranked[0]).toBe('other-name');
    expect(ranked).toContain('footballer');
  });

  test('no page holds every word: the closest come, each saying what it lacks', async () => {
    const asked = new Set<string>();
    const backend: RetrievalBackend<string> = {
      formsOf: async (word) => ({ candidates: [{ form: word, tier: 0 }], known: word !== 'زرزرة' }),
      searchForm: async (form) => {
        asked.add(form);
        return form === 'مشاة' ? [{ pageId: 'pedestrians', score: 1, ref: 'pedestrians' }] : [];
      },
      variantsOf: async () => [],
      spellingShardsOf: async (words) => words.map(() => []),
    };
    const { pages, widened } = await retrieve(backend, parseQuery('زرزرة مشاة'));
    expect(widened).toBe(true);
    expect(pages.map(({ pageId, missing }) => [pageId, missing])).toEqual([['pedestrians', ['زرزرة']]]);
  });

  test('a quoted phrase stays strict: no partial match, no widening', async () => {
    const backend: RetrievalBackend<string> = {
      formsOf: async (word) => ({ candidates: [{ form: word, tier: 0 }], known: true }),
      searchForm: async (form) => (form === 'جسر' ? [{ pageId: 'bridge', score: 1, ref: 'bridge' }] : []),
      variantsOf: async () => {
        throw new Error('a phrase is never widened');
      },
      spellingShardsOf: async () => {
        throw new Error('a phrase is never corrected');
      },
    };
    const { pages, widened } = await retrieve(backend, parseQuery('«جسر معلق»'));
    expect(widened).toBe(false);
    expect(pages).toEqual([]);
  });

  test('a query whose every word sits on a few pages is not widened (no spelling files read)', async () => {
    let spellingRead = false;
    const backend: RetrievalBackend<string> = {
      formsOf: async (word) => ({ candidates: [{ form: word, tier: 0 }], known: true }),
      searchForm: async () => ['a', 'b', 'c'].map((pageId) => ({ pageId, score: 1, ref: pageId })),
      variantsOf: async () => [],
      spellingShardsOf: async (words) => {
        spellingRead = true;
        return words.map(() => []);
      },
    };
    const { widened } = await retrieve(backend, parseQuery('جسر مشاة'));
    expect(widened).toBe(false);
    expect(spellingRead).toBe(false);
  });
});

describe('a word the archive lacks: corrected before the index’s stemmer guesses', () => {
  // Lines of the Quran set's chapters, cut short: the long chapters hold the short words
  // Pagefind's stemmer cuts the typos to.
  const chapters = [
    { id: 'al-buruj', title: 'سورة البروج', text: 'قتل أصحاب الأخدود النار ذات الوقود' },
    { id: 'al-fil', title: 'سورة الفيل', text: 'ألم تر كيف فعل ربك بأصحاب الفيل وأرسل عليهم طيرا أبابيل' },
    { id: 'at-takathur', title: 'سورة التكاثر', text: 'ألهاكم التكاثر حتى زرتم المقابر' },
    { id: 'yusuf', title: 'سورة يوسف', text: 'ائتوني بأخ لكم من أبيكم أخ أب أخ أب وقود أصحاب السجن' },
    { id: 'maryam', title: 'سورة مريم', text: 'وقد خلقتك من قبل ولم تك شيئا تك تك' },
  ];
  // What Pagefind's Arabic stemmer cut these words to in the Quran set's build: the pages it
  // answered held «أَخٞ», «أَبَانَا», «تَكُ».
  const pagefindStems: Record<string, string> = { الأخدوذ: 'أخ', ابايبل: 'أب', التكاتر: 'تك' };
  const engine = arshifRules(chapters, { indexStem: (word) => pagefindStems[word] });

  test.each([
    ['الأخدوذ', 'al-buruj', 'ذ for د: not أخ of yusuf'],
    ['ابايبل', 'al-fil', 'a swap: not أب of yusuf'],
    ['التكاتر', 'at-takathur', 'ت for ث: not تك of maryam'],
    ['أصحاب الأخدوذ', 'al-buruj', 'beside a word both pages hold'],
    ['وقود الأخدوذ', 'al-buruj', 'beside a word the stemmer’s page holds as typed and the corrected one under its article'],
  ])('%s → %s (%s)', async (query, expected) => {
    expect((await engine.search(query))[0]).toBe(expected);
  });

  test('with no correction, the stemmer’s pages still come, not an empty list', async () => {
    const stemOnly = arshifRules(chapters, { indexStem: (word) => (word === 'قزقزة' ? 'تك' : undefined) });
    expect(await stemOnly.search('قزقزة')).toEqual(['maryam']);
  });

  test('beside a correction of one edit, the stemmer’s match of a word the archive lacks does not hold it', async () => {
    const backend: RetrievalBackend<string> = {
      formsOf: async (word) => ({ candidates: [{ form: word, tier: 0 }], known: word !== 'التكاتر' }),
      searchForm: async (form) =>
        form === 'التكاتر'
          ? [{ pageId: 'maryam', score: 5, ref: 'maryam' }]
          : form === 'التكاثر'
            ? [{ pageId: 'at-takathur', score: 1, ref: 'at-takathur' }]
            : [],
      variantsOf: async () => [],
      spellingShardsOf: async (words) => words.map(() => [['التكاثر']]),
    };
    const { pages, answeredAs } = await retrieve(backend, parseQuery('التكاتر'));
    expect(pages.map(({ pageId, missing, stemmedOnly }) => [pageId, missing, stemmedOnly])).toEqual([
      ['at-takathur', [], []],
      ['maryam', [], ['التكاتر']],
    ]);
    expect(answeredAs).toBe('التكاثر');
  });

  test('with no close form in the archive, the stemmer’s pages hold the word, above a correction further off', async () => {
    // Persian: the archive has نمودار and Pagefind finds it for نمودارها; نوارهای is three half-letter typos away.
    const pages = [
      { id: 'supervision', title: 'نظارت', text: 'این نمودار بار سرور را نشان می‌دهد' },
      { id: 'backup', title: 'پشتیبان', text: 'نوارهای پشتیبان نوارهای قدیمی نوارهای تازه' },
    ];
    const engine = arshifRules(pages, { indexStem: (word) => (word === 'نمودارها' ? 'نمودار' : undefined) });
    expect(await engine.search('نمودارها')).toEqual(['supervision', 'backup']);
  });
});

describe('a word on every page of a large archive', () => {
  test('its matches, more than a call takes arguments, are ranked, not thrown', async () => {
    // «في» is on nearly every page: at 100,000 articles its forms matched more pages than push(...hits) could pass.
    const pages = 300_000;
    const backend: RetrievalBackend<number> = {
      formsOf: async (word) => ({ candidates: [{ form: word, tier: 0 }], known: true }),
      searchForm: async () => Array.from({ length: pages }, (_, page) => ({ pageId: `p${page}`, score: 1 / (page + 1), ref: page })),
      variantsOf: async () => [],
      spellingShardsOf: async (words) => words.map(() => []),
    };
    const { pages: ranked } = await retrieve(backend, parseQuery('في'));
    expect(ranked).toHaveLength(pages);
    expect(ranked[0]!.pageId).toBe('p0');
  });
});
