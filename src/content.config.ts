import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleIdFromPath } from './lib/article-id.ts';

/**
 * Front matter of an article. Violations fail the build; Astro's message names
 * the entry and the field. The locale is not here: it is the content folder.
 */
export const articleSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty'),
    description: z.string().default(''),
    // Undated articles are allowed and are never given a made-up date.
    date: z.coerce.date().optional(),
    tags: z.array(z.string().trim().min(1)).default([]),
    /** Translations of one article share this key. */
    translationKey: z.string().min(1).optional(),
    /** Where the text came from: a URL or a description. */
    source: z.string().optional(),
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

export type ArticleData = z.infer<typeof articleSchema>;

/**
 * The archive lives outside src/ (content/<locale>/<slug>.mdx) because it is
 * data, not code. ARSHIF_CONTENT_DIR points a build at another folder — the
 * tests and the benchmark build their own corpora this way.
 */
const contentDir = process.env.ARSHIF_CONTENT_DIR ?? './content';

const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: contentDir,
    generateId: ({ entry }) => articleIdFromPath(entry, contentDir),
  }),
  schema: articleSchema,
});

export const collections = { articles };
