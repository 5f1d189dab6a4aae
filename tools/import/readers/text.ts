import { parseArticleText, type ParseLimits } from '../parse.ts';
import type { ReadArticle } from './read-article.ts';

/**
 * The plain-text reader (today's format): optional front block, the title
 * line, one paragraph per line; subheadings detected, or marked by hand with
 * `## `. Every character is text.
 */
export function readText(text: string, file: string, limits?: ParseLimits): ReadArticle {
  const parsed = parseArticleText(text, file, limits);
  return {
    file,
    front: parsed.front,
    frontLines: parsed.frontLines,
    title: parsed.title,
    titleLine: parsed.titleLine,
    warnings: parsed.warnings,
    notes: parsed.notes,
    blocks: parsed.blocks.map((block) =>
      block.kind === 'heading'
        ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }], line: block.line }
        : { type: 'paragraph', children: [{ type: 'text', value: block.text }], line: block.line },
    ),
  };
}
