import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';
import { writeSearchVocabulary } from './search-vocabulary.ts';

/**
 * Indexes the built site with Pagefind's Node API in the same `astro build`.
 * Pagefind splits the index by each page's `<html lang>`, so every locale gets
 * its own index and stemmer; only elements marked `data-pagefind-body` (the
 * article) are indexed, so navigation and other page chrome never match.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'arshif:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefindApi.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`indexed ${added.page_count} pages in ${seconds}s → ${path.relative(process.cwd(), written.outputPath)}`);
          const forms = await writeSearchVocabulary(outDir);
          for (const [language, count] of Object.entries(forms)) logger.info(`search vocabulary (${language}): ${count} word forms`);
        } finally {
          await pagefindApi.close();
        }
      },
    },
  };
}
