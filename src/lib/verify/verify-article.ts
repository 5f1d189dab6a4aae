import { firstDifference, normalizeLine, textFingerprint } from '../import/fidelity.ts';
import { unescapeMdxText } from '../import/escape-mdx.ts';
import { articleLinesFromHtml } from './page-text.ts';

export interface VerifyInput {
  /** content/<locale>/<slug>.mdx, for the report. */
  article: string;
  /** The importer's fingerprint of the source text. */
  sourceHash: string;
  /** The built page's HTML, or null when the page is missing. */
  html: string | null;
  /** The source's lines when the original file is at hand, else the text recovered from the MDX. */
  expectedLines: string[];
}

export interface VerifyOutcome {
  article: string;
  ok: boolean;
  problem?: string;
}

/**
 * Proves one article: the normalized text of its built page (title and every
 * block of the body) has the fingerprint the importer recorded for the
 * source. On a mismatch, names the first line that differs.
 */
export function verifyArticle({ article, sourceHash, html, expectedLines }: VerifyInput): VerifyOutcome {
  if (html === null) return { article, ok: false, problem: 'the built page is missing; run `npm run build` first' };
  const page = articleLinesFromHtml(html);
  if (!page) return { article, ok: false, problem: 'the built page has no [data-article-title] and [data-article-body]' };
  if (page.scripts > 0) return { article, ok: false, problem: `the article body contains ${page.scripts} script, iframe, object or embed element(s)` };
  const actual = [page.title, ...page.blocks].map(normalizeLine).filter(Boolean);
  if (textFingerprint(actual) === sourceHash) return { article, ok: true };
  const difference = firstDifference(expectedLines.map(normalizeLine).filter(Boolean), actual);
  return {
    article,
    ok: false,
    problem: difference
      ? `line ${difference.line} differs:\n    source: ${difference.expected}\n    page:   ${difference.actual}`
      : 'the page text does not match the fingerprint recorded at import (the source changed after import?)',
  };
}

/** The text the MDX body stands for: headings without `## `, references decoded. */
export function linesFromMdx(title: string, body: string): string[] {
  return [
    title,
    ...body
      .split(/\n{2,}/)
      .map((block) => block.trim())
      .filter(Boolean)
      .map((block) => unescapeMdxText(block.replace(/^#{1,6} /, ''))),
  ];
}
