import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';
import { decodeEntities, type HtmlNode } from '../html-text.ts';

/** The only elements the importer's MDX becomes: paragraphs and `##` subheadings. */
const IMPORTED_ELEMENTS = new Set(['p', 'h2']);

/** Elements whose text a reader sees as a block of its own, whoever wrote them. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'ul', 'ol', 'hr']);

export interface ArticlePageText {
  title: string;
  /** The text of each block of the body, in order. */
  blocks: string[];
  /** Elements in the body that the importer never writes (`a`, `img`, `script`, `strong`…): text read as markup. */
  unexpectedElements: string[];
}

function textOf(node: HtmlNode): string {
  if (node.type === TEXT_NODE) return decodeEntities(node.value ?? '');
  if (node.type === ELEMENT_NODE && (node.name === 'script' || node.name === 'style')) return '';
  return (node.children ?? []).map(textOf).join('');
}

function elementNames(node: HtmlNode): string[] {
  return (node.children ?? []).flatMap((child) => (child.type === ELEMENT_NODE ? [child.name ?? '?', ...elementNames(child)] : []));
}

/**
 * What a reader sees of an article on a built page: the title
 * (`[data-article-title]`) and the text of each block of the body
 * (`[data-article-body]`), one line per block, in order; plus any element
 * there that the importer's plain paragraphs and subheadings cannot explain.
 * Null when the page has no article.
 */
export function articleTextFromHtml(html: string): ArticlePageText | null {
  const root = parse(html) as HtmlNode;
  let title: string | undefined;
  let body: HtmlNode | undefined;
  const find = (node: HtmlNode): void => {
    if (node.type === ELEMENT_NODE) {
      const attributes = node.attributes ?? {};
      if ('data-article-title' in attributes && title === undefined) title = textOf(node);
      if ('data-article-body' in attributes && !body) body = node;
    }
    for (const child of node.children ?? []) find(child);
  };
  find(root);
  if (title === undefined || !body) return null;

  const blocks: string[] = [];
  const unexpected = new Set<string>();
  const collect = (node: HtmlNode): void => {
    if (node.type === TEXT_NODE) {
      // Text outside any block is still on the page, so it takes part in the comparison.
      if (textOf(node).trim()) blocks.push(textOf(node));
      return;
    }
    if (node.type !== ELEMENT_NODE) return;
    const name = node.name ?? '?';
    if (!IMPORTED_ELEMENTS.has(name)) unexpected.add(name);
    if (BLOCKS.has(name) || name === 'script' || name === 'style') {
      for (const inner of elementNames(node)) unexpected.add(inner);
      if (BLOCKS.has(name)) blocks.push(textOf(node));
      return;
    }
    for (const child of node.children ?? []) collect(child);
  };
  for (const child of body.children ?? []) collect(child);
  return { title, blocks, unexpectedElements: [...unexpected] };
}
