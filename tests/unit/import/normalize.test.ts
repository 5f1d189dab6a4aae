import { describe, expect, test } from 'vitest';
import { normalizeArticleText } from '../../../tools/import/normalize.ts';

describe('normalizing decoded text', () => {
  test('CRLF and CR line endings become LF', () => {
    expect(normalizeArticleText('a\r\nb\rc\n').text).toBe('a\nb\nc\n');
  });

  test('presentation forms become base letters, with a note', () => {
    const result = normalizeArticleText('ﺃﺫﺭﺑﻴﺠﺎﻥ ﻻ');
    expect(result.text).toBe('أذربيجان لا');
    expect(result.notes).toEqual(['9 Arabic presentation form(s) normalized to base letters']);
  });

  test('bidi embeddings, overrides and isolates are removed with a warning; RLM stays', () => {
    const result = normalizeArticleText('a\u202Eb\u202C c\u2067d\u2069 e\u200F');
    expect(result.text).toBe('ab cd e\u200F');
    expect(result.warnings).toEqual(['removed 4 bidi embedding/override control(s) that would reorder the displayed text']);
  });

  test('diacritics, tatweel, ZWNJ and NBSP are kept as written', () => {
    const text = 'العَرَبِيَّةُ الـــدرس نصف\u200Cفاصلة\u00A0مسافة';
    expect(normalizeArticleText(text)).toEqual({ text, warnings: [], notes: [] });
  });
});
