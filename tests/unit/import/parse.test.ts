import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isSubheading, parseArticleText } from '../../../tools/import/parse.ts';

const seed = readFileSync(new URL('../../fixtures/seed/000_2807e117feb6745e.txt', import.meta.url), 'utf8');

describe('parsing the seed format', () => {
  test('the seed: a title, 11 paragraphs and its 3 subheadings, in order', () => {
    const article = parseArticleText(seed, 'seed.txt');
    expect(article.title).toBe('أذربيجان توقف الهجوم على المقاطعة المتنازع عليها في قره باغ');
    expect(article.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual([
      'محاولة الوصول إلى اتفاق بين البلدين',
      'الصراع بين أذربيجان وأرمينيا',
      'الهجوم الأذربيجاني يكشف ضعف نفوذ روسيا في المنطقة',
    ]);
    expect(article.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(11);
  });

  test('subheadings are short lines without closing punctuation', () => {
    expect(isSubheading('الصراع بين أذربيجان وأرمينيا')).toBe(true);
    expect(isSubheading('قال المتحدث إن الاتفاق صامد.')).toBe(false);
    expect(isSubheading('هل انتهت الحرب؟')).toBe(false);
    expect(isSubheading('قال ما يلي:')).toBe(false);
    expect(isSubheading('قال «انتهى الأمر.»')).toBe(false);
    expect(isSubheading('ق'.repeat(81))).toBe(false);
  });

  test('Urdu lines ending with the Urdu full stop ۔, and lines ending with ؛ or ⸮, are paragraphs', () => {
    for (const line of ['حکومت نے نئی پالیسی کا اعلان کیا۔', 'وقال إن المفاوضات مستمرة؛', 'أهذا ما تريدون⸮', 'کیا یہ ممکن ہے؟'])
      expect(isSubheading(line), line).toBe(false);
    const article = parseArticleText('وزیر اعظم کا دورہ\nوزیر اعظم نے اجلاس کی صدارت کی۔\nانہوں نے کہا کہ حکومت پرعزم ہے۔\n', 'ur.txt');
    expect(article.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
  });

  test('a front block overrides detection; every line after it is body', () => {
    const article = parseArticleText('---\ntitle: "عنوان: مع نقطتين"\ndate: 2021-05-04\ntags: [أ, ب]\n---\nالسطر الأول فقرة.\n', 'f.txt');
    expect(article.front).toEqual({ title: 'عنوان: مع نقطتين', date: '2021-05-04', tags: ['أ', 'ب'] });
    expect(article.title).toBe('عنوان: مع نقطتين');
    expect(article.blocks).toEqual([{ kind: 'paragraph', text: 'السطر الأول فقرة.', line: 6 }]);
  });

  test('front-block errors name the file, the line and the field', () => {
    expect(() => parseArticleText('---\ntitle: t\ncolour: red\n---\nفقرة.\n', 'f.txt')).toThrow(
      'f.txt:3: has an unknown front-block field "colour". Use only title, date, tags, slug, lang, translationOf, source, author.',
    );
    expect(() => parseArticleText('---\ntitle: t\n', 'f.txt')).toThrow(/^f\.txt:1: opens a front block/);
    expect(() => parseArticleText('---\ntitle: [unclosed\n---\nفقرة.\n', 'f.txt')).toThrow(/^f\.txt:\d+: has a front block that is not valid YAML/);
  });

  test('a file with no paragraph, or no text, is refused', () => {
    expect(() => parseArticleText('Only a title\n', 't.txt')).toThrow(/^t\.txt:1: has a title but no paragraph/);
    expect(() => parseArticleText('\n\n', 'e.txt')).toThrow(/e\.txt: has no text/);
  });

  test('a line over the limit is refused with its number', () => {
    expect(() => parseArticleText(`title\n${'ا'.repeat(101)}\n`, 'l.txt', { maxLineLength: 100 })).toThrow(
      /^l\.txt:2: has a line of 101 characters \(the limit is 100\)/,
    );
  });
});
