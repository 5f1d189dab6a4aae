import type { Element, ElementContent, Root } from 'hast';

/** Elements of ARTICLE_SCHEMA that are blocks: text inside one is a paragraph, a heading, an item or a cell of its own. */
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'pre',
  'div',
  'section',
  'details',
  'summary',
]);

function holdsBlock(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || holdsBlock(child)));
}

/** Elements whose children are rows or items, where a phrasing run of their own would not be shown as such. */
const STRUCTURAL = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr']);

/**
 * An inline element (bold, emphasis, a link, a span) around blocks, as an
 * unclosed `<b>` before the next paragraphs leaves it: a browser shows the
 * blocks, in bold, but the Markdown model has no paragraph inside emphasis
 * and would lose them. The element is pushed down instead: each run of its
 * inline content keeps it, and each block it holds gets it inside, so the
 * text is kept and still reads as marked.
 */
export function pushInlineIntoBlocks(node: Root | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child as ElementContent];
    pushInlineIntoBlocks(child);
    if (BLOCKS.has(child.tagName) || !holdsBlock(child)) return [child];
    return splitOver(child);
  }) as typeof node.children;
}

/** An inline element holding blocks, as blocks and inline runs that each carry a copy of it. */
function splitOver(inline: Element): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const wrap = (children: ElementContent[]): Element => ({ ...inline, children });
  const flush = (): void => {
    if (run.length) out.push(wrap(run));
    run = [];
  };
  for (const child of inline.children) {
    if (child.type === 'element' && BLOCKS.has(child.tagName)) {
      flush();
      out.push(carry(child, inline));
    } else run.push(child);
  }
  flush();
  return out;
}

/** A block with the inline element carried into it: into its text, or down to its items and cells. */
function carry(block: Element, inline: Element): Element {
  if (STRUCTURAL.has(block.tagName)) return { ...block, children: block.children.map((child) => (child.type === 'element' ? carry(child, inline) : child)) };
  const children: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    if (run.length) children.push({ ...inline, children: run });
    run = [];
  };
  for (const child of block.children) {
    if (child.type === 'element' && BLOCKS.has(child.tagName)) {
      flush();
      children.push(carry(child, inline));
    } else run.push(child);
  }
  flush();
  return { ...block, children };
}
