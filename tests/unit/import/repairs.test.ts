import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { importArticle } from '../../../tools/import/import-article.ts';
import { normalizeArticleText } from '../../../tools/import/normalize.ts';
import { splitMdxFile } from '../../../tools/import/to-mdx.ts';
import { renderArticleBody } from '../../../src/article/body.ts';
import { articleTextFromHtml } from '../../../tools/verify/page-text.ts';
import { verifyArchive } from '../../../tools/verify/verify-archive.ts';

const title = 'الأمطار تعود إلى الرياض';
const paragraph = 'هطلت أمطار غزيرة على العاصمة مساء أمس وسط توقعات باستمرارها.';

function setup() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-repairs-'));
  const sources = path.join(work, 'sources');
  mkdirSync(sources);
  const source = (name: string, text: string | Uint8Array) => {
    const file = path.join(sources, name);
    writeFileSync(file, text);
    return file;
  };
  return { work, sources, contentDir: path.join(work, 'content'), distDir: path.join(work, 'dist'), source };
}

/** The article's page as the site builds it: the title and the rendered body in the marked elements. */
function buildPage(contentDir: string, distDir: string, target: string): string {
  const parts = splitMdxFile(readFileSync(path.join(contentDir, target), 'utf8'))!;
  const front = parseYaml(parts.frontMatter) as { title: string };
  const html = `<!doctype html><html><body><article><h1 data-article-title>${front.title}</h1><div data-article-body>${renderArticleBody(parts.body).html}</div></article></body></html>`;
  const dir = path.join(distDir, target.replace(/\/([^/]+)\.mdx$/, '/articles/$1'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
  return html;
}

describe('invisible control characters in the body are removed, with one warning', () => {
  test('counted by character, the first named by line and column; nothing else changes', () => {
    const text = `${title}\n${paragraph}\n\nقال المتحدث\u001A إن الطرق\u001A مفتوحة.\nوأضاف\u0085أن الدفاع المدني في حالة تأهب.\n`;
    const result = normalizeArticleText(text, 'a.txt');
    expect(result.text).toBe(`${title}\n${paragraph}\n\nقال المتحدث إن الطرق مفتوحة.\nوأضاف أن الدفاع المدني في حالة تأهب.\n`);
    expect(result.warnings).toEqual([
      'removed 3 invisible control character(s) (U+001A (substitute) ×2, U+0085 (next line) ×1 → space), first at line 4, column 12; pass --strict to refuse such files instead',
    ]);
    expect(result.repaired).toBe(3);
  });

  test('a control that separates words becomes a space: form feed, vertical tab, next line, U+001C–U+001F', () => {
    for (const char of ['\f', '\v', '\u0085', '\u001C', '\u001D', '\u001E', '\u001F']) {
      expect(normalizeArticleText(`كلمة${char}أخرى`).text, JSON.stringify(char)).toBe('كلمة أخرى');
    }
    for (const char of ['\u0001', '\u0007', '\u001A', '\u001B', '\u007F', '\u0080', '\u009B', '\uFFFE', '\uFFFF']) {
      expect(normalizeArticleText(`كلمة${char}واحدة`).text, JSON.stringify(char)).toBe('كلمةواحدة');
    }
    // Page breaks on lines of their own (a text printed from a word processor) leave blank lines.
    expect(normalizeArticleText(`${title}\n\f\n${paragraph}\n`).text).toBe(`${title}\n \n${paragraph}\n`);
  });

  test('a lone surrogate becomes U+FFFD, the replacement character, and is counted', () => {
    const result = normalizeArticleText('أ\uD800ب');
    expect(result.text).toBe('أ\uFFFDب');
    expect(result.warnings[0]).toBe(
      'removed 1 invisible control character(s) (U+D800 (a lone surrogate) ×1 → U+FFFD), first at line 1, column 2; pass --strict to refuse such files instead',
    );
  });

  test('tab, line feed and carriage return are text, never counted', () => {
    expect(normalizeArticleText('a\tb\r\nc')).toEqual({ text: 'a\tb\nc', warnings: [], notes: [] });
  });

  test('a text that is mostly control characters, or holds a NUL, is a damaged file and refused either way', () => {
    const binary = `${title}\n${'\u0001\u0002\u0003'.repeat(5)}${paragraph}\n`;
    expect(() => normalizeArticleText(binary, 'b.txt')).toThrow(
      /^b\.txt:2: has 15 control characters \(\d+\.\d% of its \d+ characters\), the first U\+0001 \(a control character\) at column 1: it is a binary file, or text damaged in transit, not an article with a few stray control characters\. Check that this is the right file/,
    );
    expect(() => normalizeArticleText(`${title}\n${paragraph}\u0000\n`, 'n.txt')).toThrow(
      /^n\.txt:2: contains U\+0000 \(NUL\) at column \d+ \(1 control character\(s\) in all\)/,
    );
    // An article whose every paragraph lost a character or two to a code-page conversion (3% here) is no binary file.
    const long = `${title}\n${`«${paragraph}»\n`.repeat(40)}`.replace(/[«»]/g, '\u001A');
    expect(normalizeArticleText(long, 'l.txt').warnings[0]).toMatch(/^removed 80 invisible control character\(s\) \(U\+001A \(substitute\) ×80\)/);
  });

  test('with strict, the first one is refused with its line and column, as before', () => {
    expect(() => normalizeArticleText(`${title}\nفقرة\u001A أولى.\n`, 'a.txt', { strict: true })).toThrow(
      'a.txt:2: contains U+001A (substitute) at column 5. XML 1.0 — and so the RSS feed — cannot carry it, and it is invisible in most editors. Delete it and import again. (Without --strict the importer removes such characters itself, with a warning.)',
    );
  });
});

describe('a repaired article imports, shows the repaired text and passes npm run verify', () => {
  const raw = `${title}\n${paragraph}\nقال\tالمتحدث \t إن الطرق\u001A مفتوحة\fأمام الجميع.\nالسيول\u001A والأودية\nحذر الدفاع المدني من الاقتراب من مجاري الأودية.\n`;

  test('imported with the warning; words separated, not joined; tabs as spaces in the body', async () => {
    const { contentDir, source } = setup();
    const result = await importArticle(source('rain.txt', raw), { contentDir, lang: 'ar' });
    expect(result.status).toBe('imported');
    expect(result.warnings).toContain(
      'removed 3 invisible control character(s) (U+000C (form feed) ×1 → space, U+001A (substitute) ×2), first at line 3, column 23; pass --strict to refuse such files instead',
    );
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toContain('\nقال المتحدث إن الطرق مفتوحة أمام الجميع.\n');
    expect(mdx).toContain('\n## السيول والأودية\n');
    expect(mdx).not.toMatch(/[\t\f\u001A]/);
    const page = articleTextFromHtml(`<h1 data-article-title>t</h1><div data-article-body>${renderArticleBody(splitMdxFile(mdx)!.body).html}</div>`)!;
    expect(page.blocks).toEqual([paragraph, 'قال المتحدث إن الطرق مفتوحة أمام الجميع.', 'السيول والأودية', 'حذر الدفاع المدني من الاقتراب من مجاري الأودية.']);
  });

  test('verify proves the page against the original file, read with the same repair', async () => {
    const { contentDir, distDir, sources, source } = setup();
    const result = await importArticle(source('rain.txt', raw), { contentDir, lang: 'ar' });
    const html = buildPage(contentDir, distDir, result.target);
    expect(verifyArchive({ contentDir, distDir, sourcesDir: sources }).outcomes).toEqual([{ article: path.join(contentDir, result.target), ok: true }]);
    // A page that lost a line is explained against the original, which verify repairs as the import did.
    writeFileSync(path.join(distDir, 'ar/articles', path.basename(result.target, '.mdx'), 'index.html'), html.replace(/<p>حذر[^<]*<\/p>/, ''));
    const [outcome] = verifyArchive({ contentDir, distDir, sourcesDir: sources }).outcomes;
    expect(outcome?.problem).toBe(
      `line 5 differs (expected text from ${path.join(sources, 'rain.txt')}, with its 3 invisible control character(s) removed as the import removed them: the page shows the repaired text):\n    source: حذر الدفاع المدني من الاقتراب من مجاري الأودية.\n    page:   (nothing)`,
    );
  });

  test('with strict the same file is refused and nothing is written', async () => {
    const { contentDir, source } = setup();
    await expect(importArticle(source('rain.txt', raw), { contentDir, lang: 'ar', strict: true })).rejects.toThrow(
      /rain\.txt:3: contains U\+001A \(substitute\) at column 23 \(and 2 more such character\(s\) further on/,
    );
    expect(() => readFileSync(path.join(contentDir, 'ar'))).toThrow();
  });
});
