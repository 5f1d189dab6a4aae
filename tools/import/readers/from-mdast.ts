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

/**
 * A Markdown syntax tree (from the Markdown reader, or from sanitized HTML)
 * as the article model: only paragraphs, subheadings, emphasis, links,
 * quotations, lists, tables and photographs are kept. Code is kept as text;
 * raw HTML in Markdown is kept as the text it is; links whose URL is not
 * http(s) or mailto keep their text and lose the link; nested lists become
 * items of the list around them.
 */
export function blocksFromMdast(root: Root, definitions = collectDefinitions(root), options: MdastOptions = {}): MdastConversion {
  const warnings: string[] = [];
  const dropped = new Map<string, number>();

  const inline = (nodes: readonly MdastNodes[]): Inline[] =>
    nodes.flatMap((node): Inline[] => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          return node.value ? [{ type: 'text', value: node.value }] : [];
        case 'break':
          return [{ type: 'text', value: ' ' }];
        case 'emphasis':
        case 'strong':
          return [{ type: node.type, children: inline(node.children) }];
        case 'delete':
          return inline(node.children);
        case 'link':
        case 'linkReference': {
          const children = inline(node.children);
          const url = node.type === 'link' ? node.url : definitions.get(node.identifier.toLowerCase());
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
      if (node.type === 'image') {
        flush();
        out.push({ type: 'image', src: node.url, alt: node.alt ?? '', caption: node.title ?? '', ...(line ? { line } : {}) });
      } else run.push(node);
    }
    flush();
    return out;
  };

  const listItems = (node: Extract<MdastNodes, { type: 'list' }>): Inline[][] =>
    node.children.flatMap((item) => {
      const own: Inline[] = [];
      const nested: Inline[][] = [];
      for (const child of item.children) {
        if (child.type === 'list') nested.push(...listItems(child));
        else if (child.type === 'paragraph' || child.type === 'heading') {
          if (own.length) own.push({ type: 'text', value: ' ' });
          own.push(...inline(child.children));
        } else if (child.type === 'code') own.push({ type: 'text', value: child.value });
      }
      return [...(inlineText(own).trim() ? [own] : []), ...nested];
    });

  const block = (node: RootContent): Block[] => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'paragraph':
        return paragraph(node.children, line);
      case 'heading': {
        const children = inline(node.children);
        return inlineText(children).trim() ? [{ type: 'heading', depth: node.depth <= 2 ? 2 : 3, children, ...(line ? { line } : {}) }] : [];
      }
      case 'blockquote': {
        const children = node.children.flatMap(block);
        return children.length ? [{ type: 'blockquote', children }] : [];
      }
      case 'list': {
        const items = listItems(node);
        return items.length ? [{ type: 'list', ordered: Boolean(node.ordered), items }] : [];
      }
      case 'table':
        return [{ type: 'table', rows: node.children.map((row) => row.children.map((cell) => inline(cell.children))) }];
      case 'code':
      case 'html':
        // Code and raw HTML are text in an article: one paragraph per line.
        return node.value
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
  return { blocks, warnings };
}

/** Link reference definitions (`[id]: url`) by their identifier. */
export function collectDefinitions(root: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const node of root.children) if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url);
  return definitions;
}
