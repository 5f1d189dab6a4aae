import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runImport } from '../../helpers/site.ts';

/** Titles shared by both batches, so every file of one batch races a file of the other for its slug. */
const titles = Array.from({ length: 12 }, (_, index) => `أذربيجان توقف الهجوم رقم ${index + 1}`);

function batch(work: string, name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  titles.forEach((title, index) => {
    writeFileSync(path.join(dir, `${name}-${index}.txt`), `${title}\nهذا نص الدفعة ${name} للمقال ${index + 1}، وهو مختلف.\n`);
  });
  return dir;
}

describe('two imports at the same moment never lose an article', () => {
  test('two processes whose texts get the same slugs end with every article, under different slugs (5 runs)', { timeout: 120_000 }, async () => {
    for (let run = 0; run < 5; run++) {
      const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-race-'));
      const contentDir = path.join(work, 'content');
      const [one, two] = [batch(work, 'one'), batch(work, 'two')];
      const results = await Promise.all([runImport(contentDir, one, '--lang', 'ar'), runImport(contentDir, two, '--lang', 'ar')]);
      for (const result of results) expect(result.code, result.output).toBe(0);
      const files = readdirSync(path.join(contentDir, 'ar'));
      expect(
        files.filter((name) => name.endsWith('.tmp')),
        `run ${run}`,
      ).toEqual([]);
      expect(files, `run ${run}`).toHaveLength(titles.length * 2);
      const texts = files.map((name) => readFileSync(path.join(contentDir, 'ar', name), 'utf8'));
      for (const name of ['one', 'two']) {
        for (let index = 0; index < titles.length; index++) {
          expect(
            texts.filter((text) => text.includes(`هذا نص الدفعة ${name} للمقال ${index + 1}،`)),
            `run ${run}: ${name}-${index}`,
          ).toHaveLength(1);
        }
      }
    }
  });

  test('the same single file imported by two processes at once is one article, imported once and unchanged once', { timeout: 60_000 }, async () => {
    for (let run = 0; run < 3; run++) {
      const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-race-'));
      const contentDir = path.join(work, 'content');
      const file = path.join(work, 'same.txt');
      writeFileSync(file, `${titles[0]}\nنص واحد.\n`);
      const results = await Promise.all([runImport(contentDir, file, '--lang', 'ar'), runImport(contentDir, file, '--lang', 'ar')]);
      for (const result of results) expect(result.code, result.output).toBe(0);
      expect(readdirSync(path.join(contentDir, 'ar'))).toHaveLength(1);
      expect(results.map((result) => /1 imported/.test(result.output)).filter(Boolean)).toHaveLength(1);
    }
  });
});
