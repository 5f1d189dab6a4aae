import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { NameBook, authorPath, parseFrontMatter, splitArticleFile, tagPath, type JoinedName } from '../../src/article/index.ts';

export interface JoinedInLocale extends JoinedName {
  locale: string;
  kind: 'author' | 'tag';
  /** The page all its spellings share. */
  page: string;
}

/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const READ_BATCH = 64;

/**
 * Names of the archive written in more than one spelling that are one name
 * (src/article/names.ts) — what the build shows on one page — limited to
 * names that `touched` articles (this run's, as <locale>/<slug>.mdx) carry,
 * so a run reports the joins it took part in.
 */
export async function joinedNames(contentDir: string, touched: ReadonlySet<string>): Promise<JoinedInLocale[]> {
  const locales = [...new Set([...touched].map((target) => target.split(/[\\/]/)[0]!))];
  const joined: JoinedInLocale[] = [];
  for (const locale of locales.sort()) {
    const authors = new NameBook();
    const tags = new NameBook();
    const touchedAuthors = new Set<string>();
    const touchedTags = new Set<string>();
    const folder = path.join(contentDir, locale);
    const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx'));
    for (let start = 0; start < names.length; start += READ_BATCH) {
      const batch = names.slice(start, start + READ_BATCH);
      const texts = await Promise.all(batch.map((name) => readFile(path.join(folder, name), 'utf8').catch(() => '')));
      for (const [index, text] of texts.entries()) {
        const split = splitArticleFile(text);
        if (!split) continue;
        let data: Record<string, unknown>;
        try {
          data = parseFrontMatter(split.yaml);
        } catch {
          continue;
        }
        const isTouched = touched.has(path.join(locale, batch[index]!));
        if (typeof data.author === 'string') {
          authors.add(data.author);
          if (isTouched) touchedAuthors.add(data.author);
        }
        for (const tag of Array.isArray(data.tags) ? data.tags : []) {
          if (typeof tag !== 'string') continue;
          tags.add(tag);
          if (isTouched) touchedTags.add(tag);
        }
      }
    }
    const keep = (book: NameBook, kind: 'author' | 'tag', mine: Set<string>) => {
      for (const name of book.joined()) {
        if (!name.spellings.some(({ spelling }) => mine.has(spelling))) continue;
        joined.push({ ...name, locale, kind, page: kind === 'author' ? authorPath(locale, name.shown) : tagPath(locale, name.shown) });
      }
    };
    keep(authors, 'author', touchedAuthors);
    keep(tags, 'tag', touchedTags);
  }
  return joined;
}

/** One line of the import summary: «ar author «واس - الرياض» (12) = «واس- الرياض» (3) → ar/authors/واس-الرياض/». */
export function describeJoined(name: JoinedInLocale): string {
  const [shown, ...others] = name.spellings;
  return `${name.kind} «${shown!.spelling}» (${shown!.count}) = ${others.map(({ spelling, count }) => `«${spelling}» (${count})`).join(', ')} → one page, ${name.page}`;
}
