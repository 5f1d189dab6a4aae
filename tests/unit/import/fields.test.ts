import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { importArticle, type ImportOptions } from '../../../tools/import/import-article.ts';
import { splitMdxFile } from '../../../tools/import/to-mdx.ts';

const title = 'أذربيجان توقف الهجوم';
const paragraph = 'أعلنت أذربيجان أنها ستوقف الهجوم.';

function setup() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-fields-'));
  const contentDir = path.join(work, 'content');
  let count = 0;
  const source = (text: string) => {
    const file = path.join(work, `f${++count}.txt`);
    writeFileSync(file, text);
    return file;
  };
  const front = async (target: string) => parseYaml(splitMdxFile(readFileSync(path.join(contentDir, target), 'utf8'))!.frontMatter) as Record<string, unknown>;
  return { contentDir, source, front };
}

describe("front-block values written with YAML escapes get the body's normalization", () => {
  test('bidi controls are removed with a warning naming the field; presentation forms become letters; NFC', async () => {
    const { contentDir, source, front } = setup();
    const text = `---\ntitle: "\\u202Eعنوان\\u2066 معكوس\\u2069"\ntags: ["\\uFEB3\\uFEF4\\uFe8E\\uFEB3\\uFE94", "Cafe\\u0301"]\nsource: "\\u202Dhttps://example.com/a"\n---\n${paragraph}\n`;
    const result = await importArticle(source(text), { contentDir, lang: 'ar' });
    const data = await front(result.target);
    expect(data.title).toBe('عنوان معكوس');
    expect(data.tags).toEqual(['سياسة', 'Caf\u00E9']);
    expect(data.source).toBe('https://example.com/a');
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'removed 3 bidi embedding/override control(s) in the front block\'s "title" field that would reorder the displayed text',
        'removed 1 bidi embedding/override control(s) in the front block\'s "source" field that would reorder the displayed text',
      ]),
    );
    expect(result.notes).toEqual(
      expect.arrayContaining([
        '5 Arabic presentation form(s) in the front block\'s "tags" field normalized to base letters',
        'text in the front block\'s "tags" field normalized to Unicode NFC',
      ]),
    );
  });

  test('with --strict, control-character escapes are refused, never passed into the front matter', async () => {
    const { contentDir, source } = setup();
    for (const [field, value, message] of [
      ['title', '"\\x0Cعنوان"', /f\d+\.txt:2: has the character U\+000C \(form feed\) at character 1 of the front block's "title" field/],
      ['title', '"\\x1b[31mأحمر\\x1b[0m"', /U\+001B \(escape, which starts terminal escape sequences\) at character 1 of the front block's "title" field/],
      ['source', '"a\\u0007b"', /U\+0007 \(a control character\) at character 2 of the front block's "source" field/],
      ['tags', '["\\u009b2J"]', /U\+009B .* of the front block's "tags" field/],
    ] as const) {
      await expect(
        importArticle(source(`---\n${field}: ${value}\n---\n${title}\n${paragraph}\n`), { contentDir, lang: 'ar', strict: true }),
        value,
      ).rejects.toThrow(message);
    }
    expect(() => readdirSync(contentDir)).toThrow();
  });
});

describe('command-line values (--tags, --source, --date, --slug, --translation-of, --lang) go through the same function', () => {
  test('normalized like the text: bidi controls removed with a warning, presentation forms, NFC', async () => {
    const { contentDir, source, front } = setup();
    const result = await importArticle(source(`${title}\n${paragraph}\n`), {
      contentDir,
      lang: 'ar\u200E'.replace('\u200E', ''),
      tags: ['\u202Bقره باغ\u202C', '\uFEB3\uFEF4\uFE8E\uFEB3\uFE94', 'Cafe\u0301'],
      source: '\u2067https://example.com/b\u2069',
      date: '\u202A2023-09-20\u202C',
    });
    const data = await front(result.target);
    expect(data).toMatchObject({ tags: ['قره باغ', 'سياسة', 'Caf\u00E9'], source: 'https://example.com/b', date: '2023-09-20' });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'removed 2 bidi embedding/override control(s) in --tags that would reorder the displayed text',
        'removed 2 bidi embedding/override control(s) in --source that would reorder the displayed text',
        'removed 2 bidi embedding/override control(s) in --date that would reorder the displayed text',
      ]),
    );
    expect(result.notes).toEqual(
      expect.arrayContaining(['5 Arabic presentation form(s) in --tags normalized to base letters', 'text in --tags normalized to Unicode NFC']),
    );
  });

  test('control characters in a flag are repaired with a warning naming the flag: tabs and line breaks as spaces, the rest left out', async () => {
    const { contentDir, source, front } = setup();
    const result = await importArticle(source(`${title}\n${paragraph}\n`), {
      contentDir,
      lang: 'ar',
      tags: ['قره\tباغ', 'x\u001Ay'],
      source: 'https://example.com/\x00',
      date: '2023-09-20\n',
    });
    expect(await front(result.target)).toMatchObject({ tags: ['قره باغ', 'xy'], source: 'https://example.com/', date: '2023-09-20' });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        '--tags held U+0009 (tab) ×1: tabs and line breaks became spaces, invisible control characters were left out (--strict refuses such values instead)',
        '--tags held U+001A (substitute) ×1: tabs and line breaks became spaces, invisible control characters were left out (--strict refuses such values instead)',
        '--source held U+0000 (NUL) ×1: tabs and line breaks became spaces, invisible control characters were left out (--strict refuses such values instead)',
      ]),
    );
  });

  test('with --strict, control characters in any flag are refused, naming the flag', async () => {
    const { contentDir, source } = setup();
    const cases: [Partial<ImportOptions>, RegExp][] = [
      [{ tags: ['ok', 'bad\x1b[31m'] }, /has the character U\+001B .* at character 4 of --tags/],
      [{ source: 'https://example.com/\x00' }, /U\+0000 \(NUL\) at character 21 of --source/],
      [{ date: '2023-09-20\x0C' }, /U\+000C \(form feed\) at character 11 of --date/],
      [{ date: '2023-09-20\n' }, /U\+000A \(line feed\) at character 11 of --date/],
      [{ slug: 'a\u0085b' }, /U\+0085 \(next line\) at character 2 of --slug/],
      [{ translationOf: 'ar/x\x07' }, /U\+0007 .* of --translation-of/],
      [{ lang: 'ar\t' }, /U\+0009 \(tab\) at character 3 of --lang/],
    ];
    for (const [options, message] of cases) {
      await expect(
        importArticle(source(`${title}\n${paragraph}\n`), { contentDir, lang: 'ar', strict: true, ...options }),
        JSON.stringify(options),
      ).rejects.toThrow(message);
    }
    expect(() => readdirSync(contentDir)).toThrow();
  });
});
