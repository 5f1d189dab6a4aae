/**
 * npm run import -- <file|dir>… [--lang xx] [--date YYYY-MM-DD] [--tags a,b] [--slug s]
 *                   [--slug-from title|filename] [--translation-of <locale>/<slug>]
 *                   [--source text] [--force] [--dry-run] [--max-size MB]
 *
 * Turns raw article text into content/<locale>/<slug>.mdx (or into
 * $ARSHIF_CONTENT_DIR). A folder imports every .txt below it. Exits non-zero
 * when any file failed. The bundled seed was made with:
 *
 *   npm run import -- tests/fixtures/seed/000_2807e117feb6745e.txt --lang ar --date 2023-09-20 \
 *     --tags "أذربيجان,أرمينيا,قره باغ" --slug azerbaijan-halts-karabakh-offensive
 *   npm run import -- tests/fixtures/seed/000_2807e117feb6745e.en.txt --lang en --date 2023-09-20 \
 *     --tags "Azerbaijan,Armenia,Nagorno-Karabakh" --slug azerbaijan-halts-karabakh-offensive \
 *     --translation-of ar/azerbaijan-halts-karabakh-offensive
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { collectFiles, type SkippedEntry } from '../src/lib/import/collect.ts';
import { ImportError } from '../src/lib/import/errors.ts';
import { importArticle, type ImportOptions, type ImportResult } from '../src/lib/import/import-article.ts';
import { isLocaleCode, LOCALE_CODES } from '../src/i18n/locales.ts';
import { normalizeField } from '../src/lib/import/normalize.ts';
import { printable } from '../src/lib/import/printable.ts';
import { removeOrphanTemporaries } from '../src/lib/import/write.ts';

const USAGE = 'Usage: npm run import -- <file|dir>… [--lang xx] [--date YYYY-MM-DD] [--tags a,b] [--slug s] [--slug-from title|filename] [--translation-of <locale>/<slug>] [--source text] [--force] [--dry-run] [--max-size MB]';

/** Batches at least this large get a progress bar instead of a line per file. */
const PROGRESS_BAR_FROM = 20;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      date: { type: 'string' },
      tags: { type: 'string' },
      slug: { type: 'string' },
      'slug-from': { type: 'string' },
      'translation-of': { type: 'string' },
      source: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'max-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(printable(`${(error as Error).message}`) + `\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const slugFrom = values['slug-from'];
if (slugFrom !== undefined && slugFrom !== 'title' && slugFrom !== 'filename') {
  console.error(printable(`--slug-from must be "title" or "filename" (got "${slugFrom}").`));
  process.exit(2);
}
const maxSizeMb = values['max-size'] === undefined ? undefined : Number(values['max-size']);
if (maxSizeMb !== undefined && !(maxSizeMb > 0)) {
  console.error(printable(`--max-size must be a number of megabytes (got "${values['max-size']}").`));
  process.exit(2);
}

if (values.lang !== undefined) {
  // The same normalization as every other value (bidi controls removed, control characters refused).
  let lang: string;
  try {
    lang = normalizeField(values.lang, { file: 'the command line', field: '--lang' }).text;
  } catch (error) {
    console.error(printable((error as Error).message));
    process.exit(2);
  }
  if (!isLocaleCode(lang)) {
    console.error(printable(`--lang "${values.lang}" is not a configured locale (${LOCALE_CODES.join(', ')}). Use one of those, or add the locale to src/i18n/locales.ts first.`));
    process.exit(2);
  }
}

const options: ImportOptions = {
  contentDir: path.resolve(process.env.ARSHIF_CONTENT_DIR ?? 'content'),
  lang: values.lang,
  date: values.date,
  // Arabic keyboards type the Arabic comma; both separate tags.
  tags: values.tags?.split(/[,،]/).map((tag) => tag.trim()).filter(Boolean),
  slug: values.slug,
  slugFrom,
  translationOf: values['translation-of'],
  source: values.source,
  force: values.force,
  dryRun: values['dry-run'],
  claimedTargets: new Map(),
  ...(maxSizeMb ? { maxFileBytes: maxSizeMb * 1024 * 1024 } : {}),
};

/** Everything printed goes through printable(): a file name with an escape sequence cannot drive the terminal. */
const say = (text: string) => console.log(printable(text));
const complain = (text: string) => console.error(printable(text));
const warn = (text: string) => console.warn(printable(text));

let files: string[];
let nonRegular: SkippedEntry[];
try {
  ({ files, skipped: nonRegular } = await collectFiles(positionals));
} catch (error) {
  complain((error as Error).message);
  process.exit(1);
}

// Temporary files of an import that was killed between writing and renaming.
const orphans = await removeOrphanTemporaries(options.contentDir, { dryRun: options.dryRun });
if (orphans.length) {
  say(`${options.dryRun ? 'Would remove' : 'Removed'} ${orphans.length} temporary file(s) left by an interrupted import:`);
  for (const orphan of orphans) say(`  ${path.join(path.relative(process.cwd(), options.contentDir) || '.', orphan.file)} (${orphan.reason})`);
}
if ((options.slug || options.translationOf) && files.length > 1) {
  complain('--slug and --translation-of name one article; pass a single file with them.');
  process.exit(2);
}

/**
 * A file's name in its article's record: its path inside the folder given on
 * the command line, or, for a file given by itself, its path from here
 * (`2023/report.txt`), so two texts named alike in two folders stay two articles.
 */
const folders = positionals.map((input) => path.resolve(input)).filter((input) => existsSync(input) && statSync(input).isDirectory());
function sourceNameOf(file: string): string {
  const absolute = path.resolve(file);
  const folder = folders.find((dir) => absolute.startsWith(`${dir}${path.sep}`));
  return (folder ? path.relative(folder, absolute) : path.relative(process.cwd(), absolute)).split(path.sep).join('/');
}

const results: ImportResult[] = [];
const failures: { file: string; reason: string }[] = [];
const bar = files.length >= PROGRESS_BAR_FROM ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
bar?.start(files.length, 0, { file: '' });

for (const file of files) {
  try {
    const result = await importArticle(file, { ...options, sourceName: sourceNameOf(file) });
    results.push(result);
    if (!bar) {
      const verb = options.dryRun && (result.status === 'imported' || result.status === 'updated') ? `would be ${result.status}` : result.status;
      say(`${verb.padEnd(9)} ${file} → ${path.join(path.relative(process.cwd(), options.contentDir) || '.', result.target)}${result.reason ? ` (${result.reason})` : ''}`);
      for (const note of result.notes) say(`  note: ${note}`);
      for (const warning of result.warnings) warn(`  warning: ${warning}`);
    }
  } catch (error) {
    const reason = error instanceof ImportError ? error.message : `${file}: ${(error as Error).stack ?? String(error)}`;
    failures.push({ file, reason });
    if (!bar) complain(`failed    ${reason}`);
  }
  bar?.increment(1, { file: printable(path.basename(file)) });
}
bar?.stop();

const count = (status: ImportResult['status']) => results.filter((result) => result.status === status).length;
const warned = results.filter((result) => result.warnings.length > 0);
console.log();
say(
  `${options.dryRun ? 'Dry run — nothing written. ' : ''}${files.length + nonRegular.length} file(s): ${count('imported')} imported, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('skipped') + nonRegular.length} skipped, ${failures.length} failed.`,
);
// Entries that are not regular files are counted as skipped, each with its reason.
for (const entry of nonRegular) say(`  skipped ${entry.file}: ${entry.reason}`);
if (bar) {
  for (const result of results.filter((r) => r.status === 'skipped')) say(`  skipped ${result.file}: ${result.reason}`);
  for (const result of warned) for (const warning of result.warnings) warn(`  warning ${result.file}: ${warning}`);
}
for (const failure of failures) complain(`  failed ${failure.reason}`);
if (failures.length) process.exitCode = 1;
