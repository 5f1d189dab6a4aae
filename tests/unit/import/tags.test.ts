import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importArticle } from '../../../tools/import/import-article.ts';

const body = 'أذربيجان توقف الهجوم\nأعلنت أذربيجان أنها ستوقف الهجوم.\n';

function setup() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-tags-'));
  const contentDir = path.join(work, 'content');
  const source = (name: string, text: string) => {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  };
  return { contentDir, source };
}

describe('tags are validated at import, from --tags and the front block alike', () => {
  test('bad tags from --tags are refused, naming the tag, the problem and the flag; nothing written', async () => {
    const { contentDir, source } = setup();
    const cases: [string[], RegExp][] = [
      [Array.from({ length: 21 }, (_, index) => `وسم ${index}`), /has 21 tags \(--tags\); the limit is 20\. Keep the 20/],
      [['سياسة', 'ا'.repeat(61)], /has a tag that is 61 characters long \(the limit is 60\): tag 2 .* \(--tags\)/],
      [['..'], /has a tag that is "\.\.", which a URL reads as a folder.*: tag 1 "\.\." \(--tags\)/],
      [['!!!'], /has a tag that has only punctuation or symbols: tag 1 "!!!"/],
      [['a/b'], /contains a slash "\/" at character 2, which a URL path segment cannot hold: tag 1/],
      [['ok', '50%'], /contains a percent sign "%" at character 3.*: tag 2/],
    ];
    for (const [tags, message] of cases) {
      await expect(importArticle(source('a.txt', body), { contentDir, lang: 'ar', tags }), tags.join('|')).rejects.toThrow(message);
    }
    // With --strict, what is otherwise repaired or joined is refused.
    const strictCases: [string[], RegExp][] = [
      [['x\0y'], /has the character U\+0000 \(NUL\) at character 2 of --tags/],
      [['Karabakh', 'karabakh'], /has the tags "Karabakh" and "karabakh" \(--tags\), two spellings of one tag \(one page, karabakh\)\. Keep one of them/],
      [['قره باغ', 'قره-باغ'], /has the tags "قره باغ" and "قره-باغ" .*two spellings of one tag \(one page, قره-باغ\)/],
      [['Nagorno - Karabakh', 'nagorno karabakh'], /one page, nagorno-karabakh/],
    ];
    for (const [tags, message] of strictCases) {
      await expect(importArticle(source('a.txt', body), { contentDir, lang: 'ar', tags, strict: true }), tags.join('|')).rejects.toThrow(message);
    }
    expect(() => readdirSync(contentDir)).toThrow();
  });

  test('the front block: the same checks, with the line of the tags field', async () => {
    const { contentDir, source } = setup();
    const many = Array.from({ length: 25 }, (_, index) => `t${index}`).join(', ');
    const cases: [string, RegExp][] = [
      [`---\ntitle: عنوان\ntags: [${many}]\n---\n${body}`, /f\.txt:3: has 25 tags \(the front block's "tags" field\); the limit is 20/],
      [`---\ntags: [".", سياسة]\n---\n${body}`, /f\.txt:2: has a tag that is "\."/],
      [`---\ntags: "a#b, c"\n---\n${body}`, /f\.txt:2: has a tag that contains a hash "#" at character 2/],
      [`---\ntags: ["${'b'.repeat(70)}"]\n---\n${body}`, /f\.txt:2: has a tag that is 70 characters long/],
    ];
    for (const [text, message] of cases) await expect(importArticle(source('f.txt', text), { contentDir, lang: 'ar' })).rejects.toThrow(message);
    expect(() => readdirSync(contentDir)).toThrow();
  });

  test('two spellings of one tag are one tag: the first kept, the join reported', async () => {
    const { contentDir, source } = setup();
    const result = await importArticle(source('a.txt', `---\ntags:\n  - Armenia\n  - ARMENIA\n  - Caf\u00E9\n  - "Cafe\u0301"\n---\n${body}`), {
      contentDir,
      lang: 'ar',
    });
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toContain('tags:\n  - Armenia\n  - Caf\u00E9\ntranslationKey');
    expect(result.warnings).toContain('the tags «Armenia» and «ARMENIA» are two spellings of one tag (one page): kept «Armenia»');
  });

  test('good tags are stored normalized: NFC, white space collapsed; 20 tags of 60 characters pass', async () => {
    const { contentDir, source } = setup();
    const twenty = Array.from({ length: 20 }, (_, index) => `${'ت'.repeat(58)}${String(index).padStart(2, '0')}`);
    const result = await importArticle(source('a.txt', body), { contentDir, lang: 'ar', tags: ['  قره   باغ ', 'Cafe\u0301', ...twenty.slice(2)] });
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toContain('  - قره باغ\n  - Caf\u00E9\n');
  });
});
