import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { encodeSingleByte, encodeUtf16 } from '../helpers/encodings.ts';
import { buildSite, projectRoot, run, serveStatic, type StaticSite } from '../helpers/site.ts';
import { isLocaleCode } from '../../src/i18n/locales.ts';

/**
 * The importer end to end: real files in every supported encoding, a hostile
 * corpus, and bad inputs go through `npm run import`'s script; the result is
 * built into a real site, `npm run verify` proves every page, and a browser
 * confirms that nothing in the text ran.
 */
const fixtures = path.join(projectRoot, 'tests/fixtures/import');
const work = path.join(projectRoot, 'tests/.tmp/import');
const raw = path.join(work, 'raw');
const bad = path.join(work, 'bad');
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
const env = { ...process.env, ARSHIF_CONTENT_DIR: contentDir };

const importScript = (...args: string[]) => run(process.execPath, ['tools/import/cli.ts', ...args], { cwd: projectRoot, env });

const legacyText =
  'الحكومة توقف الهجوم على المقاطعة\nقالت الحكومة انها وافقت على وقف اطلاق النار.\nمحادثات السلام\nستعقد المحادثات يوم الخميس في مدينة يفلاخ.\n';

let site: StaticSite;
let browser: Browser;
let importOutput: string;
let importCode: number;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  mkdirSync(bad, { recursive: true });
  for (const name of ['hostile.txt', 'presentation-forms.txt', 'bidi-controls.txt', 'line-endings.txt', 'diacritics.txt', 'front-block.txt']) {
    cpSync(path.join(fixtures, name), path.join(raw, name));
  }
  cpSync(path.join(projectRoot, 'tests/fixtures/seed/000_2807e117feb6745e.txt'), path.join(raw, 'seed.txt'));
  writeFileSync(path.join(raw, 'windows-1256.txt'), encodeSingleByte(legacyText.replace('الحكومة توقف', 'ويندوز توقف'), 'windows-1256'));
  writeFileSync(path.join(raw, 'iso-8859-6.txt'), encodeSingleByte(legacyText.replace('الحكومة توقف', 'ايزو توقف'), 'iso-8859-6'));
  writeFileSync(path.join(raw, 'utf-16le.txt'), encodeUtf16(legacyText.replace('الحكومة توقف', 'يوتف ال توقف'), 'le'));
  writeFileSync(path.join(raw, 'utf-16be.txt'), encodeUtf16(legacyText.replace('الحكومة توقف', 'يوتف بي توقف'), 'be'));
  writeFileSync(path.join(raw, 'utf-8-bom.txt'), `\uFEFF${legacyText.replace('الحكومة توقف', 'علامة الترتيب توقف')}`);
  // Stray control characters (removed, a form feed made a space) and a tab: repaired with a warning, then proven by verify.
  writeFileSync(
    path.join(raw, 'control-characters.txt'),
    'الأمطار تعود إلى الرياض\nهطلت أمطار\u001A غزيرة على العاصمة\fمساء أمس.\nقال\tالمتحدث إن الطرق مفتوحة.\n',
  );
  // A Nabati poem: nothing but short unpunctuated lines, one verse a line.
  writeFileSync(path.join(raw, 'verse.txt'), 'ليل الساهر\nيا ليل طولك ما يهون على الساهر\nوالنجم يشهد كم سهرت وكم صبرت\nأمشي على درب الهوى والقلب حاير\n');

  ({ code: importCode, output: importOutput } = await importScript(raw, '--lang', 'ar', '--date', '2023-09-20'));
  await buildSite({ contentDir, outDir });
  site = await serveStatic(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('npm run import, end to end', () => {
  test('every fixture imports, with notes for conversions and warnings for bidi and control characters', () => {
    expect(importCode, importOutput).toBe(0);
    expect(importOutput).toContain('14 file(s): 14 imported, 0 updated, 0 unchanged, 0 skipped, 0 failed.');
    expect(importOutput).toContain(
      'warning: removed 2 invisible control character(s) (U+000C (form feed) ×1 → space, U+001A (substitute) ×1), first at line 2, column 11; pass --strict to refuse such files instead',
    );
    expect(importOutput).toContain('note: verse detected (3 or more short unpunctuated lines in a row): lines 2–4, shown one verse a line');
    expect(importOutput).toContain('note: converted from Windows-1256 to UTF-8');
    expect(importOutput).toContain('note: converted from ISO-8859-6 to UTF-8');
    expect(importOutput).toContain('note: converted from UTF-16LE to UTF-8');
    expect(importOutput).toContain('note: converted from UTF-16BE to UTF-8');
    expect(importOutput).toContain('warning: removed 6 bidi embedding/override control(s)');
    expect(readdirSync(path.join(contentDir, 'ar'))).toHaveLength(14);
  });

  test('importing again reports every file unchanged', async () => {
    const again = await importScript(raw, '--lang', 'ar', '--date', '2023-09-20');
    expect(again.code).toBe(0);
    expect(again.output).toContain('14 file(s): 0 imported, 0 updated, 14 unchanged, 0 skipped, 0 failed.');
  });

  test('npm run verify proves every built page shows exactly its source text', async () => {
    const verify = await run(process.execPath, ['tools/verify/cli.ts', '--content', contentDir, '--dist', outDir, '--sources', raw], { cwd: projectRoot, env });
    expect(verify.output).toContain('14 imported article(s) checked');
    expect(verify.output).toContain('14 ok, 0 failed');
    expect(verify.code).toBe(0);
  });

  test('npm run verify proves the bundled seed articles in the bundled site, against the seed files', async () => {
    const verify = await run(
      process.execPath,
      [
        'tools/verify/cli.ts',
        '--content',
        path.join(projectRoot, 'content'),
        '--dist',
        inject('bundledDist'),
        '--sources',
        path.join(projectRoot, 'tests/fixtures/seed'),
      ],
      { cwd: projectRoot, env: process.env },
    );
    expect(verify.output).toMatch(/verify: 2 imported article\(s\) checked against .* — 2 ok, 0 failed/);
    expect(verify.code).toBe(0);
  });

  test('verify catches a page that lost a sentence and names the line', async () => {
    const page = path.join(outDir, 'ar/articles/front-block-article/index.html');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace('<p>فقرة ثانية.</p>', ''));
    try {
      const verify = await run(process.execPath, ['tools/verify/cli.ts', '--content', contentDir, '--dist', outDir], { cwd: projectRoot, env });
      expect(verify.code).toBe(1);
      expect(verify.output).toMatch(
        /FAIL .*ar\/front-block-article\.mdx: line 3 differs \(expected text from the MDX file[^\n]*\):\n\s+source: فقرة ثانية\.\n\s+page:\s+\(nothing\)/,
      );
      expect(verify.output).toContain('13 ok, 1 failed');
    } finally {
      writeFileSync(page, original);
    }
  });

  test('verify catches text that became markup, though every word is still there', async () => {
    const page = path.join(outDir, 'ar/articles/front-block-article/index.html');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace('<p>فقرة ثانية.</p>', '<p><a href="https://example.com">فقرة</a> ثانية.</p>'));
    try {
      const verify = await run(process.execPath, ['tools/verify/cli.ts', '--content', contentDir, '--dist', outDir, '--sources', raw], {
        cwd: projectRoot,
        env,
      });
      expect(verify.code).toBe(1);
      expect(verify.output).toMatch(/FAIL .*ar\/front-block-article\.mdx: the article body contains <a>, which the importer never writes/);
    } finally {
      writeFileSync(page, original);
    }
  });

  test('the hostile corpus renders as plain text and nothing runs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const slug = readdirSync(path.join(contentDir, 'ar'))
      .find((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8').includes('file: hostile.txt'))!
      .replace(/\.mdx$/, '');
    await page.goto(new URL(`ar/articles/${slug}/`, site.url).href);
    await page.waitForTimeout(300);
    const text = await page.textContent('[data-article-body]');
    for (const literal of [
      '{process.exit(1)}',
      '{globalThis.x = 1}',
      '<script>alert(1)</script>',
      "import fs from 'node:fs'",
      '<img src=x onerror=alert(1)>',
      '# ليست عنوانا',
      '> ليست اقتباسا.',
      '*ليس عريضا*',
      '[ليس رابطا](https://example.com)',
      '&amp; و&lt; و&#123;',
      '{/* تعليق */}',
      '<Component prop={1} />',
    ]) {
      expect(text, literal).toContain(literal);
    }
    expect(await page.textContent('h1')).toBe('نص عدائي: {process.exit(1)} لا يجب أن ينفذ');
    expect(await page.locator('[data-article-body] :is(script, img, a, strong, em, code, blockquote, ul, ol, hr, table, iframe)').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { x?: unknown }).x)).toBeUndefined();
    // The build ran to the end ({process.exit(1)} did not stop it) and wrote no file for the text either.
    expect(existsSync(path.join(work, 'executed-at-build.txt'))).toBe(false);
    expect(text).toContain("{process.getBuiltinModule('node:fs').writeFileSync(");
    // An HTML comment is an editor's note, left out in every format, plain text too.
    expect(text).not.toContain('تعليق HTML');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('legacy encodings, presentation forms and bidi controls come out as clean Arabic', () => {
    const titles = readdirSync(path.join(contentDir, 'ar')).map((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8').match(/^title: (.*)$/m)![1]);
    expect(titles).toEqual(
      expect.arrayContaining(['ويندوز توقف الهجوم على المقاطعة', 'ايزو توقف الهجوم على المقاطعة', 'أذربيجان توقف الهجوم', 'عنوان فيه عكس للاتجاه']),
    );
    const all = readdirSync(path.join(contentDir, 'ar'))
      .map((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFE\u202A-\u202E\u2066-\u2069\r]/);
    expect(all).toContain('الـــدرسَ');
    expect(all).toContain('نصف‌فاصلة');
    expect(all).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(all).toContain('\nهطلت أمطار غزيرة على العاصمة مساء أمس.\n\nقال المتحدث إن الطرق مفتوحة.\n');
  });

  test('a poem shows as verse: one paragraph of class "verse", a line a verse, no subheadings', async () => {
    const slug = readdirSync(path.join(contentDir, 'ar'))
      .find((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8').includes('file: verse.txt'))!
      .replace(/\.mdx$/, '');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL(`ar/articles/${slug}/`, site.url).href);
    const verse = page.locator('[data-article-body] p.verse');
    expect(await verse.count()).toBe(1);
    expect(await verse.locator('br').count()).toBe(2);
    expect((await verse.innerText()).split('\n')).toEqual(['يا ليل طولك ما يهون على الساهر', 'والنجم يشهد كم سهرت وكم صبرت', 'أمشي على درب الهوى والقلب حاير']);
    expect(await page.locator('[data-article-body] h2').count()).toBe(0);
    await context.close();
  });
});

describe('bad input: a clear error, a non-zero exit, nothing written', () => {
  test('binary, NUL bytes, undecodable bytes, too large, too long a line, unknown locale, bad front block', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['nul.txt', Uint8Array.from([0x61, 0x0a, 0x00, 0x62]), /nul\.txt: contains a NUL byte at offset 2/],
      ['binary.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x81, 0x8d, 0x8f]), /binary\.txt: is neither UTF-8/],
      ['long-line.txt', `title\n${'ا'.repeat(100_001)}.\n`, /long-line\.txt:2: has a line of 100,002 characters \(the limit is 100,000\)/],
      // A language no locale pack covers (Pashto), whichever packs ARSHIF_LOCALES turns on; Persian when its pack is off.
      [
        'pashto.txt',
        '---\ntitle: سرلیک\nlang: ps\n---\nدا یوه لنډه مقاله ده.\n',
        /pashto\.txt: is in "ps" \(from the front block's "lang" field\), which is not a configured locale/,
      ],
      ...(isLocaleCode('fa')
        ? []
        : [
            [
              'persian.txt',
              readFileSync(path.join(fixtures, 'persian.txt')),
              /persian\.txt: is in "fa" \(guessed from its script\), which is not a configured locale/,
            ] as [string, Uint8Array, RegExp],
          ]),
      ['unknown-field.txt', readFileSync(path.join(fixtures, 'unknown-field.txt')), /unknown-field\.txt:3: has an unknown front-block field "colour"/],
      [
        'bad-date.txt',
        readFileSync(path.join(fixtures, 'bad-date.txt')),
        /bad-date\.txt:2: has an invalid date \(the front block's "date" field\): 2023-02-30 is not a day of the calendar/,
      ],
      ['title-only.txt', readFileSync(path.join(fixtures, 'title-only.txt')), /title-only\.txt:1: has a title but no paragraph/],
    ];
    for (const [name, bytes] of cases) writeFileSync(path.join(bad, name), bytes);
    writeFileSync(path.join(bad, 'huge.txt'), `title\n${'فقرة طويلة. '.repeat(300_000)}\n`.replace(/(.{50000})/g, '$1\n'));
    const badContent = path.join(work, 'bad-content');
    const result = await run(process.execPath, ['tools/import/cli.ts', bad], { cwd: projectRoot, env: { ...env, ARSHIF_CONTENT_DIR: badContent } });
    expect(result.code).toBe(1);
    for (const [, , message] of cases) expect(result.output).toMatch(message);
    expect(result.output).toMatch(/huge\.txt: is 6\.\d MB, over the 5\.0 MB limit/);
    const files = cases.length + 1;
    expect(result.output).toContain(`${files} file(s): 0 imported, 0 updated, 0 unchanged, 0 skipped, ${files} failed.`);
    expect(() => readdirSync(badContent)).toThrow();
  });

  test('--dry-run shows what would happen and writes nothing', async () => {
    const dryContent = path.join(work, 'dry-content');
    const result = await run(process.execPath, ['tools/import/cli.ts', path.join(fixtures, 'diacritics.txt'), '--dry-run'], {
      cwd: projectRoot,
      env: { ...env, ARSHIF_CONTENT_DIR: dryContent },
    });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/would be imported .*diacritics\.txt → .*ar\/.*\.mdx/);
    expect(result.output).toContain('Dry run — nothing written.');
    expect(() => readdirSync(dryContent)).toThrow();
  });
});
