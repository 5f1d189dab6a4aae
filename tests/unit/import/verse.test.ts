import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { normalizeLine } from '../../../tools/import/fidelity.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { blockLines, plainBlocks, type Block } from '../../../tools/import/model.ts';
import { isSubheading, parseArticleText } from '../../../tools/import/parse.ts';
import { readText } from '../../../tools/import/readers/text.ts';
import { checkRendersAsWritten } from '../../../tools/import/self-check.ts';
import { splitMdxFile } from '../../../tools/import/to-mdx.ts';
import { writeArticleBody } from '../../../tools/import/writer.ts';
import { renderArticleBody } from '../../../src/article/body.ts';
import { articleTextFromHtml } from '../../../tools/verify/page-text.ts';
import { verifyArchive } from '../../../tools/verify/verify-archive.ts';
import { linesFromMdx } from '../../../tools/verify/verify-article.ts';

/** A Nabati poem as such archives hold one: one verse a line, no punctuation. */
const verses = ['يا ليل طولك ما يهون على الساهر', 'والنجم يشهد كم سهرت وكم صبرت', 'أمشي على درب الهوى والقلب حاير', 'واللي مضى ما عاد يرجع لو طلبت'];
const poem = `ليل الساهر\n${verses.join('\n')}\n`;

const kinds = (text: string, options = {}) => parseArticleText(text, 'p.txt', undefined, options).blocks.map((block) => [block.kind, block.text]);
const shown = (body: string) => articleTextFromHtml(`<h1 data-article-title>t</h1><div data-article-body>${renderArticleBody(body).html}</div>`)!;

describe('verse: three or more short unpunctuated lines in a row', () => {
  test('a poem of nothing but verses imports as one verse block, not a refusal for "no paragraph"', () => {
    const article = parseArticleText(poem, 'poem.txt');
    expect(article.title).toBe('ليل الساهر');
    expect(article.blocks).toEqual([{ kind: 'verse', text: verses.join('\n'), line: 2 }]);
    expect(article.notes).toContain(
      'verse detected (3 or more short unpunctuated lines in a row): lines 2–5, shown one verse a line; mark subheadings with "## " to read such lines otherwise',
    );
    expect(readText(poem, 'poem.txt').blocks).toEqual([{ type: 'verse', lines: verses.map((verse) => [{ type: 'text', value: verse }]), line: 2 }]);
  });

  test('inside an article too; one short line is still a subheading, and so are two', () => {
    const text = `العنوان\nقال الشاعر في أمسية الأمس:\n${verses.slice(0, 3).join('\n')}\nوصفق الحضور طويلا.\nأمسية ثانية\nتقام الأمسية الثانية الخميس.\nالموعد والمكان\nالدعوة عامة\nوالحضور مجاني للجميع.\n`;
    expect(kinds(text)).toEqual([
      ['paragraph', 'قال الشاعر في أمسية الأمس:'],
      ['verse', verses.slice(0, 3).join('\n')],
      ['paragraph', 'وصفق الحضور طويلا.'],
      ['heading', 'أمسية ثانية'],
      ['paragraph', 'تقام الأمسية الثانية الخميس.'],
      ['heading', 'الموعد والمكان'],
      ['heading', 'الدعوة عامة'],
      ['paragraph', 'والحضور مجاني للجميع.'],
    ]);
  });

  test('blank lines between stanzas keep them apart; a file with a blank line after every line is one poem', () => {
    const stanzas = `ليل الساهر\n${verses.slice(0, 2).join('\n')}\n\n${verses.slice(2).join('\n')}\n`;
    expect(kinds(stanzas)).toEqual([
      ['verse', verses.slice(0, 2).join('\n')],
      ['verse', verses.slice(2).join('\n')],
    ]);
    expect(parseArticleText(stanzas, 'p.txt').notes.at(-1)).toMatch(/lines 2–3, 5–6, shown one verse a line/);
    expect(kinds(`ليل الساهر\n\n${verses.join('\n\n')}\n`)).toEqual([['verse', verses.join('\n')]]);
    // A stanza of one line would be a verse without its poem: the run stays one block.
    expect(kinds(`ليل الساهر\n${verses.slice(0, 3).join('\n')}\n\n${verses[3]}\n`)).toEqual([['verse', verses.join('\n')]]);
  });

  test("a poet's credit «شعر: فلان» is a byline, not the first verse; the lead is the first two verses", async () => {
    expect(isSubheading('شعر: سعد الفهد')).toBe(false);
    expect(isSubheading('شعر المواطنون بالأمان')).toBe(true);
    expect(kinds(`ليل الساهر\nشعر: سعد الفهد\n${verses.join('\n')}\n`)).toEqual([
      ['paragraph', 'شعر: سعد الفهد'],
      ['verse', verses.join('\n')],
    ]);
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-verse-'));
    const file = path.join(work, 'poem.txt');
    writeFileSync(file, `ليل الساهر\nشعر: سعد الفهد\n${verses.join('\n')}\n`);
    const result = await importArticle(file, { contentDir: path.join(work, 'content'), lang: 'ar' });
    const front = parseYaml(splitMdxFile(readFileSync(path.join(work, 'content', result.target), 'utf8'))!.frontMatter) as { description: string };
    expect(front.description).toBe(`${verses[0]} / ${verses[1]}`);
  });

  test('too few short lines for a poem are paragraphs, with a warning; a title alone is still refused', () => {
    const short = parseArticleText('العنوان\nسطر قصير\nوسطر آخر\n', 's.txt');
    expect(short.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
    expect(short.warnings).toEqual([
      'every line after the title is short and unpunctuated, too few in a row (2) to be verse: read as paragraphs, not subheadings, since an article needs text under its subheadings; pass --strict to refuse such files instead',
    ]);
    expect(kinds('## العنوان\n## سطر\n')).toEqual([['paragraph', 'سطر']]);
    expect(() => parseArticleText('Nur ein Titel\n', 't.txt')).toThrow(
      't.txt:1: has a title but no paragraph: nothing follows it. Check that this is the right file, or add its text.',
    );
    expect(() => parseArticleText('---\ntitle: عنوان\n---\n\n', 'f.txt')).toThrow(/^f\.txt: has a title but no paragraph: nothing follows it/);
  });

  test("with strict: today's rule — every such line a subheading, an article of nothing else refused", () => {
    expect(() => parseArticleText(poem, 'poem.txt', undefined, { strict: true })).toThrow(
      'poem.txt:1: has a title but no paragraph (every line after it is short and unpunctuated, so it reads as a subheading). End the paragraphs with punctuation, or check the file; without --strict such lines are read as verse or paragraphs.',
    );
    expect(kinds(`العنوان\n${verses.join('\n')}\nفقرة.\n`, { strict: true })).toEqual([...verses.map((verse) => ['heading', verse]), ['paragraph', 'فقرة.']]);
  });

  test('lines marked by hand with "## " are read as marked: no verse', () => {
    expect(kinds(`العنوان\n## فرعي\n${verses.join('\n')}\n`).map(([kind]) => kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
});

describe('verse through the model, the writer, the page and verify', () => {
  const hostile = ['- ليست قائمة', '1. ولا هذه', '=== ولا عنوان', '*ليست* مائلة \\ ولا {كود}', 'import x from "y"'];
  const blocks: Block[] = [{ type: 'verse', lines: [...verses, ...hostile].map((verse) => [{ type: 'text', value: verse }]), line: 2 }];

  test('one Markdown paragraph, a backslash hard break ending every line but the last, each line escaped as text', () => {
    const body = writeArticleBody(blocks);
    expect(body.split('\n').slice(0, -1)).toEqual([
      `${verses[0]}\\`,
      `${verses[1]}\\`,
      `${verses[2]}\\`,
      `${verses[3]}\\`,
      '\\- ليست قائمة\\',
      '1\\. ولا هذه\\',
      '\\=== ولا عنوان\\',
      '\\*ليست\\* مائلة \\\\ ولا \\{كود\\}\\',
      '&#105;mport x from "y"',
    ]);
  });

  test('the page shows <p class="verse"> with a <br> between verses, and reads back one line a verse', () => {
    const body = checkRendersAsWritten(blocks, writeArticleBody, 'p.txt', []);
    const { html, headings } = renderArticleBody(body);
    expect(html).toMatch(/^<p class="verse">يا ليل طولك ما يهون على الساهر<br>\nوالنجم/);
    expect(html.match(/<br>/g)).toHaveLength(8);
    expect(headings).toEqual([]);
    const page = shown(body);
    expect(page.blocks.map(normalizeLine)).toEqual(blockLines(blocks));
    expect(page.unexpectedElements).toEqual([]);
    expect(linesFromMdx('t', body)).toEqual(['t', ...blockLines(blocks)]);
    // A paragraph without a line break is no verse.
    expect(renderArticleBody('فقرة.\n').html).toBe('<p>فقرة.</p>\n');
  });

  test('each verse is a line of blockLines; plainBlocks flattens emphasis in each', () => {
    const rich: Block = {
      type: 'verse',
      lines: [
        [
          { type: 'emphasis', children: [{ type: 'text', value: 'أ' }] },
          { type: 'text', value: ' ب' },
        ],
        [{ type: 'text', value: 'ج' }],
      ],
    };
    expect(blockLines([rich])).toEqual(['أ ب', 'ج']);
    expect(plainBlocks([rich])).toEqual([{ type: 'verse', lines: [[{ type: 'text', value: 'أ ب' }], [{ type: 'text', value: 'ج' }]] }]);
  });

  test('a poem imports and npm run verify proves its page against the original file', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-verse-'));
    const sources = path.join(work, 'sources');
    mkdirSync(sources);
    const contentDir = path.join(work, 'content');
    const distDir = path.join(work, 'dist');
    writeFileSync(path.join(sources, 'poem.txt'), poem);
    const result = await importArticle(path.join(sources, 'poem.txt'), { contentDir, lang: 'ar' });
    expect(result.status).toBe('imported');
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(splitMdxFile(mdx)!.body).toBe(`${verses.join('\\\n')}\n`);
    const dir = path.join(distDir, 'ar/articles', path.basename(result.target, '.mdx'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.html'),
      `<h1 data-article-title>ليل الساهر</h1><div data-article-body>${renderArticleBody(splitMdxFile(mdx)!.body).html}</div>`,
    );
    expect(verifyArchive({ contentDir, distDir, sourcesDir: sources }).outcomes).toEqual([{ article: path.join(contentDir, result.target), ok: true }]);
  });

  test('an article imported before as subheadings is the same text: re-importing says the body is written differently now', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-verse-'));
    const file = path.join(work, 'a.txt');
    writeFileSync(file, `العنوان\n${verses.join('\n')}\nفقرة.\n`);
    const contentDir = path.join(work, 'content');
    const before = await importArticle(file, { contentDir, lang: 'ar', strict: true });
    expect(readFileSync(path.join(contentDir, before.target), 'utf8')).toContain(`## ${verses[0]}\n`);
    const again = await importArticle(file, { contentDir, lang: 'ar' });
    expect(again).toMatchObject({ status: 'skipped', target: before.target });
    expect(again.reason).toBe(
      `${before.target} was imported from this text, but this version of the importer writes its body differently (verse where there were subheadings, say); pass --force to rewrite it`,
    );
    expect((await importArticle(file, { contentDir, lang: 'ar', force: true })).status).toBe('updated');
  });
});
