import { firstDifference, normalizeLine, textFingerprint } from '../import/fidelity.ts';
import { blockLines } from '../import/model.ts';
import { blocksFromMdast, collectDefinitions } from '../import/readers/from-mdast.ts';
import { markdownTree } from '../import/readers/markdown.ts';
import { renderArticleBody, type BodyImage } from '../../src/article/body.ts';
import { articleTextFromHtml, type ArticlePageText, type PageElement } from './page-text.ts';
import { decodeEntities } from '../../src/search/html-text.ts';
import { articleHiddenBy, type HidingRule } from './page-styles.ts';

export interface VerifyInput {
  /** content/<locale>/<slug>.mdx, for the report. */
  article: string;
  /** The importer's fingerprint of the source text (`imported.sourceHash`). */
  sourceHash: string;
  /** The built page's HTML, or null when the page is missing. */
  html: string | null;
  /** The source's lines when the original file is at hand, else the text recovered from the MDX; only used to explain a failure. */
  expectedLines: string[];
  /** Where expectedLines came from, for the report. */
  expectedFrom?: string;
  /** True when the MDX body no longer has the hash the importer wrote (`imported.outputHash`). */
  editedSinceImport?: boolean;
  /** Elements the MDX body renders to (src/article/body.ts), in order; the page must hold no other. */
  expectedElements?: string[];
  /** The same with their attributes and the photographs they show (markupFromMdx): links, ids and images compared one by one. */
  expectedMarkup?: ExpectedMarkup;
  /** The built page's file, named in the report. */
  page?: string;
  /** The rules of a stylesheet the page links to that hide or replace text, or why it is not one of the site's own. */
  stylesheetRules?: (href: string) => { rules: HidingRule[] } | { problem: string };
}

export interface ExpectedMarkup {
  elements: PageElement[];
  images: BodyImage[];
}

export interface VerifyOutcome {
  article: string;
  ok: boolean;
  problem?: string;
}

/**
 * Proves one article: the normalized text of its built page (title and every
 * block of the body) has the fingerprint the importer recorded for the source
 * text, and the body holds only the paragraphs and subheadings the importer
 * writes — so no sentence was lost, added or altered and no text became
 * markup. On a failure, names the first line that differs.
 */
export function verifyArticle({
  article,
  sourceHash,
  html,
  expectedLines,
  expectedFrom,
  editedSinceImport,
  expectedElements,
  expectedMarkup,
  page: pageFile,
  stylesheetRules,
}: VerifyInput): VerifyOutcome {
  const fail = (problem: string): VerifyOutcome => ({
    article,
    ok: false,
    problem: editedSinceImport ? `${problem}\n    (its MDX body was edited by hand after the import, which may explain it)` : problem,
  });
  if (html === null) return fail('the built page is missing; run `npm run build` first (or pass --dist).');
  const page = articleTextFromHtml(html);
  if (!page) return fail('the built page has no [data-article-title] and [data-article-body] elements.');
  const where = pageFile ? `the page ${pageFile}` : 'the built page';
  // What a reader sees, before what the text says: a decoy copy, a hidden body or a handler makes the text check meaningless.
  if (page.titles !== 1 || page.bodies !== 1)
    return fail(
      `${where} has ${page.titles} [data-article-title] and ${page.bodies} [data-article-body] elements; an article page has one of each (a second copy is a decoy: readers see one, verify would read the other).`,
    );
  if (page.hiddenBy.length) return fail(`${where} hides the article from readers: ${page.hiddenBy.join('; ')}.`);
  if (page.pageProblems.length) return fail(`${where} holds ${page.pageProblems.join('; ')}: the site writes none.`);
  if (stylesheetRules) {
    const sheets = page.stylesheets.map((href) => stylesheetRules(decodeEntities(href)));
    const foreign = sheets.flatMap((sheet) => ('problem' in sheet ? [sheet.problem] : []));
    if (foreign.length) return fail(`${where} links to ${foreign.join('; ')}.`);
    const hiding = articleHiddenBy(
      html,
      sheets.flatMap((sheet) => ('rules' in sheet ? sheet.rules : [])),
    );
    if (hiding.length) return fail(`${where} is styled to hide the article or show text it does not hold: ${hiding.join('; ')}.`);
  }

  const actual = [page.title, ...page.blocks].map(normalizeLine).filter(Boolean);
  if (textFingerprint(actual) !== sourceHash) {
    const difference = firstDifference(expectedLines.map(normalizeLine).filter(Boolean), actual);
    const from = expectedFrom ? ` (expected text from ${expectedFrom})` : '';
    if (difference) return fail(`line ${difference.line} differs${from}:\n    source: ${difference.expected}\n    page:   ${difference.actual}`);
    if (editedSinceImport) {
      return {
        article,
        ok: false,
        problem:
          'the page shows its MDX body, but that body was edited by hand after the import and no longer holds the source text. Pass --sources <dir> to see the first difference, or re-import the source with --force.',
      };
    }
    return fail(
      `the page text does not match the fingerprint recorded at import, though it matches ${expectedFrom ?? 'the expected text'}: the source changed after the import, or imported.sourceHash was edited. Re-import the source with --force.`,
    );
  }
  // Markup the MDX body does not call for: text read as markup (a link, emphasis) even when every word is there.
  const surplus = new Set(page.unexpectedElements);
  if (expectedElements) {
    const left = new Map<string, number>();
    for (const name of expectedElements) left.set(name, (left.get(name) ?? 0) + 1);
    for (const name of page.elements) {
      // astro:assets may wrap a photograph in <picture> with <source>s.
      if (name === 'picture' || name === 'source') continue;
      const count = left.get(name) ?? 0;
      if (count > 0) left.set(name, count - 1);
      else surplus.add(name);
    }
  }
  if (surplus.size > 0) {
    return fail(
      `the article body contains ${[...surplus].map((name) => `<${name}>`).join(', ')}, which the importer never writes: some text was read as markup.`,
    );
  }
  const markup = expectedMarkup ? markupDifference(page, expectedMarkup) : null;
  if (markup) return fail(`${where} differs from its MDX body: ${markup}.`);
  return { article, ok: true };
}

/** Attributes astro:assets writes on an article's photograph (src/data/articles.ts, articleImageHtml). */
const IMAGE_ATTRIBUTES = new Set(['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'fetchpriority']);

/** A URL the built site serves itself: a path, never another origin, a scheme (data:, javascript:) or `//host`. */
function isOwnUrl(url: string): boolean {
  const value = decodeEntities(url).trim();
  return value !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[/\\]{2}/.test(value) && !/[\s\\]/.test(value);
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function shownElement({ name, attributes }: PageElement): string {
  return `<${name}${Object.entries(attributes)
    .map(([attribute, value]) => (value === '' ? ` ${attribute}` : ` ${attribute}="${value}"`))
    .join('')}>`;
}

/** What differs between one photograph on the page and the one the body shows, or null. */
function imageDifference(element: PageElement, expected: BodyImage | undefined, sources: PageElement[]): string | null {
  if (!expected) return `${shownElement(element)}, a photograph the body does not show`;
  const extra = Object.keys(element.attributes).filter((name) => !IMAGE_ATTRIBUTES.has(name));
  if (extra.length)
    return `the photograph ${expected.src} has ${extra.map((name) => `${name}="${element.attributes[name]}"`).join(', ')}, which astro:assets never writes`;
  const src = element.attributes.src ?? '';
  const urls = [src, ...srcsetUrls(element.attributes.srcset ?? ''), ...sources.flatMap((source) => srcsetUrls(source.attributes.srcset ?? ''))];
  const foreign = urls.find((url) => !isOwnUrl(url));
  if (foreign !== undefined) return `the photograph ${expected.src} is shown from "${foreign}", not from the site itself`;
  // astro:assets names each optimized copy after its original, <name>.<hash>[_<transform>].<format>; the importer's name ends
  // in 10 hex of the photograph's sha256, which is what identifies it (two names for the same bytes are served as one file).
  const stem = expected.src
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  const contentHash = /-([0-9a-f]{10})$/.exec(stem)?.[1];
  const wrong = urls.find((url) => {
    const name = decodeEntities(url).split(/[?#]/)[0]!.split('/').pop()!;
    return contentHash ? !name.includes(`-${contentHash}.`) : !name.startsWith(`${stem}.`);
  });
  if (wrong !== undefined) return `the photograph ${expected.src} is shown as "${wrong}", another file`;
  const alt = decodeEntities(element.attributes.alt ?? '');
  if (alt !== expected.alt) return `the photograph ${expected.src} has the description "${alt}" where its source has "${expected.alt}"`;
  return null;
}

/**
 * The first difference between the body's markup on the page and what its
 * MDX renders to, or null: every element's attributes as the renderer writes
 * them (a link's target, a heading's id; no added hidden, style or handler),
 * and each photograph from the site itself, the file and description the body
 * names. astro:assets' <picture> and <source>s around a photograph are its own.
 */
export function markupDifference(page: ArticlePageText, expected: ExpectedMarkup): string | null {
  const shown = page.markup;
  let at = 0;
  for (const want of expected.elements) {
    const sources: PageElement[] = [];
    while (shown[at] && (shown[at]!.name === 'picture' || shown[at]!.name === 'source')) sources.push(shown[at++]!);
    const got = shown[at++];
    if (!got) return `the page ends where its source has ${shownElement(want)}`;
    if (want.name === 'img' && 'data-arshif-image' in want.attributes) {
      if (got.name !== 'img') return `${shownElement(got)} where its source shows a photograph`;
      const difference = imageDifference(got, expected.images[Number(want.attributes['data-arshif-image'])], sources);
      if (difference) return difference;
      continue;
    }
    const names = new Set([...Object.keys(want.attributes), ...Object.keys(got.attributes)]);
    const changed = [...names].filter((name) => want.attributes[name] !== got.attributes[name]);
    if (got.name !== want.name || changed.length) return `${shownElement(got)} where its source has ${shownElement(want)}`;
  }
  const rest = shown.slice(at).filter((element) => element.name !== 'picture' && element.name !== 'source');
  return rest[0] ? `${shownElement(rest[0])}, which its source does not have` : null;
}

/** The elements, attributes and photographs the MDX body renders to. */
export function markupFromMdx(body: string): ExpectedMarkup {
  const rendered = renderArticleBody(body);
  const page = articleTextFromHtml(`<h1 data-article-title></h1><div data-article-body>${rendered.html}</div>`);
  return { elements: page?.markup ?? [], images: rendered.images };
}

/**
 * The text an imported MDX body stands for: the title, then each line the
 * importer's own Markdown reader finds in it (model.ts blockLines), a verse a line.
 */
export function linesFromMdx(title: string, body: string): string[] {
  const tree = markdownTree(body);
  return [title, ...blockLines(blocksFromMdast(tree, collectDefinitions(tree), { breaksAsVerse: true }).blocks)];
}

/** The element names the MDX body renders to, in order. */
export function elementsFromMdx(body: string): string[] {
  return articleTextFromHtml(`<h1 data-article-title></h1><div data-article-body>${renderArticleBody(body).html}</div>`)?.elements ?? [];
}
