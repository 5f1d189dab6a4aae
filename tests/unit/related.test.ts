import { expect, test } from 'vitest';
import { relatedArticles, topicWords } from '../../src/site/related.ts';

test('related articles share tags first, then rare words of title and lead; never the article itself', () => {
  const related = relatedArticles([
    { tags: ['موانئ'], text: 'مرفأ بيروت يعود إلى العمل' },
    { tags: ['موانئ', 'بيروت'], text: 'رافعات المرفأ تعمل من جديد' },
    { tags: ['زراعة'], text: 'موسم القمح في سهل البقاع' },
    { tags: [], text: 'القمح والشعير: موسم جيد' },
    { tags: ['رياضة'], text: 'مباراة الأمس' },
  ]);
  expect(related[0]).toEqual([1]);
  expect(related[1]).toEqual([0]);
  expect(related[2]).toEqual([3]);
  expect(related[3]).toEqual([2]);
  expect(related[4]).toEqual([]);
});

test('words are folded and common ones ignored', () => {
  expect(topicWords('المرفأ والمرفا في 2024 Harbour harbour')).toEqual(['المرفا', 'والمرفا', 'harbour']);
  const many = Array.from({ length: 100 }, (_, index) => ({ tags: [], text: `قال المتحدث كلمة${index}` }));
  expect(relatedArticles(many).every((list) => list.length === 0)).toBe(true);
});

// A full scan of a tag of 100,000 would take hours; the window, seconds (about 3 idle, 9 at a load of 10):
// the bound and the test's time leave a loaded machine room many times over.
test('a tag of 100,000 articles costs a window of neighbours, not a full scan', { timeout: 180_000 }, () => {
  const articles = Array.from({ length: 100_000 }, (_, index) => ({ tags: ['أخبار', `ملف${Math.floor(index / 10)}`], text: `عنوان رقم ${index}` }));
  const started = performance.now();
  const related = relatedArticles(articles);
  expect(performance.now() - started).toBeLessThan(120_000);
  expect(related[5_000]).toHaveLength(3);
  // Articles sharing both tags (the same file of ten) come first.
  for (const other of related[5_005]!) expect(Math.floor(other / 10)).toBe(500);
});
