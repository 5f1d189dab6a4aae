import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { importArticle } from '../../../tools/import/import-article.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const seed = (name: string) => path.join(root, 'tests/fixtures/seed', name);

/** The two commands in tools/import/cli.ts's header, as library calls (run from the project root, which names the file by its path). */
const seedImports = [
  {
    file: seed('000_2807e117feb6745e.txt'),
    options: {
      sourceName: 'tests/fixtures/seed/000_2807e117feb6745e.txt',
      lang: 'ar',
      date: '2023-09-20',
      tags: ['أذربيجان', 'أرمينيا', 'قره باغ'],
      slug: 'azerbaijan-halts-karabakh-offensive',
    },
  },
  {
    file: seed('000_2807e117feb6745e.en.txt'),
    options: {
      sourceName: 'tests/fixtures/seed/000_2807e117feb6745e.en.txt',
      lang: 'en',
      date: '2023-09-20',
      tags: ['Azerbaijan', 'Armenia', 'Nagorno-Karabakh'],
      slug: 'azerbaijan-halts-karabakh-offensive',
      translationOf: 'ar/azerbaijan-halts-karabakh-offensive',
    },
  },
];

test('the bundled articles are exactly what the importer makes of the seed: re-importing reports unchanged', async () => {
  const contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'arshif-seed-')), 'content');
  cpSync(path.join(root, 'content'), contentDir, { recursive: true });
  for (const { file, options } of seedImports) {
    const result = await importArticle(file, { contentDir, ...options });
    expect(result, file).toMatchObject({ status: 'unchanged', target: `${options.lang}/azerbaijan-halts-karabakh-offensive.mdx` });
  }
});

test('a fresh import of the seed reproduces the bundled files byte for byte', async () => {
  const contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'arshif-seed-')), 'content');
  for (const { file, options } of seedImports) {
    const result = await importArticle(file, { contentDir, ...options });
    expect(result.status).toBe('imported');
    expect(readFileSync(path.join(contentDir, result.target), 'utf8')).toBe(readFileSync(path.join(root, 'content', result.target), 'utf8'));
  }
});
