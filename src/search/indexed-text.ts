import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';
import { decodeEntities, type HtmlNode } from './html-text.ts';

export interface IndexedPage {
  language: string;
  text: string;
}

/**
 * The text Pagefind indexes on a built page — inside `data-pagefind-body`,
 * outside `data-pagefind-ignore` — with the page's language. Null for pages
 * Pagefind skips.
 */
export function extractIndexedText(html: string): IndexedPage | null {
  if (!html.includes('data-pagefind-body')) return null;
  const document = parse(html) as HtmlNode;
  let language = '';
  const parts: string[] = [];
  const visit = (node: HtmlNode, inBody: boolean): void => {
    if (node.type === ELEMENT_NODE) {
      const attributes = node.attributes ?? {};
      if (node.name === 'html') language = attributes.lang ?? '';
      if (node.name === 'script' || node.name === 'style' || 'data-pagefind-ignore' in attributes) return;
      inBody ||= 'data-pagefind-body' in attributes;
      // Attributes Pagefind indexes as text (the tags: SearchIndexFields.astro).
      if (inBody && attributes['data-pagefind-index-attrs']) {
        for (const name of attributes['data-pagefind-index-attrs'].split(',')) {
          const value = attributes[name.trim()];
          if (value) parts.push(decodeEntities(value));
        }
      }
    } else if (node.type === TEXT_NODE && inBody) {
      parts.push(decodeEntities(node.value ?? ''));
    }
    for (const child of node.children ?? []) visit(child, inBody);
  };
  visit(document, false);
  return { language, text: parts.join(' ') };
}
