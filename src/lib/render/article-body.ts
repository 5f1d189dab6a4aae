import GithubSlugger from 'github-slugger';
import { defineHastPlugin, markdownToHtml, mdxToMdast } from 'satteri';

/**
 * Markdown features of the archive. Imported text must render exactly as
 * written: no curly quotes, no autolinked URLs or e-mail addresses, no tables
 * or strikethrough. astro.config.mjs gives Astro's own processor the same.
 */
export const MARKDOWN_FEATURES = { gfm: false, smartPunctuation: false } as const;

/**
 * Element ids the page around an article already uses. A subheading called
 * «main» or "toc-title" must not take them: the slugger counts them as used,
 * so such a heading becomes `main-1`.
 */
export const PAGE_IDS = [
  'main',
  'toc-title',
  'translations-title',
  'search-dialog-title',
  'search-dialog-input',
  'search-page-input',
  'archive-chart-title',
  'archive-chart-summary',
] as const;

export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: BodyHeading[];
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
  const { html } = markdownToHtml(markdown, { features: { ...MARKDOWN_FEATURES, frontmatter: false }, hastPlugins: [headingIds] }) as { html: string };
  return { html, headings };
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
