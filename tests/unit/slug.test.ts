import { describe, expect, test } from 'vitest';
import { isValidSlug, slugCandidates, slugFromText } from '../../tools/import/slug.ts';

describe('slugs', () => {
  test('ASCII, transliterated from Arabic, stable', () => {
    const slug = slugFromText('أذربيجان توقف الهجوم على المقاطعة');
    expect(slug).toBe('adhrbyjan-twqf-alhjwm-ela-almqatet');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    expect(slugFromText('أذربيجان توقف الهجوم على المقاطعة')).toBe(slug);
  });

  test('English titles and file names', () => {
    expect(slugFromText('Azerbaijan halts its offensive!')).toBe('azerbaijan-halts-its-offensive');
    expect(slugFromText('000_2807e117feb6745e')).toBe('000-2807e117feb6745e');
  });

  test('long titles are cut at a word boundary', () => {
    const slug = slugFromText('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.length).toBeGreaterThan(50);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugFromText('word '.repeat(40), 80).length).toBeGreaterThan(60);
  });

  test('hand-written slugs must be URL-safe', () => {
    expect(isValidSlug('azerbaijan-halts')).toBe(true);
    expect(isValidSlug('Azerbaijan')).toBe(false);
    expect(isValidSlug('../etc')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
  });

  test('collisions get numbered suffixes', () => {
    expect(slugCandidates('a', 3)).toEqual(['a', 'a-2', 'a-3']);
  });
});
