import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findCodeInBody } from '../../src/article/body.ts';
import { readHtml } from '../import/readers/html.ts';
import { readMarkdown } from '../import/readers/markdown.ts';
import { importRead, type Imported } from './pipeline.ts';
import { printReport } from './commonmark.ts';
import type { SuiteReport } from './report.ts';
import { seenOf } from './seen.ts';

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

/** Elements whose text a browser does not show as the article's (scripts, styles, form controls' values, embedded documents). */
const UNSHOWN = new Set([
  'script',
  'style',
  'template',
  'title',
  'head',
  'textarea',
  'select',
  'option',
  'svg',
  'iframe',
  'object',
  'embed',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'canvas',
  'audio',
  'video',
]);

/** The words a reader of the payload sees (noscript as a browser without scripts shows it), in order. */
function payloadWords(payload: string): string[] {
  const words: string[] = [];
  const walk = (node: Nodes | Root): void => {
    if (node.type === 'text') words.push(...(node.value.match(/[\p{L}\p{N}]+/gu) ?? []));
    if (node.type !== 'element' && node.type !== 'root') return;
    const element = node.type === 'element' ? (node as Element) : undefined;
    if (element && UNSHOWN.has(element.tagName)) return;
    if (element?.tagName === 'noscript') {
      const markup = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      walk(fromHtml(markup, { fragment: true }));
      return;
    }
    for (const child of node.children) walk(child);
  };
  walk(fromHtml(payload, { fragment: true }));
  return words;
}

/** What went wrong with one imported vector, or null. */
function problem(imported: Imported, expectedWords: readonly string[]): string | null {
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
  if (!seen.includes('Before the vector.') || !seen.includes('After the vector.')) return 'text around the vector lost';
  const seenWords = new Set(seen.match(/[\p{L}\p{N}]+/gu) ?? []);
  const lost = expectedWords.filter((word) => !seenWords.has(word));
  return lost.length ? `text lost: ${lost.slice(0, 8).join(' ')}` : null;
}

/**
 * DOMPurify's XSS vectors (test/fixtures/expect.mjs) imported twice: as the
 * body of an HTML article, and as raw HTML in a Markdown article, each
 * between two paragraphs. Each passes when the written MDX holds no code,
 * renders to nothing outside the article allowlist, and loses no text a
 * reader of the vector sees (raw HTML in Markdown is that text, tags and
 * all). Whether anything runs is checked in the browser, by the e2e suite.
 */
export async function runDomPurifySuite(vectors = domPurifyVectors()): Promise<SuiteReport> {
  const failures: SuiteReport['failures'] = [];
  const figures: Record<string, number> = { 'html articles passed': 0, 'markdown articles passed': 0 };
  vectors.forEach((vector, index) => {
    const html = `<html><body><article><h1>Vector ${index + 1}</h1><p>Before the vector.</p>${vector.payload}<p>After the vector.</p></article></body></html>`;
    const asHtml = problem(
      importRead(() => readHtml(html, `vector-${index + 1}.html`)),
      payloadWords(vector.payload),
    );
    if (asHtml) failures.push({ id: `vector ${index + 1} as HTML (${vector.title})`, reason: asHtml });
    else figures['html articles passed']!++;
    const markdown = `---\ntitle: Vector ${index + 1}\n---\n\nBefore the vector.\n\n${vector.payload}\n\nAfter the vector.\n`;
    // In Markdown the raw HTML is shown as text: its words are those of the payload as written, comments left out.
    const written = vector.payload.replace(/<!--[\s\S]*?(?:-->|$)/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    const asMarkdown = problem(
      importRead(() => readMarkdown(markdown, `vector-${index + 1}.md`)),
      written,
    );
    if (asMarkdown) failures.push({ id: `vector ${index + 1} as Markdown (${vector.title})`, reason: asMarkdown });
    else figures['markdown articles passed']!++;
  });
  const total = vectors.length * 2;
  figures.failed = failures.length;
  return { name: "DOMPurify's XSS vectors", total, passed: total - failures.length, reductions: 0, failures, figures };
}

if (import.meta.main) printReport(await runDomPurifySuite());
