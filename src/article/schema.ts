import { z } from 'astro/zod';
import { dateProblem, parseArticleDate } from './dates.ts';
import { textProblem } from './characters.ts';
import { imageSizeProblem, MAX_IMAGES, TRANSLATION_KEY, sourceProblem } from './fields.ts';
import { authorProblem, MAX_TAGS, tagProblem } from './names.ts';

/**
 * The front matter of an article, as the build validates it — and as the
 * importer validates what it is about to write (checkFrontMatter), so an
 * article the importer writes is one the build accepts, with the same
 * message when it is not. The locale is not here: it is the content folder.
 */

/** A rule as a zod check: `problem` says why a value is refused (a sentence about it), or null. */
function rule(problem: (value: string) => string | null, what: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: `${what} ${found}` });
  };
}

const text = () => z.string().superRefine(rule((value) => textProblem(value), 'the text'));

const tag = z
  .string()
  .superRefine(rule(tagProblem, 'the tag'))
  .transform((value) => value.trim());

// Front matter is read as YAML 1.2 core (src/article/front-matter.ts), so a date is the string written in the file.
const articleDate = z.string().superRefine(rule(dateProblem, 'the date')).transform(parseArticleDate);

/** How the schema's photographs are checked: astro:assets' image() in the build, a path string for the importer. */
export interface ImageContext<Image extends z.ZodType> {
  image: () => Image;
}

export const articleSchema = <Image extends z.ZodType>({ image }: ImageContext<Image>) =>
  z
    .object({
      title: text().pipe(z.string().trim().min(1, 'title must not be empty')),
      description: text().default(''),
      // Undated articles are allowed and are never given a made-up date.
      date: articleDate.optional(),
      tags: z.array(tag).max(MAX_TAGS, `an article may have at most ${MAX_TAGS} tags`).default([]),
      /** Translations of one article share this key. */
      translationKey: z.string().regex(TRANSLATION_KEY, 'translationKey is the original article as <locale>/<slug>').optional(),
      /** Where the text came from: a URL (shown as a link) or a description. */
      source: text().superRefine(rule(sourceProblem, 'the source')).optional(),
      /** Who wrote it: the byline, linked to the author's page (one page per name, src/article/names.ts). */
      author: z
        .string()
        .superRefine(rule(authorProblem, 'the byline'))
        .transform((value) => value.trim())
        .optional(),
      /**
       * The article's photographs, `./<slug>/<file>` beside the article, in
       * order (the first is its og:image and card image). In the build,
       * image() resolves each through astro:assets and fails naming the file
       * when one is missing.
       */
      images: z.array(image().superRefine(photographSize)).max(MAX_IMAGES, `an article may have at most ${MAX_IMAGES} images`).optional(),
      /** Written by `npm run import`; lets re-imports detect unchanged and hand-edited files. */
      imported: z
        .object({
          file: z.string(),
          encoding: z.string(),
          sourceHash: z.string(),
          outputHash: z.string(),
        })
        .optional(),
    })
    .strict();

/**
 * A photograph over the contract's size (a decompression bomb put in the
 * folder by hand) fails the build naming it, before sharp decodes it. Only
 * the build's image() gives a size: the importer read it from the file.
 */
function photographSize(value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== 'object' || value === null || !('width' in value) || !('height' in value)) return;
  const { width, height, src } = value as { width: number; height: number; src?: string };
  const problem = imageSizeProblem(width, height);
  if (problem) ctx.addIssue({ code: 'custom', message: `the photograph ${src ?? ''} ${problem}` });
}

const importerSchema = articleSchema({ image: () => z.string() });

/**
 * What the build would refuse in this front matter, one `field: message`
 * line each (empty when it builds): the importer's last check before it
 * writes, and verify's check of an archive.
 */
export function checkFrontMatter(data: Record<string, unknown>): string[] {
  const result = importerSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(front matter)'}: ${issue.message}`);
}
