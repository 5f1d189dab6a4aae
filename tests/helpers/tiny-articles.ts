import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TinyArticle {
  slug: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Title, lead and body at once: one line. */
  text: string;
}

/**
 * Writes articles of front matter and one line into a locale's content
 * folder: enough for the listings (a busy month needs more than two pages'
 * worth), cheap to build, and generated, so no fixture holds hundreds of files.
 */
export function writeTinyArticles(localeDir: string, articles: readonly TinyArticle[]): void {
  mkdirSync(localeDir, { recursive: true });
  for (const { slug, date, text } of articles) {
    writeFileSync(
      path.join(localeDir, `${slug}.mdx`),
      `---\ntitle: ${JSON.stringify(text)}\ndescription: ${JSON.stringify(text)}\ndate: "${date}"\n---\n\n${text}\n`,
    );
  }
}
