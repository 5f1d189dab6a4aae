import { unreachable, type Block } from '../model.ts';
import { parseArticleText, type ParseLimits, type ParseOptions } from '../parse.ts';
import type { ReadArticle } from './read-article.ts';

/**
 * The plain-text reader (today's format): optional front block, the title
 * line, one paragraph per line; subheadings detected, or marked by hand with
 * `## `; runs of short unpunctuated lines read as verse (not with `strict`).
 * Every character is text, but for HTML comments: left out, with a warning
 * naming their lines, as every reader leaves them out.
 */
export function readText(text: string, file: string, limits?: ParseLimits, options: ParseOptions = {}): ReadArticle {
  const { text: published, commentLines } = withoutComments(text);
  const parsed = parseArticleText(published, file, limits, options);
  if (commentLines.length)
    parsed.warnings.push(
      `${commentLines.length === 1 ? 'an HTML comment' : `${commentLines.length} HTML comments`} (line${commentLines.length === 1 ? '' : 's'} ${commentLines.join(', ')}) left out: a comment is an editor's note, never published in any format`,
    );
  return {
    file,
    front: parsed.front,
    frontLines: parsed.frontLines,
    title: parsed.title,
    titleLine: parsed.titleLine,
    warnings: parsed.warnings,
    notes: parsed.notes,
    blocks: parsed.blocks.map((block): Block => {
      switch (block.kind) {
        case 'heading':
          return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }], line: block.line };
        case 'verse':
          return { type: 'verse', lines: block.text.split('\n').map((verse) => [{ type: 'text', value: verse }]), line: block.line };
        case 'paragraph':
          return { type: 'paragraph', children: [{ type: 'text', value: block.text }], line: block.line };
        default:
          return unreachable(block.kind);
      }
    }),
  };
}

/** An HTML comment, whole or cut short at the end of the file. */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** The text with its HTML comments taken out, each one's line breaks kept (so every line keeps its number), and the lines they start on. */
function withoutComments(text: string): { text: string; commentLines: number[] } {
  const commentLines: number[] = [];
  const published = text.replace(HTML_COMMENT, (comment, offset: number) => {
    commentLines.push(text.slice(0, offset).split('\n').length);
    return comment.replace(/[^\n]+/g, '');
  });
  return { text: published, commentLines };
}
