import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';
import { decodeEntities, type HtmlNode } from '../../src/search/html-text.ts';

/**
 * The only elements the importer's Markdown becomes (tools/import/writer.ts):
 * paragraphs, subheadings, emphasis, links, quotations, lists, tables,
 * figures (astro:assets' <img>, in a <picture> when it offers formats) and
 * the line breaks of verse.
 */
const IMPORTED_ELEMENTS = new Set([
  'br',
  'p',
  'h2',
  'h3',
  'em',
  'strong',
  'del',
  'a',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
  'picture',
  'source',
]);

/** Elements whose text a reader sees as a line of its own (the importer's blockLines, model.ts). */
const LEAVES = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'th', 'td', 'figcaption', 'pre', 'hr', 'dt', 'dd']);
/** Elements that hold such lines. */
const CONTAINERS = new Set(['blockquote', 'ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'figure', 'div', 'section', 'dl']);

/** An element of the body as the page holds it: its name and its attributes, values as written. */
export interface PageElement {
  name: string;
  attributes: Record<string, string>;
}

export interface ArticlePageText {
  title: string;
  /** The text of each block of the body, in order; a block with line breaks (verse) gives one entry a line. */
  blocks: string[];
  /** Elements in the body that the importer never writes (`a`, `img`, `script`, `strong`…): text read as markup. */
  unexpectedElements: string[];
  /** Every element in the body, in document order, by name: compared with what the MDX body renders to. */
  elements: string[];
  /** The same elements with their attributes: compared attribute by attribute with what the MDX body renders to. */
  markup: PageElement[];
  /** How many `[data-article-title]` and `[data-article-body]` the page holds: a second one is a decoy. */
  titles: number;
  bodies: number;
  /** What keeps the title or body from being seen (`hidden` on the <main>, a style on the body), if anything does. */
  hiddenBy: string[];
  /** What on the page, inside the article or not, could run, re-point or restyle it: on* handlers, a <base>, a <style>, a style attribute. */
  pageProblems: string[];
  /** The stylesheets the page links to, as written (`<link rel="stylesheet" href>`). */
  stylesheets: string[];
}

/** Attributes that hide an element and what it holds from a reader (or from assistive technology), whatever the text. */
const HIDING_ATTRIBUTES = ['hidden', 'inert', 'aria-hidden', 'style'];

function describeElement(node: HtmlNode): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value}"`))
    .join('');
  return `<${node.name ?? '?'}${attributes}>`;
}

function bodyMarkup(node: HtmlNode): PageElement[] {
  return (node.children ?? []).flatMap((child) =>
    child.type === ELEMENT_NODE ? [{ name: child.name ?? '?', attributes: { ...(child.attributes ?? {}) } }, ...bodyMarkup(child)] : [],
  );
}

function textOf(node: HtmlNode): string {
  if (node.type === TEXT_NODE) return decodeEntities(node.value ?? '');
  if (node.type === ELEMENT_NODE && (node.name === 'script' || node.name === 'style')) return '';
  return (node.children ?? []).map(textOf).join('');
}

/** The text of a block, split at its <br>s: each verse of a poem is a line a reader sees, as model.ts blockLines counts it. */
function linesOf(node: HtmlNode): string[] {
  const lines = [''];
  const walk = (child: HtmlNode): void => {
    if (child.type === TEXT_NODE) lines[lines.length - 1] += decodeEntities(child.value ?? '');
    else if (child.type === ELEMENT_NODE && child.name === 'br') lines.push('');
    else if (child.type === ELEMENT_NODE && child.name !== 'script' && child.name !== 'style') for (const inner of child.children ?? []) walk(inner);
  };
  for (const child of node.children ?? []) walk(child);
  return lines;
}

function elementNames(node: HtmlNode): string[] {
  return (node.children ?? []).flatMap((child) => (child.type === ELEMENT_NODE ? [child.name ?? '?', ...elementNames(child)] : []));
}

/**
 * What a reader sees of an article on a built page: the title
 * (`[data-article-title]`) and the text of each block of the body
 * (`[data-article-body]`), one line per block (per verse in a poem), in order; plus any element
 * there that the importer's plain paragraphs and subheadings cannot explain.
 * Null when the page has no article.
 */
export function articleTextFromHtml(html: string): ArticlePageText | null {
  const root = parse(html) as HtmlNode;
  let title: string | undefined;
  let body: HtmlNode | undefined;
  let titles = 0;
  let bodies = 0;
  const hiddenBy = new Set<string>();
  const pageProblems = new Set<string>();
  const stylesheets: string[] = [];
  const find = (node: HtmlNode, ancestors: HtmlNode[]): void => {
    if (node.type === ELEMENT_NODE) {
      const attributes = node.attributes ?? {};
      for (const name of Object.keys(attributes))
        if (/^on/i.test(name)) pageProblems.add(`an event handler ${name} on ${describeElement(node)}, which runs script`);
      if (node.name === 'base') pageProblems.add(`${describeElement(node)}, which re-points every relative link and image`);
      // The site's styles are files (build.inlineStylesheets: 'never', a CSP of style-src 'self'); a host that drops
      // the CSP header would apply a <style> or a style attribute, which could hide the article or cover it.
      if (node.name === 'style') pageProblems.add('a <style> element (the site keeps its styles in files of its own)');
      if ('style' in attributes && !ancestors.some((ancestor) => 'data-article-body' in (ancestor.attributes ?? {})))
        pageProblems.add(`a style attribute on ${describeElement(node)} (the site writes none)`);
      if (node.name === 'link' && /(?:^|\s)stylesheet(?:\s|$)/i.test(attributes.rel ?? '')) stylesheets.push(attributes.href ?? '');
      const isTitle = 'data-article-title' in attributes;
      const isBody = 'data-article-body' in attributes;
      if (isTitle) titles++;
      if (isBody) bodies++;
      if (isTitle && title === undefined) title = textOf(node);
      if (isBody && !body) body = node;
      if (isTitle || isBody)
        for (const element of [...ancestors, node])
          for (const name of HIDING_ATTRIBUTES) if (name in (element.attributes ?? {})) hiddenBy.add(`${name} on ${describeElement(element)}`);
      if (node.name === 'template' && (isTitle || isBody)) hiddenBy.add(describeElement(node));
    }
    const inside = node.type === ELEMENT_NODE ? [...ancestors, node] : ancestors;
    for (const child of node.children ?? []) find(child, inside);
  };
  find(root, []);
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
    if (name === 'script' || name === 'style') {
      for (const inner of elementNames(node)) unexpected.add(inner);
      return;
    }
    // A list item holding paragraphs (a loose list) is a container of lines.
    const holdsLines =
      name === 'li' && (node.children ?? []).some((child) => child.type === ELEMENT_NODE && (LEAVES.has(child.name ?? '') || CONTAINERS.has(child.name ?? '')));
    if (LEAVES.has(name) && !holdsLines) {
      for (const inner of elementNames(node)) if (!IMPORTED_ELEMENTS.has(inner)) unexpected.add(inner);
      blocks.push(...linesOf(node));
      return;
    }
    for (const child of node.children ?? []) collect(child);
  };
  for (const child of body.children ?? []) collect(child);
  return {
    title,
    blocks,
    unexpectedElements: [...unexpected],
    elements: elementNames(body),
    markup: bodyMarkup(body),
    titles,
    bodies,
    hiddenBy: [...hiddenBy],
    pageProblems: [...pageProblems],
    stylesheets,
  };
}
