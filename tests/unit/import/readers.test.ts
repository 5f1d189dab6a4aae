import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { blockLines, inlineText, unreachable, type Block } from '../../../tools/import/model.ts';
import { readHtml } from '../../../tools/import/readers/html.ts';
import { readMarkdown } from '../../../tools/import/readers/markdown.ts';
import { readText } from '../../../tools/import/readers/text.ts';
import { readWordpressExport, wordpressHtml } from '../../../tools/import/readers/wordpress.ts';
import { formatOfFile } from '../../../tools/import/readers/read-article.ts';
import { safeLinkUrl } from '../../../src/article/safe-url.ts';
import { writeArticleBody } from '../../../tools/import/writer.ts';
import { checkRendersAsWritten } from '../../../tools/import/self-check.ts';
import { findCodeInBody, renderArticleBody } from '../../../src/article/body.ts';
import { articleTextFromHtml } from '../../../tools/verify/page-text.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/rich/', import.meta.url));
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** Every URL in a tree of blocks. */
function urls(blocks: readonly Block[]): string[] {
  const fromInline = (nodes: readonly import('../../../tools/import/model.ts').Inline[]): string[] =>
    nodes.flatMap((node) => (node.type === 'link' ? [node.url, ...fromInline(node.children)] : node.type === 'text' ? [] : fromInline(node.children)));
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return fromInline(block.children);
      case 'blockquote':
        return urls(block.children);
      case 'verse':
        return block.lines.flatMap(fromInline);
      case 'list':
        return block.items.flatMap(fromInline);
      case 'table':
        return block.rows.flat().flatMap(fromInline);
      case 'image':
        return [block.src];
      default:
        return unreachable(block);
    }
  });
}

/** The body as the site renders it, read back as a reader sees it. */
function shown(body: string) {
  const { html } = renderArticleBody(body);
  return { html, page: articleTextFromHtml(`<h1 data-article-title>t</h1><div data-article-body>${html}</div>`)! };
}

const MDX_LOOKING = [
  '<script>alert(1)</script>',
  '{process.exit(1)}',
  'import fs from "fs"',
  'export const x = 1',
  '<Component prop={1} />',
  '&amp; &#60; &lt;',
  '*not emphasis* _nor this_',
  '[not a link](javascript:alert(1))',
  '| not | a | table |',
  '# not a heading',
  '- not a list',
  '1. not a list',
  '> not a quote',
  '`code`',
  '~~no strike~~',
  'https://bare.example.com and a@b.example',
  '\\ backslash \\\\',
  '---',
];

describe('the writer', () => {
  test('MDX-looking text in every kind of block is escaped: no code, and the page shows it exactly', () => {
    const text = (value: string) => [{ type: 'text' as const, value }];
    for (const value of MDX_LOOKING) {
      const blocks: Block[] = [
        { type: 'paragraph', children: text(value) },
        { type: 'heading', depth: 2, children: text(value) },
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'x ' },
            { type: 'link', url: 'https://example.org/a?b=1&c={2}', children: text(value) },
            { type: 'strong', children: text(value) },
            { type: 'emphasis', children: text(value) },
          ],
        },
        { type: 'blockquote', children: [{ type: 'paragraph', children: text(value) }] },
        { type: 'list', ordered: false, items: [text(value), text(value)] },
        { type: 'list', ordered: true, items: [text(value)] },
        {
          type: 'table',
          rows: [
            [text(value), text('h')],
            [text('c'), text(value)],
          ],
        },
        { type: 'image', src: './slug/a.jpg', alt: value, caption: value },
      ];
      // As the importer writes it: checked to render exactly, else written without inline markup.
      const body = checkRendersAsWritten(blocks, writeArticleBody, 'f.md', []);
      expect(findCodeInBody(body), `${value}\n${body}`).toBeNull();
      const { page, html } = shown(body);
      expect(
        page.blocks.map((line) => line.trim()),
        value,
      ).toEqual(blockLines(blocks).map((line) => line.trim()));
      expect(html, value).not.toMatch(/<script|<Component|onerror=|href="javascript/i);
      expect(page.unexpectedElements, value).toEqual([]);
    }
  });

  test("today's plain-text articles are written byte for byte as before", () => {
    const article = readText('عنوان\nفقرة فيها <b> و {x} و *y*.\nعنوان فرعي\nimport x.\n', 'a.txt');
    expect(writeArticleBody(article.blocks)).toBe('فقرة فيها \\<b\\> و \\{x\\} و \\*y\\*.\n\n## عنوان فرعي\n\n&#105;mport x.\n');
  });

  test('emphasis Markdown cannot open falls back to text, never altering it', () => {
    const blocks: Block[] = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'a' },
          { type: 'emphasis', children: [{ type: 'text', value: '«x»' }] },
          { type: 'text', value: 'b' },
        ],
      },
    ];
    const warnings: string[] = [];
    const body = checkRendersAsWritten(blocks, writeArticleBody, 'f.md', warnings);
    expect(shown(body).page.blocks).toEqual(['a«x»b']);
  });
});

describe('the renderer', () => {
  test('bare URLs and e-mail addresses stay text; javascript: links in a hand-edited body are not links', () => {
    const { html } = renderArticleBody(
      'see https://example.com and www.example.org and a@b.example\n\n[click](javascript:alert(1)) [ok](https://example.org/)\n',
    );
    expect(html).toBe('<p>see https://example.com and www.example.org and a@b.example</p>\n<p>click <a href="https://example.org/">ok</a></p>\n');
  });

  test('a photograph alone in its paragraph becomes a figure with its caption; other images are not shown', () => {
    const { html, images } = renderArticleBody(
      '![alt](./slug/a.jpg "A & <caption>")\n\ntext ![x](./slug/b.jpg) more\n\n![remote](https://evil.example/x.jpg)\n',
    );
    expect(images).toEqual([{ src: './slug/a.jpg', alt: 'alt', caption: 'A & <caption>' }]);
    expect(html).toContain('<figure><img data-arshif-image="0"><figcaption>A &#38; &#60;caption&#62;</figcaption></figure>');
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('b.jpg');
  });
});

describe('link URLs', () => {
  test('only http, https and mailto pass, read as a browser reads them', () => {
    expect(safeLinkUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeLinkUrl('mailto:a@b.example')).toBe('mailto:a@b.example');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,x',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative',
      '#top',
      'https://',
      '//evil.example/x',
    ]) {
      expect(safeLinkUrl(bad), bad).toBeNull();
    }
  });
});

describe('the text reader', () => {
  test('a line starting with "## " is a subheading, even a question; then only marked lines are', () => {
    const article = readText('العنوان\nفقرة أولى.\n## هل انتهت الحرب؟\nسطر قصير بلا نقطة\n', 'a.txt');
    expect(article.blocks.map((block) => [block.type, block.type === 'paragraph' || block.type === 'heading' ? inlineText(block.children) : ''])).toEqual([
      ['paragraph', 'فقرة أولى.'],
      ['heading', 'هل انتهت الحرب؟'],
      ['paragraph', 'سطر قصير بلا نقطة'],
    ]);
  });

  test('datelines, bylines and captions are paragraphs, not subheadings', () => {
    const article = readText(
      'العنوان\nبيروت - رويترز\nبقلم: سمير خليل\nصورة: المرفأ عند الغروب\nBy Jane Doe\nLONDON (Reuters) -\nالمفاوضات المقبلة\nفقرة.\n',
      'a.txt',
    );
    expect(article.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph']);
  });
});

describe('the Markdown reader', () => {
  test('front block, # title, links, emphasis, quotation, list, table and a captioned image', () => {
    const article = readMarkdown(fixture('harbour.md'), 'harbour.md');
    expect(article.title).toBe('مرفأ بيروت يعود إلى العمل');
    expect(article.front).toMatchObject({ lang: 'ar', author: 'ليلى حداد', source: 'https://example.com/news/beirut-harbour', date: '2024-05-02' });
    expect(article.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'heading', 'blockquote', 'image', 'list', 'table', 'paragraph']);
    expect(urls(article.blocks)).toEqual(['https://example.org/report?year=2024&lang=ar', 'media/harbour.jpg']);
    expect(blockLines(article.blocks).at(-1)).toBe('نص فيه <script>alert(1)</script> و {expression} و import x from "y" كلها نص.');
  });

  test('links with dangerous URLs keep their text and lose the link, with a warning', () => {
    const article = readMarkdown('# T\n\n[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d][ref]\n\n[ref]: JAVASCRIPT:alert(1)\n', 't.md');
    expect(urls(article.blocks)).toEqual([]);
    expect(blockLines(article.blocks)).toEqual(['a b c d']);
    expect(article.warnings.join('\n')).toMatch(/javascript: URL kept as text/);
  });

  test('a missing title and an unknown front-block field are errors naming the file', () => {
    expect(() => readMarkdown('Just a paragraph.\n', 'n.md')).toThrow(/^n\.md: has no title/);
    expect(() => readMarkdown('---\nauthr: x\n---\n# T\n\nP.\n', 'n.md')).toThrow(/^n\.md:2: has an unknown front-block field "authr"/);
  });
});

describe('a first heading that repeats the title', () => {
  const headings = (blocks: readonly Block[]) => blocks.flatMap((block) => (block.type === 'heading' ? [inlineText(block.children)] : []));

  test('Markdown: a front-block title and a first `#` of the same text, spacing, tatweel and vowel marks aside, give one title and no subheading, with a note', () => {
    const article = readMarkdown(
      '---\ntitle: مرفأ بيروت يعود إلى العمل\n---\n\n#  مـرفأ   بَيروت يعود إلى *العمل*\n\nعادت السفن.\n\n## الأرصفة\n\nفقرة.\n',
      'same.md',
    );
    expect(article.title).toBe('مرفأ بيروت يعود إلى العمل');
    expect(headings(article.blocks)).toEqual(['الأرصفة']);
    expect(blockLines(article.blocks)).toEqual(['عادت السفن.', 'الأرصفة', 'فقرة.']);
    expect(article.notes.join('\n')).toMatch(/first heading repeats the title.*\(line 5\)/);
  });

  test('Markdown: a first `#` that differs from the title, or a repeat that is not at the top, stays a subheading without a note', () => {
    const differs = readMarkdown('---\ntitle: The harbour\n---\n# Ships return\n\nText.\n', 'differs.md');
    expect(headings(differs.blocks)).toEqual(['Ships return']);
    expect(differs.notes).toEqual([]);
    const later = readMarkdown('---\ntitle: The harbour\n---\nFirst.\n\n# The harbour\n\nText.\n', 'later.md');
    expect(headings(later.blocks)).toEqual(['The harbour']);
    const second = readMarkdown('---\ntitle: The harbour\n---\n## The harbour\n\nText.\n', 'second.md');
    expect(headings(second.blocks)).toEqual(['The harbour']);
  });

  test('HTML: an <h1> equal to the <title> is the title, once', () => {
    const article = readHtml('<html><head><title>The harbour</title></head><body><article><h1>The harbour</h1><p>Text.</p></article></body></html>', 'h.html');
    expect(article.title).toBe('The harbour');
    expect(headings(article.blocks)).toEqual([]);
    expect(blockLines(article.blocks)).toEqual(['Text.']);
  });

  test('WordPress: a post opening with an <h1> of its title leaves it out, with a note; another <h1> stays', () => {
    const post = (title: string, content: string) =>
      readWordpressExport(
        `<rss><channel><item><title>${title}</title><content:encoded><![CDATA[${content}]]></content:encoded><wp:post_id>1</wp:post_id></item></channel></rss>`,
        'e.xml',
      ).items[0]!.article!;
    const repeated = post('عودة الرافعات', '<div><h1>عودة  الرافعـات</h1></div><p>نص.</p>');
    expect(headings(repeated.blocks)).toEqual([]);
    expect(repeated.notes.join('\n')).toMatch(/first heading repeats the title/);
    const other = post('عودة الرافعات', '<h1>الميناء</h1><p>نص.</p>');
    expect(headings(other.blocks)).toEqual(['الميناء']);
    expect(other.notes).toEqual([]);
  });
});

describe('the HTML reader', () => {
  test('a hostile page: scripts, styles, frames, forms, on* attributes and javascript:/data:/vbscript: links are gone; payloads stay text', () => {
    const article = readHtml(fixture('hostile.html'), 'hostile.html');
    expect(article.title).toBe('A page that tries everything');
    expect(article.front).toMatchObject({ lang: 'en', author: 'Rami Nasser', date: '2024-05-06', source: 'https://example.com/hostile' });
    expect(urls(article.blocks)).toEqual(['https://example.org/safe']);
    const lines = blockLines(article.blocks);
    expect(lines.join('\n')).not.toMatch(/alert\('|evil|Site menu|svg text/);
    // The DOCTYPE's entities are not expanded: HTML knows none but its own.
    expect(lines).toContain('Entities stay text: &lol2; &lt;script&gt; {process.exit(1)} <img src=x onerror=alert(1)> import fs from "fs"');
    expect(lines).toEqual(
      // A form is unwrapped: its button's label is text a browser shows.
      expect.arrayContaining(['Send', 'A quotation with strong words.', 'one', 'two', 'nested', 'Year', 'Ships', '2023', '{12}', 'Last paragraph.']),
    );
    const body = writeArticleBody(article.blocks);
    expect(findCodeInBody(body)).toBeNull();
    const { html, page } = shown(body);
    expect(html).not.toMatch(/<script|<iframe|<svg|<form|<object|<embed|onclick|onload|onmouseover|javascript:|data:|vbscript:/i);
    expect(page.unexpectedElements).toEqual([]);
  });

  test('--selector picks the element; none matching is an error saying what to do', () => {
    const page = '<html><head><title>Site</title></head><body><div class="post"><h1>T</h1><p>Body.</p></div></body></html>';
    expect(() => readHtml(page, 'p.html')).toThrow(/p\.html: has no element matching "article"\. Pass --selector/);
    expect(readHtml(page, 'p.html', { selector: '.post' }).title).toBe('T');
    expect(() => readHtml(page, 'p.html', { selector: '[[' })).toThrow(/--selector "\[\[" is not a CSS selector/);
  });

  test('a figure keeps its caption', () => {
    const article = readHtml(
      '<article><h1>T</h1><p>P.</p><figure><img src="a.jpg" alt="A" onerror="x()"><figcaption>The <b>caption</b></figcaption></figure></article>',
      'f.html',
    );
    expect(article.blocks.at(-1)).toEqual({ type: 'image', src: 'a.jpg', alt: 'A', caption: 'The caption' });
  });
});

describe('the WordPress reader', () => {
  const { items } = readWordpressExport(fixture('wordpress/export.xml'), 'export.xml');

  test('published posts only; pages, drafts and attachments skipped with their reason', () => {
    expect(items.map((item) => [item.id, item.article ? 'post' : item.skipped])).toEqual([
      ['post 30', 'post'],
      ['post 40', 'post'],
      ['page 5', 'a page (pass --include pages to import pages)'],
      ['post 50', 'a draft post (pass --include drafts to import it)'],
      ['attachment 31', 'an attachment (its file is imported with the post that shows it)'],
      ['attachment 32', 'an attachment (its file is imported with the post that shows it)'],
    ]);
    const withExtras = readWordpressExport(fixture('wordpress/export.xml'), 'export.xml', { include: ['pages', 'drafts'] }).items;
    expect(withExtras.filter((item) => item.article).map((item) => item.id)).toEqual(['post 30', 'post 40', 'page 5', 'post 50']);
  });

  test('dates, display names, categories and tags, language, slug, source; the featured image first', () => {
    const [markets, cranes] = items.map((item) => item.article!);
    expect(markets!.front).toEqual({
      date: '2024-05-03',
      author: 'سمير خليل',
      slug: 'old-markets',
      source: 'https://news.example.com/2024/05/old-markets/',
      tags: ['اقتصاد', 'أسواق'],
    });
    expect(markets!.itemName).toBe('news.example.com#post-30');
    expect(markets!.blocks[0]).toEqual({ type: 'image', src: '2024/05/port-cranes.jpg', alt: 'رافعات', caption: 'رافعات الميناء في الصباح' });
    expect(markets!.blocks.filter((block) => block.type === 'image').map((block) => (block as { caption: string }).caption)).toEqual([
      'رافعات الميناء في الصباح',
      'السوق المسقوف بعد الترميم',
    ]);
    expect(cranes!.front).toMatchObject({ lang: 'en', author: 'Jane Doe', tags: ['Ports'] });
    expect(blockLines(cranes!.blocks)).toEqual(['The cranes are back at work, the port authority said.', 'Traffic doubled in April.']);
  });

  test('the hostile payload in a post is text: no script, frame, handler or javascript: link', () => {
    const markets = items[0]!.article!;
    expect(urls(markets.blocks).filter((url) => !url.startsWith('2024/'))).toEqual(['https://example.org/markets']);
    expect(blockLines(markets.blocks)).toContain('رابط خبيث و {process.exit(1)}');
    expect(blockLines(markets.blocks).join('\n')).not.toMatch(/alert|evil/);
  });

  test('entity declarations (a billion laughs) are refused before parsing; broken XML names the file', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title></item></channel></rss>`;
    expect(() => readWordpressExport(bomb, 'bomb.xml')).toThrow(/^bomb\.xml: declares XML entities/);
    expect(() => readWordpressExport('<rss><channel><item><title>x</item>', 'cut.xml')).toThrow(
      /^cut\.xml:1: is not well-formed XML \(cut short or broken\): <\/item> closes an element here, but <title> .* is still open/,
    );
    expect(() => readWordpressExport('<feed></feed>', 'atom.xml')).toThrow(/^atom\.xml: is not a WordPress export/);
  });

  test('XML entities and numeric references are decoded once; CDATA is taken as written', () => {
    const xml =
      '<rss><channel><item><title>Tom &amp; Jerry&#8217;s &amp;#8217;</title><content:encoded><![CDATA[<p>a &amp;lt;b&amp;gt; c.</p>]]></content:encoded><wp:post_id>1</wp:post_id></item></channel></rss>';
    const article = readWordpressExport(xml, 'e.xml').items[0]!.article!;
    expect(article.title).toBe('Tom & Jerry’s &#8217;');
    expect(blockLines(article.blocks)).toEqual(['a &lt;b&gt; c.']);
  });

  test('wpautop paragraphs and [caption] shortcodes become HTML', () => {
    expect(wordpressHtml('one\nline\n\ntwo').html).toBe('<p>one<br>line</p>\n<p>two</p>');
    expect(wordpressHtml('[caption id="x"]<img src="a.jpg"> Cap[/caption]').html).toBe('<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>');
  });
});

test('the format of a file is read from its extension', () => {
  expect(['a.txt', 'b.md', 'c.MARKDOWN', 'd.html', 'e.htm', 'f.xml', 'g'].map(formatOfFile)).toEqual([
    'text',
    'markdown',
    'markdown',
    'html',
    'html',
    'wordpress',
    'text',
  ]);
});
