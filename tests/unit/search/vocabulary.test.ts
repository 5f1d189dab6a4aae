import { describe, expect, test } from 'vitest';
import { extractIndexedText } from '../../../src/search/indexed-text.ts';
import { buildVocabularyShards, countArabicScriptWords, MAX_FORMS_PER_KEY, shardIdForKey } from '../../../src/search/vocabulary.ts';

describe('the text Pagefind indexes', () => {
  test('only inside data-pagefind-body, never inside data-pagefind-ignore, with the page language', () => {
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان الصفحة</title></head><body>
      <nav>القائمة</nav>
      <article data-pagefind-body><h1>أذربيجان</h1><div data-pagefind-ignore>٢٠ سبتمبر</div><p>قالت &amp; أكدت &#1604;روسيا</p></article>
      </body></html>`;
    const page = extractIndexedText(html)!;
    expect(page.language).toBe('ar');
    expect(page.text).toContain('أذربيجان');
    expect(page.text).toContain('قالت & أكدت لروسيا');
    expect(page.text).not.toContain('القائمة');
    expect(page.text).not.toContain('سبتمبر');
  });

  test('tags are words of the page: attribute values Pagefind indexes (data-pagefind-index-attrs)', () => {
    const html = `<html lang="ar"><body><article data-pagefind-body><h1>زلزال</h1>
      <span hidden data-tags="زلازل ، تركيا" data-pagefind-index-attrs="data-tags"></span></article>
      <span data-tags="خارج" data-pagefind-index-attrs="data-tags"></span></body></html>`;
    const page = extractIndexedText(html)!;
    expect(page.text).toContain('زلازل ، تركيا');
    expect(page.text).not.toContain('خارج');
  });

  test('pages without data-pagefind-body are skipped', () => {
    expect(extractIndexedText('<html lang="ar"><body><p>نص</p></body></html>')).toBeNull();
  });
});

describe('vocabulary shards', () => {
  test('each form is filed under all of its keys, most frequent first', () => {
    const counts = countArabicScriptWords(['لروسيا لروسيا روسيا وروسيا Moscow']);
    expect(counts.get('Moscow')).toBeUndefined();
    const shards = buildVocabularyShards(counts);
    expect(shards.get(shardIdForKey('روسيا'))!.روسيا).toEqual(['لروسيا', 'روسيا', 'وروسيا']);
    expect(shards.get(shardIdForKey('لروسيا'))!.لروسيا).toEqual(['لروسيا']);
  });

  test('shard file names are ASCII', () => {
    expect(shardIdForKey('روسيا')).toBe('0631-0648');
  });

  test('a key keeps at most MAX_FORMS_PER_KEY forms', () => {
    const prefixes = ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'بال', 'لل', 'فال', 'كال', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'وبال', 'ولل'];
    const shards = buildVocabularyShards(countArabicScriptWords([prefixes.map((p) => `${p}مدارس`).join(' ')]));
    expect(shards.get(shardIdForKey('مدارس'))!.مدارس!.length).toBe(MAX_FORMS_PER_KEY);
  });
});
