import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importArticle } from '../../../tools/import/import-article.ts';
import { normalizeArticleText, normalizeField } from '../../../tools/import/normalize.ts';

/** Is this well-formed as XML 1.0 character data? */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function setup() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-xml-'));
  const contentDir = path.join(work, 'content');
  const source = (name: string, text: string | Uint8Array) => {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  };
  return { work, contentDir, source };
}

const title = 'أذربيجان توقف الهجوم';
const paragraph = 'أعلنت أذربيجان أنها ستوقف الهجوم.';

describe('characters XML 1.0 cannot carry: with --strict, refused in the body and title, with line and column', () => {
  const forbidden: [string, string][] = [
    ['\x0C', 'U+000C (form feed)'],
    ['\x0B', 'U+000B (vertical tab)'],
    ['\u0085', 'U+0085 (next line)'],
    ['\u009B', 'U+009B (control sequence introducer)'],
    ['\u0080', 'U+0080 (a C1 control)'],
    ['\uFFFE', 'U+FFFE (a noncharacter)'],
    ['\uFFFF', 'U+FFFF (a noncharacter)'],
  ];
  const strict = { strict: true };
  test('normalizeArticleText names the character, the line and the column', () => {
    for (const [char, name] of forbidden) {
      expect(() => normalizeArticleText(`${title}\nفقرة${char} ثانية.\n`, 'a.txt', strict), name).toThrow(`a.txt:2: contains ${name} at column 5.`);
      expect(() => normalizeArticleText(`${char}${title}\r\n${paragraph}`, 'b.txt', strict), name).toThrow(`b.txt:1: contains ${name} at column 1.`);
    }
    expect(() => normalizeArticleText('a\uD800b', 'c.txt', strict)).toThrow('c.txt:1: contains U+D800 (a lone surrogate) at column 2.');
    // Tab, LF and CR are XML characters: kept (CR becomes LF).
    expect(normalizeArticleText('a\tb\r\nc', 'd.txt', strict).text).toBe('a\tb\nc');
  });

  test('imports of UTF-8 files holding them fail and write nothing', async () => {
    const { contentDir, source } = setup();
    for (const [index, [char, name]] of forbidden.entries()) {
      const file = source(`f${index}.txt`, `${title}\n${paragraph}\nفقرة${char} ثالثة.\n`);
      await expect(importArticle(file, { contentDir, lang: 'ar', strict: true }), name).rejects.toThrow(
        new RegExp(
          `f${index}\\.txt:3: contains ${name.replace(/[()+]/g, '\\$&')} at column 5\\. XML 1\\.0 — and so the RSS feed — cannot carry it.*\\(Without --strict the importer removes such characters itself`,
        ),
      );
    }
    expect(() => readdirSync(contentDir)).toThrow();
  });

  test('without --strict the same files import, the characters gone and the feed XML-clean', async () => {
    const { contentDir, source } = setup();
    for (const [index, [char, name]] of forbidden.entries()) {
      const result = await importArticle(source(`g${index}.txt`, `${title} ${index}\n${paragraph}\nفقرة${char} ثالثة.\n`), { contentDir, lang: 'ar' });
      expect(result.warnings[0], name).toMatch(
        new RegExp(
          `^removed 1 invisible control character\\(s\\) \\(${name.replace(/[()+]/g, '\\$&')} ×1( → space)?\\), first at line 3, column 5; pass --strict`,
        ),
      );
      expect(readFileSync(path.join(contentDir, result.target), 'utf8'), name).toMatch(XML_CHAR);
    }
  });
});

describe('every field is checked: front block values (YAML escapes included), flags and the file name', () => {
  test('YAML escapes of invisible controls in a front-block field are repaired with a warning naming the field; tabs and line breaks become spaces', async () => {
    const { contentDir, source } = setup();
    const result = await importArticle(
      source('r.txt', `---\ntitle: "سطر\\nسطر\\t\\x1A"\nsource: "https://example.com/\\u0085"\n---\n${title}\n${paragraph}\n`),
      { contentDir, lang: 'ar' },
    );
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toContain('title: سطر سطر\n');
    expect(mdx).toContain('source: https://example.com/\n');
    expect(mdx).toMatch(XML_CHAR);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'the front block\'s "title" field held U+000A (line feed) ×1, U+0009 (tab) ×1, U+001A (substitute) ×1: tabs and line breaks became spaces, invisible control characters were left out (--strict refuses such values instead)',
      ]),
    );
  });

  test('with --strict, YAML escapes in any front-block field are refused with the field and its line', async () => {
    const { contentDir, source } = setup();
    const cases: [string, RegExp][] = [
      ['title: "عنوان\\x0C"', /U\+000C \(form feed\) at character 6 of the front block's "title" field/],
      ['source: "https://example.com/\\u0085"', /U\+0085 \(next line\) at character 21 of the front block's "source" field/],
      ['tags: ["ok", "bad\\x1b[31m"]', /U\+001B \(escape, which starts terminal escape sequences\) at character 4 of the front block's "tags" field/],
      ['slug: "a\\x00b"', /U\+0000 \(NUL\) at character 2 of the front block's "slug" field/],
      ['date: "2023-09-20\\uFFFE"', /U\+FFFE \(a noncharacter\) at character 11 of the front block's "date" field/],
      ['translationOf: "ar/x\\uD800"', /U\+D800 \(a lone surrogate\) .* "translationOf" field/],
      ['lang: "ar\\t"', /U\+0009 \(tab\) at character 3 of the front block's "lang" field/],
      ['title: "سطر\\nسطر"', /U\+000A \(line feed\) at character 4 of the front block's "title" field/],
    ];
    for (const [field, message] of cases) {
      const file = source('f.txt', `---\n${field}\n---\n${title}\n${paragraph}\n`);
      await expect(importArticle(file, { contentDir, lang: 'ar', strict: true }), field).rejects.toThrow(
        new RegExp(`f\\.txt:2: has the character ${message.source}`),
      );
    }
    expect(() => readdirSync(contentDir)).toThrow();
  });

  test('a file name with control characters is recorded escaped, and the front matter stays XML-clean', async () => {
    const { contentDir, source } = setup();
    for (const name of ['\x1b[31mred.txt', 'bell\x07.txt', 'c1\u009b.txt', 'line\nbreak.txt']) {
      const result = await importArticle(source(name, `${title} ${name.length}\n${paragraph}\n`), { contentDir, lang: 'ar' });
      expect(result.warnings.join('\n')).toMatch(/the file name has control or bidi characters; recorded as ".*\\x[0-9a-f]{2}/);
      const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
      expect(mdx, name).toMatch(XML_CHAR);
      expect(mdx).not.toContain('\\x1b[31mred.txt'.replace('\\x1b', '\x1b'));
    }
  });

  test('normalizeField: with strict, refuses any control character, tab and line breaks included; otherwise repairs it; passes clean text', () => {
    const from = { file: 'x.txt', field: '--source', line: undefined };
    for (const char of ['\0', '\t', '\n', '\r', '\x1b', '\x7f', '\u0090', '\uFFFF']) {
      expect(() => normalizeField(`a${char}b`, from, true), JSON.stringify(char)).toThrow(
        /x\.txt: has the character U\+[0-9A-F]{4}.* at character 2 of --source/,
      );
      const repaired = normalizeField(`a${char}b`, from);
      expect(repaired.text, JSON.stringify(char)).toMatch(/^a ?b$/);
      expect(repaired.warnings[0]).toMatch(/^--source held U\+[0-9A-F]{4}/);
    }
    expect(normalizeField('  نص\u00A0عادي  ', from).text).toBe('نص\u00A0عادي');
  });
});
