import type { Nodes as MdastNodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { Block, Inline } from '../model.ts';
import { inlineText } from '../model.ts';
import { safeLinkUrl } from '../../../src/article/safe-url.ts';

export interface MdastConversion {
  blocks: Block[];
  warnings: string[];
}

export interface MdastOptions {
  /**
   * Read a paragraph with hard line breaks as verse, a block a line. Only for
   * reading back what the importer wrote (it writes hard breaks for verse and
   * nothing else); the Markdown and HTML readers keep a break a space, as a
   * `<br>` in a web page is rarely a poem.
   */
  breaksAsVerse?: boolean;
}

/** An HTML comment, whole or cut short at the end of its node: an editor's note, never published. */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

type ImageBlock = Extract<Block, { type: 'image' }>;

/**
 * A Markdown syntax tree (from the Markdown reader, or from sanitized HTML)
 * as the article model: only paragraphs, subheadings, emphasis, links,
 * quotations, lists, tables and photographs are kept. Code is kept as text;
 * raw HTML in Markdown is kept as the text it is, but HTML comments are
 * dropped (the HTML readers drop them too: comments are never published);
 * links whose URL is not http(s) or mailto keep their text and lose the link;
 * nested lists become items of the list around them. A photograph inside a
 * link, heading, list item or table cell is taken out and placed after that
 * block; a quotation, table or code inside a list item ends the list there,
 * follows it, and the list goes on after it.
 */
export function blocksFromMdast(root: Root, definitions = collectDefinitions(root), options: MdastOptions = {}): MdastConversion {
  const warnings: string[] = [];
  const dropped = new Map<string, number>();
  let linkedImages = 0;
  const imageBlock = (node: MdastNodes, line: number | undefined): ImageBlock | undefined => {
    if (node.type === 'image') return { type: 'image', src: node.url, alt: node.alt ?? '', caption: node.title ?? '', ...(line ? { line } : {}) };
    if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier.toLowerCase());
      if (definition) return { type: 'image', src: definition.url, alt: node.alt ?? '', caption: definition.title ?? '', ...(line ? { line } : {}) };
    }
    return undefined;
  };
  /** The photographs anywhere inside inline content (a link's, emphasis'), in order. */
  const innerImages = (nodes: readonly MdastNodes[], line: number | undefined, inLink = false): ImageBlock[] =>
    nodes.flatMap((node): ImageBlock[] => {
      const image = imageBlock(node, line);
      if (image) {
        if (inLink) linkedImages++;
        return [image];
      }
      return 'children' in node ? innerImages(node.children as MdastNodes[], line, inLink || node.type === 'link' || node.type === 'linkReference') : [];
    });
  const inline = (nodes: readonly MdastNodes[]): Inline[] =>
    nodes.flatMap((node): Inline[] => {
      switch (node.type) {
        case 'html': {
          const text = node.value.replace(HTML_COMMENT, '');
          return text ? [{ type: 'text', value: text }] : [];
        }
        case 'text':
        case 'inlineCode':
          return node.value ? [{ type: 'text', value: node.value }] : [];
        case 'break':
          return [{ type: 'text', value: ' ' }];
        case 'emphasis':
        case 'strong':
        case 'delete':
          return [{ type: node.type, children: inline(node.children) }];
        case 'link':
        case 'linkReference': {
          const children = inline(node.children);
          const url = node.type === 'link' ? node.url : definitions.get(node.identifier.toLowerCase())?.url;
          const safe = url === undefined ? null : safeLinkUrl(url);
          if (safe === null) {
            if (url !== undefined) {
              const scheme = /^\s*([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase() ?? 'relative';
              dropped.set(scheme, (dropped.get(scheme) ?? 0) + 1);
            }
            return children;
          }
          return [{ type: 'link', url: safe, children }];
        }
        default:
          return [];
      }
    });
  /** A paragraph's content, with each image taken out as a block of its own. */
  const paragraph = (nodes: readonly PhrasingContent[], line: number | undefined): Block[] => {
    const out: Block[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      if (options.breaksAsVerse && run.some((node) => node.type === 'break')) {
        const lines: PhrasingContent[][] = [[]];
        for (const node of run) {
          if (node.type === 'break') lines.push([]);
          else lines.at(-1)!.push(node);
        }
        const verses = lines.map(inline).filter((verse) => inlineText(verse).trim());
        if (verses.length) out.push({ type: 'verse', lines: verses, ...(line ? { line } : {}) });
        run = [];
        return;
      }
      const children = inline(run);
      if (inlineText(children).trim()) out.push({ type: 'paragraph', children, ...(line ? { line } : {}) });
      run = [];
    };
    for (const node of nodes) {
      const image = imageBlock(node, line);
      if (image) {
        flush();
        out.push(image);
        continue;
      }
      const inside = 'children' in node ? innerImages(node.children as MdastNodes[], line, node.type === 'link' || node.type === 'linkReference') : [];
      if (inside.length) {
        // A photograph inside a link or emphasis: the text around it stays a paragraph, the photograph follows it.
        run.push(node);
        flush();
        out.push(...inside);
      } else run.push(node);
    }
    flush();
    return out;
  };
  /** A list item's own text (paragraphs and headings, a space between them), and the blocks that cannot be part of an item. */
  const listBlocks = (node: Extract<MdastNodes, { type: 'list' }>): Block[] => {
    const out: Block[] = [];
    let items: Inline[][] = [];
    let start = typeof node.start === 'number' ? node.start : 1;
    const ordered = Boolean(node.ordered);
    const flushItems = () => {
      if (items.length) out.push({ type: 'list', ordered, items, ...(ordered && start !== 1 ? { start } : {}) });
      start += items.length;
      items = [];
    };
    const walk = (list: Extract<MdastNodes, { type: 'list' }>): void => {
      for (const item of list.children) {
        let own: Inline[] = [];
        const after: Block[] = [];
        const flushOwn = () => {
          if (inlineText(own).trim()) items.push(own);
          own = [];
        };
        for (const child of item.children) {
          if (child.type === 'list') {
            flushOwn();
            walk(child);
          } else if (child.type === 'paragraph' || child.type === 'heading') {
            if (own.length) own.push({ type: 'text', value: ' ' });
            own.push(...inline(child.children));
            after.push(...innerImages(child.children, child.position?.start.line));
          } else {
            const blocks = block(child);
            if (!blocks.length) continue;
            flushOwn();
            flushItems();
            out.push(...blocks);
          }
        }
        flushOwn();
        if (after.length) {
          flushItems();
          out.push(...after);
        }
      }
    };
    walk(node);
    flushItems();
    return out;
  };
  const block = (node: RootContent): Block[] => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'paragraph':
        return paragraph(node.children, line);
      case 'heading': {
        const children = inline(node.children);
        const images = innerImages(node.children, line);
        return [
          ...(inlineText(children).trim()
            ? [{ type: 'heading' as const, depth: node.depth <= 2 ? (2 as const) : (3 as const), children, ...(line ? { line } : {}) }]
            : []),
          ...images,
        ];
      }
      case 'blockquote': {
        const children = node.children.flatMap(block);
        return children.length ? [{ type: 'blockquote', children }] : [];
      }
      case 'list':
        return listBlocks(node);
      case 'table': {
        const rows = node.children.map((row) => row.children.map((cell) => inline(cell.children)));
        const images = node.children.flatMap((row) => row.children.flatMap((cell) => innerImages(cell.children, line)));
        return [{ type: 'table', rows }, ...images];
      }
      case 'code':
      case 'html':
        // Code and raw HTML are text in an article: one paragraph per line. HTML comments are never published.
        return (node.type === 'html' ? node.value.replace(HTML_COMMENT, '') : node.value)
          .split('\n')
          .filter((text) => text.trim())
          .map((text) => ({ type: 'paragraph', children: [{ type: 'text', value: text.trim() }] }));
      default:
        return [];
    }
  };
  const blocks = root.children.flatMap(block);
  for (const [scheme, count] of dropped)
    warnings.push(
      `${count} link(s) with a ${scheme === 'relative' ? 'relative or unreadable' : scheme} URL kept as text without the link (only http, https and mailto links are kept)`,
    );
  if (linkedImages) warnings.push(`${linkedImages} photograph(s) inside a link kept as photographs, without the link`);
  return { blocks, warnings };
}

/** Link reference definitions (`[id]: url "title"`) by their identifier. */
export function collectDefinitions(root: Root): Map<string, { url: string; title: string | null | undefined }> {
  const definitions = new Map<string, { url: string; title: string | null | undefined }>();
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      // The first definition of a label wins, as CommonMark says; definitions may sit in quotations and list items.
      if (node.type === 'definition') {
        if (!definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), { url: node.url, title: node.title });
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') walk(node.children);
    }
  };
  walk(root.children);
  return definitions;
}
