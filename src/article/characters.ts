/**
 * Which characters an article's text may hold. Every text field ends up in
 * pages, feeds (XML 1.0) and meta tags, so what XML 1.0 cannot carry is never
 * stored; DEL and the C1 controls are refused with them (no text contains
 * them, and terminals read them as commands).
 */

/** C0 controls but tab, LF and CR; DEL; C1 controls; U+FFFE, U+FFFF; lone surrogates. */
export const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\p{Cs}]/u;

/** In a one-line field (title, byline, tag…), tab, line feed and carriage return are forbidden too. */
export const FORBIDDEN_IN_FIELD = /[\p{Cc}\uFFFE\uFFFF\p{Cs}]/u;

/** Bidi embedding, override and isolate controls: they reorder what is displayed. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const CHAR_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1a: 'substitute',
  0x1b: 'escape, which starts terminal escape sequences',
  0x1c: 'file separator',
  0x1d: 'group separator',
  0x1e: 'record separator',
  0x1f: 'unit separator',
  0x7f: 'delete',
  0x85: 'next line',
  0x9b: 'control sequence introducer',
  0xfffe: 'a noncharacter',
  0xffff: 'a noncharacter',
};

/** "U+001B (escape, …)", "U+0085 (next line)", "U+D800 (a lone surrogate)". */
export function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const name =
    CHAR_NAMES[code] ??
    (code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : code >= 0x80 && code <= 0x9f ? 'a C1 control' : code < 0x20 ? 'a control character' : undefined);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** Why a text field cannot be stored, or null: the first character XML 1.0 cannot carry, named, with its position. */
export function textProblem(value: string, oneLine = false): string | null {
  const match = (oneLine ? FORBIDDEN_IN_FIELD : FORBIDDEN_IN_TEXT).exec(value);
  if (!match) return null;
  const position = [...value.slice(0, match.index)].length + 1;
  return `contains ${describeChar(match[0])} at character ${position}, a control character that pages and feeds (XML 1.0) cannot carry`;
}

/** Controls that stand between words (tab, line breaks, form feed, vertical tab, NEL, the information separators): a space when removed, so words never join. */
const SEPARATING_CONTROLS = /[\t\n\v\f\r\u001C-\u001F\u0085]/;

export interface RepairedText {
  text: string;
  /** Each character removed or replaced, with how many times. */
  removed: Map<string, number>;
  /** Index (in UTF-16 units of the original) of the first one, or -1. */
  firstAt: number;
}

/**
 * Text without the characters `forbidden` matches, which no text shows: the
 * controls of old systems (U+001A from DOS, U+0085 from mainframes) and
 * noncharacters. One that separates words becomes a space; the others are
 * left out; a lone surrogate becomes U+FFFD (the replacement character).
 */
export function removeInvisible(text: string, forbidden: RegExp = FORBIDDEN_IN_TEXT): RepairedText {
  const removed = new Map<string, number>();
  let firstAt = -1;
  const all = new RegExp(forbidden.source, 'gu');
  const repaired = text.replace(all, (char, offset: number) => {
    removed.set(char, (removed.get(char) ?? 0) + 1);
    if (firstAt === -1) firstAt = offset;
    if (/\p{Cs}/u.test(char)) return '\uFFFD';
    return SEPARATING_CONTROLS.test(char) ? ' ' : '';
  });
  return { text: repaired, removed, firstAt };
}

/** «U+001A (substitute) ×2, U+0009 (tab) ×1»: what removeInvisible took out, for a warning. */
export function describeRemoved(removed: Map<string, number>): string {
  return [...removed].map(([char, count]) => `${describeChar(char)} ×${count}`).join(', ');
}
