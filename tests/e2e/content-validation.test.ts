import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { buildSite, projectRoot } from '../helpers/site.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/invalid-content');
const outRoot = path.join(projectRoot, 'tests/.tmp/invalid-content');

describe('bad content fails the build with the file and the field named', () => {
  test('schema violations name the file and each field', async () => {
    const failure = await buildSite({
      contentDir: path.join(fixtures, 'missing-title'),
      outDir: path.join(outRoot, 'missing-title'),
    }).then(() => null, (error: Error) => error.message);
    expect(failure).not.toBeNull();
    expect(failure).toContain('missing-title/ar/broken.mdx');
    expect(failure).toMatch(/title: Required/);
    expect(failure).toMatch(/tags: Expected type `"array"`/);
  });

  test('a folder that is not a locale is refused, with the fix', async () => {
    const failure = await buildSite({
      contentDir: path.join(fixtures, 'unknown-locale'),
      outDir: path.join(outRoot, 'unknown-locale'),
    }).then(() => null, (error: Error) => error.message);
    expect(failure).toContain('unknown-locale/xx/misfiled.mdx: folder "xx" is not a configured locale (ar, en)');
  });
});
