import { defineCollection } from 'astro:content';
import { articleSchema, imageSizeProblem } from './article/index.ts';
import { articleLoader } from './loaders/articles.ts';
import { settings } from './settings.ts';

/**
 * The archive lives outside src/ (content/<locale>/<slug>.mdx) because it is
 * data, not code. ARSHIF_CONTENT_DIR points a build at another folder — the
 * tests and the benchmark build their own corpora this way. Its schema is the
 * article contract's (src/article/), the one the importer checks against.
 */

const articles = defineCollection({
  loader: articleLoader({ contentDir: settings.contentDir }),
  // A photograph over the contract's size (a decompression bomb written by hand into the folder) fails here, naming it, before sharp decodes it.
  schema: (context) =>
    articleSchema({
      image: () =>
        context.image().superRefine((metadata, ctx) => {
          if (!metadata) return;
          const problem = imageSizeProblem(metadata.width, metadata.height);
          if (problem) ctx.addIssue({ code: 'custom', message: `the photograph ${metadata.src} ${problem}` });
        }),
    }),
});

export const collections = { articles };
