import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleFileProblems, checkArchiveRules, nameKey, parseFrontMatter, splitArticleFile, type ArchiveEntry } from '../../../src/article/index.ts';
import { ImportError } from '../../../tools/import/errors.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { seededRandom } from '../../../tools/bench/random.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

/** Pieces real bylines, tags and titles are made of — and what breaks them. */
const PIECES = [
  'واس',
  'الرياض',
  'اليوم',
  'أبها',
  'جدة',
  'خالد',
  'المالكي',
  'Reuters',
  'AFP',
  'قره',
  'باغ',
  'إلی',
  'هدی',
  'کتاب',
  ' ',
  ' ',
  '  ',
  '-',
  ' - ',
  '- ',
  ' -',
  '–',
  ' — ',
  'ـ',
  'ـــ',
  '.',
  '،',
  ':',
  '(',
  ')',
  '«',
  '»',
  '/',
  '?',
  '#',
  '%',
  '\\',
  '\t',
  '\u001A',
  '\u0000',
  '\u0085',
  '\u001B[31m',
  '\u202E',
  '\u200F',
  '\u200C',
  '\uFEFF',
  '\u00A0',
  'َ',
  'ّ',
  'é',
  'e\u0301',
  '…',
  '+',
  '&',
  '😀',
];

function randomName(random: () => number, maxPieces: number): string {
  const count = 1 + Math.floor(random() * maxPieces);
  return Array.from({ length: count }, () => PIECES[Math.floor(random() * PIECES.length)]!).join('');
}

describe('what the importer writes, the build accepts', () => {
  test("a thousand articles with random bylines, tags, titles and sources: each is refused with a reason, or written and passes the build's schema, body check and archive rules", async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-contract-'));
    const contentDir = path.join(work, 'content');
    const random = seededRandom(2015);
    const refusals = new Map<string, number>();
    for (let index = 0; index < 1000; index++) {
      const long = random() < 0.05 ? ' أعلنت وزارة الصحة اليوم عن افتتاح مراكز جديدة'.repeat(4) : '';
      const tags = Array.from({ length: Math.floor(random() * 4) }, () => randomName(random, 4));
      const front = [
        '---',
        `title: ${JSON.stringify(`${randomName(random, 5)} ${index}`)}`,
        `author: ${JSON.stringify(randomName(random, 6) + long)}`,
        `tags: ${JSON.stringify(tags)}`,
        ...(random() < 0.5 ? [`source: ${JSON.stringify(`https://www.example-paper.sa/${index}?${randomName(random, 3)}`)}`] : []),
        '---',
      ].join('\n');
      const file = path.join(work, `a${index}.txt`);
      writeFileSync(file, `${front}\nقال المتحدث باسم الوزارة إن العمل سيبدأ الأسبوع المقبل في المنطقة رقم ${index}.\n`);
      try {
        await importArticle(file, { contentDir, lang: 'ar' });
      } catch (error) {
        // Every refusal is the importer's own, named and explained — never the build's schema caught late.
        expect(error, String(error)).toBeInstanceOf(ImportError);
        expect((error as Error).message).not.toContain('would not build');
        const reason = (error as Error).message
          .replace(/^.*?: /, '')
          .replace(/"[^"]*"|«[^»]*»|\d+/g, '…')
          .slice(0, 60);
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      }
    }
    const written = readdirSync(path.join(contentDir, 'ar'));
    // Many are kept: what is refused is a byline with no letter, a tag of punctuation or with / \\ ? # % (which its URL cannot hold).
    expect(
      written.length,
      JSON.stringify(
        [...refusals].sort((a, b) => b[1] - a[1]),
        null,
        1,
      ),
    ).toBeGreaterThan(300);
    const entries: ArchiveEntry[] = [];
    for (const name of written) {
      const text = readFileSync(path.join(contentDir, 'ar', name), 'utf8');
      expect(articleFileProblems(text), name).toEqual([]);
      const data = parseFrontMatter(splitArticleFile(text)!.yaml);
      entries.push({ id: `ar/${name.replace(/\.mdx$/, '')}`, filePath: name, data: data as ArchiveEntry['data'] });
    }
    expect(checkArchiveRules(entries)).toEqual([]);
    // Spellings joined: many bylines share a key, which is never a problem.
    const keys = new Set(entries.flatMap((entry) => (entry.data.author ? [nameKey(entry.data.author)] : [])));
    expect(keys.size).toBeLessThan(entries.filter((entry) => entry.data.author).length);
  }, 120_000);
});

/** Every TypeScript, Astro and config file of the site and the tools, with its text. */
function sourceFiles(): { file: string; text: string }[] {
  const roots = ['src', 'scripts', 'tools', 'astro.config.mjs'];
  const files: { file: string; text: string }[] = [];
  for (const root of roots) {
    const full = path.join(projectRoot, root);
    let names: string[];
    try {
      names = root.includes('.') ? [''] : (readdirSync(full, { recursive: true }) as string[]);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(root, name);
      if (!/\.(ts|mjs|astro)$/.test(file)) continue;
      files.push({ file: file.split(path.sep).join('/'), text: readFileSync(path.join(projectRoot, file), 'utf8') });
    }
  }
  return files;
}

describe("the build's rules have no second copy", () => {
  const files = sourceFiles();
  const outsideContract = files.filter(({ file }) => !file.startsWith('src/article/'));

  test('field limits are declared only in the contract', () => {
    const limit = /\b(?:const|let|var)\s+(MAX_TAGS|MAX_TAG_LENGTH|MAX_AUTHOR_LENGTH|MAX_SOURCE_LENGTH|MAX_IMAGES|EARLIEST_YEAR|MIN_YEAR)\b/;
    expect(files.filter(({ file, text }) => file.startsWith('src/article/') && limit.test(text)).length).toBeGreaterThan(0);
    expect(outsideContract.filter(({ text }) => limit.test(text)).map(({ file }) => file)).toEqual([]);
  });

  test('dates, name keys and the schema are written only in the contract', () => {
    const rules =
      /\bfunction\s+(dateProblem|articleDateProblem|daysInMonth|isLeapYear|latestDate|parseArticleDate|tagProblem|validateTag|authorProblem|sourceProblem|nameKey|tagSegment|authorSegment|normalizeTag|normalizeName|textProblem)\b/;
    expect(files.filter(({ file, text }) => file.startsWith('src/article/') && rules.test(text)).length).toBeGreaterThan(3);
    expect(outsideContract.filter(({ text }) => rules.test(text)).map(({ file }) => file)).toEqual([]);
    // A name's URL is nameKey's: nobody lowercases or hyphenates names on their own.
    expect(outsideContract.filter(({ text }) => /\.replace\(\/\\p\{Script=Latin\}/.test(text)).map(({ file }) => file)).toEqual([]);
    expect(outsideContract.filter(({ text }) => /z\s*\.\s*object\(/.test(text)).map(({ file }) => file)).toEqual([]);
  });

  test('the build, the importer and verify take their rules from the contract', () => {
    const text = (file: string) => files.find((entry) => entry.file === file)?.text ?? '';
    expect(text('src/content.config.ts')).toMatch(/import \{ articleSchema \} from '\.\/article\/index\.ts'/);
    expect(text('src/loaders/articles.ts')).toMatch(/checkArchiveRules[^;]*from '\.\.\/article\/index\.ts'/);
    expect(files.filter(({ text }) => /from '[./]*article\/index\.ts'/.test(text)).length).toBeGreaterThan(5);
  });
});
