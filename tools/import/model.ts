/**
 * The article model every reader produces and the one writer consumes (the
 * shape pandoc made famous: many readers, one model, one writer). It is small
 * on purpose: only what an archived article needs, nothing that can run.
 * URLs in it are checked (safe-url.ts) before they get here.
 */
/** `delete`: struck text (<del>, <s>, GFM's `~~`), shown struck, so it never reads as live. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'emphasis' | 'strong' | 'delete'; children: Inline[] }
  | { type: 'link'; url: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[]; line?: number }
  | { type: 'heading'; depth: 2 | 3; children: Inline[]; line?: number }
  /** A poem: one entry a verse, each shown as a line of its own. */
  | { type: 'verse'; lines: Inline[][]; line?: number }
  | { type: 'blockquote'; children: Block[] }
  /** `start`: an ordered list's first number, when not 1 (a list that goes on after a quotation or table that interrupted it). */
  | { type: 'list'; ordered: boolean; items: Inline[][]; start?: number }
  /** The first row is the header row. */
  | { type: 'table'; rows: Inline[][][] }
  /** A photograph: `src` is a local path relative to the article's media folder once imported. */
  | { type: 'image'; src: string; alt: string; caption: string; line?: number };

/**
 * The end of a switch that has a case for every member of a union: with one
 * missing it does not compile, and a value the types rule out throws instead of
 * passing on as undefined.
 */
export function unreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** What a reader sees of a run of inline content: its text, white space as written. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : inlineText(node.children))).join('');
}

/**
 * The text lines a reader sees of the blocks, in order — each paragraph,
 * subheading, verse, quoted paragraph, list item, table cell and caption — the lines
 * the importer fingerprints and `npm run verify` reads back from the page.
 */
export function blockLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [inlineText(block.children)];
      case 'verse':
        return block.lines.map(inlineText);
      case 'blockquote':
        return blockLines(block.children);
      case 'list':
        return block.items.map(inlineText);
      case 'table':
        return block.rows.flatMap((row) => row.map(inlineText));
      case 'image':
        return block.caption ? [block.caption] : [];
      default:
        return unreachable(block);
    }
  });
}

/** Every image of the article, in order. */
export function blockImages(blocks: readonly Block[]): Extract<Block, { type: 'image' }>[] {
  return blocks.flatMap((block) => (block.type === 'image' ? [block] : block.type === 'blockquote' ? blockImages(block.children) : []));
}

/** The same blocks with every image's src replaced by `rename(src)`. */
export function mapImages(blocks: readonly Block[], rename: (src: string) => string): Block[] {
  return blocks.map((block) =>
    block.type === 'image'
      ? { ...block, src: rename(block.src) }
      : block.type === 'blockquote'
        ? { ...block, children: mapImages(block.children, rename) }
        : block,
  );
}

/** The same blocks with emphasis, strong and links flattened to their text: the writer's fallback. */
export function plainBlocks(blocks: readonly Block[]): Block[] {
  const flat = (nodes: readonly Inline[]): Inline[] => [{ type: 'text', value: inlineText(nodes) }];
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, children: flat(block.children) };
      case 'verse':
        return { ...block, lines: block.lines.map(flat) };
      case 'blockquote':
        return { ...block, children: plainBlocks(block.children) };
      case 'list':
        return { ...block, items: block.items.map(flat) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map(flat)) };
      case 'image':
        return block;
      default:
        return unreachable(block);
    }
  });
}
