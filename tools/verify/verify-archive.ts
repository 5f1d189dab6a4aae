import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeArticleBytes } from '../import/decode.ts';
import { contentHash, normalizedLines } from '../import/fidelity.ts';
import { blockLines } from '../import/model.ts';
import { normalizeArticleText } from '../import/normalize.ts';
import { readText } from '../import/readers/text.ts';
import { checkAuthor, withBylineParagraph } from '../import/fields.ts';
import { splitMdxFile } from '../import/to-mdx.ts';
import { elementsFromMdx, linesFromMdx, markupFromMdx, verifyArticle, type VerifyOutcome } from './verify-article.ts';
import { formatOfFile } from '../import/readers/read-article.ts';
import { hidingRules, type HidingRule } from './page-styles.ts';

export interface VerifyArchiveOptions {
  /** Folder of <locale>/<slug>.mdx. */
  contentDir: string;
  /** The built site. */
  distDir: string;
  /** Subfolder of distDir the site was published under, if any (e.g. `archive`). */
  base?: string;
  /** Folder holding the original text files (searched recursively by file name), to explain failures. */
  sourcesDir?: string;
}

export interface VerifyArchiveReport {
  outcomes: VerifyOutcome[];
  /** Articles without an `imported` block (written by hand): nothing to prove them against. */
  notImported: string[];
}

interface ImportedFrontMatter {
  title?: unknown;
  imported?: { sourceHash?: unknown; outputHash?: unknown; file?: unknown };
}

/** Original files by base name; a name found twice is ambiguous and left out. */
function indexSources(dir: string | undefined): Map<string, string | null> {
  const index = new Map<string, string | null>();
  if (!dir) return index;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    index.set(entry.name, index.has(entry.name) ? null : path.join(entry.parentPath, entry.name));
  }
  return index;
}

/**
 * The normalized lines of an original file, read exactly as the importer
 * reads it — its invisible control characters removed as the import removed
 * them, so the lines are the repaired text the page shows; null when it no
 * longer imports.
 */
function tryReadSourceLines(file: string): { lines: string[]; from: string } | null {
  // Markdown, HTML and WordPress sources are explained from the MDX, which the same reader model wrote.
  if (formatOfFile(file) !== 'text') return null;
  try {
    const decoded = decodeArticleBytes(new Uint8Array(readFileSync(file)), file);
    const normalized = normalizeArticleText(decoded.text, file);
    const read = readText(normalized.text, file, { maxLineLength: Number.POSITIVE_INFINITY });
    // A byline too long to be a name was imported as the first paragraph (checkAuthor): the page shows it there.
    const { bylineParagraph } = checkAuthor(read.front.author, { file, where: 'the "author" field' });
    const article = bylineParagraph ? withBylineParagraph(read, bylineParagraph) : read;
    const repaired = normalized.repaired
      ? `, with its ${normalized.repaired} invisible control character(s) removed as the import removed them: the page shows the repaired text`
      : '';
    return { lines: normalizedLines(article.title, blockLines(article.blocks)), from: `${file}${repaired}` };
  } catch {
    return null;
  }
}

/** The built page of `<locale>/<slug>`, directly in distDir or under the base folder. */
function findPage(options: VerifyArchiveOptions, locale: string, slug: string): string | null {
  const base = (options.base ?? '').replace(/^\/+|\/+$/g, '');
  const candidates = [path.join(options.distDir, locale, 'articles', slug, 'index.html')];
  if (base) candidates.unshift(path.join(options.distDir, base, locale, 'articles', slug, 'index.html'));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * The hiding rules of each stylesheet a page links to, read once per run: a
 * stylesheet must be a .css file of the built site itself (an own path, under
 * the base), else its name is the problem.
 */
function stylesheetReader(options: VerifyArchiveOptions): (href: string) => { rules: HidingRule[] } | { problem: string } {
  const base = `/${(options.base ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const read = new Map<string, { rules: HidingRule[] } | { problem: string }>();
  return (href) => {
    const known = read.get(href);
    if (known) return known;
    const sitePath = href.split(/[?#]/)[0]!;
    const relative = sitePath.startsWith(base) && !sitePath.startsWith('//') ? sitePath.slice(base.length) : null;
    const file = relative === null ? null : path.resolve(options.distDir, ...relative.split('/'));
    const outcome =
      file?.startsWith(path.resolve(options.distDir) + path.sep) && file.endsWith('.css') && existsSync(file)
        ? { rules: hidingRules(readFileSync(file, 'utf8'), path.relative(options.distDir, file)) }
        : { problem: `a stylesheet "${href}" that is not one of the site's own files` };
    read.set(href, outcome);
    return outcome;
  };
}

/**
 * Verifies every imported article of a content folder against its built
 * page. Articles written by hand (no `imported` block) are listed, not checked.
 */
export function verifyArchive(options: VerifyArchiveOptions): VerifyArchiveReport {
  const sources = indexSources(options.sourcesDir);
  const stylesheetRules = stylesheetReader(options);
  const outcomes: VerifyOutcome[] = [];
  const notImported: string[] = [];
  const locales = readdirSync(options.contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  for (const locale of locales.map((entry) => entry.name).sort()) {
    for (const name of readdirSync(path.join(options.contentDir, locale))
      .filter((file) => file.endsWith('.mdx'))
      .sort()) {
      const article = `${locale}/${name}`;
      const mdxFile = path.join(options.contentDir, article);
      const parts = splitMdxFile(readFileSync(mdxFile, 'utf8'));
      let data: ImportedFrontMatter = {};
      try {
        data = (parts ? parseYaml(parts.frontMatter) : {}) ?? {};
      } catch (error) {
        outcomes.push({ article: mdxFile, ok: false, problem: `its front matter is not valid YAML (${(error as Error).message.split('\n')[0]}).` });
        continue;
      }
      const imported = data.imported;
      if (!parts || typeof imported?.sourceHash !== 'string') {
        notImported.push(mdxFile);
        continue;
      }
      const original = typeof imported.file === 'string' ? sources.get(imported.file) : undefined;
      const expected = (original && tryReadSourceLines(original)) || {
        lines: linesFromMdx(String(data.title ?? ''), parts.body),
        from: `the MDX file (original ${original ? 'unreadable' : 'not found'}; pass --sources <dir>)`,
      };
      const page = findPage(options, locale, name.replace(/\.mdx$/, ''));
      outcomes.push(
        verifyArticle({
          article: mdxFile,
          sourceHash: imported.sourceHash,
          html: page ? readFileSync(page, 'utf8') : null,
          expectedLines: expected.lines,
          expectedFrom: expected.from,
          editedSinceImport: typeof imported.outputHash === 'string' && contentHash(parts.body) !== imported.outputHash,
          expectedElements: elementsFromMdx(parts.body),
          expectedMarkup: markupFromMdx(parts.body),
          ...(page ? { page } : {}),
          stylesheetRules,
        }),
      );
    }
  }
  return { outcomes, notImported };
}
