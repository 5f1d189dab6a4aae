import { describe, expect, test } from 'vitest';
import { escapeMdxText, unescapeMdxText } from '../../../tools/import/escape-mdx.ts';

const hostile = [
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  '{globalThis.x = 1}',
  "import fs from 'node:fs'",
  'export const a = 1',
  '<img src=x onerror=alert(1)>',
  '# heading',
  '> quote',
  '- item',
  '+ item',
  '1. item',
  '2) item',
  '---',
  '===',
  '*b* _i_ [l](u) `c` | t | ~~s~~ \\ &amp; &#123;',
];

describe('escaping text for MDX', () => {
  test('no MDX or Markdown syntax character survives unescaped', () => {
    for (const line of hostile) {
      const escaped = escapeMdxText(line);
      // What is left once our own escapes (\x) and references (&#n;) are taken out.
      const bare = escaped.replace(/\\[\s\S]|&#\d+;/g, '');
      expect(bare, line).not.toMatch(/[{}<>*_`[\]|\\~#&]/);
      expect(escaped, line).not.toMatch(/^(import|export)\b/);
      expect(escaped, line).not.toMatch(/^[>+\-=]/);
      expect(escaped, line).not.toMatch(/^\d+[.)]/);
    }
  });

  test('round-trips to the exact text', () => {
    for (const line of [...hostile, 'نص عربي، مع «علامات» و٢٠٢٣.', 'a\u00A0b\u200Cc']) {
      expect(unescapeMdxText(escapeMdxText(line))).toBe(line);
    }
  });

  test('ordinary prose stays readable', () => {
    expect(escapeMdxText('قالت الحكومة إنها وافقت على وقف إطلاق النار.')).toBe('قالت الحكومة إنها وافقت على وقف إطلاق النار.');
    expect(escapeMdxText("Azerbaijan's forces (2023).")).toBe("Azerbaijan's forces (2023).");
  });
});
