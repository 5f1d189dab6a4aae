import { escapeInlineText, escapeLineStart } from './escape-mdx.ts';
import { unreachable, type Block, type Inline } from './model.ts';

/**
 * The one writer: the article model as the archive's Markdown (an .mdx body
 * rendered as Markdown, see src/article/body.ts). Every character
 * of text that MDX or Markdown could read as syntax is escaped (escape-mdx.ts);
 * the only syntax written is the writer's own: `##` subheadings, `*`/`**`, `~~`,
 * `[text](url)`, `>` quotations, `-`/`1.` lists, `|` tables,
 * `![alt](src "caption")` photographs and the `\` hard breaks of verse.
 * No `<`, `{` or line-start import/export is ever written unescaped, so the
 * loader's code check passes.
 */

/** URL characters written as backslash escapes in a link destination or image source (CommonMark allows them there). */
const DESTINATION_ESCAPED = /[()<>[\]{}\\&*_`|"'!]/g;

function destination(url: string): string {
  // Spaces and line breaks would end the destination: percent-encoded, which a browser reads the same.
  return url.replace(/[\s]/g, (char) => encodeURIComponent(char)).replace(DESTINATION_ESCAPED, (char) => `\\${char}`);
}

/**
 * One line: line breaks inside text (soft breaks, HTML white space) are
 * spaces, and so is a tab with the spaces around it — what the page shows of
 * it — so the body holds the text as read.
 */
function oneLine(text: string): string {
  const joined = /[\r\n]/.test(text) ? text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ') : text;
  return joined.includes('\t') ? joined.replace(/[ \t]*\t[ \t]*/g, ' ') : joined;
}

/**
 * Emphasis only works when its markers touch text: white space at the edges
 * of an emphasized run is moved outside the markers.
 */
function wrap(marker: string, inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!match[2]) return inner;
  return `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

function writeInline(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeInlineText(oneLine(node.value));
        case 'emphasis': {
          // Emphasis around emphasis (`*_a_*`) written `**a**` would read as strong: the outer one takes `_`.
          const inner = writeInline(node.children);
          return wrap(/^\s*\*|\*\s*$/.test(inner) ? '_' : '*', inner);
        }
        case 'strong':
          return wrap('**', writeInline(node.children));
        case 'delete':
          return wrap('~~', writeInline(node.children));
        case 'link': {
          const text = writeInline(node.children).trim();
          return text ? `[${text}](${destination(node.url)})` : '';
        }
        default:
          return unreachable(node);
      }
    })
    .join('');
}

/** A line of inline content, trimmed, with the line-start rules applied. */
function writeLine(nodes: readonly Inline[]): string {
  const line = writeInline(nodes).trim();
  // Syntax the writer put first (`*`, `[`) is meant; escapeLineStart only touches text characters there.
  return escapeLineStart(line);
}

function writeCaption(text: string): string {
  return escapeInlineText(oneLine(text)).replace(/"/g, '\\"').trim();
}

/**
 * Two lists one after the other are one list in Markdown unless their markers
 * differ: a list right after another of its kind takes the other marker.
 */
function writeBlock(block: Block, previous?: Block): string {
  switch (block.type) {
    case 'paragraph':
      return writeLine(block.children);
    case 'heading':
      return `${'#'.repeat(block.depth)} ${writeLine(block.children)}`;
    case 'verse':
      // One paragraph, a verse a line: each line but the last ends with a backslash, Markdown's hard
      // line break. Each line gets the line-start escapes, as a line that is not a paragraph's first
      // could still start a list, a quotation or turn the paragraph into a setext heading.
      return block.lines.map(writeLine).filter(Boolean).join('\\\n');
    case 'blockquote':
      return writeBlocks(block.children)
        .trimEnd()
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'list': {
      const other = previous?.type === 'list' && previous.ordered === block.ordered && !listUsesOtherMarker.has(previous);
      if (other) listUsesOtherMarker.add(block);
      const start = block.start ?? 1;
      const marker = (index: number) => (block.ordered ? `${start + index}${other ? ')' : '.'}` : other ? '*' : '-');
      return block.items.map((item, index) => `${marker(index)} ${writeLine(item)}`).join('\n');
    }
    case 'table': {
      const width = block.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
      const row = (cells: readonly Inline[][]) => `| ${Array.from({ length: width }, (_, index) => writeLine(cells[index] ?? [])).join(' | ')} |`;
      const [header, ...rest] = block.rows;
      return [row(header ?? []), `|${' --- |'.repeat(width)}`, ...rest.map(row)].join('\n');
    }
    case 'image':
      return `![${escapeInlineText(oneLine(block.alt)).trim()}](${destination(block.src)}${block.caption ? ` "${writeCaption(block.caption)}"` : ''})`;
  }
}

/** The lists written with the second marker (`*`, `1)`), so the list after one of them goes back to the first. */
const listUsesOtherMarker = new WeakSet<Block>();

/** Blocks separated by blank lines; empty ones (a link without text, an empty paragraph) left out. */
export function writeBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((block, index) => writeBlock(block, blocks[index - 1]))
    .filter((text) => text.trim() && text.trim() !== '>')
    .join('\n\n');
}

/** The article body the importer writes: the blocks, and a final newline. */
export function writeArticleBody(blocks: readonly Block[]): string {
  return `${writeBlocks(blocks)}\n`;
}
