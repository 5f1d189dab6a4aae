/**
 * npm run verify -- [--content dir] [--dist dir] [--base folder] [--sources dir]
 *
 * Proves that every imported article's built page shows exactly its source
 * text — no sentence lost, added or altered, no text turned into markup — by
 * recomputing from the page's title and body the fingerprint the importer
 * recorded for the source. Reports the first differing line of each failure
 * (from the original file when --sources holds it) and exits non-zero if any.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { verifyArchive } from './verify-archive.ts';
import { settings } from '../../src/settings.ts';

const USAGE = 'Usage: npm run verify -- [--content dir] [--dist dir] [--base folder] [--sources dir]';

const ARGUMENTS = {
  options: {
    content: { type: 'string', default: settings.contentDir },
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: settings.base },
    sources: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
} as const satisfies ParseArgsConfig;

let values: ReturnType<typeof parseArgs<typeof ARGUMENTS>>['values'];
try {
  ({ values } = parseArgs(ARGUMENTS));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const contentDir = path.resolve(values.content);
const distDir = path.resolve(values.dist);
for (const [flag, dir] of [
  ['--content', contentDir],
  ['--dist', distDir],
  ['--sources', values.sources],
] as const) {
  if (dir !== undefined && !existsSync(dir)) {
    console.error(`verify: ${flag} ${dir} does not exist.${flag === '--dist' ? ' Run `npm run build` first, or pass --dist <dir>.' : ' Check the path.'}`);
    process.exit(2);
  }
}

const { outcomes, notImported } = verifyArchive({ contentDir, distDir, base: values.base, sourcesDir: values.sources });
const shown = (file: string) => path.relative(process.cwd(), file) || '.';
const failed = outcomes.filter((outcome) => !outcome.ok);
for (const outcome of failed) console.error(`FAIL ${shown(outcome.article)}: ${outcome.problem}`);
console.log(
  `verify: ${outcomes.length} imported article(s) checked against ${shown(distDir)}/ — ${outcomes.length - failed.length} ok, ${failed.length} failed${notImported.length ? ` (${notImported.length} not imported, not checked)` : ''}.`,
);
if (outcomes.length === 0) console.warn('verify: no imported article found; nothing was proven.');
if (failed.length) process.exitCode = 1;
