import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HEADLINE_ARABIC_RANGES, unicodeRange } from '../../src/lib/font-ranges.ts';

const fontsCss = readFileSync(new URL('../../src/styles/fonts.css', import.meta.url), 'utf8');

/** The body of the @font-face rule for `family`. */
function fontFace(family: string): string {
  const rule = fontsCss.split('@font-face').find((block) => block.includes(`font-family: '${family}'`));
  if (!rule) throw new Error(`src/styles/fonts.css has no @font-face for '${family}'`);
  return rule.slice(0, rule.indexOf('}'));
}

describe('self-hosted faces', () => {
  test('the headline face declares exactly the characters scripts/subset-fonts.ts keeps', () => {
    expect(fontFace('Arshif Kufi Arabic')).toContain(`unicode-range: ${unicodeRange(HEADLINE_ARABIC_RANGES)};`);
    expect(fontFace('Arshif Kufi Arabic')).toContain('font-weight: 700;');
  });

  test('the headline subset stays small: the article page has an 80 KB font budget', () => {
    const bytes = statSync(new URL('../../src/assets/fonts/arshif-kufi-arabic-700.woff2', import.meta.url)).size;
    expect(bytes).toBeGreaterThan(2_000);
    expect(bytes).toBeLessThan(10_240);
  });

  test('Latin inside Arabic is scaled, and never takes the space or the joining controls from the Arabic run', () => {
    const latin = fontFace('Arshif Latin in Arabic');
    expect(latin).toMatch(/size-adjust: \d+%;/);
    const range = /unicode-range: ([^;]+);/.exec(latin)![1]!;
    const covers = (code: number) =>
      range.split(',').some((part) => {
        const [first, last = first] = part.trim().slice(2).split('-').map((hex) => parseInt(hex, 16));
        return code >= first! && code <= last!;
      });
    expect(covers(0x41)).toBe(true);
    for (const code of [0x20, 0x200c, 0x200d, 0x200e, 0x200f, 0x0627]) expect(covers(code), code.toString(16)).toBe(false);
  });
});
