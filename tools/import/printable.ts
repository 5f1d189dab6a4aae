/**
 * Characters never printed raw in a message, a summary or a recorded file
 * name: control characters (C0, DEL, C1 — terminal escape sequences start
 * with ESC or CSI), lone surrogates, U+FFFE/U+FFFF, bidi controls that would
 * reorder the line on screen, and line/paragraph separators.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

/** `\x1b`, `\u202e`: how an unprintable character is shown. */
function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text with every unprintable character written as an escape, so it cannot drive the terminal or break XML. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar);
}

/** True when printable() would change the text. */
export function hasUnprintable(text: string): boolean {
  UNPRINTABLE.lastIndex = 0;
  return new RegExp(UNPRINTABLE.source, 'u').test(text);
}
