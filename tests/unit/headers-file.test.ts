import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { headersForPath, matches, parseHeadersFile } from '../../tools/serve/headers-file.ts';
import { themeInitHash } from '../../src/site/theme-init.ts';

const rules = parseHeadersFile(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));

describe('public/_headers', () => {
  test('every path gets the strict CSP and the other security headers', () => {
    for (const pathname of ['/', '/ar/articles/x/', '/_astro/a.css', '/sw.js']) {
      const headers = headersForPath(rules, pathname);
      expect(headers['Content-Security-Policy']).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+';/);
      expect(headers['Content-Security-Policy']).not.toContain('unsafe-inline');
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  test('the one inline script, the theme initializer, is allowed by its hash and nothing else inline', () => {
    const csp = headersForPath(rules, '/')['Content-Security-Policy']!;
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${themeInitHash()};`);
  });

  test('hashed assets are cached for a year; HTML and the service worker are not', () => {
    expect(headersForPath(rules, '/_astro/Base.abc123.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersForPath(rules, '/pagefind/ar-2023/fragment/ar_1234.pf_fragment')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersForPath(rules, '/pagefind/ar-2023/index/ar_1234.pf_index')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersForPath(rules, '/pagefind/parts.json')['Cache-Control']).toBeUndefined();
    expect(headersForPath(rules, '/pagefind/ar-2023/pagefind-entry.json')['Cache-Control']).toBeUndefined();
    expect(headersForPath(rules, '/ar/')['Cache-Control']).toBeUndefined();
    expect(headersForPath(rules, '/sw.js')['Cache-Control']).toBe('no-cache');
  });

  test('no two rules set the same header for one path (hosts would join the values)', () => {
    for (const pathname of ['/', '/_astro/a.js', '/pagefind/ar-2020/index/x', '/pagefind/ar-2020/fragment/x', '/sw.js']) {
      const names = rules.filter((rule) => matches(rule.pattern, pathname)).flatMap((rule) => rule.headers.map(([name]) => name));
      expect(new Set(names).size, pathname).toBe(names.length);
    }
  });
});
