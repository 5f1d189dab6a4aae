import { LOCALE_CODES } from '../../../src/i18n/locales.ts';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importArticle, type ImportOptions } from '../../../tools/import/import-article.ts';

const arabic = 'أذربيجان توقف الهجوم\nأعلنت أذربيجان أنها ستوقف الهجوم.\n';
const english = (n: number) => `Azerbaijan halts ${n}\nAzerbaijan announced a halt, version ${n}.\n`;

function setup() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-translations-'));
  const contentDir = path.join(work, 'content');
  const source = (name: string, text: string) => {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  };
  const run = (file: string, options: Partial<ImportOptions>) => importArticle(file, { contentDir, ...options });
  return { work, contentDir, source, run };
}

describe('--translation-of / translationOf must name an original of another language that exists', () => {
  test('exactly <locale>/<slug>: extra segments, traversal, bad locales and slugs are refused', async () => {
    const { contentDir, source, run } = setup();
    await run(source('ar.txt', arabic), { lang: 'ar', slug: 'halt' });
    for (const value of [
      'ar/halt/extra',
      'ar/halt/',
      '/halt',
      'ar',
      'ar/../ar/halt',
      'ar/..',
      'ar\\halt',
      'AR/halt',
      'xx/halt',
      'ar/Halt',
      'ar//halt',
      'ar/halt.mdx',
      '../content/ar/halt',
    ]) {
      await expect(run(source('en.txt', english(1)), { lang: 'en', translationOf: value }), value).rejects.toThrow(
        new RegExp(
          `en\\.txt: has translationOf ".*" \\(--translation-of\\), which is not <locale>/<slug>\\. Write it like ar/some-slug: one locale among ${LOCALE_CODES.join(', ')}, a slash, and the original's slug — nothing else\\.`,
        ),
      );
    }
    expect(readdirSync(contentDir)).toEqual(['ar']);
  });

  test('an original in the same language is refused', async () => {
    const { source, run } = setup();
    await run(source('ar.txt', arabic), { lang: 'ar', slug: 'halt' });
    await expect(run(source('ar2.txt', arabic.replace('الهجوم.', 'الهجوم فورا.')), { lang: 'ar', translationOf: 'ar/halt' })).rejects.toThrow(
      /ar2\.txt: is in "ar" and says it is a translation of ar\/halt \(--translation-of\), an article in the same language\. A translation links articles of two languages/,
    );
    await expect(run(source('fb.txt', `---\nlang: ar\ntranslationOf: ar/halt\n---\n${arabic.replace('الهجوم.', 'الهجوم الآن.')}`), {})).rejects.toThrow(
      /fb\.txt:3: is in "ar" .*the front block's "translationOf" field/,
    );
  });

  test('an original that is not in the content folder (missing, a folder, a symlink) is refused', async () => {
    const { work, contentDir, source, run } = setup();
    await expect(run(source('en.txt', english(1)), { lang: 'en', translationOf: 'ar/missing' })).rejects.toThrow(
      /is a translation of ar\/missing \(--translation-of\), which is not in the archive/,
    );
    mkdirSync(path.join(contentDir, 'ar', 'folder.mdx'), { recursive: true });
    await expect(run(source('en.txt', english(1)), { lang: 'en', translationOf: 'ar/folder' })).rejects.toThrow(/which is not in the archive/);
    writeFileSync(path.join(work, 'outside.mdx'), '---\ntitle: x\ntranslationKey: ar/outside\n---\n');
    symlinkSync(path.join(work, 'outside.mdx'), path.join(contentDir, 'ar', 'outside.mdx'));
    await expect(run(source('en.txt', english(1)), { lang: 'en', translationOf: 'ar/outside' })).rejects.toThrow(/which is not in the archive/);
    expect(readdirSync(contentDir)).toEqual(['ar']);
  });
});

describe('an original has at most one translation per language', () => {
  test('a second translation into the same language is refused, naming the first; the first is untouched', async () => {
    const { contentDir, source, run } = setup();
    await run(source('ar.txt', arabic), { lang: 'ar', slug: 'halt' });
    const first = await run(source('en1.txt', english(1)), { lang: 'en', translationOf: 'ar/halt' });
    expect(first.target).toBe('en/azerbaijan-halts-1.mdx');
    const before = readFileSync(path.join(contentDir, first.target), 'utf8');
    const message =
      /en2\.txt: is a translation of ar\/halt \(--translation-of\), which already has its en translation: en\/azerbaijan-halts-1\.mdx\. Update that article instead \(import this file with --slug azerbaijan-halts-1 --force\)/;
    // Under a new slug, under the first one's slug (would be a suffix), and with --force: all refused.
    await expect(run(source('en2.txt', english(2)), { lang: 'en', translationOf: 'ar/halt' })).rejects.toThrow(message);
    await expect(run(source('en2.txt', english(2)), { lang: 'en', translationOf: 'ar/halt', slug: 'azerbaijan-halts-1' })).rejects.toThrow(
      /already has its en translation|skipped/,
    );
    await expect(run(source('en2.txt', english(2)), { lang: 'en', translationOf: 'ar/halt', force: true, slug: 'other' })).rejects.toThrow(message);
    await expect(run(source('en3.txt', `---\ntranslationOf: ar/halt\n---\n${english(3)}`), { lang: 'en' })).rejects.toThrow(
      /en3\.txt:2: is a translation of ar\/halt \(the front block's "translationOf" field\), which already has its en translation: en\/azerbaijan-halts-1\.mdx/,
    );
    expect(readdirSync(path.join(contentDir, 'en'))).toEqual(['azerbaijan-halts-1.mdx']);
    expect(readFileSync(path.join(contentDir, first.target), 'utf8')).toBe(before);
  });

  test('the translation itself can be re-imported and updated', async () => {
    const { contentDir, source, run } = setup();
    await run(source('ar.txt', arabic), { lang: 'ar', slug: 'halt' });
    const file = source('en.txt', english(1));
    await run(file, { lang: 'en', translationOf: 'ar/halt', slug: 'halt' });
    expect((await run(file, { lang: 'en', translationOf: 'ar/halt', slug: 'halt' })).status).toBe('unchanged');
    writeFileSync(file, english(5));
    expect((await run(file, { lang: 'en', translationOf: 'ar/halt', slug: 'halt', force: true })).status).toBe('updated');
    expect(readFileSync(path.join(contentDir, 'en/halt.mdx'), 'utf8')).toContain('translationKey: ar/halt\n');
  });
});
