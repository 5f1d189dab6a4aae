import { unreachable, type Block } from '../model.ts';
import { parseArticleText, type ParseLimits, type ParseOptions } from '../parse.ts';
import type { ReadArticle } from './read-article.ts';

/**
 * The plain-text reader (today's format): optional front block, the title
 * line, one paragraph per line; subheadings detected, or marked by hand with
 * `## `; runs of short unpunctuated lines read as verse (not with `strict`).
 * Every character is text.
 */
export function readText(text: string, file: string, limits?: ParseLimits, options: ParseOptions = {}): ReadArticle {
  const parsed = parseArticleText(text, file, limits, options);
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
