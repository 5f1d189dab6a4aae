import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareDigests, digestTree } from '../../../src/integrations/build-changes.ts';

const work = mkdtempSync(path.join(tmpdir(), 'arshif-build-changes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

describe('the changes a build made to dist/', () => {
  test('every file is hashed by its bytes, the build stamp left out', async () => {
    const dir = path.join(work, 'hashed');
    write(dir, { 'index.html': '<p>a</p>', 'ar/articles/x/index.html': 'مرحبا', '_astro/font.woff2': Buffer.from([0, 1, 2, 255]), '.arshif-build': 'stamp' });
    const digests = await digestTree(dir);
    expect(Object.keys(digests)).toEqual(['_astro/font.woff2', 'ar/articles/x/index.html', 'index.html']);
    const copy = path.join(work, 'hashed-copy');
    cpSync(dir, copy, { recursive: true });
    writeFileSync(path.join(copy, '.arshif-build'), 'another stamp');
    expect(await digestTree(copy)).toEqual(digests);
    writeFileSync(path.join(copy, '_astro/font.woff2'), Buffer.from([0, 1, 2, 254]));
    expect((await digestTree(copy))['_astro/font.woff2']).not.toBe(digests['_astro/font.woff2']);
  });

  test('lists what was added, changed and removed; applied to the old folder, the lists give the new one', async () => {
    const before = path.join(work, 'before');
    const after = path.join(work, 'after');
    write(before, { 'index.html': 'home', 'ar/articles/old/index.html': 'old', 'ar/articles/kept/index.html': 'kept', 'sitemap-0.xml': '<a/>' });
    write(after, { 'index.html': 'home, newer', 'ar/articles/kept/index.html': 'kept', 'ar/articles/new/index.html': 'new', 'sitemap-0.xml': '<a/><b/>' });
    const changes = compareDigests(await digestTree(before), await digestTree(after));
    expect(changes).toEqual({
      added: ['ar/articles/new/index.html'],
      changed: ['index.html', 'sitemap-0.xml'],
      removed: ['ar/articles/old/index.html'],
      unchanged: 1,
    });
    // A deploy that uploads added and changed files and deletes removed ones (docs/deploy.md) ends with the new folder.
    const host = path.join(work, 'host');
    cpSync(before, host, { recursive: true });
    for (const file of [...changes.added, ...changes.changed]) {
      mkdirSync(path.dirname(path.join(host, file)), { recursive: true });
      writeFileSync(path.join(host, file), readFileSync(path.join(after, file)));
    }
    for (const file of changes.removed) rmSync(path.join(host, file));
    expect(await digestTree(host)).toEqual(await digestTree(after));
  });

  test('against nothing, every file is added', () => {
    expect(compareDigests({}, { a: '1', b: '2' })).toEqual({ added: ['a', 'b'], changed: [], removed: [], unchanged: 0 });
  });
});
