/**
 * node_modules/.bin/node tools/conformance/wordpress.ts
 *
 * The WordPress importer's own test exports (tests/conformance/wordpress/,
 * vendored from WordPress/wordpress-importer) through Arshif's importer, each
 * into a temporary archive, as a user would run it (no --include, no
 * --media). Every item must be imported or skipped by a rule docs/importing.md
 * states; the exports WordPress's own tests expect to be refused must be
 * refused, in plain words, naming the file.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from '../import/errors.ts';
import { importWordpressExport } from '../import/import-article.ts';
import type { SuiteReport } from './report.ts';

const FIXTURES = fileURLToPath(new URL('../../tests/conformance/wordpress/', import.meta.url));

/** The exports WordPress's own tests expect an error for, with what Arshif must say about each. */
const EXPECTED_REFUSALS: Record<string, RegExp> = {
  'malformed.xml': /:\d+: is not well-formed XML \(cut short or broken\)/,
  'malformed-simple.xml': /:\d+: is not well-formed XML \(cut short or broken\)/,
  'missing-version-tag.xml': /has no WXR version/,
  'invalid-version-tag.xml': /has the WXR version ".*", which is not one WordPress writes/,
};

/** The documented skip rules (docs/importing.md, WordPress), by the words each skip begins with. */
export const SKIP_RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'attachment', pattern: /^an attachment/ },
  { rule: 'page', pattern: /^a page/ },
  { rule: 'draft or pending', pattern: /^an? (?:draft|pending) post/ },
  { rule: 'private', pattern: /^a private post/ },
  { rule: 'password-protected', pattern: /^a password-protected post/ },
  { rule: 'future', pattern: /^a (?:scheduled|future-dated) post/ },
  { rule: 'trash', pattern: /^in the trash/ },
  { rule: 'other status', pattern: /^a post with the status/ },
  { rule: 'other type', pattern: /^an? ".+" item, not a post/ },
  { rule: 'no text', pattern: /^a post without text/ },
  { rule: 'no title', pattern: /^a post without a title/ },
];

export interface FixtureResult {
  file: string;
  items: number;
  imported: number;
  skipped: Record<string, number>;
  refused: { id: string; reason: string }[];
  /** Imported items with something left out that the docs say is left out (an image not found). */
  reduced: number;
  /** The whole export refused: its message. */
  exportRefusal?: string;
}

export async function runFixture(file: string): Promise<FixtureResult> {
  const archive = await mkdtemp(path.join(os.tmpdir(), 'arshif-wp-conformance-'));
  const result: FixtureResult = { file: path.basename(file), items: 0, imported: 0, skipped: {}, refused: [], reduced: 0 };
  try {
    const { items } = await importWordpressExport(file, { contentDir: path.join(archive, 'content'), claimedTargets: new Map() });
    result.items = items.length;
    for (const item of items) {
      if (item.result?.status === 'imported') {
        result.imported++;
        if (item.result.warnings.some((warning) => /left (?:out|off)|removed/.test(warning))) result.reduced++;
      } else if (item.skipped) {
        const rule = SKIP_RULES.find(({ pattern }) => pattern.test(item.skipped!))?.rule;
        if (rule) result.skipped[rule] = (result.skipped[rule] ?? 0) + 1;
        else result.refused.push({ id: item.id, reason: `skipped by no documented rule: ${item.skipped}` });
      } else {
        result.refused.push({ id: item.id, reason: item.failed ?? item.result?.reason ?? 'no result' });
      }
    }
  } catch (error) {
    result.exportRefusal = error instanceof ImportError ? error.message : `not an import error: ${String(error)}`;
  } finally {
    await rm(archive, { recursive: true, force: true });
  }
  return result;
}

export async function runWordPressSuite(): Promise<SuiteReport> {
  return summarize(await runFixtures());
}

/** Every vendored export (phpunit/data/*.xml at the top, e2e/fixtures/*.xml under e2e/), each run on its own. */
async function runFixtures(): Promise<FixtureResult[]> {
  const files = (await readdir(FIXTURES, { recursive: true })).filter((name) => name.endsWith('.xml')).sort();
  const results: FixtureResult[] = [];
  for (const name of files) results.push({ ...(await runFixture(path.join(FIXTURES, name))), file: name.split(path.sep).join('/') });
  return results;
}

export function summarize(results: readonly FixtureResult[]): SuiteReport & { fixtures: FixtureResult[] } {
  const failures: SuiteReport['failures'] = [];
  const figures: Record<string, number> = { files: results.length, items: 0, imported: 0, skipped: 0, refused: 0, 'exports refused as expected': 0 };
  let total = 0;
  let passed = 0;
  let reductions = 0;
  for (const fixture of results) {
    const expected = EXPECTED_REFUSALS[fixture.file];
    if (expected || fixture.exportRefusal) {
      total++;
      if (expected && fixture.exportRefusal && expected.test(fixture.exportRefusal)) {
        passed++;
        figures['exports refused as expected']!++;
      } else
        failures.push({
          id: fixture.file,
          reason: expected
            ? `expected a refusal matching ${expected}, got ${fixture.exportRefusal ?? `${fixture.items} item(s) read`}`
            : fixture.exportRefusal!,
        });
      continue;
    }
    const skipped = Object.values(fixture.skipped).reduce((sum, count) => sum + count, 0);
    total += fixture.items;
    passed += fixture.imported + skipped;
    reductions += fixture.reduced;
    figures.items! += fixture.items;
    figures.imported! += fixture.imported;
    figures.skipped! += skipped;
    figures.refused! += fixture.refused.length;
    for (const [rule, count] of Object.entries(fixture.skipped)) figures[`skipped: ${rule}`] = (figures[`skipped: ${rule}`] ?? 0) + count;
    for (const refusal of fixture.refused) failures.push({ id: `${fixture.file} (${refusal.id})`, reason: refusal.reason });
  }
  figures['imported with a stated reduction'] = reductions;
  return { name: 'wordpress-importer fixtures', total, passed, reductions, failures, figures, fixtures: [...results] };
}

function table(report: ReturnType<typeof summarize>): string {
  const rows = report.fixtures.map((fixture) => [
    fixture.file,
    String(fixture.items),
    String(fixture.imported),
    Object.entries(fixture.skipped)
      .map(([rule, count]) => `${count} ${rule}`)
      .join(', ') || '0',
    fixture.exportRefusal ? `the export: ${fixture.exportRefusal.replace(/^.*?\/tests\/conformance\/wordpress\//, '')}` : String(fixture.refused.length),
  ]);
  const header = ['fixture', 'items', 'imported', 'skipped (rule)', 'refused'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => Math.min(row[column]!.length, 60))));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = summarize(await runFixtures());
  console.log(table(report));
  console.log();
  console.log(`${report.name}: ${report.passed} of ${report.total} as documented, ${report.reductions} with a stated reduction.`);
  for (const [name, value] of Object.entries(report.figures)) console.log(`  ${name}: ${value}`);
  for (const failure of report.failures) console.log(`  FAILED ${failure.id}: ${failure.reason}`);
  process.exitCode = report.failures.length ? 1 : 0;
}
