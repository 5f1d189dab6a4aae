import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { HEADLINE_ARABIC_RANGES, HEADLINE_PERSIAN_URDU_RANGES, unicodeRange } from '../../tools/fonts/font-ranges.ts';

const require = createRequire(import.meta.url);

const fontsCss = readFileSync(new URL('../../src/styles/fonts.css', import.meta.url), 'utf8');

/** The bodies of the @font-face rules for `family`, in order. */
function fontFaces(family: string): string[] {
  const rules = fontsCss.split('@font-face').filter((block) => block.includes(`font-family: '${family}'`));
  if (rules.length === 0) throw new Error(`src/styles/fonts.css has no @font-face for '${family}'`);
  // A long unicode-range is wrapped by the formatter: its value is read without the white space.
  return rules.map((rule) =>
    rule
      .slice(0, rule.indexOf('}'))
      .replace(/unicode-range:\s*([^;]+);/g, (_, value: string) => `unicode-range: ${value.replace(/\s+/g, '').split(',').join(', ')};`),
  );
}
const fontFace = (family: string) => fontFaces(family)[0]!;

/** Characters of `text` the font file lacks (a one-character subset is no larger than an empty one). */
async function missingCharacters(file: string, text: string): Promise<string[]> {
  const font = readFileSync(file);
  const empty = (await subsetFont(font, ' ', { targetFormat: 'truetype' })).length;
  const missing: string[] = [];
  for (const character of new Set(text)) {
    if ((await subsetFont(font, ` ${character}`, { targetFormat: 'truetype' })).length <= empty) missing.push(character);
  }
  return missing;
}

const PERSIAN_LETTERS = 'ءآأؤئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیۀ\u0654۰۱۲۳۴۵۶۷۸۹\u200c';
const URDU_LETTERS = 'ءآأؤئابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۓ۔۰۱۲۳۴۵۶۷۸۹';
const HEBREW_LETTERS = 'אבגדהוזחטיךכלםמןנסעףפץצקרשת\u05b0\u05b4\u05b7\u05b8\u05bc\u05c1\u05c2׳״\u05be';

describe('self-hosted faces', () => {
  test('the headline face declares exactly the characters tools/fonts/subset-fonts.ts keeps', () => {
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
        const [first, last = first] = part
          .trim()
          .slice(2)
          .split('-')
          .map((hex) => parseInt(hex, 16));
        return code >= first! && code <= last!;
      });
    expect(covers(0x41)).toBe(true);
    for (const code of [0x20, 0x200c, 0x200d, 0x200e, 0x200f, 0x0627]) expect(covers(code), code.toString(16)).toBe(false);
  });

  test('the Persian and Urdu headline cut declares exactly its characters, under the same family, after the Arabic one', () => {
    const [arabic, persianUrdu] = fontFaces('Arshif Kufi Arabic');
    expect(arabic).toContain('arshif-kufi-arabic-700.woff2');
    expect(persianUrdu).toContain('arshif-kufi-persian-urdu-700.woff2');
    expect(persianUrdu).toContain(`unicode-range: ${unicodeRange(HEADLINE_PERSIAN_URDU_RANGES)};`);
    const bytes = statSync(new URL('../../src/assets/fonts/arshif-kufi-persian-urdu-700.woff2', import.meta.url)).size;
    expect(bytes).toBeLessThan(6_144);
  });

  test('every letter and digit of Persian, Urdu and Hebrew is in a bundled face (body and headline)', async () => {
    const naskh = require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2');
    const kufi = fileURLToPath(new URL('../../src/assets/fonts/arshif-kufi-arabic-700.woff2', import.meta.url));
    const kufiPersianUrdu = fileURLToPath(new URL('../../src/assets/fonts/arshif-kufi-persian-urdu-700.woff2', import.meta.url));
    // The check can fail: Naskh has no Hebrew.
    expect(await missingCharacters(naskh, 'אב')).toEqual(['א', 'ב']);
    expect(await missingCharacters(naskh, PERSIAN_LETTERS + URDU_LETTERS)).toEqual([]);
    // A headline letter is in one of the two Kufi cuts.
    const kufiMissing = await missingCharacters(kufi, (PERSIAN_LETTERS + URDU_LETTERS).replace(/[\u200c]/g, ''));
    expect(await missingCharacters(kufiPersianUrdu, kufiMissing.join(''))).toEqual([]);
    for (const weight of [400, 700]) {
      const frank = require.resolve(`@fontsource/frank-ruhl-libre/files/frank-ruhl-libre-hebrew-${weight}-normal.woff2`);
      expect(await missingCharacters(frank, HEBREW_LETTERS), `Frank Ruhl Libre ${weight}`).toEqual([]);
      expect(statSync(frank).size).toBeLessThan(8_192);
    }
    const hebrew = fontFaces('Frank Ruhl Libre');
    expect(hebrew).toHaveLength(2);
    for (const rule of hebrew) expect(rule).toContain('unicode-range: U+0307-0308, U+0590-05FF');
  }, 60_000);
});
