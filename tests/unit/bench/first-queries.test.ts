import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fileKind, sampleQueries, spread } from '../../../tools/bench/first-queries.ts';

describe('first queries of the bench', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-queries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'ar'));
  const bodies = [
    'أعلنت وزارة الخارجية أن الوفد وصل إلى القاهرة صباح الأربعاء.',
    'قالت الحكومة إن المحادثات حول المياه مستمرة بين البلدين.',
    'افتتحت المدينة جسرا جديدا للمشاة فوق الطريق السريع.',
  ];
  for (const [index, body] of bodies.entries()) {
    writeFileSync(path.join(dir, 'ar', `article-${index}.mdx`), `---\ntitle: عنوان لا يدخل\ndate: "2024-01-0${index + 1}"\n---\n\n## عنوان فرعي\n\n${body}\n`);
  }

  test('queries are one to three consecutive words of an article’s paragraphs, the same for the same seed', () => {
    const queries = sampleQueries(dir, 'ar', 9, 7);
    expect(queries.length).toBe(9);
    expect(sampleQueries(dir, 'ar', 9, 7)).toEqual(queries);
    for (const [index, query] of queries.entries()) {
      expect(query.split(' ').length).toBe(1 + (index % 3));
      expect(bodies.some((body) => body.includes(query))).toBe(true);
    }
    expect(queries.join(' ')).not.toContain('عنوان');
  });

  test('median, 90th percentile and largest', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, p90: 5, max: 5 });
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ median: 5.5, p90: 9, max: 10 });
  });

  test('search files by kind', () => {
    expect(fileKind('dist/search-vocab/ar/0627-0644-0645.json')).toBe('vocabulary');
    expect(fileKind('dist/pagefind/ar-2024/pagefind.ar_a3de9f7749.pf_meta')).toBe('metadata');
    expect(fileKind('dist/pagefind/ar-2024/index/ar_2afb75b.pf_index')).toBe('index');
    expect(fileKind('dist/pagefind/ar-2024/fragment/ar_86dc3db.pf_fragment')).toBe('fragments');
    expect(fileKind('dist/pagefind/ar-2024/wasm.ar.pagefind')).toBe('runtime');
    expect(fileKind('dist/pagefind/ar-2024/pagefind-entry.json')).toBe('other');
  });
});
