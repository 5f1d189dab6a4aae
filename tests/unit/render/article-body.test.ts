import { describe, expect, test } from 'vitest';
import { findCodeInBody, renderArticleBody } from '../../../src/article/body.ts';
import { escapeMdxText } from '../../../tools/import/escape-mdx.ts';

describe('article bodies', () => {
  test('escaped text renders as the characters written; headings get ids that never take the page’s own', () => {
    const text = '{process.exit(1)} <script>alert(1)</script> & *not emphasis* [no link](x) # | ~';
    const { html, headings } = renderArticleBody(`${escapeMdxText(text)}\n\n## main\n\n## toc-title\n\n## قره باغ\n`);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('<a ');
    expect(html).toContain('{process.exit(1)} &lt;script&gt;alert(1)&lt;/script&gt; &amp; *not emphasis* [no link](x) # | ~');
    expect(headings.map((heading) => heading.slug)).toEqual(['main-1', 'toc-title-1', 'قره-باغ']);
  });

  test('heading ids leave out vowel marks and points but keep every letter', () => {
    const { headings } = renderArticleBody('## الحَرْبُ في أذربيجان\n\n## שָׁלוֹם\n');
    expect(headings.map((heading) => heading.slug)).toEqual(['الحرب-في-أذربيجان', 'שלום']);
    expect(headings[0]!.text).toBe('الحَرْبُ في أذربيجان');
  });

  test('code in a body is found with its line; text that is only data passes', () => {
    expect(findCodeInBody('a\n\nimport fs from "node:fs"\n')).toEqual({ line: 3, what: 'an import or export statement' });
    expect(findCodeInBody('a {1 + 1} b')).toMatchObject({ line: 1, what: 'a {…} expression' });
    expect(findCodeInBody('a\n\n<img src=x onerror=alert(1)>\n')).toMatchObject({ line: 3 });
    expect(findCodeInBody('a { never closed')?.what).toContain('cannot read as plain text');
    expect(findCodeInBody(escapeMdxText('{x} <b> import y'))).toBeNull();
    expect(findCodeInBody('plain text, الأرشيف، 2023.')).toBeNull();
  });
});

describe('cost does not depend on which characters a text uses', () => {
  test('a megabyte of Markdown syntax characters, escaped by the importer, renders as text within the default test timeout', () => {
    const symbols = '{}<>&*_[]#|~`\\$^';
    const line = Array.from({ length: 1_000_000 }, (_, index) => symbols[(index * 7) % symbols.length]).join('');
    const { html } = renderArticleBody(escapeMdxText(line));
    // Numeric references made this quadratic (1 MB: 35 s); backslash escapes keep it linear.
    expect(html.length).toBeGreaterThan(line.length);
    expect(html).not.toMatch(/<(?!\/?p>)/);
  });
});

describe('bare addresses are shown as written', () => {
  test('a bare URL, www address or e-mail holding characters the importer escapes renders without the escapes', () => {
    // GFM links bare addresses from the raw Markdown, backslashes included: code\_of\_conduct showed its backslashes
    // and the importer refused the page (found importing the Debian Handbook).
    const text = 'Read https://www.debian.org/code_of_conduct. or www.example.org/a_b*c~d, write to first_last@example.org, see https://x.org/a\\_b';
    const { html } = renderArticleBody(escapeMdxText(text));
    expect(html).toBe(`<p>${text.replace(/&/g, '&amp;')}</p>\n`);
  });
});
