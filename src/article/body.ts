import GithubSlugger from 'github-slugger';
import { defineHastPlugin, defineMdastPlugin, markdownToHtml, mdxToMdast } from 'satteri';
import { safeLinkUrl } from './safe-url.ts';

/**
 * Markdown features of the archive: GFM for tables (the importer escapes
 * every `|`, `~` and `[` of text, so plain text cannot become a table,
 * strikethrough or footnote), without footnotes; no curly quotes. GFM also
 * links bare URLs and e-mail addresses, which no escape can stop: the
 * renderer turns those back into text (`unlinkAutolinks`). astro.config.mjs
 * gives Astro's own processor the same features.
 */
export const MARKDOWN_FEATURES = { gfm: { footnotes: false }, smartPunctuation: false } as const;

/**
 * True for a link whose text is its own address — what GFM's autolinking of
 * `https://…`, `www.…` and `a@b.c` makes. Rendered as text: imported text is
 * shown as written, and a link the importer wrote with its URL as its text
 * loses nothing a reader sees.
 */
export function isSelfLink(text: string, href: string): boolean {
  return href === text || href === `http://${text}` || href === `mailto:${text}`;
}

/**
 * The text of a bare address as it was written. GFM links a bare URL from
 * the raw source, backslash escapes included — the importer writes
 * `code_of_conduct` as `code\_of\_conduct`, and the autolink keeps the
 * backslashes, where anywhere else an escape is the character itself — so
 * CommonMark's escapes are undone here. The importer escapes every backslash
 * it keeps (`\\`), so this gives back exactly what was written. An address
 * ends before `<` and before trailing punctuation (`https://a.b/c\<d`,
 * `https://a.b/c\_`): then its last backslash is the escape of the character
 * after it, outside the link, and is dropped.
 */
export function autolinkText(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|\\$/g, (_, char: string | undefined) => char ?? '');
}

/** A photograph's source as the importer writes it: a file in the article's own media folder, `./<slug>/<name>`. */
export const LOCAL_IMAGE = /^\.\/[a-z0-9-]+\/[A-Za-z0-9._-]+$/;

export interface BodyImage {
  /** The source as written in the body, `./<slug>/<name>`. */
  src: string;
  alt: string;
  caption: string;
}

/** Text as HTML text and attribute values (the renderer writes figures as HTML of its own). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The placeholder a photograph's <img> is before the page puts astro:assets' markup in its place. */
export const IMAGE_PLACEHOLDER = /<img data-arshif-image="(\d+)">/g;

/**
 * Element ids the page around an article already uses. A subheading called
 * «main» or "toc-title" must not take them: the slugger counts them as used,
 * so such a heading becomes `main-1`.
 */
export const PAGE_IDS = [
  'main',
  'toc-title',
  'translations-title',
  'related-title',
  'search-dialog-title',
  'search-dialog-input',
  'search-page-input',
  'archive-chart-title',
  'archive-chart-summary',
] as const;

/** The class of a paragraph of verse (`<p class="verse">line<br>line</p>`): src/styles/global.css sets it as a poem. */
export const VERSE_CLASS = 'verse';

/** A Markdown hard line break: a backslash, or two spaces, at the end of a line. */
const HARD_BREAK = /(?:\\| {2,})\r?\n/;

export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: BodyHeading[];
  /** Photographs, in order; the HTML holds `<img data-arshif-image="N">` for each (IMAGE_PLACEHOLDER). */
  images: BodyImage[];
}

/**
 * Renders an article body — the Markdown the importer writes, with every
 * syntax character escaped — to HTML with heading ids.
 *
 * Why not Astro's MDX pipeline: compiling each article into a JavaScript
 * module costs memory and time that grow with the archive (one module per
 * article, bundled by Vite). Article bodies are data, never code (the loader
 * refuses any that are not, see `findCodeInBody`), so Markdown rendering gives
 * the same HTML. Satteri is the native Markdown processor Astro itself uses.
 */
export function renderArticleBody(markdown: string): RenderedBody {
  const slugger = new GithubSlugger();
  for (const id of PAGE_IDS) slugger.slug(id);
  const headings: BodyHeading[] = [];
  const headingIds = defineHastPlugin({
    name: 'arshif-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const text = ctx.textContent(node);
        // Ids without combining marks (Arabic vowels, Hebrew points; precomposed letters such
        // as أ stay): validators take a mark for a character an id may not hold.
        const slug = slugger.slug(text.replace(/\p{Mn}/gu, ''));
        headings.push({ depth: Number(node.tagName[1]), slug, text });
        ctx.setProperty(node, 'id', slug);
      },
    },
  });
  // A paragraph with line breaks is verse — the importer writes hard breaks for nothing else — and is styled as a poem.
  const verse = defineHastPlugin({
    name: 'arshif-verse',
    element: {
      filter: ['p'],
      visit(node, ctx) {
        if (node.children.some((child) => child.type === 'element' && child.tagName === 'br')) ctx.setProperty(node, 'className', [VERSE_CLASS]);
      },
    },
  });
  const images: BodyImage[] = [];
  // Links and photographs, checked again at render time: a hand-edited file is held to the importer's rules.
  const linksAndFigures = defineMdastPlugin({
    name: 'arshif-links-and-figures',
    link(node, ctx) {
      const text = ctx.textContent(node);
      if (isSelfLink(text, node.url)) ctx.replaceNode(node, { type: 'text', value: autolinkText(text) });
      else if (safeLinkUrl(node.url) === null) ctx.replaceNode(node, { type: 'text', value: text });
    },
    paragraph(node, ctx) {
      const [only, ...rest] = node.children;
      if (!only || rest.length > 0 || only.type !== 'image' || !LOCAL_IMAGE.test(only.url)) return;
      const index = images.push({ src: only.url, alt: only.alt ?? '', caption: only.title ?? '' }) - 1;
      const caption = only.title ? `<figcaption>${escapeHtml(only.title)}</figcaption>` : '';
      ctx.replaceNode(node, { rawHtml: `<figure><img data-arshif-image="${index}">${caption}</figure>` });
    },
    // Any other image (inside a sentence, or not a local file) is not shown: the importer never writes one.
    image(node, ctx) {
      const parent = ctx.parent(node);
      if (parent?.type === 'paragraph' && parent.children.length === 1 && LOCAL_IMAGE.test(node.url)) return;
      ctx.removeNode(node);
    },
  });
  // Visiting every paragraph costs a call into the plugin each; only a body with a hard line break (a backslash or two
  // spaces before the line's end) can hold verse.
  const hastPlugins = HARD_BREAK.test(markdown) ? [headingIds, verse] : [headingIds];
  const { html } = markdownToHtml(markdown, { features: { ...MARKDOWN_FEATURES, frontmatter: false }, mdastPlugins: [linksAndFigures], hastPlugins }) as {
    html: string;
  };
  return { html, headings, images };
}

export interface CodeInBody {
  /** 1-based line within the body. */
  line: number;
  /** What was found, in words. */
  what: string;
}

const MDX_CODE_NODES: Record<string, string> = {
  mdxjsEsm: 'an import or export statement',
  mdxFlowExpression: 'a {…} expression',
  mdxTextExpression: 'a {…} expression',
  mdxJsxFlowElement: 'a <…> component or HTML tag',
  mdxJsxTextElement: 'a <…> component or HTML tag',
};

interface MdastLike {
  type: string;
  position?: { start?: { line?: number } };
  children?: MdastLike[];
}

function firstCodeNode(node: MdastLike): MdastLike | undefined {
  if (node.type in MDX_CODE_NODES) return node;
  for (const child of node.children ?? []) {
    const found = firstCodeNode(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Finds what MDX would run as code in a body: import/export, `{…}`
 * expressions, JSX or HTML tags. The archive is data: the importer writes
 * every such character as a reference, and a hand-edited file that brings
 * code back is refused at build time with its line. A body without `<`,
 * `{` or a line starting with import/export cannot hold any of these, so the
 * MDX parser only runs on the rare file that might.
 */
export function findCodeInBody(body: string): CodeInBody | null {
  // Escaped characters (\{ \<) are text in MDX too.
  if (!/[<{]|^\s*(?:import|export)\b/m.test(body.replace(/\\[\s\S]/g, ''))) return null;
  let tree: MdastLike;
  try {
    tree = mdxToMdast(body, { features: { ...MARKDOWN_FEATURES, frontmatter: false } }) as unknown as MdastLike;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/(\d+):\d+/.exec(message)?.[1] ?? 1);
    return { line, what: `text MDX cannot read as plain text (${message.split('\n')[0]})` };
  }
  const node = firstCodeNode(tree);
  return node ? { line: node.position?.start?.line ?? 1, what: MDX_CODE_NODES[node.type]! } : null;
}
