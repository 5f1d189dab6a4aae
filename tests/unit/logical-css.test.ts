import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;
const PHYSICAL = /(^|[\s;{])((margin|padding|border|inset)-(left|right)|left|right|float|clear)\s*:|text-align:\s*(left|right)/m;

test('styles use logical properties only (no left/right), so one stylesheet serves both directions', () => {
  const offenders: string[] = [];
  for (const file of readdirSync(src, { recursive: true }) as string[]) {
    if (!/\.(css|astro)$/.test(file)) continue;
    const text = readFileSync(path.join(src, file), 'utf8');
    // In .astro files only <style> blocks and style attributes are CSS.
    const css = file.endsWith('.css') ? text : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|style="([^"]*)"/g)].map((m) => m[1] ?? m[2]).join('\n');
    css.split('\n').forEach((line, index) => {
      if (PHYSICAL.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
