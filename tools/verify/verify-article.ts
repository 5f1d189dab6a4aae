import { firstDifference, normalizeLine, textFingerprint } from '../import/fidelity.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { blockLines } from '../import/model.ts';
import { blocksFromMdast, collectDefinitions } from '../import/readers/from-mdast.ts';
import { renderArticleBody } from '../../src/article/body.ts';
import { articleTextFromHtml } from './page-text.ts';

export interface VerifyInput {
  /** content/<locale>/<slug>.mdx, for the report. */
  article: string;
  /** The importer's fingerprint of the source text (`imported.sourceHash`). */
  sourceHash: string;
  /** The built page's HTML, or null when the page is missing. */
  html: string | null;
  /** The source's lines when the original file is at hand, else the text recovered from the MDX; only used to explain a failure. */
  expectedLines: string[];
  /** Where expectedLines came from, for the report. */
  expectedFrom?: string;
  /** True when the MDX body no longer has the hash the importer wrote (`imported.outputHash`). */
  editedSinceImport?: boolean;
  /** Elements the MDX body renders to (src/article/body.ts), in order; the page must hold no other. */
  expectedElements?: string[];
}

export interface VerifyOutcome {
  article: string;
  ok: boolean;
  problem?: string;
}

/**
 * Proves one article: the normalized text of its built page (title and every
 * block of the body) has the fingerprint the importer recorded for the source
 * text, and the body holds only the paragraphs and subheadings the importer
 * writes — so no sentence was lost, added or altered and no text became
 * markup. On a failure, names the first line that differs.
 */
export function verifyArticle({ article, sourceHash, html, expectedLines, expectedFrom, editedSinceImport, expectedElements }: VerifyInput): VerifyOutcome {
  const fail = (problem: string): VerifyOutcome => ({
    article,
    ok: false,
    problem: editedSinceImport ? `${problem}\n    (its MDX body was edited by hand after the import, which may explain it)` : problem,
  });
  if (html === null) return fail('the built page is missing; run `npm run build` first (or pass --dist).');
  const page = articleTextFromHtml(html);
  if (!page) return fail('the built page has no [data-article-title] and [data-article-body] elements.');

  const actual = [page.title, ...page.blocks].map(normalizeLine).filter(Boolean);
  if (textFingerprint(actual) !== sourceHash) {
    const difference = firstDifference(expectedLines.map(normalizeLine).filter(Boolean), actual);
    const from = expectedFrom ? ` (expected text from ${expectedFrom})` : '';
    if (difference) return fail(`line ${difference.line} differs${from}:\n    source: ${difference.expected}\n    page:   ${difference.actual}`);
    if (editedSinceImport) {
      return {
        article,
        ok: false,
        problem:
          'the page shows its MDX body, but that body was edited by hand after the import and no longer holds the source text. Pass --sources <dir> to see the first difference, or re-import the source with --force.',
      };
    }
    return fail(
      `the page text does not match the fingerprint recorded at import, though it matches ${expectedFrom ?? 'the expected text'}: the source changed after the import, or imported.sourceHash was edited. Re-import the source with --force.`,
    );
  }
  // Markup the MDX body does not call for: text read as markup (a link, emphasis) even when every word is there.
  const surplus = new Set(page.unexpectedElements);
  if (expectedElements) {
    const left = new Map<string, number>();
    for (const name of expectedElements) left.set(name, (left.get(name) ?? 0) + 1);
    for (const name of page.elements) {
      // astro:assets may wrap a photograph in <picture> with <source>s.
      if (name === 'picture' || name === 'source') continue;
      const count = left.get(name) ?? 0;
      if (count > 0) left.set(name, count - 1);
      else surplus.add(name);
    }
  }
  if (surplus.size > 0) {
    return fail(
      `the article body contains ${[...surplus].map((name) => `<${name}>`).join(', ')}, which the importer never writes: some text was read as markup.`,
    );
  }
  return { article, ok: true };
}

/** The text an imported MDX body stands for: the title, then each line the Markdown reader finds in it (model.ts blockLines), a verse a line. */
export function linesFromMdx(title: string, body: string): string[] {
  const tree = fromMarkdown(body, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return [title, ...blockLines(blocksFromMdast(tree, collectDefinitions(tree), { breaksAsVerse: true }).blocks)];
}

/** The element names the MDX body renders to, in order. */
export function elementsFromMdx(body: string): string[] {
  return articleTextFromHtml(`<h1 data-article-title></h1><div data-article-body>${renderArticleBody(body).html}</div>`)?.elements ?? [];
}
