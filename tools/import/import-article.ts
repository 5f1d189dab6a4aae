import { copyFile, lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isLocaleCode, LOCALE_CODES } from '../../src/i18n/locales.ts';
import { LEGACY_SLUG_LENGTH, MAX_SLUG_LENGTH, isValidSlug, slugCandidates, slugFromText } from './slug.ts';
import { articleProblems } from '../../src/article/index.ts';
import { decodeArticleBytes } from './decode.ts';
import { ImportError } from './errors.ts';
import { contentHash, normalizedLines, textFingerprint } from './fidelity.ts';
import { detectLanguage } from './language.ts';
import { blockLines, inlineText, type Block } from './model.ts';
import { normalizeArticleText, normalizeField } from './normalize.ts';
import { DEFAULT_MAX_LINE_LENGTH, shortLineKind } from './parse.ts';
import { copyArticleImages, planArticleImages } from './images.ts';
import { checkAuthor, checkDate, checkSource, checkTags, withBylineParagraph } from './fields.ts';
import { readHtml } from './readers/html.ts';
import { readMarkdown } from './readers/markdown.ts';
import { formatOfFile, type Format, type ReadArticle } from './readers/read-article.ts';
import { readText } from './readers/text.ts';
import { readWordpressExport, type WordpressExtra } from './readers/wordpress.ts';
import { checkRendersAsWritten } from './self-check.ts';
import { writeArticleBody } from './writer.ts';
import { renderMdxFile, splitMdxFile } from './to-mdx.ts';
import { printable } from './printable.ts';
import { createFileExclusive, writeFileAtomic } from './write.ts';
import { withoutMissingImages } from './missing-images.ts';

export interface ImportOptions {
  /** Folder holding <locale>/<slug>.mdx. */
  contentDir: string;
  lang?: string;
  date?: string;
  tags?: string[];
  slug?: string;
  slugFrom?: 'title' | 'filename';
  translationOf?: string;
  /** Where the text came from (a URL, a book). Shown to readers; a link when it is an http(s) URL. */
  source?: string;
  /** Who wrote it: shown as the byline, with a page of the author's articles. */
  author?: string;
  /** The reader: by the file's extension unless given (text, markdown, html, wordpress). */
  format?: Format;
  /** For HTML: the CSS selector of the article's element (`article` by default). */
  selector?: string;
  /** Folder where the images an article names are looked up; the article file's own folder by default. */
  media?: string;
  /** WordPress: what to import besides published posts. */
  include?: WordpressExtra[];
  force?: boolean;
  dryRun?: boolean;
  /**
   * Refuse instead of repairing: a text or field with invisible control
   * characters (or a tab in a one-line field) is refused, not cleaned; short
   * unpunctuated lines are subheadings only (no verse), and an article whose
   * every line is one is refused; a byline longer than a name and two
   * spellings of one tag are refused. Without it the importer repairs what a
   * reader would never miss, with a warning.
   */
  strict?: boolean;
  maxFileBytes?: number;
  maxLineLength?: number;
  /**
   * Targets already written in this run, with the sourceHash written there.
   * Two files of one batch can share a name (2001/report.txt, 2002/report.txt)
   * and a slug: the second must take a suffix, not replace the first.
   */
  claimedTargets?: Map<string, string>;
  /**
   * How the source is named in the article's record (imported.file): its path
   * inside the folder it was imported from (`2023/report.txt`), or its file
   * name. A changed text is matched to its earlier import by this name, so
   * `2023/report.txt` and `2024/report.txt` stay two articles.
   */
  sourceName?: string;
}

export type ImportStatus = 'imported' | 'updated' | 'unchanged' | 'skipped';

export interface ImportResult {
  file: string;
  status: ImportStatus;
  /** content/<locale>/<slug>.mdx, relative to the content folder. */
  target: string;
  reason?: string;
  warnings: string[];
  notes: string[];
  /** The names an imported or updated article carries, for the summary's joined spellings. */
  names?: ArticleNames;
}

export interface ArticleNames {
  author?: string;
  tags: string[];
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

interface ExistingArticle {
  sourceHash?: string;
  outputHash?: string;
  file?: string;
  translationKey?: string;
  body: string;
  whole: string;
  /** The front matter as read, to name the fields a re-import would change. */
  front?: Record<string, unknown>;
}

async function readExisting(file: string): Promise<ExistingArticle | null> {
  let whole: string;
  try {
    whole = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Something unreadable (a folder, no permission) holds the name: never free, never an article of ours.
    return { body: '', whole: '' };
  }
  const parts = splitMdxFile(whole);
  if (!parts) return { body: whole, whole };
  let data: Record<string, unknown> = {};
  try {
    data = (parseYaml(parts.frontMatter) as Record<string, unknown>) ?? {};
  } catch {
    // A broken front matter is treated as a hand-written file: never overwritten silently.
  }
  const imported = (data.imported ?? {}) as Record<string, unknown>;
  return {
    body: parts.body,
    whole,
    sourceHash: typeof imported.sourceHash === 'string' ? imported.sourceHash : undefined,
    outputHash: typeof imported.outputHash === 'string' ? imported.outputHash : undefined,
    file: typeof imported.file === 'string' ? imported.file : undefined,
    translationKey: typeof data.translationKey === 'string' ? data.translationKey : undefined,
    front: data,
  };
}

/** Where each front-matter field comes from, to name it in a message. */
const FIELD_ORIGINS: Record<string, string> = {
  date: '--date or "date"',
  tags: '--tags or "tags"',
  author: '--author or "author"',
  source: '--source or "source"',
  translationKey: '--translation-of or "translationOf"',
  images: 'the photographs (their files changed)',
  title: 'the title',
  description: 'the lead paragraph',
};

/** The front-matter fields a re-import would change, each named with the option that sets it and both values. */
export function frontMatterDifferences(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const shown = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => field !== 'imported');
  const changed = fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => `${field} (${FIELD_ORIGINS[field] ?? field}): ${shown(before[field])} → ${shown(after[field])}`);
  const fileBefore = (before.imported as { file?: unknown } | undefined)?.file;
  const fileAfter = (after.imported as { file?: unknown } | undefined)?.file;
  if (fileBefore !== fileAfter) changed.push(`the recorded file name: ${shown(fileBefore)} → ${shown(fileAfter)}`);
  return changed;
}

/** Another process created the target between this import's look and its create. */
class TargetTaken extends Error {
  constructor(target: string) {
    super(`${target} was created by another import at the same moment`);
  }
}
const MAX_CREATE_ATTEMPTS = 1000;

/**
 * translationKey → articles (<locale>/<slug>.mdx) of one locale folder, read
 * once per process and kept up to date by this process's writes: a batch of
 * 10,000 files must not read the whole folder again for every translation.
 * (Another process importing at the same moment is not seen; the build's own
 * check refuses two translations into one locale whatever made them.)
 */
const translationIndexes = new Map<string, Promise<Map<string, Set<string>>>>();

function translationIndex(contentDir: string, locale: string): Promise<Map<string, Set<string>>> {
  const folder = path.resolve(contentDir, locale);
  let index = translationIndexes.get(folder);
  if (!index) {
    index = (async () => {
      const byKey = new Map<string, Set<string>>();
      const names = (await readdir(folder).catch(() => [] as string[])).filter((entry) => entry.endsWith('.mdx')).sort();
      for (const name of names) {
        const key = (await readExisting(path.join(folder, name)))?.translationKey;
        if (key) (byKey.get(key) ?? byKey.set(key, new Set()).get(key)!).add(path.join(locale, name));
      }
      return byKey;
    })();
    translationIndexes.set(folder, index);
  }
  return index;
}

/** The articles of one language (as <locale>/<slug>.mdx) whose translationKey is `key`. */
async function articlesWithKey(contentDir: string, locale: string, key: string): Promise<string[]> {
  return [...((await translationIndex(contentDir, locale)).get(key) ?? [])].sort();
}

/** Records a written article in the translation index, if this process has one for its folder. */
async function recordTranslation(contentDir: string, target: string, key: string): Promise<void> {
  const index = translationIndexes.get(path.resolve(contentDir, path.dirname(target)));
  if (index) ((await index).get(key) ?? (await index).set(key, new Set()).get(key)!).add(target);
}

/**
 * Imports one raw article file into content/<locale>/<slug>.mdx. Never loses
 * data: an unchanged re-import reports "unchanged"; a changed source or a
 * hand-edited article is skipped unless `force`; a slug taken by another
 * article gets a suffix; writes are atomic; `dryRun` writes nothing.
 */
export async function importArticle(sourceFile: string, givenOptions: ImportOptions): Promise<ImportResult> {
  const file = sourceFile;
  const warnings: string[] = [];
  const notes: string[] = [];
  const options = withFlags(givenOptions, file, warnings, notes);
  const source = await readSourceFile(file, options);
  warnings.push(...source.warnings);
  notes.push(...source.notes);
  const format = options.format ?? formatOfFile(file);
  const limits = { maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH };
  if (format === 'wordpress')
    throw new ImportError(
      file,
      'is a WordPress export: it holds many articles.',
      'Import it with importWordpressExport (npm run import does this for .xml files).',
    );
  const read =
    format === 'markdown'
      ? readMarkdown(source.text, file, limits, { strict: options.strict })
      : format === 'html'
        ? readHtml(source.text, file, { selector: options.selector })
        : readText(source.text, file, limits, { strict: options.strict });
  return importReadArticle(read, { encoding: source.encoding, mediaDir: options.media ?? path.dirname(file) }, options, warnings, notes);
}

/** An export is bigger than an article: this many MB by default (--max-size raises it). */
export const DEFAULT_MAX_EXPORT_BYTES = 512 * 1024 * 1024;

export interface WordpressItemResult {
  id: string;
  result?: ImportResult;
  skipped?: string;
  failed?: string;
}

/**
 * Imports every published post of a WordPress export (WXR), one at a time
 * through the same checks and writer as any file; calls `onItem` after each,
 * for a progress bar. A post that fails does not stop the others.
 */
export async function importWordpressExport(
  file: string,
  givenOptions: ImportOptions,
  onItem?: (done: number, total: number, item: WordpressItemResult) => void,
): Promise<{ items: WordpressItemResult[]; warnings: string[]; notes: string[] }> {
  if (givenOptions.slug !== undefined || givenOptions.translationOf !== undefined) {
    throw new ImportError(
      file,
      'is a WordPress export of many posts; --slug and --translation-of name one article.',
      'Drop them: each post takes its own slug (wp:post_name or its title).',
    );
  }
  const source = await readSourceFile(file, { maxFileBytes: givenOptions.maxFileBytes ?? DEFAULT_MAX_EXPORT_BYTES, strict: givenOptions.strict });
  // Each post is held to the limit of one article, whatever the export's size.
  const { items, warnings: exportWarnings } = readWordpressExport(source.text, file, {
    include: givenOptions.include,
    maxPostBytes: givenOptions.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  });
  const mediaDir = givenOptions.media ?? path.dirname(file);
  const results: WordpressItemResult[] = [];
  for (const [index, item] of items.entries()) {
    let outcome: WordpressItemResult;
    if (item.skipped) outcome = { id: item.id, skipped: item.skipped };
    else if (item.error || !item.article) outcome = { id: item.id, failed: item.error?.message ?? `${file} (${item.id}): could not be read.` };
    else {
      try {
        const warnings: string[] = [];
        const notes: string[] = [];
        const article = { ...item.article, blocks: await withoutMissingImages(item.article.blocks, mediaDir, warnings) };
        const result = await importReadArticle(
          article,
          { encoding: source.encoding, mediaDir },
          withFlags(givenOptions, article.file, warnings, notes),
          warnings,
          notes,
        );
        outcome = { id: item.id, result };
      } catch (error) {
        // Whatever went wrong, it is this post's failure, said in words: never a stack trace, never the end of the export.
        const where = `${file} (${item.id}${item.line ? `, the <item> at line ${item.line}` : ''}, «${item.article.title.slice(0, 80)}»)`;
        outcome = {
          id: item.id,
          failed:
            error instanceof ImportError
              ? error.message
              : printable(
                  `${where}: could not be imported (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}). Check the post in WordPress, or remove it from the export; the other posts are imported.`,
                ),
        };
      }
    }
    results.push(outcome);
    onItem?.(index + 1, items.length, outcome);
  }
  return { items: results, warnings: [...source.warnings, ...exportWarnings], notes: source.notes };
}

/** Command-line values through the same normalization and checks as the text and the front block. */
function withFlags(givenOptions: ImportOptions, file: string, warnings: string[], notes: string[]): ImportOptions {
  const flag = (value: string, name: string) => {
    const result = normalizeField(value, { file, field: name }, givenOptions.strict);
    warnings.push(...result.warnings);
    notes.push(...result.notes);
    return result.text;
  };
  return {
    ...givenOptions,
    ...(givenOptions.lang !== undefined ? { lang: flag(givenOptions.lang, '--lang') } : {}),
    ...(givenOptions.date !== undefined ? { date: flag(givenOptions.date, '--date') } : {}),
    ...(givenOptions.tags !== undefined ? { tags: givenOptions.tags.map((tag) => flag(tag, '--tags')) } : {}),
    ...(givenOptions.slug !== undefined ? { slug: flag(givenOptions.slug, '--slug') } : {}),
    ...(givenOptions.translationOf !== undefined ? { translationOf: flag(givenOptions.translationOf, '--translation-of') } : {}),
    ...(givenOptions.source !== undefined ? { source: flag(givenOptions.source, '--source') } : {}),
    ...(givenOptions.author !== undefined ? { author: flag(givenOptions.author, '--author') } : {}),
  };
}

/** A source file's text, after the checks every format shares: a regular file, not empty, under the size limit, decoded and normalized. */
export async function readSourceFile(
  file: string,
  options: Pick<ImportOptions, 'maxFileBytes' | 'strict'>,
): Promise<{ text: string; encoding: string; warnings: string[]; notes: string[] }> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const info = await stat(file);
  if (!info.isFile())
    throw new ImportError(
      file,
      'is not a regular file (a folder, a named pipe, a socket or a device).',
      'Name a text file, or a folder to import every .txt file in it.',
    );
  const size = info.size;
  if (size > maxBytes) {
    const shown = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
    throw new ImportError(
      file,
      `is ${shown(size)}, over the ${shown(maxBytes)} limit.`,
      'Split it into articles, or raise the limit with --max-size <MB> if it really is one article.',
    );
  }
  if (size === 0) throw new ImportError(file, 'is empty.', 'Check that this is the right file.');
  const decoded = decodeArticleBytes(new Uint8Array(await readFile(file)), file);
  const normalized = normalizeArticleText(decoded.text, file, { strict: options.strict });
  return { text: normalized.text, encoding: decoded.encoding, warnings: normalized.warnings, notes: [...decoded.notes, ...normalized.notes] };
}

/**
 * The shared second half of every import, whatever the reader: language,
 * date, tags, byline and source checked; slug chosen; images found and
 * copied; the one writer's body checked to render as the model says; the
 * article written (or found unchanged, or skipped with the reason).
 */
export async function importReadArticle(
  readArticle: ReadArticle,
  input: { encoding: string; mediaDir: string },
  options: ImportOptions,
  warnings: string[] = [],
  notes: string[] = [],
): Promise<ImportResult> {
  let article = readArticle;
  const file = article.file;
  warnings.push(...article.warnings);
  notes.push(...article.notes);
  const decoded = { encoding: input.encoding };
  const headings = article.blocks.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading');
  notes.push(
    headings.length
      ? `subheadings detected (${headings.length}): ${headings.map((heading) => `«${inlineText(heading.children)}»`).join(', ')}`
      : 'no subheadings detected',
  );

  // Language: the flag, the front block, or a guess from the script (with a warning).
  let lang = options.lang ?? article.front.lang;
  const langFrom = options.lang ? 'from --lang' : article.front.lang ? 'from the front block\'s "lang" field' : 'guessed from its script';
  if (!lang) {
    const detected = detectLanguage(`${article.title}\n${blockLines(article.blocks).join('\n')}`);
    if (!detected.code) throw new ImportError(file, `has no language to detect: ${detected.reason}.`, 'Pass --lang <code>.');
    lang = detected.code;
    warnings.push(`language guessed as "${lang}" from ${detected.reason}; pass --lang to set it`);
  }
  if (!isLocaleCode(lang)) {
    throw new ImportError(
      file,
      `is in "${lang}" (${langFrom}), which is not a configured locale (${LOCALE_CODES.join(', ')}).`,
      'Pass --lang with one of those, or add the locale to src/i18n/locales.ts first.',
    );
  }

  const dateText = options.date ?? article.front.date;
  const date = dateText
    ? checkDate(dateText, options.date ? { file, where: '--date' } : { file, where: 'the front block\'s "date" field', line: article.frontLines.date })
    : undefined;
  const checkedTags = checkTags(
    options.tags ?? article.front.tags ?? [],
    options.tags ? { file, where: '--tags' } : { file, where: 'the front block\'s "tags" field', line: article.frontLines.tags },
    options.strict,
  );
  const tags = checkedTags.tags;
  warnings.push(...checkedTags.lookAlikes);
  for (const { kept, dropped } of checkedTags.joined)
    warnings.push(`the tags «${kept}» and «${dropped}» are two spellings of one tag (one page): kept «${kept}»`);
  // The file name is recorded (imported.file, and source by default): control and bidi characters in it are written as escapes.
  const givenName = article.itemName ?? options.sourceName ?? path.basename(file);
  const fileName = printable(givenName);
  if (fileName !== givenName) warnings.push(`the file name has control or bidi characters; recorded as "${fileName}"`);
  // Shown to readers, so never the file name (that stays in imported.file, the importer's own record).
  const source = checkSource(
    options.source ?? article.front.source,
    options.source !== undefined ? { file, where: '--source' } : { file, where: 'the "source" field', line: article.frontLines.source },
  );
  const byline = checkAuthor(
    options.author ?? article.front.author,
    options.author !== undefined ? { file, where: '--author' } : { file, where: 'the "author" field', line: article.frontLines.author },
    options.strict,
  );
  const author = byline.author;
  if (byline.warning) warnings.push(byline.warning);
  if (byline.label) notes.push(`the byline's label «${byline.label}» was left out of the author's name (the page writes its own)`);
  if (byline.bylineParagraph) article = withBylineParagraph(article, byline.bylineParagraph);

  let baseSlug = options.slug ?? article.front.slug;
  if (baseSlug !== undefined && !isValidSlug(baseSlug)) {
    throw new ImportError(
      file,
      `has the slug "${baseSlug}", which is not lowercase ASCII words joined by hyphens.`,
      'Use letters a-z, digits and hyphens, e.g. azerbaijan-halts-offensive.',
    );
  }
  // The slug an earlier version (slugs of up to 80 characters) gave this text, if not the same.
  let legacySlug: string | undefined;
  if (baseSlug === undefined) {
    const fromFile = options.slugFrom === 'filename';
    const derive = (maxLength: number) =>
      slugFromText(fromFile ? path.basename(file).replace(/\.[^.]+$/, '') : article.title, maxLength) ||
      slugFromText(path.basename(file).replace(/\.[^.]+$/, ''), maxLength) ||
      'article';
    baseSlug = derive(MAX_SLUG_LENGTH);
    const legacy = derive(LEGACY_SLUG_LENGTH);
    if (legacy !== baseSlug) legacySlug = legacy;
  }

  // A translation shares the key of its original, which must already be in the archive, in another language.
  const translationOf = options.translationOf ?? article.front.translationOf;
  const translationFrom = options.translationOf ? '--translation-of' : 'the front block\'s "translationOf" field';
  const translationLine = options.translationOf ? undefined : article.frontLines.translationOf;
  let translationKey: string | undefined;
  /** Articles of this language that already carry the key: at most this very article may. */
  let translationHolders: string[] = [];
  if (translationOf) {
    const parts = translationOf.split('/');
    const [originalLocale, originalSlug] = parts;
    if (parts.length !== 2 || !originalLocale || !originalSlug || !isLocaleCode(originalLocale) || !isValidSlug(originalSlug)) {
      throw new ImportError(
        file,
        `has translationOf "${translationOf}" (${translationFrom}), which is not <locale>/<slug>.`,
        `Write it like ar/some-slug: one locale among ${LOCALE_CODES.join(', ')}, a slash, and the original's slug — nothing else.`,
        translationLine,
      );
    }
    if (originalLocale === lang) {
      throw new ImportError(
        file,
        `is in "${lang}" and says it is a translation of ${translationOf} (${translationFrom}), an article in the same language.`,
        'A translation links articles of two languages: name the original in its own language, or drop --translation-of.',
        translationLine,
      );
    }
    const originalFile = path.join(options.contentDir, originalLocale, `${originalSlug}.mdx`);
    const original = (await lstat(originalFile).catch(() => null))?.isFile() ? await readExisting(originalFile) : null;
    if (!original) {
      throw new ImportError(
        file,
        `is a translation of ${translationOf} (${translationFrom}), which is not in the archive.`,
        'Import the original first, or correct --translation-of.',
        translationLine,
      );
    }
    translationKey = original.translationKey ?? translationOf;
    translationHolders = await articlesWithKey(options.contentDir, lang, translationKey);
  }
  const checkTranslationTarget = (target: string) => {
    const other = translationHolders.find((holder) => holder !== target);
    if (other) {
      throw new ImportError(
        file,
        `is a translation of ${translationOf} (${translationFrom}), which already has its ${lang} translation: ${other}.`,
        `Update that article instead (import this file with --slug ${path.basename(other, '.mdx')} --force), or correct --translation-of.`,
        translationLine,
      );
    }
  };

  const lines = normalizedLines(article.title, blockLines(article.blocks));
  const sourceHash = textFingerprint(lines);
  // Every image is found (and its bytes hashed) before anything is written: a missing one fails the import.
  const images = await planArticleImages(article.blocks, input.mediaDir, file);
  const bodyFor = (slug: string) => {
    const blocks = images.blocksFor(slug);
    return { blocks, body: checkRendersAsWritten(blocks, writeArticleBody, file, warnings) };
  };
  // The lead (description, card text): the first paragraph that is not a dateline, byline or caption.
  const paragraphs = article.blocks.filter((block): block is Extract<Block, { type: 'paragraph' }> => block.type === 'paragraph');
  const firstParagraph = paragraphs.find((block) => shortLineKind(inlineText(block.children).trim()) === null);
  // A poem with no such paragraph is introduced by its first two verses, joined as verse is quoted in one line: «… / …».
  const firstVerse = article.blocks.find((block): block is Extract<Block, { type: 'verse' }> => block.type === 'verse');
  const leadText = firstParagraph
    ? inlineText(firstParagraph.children)
    : firstVerse
      ? firstVerse.lines.slice(0, 2).map(inlineText).join(' / ')
      : paragraphs[0]
        ? inlineText(paragraphs[0].children)
        : '';
  const lead = leadText.replace(/\s+/g, ' ').trim();

  const candidates = slugCandidates(baseSlug).map((slug) => ({ slug, target: path.join(lang, `${slug}.mdx`) }));
  const renderFor = (slug: string) => {
    const { body } = bodyFor(slug);
    const front = {
      title: article.title,
      description: lead,
      ...(date ? { date } : {}),
      tags,
      translationKey: translationKey ?? `${lang}/${slug}`,
      ...(author ? { author } : {}),
      ...(source ? { source } : {}),
      ...(images.count ? { images: images.pathsFor(slug) } : {}),
      imported: { file: fileName, encoding: decoded.encoding, sourceHash, outputHash: contentHash(body) },
    };
    // The build's own checks, last: what the importer writes, the build accepts.
    const problems = articleProblems({ ...front }, body);
    if (problems.length) throw new ImportError(file, `would not build: ${problems.join('; ')}.`, 'Fix these fields and import again.');
    return renderMdxFile(front, body);
  };

  /** Imports into one target: write, report unchanged, or refuse without --force. Claims the target for the batch. */
  const settle = async (target: string, slug: string, existing: ExistingArticle | null): Promise<ImportResult> => {
    checkTranslationTarget(target);
    const mdx = renderFor(slug);
    options.claimedTargets?.set(target, sourceHash);
    const result = (status: ImportStatus, reason?: string): ImportResult => ({ file, status, target, reason, warnings, notes });
    const write = async (status: ImportStatus) => {
      // Photographs first: an article never points at an image that is not there yet.
      if (!options.dryRun) await copyArticleImages(images, options.contentDir, lang, slug);
      if (!options.dryRun) {
        if (status === 'imported') {
          // A new article: name and file are claimed in one step (another import may be choosing the same slug right now).
          if (!(await createFileExclusive(path.join(options.contentDir, target), mdx))) {
            if (options.claimedTargets?.get(target) === sourceHash) options.claimedTargets.delete(target);
            throw new TargetTaken(target);
          }
        } else {
          await writeFileAtomic(path.join(options.contentDir, target), mdx);
        }
      }
      if (!options.dryRun) await recordTranslation(options.contentDir, target, translationKey ?? `${lang}/${slug}`);
      return { ...result(status, options.dryRun ? 'dry run: nothing written' : undefined), names: { ...(author ? { author } : {}), tags } };
    };
    if (!existing) return write('imported');
    if (existing.whole === mdx) return result('unchanged');
    const handEdited = existing.outputHash === undefined || contentHash(existing.body) !== existing.outputHash;
    // The same text imported from another source (another file, another site's export): that article is not this source's to replace.
    const otherSource = existing.file !== undefined && existing.file !== fileName;
    if (options.force) {
      // A hand edit, or another source's article, is never lost: it is kept beside the new one (not .mdx, so the site does not read it).
      if ((handEdited || otherSource) && !options.dryRun) {
        const backup = `${target}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
        await copyFile(path.join(options.contentDir, target), path.join(options.contentDir, backup));
        notes.push(
          handEdited
            ? `${target} had been edited by hand; that version is kept as ${backup}`
            : `${target} had been imported from ${existing.file}; that version is kept as ${backup}`,
        );
      }
      return write('updated');
    }
    if (handEdited) {
      return result(
        'skipped',
        `${target} was edited by hand since it was imported; pass --force to replace it (the edited version is kept as a .bak file beside it)`,
      );
    }
    if (existing.sourceHash === sourceHash) {
      const differences = frontMatterDifferences(existing.front ?? {}, parseYaml(splitMdxFile(mdx)!.frontMatter) as Record<string, unknown>);
      // The same text and fields with a different body: this version of the importer writes it differently (verse, where subheadings were).
      const what = differences.length
        ? `this import would change ${differences.join('; ')}`
        : existing.body !== splitMdxFile(mdx)!.body
          ? 'this version of the importer writes its body differently (verse where there were subheadings, say)'
          : 'its front matter differs';
      return result('skipped', `${target} was imported from this text, but ${what}; pass --force to rewrite it`);
    }
    return result('skipped', `the source text changed since ${target} was imported; pass --force to replace it`);
  };
  const claimedByOther = (target: string) => {
    const claim = options.claimedTargets?.get(target);
    return claim !== undefined && claim !== sourceHash;
  };

  /** Chooses the target and settles there; throws TargetTaken when another process created it first. */
  const choose = async (): Promise<ImportResult> => {
    // An article imported under an earlier version's longer slug stays where it is:
    // the same text, or a changed text from the same file, updates it, never a twin.
    if (legacySlug) {
      for (const slug of slugCandidates(legacySlug, 20)) {
        const target = path.join(lang, `${slug}.mdx`);
        const existing = claimedByOther(target) ? undefined : await readExisting(path.join(options.contentDir, target));
        if (!existing) break;
        if (existing.sourceHash === sourceHash || (existing.file !== undefined && existing.file === fileName)) return settle(target, slug, existing);
      }
    }
    // First, this very text may already be here, under the slug or a suffixed one
    // (when a file of the same name took the slug first): that is its article.
    const sameNamed: string[] = [];
    for (const { slug, target } of candidates) {
      const existing = await readExisting(path.join(options.contentDir, target));
      if (!existing && !claimedByOther(target)) break;
      if (existing?.sourceHash === sourceHash && !claimedByOther(target)) return settle(target, slug, existing);
      if (existing?.file === fileName) sameNamed.push(target);
    }
    // A changed text is matched to its earlier import by file name; with two candidates, guessing could replace the wrong one.
    if (sameNamed.length > 1) {
      return {
        file,
        status: 'skipped',
        target: sameNamed[0]!,
        reason: `${sameNamed.join(' and ')} were both imported from files named ${fileName}, and this text matches neither; pass --slug with the one to update (and --force), or rename the file to import it as a new article`,
        warnings,
        notes,
      };
    }
    // Else the first slug that is free, or holds an earlier import of the same file (a changed source).
    for (const { slug, target } of candidates) {
      const existing = claimedByOther(target) ? undefined : await readExisting(path.join(options.contentDir, target));
      const sameFile = existing?.file !== undefined && existing.file === fileName;
      if (existing === null || sameFile) return settle(target, slug, existing);
      // Another article holds this slug: take the next one, never overwrite.
      if (slug === baseSlug && !warnings.some((warning) => warning.startsWith(`slug "${baseSlug}" is taken`)))
        warnings.push(`slug "${baseSlug}" is taken in ${lang}/ by another ${existing ? 'article' : 'file of this batch'}; using a suffix`);
    }
    throw new ImportError(file, `could not find a free slug after ${baseSlug}-999.`, 'Pass --slug with a new slug.');
  };
  // A slug taken between looking and creating was taken by a concurrent import: look again, and it is seen.
  for (let attempt = 1; ; attempt++) {
    try {
      return await choose();
    } catch (error) {
      if (!(error instanceof TargetTaken) || attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
  }
}
