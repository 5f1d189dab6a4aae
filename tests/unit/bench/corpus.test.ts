import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createCorpusStats, generateCorpus, summarizeCorpus, wordForms, type CorpusFile } from '../../../tools/bench/corpus.ts';
import { parseArticleText } from '../../../tools/import/parse.ts';

/** The first `count` files, with the figures gathered while generating them. */
function generate(articles: number, seed = 2023, count = articles) {
  const stats = createCorpusStats();
  const files: CorpusFile[] = [];
  for (const file of generateCorpus({ articles, seed, stats })) {
    files.push(file);
    if (files.length === count) break;
  }
  return { files, stats, summary: summarizeCorpus(stats) };
}

const front = (file: CorpusFile) => parseArticleText(file.text, file.path).front;
const bodyWords = (file: CorpusFile) => parseArticleText(file.text, file.path).blocks.reduce((sum, block) => sum + wordForms(block.text).length, 0);

// Decoding the dictionaries takes a few seconds, once per process.
const SLOW = 120_000;

describe('the synthetic benchmark corpus', () => {
  const small = generate(300);

  test('is the same for the same seed, and another for another seed', { timeout: SLOW }, () => {
    const again = generate(300, 2023, 5).files;
    expect(again).toEqual(small.files.slice(0, 5));
    expect(generate(300, 7, 5).files.map((file) => file.text)).not.toEqual(again.map((file) => file.text));
  });

  test('names files <lang>/<NNNNNN>.txt with slugs <lang>-<NNNNNN>, mostly Arabic', () => {
    for (const [index, file] of small.files.entries()) {
      const { lang, slug } = front(file);
      expect(file.path).toBe(`${lang}/${String(index).padStart(6, '0')}.txt`);
      expect(slug).toBe(`${lang}-${String(index).padStart(6, '0')}`);
    }
    const arabic = small.summary.articles.ar / small.files.length;
    expect(arabic).toBeGreaterThan(0.6);
    expect(arabic).toBeLessThan(0.85);
  });

  test('has articles of 150–3,000 words, median near 500', () => {
    const words = small.files.map(bodyWords).sort((a, b) => a - b);
    expect(words[0]).toBeGreaterThanOrEqual(150);
    expect(words.at(-1)).toBeLessThanOrEqual(3000);
    const median = words[Math.floor(words.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(400);
    expect(median).toBeLessThanOrEqual(650);
    expect(small.stats.words).toEqual(small.files.map(bodyWords));
  });

  test('reads as the importer means it: a title, a lead paragraph, paragraphs ending with a full stop, short unpunctuated subheadings', () => {
    let headings = 0;
    for (const file of small.files.slice(0, 60)) {
      const parsed = parseArticleText(file.text, file.path);
      const lines = file.text.split('\n');
      const bodyStart = lines.indexOf('---', 1) + 1;
      const [titleLine, ...bodyLines] = lines.slice(bodyStart).filter(Boolean);
      expect(parsed.title).toBe(titleLine);
      const titleWords = titleLine!.split(' ').length;
      expect(titleWords).toBeGreaterThanOrEqual(5);
      expect(titleWords).toBeLessThanOrEqual(10);
      expect(titleLine).not.toMatch(/[.!?؟…:،,]$/);
      expect(parsed.blocks.map((block) => block.text)).toEqual(bodyLines);
      expect(parsed.blocks[0]!.kind).toBe('paragraph');
      for (const block of parsed.blocks) {
        if (block.kind === 'heading') {
          headings++;
          const words = block.text.split(' ').length;
          expect(words).toBeGreaterThanOrEqual(3);
          expect(words).toBeLessThanOrEqual(7);
          expect([...block.text].length).toBeLessThanOrEqual(80);
        } else {
          expect(block.text).toMatch(/\.$/);
          // Every sentence has 8–30 words.
          for (const sentence of block.text.split(/(?<=\.) /)) {
            const words = sentence.split(' ').length;
            expect(words).toBeGreaterThanOrEqual(8);
            expect(words).toBeLessThanOrEqual(30);
          }
        }
      }
    }
    expect(headings).toBeGreaterThan(0);
  });

  test('has Arabic sentences with commas and numbers in digits', () => {
    const arabic = small.files
      .filter((file) => file.path.startsWith('ar/'))
      .map((file) => file.text)
      .join('\n');
    expect(arabic).toMatch(/\p{L}،/u);
    expect(arabic).toMatch(/ \d+ /);
    expect(arabic).toMatch(/ في /);
  });

  test('gives 1–4 tags an article, from a long-tailed pool of a few hundred a language', { timeout: SLOW }, () => {
    const { files } = generate(2000);
    for (const lang of ['ar', 'en']) {
      const uses = new Map<string, number>();
      for (const file of files.filter((file) => file.path.startsWith(`${lang}/`))) {
        const tags = front(file).tags ?? [];
        expect(tags.length).toBeGreaterThanOrEqual(1);
        expect(tags.length).toBeLessThanOrEqual(4);
        expect(new Set(tags).size).toBe(tags.length);
        for (const tag of tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
      }
      expect(uses.size).toBeGreaterThan(150);
      expect(uses.size).toBeLessThanOrEqual(400);
      const counts = [...uses.values()].sort((a, b) => b - a);
      // Long tail: the top tag is used far more than the median one.
      expect(counts[0]!).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]!);
    }
  });

  test('dates articles over 2000–2024 and leaves about 2% undated', { timeout: SLOW }, () => {
    const { files } = generate(2000);
    const dates = files.map((file) => front(file).date);
    for (const date of dates) if (date) expect(date >= '2000-01-01' && date <= '2024-12-31').toBe(true);
    const years = new Set(dates.filter(Boolean).map((date) => date!.slice(0, 4)));
    expect(years.size).toBe(25);
    const undated = dates.filter((date) => !date).length / files.length;
    expect(undated).toBeGreaterThan(0.005);
    expect(undated).toBeLessThan(0.04);
  });

  test('translates about 10% of the originals into English, each pointing at an Arabic article of the corpus', { timeout: SLOW }, () => {
    const { files, summary } = generate(2000);
    const slugs = new Map(files.map((file) => [`${front(file).lang}/${front(file).slug}`, file]));
    const translations = files.filter((file) => front(file).translationOf);
    expect(translations.length).toBe(summary.translations);
    const originals = files.length - translations.length;
    expect(translations.length / originals).toBeGreaterThan(0.07);
    expect(translations.length / originals).toBeLessThan(0.13);
    for (const file of translations) {
      const { lang, translationOf, date } = front(file);
      expect(lang).toBe('en');
      expect(translationOf).toMatch(/^ar\/ar-\d{6}$/);
      const original = slugs.get(translationOf!);
      expect(original, translationOf).toBeDefined();
      expect(front(original!).translationOf).toBeUndefined();
      expect(date).toBe(front(original!).date);
    }
  });

  test('uses only the front-block fields the importer knows, as valid YAML', () => {
    for (const file of small.files) {
      const block = file.text.split('\n---\n')[0]!.replace(/^---\n/, '');
      const data = parseYaml(block) as Record<string, unknown>;
      expect(Object.keys(data).every((key) => ['title', 'date', 'tags', 'slug', 'lang', 'translationOf', 'source'].includes(key))).toBe(true);
      expect(Array.isArray(data.tags)).toBe(true);
    }
  });

  test('has many distinct word forms, more the larger it is', { timeout: SLOW }, () => {
    const few = generate(200).summary.distinctForms;
    const many = generate(2000).summary.distinctForms;
    expect(many.ar).toBeGreaterThan(20_000);
    expect(many.ar).toBeGreaterThan(3 * few.ar);
    expect(many.en).toBeGreaterThan(2 * few.en);
    // The counts are of the generated text: recount one article by hand.
    const one = generate(1);
    const [file] = one.files;
    const parsed = parseArticleText(file!.text, file!.path);
    const forms = new Set([parsed.title, ...parsed.blocks.map((block) => block.text)].flatMap(wordForms));
    expect(one.summary.distinctForms[front(file!).lang as 'ar' | 'en']).toBe(forms.size);
  });
});
