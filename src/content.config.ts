import { defineCollection } from 'astro:content';
import { articleSchema } from './article/index.ts';
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
  schema: (context) => articleSchema(context),
});

export const collections = { articles };
