import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { authorPath, authorProblem, checkFrontMatter, lookAlikeLetters, NameBook, nameKey } from '../../../src/article/index.ts';
import { importArticle } from '../../../tools/import/import-article.ts';

/** Names a red team gave as bylines: each must be refused, or have a key a URL path segment can be. */
const HOSTILE_NAMES = [
  '..',
  '.',
  '?',
  '',
  '   ',
  '\u200D',
  '\u200D\u200D\u200D',
  '\u200F',
  '\u2060',
  '\u061C',
  '\uFE0F',
  '\u3164',
  '\u0640\u0640',
  '. .',
  '../..',
  '%2e%2e',
  '#',
  '/',
  '\\',
  '-',
  '—',
  '…',
];

describe('an author gets the rules a tag has', () => {
  test('"..", "?", "." and a name empty after normalization are refused by the contract, at import and at build', () => {
    expect(authorProblem('..')).toBe('is "..", which a URL reads as a folder, not a page');
    expect(authorProblem('.')).toBe('is ".", which a URL reads as a folder, not a page');
    expect(authorProblem('?')).toBe('has no letter or digit, so it cannot have a page of its own');
    expect(authorProblem('')).toBe('is empty');
    // The build validates front matter with the same schema: a hand-written article with such a byline fails naming it.
    expect(checkFrontMatter({ title: 'T', author: '..' })).toEqual(['author: the byline is "..", which a URL reads as a folder, not a page']);
  });

  test('an author of only invisible characters (a zero-width joiner, a right-to-left mark, a Hangul filler) is refused', () => {
    for (const name of ['\u200D', '\u200F\u200F', '\u2060', '\u3164', '\uFE0F'])
      expect(authorProblem(name), JSON.stringify(name)).toBe('has no letter or digit, so it cannot have a page of its own');
  });

  test('every name the contract accepts has a key that is a URL path segment: never empty, "." or "..", no slash', () => {
    for (const name of HOSTILE_NAMES) {
      if (authorProblem(name) !== null) continue;
      const key = nameKey(name);
      expect(key, JSON.stringify(name)).not.toMatch(/^\.{0,2}$/);
      expect(key, JSON.stringify(name)).not.toMatch(/[/\\?#%]/);
      expect(authorPath('ar', name)).toBe(`ar/authors/${key}/`);
    }
  });

  test('invisible characters fold in the key: a right-to-left mark, a word joiner, an Arabic letter mark make no other author', () => {
    const spellings = ['Ali Hassan', 'Ali\u200F Hassan', 'A\u2060li Hassan', 'Ali Hassan\u061C', 'علي\u200F حسن'];
    expect(new Set(spellings.slice(0, 4).map(nameKey))).toEqual(new Set(['ali-hassan']));
    expect(nameKey(spellings[4]!)).toBe(nameKey('علي حسن'));
  });

  test('a Cyrillic «А» in «Ali Hassan» is read as the Latin letter it imitates, and flagged', () => {
    const forged = '\u0410li Hassan';
    expect(nameKey(forged)).toBe('ali-hassan');
    expect(lookAlikeLetters(forged)).toEqual(['«А» (U+0410, Cyrillic) read as the Latin «A»']);
    expect(lookAlikeLetters('Ali Hassan')).toEqual([]);
  });

  test('a Greek omicron inside an Arabic-script-free Latin word folds too; names written wholly in another script are left as they are', () => {
    expect(nameKey('J\u03BFhn Smith')).toBe('john-smith');
    expect(nameKey('Ivan Иванов')).toBe('ivan-Иванов');
    expect(nameKey('علي Ali')).toBe('علي-ali');
    expect(lookAlikeLetters('Иван Петров')).toEqual([]);
  });

  test('four look-alike spellings of one byline are one author page, as the build groups them (by nameKey)', () => {
    const book = new NameBook();
    for (const spelling of ['Ali Hassan', 'Ali Hassan', 'Ali\u200F Hassan', 'Ali\u2060 Hassan', '\u0410li Hassan']) book.add(spelling);
    expect(book.names()).toEqual([
      {
        key: 'ali-hassan',
        shown: 'Ali Hassan',
        spellings: [
          { spelling: 'Ali Hassan', count: 2 },
          { spelling: 'Ali\u200F Hassan', count: 1 },
          { spelling: 'Ali\u2060 Hassan', count: 1 },
          { spelling: '\u0410li Hassan', count: 1 },
        ],
      },
    ]);
  });
});

describe('the importer holds bylines to those rules', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-author-rules-'));
  const contentDir = path.join(work, 'content');
  const source = (name: string, author: string) => {
    const file = path.join(work, name);
    writeFileSync(file, `---\nauthor: "${author}"\n---\nA title\n\nA paragraph of the article.\n`);
    return file;
  };

  test('an author named ".." or "?" is refused, naming the file and the field, and nothing is written', async () => {
    await expect(importArticle(source('dots.txt', '..'), { contentDir, lang: 'en' })).rejects.toThrow(
      /dots\.txt:.*has a byline \(the "author" field\) that is "\.\.", which a URL reads as a folder, not a page\./,
    );
    await expect(importArticle(source('question.txt', '?'), { contentDir, lang: 'en' })).rejects.toThrow(
      /question\.txt:.*has a byline \(the "author" field\) that has no letter or digit/,
    );
    await expect(importArticle(source('zwj.txt', '\\u200D\\u200D'), { contentDir, lang: 'en' })).rejects.toThrow(/zwj\.txt:.*has no letter or digit/);
  });

  test('a byline with a Cyrillic look-alike is imported as written, with a warning naming the letter', async () => {
    const result = await importArticle(source('forged.txt', '\\u0410li Hassan'), { contentDir, lang: 'en', slug: 'forged' });
    expect(result.status).toBe('imported');
    expect(result.warnings).toContain(
      'the byline «\u0410li Hassan» (the "author" field) mixes scripts inside a word: «А» (U+0410, Cyrillic) read as the Latin «A»; it is kept as written, and its author page is the one of the name it imitates (ali-hassan)',
    );
    expect(readFileSync(path.join(contentDir, 'en/forged.mdx'), 'utf8')).toContain('author: \u0410li Hassan\n');
  });

  test('a tag with a Greek look-alike is flagged the same way, on the page of the tag it imitates', async () => {
    const result = await importArticle(source('tagged.txt', 'Ali Hassan'), { contentDir, lang: 'en', slug: 'tagged', tags: ['P\u03BFrts'] });
    expect(result.warnings).toContain(
      'the tag «P\u03BFrts» (--tags) mixes scripts inside a word: «ο» (U+03BF, Greek) read as the Latin «o»; it is kept as written, on the page of ports',
    );
  });
});
