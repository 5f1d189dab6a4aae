import { renderArticleBody } from '../../src/article/body.ts';
import { ImportError } from '../import/errors.ts';
import { mapImages } from '../import/model.ts';
import type { ReadArticle } from '../import/readers/read-article.ts';
import { checkRendersAsWritten } from '../import/self-check.ts';
import { writeArticleBody } from '../import/writer.ts';

export type Imported = { ok: true; body: string; html: string; warnings: string[] } | { ok: false; reason: string };

/**
 * A read article through the rest of the importer's pipeline, without
 * files: photographs renamed as the importer names them, the one writer,
 * the render-and-compare check, then the body rendered as the site does
 * (every photograph in a figure, as astro:assets' <img> would be).
 */
export function importRead(read: () => ReadArticle): Imported {
  try {
    const article = read();
    let count = 0;
    const blocks = mapImages(article.blocks, () => `./conformance/photo-${count++}.jpg`);
    const warnings = [...article.warnings];
    const body = checkRendersAsWritten(blocks, writeArticleBody, article.file, warnings);
    const html = renderArticleBody(body).html.replace(/<img data-arshif-image="\d+">/g, '<img>');
    return { ok: true, body, html, warnings };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, reason: error.message };
    return { ok: false, reason: `crashed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}
