import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runImport } from '../../helpers/site.ts';

// Each test starts the importer twice as a process of its own: seconds each on a loaded two-core machine.
const TWO_IMPORTS = 60_000;

describe('two different texts with one file name in two folders', () => {
  test(
    'imported in two runs, even with --force, they are two articles; nothing is replaced',
    async () => {
      const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-source-name-'));
      const contentDir = path.join(work, 'content');
      const archive = path.join(work, 'archive');
      for (const [year, sentence] of [
        ['2023', 'نص العام الأول عن الاقتصاد والتجارة.'],
        ['2024', 'نص العام الثاني عن الزراعة والمياه.'],
      ] as const) {
        mkdirSync(path.join(archive, year), { recursive: true });
        writeFileSync(path.join(archive, year, 'article.txt'), `تقرير السوق\n${sentence}\n`);
      }
      // The 2023 folder first, then the whole archive with --force: 2024/article.txt is not 2023/article.txt's new version.
      expect((await runImport(contentDir, path.join(archive, '2023'), '--lang', 'ar')).code).toBe(0);
      const second = await runImport(contentDir, archive, '--lang', 'ar', '--force');
      expect(second.code, second.output).toBe(0);
      const files = readdirSync(path.join(contentDir, 'ar'))
        .filter((name) => name.endsWith('.mdx'))
        .sort();
      expect(files).toHaveLength(2);
      const bodies = files.map((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8'));
      expect(bodies.some((body) => body.includes('الاقتصاد والتجارة'))).toBe(true);
      expect(bodies.some((body) => body.includes('الزراعة والمياه'))).toBe(true);
      // The same text is recognised by its hash and now recorded by its path in the archive folder.
      expect(bodies.map((body) => /file: (.+)/.exec(body)?.[1]).sort()).toEqual(['2023/article.txt', '2024/article.txt']);
    },
    TWO_IMPORTS,
  );

  test(
    'given one by one, the second with --force, they are two articles too',
    async () => {
      const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-source-name-'));
      const contentDir = path.join(work, 'content');
      for (const [year, sentence] of [
        ['2023', 'نص العام الأول عن الاقتصاد والتجارة.'],
        ['2024', 'نص العام الثاني عن الزراعة والمياه.'],
      ] as const) {
        mkdirSync(path.join(work, year), { recursive: true });
        writeFileSync(path.join(work, year, 'article.txt'), `تقرير السوق\n${sentence}\n`);
      }
      expect((await runImport(contentDir, path.join(work, '2023', 'article.txt'), '--lang', 'ar')).code).toBe(0);
      const second = await runImport(contentDir, path.join(work, '2024', 'article.txt'), '--lang', 'ar', '--force');
      expect(second.code, second.output).toBe(0);
      const bodies = readdirSync(path.join(contentDir, 'ar')).map((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8'));
      expect(bodies).toHaveLength(2);
      expect(bodies.some((body) => body.includes('الاقتصاد والتجارة'))).toBe(true);
      expect(bodies.some((body) => body.includes('الزراعة والمياه'))).toBe(true);
    },
    TWO_IMPORTS,
  );
});
