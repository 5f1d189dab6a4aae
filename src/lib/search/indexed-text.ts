import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';

interface HtmlNode {
  type: number;
  name?: string;
  value?: string;
  attributes?: Record<string, string>;
  children?: HtmlNode[];
}

export interface IndexedPage {
  language: string;
  text: string;
}

/** Decodes the few entities HTML text nodes carry after Astro's escaping. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? entity;
  });
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
    } else if (node.type === TEXT_NODE && inBody) {
      parts.push(decodeEntities(node.value ?? ''));
    }
    for (const child of node.children ?? []) visit(child, inBody);
  };
  visit(document, false);
  return { language, text: parts.join(' ') };
}
