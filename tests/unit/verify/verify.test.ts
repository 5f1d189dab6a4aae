import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { importArticle } from '../../../tools/import/import-article.ts';
import { articleTextFromHtml } from '../../../tools/verify/page-text.ts';
import { verifyArchive } from '../../../tools/verify/verify-archive.ts';

const source = 'نص فيه {process.exit(1)} و<b>وسم</b>\nفقرة أولى & ثانية < ثالثة.\nعنوان فرعي\nفقرة أخيرة.\n';

/** A page as the site renders one: HTML-escaped text in the marked title and body. */
function page(title: string, blocks: [tag: string, text: string][], extra = ''): string {
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html><body><header><p>Site name</p></header><main><article><h1 data-article-title>${escapeHtml(title)}</h1><div data-article-body>${blocks
    .map(([tag, text]) => `<${tag}>${escapeHtml(text)}</${tag.split(' ')[0]}>\n`)
    .join('')}${extra}</div></article></main><script>console.log(1)</script></body></html>`;
}

const goodBlocks: [string, string][] = [
  ['p', 'فقرة أولى & ثانية < ثالثة.'],
  ['h2 id="عنوان-فرعي"', 'عنوان فرعي'],
  ['p', 'فقرة أخيرة.'],
];

let work: string;
let contentDir: string;
let distDir: string;
let sourcesDir: string;

function writePage(html: string, base = ''): void {
  const dir = path.join(distDir, base, 'ar/articles/sample');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
}

beforeEach(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'arshif-verify-'));
  contentDir = path.join(work, 'content');
  distDir = path.join(work, 'dist');
  sourcesDir = path.join(work, 'sources', 'nested');
  mkdirSync(sourcesDir, { recursive: true });
  writeFileSync(path.join(sourcesDir, 'sample.txt'), source);
  await importArticle(path.join(sourcesDir, 'sample.txt'), { contentDir, lang: 'ar', slug: 'sample' });
});

describe('reading an article from a built page', () => {
  test('title and blocks of the marked elements only, entities decoded', () => {
    expect(articleTextFromHtml(page('T & t', goodBlocks))).toMatchObject({
      title: 'T & t',
      blocks: ['فقرة أولى & ثانية < ثالثة.', 'عنوان فرعي', 'فقرة أخيرة.'],
      unexpectedElements: [],
      elements: ['p', 'h2', 'p'],
      titles: 1,
      bodies: 1,
      hiddenBy: [],
      pageProblems: [],
    });
  });

  test('elements the importer never writes are reported, text outside blocks still counts', () => {
    const text = articleTextFromHtml(page('T', [['p', 'a']], '<p>b <span>link</span></p><iframe src="x"></iframe>loose text'));
    expect(text?.blocks).toEqual(['a', 'b link', 'loose text']);
    expect(text?.unexpectedElements).toEqual(['span', 'iframe']);
  });

  test('a page without the article markers has no article', () => {
    expect(articleTextFromHtml('<html><body><h1>Not an article</h1></body></html>')).toBeNull();
  });
});

describe('verifying an archive against its built site', () => {
  test('a faithful page passes', () => {
    writePage(page('نص فيه {process.exit(1)} و<b>وسم</b>', goodBlocks));
    expect(verifyArchive({ contentDir, distDir })).toEqual({ outcomes: [{ article: path.join(contentDir, 'ar/sample.mdx'), ok: true }], notImported: [] });
  });

  test('a lost sentence fails and names the first differing line, from the original file', () => {
    writePage(page('نص فيه {process.exit(1)} و<b>وسم</b>', [goodBlocks[0]!, goodBlocks[2]!]));
    const [outcome] = verifyArchive({ contentDir, distDir, sourcesDir: path.dirname(sourcesDir) }).outcomes;
    expect(outcome?.ok).toBe(false);
    expect(outcome?.problem).toBe(
      `line 3 differs (expected text from ${path.join(sourcesDir, 'sample.txt')}):\n    source: عنوان فرعي\n    page:   فقرة أخيرة.`,
    );
  });

  test('an altered character fails; without the original, the expectation comes from the MDX', () => {
    writePage(page('نص فيه {process.exit(1)} و<b>وسم</b>', [['p', 'فقرة أولى و ثانية < ثالثة.'], goodBlocks[1]!, goodBlocks[2]!]));
    const [outcome] = verifyArchive({ contentDir, distDir }).outcomes;
    expect(outcome?.problem).toMatch(
      /^line 2 differs \(expected text from the MDX file \(original not found; pass --sources <dir>\)\):\n {4}source: فقرة أولى & ثانية < ثالثة\.\n {4}page: {3}فقرة أولى و ثانية < ثالثة\.$/,
    );
  });

  test('text that became markup fails even when the words are all there', () => {
    writePage(page('نص فيه {process.exit(1)} و<b>وسم</b>', goodBlocks, ''), '');
    const html = readFileSync(path.join(distDir, 'ar/articles/sample/index.html'), 'utf8').replace('<p>فقرة أخيرة.</p>', '<p><strong>فقرة</strong> أخيرة.</p>');
    writePage(html);
    expect(verifyArchive({ contentDir, distDir }).outcomes[0]?.problem).toBe(
      'the article body contains <strong>, which the importer never writes: some text was read as markup.',
    );
  });

  test('a missing page fails; a page under the base folder is found', () => {
    expect(verifyArchive({ contentDir, distDir }).outcomes[0]?.problem).toMatch(/the built page is missing/);
    writePage(page('نص فيه {process.exit(1)} و<b>وسم</b>', goodBlocks), 'archive');
    expect(verifyArchive({ contentDir, distDir, base: '/archive/' }).outcomes[0]?.ok).toBe(true);
  });

  test('a hand-edited article says so; hand-written articles are listed, not checked', () => {
    const mdx = path.join(contentDir, 'ar/sample.mdx');
    writeFileSync(mdx, readFileSync(mdx, 'utf8').replace('فقرة أخيرة.', 'فقرة حررها المحرر.'));
    writeFileSync(path.join(contentDir, 'ar/hand-written.mdx'), '---\ntitle: مقال\n---\n\nنص.\n');
    writePage(page('نص فيه {process.exit(1)} و<b>وسم</b>', [goodBlocks[0]!, goodBlocks[1]!, ['p', 'فقرة حررها المحرر.']]));
    const report = verifyArchive({ contentDir, distDir });
    expect(report.notImported).toEqual([path.join(contentDir, 'ar/hand-written.mdx')]);
    expect(report.outcomes[0]?.problem).toMatch(/^the page shows its MDX body, but that body was edited by hand after the import .* Pass --sources <dir>/);
    const withSources = verifyArchive({ contentDir, distDir, sourcesDir });
    expect(withSources.outcomes[0]?.problem).toMatch(
      /line 4 differs[\s\S]*page: {3}فقرة حررها المحرر\.\n {4}\(its MDX body was edited by hand after the import/,
    );
  });
});
