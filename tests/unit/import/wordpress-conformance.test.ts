import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runFixture, summarize } from '../../../tools/conformance/wordpress.ts';

const fixtures = fileURLToPath(new URL('../../conformance/wordpress/', import.meta.url));
const run = (name: string) => runFixture(path.join(fixtures, name));

test('the WordPress importer’s broken exports are refused as its own tests expect, each in plain words naming the file and line', async () => {
  const [malformed, cut, missing, invalid] = await Promise.all(
    ['malformed.xml', 'malformed-simple.xml', 'missing-version-tag.xml', 'invalid-version-tag.xml'].map(run),
  );
  expect(malformed!.exportRefusal).toMatch(
    /malformed\.xml:90: is not well-formed XML \(cut short or broken\): <\/channel> closes an element here, but <notachanneltag> \(opened at line 27\) is still open\./,
  );
  expect(cut!.exportRefusal).toMatch(
    /malformed-simple\.xml:13: is not well-formed XML \(cut short or broken\): the file ends while <rss>, <channel>, <item> are still open/,
  );
  expect(missing!.exportRefusal).toMatch(/missing-version-tag\.xml: has no WXR version/);
  expect(invalid!.exportRefusal).toMatch(/invalid-version-tag\.xml: has the WXR version "abc", which is not one WordPress writes/);
  const report = summarize([malformed!, cut!, missing!, invalid!]);
  expect([report.total, report.passed, report.failures]).toEqual([4, 4, []]);
});

test('every item of the WordPress importer’s small exports is imported or skipped by a documented rule', async () => {
  const results = await Promise.all(
    ['small-export.xml', 'wxr-utf-8-challenges.xml', 'valid-wxr-1.0.xml', 'namespace-edge-cases.xml', 'crazy-cdata.xml'].map(run),
  );
  const report = summarize(results);
  expect(report.failures).toEqual([]);
  expect(report.figures).toMatchObject({ items: 25, imported: 16, 'skipped: page': 8, 'skipped: private': 1 });
  // small-export's post with 27 categories and tags keeps 20, named in a warning: a stated reduction, not a refusal.
  expect([results[0]!.imported, results[0]!.reduced]).toEqual([5, 1]);
});
