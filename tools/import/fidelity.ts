import { createHash } from 'node:crypto';

/**
 * One line of text as compared between source and built page: Unicode NFC,
 * runs of white space (including NBSP, which HTML may render either way) as
 * one space, no space at the ends. Nothing else is changed.
 */
export function normalizeLine(line: string): string {
  return line.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The article's text as lines — title, then each line of the body (model.ts blockLines) — normalized. */
export function normalizedLines(title: string, lines: readonly string[]): string[] {
  return [title, ...lines].map(normalizeLine).filter(Boolean);
}

/** sha256 of the normalized lines, one per line: the fingerprint verify recomputes from the page. */
export function textFingerprint(lines: readonly string[]): string {
  return `sha256:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

/** sha256 of a string, for detecting hand edits of a generated body. */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The first line where two texts differ, with both versions; null when equal. */
export function firstDifference(expected: readonly string[], actual: readonly string[]): { line: number; expected: string; actual: string } | null {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    if (expected[index] !== actual[index]) {
      return { line: index + 1, expected: expected[index] ?? '(nothing)', actual: actual[index] ?? '(nothing)' };
    }
  }
  return null;
}
