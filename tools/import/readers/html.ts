import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { select } from 'hast-util-select';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import { ImportError } from '../errors.ts';
import { normalizeField } from '../normalize.ts';
import type { FrontBlock } from '../parse.ts';
import { safeLinkUrl } from '../../../src/article/safe-url.ts';
import { blocksFromMdast } from './from-mdast.ts';
import { pushInlineIntoBlocks } from './inline-over-blocks.ts';
import { unclosedDropWarnings } from './unclosed.ts';
import { repeatsTitle, type ReadArticle } from './read-article.ts';
import { blockLines, type Block } from '../model.ts';

/**
 * The allowlist: the elements and attributes an article keeps. Everything
 * else is unwrapped (its text kept) or, for script, style and the like,
 * dropped with its content (hast-util-sanitize's `strip`). A form, a button,
 * MathML, an article's own <header> (its title, standfirst and byline) and
 * <noscript> (as a browser without scripts shows it) are unwrapped, never
 * stripped: left unclosed, they hold the rest of the page. No on* attribute,
 * style, class or id survives; href and src keep only the protocols named.
 */
export const ARTICLE_SCHEMA: Schema = {
  tagNames: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'em',
    'i',
    'strong',
    'b',
    'br',
    'blockquote',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'figure',
    'figcaption',
    'img',
    'pre',
    'code',
    'div',
    'section',
    'span',
    'cite',
    'q',
    'del',
    's',
    'u',
    'sup',
    'sub',
    'small',
    'mark',
    'abbr',
    'time',
    'details',
    'summary',
  ],
  attributes: { a: ['href'], img: ['src', 'alt', 'title'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: [
    'script',
    'style',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'select',
    'textarea',
    'canvas',
    'audio',
    'video',
    'head',
    'title',
    'nav',
    'aside',
    'footer',
  ],
  ancestors: {},
  clobber: [],
  clobberPrefix: '',
};

export interface HtmlReadOptions {
  /** CSS selector of the article's element; `article` by default. */
  selector?: string;
}

function attribute(tree: HastRoot | Element, selector: string, name: string): string | undefined {
  const value = select(selector, tree)?.properties?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `<figure><img><figcaption>…</figcaption></figure>` as one image whose title is the caption, which the Markdown model reads as a photograph. */
function foldFigures(node: HastRoot | Element): void {
  node.children = node.children.map((child): ElementContent => {
    if (child.type !== 'element') return child as ElementContent;
    if (child.tagName === 'figure') {
      const image = select('img', child);
      const caption = select('figcaption', child);
      if (image) return { ...image, properties: { ...image.properties, title: caption ? toText(caption).trim() : (image.properties.title ?? '') } };
    }
    foldFigures(child);
    return child;
  }) as typeof node.children;
}

/**
 * The HTML reader: the `<article>` element (or the one `--selector` names)
 * of a page, sanitized to ARTICLE_SCHEMA, then read like Markdown. The
 * title is the article's first `<h1>` (else the page's `<title>`); lang,
 * author, date and source come from `<html lang>`, `<meta name="author">`,
 * `<time datetime>` / `article:published_time` and `<link rel="canonical">`.
 * HTML's parser knows no custom entities, so nothing expands.
 */
export function readHtml(text: string, file: string, options: HtmlReadOptions = {}): ReadArticle {
  const page = fromHtml(text);
  const selector = options.selector ?? 'article';
  let container: Element | undefined;
  try {
    container = select(selector, page);
  } catch (error) {
    throw new ImportError(
      file,
      `--selector "${selector}" is not a CSS selector (${(error as Error).message}).`,
      'Pass a selector such as article, main or .post-content.',
    );
  }
  if (!container) {
    throw new ImportError(
      file,
      `has no element matching "${selector}".`,
      options.selector
        ? 'Check the selector against the page.'
        : 'Pass --selector with the element that holds the article, e.g. --selector main or --selector .entry-content.',
    );
  }
  const warnings: string[] = [];
  const notes: string[] = [];
  const field = (value: string | undefined, name: string): string | undefined => {
    if (value === undefined) return undefined;
    const result = normalizeField(value.replace(/\s+/g, ' '), { file, field: name });
    warnings.push(...result.warnings);
    notes.push(...result.notes);
    return result.text || undefined;
  };
  const front: FrontBlock = {};
  const lang = field(attribute(page, 'html', 'lang'), 'the <html lang> attribute')
    ?.toLowerCase()
    .split('-')[0];
  if (lang) front.lang = lang;
  const author = field(attribute(page, 'meta[name="author"]', 'content'), 'the <meta name="author"> tag');
  if (author) front.author = author;
  const date = field(
    attribute(container, 'time[datetime]', 'dateTime') ?? attribute(page, 'meta[property="article:published_time"]', 'content'),
    "the article's date (<time datetime>)",
  );
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) front.date = date.slice(0, 10);
  const canonical = attribute(page, 'link[rel="canonical"]', 'href');
  if (canonical && safeLinkUrl(canonical)?.startsWith('http')) front.source = field(safeLinkUrl(canonical)!, 'the <link rel="canonical"> URL');

  const body = htmlToBlocks(container);
  const title = body.title || (select('title', page) ? toText(select('title', page)!).replace(/\s+/g, ' ').trim() : undefined);
  const titleText = title ? field(title, 'the title (<h1>)') : undefined;
  if (!titleText)
    throw new ImportError(
      file,
      `has no title: no <h1> in "${selector}" and no <title>.`,
      'Add an <h1> to the article, or give the title in a front block of a Markdown file instead.',
    );
  if (!blockLines(body.blocks).some((line) => line.trim()))
    throw new ImportError(file, `has a title but no text under it in "${selector}".`, 'Check the selector and the page.');
  const unclosed = unclosedDropWarnings(container, text, ARTICLE_SCHEMA.strip ?? []);
  return { file, front, frontLines: {}, title: titleText, titleLine: 0, blocks: body.blocks, warnings: [...warnings, ...unclosed, ...body.warnings], notes };
}

/**
 * An element's content as article blocks: sanitized to ARTICLE_SCHEMA,
 * figures folded, the first <h1> taken out as the title (when `takeTitle` is
 * true) or, when the title is known (a WordPress post's), an <h1> opening the
 * content that repeats it left out, then converted through mdast. Shared by
 * the HTML and WordPress readers.
 */
export function htmlToBlocks(
  container: HastRoot | Element,
  takeTitle: true | { knownTitle: string } = true,
): { blocks: Block[]; title?: string; warnings: string[]; repeatedTitle: boolean } {
  const article: HastRoot = { type: 'root', children: container.type === 'root' ? structuredClone(container.children) : [structuredClone(container)] };
  parseNoscript(article);
  separateBoxes(article);
  const clean = sanitize(article, ARTICLE_SCHEMA) as HastRoot;
  foldFigures(clean);
  const warnings = readInlineMarks(clean);
  pushInlineIntoBlocks(clean);
  let title: string | undefined;
  let repeatedTitle = false;
  const remove = (node: HastRoot | Element, heading: Element): void => {
    node.children = node.children.filter((child) => child !== heading) as typeof node.children;
    for (const child of node.children) if (child.type === 'element') remove(child, heading);
  };
  if (takeTitle === true) {
    const heading = select('h1', clean);
    if (heading) {
      title = toText(heading).replace(/\s+/g, ' ').trim();
      remove(clean, heading);
    }
  } else {
    const heading = openingHeading(clean);
    if (heading && repeatsTitle(toText(heading), takeTitle.knownTitle)) {
      remove(clean, heading);
      repeatedTitle = true;
    }
  }
  const converted = blocksFromMdast(toMdast(clean) as MdastRoot);
  return { blocks: converted.blocks, title, warnings: [...warnings, ...converted.warnings], repeatedTitle };
}

/**
 * A parser with scripting on (as hast's is) reads <noscript>'s content as
 * text; a browser without scripts shows it as markup. It is parsed again as
 * such, so its text is read, not its tags.
 */
function parseNoscript(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'noscript' && child.children.every((inner) => inner.type === 'text')) {
      const markup = child.children.map((inner) => (inner.type === 'text' ? inner.value : '')).join('');
      child.children = fromHtml(markup, { fragment: true }).children as ElementContent[];
    }
    parseNoscript(child);
  }
}

/** Form controls and embeds, each a box of its own on the page: the words on either side of one never run together. */
const BOXES = new Set(['input', 'button', 'select', 'textarea', 'meter', 'progress', 'output', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas']);

/**
 * A browser shows `<label>Find</label><input><button>Search</button>` as
 * three boxes; once the controls are unwrapped or dropped, their words would
 * read as one («FindSearch»). A space on each side keeps them apart.
 */
function separateBoxes(node: HastRoot | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child as ElementContent];
    separateBoxes(child);
    return BOXES.has(child.tagName) ? [{ type: 'text', value: ' ' }, child, { type: 'text', value: ' ' }] : [child];
  }) as typeof node.children;
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};

/**
 * What the model has no element for, read so the text stays right: a
 * superscript or subscript of digits and signs (10<sup>6</sup>, H<sub>2</sub>O)
 * as Unicode's superscript and subscript characters (10⁶, H₂O), never run into
 * the text before it (106); any other (1<sup>st</sup>) stays its text, with a
 * warning. <details> is a block and its <summary> a paragraph of their own.
 */
function readInlineMarks(node: HastRoot | Element): string[] {
  let plain = 0;
  const walk = (parent: HastRoot | Element): void => {
    parent.children = parent.children.map((child): ElementContent => {
      if (child.type !== 'element') return child as ElementContent;
      if (child.tagName === 'sup' || child.tagName === 'sub') {
        const table = child.tagName === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
        const text = toText(child);
        const chars = [...text.trim()];
        if (chars.length && chars.every((char) => table[char])) return { type: 'text', value: chars.map((char) => table[char]).join('') };
        if (text.trim()) plain++;
      }
      if (child.tagName === 'summary') child.tagName = 'p';
      if (child.tagName === 'details') child.tagName = 'div';
      walk(child);
      return child;
    }) as typeof parent.children;
  };
  walk(node);
  return plain ? [`${plain} superscript or subscript text(s) of letters kept as plain text (only digits and signs have Unicode forms)`] : [];
}

/** Wrappers that put nothing of their own before their content. */
const WRAPPERS = new Set(['div', 'section', 'span']);

/** The <h1> the content opens with, looking into wrappers; none when any text, image or other element comes first. */
function openingHeading(node: HastRoot | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type === 'text') {
      if (child.value.trim()) return undefined;
    } else if (child.type === 'element') {
      if (child.tagName === 'h1') return child;
      if (!WRAPPERS.has(child.tagName)) return undefined;
      const found = openingHeading(child);
      if (found || toText(child).trim() || select('img', child)) return found;
    }
  }
  return undefined;
}
