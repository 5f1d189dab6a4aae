/**
 * The characters the headline face (a subset of Noto Kufi Arabic Bold, made by
 * tools/fonts/subset-fonts.ts) holds, as inclusive code point ranges. The same
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

/**
 * The Persian and Urdu letters, marks and digits of the same headline face,
 * cut into a file of their own (tools/fonts/subset-fonts.ts) so an Arabic page
 * never downloads it: its @font-face shares the family name and lists only
 * these, and a browser fetches a face only for characters the page uses.
 */
export const HEADLINE_PERSIAN_URDU_RANGES: readonly (readonly [number, number])[] = [
  [0x0653, 0x0655], // maddah, hamza above (Persian ezafe «هٔ»), hamza below
  [0x0679, 0x0679], // ٹ tteh (Urdu)
  [0x067e, 0x067e], // پ peh
  [0x0686, 0x0686], // چ tcheh
  [0x0688, 0x0688], // ڈ ddal (Urdu)
  [0x0691, 0x0691], // ڑ rreh (Urdu)
  [0x0698, 0x0698], // ژ jeh
  [0x06a9, 0x06a9], // ک keheh
  [0x06af, 0x06af], // گ gaf
  [0x06ba, 0x06ba], // ں noon ghunna (Urdu)
  [0x06be, 0x06be], // ھ heh doachashmee (Urdu aspirates)
  [0x06c0, 0x06c3], // ۀ heh with yeh, ہ heh goal, ۂ, ۃ (Urdu)
  [0x06cc, 0x06cc], // ی Farsi yeh
  [0x06d2, 0x06d4], // ے yeh barree, ۓ, ۔ Urdu full stop
  [0x06f0, 0x06f9], // Extended Arabic-Indic digits ۰–۹
];

/** `U+0621-063A, …`, for a @font-face unicode-range. */
export function unicodeRange(ranges: readonly (readonly [number, number])[]): string {
  const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
  return ranges.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`)).join(', ');
}
