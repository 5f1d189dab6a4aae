/**
 * npm run import -- <file|dir>… [options]   (npm run import -- --help lists them)
 *
 * Turns articles — plain text, Markdown, HTML pages, WordPress exports — into
 * content/<locale>/<slug>.mdx (or into $ARSHIF_CONTENT_DIR). A folder imports
 * every .txt, .md and .html below it. Exits non-zero when any file failed. The bundled seed was made with:
 *
 *   npm run import -- tests/fixtures/seed/000_2807e117feb6745e.txt --lang ar --date 2023-09-20 \
 *     --tags "أذربيجان,أرمينيا,قره باغ" --slug azerbaijan-halts-karabakh-offensive
 *   npm run import -- tests/fixtures/seed/000_2807e117feb6745e.en.txt --lang en --date 2023-09-20 \
 *     --tags "Azerbaijan,Armenia,Nagorno-Karabakh" --slug azerbaijan-halts-karabakh-offensive \
 *     --translation-of ar/azerbaijan-halts-karabakh-offensive
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';
import { collectFiles, type SkippedEntry } from './collect.ts';
import { ImportError } from './errors.ts';
import { importArticle, importWordpressExport, type ImportOptions, type ImportResult } from './import-article.ts';
import { FORMATS, formatOfFile, type Format } from './readers/read-article.ts';
import { WORDPRESS_EXTRAS, type WordpressExtra } from './readers/wordpress.ts';
import { isLocaleCode, LOCALE_CODES } from '../../src/i18n/locales.ts';
import { settings } from '../../src/settings.ts';
import { normalizeField } from './normalize.ts';
import { printable } from './printable.ts';
import { removeOrphanTemporaries } from './write.ts';
import { describeJoined, joinedNames } from './joined-names.ts';

const USAGE = `Usage: npm run import -- <file|dir>… [options]

Formats (by extension, or --format):
  .txt            plain text: optional --- front block, title line, one paragraph a line;
                  short unpunctuated lines are subheadings, or mark them with "## ";
                  three or more in a row are verse (a poem, one verse a line)
  .md .markdown   Markdown with an optional --- front block (title, date, tags, slug, lang,
                  translationOf, source, author); # title, links, emphasis, lists, tables, images
  .html .htm      an HTML page: its <article> (or --selector), sanitized to an allowlist
  .xml            a WordPress export (WXR): every published post

Options:
  --lang xx               the articles' language (otherwise the front block's, or guessed)
  --date YYYY-MM-DD       the date
  --tags a,b              tags, separated by , or ،
  --author name           the byline (shown with a page of the author's articles)
  --source text|URL       where the article came from; a URL is shown as a link
  --slug s                the URL name (one file only)
  --slug-from title|filename
  --translation-of <locale>/<slug>   this is a translation of that article
  --format text|markdown|html|wordpress   read every file given in this format
  --selector CSS          HTML: the element holding the article (default: article)
  --media DIR             where images named by the articles are (default: the article's folder;
                          for WordPress, a copy of wp-content/uploads)
  --include pages,drafts,private,protected,future
                          WordPress: import these too (each skipped otherwise, with a warning naming
                          the post): pages; drafts and pending posts; private posts; password-protected
                          posts (published to everyone); scheduled and future-dated posts
  --force                 replace articles that changed or were edited by hand
  --strict                refuse instead of repairing: invisible control characters (otherwise
                          removed, with a warning) refuse the file; verse (otherwise read from 3
                          or more short unpunctuated lines) is not read: such lines are
                          subheadings, and an article of nothing else is refused
  --dry-run               report what would happen, write nothing
  --max-size MB           the largest file accepted (5 MB; exports 512 MB)
  -h, --help              this text

Exit status: 0 when every article was imported, updated or unchanged; 1 when any failed;
3 when some were skipped (each skip says why and which option differs; --force rewrites,
keeping a hand-edited article as <slug>.mdx.<time>.bak beside it).`;

const OPTION_NAMES = [
  'lang',
  'date',
  'tags',
  'slug',
  'slug-from',
  'translation-of',
  'source',
  'author',
  'format',
  'selector',
  'media',
  'include',
  'force',
  'strict',
  'dry-run',
  'max-size',
  'help',
];

/** The known option closest to a mistyped one, for "did you mean". */
function closestOption(given: string): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const ranked = OPTION_NAMES.map((name) => ({ name, score: distance(given, name) })).sort((a, b) => a.score - b.score)[0];
  return ranked && ranked.score <= Math.max(2, Math.floor(given.length / 3)) ? ranked.name : undefined;
}

/** Batches at least this large get a progress bar instead of a line per file. */
const PROGRESS_BAR_FROM = 20;

const ARGUMENTS = {
  allowPositionals: true,
  options: {
    lang: { type: 'string' },
    date: { type: 'string' },
    tags: { type: 'string' },
    slug: { type: 'string' },
    'slug-from': { type: 'string' },
    'translation-of': { type: 'string' },
    source: { type: 'string' },
    author: { type: 'string' },
    format: { type: 'string' },
    selector: { type: 'string' },
    media: { type: 'string' },
    include: { type: 'string' },
    force: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
} as const satisfies ParseArgsConfig;

let parsed: ReturnType<typeof parseArgs<typeof ARGUMENTS>>;
try {
  parsed = parseArgs(ARGUMENTS);
} catch (error) {
  const message = (error as Error).message;
  const unknown = /Unknown option '--?([^']+)'/.exec(message)?.[1];
  const suggestion = unknown ? closestOption(unknown) : undefined;
  const didYouMean = suggestion ? ` Did you mean --${suggestion}?` : '';
  console.error(`${printable(message + didYouMean)}\nRun npm run import -- --help for every option.`);
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
const format = values.format as Format | undefined;
if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
  console.error(printable(`--format must be one of ${FORMATS.join(', ')} (got "${format}").`));
  process.exit(2);
}
const include =
  values.include
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean) ?? [];
const unknownExtra = include.find((part) => !(WORDPRESS_EXTRAS as readonly string[]).includes(part));
if (unknownExtra) {
  console.error(printable(`--include takes ${WORDPRESS_EXTRAS.join(', ')}, comma-separated (got "${unknownExtra}").`));
  process.exit(2);
}
if (values.media !== undefined && !(existsSync(values.media) && statSync(values.media).isDirectory())) {
  console.error(printable(`--media ${values.media} is not a folder. Name the folder that holds the articles' images.`));
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
    console.error(
      printable(
        `--lang "${values.lang}" is not a configured locale (${LOCALE_CODES.join(', ')}). Use one of those, or add the locale to src/i18n/locales.ts first.`,
      ),
    );
    process.exit(2);
  }
}

const options: ImportOptions = {
  contentDir: path.resolve(settings.contentDir),
  lang: values.lang,
  date: values.date,
  // Arabic keyboards type the Arabic comma; both separate tags.
  tags: values.tags
    ?.split(/[,،]/)
    .map((tag) => tag.trim())
    .filter(Boolean),
  slug: values.slug,
  slugFrom,
  translationOf: values['translation-of'],
  source: values.source,
  author: values.author,
  format,
  selector: values.selector,
  media: values.media === undefined ? undefined : path.resolve(values.media),
  include: include as WordpressExtra[],
  force: values.force,
  strict: values.strict,
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

const exports = files.filter((file) => (format ?? formatOfFile(file)) === 'wordpress');
const articleFiles = files.filter((file) => !exports.includes(file));
/** Items of WordPress exports counted like files in the summary. */
let exportItems = 0;
const exportSkipped: { file: string; reason: string }[] = [];
/** Skipped items already reported one by one (no progress bar). */
let exportSkippedQuietly = 0;
for (const file of exports) {
  say(`reading the WordPress export ${file}…`);
  let exportBar: cliProgress.SingleBar | undefined;
  try {
    const { items, warnings } = await importWordpressExport(file, options, (done, total, item) => {
      if (done === 1 && total >= PROGRESS_BAR_FROM && process.stdout.isTTY === true) {
        exportBar = new cliProgress.SingleBar(
          { format: 'importing [{bar}] {value}/{total} {item}', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        exportBar.start(total, 0, { item: '' });
      }
      exportBar?.increment(1, { item: item.id });
      const name = `${file} (${item.id})`;
      if (item.result) {
        results.push({ ...item.result, file: name });
        if (!exportBar) {
          const verb =
            options.dryRun && (item.result.status === 'imported' || item.result.status === 'updated') ? `would be ${item.result.status}` : item.result.status;
          say(
            `${verb.padEnd(9)} ${name} → ${path.join(path.relative(process.cwd(), options.contentDir) || '.', item.result.target)}${item.result.reason ? ` (${item.result.reason})` : ''}`,
          );
          for (const note of item.result.notes) say(`  note: ${note}`);
          for (const warning of item.result.warnings) warn(`  warning: ${warning}`);
        }
      } else if (item.skipped) {
        if (exportBar) exportSkipped.push({ file: name, reason: item.skipped });
        else exportSkippedQuietly++;
        if (!exportBar) say(`${'skipped'.padEnd(9)} ${name}: ${item.skipped}`);
      } else if (item.failed) {
        failures.push({ file: name, reason: item.failed });
        if (!exportBar) complain(`failed    ${item.failed}`);
      }
    });
    exportItems += items.length;
    for (const warning of warnings) warn(`  warning ${file}: ${warning}`);
  } catch (error) {
    exportItems += 1;
    failures.push({
      file,
      reason:
        error instanceof ImportError
          ? error.message
          : `${file}: could not be read (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}). Export it again from WordPress; if it still fails, this is a bug in the importer.`,
    });
    if (!exportBar) complain(`failed    ${failures.at(-1)!.reason}`);
  }
  exportBar?.stop();
}

// Without a terminal (a cron job, output sent to a file) every file gets its line: the output is the batch's log.
const interactive = process.stdout.isTTY === true;
const bar =
  interactive && articleFiles.length >= PROGRESS_BAR_FROM
    ? new cliProgress.SingleBar(
        { format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
bar?.start(articleFiles.length, 0, { file: '' });
for (const file of articleFiles) {
  try {
    const result = await importArticle(file, { ...options, sourceName: sourceNameOf(file) });
    results.push(result);
    if (!bar) {
      const verb = options.dryRun && (result.status === 'imported' || result.status === 'updated') ? `would be ${result.status}` : result.status;
      say(
        `${verb.padEnd(9)} ${file} → ${path.join(path.relative(process.cwd(), options.contentDir) || '.', result.target)}${result.reason ? ` (${result.reason})` : ''}`,
      );
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
  `${options.dryRun ? 'Dry run — nothing written. ' : ''}${articleFiles.length + nonRegular.length} file(s)${exports.length ? ` and ${exportItems} item(s) of ${exports.length} WordPress export(s)` : ''}: ${count('imported')} imported, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('skipped') + nonRegular.length + exportSkipped.length + exportSkippedQuietly} skipped, ${failures.length} failed.`,
);
for (const entry of exportSkipped) say(`  skipped ${entry.file}: ${entry.reason}`);
// Entries that are not regular files are counted as skipped, each with its reason.
for (const entry of nonRegular) say(`  skipped ${entry.file}: ${entry.reason}`);
if (bar) {
  for (const result of results.filter((r) => r.status === 'skipped')) say(`  skipped ${result.file}: ${result.reason}`);
  for (const result of warned) for (const warning of result.warnings) warn(`  warning ${result.file}: ${warning}`);
}
for (const failure of failures) complain(`  failed ${failure.reason}`);

// Spellings of one name share one page: say which, for the names this run wrote.
const written = new Map(
  results
    .filter((result) => result.names && (result.status === 'imported' || result.status === 'updated'))
    .map((result) => [result.target, result.names!] as const),
);
if (written.size && !options.dryRun) {
  const joined = await joinedNames(options.contentDir, written);
  if (joined.length) {
    say(`${joined.length} name(s) written in more than one spelling, each joined on one page under the spelling most articles use:`);
    const shown = 30;
    for (const name of joined.slice(0, shown)) say(`  ${describeJoined(name)}`);
    if (joined.length > shown) say(`  … and ${joined.length - shown} more`);
  }
}
// A skipped article is not imported either: the run did not do what was asked (exit 1 on failures, 3 when only skips).
if (failures.length) process.exitCode = 1;
else if (count('skipped') > 0) process.exitCode = 3;
