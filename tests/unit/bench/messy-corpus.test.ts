import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  BOILERPLATE,
  DENSE_DAYS,
  KIND_QUOTAS,
  PAPER_ORIGIN,
  SPA_RIYADH,
  bylineKey,
  createMessyStats,
  generateMessyCorpus,
  type ArticleKind,
  type Mess,
  type MessyArticle,
} from '../../../tools/bench/messy-corpus.ts';
import { isSubheading, parseArticleText } from '../../../tools/import/parse.ts';

const generate = (articles: number, seed?: number) => [...generateMessyCorpus({ articles, seed })];

// Decoding the dictionaries takes a few seconds, once per process.
const SLOW = 120_000;

/** The front block as YAML reads it (the importer's own reader refuses some of these values today: tabs). */
function front(article: MessyArticle): Record<string, unknown> {
  const lines = article.text.split('\n');
  const end = lines.indexOf('---', 1);
  return parseYaml(lines.slice(1, end).join('\n')) as Record<string, unknown>;
}

/** The lines after the front block, as written. */
function bodyLines(article: MessyArticle): string[] {
  const lines = article.text.split('\n');
  return lines.slice(lines.indexOf('---', 1) + 1, -1);
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const ALL_MESSES: Mess[] = [
  ...(Object.keys(KIND_QUOTAS) as Mess[]),
  'agency-byline',
  'reporter-byline',
  'person-byline',
  'pen-byline',
  'no-byline',
  'byline-variant',
  'tatweel-byline',
  'dateline-first-line',
  'subheadings',
  'quotes',
  'arabic-indic-digits',
  'western-digits',
  'dense-date',
  'tab-in-verse',
  'spaced-hemistichs',
  'nbsp',
  'trailing-boilerplate',
];

describe('the messy news corpus', () => {
  const corpus = generate(200);
  const byPath = new Map(corpus.map((article) => [article.path, article]));
  const ofKind = (kind: ArticleKind) => corpus.filter((article) => article.kind === kind);

  test('is the same bytes for the same seed, and another corpus for another seed', { timeout: SLOW }, () => {
    const again = generate(200);
    expect(again.map(({ path, text }) => ({ path, text }))).toEqual(corpus.map(({ path, text }) => ({ path, text })));
    expect(again).toEqual(corpus);
    const other = generate(200, 7);
    expect(other.filter((article, index) => article.text === corpus[index]!.text).length).toBe(0);
  });

  test('holds every kind at its quota in each run of 100, and every mess at 200 articles', () => {
    for (const [kind, quota] of Object.entries(KIND_QUOTAS)) expect(ofKind(kind as ArticleKind).length, kind).toBe(2 * quota);
    expect(ofKind('ordinary').length).toBe(200 - 2 * Object.values(KIND_QUOTAS).reduce((sum, count) => sum + count, 0));
    const seen = new Set(corpus.flatMap((article) => article.messes));
    for (const mess of ALL_MESSES) expect(seen.has(mess), mess).toBe(true);
    for (const article of corpus) {
      if (article.kind !== 'ordinary') expect(article.messes).toContain(article.kind);
      expect(article.messes).toEqual([...new Set(article.messes)].sort());
    }
  });

  test('counts what it generated when asked', () => {
    const stats = createMessyStats();
    const articles = [...generateMessyCorpus({ articles: 120, stats })];
    expect(stats.articles).toBe(120);
    expect(stats.kinds.empty).toBe(articles.filter((article) => article.kind === 'empty').length);
    expect(stats.messes['dense-date']).toBe(articles.filter((article) => article.messes.includes('dense-date')).length);
    expect(stats.newest).toBe(
      articles
        .map((article) => article.date)
        .sort()
        .at(-1),
    );
  });

  test('is produced one article at a time: the first of a million comes at once', () => {
    const started = performance.now();
    const first = generateMessyCorpus({ articles: 1_000_000 }).next();
    expect(first.done).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('writes unique news-<id>.txt files with a front block: title, date, author, a source on the fictional paper, tags', () => {
    expect(new Set(corpus.map((article) => article.path)).size).toBe(corpus.length);
    expect(corpus.map((article) => article.path)).toEqual(corpus.map((article) => article.path).sort());
    for (const article of corpus) {
      expect(article.path).toMatch(/^news-\d{7}\.txt$/);
      const fields = front(article);
      expect(fields.title).toBe(article.title);
      expect(String(fields.date)).toBe(article.date);
      expect(fields.author).toBe(article.author);
      expect(fields.source).toBe(article.source);
      expect(article.source.replace(/^http:/, 'https:').startsWith(`${PAPER_ORIGIN}/`)).toBe(true);
      const tags = fields.tags === undefined ? [] : Array.isArray(fields.tags) ? fields.tags : String(fields.tags).split('، ');
      expect(tags).toEqual(article.tags);
      expect(bodyLines(article)).toEqual(article.body);
      expect(article.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('spells one agency or reporter many ways, differing only by spacing, tatweel and punctuation', () => {
    const spellings = new Map<string, Set<string>>();
    for (const article of corpus) {
      if (article.authorId === undefined) continue;
      expect(bylineKey(article.author!), `${article.author} for ${article.authorId}`).toBe(bylineKey(article.authorId));
      (spellings.get(article.authorId) ?? spellings.set(article.authorId, new Set()).get(article.authorId)!).add(article.author!);
    }
    const spa = [...spellings.get(SPA_RIYADH)!];
    expect(spa.length).toBeGreaterThanOrEqual(5);
    for (const spelling of ['واس- الرياض', 'واس -الرياض', 'واس-الرياض'])
      expect(
        spa.some((written) => written.startsWith(spelling)),
        spelling,
      ).toBe(true);
    // Tatweel as the dash («واس ـ الرياض») and stretching a word («الريـــاض»), in a larger sample.
    const stretched = new Set(
      generate(1000)
        .filter((article) => article.authorId === SPA_RIYADH && article.author!.includes('ـ'))
        .map((article) => article.author!),
    );
    expect([...stretched].some((written) => written.includes(' ـ '))).toBe(true);
    expect([...stretched].some((written) => /\p{L}ـ+\p{L}/u.test(written))).toBe(true);
    // The usual spelling is the most frequent one, so the joined author page has a clear name.
    const counts = corpus
      .filter((article) => article.authorId === SPA_RIYADH)
      .reduce((map, article) => map.set(article.author!, (map.get(article.author!) ?? 0) + 1), new Map<string, number>());
    expect([...counts].sort((a, b) => b[1] - a[1])[0]![0]).toBe(SPA_RIYADH);
    // Different authors stay apart: the reversed dateline and another city are other bylines.
    const keys = new Set([...spellings.keys()].map(bylineKey));
    expect(keys.size).toBe(spellings.size);
    expect(bylineKey('الرياض - واس')).not.toBe(bylineKey(SPA_RIYADH));
    // Datelines and agencies, reporters, plain names and «بقلم:» names all occur.
    expect(corpus.some((article) => article.author?.startsWith('بقلم'))).toBe(true);
    expect(corpus.some((article) => article.author && /[-–]/.test(article.author) && /علي|خالد|سعد|ماجد/.test(article.author))).toBe(true);
  });

  test('lets a few bylines run on past 120 characters into the lead, starting with a dateline', () => {
    for (const article of ofKind('long-byline')) {
      expect([...article.author!].length).toBeGreaterThan(120);
      expect([...article.author!].length).toBeLessThanOrEqual(250);
      expect(article.author).toMatch(/^الرياض\s*[-ـ]\s*واس \S/);
      expect(article.authorId).toBeUndefined();
    }
  });

  test('puts control characters of old systems in the body only, SUB most often, never NUL', () => {
    const counts: Record<string, number> = {};
    for (const article of corpus) {
      const frontBlock = article.text.slice(0, article.text.indexOf('\n---\n', 4));
      expect(CONTROL.test(frontBlock), article.path).toBe(false);
      const holds = article.messes.includes('control-characters');
      expect(CONTROL.test(article.body.join('\n')), article.path).toBe(holds);
      expect(article.text).not.toContain('\u0000');
      if (!holds) continue;
      for (const [char, count] of Object.entries(article.controlCharacters!)) counts[char] = (counts[char] ?? 0) + count;
      const found = article.body.join('\n').match(new RegExp(CONTROL.source, 'gu'))!;
      expect(found.length).toBe(Object.values(article.controlCharacters!).reduce((sum, count) => sum + count, 0));
      expect(article.body.join('\n')).toContain('\u001A');
    }
    expect(Object.keys(counts).every((char) => ['\u001A', '\u0008', '\u001F', '\u0085'].includes(char))).toBe(true);
    expect(counts['\u001A']).toBe(Math.max(...Object.values(counts)));
  });

  test('has tabs only where the article says: the title, the byline, a paragraph, a verse', () => {
    for (const article of corpus) {
      expect(article.title.includes('\t'), article.path).toBe(article.messes.includes('tab-in-title'));
      expect((article.author ?? '').includes('\t'), article.path).toBe(article.messes.includes('tab-in-byline'));
      const proseTabs = article.body.filter((line) => !article.verses?.includes(line)).some((line) => line.trim() !== '' && line.includes('\t'));
      expect(proseTabs, article.path).toBe(article.messes.includes('tab-in-paragraph'));
      expect(
        (article.verses ?? []).some((line) => line.includes('\t')),
        article.path,
      ).toBe(article.messes.includes('tab-in-verse'));
    }
  });

  test('has Nabati poems of 6–20 short unpunctuated lines, some with an intro, some only the poem', () => {
    for (const article of [...ofKind('poem'), ...ofKind('poem-only')]) {
      const verses = article.verses!;
      expect(verses.length).toBeGreaterThanOrEqual(6);
      expect(verses.length).toBeLessThanOrEqual(20);
      for (const verse of verses) {
        expect(verse.length).toBeLessThanOrEqual(70);
        expect(verse).not.toMatch(/[.!?؟…:،,«»-]/);
        // What today's text reader makes of a verse: a subheading (the verse reader is to change that).
        expect(isSubheading(verse.trim())).toBe(true);
      }
      expect(article.body.slice(article.kind === 'poem' ? 1 : 0)).toEqual(verses);
      if (article.kind === 'poem') expect(article.body[0]).toMatch(/:$/);
      expect(article.tags).toContain('شعر');
    }
    expect(corpus.some((article) => article.messes.includes('spaced-hemistichs'))).toBe(true);
  });

  test('never writes three short unpunctuated lines in a row outside a poem, so only poems read as verse', () => {
    for (const article of corpus.filter((candidate) => !candidate.verses)) {
      let run = 0;
      for (const line of article.body.map((text) => text.trim()).filter(Boolean)) {
        run = isSubheading(line) ? run + 1 : 0;
        expect(run, `${article.path}: ${line}`).toBeLessThan(3);
      }
    }
  });

  test('types some articles on a Persian keyboard: «ی» and «ک» throughout, and no other article has them', () => {
    for (const article of corpus) {
      const text = [article.title, ...article.body].join('\n');
      const persian = article.messes.includes('persian-keyboard');
      expect(/[یک]/.test(text), article.path).toBe(persian);
      if (!persian) continue;
      expect(text).toMatch(/ی/);
      expect(text).toMatch(/ک/);
      expect(text).not.toMatch(/ك/);
      expect(text).not.toMatch(/ى/);
      expect(text).not.toMatch(article.persianKeyboard === 'every-yeh' ? /ي/ : /ي(?!\p{L})/u);
      // The byline is typed elsewhere (the desk's template).
      expect(/[یک]/.test(article.author ?? '')).toBe(false);
    }
    expect(new Set(ofKind('persian-keyboard').map((article) => article.persianKeyboard)).size).toBe(2);
  });

  test('republishes: exact copies under another name, and copies with another title, one more paragraph or another date', () => {
    for (const copy of ofKind('exact-duplicate')) {
      const original = byPath.get(copy.duplicateOf!)!;
      expect(original.kind).toBe('ordinary');
      expect(copy.path).not.toBe(original.path);
      expect(copy.path > original.path).toBe(true);
      expect(copy.text).toBe(original.text);
    }
    const changes = new Set<string>();
    for (const copy of ofKind('near-duplicate')) {
      const original = byPath.get(copy.duplicateOf!)!;
      changes.add(copy.nearDuplicate!);
      expect(copy.text).not.toBe(original.text);
      expect(copy.author).toBe(original.author);
      if (copy.nearDuplicate === 'title') {
        expect(copy.title).not.toBe(original.title);
        expect(copy.body).toEqual(original.body);
      } else if (copy.nearDuplicate === 'paragraph') {
        expect(copy.title).toBe(original.title);
        expect(copy.body.slice(0, -1)).toEqual(original.body);
      } else {
        expect(copy.title).toBe(original.title);
        expect(copy.body).toEqual(original.body);
        expect(copy.date > original.date).toBe(true);
      }
    }
    expect([...changes].sort()).toEqual(['date', 'paragraph', 'title']);
  });

  test('has empty scraped pages (no body text at all) and pages of boilerplate only (a few words of text)', () => {
    for (const article of ofKind('empty')) {
      expect(article.body.every((line) => line.trim() === '')).toBe(true);
      expect(() => parseArticleText(article.text, article.path)).toThrow(/no paragraph|no text/);
    }
    expect(new Set(ofKind('empty').map((article) => article.emptyForm)).size).toBe(2);
    expect(ofKind('empty').some((article) => article.body.some((line) => line.includes('\u00A0')))).toBe(true);
    for (const article of ofKind('boilerplate')) {
      expect(article.body.length).toBeGreaterThanOrEqual(1);
      for (const line of article.body) expect(BOILERPLATE).toContain(line);
    }
  });

  test('is mostly ordinary news: a dateline first, subheadings, quotations in «…», both kinds of digits, and crowded days', () => {
    const ordinary = ofKind('ordinary');
    expect(ordinary.length / corpus.length).toBeGreaterThan(0.7);
    expect(ordinary.length / corpus.length).toBeLessThan(0.8);
    const share = (mess: Mess) => ordinary.filter((article) => article.messes.includes(mess)).length / ordinary.length;
    expect(share('dateline-first-line')).toBeGreaterThan(0.2);
    expect(share('subheadings')).toBeGreaterThan(0.3);
    expect(share('quotes')).toBeGreaterThan(0.3);
    expect(share('arabic-indic-digits')).toBeGreaterThan(0.2);
    expect(share('western-digits')).toBeGreaterThan(0.4);
    for (const article of ordinary) {
      const parsed = parseArticleText(article.text, article.path);
      expect(parsed.title).toBe(article.title);
      expect(parsed.blocks.some((block) => block.kind === 'paragraph')).toBe(true);
      if (article.messes.includes('dateline-first-line')) expect(article.body[0]).toMatch(/^[\p{L} ]+\s*[-–]\s*[\p{L} ]+$/u);
      if (article.messes.includes('quotes')) expect(article.body.join('\n')).toMatch(/«[^»]+»/);
      if (article.messes.includes('arabic-indic-digits')) expect(article.body.join('\n')).toMatch(/[٠-٩]/);
      expect(article.messes.includes('dense-date')).toBe(DENSE_DAYS.includes(article.date));
    }
    expect(DENSE_DAYS.length).toBe(18);
    expect(DENSE_DAYS[0]! >= '2015-07-01' && DENSE_DAYS.at(-1)! <= '2015-08-31').toBe(true);
  });

  test('crowds half the archive onto the 18 days: hundreds a day at large sizes', () => {
    const days = new Map<string, number>();
    let dense = 0;
    for (const article of generateMessyCorpus({ articles: 3000 })) {
      if (!DENSE_DAYS.includes(article.date)) continue;
      dense++;
      days.set(article.date, (days.get(article.date) ?? 0) + 1);
    }
    expect(dense / 3000).toBeGreaterThan(0.45);
    expect(days.size).toBe(18);
    // 3,000 articles put 60 or more on each day; 30,000 put 600 or more.
    expect(Math.min(...days.values())).toBeGreaterThanOrEqual(50);
  });
});
