import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { NameBook, authorPath, parseFrontMatter, splitArticleFile, tagPath, type JoinedName } from '../../src/article/index.ts';
import type { ArticleNames } from './import-article.ts';

export interface JoinedInLocale extends JoinedName {
  locale: string;
  kind: 'author' | 'tag';
  /** The page all its spellings share. */
  page: string;
}

/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const READ_BATCH = 64;

/**
 * The author and tags of an article file, read with the contract's front
 * matter reader from just those fields' lines: the summary reads every
 * article of a locale, and the rest of the front matter is most of its cost.
 */
function namesOfFile(text: string): ArticleNames | undefined {
  const split = splitArticleFile(text);
  if (!split) return undefined;
  const lines = split.yaml.split('\n');
  const wanted: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!/^(?:author|tags):/.test(lines[index]!)) continue;
    wanted.push(lines[index]!);
    while (index + 1 < lines.length && /^[ \t-]/.test(lines[index + 1]!)) wanted.push(lines[++index]!);
  }
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatter(wanted.join('\n'));
  } catch {
    try {
      data = parseFrontMatter(split.yaml);
    } catch {
      return undefined;
    }
  }
  return {
    ...(typeof data.author === 'string' ? { author: data.author } : {}),
    tags: Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

/**
 * Names of the archive written in more than one spelling that are one name
 * (src/article/names.ts) — what the build shows on one page — limited to
 * names that this run's articles (`written`: <locale>/<slug>.mdx and the
 * names each carries) use, so a run reports the joins it took part in. The
 * articles of this run are not read again; the others of their locales are.
 */
export async function joinedNames(contentDir: string, written: ReadonlyMap<string, ArticleNames>): Promise<JoinedInLocale[]> {
  const locales = [...new Set([...written.keys()].map((target) => target.split(/[\\/]/)[0]!))];
  const joined: JoinedInLocale[] = [];
  for (const locale of locales.sort()) {
    const authors = new NameBook();
    const tags = new NameBook();
    const mineAuthors = new Set<string>();
    const mineTags = new Set<string>();
    const add = (names: ArticleNames, mine: boolean) => {
      if (names.author) {
        authors.add(names.author);
        if (mine) mineAuthors.add(names.author);
      }
      for (const tag of names.tags) {
        tags.add(tag);
        if (mine) mineTags.add(tag);
      }
    };
    const folder = path.join(contentDir, locale);
    const others: string[] = [];
    for (const name of (await readdir(folder).catch(() => [] as string[])).filter((entry) => entry.endsWith('.mdx'))) {
      const names = written.get(path.join(locale, name));
      if (names) add(names, true);
      else others.push(name);
    }
    for (let start = 0; start < others.length; start += READ_BATCH) {
      const batch = others.slice(start, start + READ_BATCH);
      const texts = await Promise.all(batch.map((name) => readFile(path.join(folder, name), 'utf8').catch(() => '')));
      for (const text of texts) {
        const names = namesOfFile(text);
        if (names) add(names, false);
      }
    }
    const keep = (book: NameBook, kind: 'author' | 'tag', mine: Set<string>) => {
      for (const name of book.joined()) {
        if (!name.spellings.some(({ spelling }) => mine.has(spelling))) continue;
        joined.push({ ...name, locale, kind, page: kind === 'author' ? authorPath(locale, name.shown) : tagPath(locale, name.shown) });
      }
    };
    keep(authors, 'author', mineAuthors);
    keep(tags, 'tag', mineTags);
  }
  return joined;
}

/** One line of the import summary: «ar author «واس - الرياض» (12) = «واس- الرياض» (3) → ar/authors/واس-الرياض/». */
export function describeJoined(name: JoinedInLocale): string {
  const [shown, ...others] = name.spellings;
  return `${name.kind} «${shown!.spelling}» (${shown!.count}) = ${others.map(({ spelling, count }) => `«${spelling}» (${count})`).join(', ')} → one page, ${name.page}`;
}
