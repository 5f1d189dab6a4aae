import { describe, expect, test } from 'vitest';
import { blockImages, blockLines, type Block } from '../../../tools/import/model.ts';
import { readHtml } from '../../../tools/import/readers/html.ts';
import { readMarkdown } from '../../../tools/import/readers/markdown.ts';
import { readText } from '../../../tools/import/readers/text.ts';
import { checkExample, commonMarkExamples } from '../../../tools/conformance/commonmark.ts';
import { markdownShownText, runDomPurifySuite, domPurifyVectors, shownText } from '../../../tools/conformance/dompurify.ts';
import { readWordpressExport } from '../../../tools/import/readers/wordpress.ts';
import { PATHOLOGICAL_INPUTS } from '../../../tools/conformance/pathological.ts';
import { importRead } from '../../../tools/conformance/pipeline.ts';

const md = (body: string) => readMarkdown(`---\ntitle: T\n---\n\n${body}`, 'a.md');
/** The article as the importer writes and the site renders it. */
const rendered = (read: () => ReturnType<typeof readMarkdown>) => {
  const result = importRead(read);
  if (!result.ok) throw new Error(result.reason);
  return result;
};
const lines = (blocks: readonly Block[]) => blockLines(blocks).join('\n');

describe('content never vanishes silently', () => {
  test('a photograph inside a link, a list item, a table cell or a heading keeps its caption', () => {
    const read = md(
      '[![Alt](a.jpg "In a link")](https://e.com)\n\n- item ![x](b.jpg "In an item")\n\n| h |\n| - |\n| ![y](c.jpg "In a cell") |\n\n## Head ![z](d.jpg "In a heading")\n',
    );
    expect(blockImages(read.blocks).map((image) => image.caption)).toEqual(['In a link', 'In an item', 'In a cell', 'In a heading']);
    expect(read.warnings.join()).toMatch(/inside a link/);
  });
  test('a reference image (`![alt][ref]`) and a collapsed one (`![ref][]`) keep image and caption', () => {
    const read = md('![alt][ref]\n\n![ref][]\n\nText.\n\n[ref]: b.jpg "Ref caption"\n');
    expect(blockImages(read.blocks).map((image) => [image.src, image.caption])).toEqual([
      ['b.jpg', 'Ref caption'],
      ['b.jpg', 'Ref caption'],
    ]);
  });
  test("the article's <header><h1> is the title, not <title>'s site name; standfirst and byline kept", () => {
    const read = readHtml(
      '<html><head><title>Site | Name</title></head><body><article><header><h1>Real title</h1><p>The standfirst.</p><p>By Ali</p></header><p>Body.</p></article></body></html>',
      'a.html',
    );
    expect(read.title).toBe('Real title');
    expect(lines(read.blocks)).toBe('The standfirst.\nBy Ali\nBody.');
  });
  test('10<sup>6</sup> never reads 106; struck text stays struck; <details><summary> do not run together', () => {
    const read = readHtml(
      '<article><h1>T</h1><p>10<sup>6</sup> and H<sub>2</sub>O, <del>old</del> <s>gone</s>, 1<sup>st</sup>.</p><details><summary>More</summary><p>Hidden.</p></details></article>',
      'a.html',
    );
    expect(lines(read.blocks)).toBe('10⁶ and H₂O, old gone, 1st.\nMore\nHidden.');
    expect(read.warnings.join()).toMatch(/superscript or subscript/);
    expect(rendered(() => read).html).toContain('<del>old</del> <del>gone</del>');
  });
  test('a file that is only a list, a quotation or a subheading is an article, not "no paragraph"', () => {
    for (const body of ['- one\n- two\n', '> quoted\n', '## A subheading\n']) expect(lines(md(body).blocks)).not.toBe('');
    expect(() => md('[ref]: https://e.com\n')).toThrow(/no text under it/);
  });
});

describe('HTML comments are never published', () => {
  test('a comment block, an inline comment and one cut short are left out of a Markdown article', () => {
    const read = md('Para.\n\n<!-- EDITOR NOTE: source is X -->\n\nMore <!-- inline note --> text.\n\n<!-- never closed\nstill the note\n');
    expect(lines(read.blocks)).toBe('Para.\nMore  text.');
  });
  test('a plain-text article leaves them out too, with a warning naming their lines; its line numbers stay the file’s', () => {
    const read = readText('A title\n\nFirst <!-- inline note --> paragraph.\n\n<!-- EDITOR NOTE:\nsource is X -->\n\nLast paragraph.\n', 'a.txt');
    expect(lines(read.blocks)).toBe('First  paragraph.\nLast paragraph.');
    expect((read.blocks.at(-1) as { line?: number } | undefined)?.line).toBe(8);
    expect(read.warnings).toContain("2 HTML comments (lines 3, 5) left out: a comment is an editor's note, never published in any format");
    // A comment alone on a short line is no subheading either.
    expect(readText('T\n\n<!-- note -->\n\nText.\n', 't.txt').blocks.map((block) => block.type)).toEqual(['paragraph']);
  });
  test('the HTML reader drops them too', () => {
    expect(lines(readHtml('<article><h1>T</h1><p>A<!-- note -->B</p></article>', 'a.html').blocks)).toBe('AB');
  });
});

describe('cost is bounded before parsing', () => {
  test('50,000 nested `> ` is refused naming the file and line, with no stack overflow', () => {
    // Over the default line length too: the nesting is refused even with that limit raised.
    expect(() => readMarkdown(`# T\n\n${'> '.repeat(50000)}a\n`, 'a.md', { maxLineLength: 200_000 })).toThrow(
      /^a\.md:3: nests lists or quotations 50,000 deep \(the limit is 32\)/,
    );
  });
  test('an indented list 1,000 deep and a 33-deep list of `- ` markers are refused; 10 deep is read', () => {
    expect(() => md(Array.from({ length: 1000 }, (_, x) => `${'  '.repeat(x)}* a\n`).join(''))).toThrow(/nests lists or quotations 33 deep/);
    expect(() => md(`${'- '.repeat(33)}x\n`)).toThrow(/33 deep/);
    expect(lines(md(Array.from({ length: 10 }, (_, x) => `${'  '.repeat(x)}- level ${x}\n`).join('')).blocks)).toContain('level 9');
  });
  test('a thematic break of many stars is not nesting', () => {
    expect(lines(md(`Text.\n\n${'* '.repeat(40)}\n\nMore.\n`).blocks)).toBe('Text.\nMore.');
  });
  test("each of markdown-it's pathological inputs finishes in under 2 s, imported or refused with a reason", () => {
    for (const input of PATHOLOGICAL_INPUTS) {
      const start = performance.now();
      let outcome = 'read';
      try {
        md(input.make());
      } catch (error) {
        outcome = (error as Error).name;
      }
      expect({ name: input.name, outcome, fast: performance.now() - start < 2000 }).toEqual({
        name: input.name,
        outcome: expect.stringMatching(/^(read|ImportError)$/),
        fast: true,
      });
    }
  }, 120_000);
});

describe('ordinary inputs are not refused as a writer bug', () => {
  test.each([
    ['a bracketed URL in plain text', 'See [https://example.com/page] now.', 'See [https://example.com/page] now.'],
    ['<a href> in Markdown', 'Link <a href="https://example.com/x">here</a>.', 'Link <a href="https://example.com/x">here</a>.'],
    ['<iframe src> in Markdown', '<iframe src="https://example.com/e"></iframe> after', '<iframe src="https://example.com/e"></iframe> after'],
    ['a URL followed by <', 'Go to https://example.com/a<b and more.', 'Go to https://example.com/a<b and more.'],
    ['a URL ending in escaped punctuation', 'See https://e.com/snake_case_ and www.e.com/a*.', 'See https://e.com/snake_case_ and www.e.com/a*.'],
  ])('%s', (_, body, shown) => {
    const result = rendered(() => md(`${body}\n`));
    expect(
      result.html
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .trim(),
    ).toBe(shown);
  });
});

describe('CommonMark structures the reader used to drop or glue', () => {
  test('a code block in a list item is apart from the item («Run this npm install», not «Run thisnpm install»); the list goes on', () => {
    const result = rendered(() => md('1. Run this\n\n       npm install\n\n2. Then that\n'));
    expect(result.html).toMatch(/<li>Run this<\/li>\n<\/ol>\n<p>npm install<\/p>\n<ol start="2">\n<li>Then that<\/li>/);
  });
  test('a quotation and a table inside a list item are kept', () => {
    const read = md('- a\n\n  > quoted\n\n  | h |\n  | - |\n  | cell |\n- b\n');
    expect(read.blocks.map((block) => block.type)).toEqual(['list', 'blockquote', 'table', 'list']);
  });
  test('two adjacent lists stay two lists; `*_foo_*` stays emphasis in emphasis, not strong', () => {
    expect(rendered(() => md('- a\n- b\n\n<!-- -->\n\n- c\n\n1. x\n\n<!-- -->\n\n1. y\n')).html.match(/<[uo]l/g)).toEqual(['<ul', '<ul', '<ol', '<ol']);
    expect(rendered(() => md('*_foo_* and _*bar*_\n')).html).toBe('<p><em><em>foo</em></em> and <em><em>bar</em></em></p>\n');
  });
});

describe('an unclosed form, button, math or noscript never drops the rest of an HTML article', () => {
  test.each([
    ['form', '<form><input name=q><p>Two.</p>'],
    ['button', '<button><p>Two.</p>'],
    ['math', '<math><mi>x</mi><p>Two.</p>'],
    ['noscript', '<noscript><p>Two.</p>'],
    ['form inside a div', '<div><form action="https://e.com"><label>Two.</label>'],
  ])('%s', (_, vector) => {
    expect(lines(readHtml(`<article><h1>Form test</h1><p>One.</p>${vector}</article>`, 'a.html').blocks)).toMatch(/^One\.\n(?:x\n)?Two\.$/);
  });
  test('the text inside a closed form is kept', () => {
    expect(lines(readHtml('<article><h1>T</h1><form><p>Inside.</p></form><p>After.</p></article>', 'a.html').blocks)).toBe('Inside.\nAfter.');
  });
});

describe('conformance samples (the full suites: node tools/conformance/commonmark.ts, dompurify.ts)', () => {
  test('40 CommonMark examples, spread over the spec, each pass as written or through a stated reduction', () => {
    const examples = commonMarkExamples();
    expect(examples).toHaveLength(652);
    const sample = examples.filter((_, index) => index % 16 === 0).slice(0, 40);
    expect(sample).toHaveLength(40);
    const failed = sample.map((example) => ({ example: example.example, result: checkExample(example) })).filter(({ result }) => !result.passed);
    expect(failed).toEqual([]);
  });
  test('40 DOMPurify vectors: no markup outside the allowlist, no code in the MDX, no text lost', async () => {
    const vectors = domPurifyVectors();
    expect(vectors).toHaveLength(223);
    const sample = vectors.slice(0, 13).concat(vectors.slice(47, 71), vectors.slice(92, 95));
    const report = await runDomPurifySuite(sample);
    expect(report.failures).toEqual([]);
    expect(report.total).toBe(80);
  });
  const page = (body: string) => `<html><body><article><h1>T</h1><p>Before.</p>${body}<p>After.</p></article></body></html>`;
  const htmlLines = (body: string) => blockLines(readHtml(page(body), 'a.html').blocks);
  test('an unclosed <b> before the next paragraphs (vectors 38, 39, 46) keeps them, in bold', () => {
    const vector38 = domPurifyVectors()[37]!.payload;
    expect(vector38).toMatch(/^<b><noscript>/);
    expect(htmlLines(vector38)).toEqual(['Before.', 'After.']);
    const read = rendered(() => readHtml(page('<b><noscript><!-- </noscript><img src=x onerror=alert(1) --></noscript>'), 'a.html'));
    expect(read.html).toMatch(/<p><strong>After\.<\/strong><\/p>/);
    expect(read.html).not.toMatch(/onerror|<img/);
  });
  test('variant: an unclosed <em> or a <span> around a list, a quotation and a table keeps every item, line and cell', () => {
    const content = 'Lead <ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote><table><tr><td>cell</td></tr></table>';
    expect(htmlLines(`<em>${content}`)).toEqual(htmlLines(content));
    expect(htmlLines(`<em>${content}`)).toEqual(expect.arrayContaining(['Lead', 'one', 'two', 'quoted', 'cell', 'After.']));
    expect(htmlLines('<span><p>in a span</p></span>')).toEqual(['Before.', 'in a span', 'After.']);
  });
  test("a form's label and button stay two words (vector 219: «Find a Movie Search», not «MovieSearch»)", () => {
    const vector219 = domPurifyVectors()[218]!.payload;
    expect(htmlLines(vector219).join(' ')).toMatch(/Find a Movie Search/);
  });
  test('variant: words around an input, a select and a textarea never run together', () => {
    expect(htmlLines('<p>Name<input name=n>Email<select><option>x</option></select>Phone<textarea>t</textarea>Done</p>')).toEqual([
      'Before.',
      'Name Email Phone Done',
      'After.',
    ]);
  });
  test('an unclosed <style> or <iframe> (vectors 43, 45) that takes the rest of the page is said in a warning, never silent', () => {
    for (const payload of [domPurifyVectors()[44]!.payload, domPurifyVectors()[42]!.payload]) {
      const read = readHtml(page(payload), 'a.html');
      expect(blockLines(read.blocks)).toEqual(['Before.']);
      expect(read.warnings.join('\n')).toMatch(/an unclosed <(style|iframe)> \(line 1\) takes the text after it.*a browser shows none of it either/);
    }
    expect(readHtml(page('<style>p{}</style>'), 'a.html').warnings).toEqual([]);
  });
  test('variant: an unclosed <aside> is warned (a browser would show it), and so is an unclosed <style> in a WordPress post', () => {
    const read = readHtml(page('<aside>Related'), 'a.html');
    expect(read.warnings.join()).toMatch(/an unclosed <aside> .* dropped with it: close it/);
    expect(read.warnings.join()).not.toMatch(/a browser shows none/);
    const wxr = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>Post</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date>2024-01-02 10:00:00</wp:post_date><content:encoded><![CDATA[<p>Kept.</p><style>p{}<p>Lost.</p>]]></content:encoded></item></channel></rss>`;
    const [item] = readWordpressExport(wxr, 'export.xml').items;
    expect(item?.article?.warnings.join()).toMatch(/an unclosed <style>/);
  });
  test('the check reads text as a browser shows it: across inline elements one word (vectors 14, 72, 91), blocks and boxes apart', () => {
    expect(shownText(page("123<a href=' javascript:alert(1)'>I am a dolphin!</a>"))).toBe('Before. 123I am a dolphin! After.');
    expect(shownText(page('<div>0<y>1</y></div><p>a<input>b<button>c</button></p>'))).toBe('Before. 01 a b c After.');
    expect(shownText(page('<style>x<p>gone</p>'))).toBe('Before.');
    expect(shownText(page('<xmp><b>as written</b></xmp>'))).toBe('Before. <b>as written</b> After.');
  });
  test('the Markdown check decodes character references outside raw HTML (vector 35), keeps raw HTML as written, drops comments', () => {
    expect(markdownShownText('<listing>&lt;img src=x&gt;<t t></listing>')).toBe('<listing> <img src=x><t t> </listing>');
    expect(markdownShownText('A &amp; B <!-- note --> <b title="&lt;">c</b>\n\n<div x>text\n\nAfter')).toBe('A & B <b title="&lt;"> c</b> <div x>text After');
  });
  test('the vectors that leave a shown-nothing element open pass through a counted reduction; the rest pass as they are', async () => {
    const vectors = domPurifyVectors();
    const report = await runDomPurifySuite([14, 35, 38, 43, 45, 56, 72, 91, 206, 213, 219].map((number) => vectors[number - 1]!));
    expect(report.failures).toEqual([]);
    expect(report.reductions).toBe(4);
    expect(report.figures['reduction: unshown-rest']).toBe(4);
  });
});
