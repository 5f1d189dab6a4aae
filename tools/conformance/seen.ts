import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** Elements a reader sees as a block of its own: their text is kept apart from the text around it. */
export const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'td',
  'th',
  'tr',
  'table',
  'ul',
  'ol',
  'figure',
  'hr',
  'div',
]);
/** Elements whose content no reader sees. */
const UNSEEN = new Set(['script', 'style', 'template', 'title', 'head', 'figcaption']);
/** The structure compared: lists, items, quotations, code blocks, tables and images. */
export const STRUCTURE = ['ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'img'] as const;

export interface Seen {
  /** The text, white space collapsed, blocks a space apart. */
  text: string;
  /** How many of each STRUCTURE element. */
  counts: Record<(typeof STRUCTURE)[number], number>;
  /** True when a list sits inside a list item. */
  nestedList: boolean;
  /** Every element name. */
  elements: string[];
}

/** What a reader sees of an HTML fragment: its text and the structure around it. */
export function seenOf(html: string): Seen {
  const tree = fromHtml(html, { fragment: true });
  const counts = Object.fromEntries(STRUCTURE.map((name) => [name, 0])) as Seen['counts'];
  const elements: string[] = [];
  let nestedList = false;
  const parts: string[] = [];
  const walk = (node: Nodes | Root, inItem: boolean): void => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    const element = node.type === 'element' ? (node as Element) : undefined;
    const name = element?.tagName;
    if (name) {
      elements.push(name);
      if (UNSEEN.has(name)) return;
      if ((STRUCTURE as readonly string[]).includes(name)) counts[name as (typeof STRUCTURE)[number]]++;
      if ((name === 'ul' || name === 'ol') && inItem) nestedList = true;
      if (BLOCKS.has(name) || name === 'br') parts.push(' ');
    }
    for (const child of node.children) walk(child, inItem || name === 'li');
    if (name && BLOCKS.has(name)) parts.push(' ');
  };
  walk(tree, false);
  return { text: parts.join('').replace(/\s+/gu, ' ').trim(), counts, nestedList, elements };
}
