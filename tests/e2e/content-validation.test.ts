import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { LOCALE_CODES, DEFAULT_LOCALE } from '../../src/i18n/locales.ts';
import { buildSite, projectRoot } from '../helpers/site.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/invalid-content');
const outRoot = path.join(projectRoot, 'tests/.tmp/invalid-content');
const other = LOCALE_CODES.find((code) => code !== DEFAULT_LOCALE);

/** Builds a one-off archive of the given files ({ 'ar/x.mdx': text }) and returns the build's error message. */
async function failureOf(name: string, files: Record<string, string>): Promise<string> {
  const contentDir = path.join(outRoot, name, 'content');
  rmSync(path.join(outRoot, name), { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), text);
  }
  const failure = await buildSite({ contentDir, outDir: path.join(outRoot, name, 'dist') }).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure, `${name} should not build`).not.toBeNull();
  return failure!;
}

const article = (front: string, body = 'Text.\n') => `---\ntitle: A title\n${front}---\n\n${body}`;
const at = (locale: string, slug: string) => `${locale}/${slug}.mdx`;

describe('bad content fails the build with the file and the field named', () => {
  test('schema violations name the file and each field', async () => {
    const failure = await buildSite({
      contentDir: path.join(fixtures, 'missing-title'),
      outDir: path.join(outRoot, 'missing-title'),
    }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).not.toBeNull();
    expect(failure).toContain('missing-title/ar/broken.mdx');
    expect(failure).toMatch(/title: Required/);
    expect(failure).toMatch(/tags: Expected type `"array"`/);
  });

  test('a folder that is not a locale is refused, with the fix', async () => {
    const failure = await buildSite({
      contentDir: path.join(fixtures, 'unknown-locale'),
      outDir: path.join(outRoot, 'unknown-locale'),
    }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain(`unknown-locale/xx/misfiled.mdx: folder "xx" is not a configured locale (${LOCALE_CODES.join(', ')})`);
  });

  test('code in an article body is refused with its line: import, export, expressions, tags', async () => {
    const cases: [string, string, number, RegExp][] = [
      ['esm-import', 'Text.\n\nimport fs from "node:fs"\n', 7, /import or export/],
      ['esm-export', 'Text.\n\nMore text.\n\nexport const x = fs.writeFileSync("/tmp/pwned", "x")\n', 9, /import or export/],
      ['expression', 'Text {process.exit(1)} here.\n', 5, /expression/],
      ['jsx', 'Text.\n\n<script>alert(1)</script>\n', 7, /component or HTML tag/],
      ['unclosed', 'Text { never closed.\n', 5, /cannot read as plain text/],
    ];
    for (const [name, body, line, what] of cases) {
      const failure = await failureOf(`code-${name}`, { [at(DEFAULT_LOCALE, 'hand-edited')]: article('', body) });
      expect(failure).toContain(`code-${name}/content/${DEFAULT_LOCALE}/hand-edited.mdx:${line}:`);
      expect(failure).toMatch(what);
      expect(failure).toContain('The archive is data, not code');
    }
  });

  test('dates that do not exist, are out of range or could change meaning are refused', async () => {
    for (const [name, date, message] of [
      ['feb-30', '2023-02-30', 'is not a day of the calendar'],
      ['year-9999', '9999-12-31', 'the end of next year'],
      ['year-50', '0050-06-01', 'before the year 1000'],
      ['not-a-date', 'yesterday', 'not a date written YYYY-MM-DD'],
    ]) {
      const failure = await failureOf(`date-${name}`, { [at(DEFAULT_LOCALE, 'dated')]: article(`date: ${date}\n`) });
      expect(failure).toContain(`date-${name}/content/${DEFAULT_LOCALE}/dated.mdx`);
      expect(failure).toContain(message);
    }
  });

  test("tags: too many, empty of letters, with URL or control characters — each refused with the contract's words", async () => {
    const many = Array.from({ length: 21 }, (_, index) => `t${index}`).join(', ');
    expect(await failureOf('tags-many', { [at(DEFAULT_LOCALE, 'a')]: article(`tags: [${many}]\n`) })).toContain('at most 20 tags');
    expect(await failureOf('tags-dots', { [at(DEFAULT_LOCALE, 'a')]: article('tags: [".."]\n') })).toContain('the tag is "..", which a URL reads as a folder');
    expect(await failureOf('tags-slash', { [at(DEFAULT_LOCALE, 'a')]: article('tags: ["a/b"]\n') })).toContain('the tag contains a slash "/" at character 2');
    expect(await failureOf('tags-nul', { [at(DEFAULT_LOCALE, 'a')]: article('tags: ["a\\0b"]\n') })).toContain(
      'the tag contains the control character U+0000 (NUL)',
    );
    expect(await failureOf('author-dots', { [at(DEFAULT_LOCALE, 'a')]: article('author: "…"\n') })).toContain('the byline has no letter or digit');
  });

  test('two spellings of one author or tag are one name: the archive builds, with one page for each', async () => {
    const contentDir = path.join(outRoot, 'spellings', 'content');
    const outDir = path.join(outRoot, 'spellings', 'dist');
    rmSync(path.join(outRoot, 'spellings'), { recursive: true, force: true });
    const files: Record<string, string> = {
      [at(DEFAULT_LOCALE, 'first')]: article('author: "واس - الرياض"\ntags: [قره باغ]\n'),
      [at(DEFAULT_LOCALE, 'second')]: article('author: "واس- الرياض"\ntags: [قره-باغ]\n'),
      [at(DEFAULT_LOCALE, 'third')]: article('author: "واس ـ الرياض."\ntags: [قره  باغ]\n'),
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
      writeFileSync(path.join(contentDir, file), text);
    }
    await buildSite({ contentDir, outDir });
    const authors = readdirSync(path.join(outDir, DEFAULT_LOCALE, 'authors')).filter((name) => name !== 'index.html');
    expect(authors).toEqual(['واس-الرياض']);
    const authorPage = readFileSync(path.join(outDir, DEFAULT_LOCALE, 'authors', authors[0]!, 'index.html'), 'utf8');
    for (const slug of ['first', 'second', 'third']) expect(authorPage).toContain(`/articles/${slug}/`);
    const tags = readdirSync(path.join(outDir, DEFAULT_LOCALE, 'tags')).filter((name) => name !== 'index.html');
    expect(tags).toEqual(['قره-باغ']);
    // Shown under the spelling most articles use; a tie goes to code-point order, so every build agrees.
    expect(readFileSync(path.join(outDir, DEFAULT_LOCALE, 'tags', 'index.html'), 'utf8')).toMatch(/>قره {1,2}باغ<\/a>/);
  });

  test('a second translation of one article into the same locale is refused, naming both files', async () => {
    const failure = await failureOf('translation-twice', {
      [at(DEFAULT_LOCALE, 'original')]: article(`translationKey: ${DEFAULT_LOCALE}/original\n`),
      [at(other!, 'first')]: article(`translationKey: ${DEFAULT_LOCALE}/original\n`),
      [at(other!, 'second')]: article(`translationKey: ${DEFAULT_LOCALE}/original\n`),
    });
    expect(failure).toMatch(
      new RegExp(`${other}/second\\.mdx: claims to be the ${other} version of ${DEFAULT_LOCALE}/original, which .*${other}/first\\.mdx already is`),
    );
  });

  test('characters XML forbids are refused in any text field', async () => {
    const failure = await failureOf('xml-forbidden', { [at(DEFAULT_LOCALE, 'a')]: article('description: "lead \\f with a form feed"\n') });
    expect(failure).toContain('xml-forbidden/content');
    expect(failure).toContain('control character');
  });
});
