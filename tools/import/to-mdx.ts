import { Scalar, stringify } from 'yaml';

export interface ArticleFrontMatter {
  title: string;
  description: string;
  date?: string;
  tags: string[];
  translationKey: string;
  author?: string;
  source?: string;
  /** The article's photographs (`./<slug>/<file>`), in order: the first is its og:image and card image. */
  images?: string[];
  imported: { file: string; encoding: string; sourceHash: string; outputHash: string };
}

function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** A whole MDX file: YAML front matter (quoted by the yaml library, so any title is safe) and the body. */
export function renderMdxFile(front: ArticleFrontMatter, body: string): string {
  const data: Record<string, unknown> = {
    title: front.title,
    description: front.description,
    // Quoted, so no YAML reader turns it into a timestamp (or 0050 into 1950).
    ...(front.date ? { date: quoted(front.date) } : {}),
    tags: front.tags,
    translationKey: front.translationKey,
    ...(front.author ? { author: front.author } : {}),
    ...(front.source ? { source: front.source } : {}),
    ...(front.images?.length ? { images: front.images } : {}),
    imported: front.imported,
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}

/** Splits an MDX file into its front matter text and body. */
export function splitMdxFile(file: string): { frontMatter: string; body: string } | null {
  const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(file.replace(/\r\n/g, '\n'));
  return match ? { frontMatter: match[1]!, body: match[2]! } : null;
}
