import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/** The site's and the tools' modules with their text. */
function modules(): { file: string; text: string }[] {
  const found = [{ file: 'astro.config.mjs', text: readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8') }];
  for (const folder of ['src', 'tools']) {
    for (const name of readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|mjs|astro)$/.test(name))
        found.push({ file: `${folder}/${name}`, text: readFileSync(new URL(`../../${folder}/${name}`, import.meta.url), 'utf8') });
    }
  }
  return found;
}

describe('settings are read in one place', () => {
  test('only src/settings.ts reads ARSHIF_*, BASE_PATH, SITE_URL and PORT from the environment', () => {
    const read = /process\.env(?:\.|\[['"])(ARSHIF_\w+|BASE_PATH|SITE_URL|PORT)\b/;
    const all = modules();
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(({ file, text }) => file !== 'src/settings.ts' && read.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
