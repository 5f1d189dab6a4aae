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
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ImportError } from '../src/lib/import/errors.ts';
import { importArticle, type ImportOptions, type ImportResult } from '../src/lib/import/import-article.ts';
import { isLocaleCode, LOCALE_CODES } from '../src/i18n/locales.ts';
import { normalizeField } from '../src/lib/import/normalize.ts';
import { printable } from '../src/lib/import/printable.ts';

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
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const slugFrom = values['slug-from'];
if (slugFrom !== undefined && slugFrom !== 'title' && slugFrom !== 'filename') {
  console.error(`--slug-from must be "title" or "filename" (got "${slugFrom}").`);
  process.exit(2);
}
const maxSizeMb = values['max-size'] === undefined ? undefined : Number(values['max-size']);
if (maxSizeMb !== undefined && !(maxSizeMb > 0)) {
  console.error(`--max-size must be a number of megabytes (got "${values['max-size']}").`);
  process.exit(2);
}

async function collectFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new ImportError(input, 'does not exist.', 'Check the path.');
    }
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort(),
      );
    } else {
      files.push(input);
    }
  }
  return files;
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

let files: string[];
try {
  files = await collectFiles(positionals);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if ((options.slug || options.translationOf) && files.length > 1) {
  console.error('--slug and --translation-of name one article; pass a single file with them.');
  process.exit(2);
}

const results: ImportResult[] = [];
const failures: { file: string; reason: string }[] = [];
const bar = files.length >= PROGRESS_BAR_FROM ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
bar?.start(files.length, 0, { file: '' });

for (const file of files) {
  try {
    const result = await importArticle(file, options);
    results.push(result);
    if (!bar) {
      const verb = options.dryRun && (result.status === 'imported' || result.status === 'updated') ? `would be ${result.status}` : result.status;
      console.log(`${verb.padEnd(9)} ${file} → ${path.join(path.relative(process.cwd(), options.contentDir) || '.', result.target)}${result.reason ? ` (${result.reason})` : ''}`);
      for (const note of result.notes) console.log(`  note: ${note}`);
      for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
    }
  } catch (error) {
    const reason = error instanceof ImportError ? error.message : `${file}: ${(error as Error).stack ?? String(error)}`;
    failures.push({ file, reason });
    if (!bar) console.error(`failed    ${reason}`);
  }
  bar?.increment(1, { file: path.basename(file) });
}
bar?.stop();

const count = (status: ImportResult['status']) => results.filter((result) => result.status === status).length;
const warned = results.filter((result) => result.warnings.length > 0);
console.log(
  `\n${options.dryRun ? 'Dry run — nothing written. ' : ''}${files.length} file(s): ${count('imported')} imported, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${failures.length} failed.`,
);
if (bar) {
  for (const result of results.filter((r) => r.status === 'skipped')) console.log(`  skipped ${result.file}: ${result.reason}`);
  for (const result of warned) for (const warning of result.warnings) console.warn(`  warning ${result.file}: ${warning}`);
}
for (const failure of failures) console.error(`  failed ${failure.reason}`);
if (failures.length) process.exitCode = 1;
