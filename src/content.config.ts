import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { articleLoader } from './loaders/articles.ts';
import { articleDateProblem, parseArticleDate } from './lib/content/article-date.ts';

/** At most this many tags an article, each at most this long: a tag is a topic, not a sentence. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 60;
// Characters no tag may hold: controls (XML 1.0 forbids most), and what would break its URL.
const FORBIDDEN_IN_TAG = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff/\\?#%]/u;

const tag = z
  .string()
  .trim()
  .min(1, 'a tag must not be empty')
  .max(MAX_TAG_LENGTH, `a tag may be at most ${MAX_TAG_LENGTH} characters`)
  .refine((value) => !FORBIDDEN_IN_TAG.test(value), 'a tag may not contain control characters or / \\ ? # %')
  .refine((value) => /[\p{L}\p{N}]/u.test(value), 'a tag needs at least one letter or digit');

// Every text field ends up in feeds and meta tags: characters XML 1.0 forbids would break them.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = () => z.string().refine((value) => !XML_FORBIDDEN.test(value), 'contains a control character that feeds and pages cannot carry; remove it');

// Front matter is read as YAML 1.2 core (src/lib/content/front-matter.ts), so a
// date is the string written in the file and is checked against the calendar.
const articleDate = z
  .string()
  .superRefine((value, ctx) => {
    const problem = articleDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; write a real date as "YYYY-MM-DD" or remove the field` });
  })
  .transform(parseArticleDate);

/**
 * Front matter of an article. Violations fail the build; Astro's message names
 * the entry and the field. The locale is not here: it is the content folder.
 */
/** A byline is a name or a few names; a source a URL or a short description (src/lib/import/fields.ts). */
export const MAX_AUTHOR_LENGTH = 120;
export const MAX_SOURCE_LENGTH = 500;

export const articleSchema = ({ image }: SchemaContext) => z
  .object({
    title: text().pipe(z.string().trim().min(1, 'title must not be empty')),
    description: text().default(''),
    // Undated articles are allowed and are never given a made-up date.
    date: articleDate.optional(),
    tags: z.array(tag).max(MAX_TAGS, `an article may have at most ${MAX_TAGS} tags`).default([]),
    /** Translations of one article share this key. */
    translationKey: z.string().regex(/^[a-z]{2,3}\/[^/\s]+$/, 'translationKey is the original article as <locale>/<slug>').optional(),
    /** Where the text came from: a URL (shown as a link) or a description. */
    source: text().pipe(z.string().max(MAX_SOURCE_LENGTH, `source may be at most ${MAX_SOURCE_LENGTH} characters`)).optional(),
    /** Who wrote it: the byline, linked to the author's page. */
    author: text().pipe(z.string().trim().min(1, 'author must not be empty').max(MAX_AUTHOR_LENGTH, `author may be at most ${MAX_AUTHOR_LENGTH} characters`)).optional(),
    /**
     * The article's photographs, `./<slug>/<file>` beside the article, in
     * order (the first is its og:image and card image). image() resolves each
     * through astro:assets, and fails the build naming the file when one is
     * missing.
     */
    images: z.array(image()).max(100, 'an article may have at most 100 images').optional(),
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

export type ArticleData = z.infer<ReturnType<typeof articleSchema>>;

/**
 * The archive lives outside src/ (content/<locale>/<slug>.mdx) because it is
 * data, not code. ARSHIF_CONTENT_DIR points a build at another folder — the
 * tests and the benchmark build their own corpora this way.
 */
const contentDir = process.env.ARSHIF_CONTENT_DIR ?? './content';

const articles = defineCollection({
  loader: articleLoader({ contentDir }),
  schema: articleSchema,
});

export const collections = { articles };
