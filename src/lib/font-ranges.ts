/**
 * The characters the headline face (a subset of Noto Kufi Arabic Bold, made by
 * scripts/subset-fonts.ts) holds, as inclusive code point ranges. The same
 * list gives its @font-face its unicode-range, so the browser asks the face
 * only for what it has and takes everything else from the body's Naskh.
 */
export const HEADLINE_ARABIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x0020], // space: word widths in the face's own proportions
  [0x060c, 0x060c], // ، comma
  [0x061b, 0x061b], // ؛ semicolon
  [0x061f, 0x061f], // ؟ question mark
  [0x0621, 0x063a], // hamza … ghain
  [0x0640, 0x0652], // tatweel, fa … ya, tanween and the short vowels
  [0x0660, 0x066c], // Arabic-Indic digits, percent, decimal and thousands separators
  [0x0670, 0x0671], // superscript alef, alef wasla
  [0x200c, 0x200d], // ZWNJ, ZWJ: joining as written
];

/** `U+0621-063A, …`, for a @font-face unicode-range. */
export function unicodeRange(ranges: readonly (readonly [number, number])[]): string {
  const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`)).join(', ');
}
