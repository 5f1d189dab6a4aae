import { renderArticleBody } from '../../src/article/body.ts';
import { articleTextFromHtml } from '../verify/page-text.ts';
import { ImportError } from './errors.ts';
import { normalizeLine } from './fidelity.ts';
import { blockLines, plainBlocks, type Block } from './model.ts';

function renderedLines(body: string): string[] {
  const { html } = renderArticleBody(body);
  const page = articleTextFromHtml(`<h1 data-article-title></h1><div data-article-body>${html}</div>`);
  return (page?.blocks ?? []).map(normalizeLine).filter(Boolean);
}

/**
 * Writes the body and renders it as the site will, checking that the page
 * shows exactly the model's lines (what `npm run verify` later proves from
 * the built page). Markdown's emphasis rules can refuse a `*` next to some
 * punctuation; then the article is written again with emphasis, strong and
 * links flattened to text (a warning says so) — the text is never altered.
 */
export function checkRendersAsWritten(blocks: readonly Block[], write: (blocks: readonly Block[]) => string, file: string, warnings: string[]): string {
  const expected = blockLines(blocks).map(normalizeLine).filter(Boolean).join('\n');
  const body = write(blocks);
  if (renderedLines(body).join('\n') === expected) return body;
  const plain = write(plainBlocks(blocks));
  if (renderedLines(plain).join('\n') === expected) {
    if (!warnings.some((warning) => warning.startsWith('emphasis or links')))
      warnings.push('emphasis or links could not be written so that the text shows exactly as given; written without them');
    return plain;
  }
  throw new ImportError(
    file,
    "could not be written so that the page shows exactly its text (a bug in the importer's writer).",
    'Report it with the file; import it as plain text (--format text) meanwhile.',
  );
}
