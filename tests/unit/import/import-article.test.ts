import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { importArticle, type ImportOptions } from '../../../tools/import/import-article.ts';
import { slugFromText } from '../../../tools/import/slug.ts';
import { isLocaleCode, LOCALE_CODES } from '../../../src/i18n/locales.ts';

let work: string;
let contentDir: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'arshif-import-'));
  contentDir = path.join(work, 'content');
});

function source(name: string, text: string | Uint8Array): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

const run = (file: string, options: Partial<ImportOptions> = {}) => importArticle(file, { contentDir, ...options });
const article = 'أذربيجان توقف الهجوم\nأعلنت أذربيجان أنها ستوقف الهجوم.\nعنوان فرعي\nفقرة ثانية.\n';

describe('importing one article', () => {
  test('writes content/<locale>/<slug>.mdx with the front matter the site expects', async () => {
    const result = await run(source('a.txt', article), { date: '2023-09-20', tags: ['أذربيجان'] });
    expect(result).toMatchObject({ status: 'imported', target: 'ar/adhrbyjan-twqf-alhjwm.mdx' });
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toContain('title: أذربيجان توقف الهجوم\n');
    expect(mdx).toContain('description: أعلنت أذربيجان أنها ستوقف الهجوم.\n');
    expect(mdx).toContain('date: "2023-09-20"\n');
    expect(mdx).toContain('translationKey: ar/adhrbyjan-twqf-alhjwm\n');
    expect(mdx).toContain('\n## عنوان فرعي\n');
  });

  test('the language is guessed from the script, with a warning', async () => {
    const result = await run(source('a.txt', article));
    expect(result.warnings).toEqual(['language guessed as "ar" from Arabic script (100% of letters); pass --lang to set it']);
  });

  test('a locale that is not turned on is an error, not a new folder', async () => {
    const persian = source('fa.txt', 'عنوان فارسی\nاین یک متن فارسی است که با حروف پارسی نوشته شده و گ و چ و پ و ژ دارد.\n');
    const configured = LOCALE_CODES.join(', ').replaceAll(/[(), ]/g, (character) => `\\${character}`);
    if (isLocaleCode('fa')) {
      // Persian turned on (ARSHIF_LOCALES): the guess is accepted.
      expect((await run(persian)).warnings[0]).toMatch(/^language guessed as "fa"/);
      expect(readdirSync(contentDir)).toEqual(['fa']);
    } else {
      await expect(run(persian)).rejects.toThrow(
        new RegExp(
          `fa\\.txt: is in "fa" \\(guessed from its script\\), which is not a configured locale \\(${configured}\\)\\. Pass --lang with one of those, or add the locale to src/i18n/locales\\.ts first\\.`,
        ),
      );
      expect(() => readdirSync(contentDir)).toThrow();
    }
    // No pack covers Pashto, whatever is turned on.
    await expect(run(source('ps.txt', 'سرلیک\nدا یوه لنډه مقاله ده.\n'), { lang: 'ps' })).rejects.toThrow(
      new RegExp(`ps\\.txt: is in "ps" \\(from --lang\\), which is not a configured locale \\(${configured}\\)`),
    );
  });

  test('re-importing the same text reports unchanged and writes nothing', async () => {
    const file = source('a.txt', article);
    await run(file, { lang: 'ar' });
    const before = readFileSync(path.join(contentDir, 'ar/adhrbyjan-twqf-alhjwm.mdx'), 'utf8');
    expect((await run(file, { lang: 'ar' })).status).toBe('unchanged');
    expect(readFileSync(path.join(contentDir, 'ar/adhrbyjan-twqf-alhjwm.mdx'), 'utf8')).toBe(before);
  });

  test('a changed source is skipped without --force and replaced with it', async () => {
    const file = source('a.txt', article);
    await run(file, { lang: 'ar' });
    writeFileSync(file, article.replace('فقرة ثانية.', 'فقرة ثانية معدلة.'));
    const skipped = await run(file, { lang: 'ar' });
    expect(skipped.status).toBe('skipped');
    expect(skipped.reason).toMatch(/the source text changed .* pass --force to replace it/);
    expect((await run(file, { lang: 'ar', force: true })).status).toBe('updated');
    expect(readFileSync(path.join(contentDir, 'ar/adhrbyjan-twqf-alhjwm.mdx'), 'utf8')).toContain('فقرة ثانية معدلة.');
  });

  test('an article named by an earlier version’s 80-character slug is updated there, not imported twice', async () => {
    const long = 'أذربيجان توقف الهجوم على المقاطعة بعد يوم من القتال العنيف في الإقليم الجبلي المتنازع عليه\nأعلنت أذربيجان أنها ستوقف الهجوم.\n';
    const file = source('long.txt', long);
    expect(path.basename((await run(file, { lang: 'ar', dryRun: true })).target!, '.mdx').length).toBeLessThanOrEqual(60);
    // As an earlier version named it: the 80-character slug.
    const legacySlug = slugFromText(long.split('\n')[0]!, 80);
    expect(legacySlug.length).toBeGreaterThan(60);
    await run(file, { lang: 'ar', slug: legacySlug });
    const legacy = path.join(contentDir, 'ar', `${legacySlug}.mdx`);
    const again = await run(file, { lang: 'ar' });
    expect(again.status, again.reason).toBe('unchanged');
    writeFileSync(file, long.replace('ستوقف', 'أوقفت'));
    expect((await run(file, { lang: 'ar', force: true })).status).toBe('updated');
    expect(readdirSync(path.join(contentDir, 'ar'))).toEqual([path.basename(legacy)]);
    expect(readFileSync(legacy, 'utf8')).toContain('أوقفت');
  });

  test('a hand-edited article is never overwritten without --force', async () => {
    const file = source('a.txt', article);
    await run(file, { lang: 'ar' });
    const target = path.join(contentDir, 'ar/adhrbyjan-twqf-alhjwm.mdx');
    writeFileSync(target, readFileSync(target, 'utf8').replace('فقرة ثانية.', 'فقرة حررها المحرر.'));
    const result = await run(file, { lang: 'ar', tags: ['جديد'] });
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/edited by hand .* pass --force/);
    expect(readFileSync(target, 'utf8')).toContain('فقرة حررها المحرر.');
  });

  test('a slug taken by another article gets a suffix, never an overwrite', async () => {
    await run(source('one.txt', article), { lang: 'ar' });
    const other = await run(source('two.txt', article.replace('أعلنت', 'قالت')), { lang: 'ar' });
    expect(other.status).toBe('imported');
    expect(other.target).toBe('ar/adhrbyjan-twqf-alhjwm-2.mdx');
    expect(other.warnings).toContain('slug "adhrbyjan-twqf-alhjwm" is taken in ar/ by another article; using a suffix');
  });

  test('two files of one batch with the same name and title never replace each other, even with --force', async () => {
    mkdirSync(path.join(work, '2001'));
    mkdirSync(path.join(work, '2002'));
    const claimedTargets = new Map<string, string>();
    const first = await run(source('2001/report.txt', article), { lang: 'ar', claimedTargets, force: true });
    const second = await run(source('2002/report.txt', article.replace('فقرة ثانية.', 'فقرة من 2002.')), { lang: 'ar', claimedTargets, force: true });
    expect([first.target, second.target]).toEqual(['ar/adhrbyjan-twqf-alhjwm.mdx', 'ar/adhrbyjan-twqf-alhjwm-2.mdx']);
    expect(second.warnings).toContain('slug "adhrbyjan-twqf-alhjwm" is taken in ar/ by another file of this batch; using a suffix');
    expect(readFileSync(path.join(contentDir, first.target), 'utf8')).toContain('فقرة ثانية.');
    // Again, in either order and with --force: each finds its own article, nothing is replaced.
    for (const order of [
      ['2001', '2002'],
      ['2002', '2001'],
    ]) {
      const again = new Map<string, string>();
      const statuses = [];
      for (const year of order) statuses.push((await run(path.join(work, year, 'report.txt'), { lang: 'ar', claimedTargets: again, force: true })).status);
      expect(statuses).toEqual(['unchanged', 'unchanged']);
    }
    expect(readFileSync(path.join(contentDir, second.target), 'utf8')).toContain('فقرة من 2002.');
    // A changed text that could belong to either is not guessed.
    writeFileSync(path.join(work, '2002/report.txt'), article.replace('فقرة ثانية.', 'فقرة من 2002 معدلة.'));
    const ambiguous = await run(path.join(work, '2002/report.txt'), { lang: 'ar', force: true });
    expect(ambiguous.status).toBe('skipped');
    expect(ambiguous.reason).toMatch(/were both imported from files named report\.txt, and this text matches neither; pass --slug/);
    expect(readFileSync(path.join(contentDir, first.target), 'utf8')).toContain('فقرة ثانية.');
  });

  test('tags in a front block may be separated by Arabic commas', async () => {
    const result = await run(source('f.txt', `---\ntags: أذربيجان، أرمينيا\n---\n${article}`), { lang: 'ar' });
    expect(readFileSync(path.join(contentDir, result.target), 'utf8')).toContain('tags:\n  - أذربيجان\n  - أرمينيا\n');
  });

  test('--dry-run writes nothing', async () => {
    const result = await run(source('a.txt', article), { lang: 'ar', dryRun: true });
    expect(result).toMatchObject({ status: 'imported', reason: 'dry run: nothing written' });
    expect(() => readdirSync(contentDir)).toThrow();
  });

  test('a translation shares the key of its original', async () => {
    await run(source('a.txt', article), { lang: 'ar', slug: 'halt' });
    const english = await run(source('en.txt', 'Azerbaijan halts\nAzerbaijan announced a halt.\n'), { lang: 'en', slug: 'halt', translationOf: 'ar/halt' });
    expect(readFileSync(path.join(contentDir, english.target), 'utf8')).toContain('translationKey: ar/halt\n');
    await expect(run(source('x.txt', 'T\nA paragraph.\n'), { lang: 'en', translationOf: 'ar/missing' })).rejects.toThrow(
      /is a translation of ar\/missing \(--translation-of\), which is not in the archive/,
    );
  });

  test('slugs from the file name, and bad slugs and dates refused', async () => {
    expect((await run(source('Old Report 1998.txt', article), { lang: 'ar', slugFrom: 'filename' })).target).toBe('ar/old-report-1998.mdx');
    await expect(run(source('a.txt', article), { slug: 'Bad Slug' })).rejects.toThrow(/has the slug "Bad Slug", which is not lowercase ASCII/);
    await expect(run(source('a.txt', article), { date: '2023-02-30' })).rejects.toThrow(
      /has an invalid date \(--date\): 2023-02-30 is not a day of the calendar \(2023-02 has 28 days\)\. Write a real date as YYYY-MM-DD/,
    );
  });

  test('files over the size limit are refused before reading', async () => {
    await expect(run(source('big.txt', 'ا'.repeat(2048)), { maxFileBytes: 1024 })).rejects.toThrow(
      /big\.txt: is 4 KB, over the 1 KB limit\. Split it into articles, or raise the limit with --max-size/,
    );
  });

  test('writes are atomic: no temporary file is left behind', async () => {
    await run(source('a.txt', article), { lang: 'ar' });
    expect(readdirSync(path.join(contentDir, 'ar'))).toEqual(['adhrbyjan-twqf-alhjwm.mdx']);
  });
});

describe('every bad input is a clear error naming the file and what to do, and writes nothing', () => {
  const cases: [name: string, bytes: string | Uint8Array, options: Partial<ImportOptions>, message: RegExp][] = [
    ['empty.txt', '', {}, /empty\.txt: is empty\. Check that this is the right file\./],
    [
      'odd.txt',
      Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]),
      {},
      /odd\.txt: has a UTF-16 byte-order mark but an odd number of bytes\. .*save it again as UTF-8/,
    ],
    ['digits.txt', '2023\n42.\n', {}, /digits\.txt: has no language to detect: the text has no Arabic, Hebrew or Latin letters\. Pass --lang <code>\./],
    [
      'translation.txt',
      article,
      { lang: 'ar', translationOf: 'arabic' },
      /translation\.txt: has translationOf "arabic" \(--translation-of\), which is not <locale>\/<slug>\. Write it like ar\/some-slug/,
    ],
    ['tags.txt', `---\ntitle: t\ntags: {a: 1}\n---\n${article}`, {}, /tags\.txt:3: has a "tags" field that is not a list of words\. Write `tags: \[a, b\]`/],
    ['title.txt', `---\ntitle: [a, b]\n---\n${article}`, {}, /title\.txt:2: has a "title" field that is not text\. Write `title: <text>`/],
    ['lang.txt', `---\nlang: xx\n---\n${article}`, {}, /lang\.txt: is in "xx" \(from the front block's "lang" field\), which is not a configured locale/],
  ];
  for (const [name, bytes, options, message] of cases) {
    test(name, async () => {
      await expect(run(source(name, bytes), options)).rejects.toThrow(message);
      expect(() => readdirSync(contentDir)).toThrow();
    });
  }
});
