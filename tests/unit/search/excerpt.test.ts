import { describe, expect, test } from 'vitest';
import { buildExcerpt, ELLIPSIS, EXCERPT_WORDS } from '../../../src/search/excerpt.ts';

const words = (count: number, from = 1) => Array.from({ length: count }, (_, index) => `w${from + index}`).join(' ');
const text = (parts: ReturnType<typeof buildExcerpt>) => parts.map((part) => part.text).join('');
const marked = (parts: ReturnType<typeof buildExcerpt>) => parts.filter((part) => part.marked).map((part) => part.text);

describe('search result excerpts', () => {
  test('do not repeat the title (Pagefind ends it with a full stop)', () => {
    const parts = buildExcerpt('سورة الفيل. ألم تر كيف فعل ربك بأصحاب الفيل.', 'سورة الفيل', (core) => core === 'الفيل');
    expect(text(parts).startsWith('ألم تر')).toBe(true);
  });

  test('skip the tags that come before the title as well', () => {
    const parts = buildExcerpt('مكية سورة الفيل. ألم تر', 'سورة الفيل', () => false);
    expect(text(parts)).toBe('ألم تر');
  });

  test('end cut text with …, at either end', () => {
    const content = `Title. ${words(100)}`;
    const parts = buildExcerpt(content, 'Title', (core) => core === 'w50');
    expect(text(parts).startsWith(`${ELLIPSIS} `)).toBe(true);
    expect(text(parts).endsWith(` ${ELLIPSIS}`)).toBe(true);
    expect(
      text(parts)
        .split(' ')
        .filter((word) => word !== ELLIPSIS),
    ).toHaveLength(EXCERPT_WORDS);
    expect(marked(parts)).toEqual(['w50']);
  });

  test('a text that fits is shown whole, without …', () => {
    const parts = buildExcerpt(`Title. ${words(10)}`, 'Title', () => false);
    expect(text(parts)).toBe(words(10));
  });

  test('mark the word, not the punctuation around it', () => {
    const parts = buildExcerpt('T. قال: «الوزارة»، ثم (الوزارة).', 'T', (core) => core === 'الوزارة');
    expect(marked(parts)).toEqual(['الوزارة', 'الوزارة']);
    expect(text(parts)).toBe('قال: «الوزارة»، ثم (الوزارة).');
  });

  test('the match is passed its word index, as Pagefind counts locations', () => {
    const seen: number[] = [];
    buildExcerpt('Title. a b c', 'Title', (_core, index) => {
      seen.push(index);
      return false;
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});
