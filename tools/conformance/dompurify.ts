import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Nodes as MdastNodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { findCodeInBody } from '../../src/article/body.ts';
import { readHtml } from '../import/readers/html.ts';
import { readMarkdown } from '../import/readers/markdown.ts';
import { importRead, type Imported } from './pipeline.ts';
import { printReport } from './commonmark.ts';
import type { SuiteReport } from './report.ts';
import { BLOCKS, seenOf } from './seen.ts';

export interface DomPurifyVector {
  title: string;
  payload: string;
}

const VECTORS = fileURLToPath(new URL('../../tests/conformance/dompurify/vectors.json', import.meta.url));

export function domPurifyVectors(): DomPurifyVector[] {
  return JSON.parse(readFileSync(VECTORS, 'utf8')) as DomPurifyVector[];
}

/** The only elements an article body may render to, and the attributes each may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  p: ['class'],
  h2: ['id'],
  h3: ['id'],
  em: [],
  strong: [],
  del: [],
  a: ['href'],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
  figure: [],
  figcaption: [],
  img: [],
  br: [],
};

/** Elements whose text a browser does not show as the article's (scripts, styles, form controls' values, embedded documents); <xmp> and <plaintext> show theirs as written. */
const UNSHOWN = new Set([
  'script',
  'style',
  'template',
  'title',
  'head',
  'textarea',
  'select',
  'svg',
  'iframe',
  'object',
  'embed',
  'noembed',
  'noframes',
  'canvas',
  'audio',
  'video',
]);

/** Boxes of their own on the page (controls, embeds): the words on either side of one are two words. */
const BOXES = new Set(['input', 'button', 'select', 'textarea', 'meter', 'progress', 'output', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'img']);

const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The text a browser shows of an HTML article (noscript as a browser without
 * scripts shows it), its first <h1> (the title) left out: text runs on across
 * inline elements («123<a>I am</a>» reads «123I am»), blocks and boxes keep
 * words apart.
 */
export function shownText(page: string): string {
  const parts: string[] = [];
  let titleSkipped = false;
  const walk = (node: Nodes | Root): void => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    const element = node.type === 'element' ? (node as Element) : undefined;
    const name = element?.tagName;
    if (name === 'h1' && !titleSkipped) {
      titleSkipped = true;
      return;
    }
    if (name && (BLOCKS.has(name) || BOXES.has(name) || name === 'br')) parts.push(' ');
    if (name && UNSHOWN.has(name)) return;
    if (name === 'noscript') {
      const markup = element!.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      if (markup) walk(fromHtml(markup, { fragment: true }));
      else for (const child of element!.children) walk(child);
    } else for (const child of node.children) walk(child);
    if (name && BLOCKS.has(name)) parts.push(' ');
  };
  const tree = fromHtml(page);
  walk(select('article', tree) ?? tree);
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/**
 * The text a reader of a Markdown article sees when its raw HTML is shown as
 * text, read by a stock CommonMark parser (mdast-util-from-markdown, not the
 * reader's own): character references decoded where CommonMark decodes them
 * («&lt;» in text is «<»), raw HTML as written, comments left out.
 */
export function markdownShownText(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    // A raw HTML node ends a tag or a line: what follows it is a word of its own.
    else if (node.type === 'html') parts.push(node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, ''), ' ');
    else if (node.type === 'break') parts.push(' ');
    if ('children' in node) for (const child of node.children) walk(child);
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' || node.type === 'tableCell') parts.push(' ');
  };
  walk(fromMarkdown(markdown));
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** What went wrong with one imported vector, or null. */
function problem(imported: Imported, shown: string): string | null {
  if (!imported.ok) return `refused: ${imported.reason}`;
  const code = findCodeInBody(imported.body);
  if (code) return `the MDX body holds ${code.what} (line ${code.line})`;
  const tree = fromHtml(imported.html, { fragment: true });
  const offending: string[] = [];
  const walk = (node: Nodes | Root): void => {
    if (node.type === 'element') {
      const allowed = ALLOWED[node.tagName];
      if (!allowed) offending.push(`<${node.tagName}>`);
      else
        for (const name of Object.keys(node.properties))
          if (!allowed.includes(name === 'className' ? 'class' : name)) offending.push(`<${node.tagName} ${name}>`);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  if (offending.length) return `markup outside the allowlist: ${[...new Set(offending)].join(', ')}`;
  const seen = seenOf(imported.html).text;
  if (!seen.includes('Before the vector.') || (shown.includes('After the vector.') && !seen.includes('After the vector.')))
    return 'text around the vector lost';
  const seenWords = new Set(words(seen));
  const lost = words(shown).filter((word) => !seenWords.has(word));
  return lost.length ? `text lost: ${lost.slice(0, 8).join(' ')}` : null;
}

/**
 * DOMPurify's XSS vectors (test/fixtures/expect.mjs) imported twice: as the
 * body of an HTML article, and as raw HTML in a Markdown article, each
 * between two paragraphs. Each passes when the written MDX holds no code,
 * renders to nothing outside the article allowlist, and loses no word a
 * reader sees: of the HTML article, what a browser shows of it (shownText);
 * of the Markdown one, its text with raw HTML as written (markdownShownText).
 * An HTML vector that leaves an element a browser shows nothing of open
 * (`<style>`, `<iframe>`, `<svg>`) takes the closing paragraph into it: a
 * browser does not show that paragraph, so the article need not, and the
 * vector passes through that stated reduction ('unshown-rest'). Whether
 * anything runs is checked in the browser, by the e2e suite.
 */
export async function runDomPurifySuite(vectors = domPurifyVectors()): Promise<SuiteReport> {
  const failures: SuiteReport['failures'] = [];
  const figures: Record<string, number> = { 'html articles passed': 0, 'markdown articles passed': 0, 'reduction: unshown-rest': 0 };
  let reductions = 0;
  vectors.forEach((vector, index) => {
    const html = `<html><body><article><h1>Vector ${index + 1}</h1><p>Before the vector.</p>${vector.payload}<p>After the vector.</p></article></body></html>`;
    const shown = shownText(html);
    const asHtml = problem(
      importRead(() => readHtml(html, `vector-${index + 1}.html`)),
      shown,
    );
    if (asHtml) failures.push({ id: `vector ${index + 1} as HTML (${vector.title})`, reason: asHtml });
    else {
      figures['html articles passed']!++;
      if (!shown.includes('After the vector.')) {
        figures['reduction: unshown-rest']!++;
        reductions++;
      }
    }
    const markdown = `---\ntitle: Vector ${index + 1}\n---\n\nBefore the vector.\n\n${vector.payload}\n\nAfter the vector.\n`;
    const asMarkdown = problem(
      importRead(() => readMarkdown(markdown, `vector-${index + 1}.md`)),
      markdownShownText(`Before the vector.\n\n${vector.payload}\n\nAfter the vector.\n`),
    );
    if (asMarkdown) failures.push({ id: `vector ${index + 1} as Markdown (${vector.title})`, reason: asMarkdown });
    else figures['markdown articles passed']!++;
  });
  const total = vectors.length * 2;
  figures.failed = failures.length;
  return { name: "DOMPurify's XSS vectors", total, passed: total - failures.length, reductions, failures, figures };
}

if (import.meta.main) printReport(await runDomPurifySuite());
