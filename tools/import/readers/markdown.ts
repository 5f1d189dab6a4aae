import type { Heading } from 'mdast';
import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { ImportError } from '../errors.ts';
import { blockLines, inlineText } from '../model.ts';
import { parseFrontBlock, type ParseLimits, type ParseOptions } from '../parse.ts';
import { checkLineLengths, checkMarkdownCost } from './limits.ts';
import { blocksFromMdast } from './from-mdast.ts';
import { REPEATED_TITLE_NOTE, repeatsTitle, type ReadArticle } from './read-article.ts';

/**
 * Markdown as this project reads it, wherever it reads it (an imported file,
 * or an imported MDX body read back by `npm run verify`): CommonMark with GFM,
 * footnotes off, no front matter.
 */
export function markdownTree(markdown: string): Root {
  return markdownToMdast(markdown, { features: { gfm: { footnotes: false }, frontmatter: false } }) as Root;
}

/**
 * The Markdown reader: the same front block as plain text (`---` YAML), then
 * CommonMark with GFM (Satteri, the native parser Astro uses: linear on
 * CommonMark's pathological inputs, where mdast-util-from-markdown ran for
 * minutes, see docs/importing.md), footnotes off. Input whose parsing cost is
 * out of proportion to its size is refused first (checkMarkdownCost). The title is the
 * front block's, or the first `#` heading; a first `#` heading that repeats
 * the front block's title is that title, left out of the body. Raw HTML stays the text it is;
 * nothing is run.
 */
export function readMarkdown(text: string, file: string, limits?: ParseLimits, options: ParseOptions = {}): ReadArticle {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  checkLineLengths(lines, file, limits);
  const { front, frontLines, bodyStart, warnings, notes } = parseFrontBlock(lines, file, options);
  // Blank lines keep the body's line numbers those of the file.
  const body = `${'\n'.repeat(bodyStart)}${lines.slice(bodyStart).join('\n')}`;
  checkMarkdownCost(lines, file, bodyStart);
  const tree = markdownTree(body);
  let title = front.title;
  let titleLine = title === undefined ? 0 : (frontLines.title ?? 1);
  const readerNotes = [...notes];
  if (title === undefined) {
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    const first = tree.children[index];
    if (first?.type === 'heading') {
      title = headingText(first);
      titleLine = first.position?.start.line ?? 1;
      tree.children.splice(index, 1);
    }
  } else {
    // The front block's title written again as the body's first `#` line is that title, not a subheading.
    const index = tree.children.findIndex((node) => node.type !== 'definition');
    const first = tree.children[index];
    if (first?.type === 'heading' && first.depth === 1 && repeatsTitle(headingText(first), title)) {
      tree.children.splice(index, 1);
      readerNotes.push(`${REPEATED_TITLE_NOTE} (line ${first.position?.start.line ?? bodyStart + 1})`);
    }
  }
  const converted = blocksFromMdast(tree);
  if (!title)
    throw new ImportError(
      file,
      'has no title: no "title" in a front block and no `# ` heading.',
      'Add `# Title` as the first line, or `title:` in the front block.',
    );
  // A list, a quotation or subheadings with text are an article's body as much as paragraphs are.
  if (!blockLines(converted.blocks).some((line) => line.trim()))
    throw new ImportError(file, 'has a title but no text under it.', 'Check that this is the right file.', titleLine);
  return { file, front, frontLines, title, titleLine, blocks: converted.blocks, warnings: [...warnings, ...converted.warnings], notes: readerNotes };
}

/** A heading's text as the model reads it: emphasis and links flattened, raw HTML as text. */
function headingText(heading: Heading): string {
  return inlineText(
    blocksFromMdast({ type: 'root', children: [{ type: 'paragraph', children: heading.children }] }).blocks.flatMap((block) =>
      block.type === 'paragraph' ? block.children : [],
    ),
  ).trim();
}
