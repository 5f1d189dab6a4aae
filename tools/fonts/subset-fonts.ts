/**
 * node tools/fonts/subset-fonts.ts
 *
 * Writes src/assets/fonts/arshif-kufi-arabic-700.woff2: Noto Kufi Arabic Bold
 * (from @fontsource/noto-kufi-arabic, SIL Open Font License) cut down to the
 * letters, marks, digits and punctuation Arabic headlines use. Measured
 * against the 80 KB font budget of an article page, which the body's Naskh
 * (52.7 KB for its Arabic subset) already mostly spends: the whole Arabic
 * subset of a bold face costs 44–53 KB (Kufi 43.9, Sans 50.2, Naskh 700 53.0),
 * these characters alone 7.9 KB (Kufi), 10.8 KB (Sans) or 12.5 KB (Naskh 700).
 * Letters outside the set (Persian, Urdu, rare extensions) fall back to the
 * body's Naskh, so nothing ever shows as a missing glyph.
 * The output is committed; run this again after upgrading the package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { HEADLINE_ARABIC_RANGES, HEADLINE_PERSIAN_URDU_RANGES } from './font-ranges.ts';

const require = createRequire(import.meta.url);
const source = require.resolve('@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2');

// Arabic headlines, and the Persian and Urdu letters apart (an Arabic page never fetches them).
const cuts = [
  { ranges: HEADLINE_ARABIC_RANGES, target: new URL('../../src/assets/fonts/arshif-kufi-arabic-700.woff2', import.meta.url) },
  { ranges: HEADLINE_PERSIAN_URDU_RANGES, target: new URL('../../src/assets/fonts/arshif-kufi-persian-urdu-700.woff2', import.meta.url) },
];
for (const { ranges, target } of cuts) {
  const text = ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, offset) => String.fromCodePoint(first + offset))).join('');
  const subset = await subsetFont(readFileSync(source), text, { targetFormat: 'woff2' });
  writeFileSync(target, subset);
  console.log(`${target.pathname}: ${subset.length} bytes (from ${readFileSync(source).length})`);
}
