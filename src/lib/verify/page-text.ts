import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';
import { decodeEntities, type HtmlNode } from '../html-text.ts';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']);

function textOf(node: HtmlNode): string {
  if (node.type === TEXT_NODE) return decodeEntities(node.value ?? '');
  if (node.type === ELEMENT_NODE && (node.name === 'script' || node.name === 'style')) return '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * What a reader sees of an article on a built page: the title
 * (`[data-article-title]`) and the text of each block of the body
 * (`[data-article-body]`), one line per block, in order. Null when the page
 * has no article.
 */
export function articleLinesFromHtml(html: string): { title: string; blocks: string[]; scripts: number } | null {
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
  let scripts = 0;
  const collect = (node: HtmlNode): void => {
    if (node.type !== ELEMENT_NODE) return;
    if (node.name === 'script' || node.name === 'iframe' || node.name === 'object' || node.name === 'embed') scripts++;
    if (BLOCKS.has(node.name ?? '')) {
      blocks.push(textOf(node));
      return;
    }
    for (const child of node.children ?? []) collect(child);
  };
  collect(body);
  return { title, blocks, scripts };
}
