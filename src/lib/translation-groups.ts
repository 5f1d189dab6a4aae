import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * For every article page, the pages of its translations, read from the
 * content folder's front matter (translationKey). The sitemap is written by
 * an integration that cannot see the content collection, so it reads the
 * archive itself — keys are page paths like `ar/articles/<slug>/`.
 */
export function readTranslationGroups(contentDir: string): Map<string, { locale: string; path: string }[]> {
  const groups = new Map<string, { locale: string; path: string }[]>();
  let locales: string[];
  try {
    locales = readdirSync(contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return new Map();
  }
  for (const locale of locales) {
    for (const file of readdirSync(path.join(contentDir, locale)).filter((name) => name.endsWith('.mdx'))) {
      const text = readFileSync(path.join(contentDir, locale, file), 'utf8');
      const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
      if (!frontMatter) continue;
      let key: unknown;
      try {
        key = (parseYaml(frontMatter) as { translationKey?: unknown } | null)?.translationKey;
      } catch {
        continue; // The build reports broken front matter with the file and field.
      }
      if (typeof key !== 'string') continue;
      const members = groups.get(key) ?? [];
      members.push({ locale, path: `${locale}/articles/${file.replace(/\.mdx$/, '')}/` });
      groups.set(key, members);
    }
  }
  const byPage = new Map<string, { locale: string; path: string }[]>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const member of members) byPage.set(member.path, members);
  }
  return byPage;
}

/** Paths of every article page written in its own locale, e.g. `ar/articles/<slug>/`. */
export function listArticlePaths(contentDir: string): Set<string> {
  const paths = new Set<string>();
  let locales: string[];
  try {
    locales = readdirSync(contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return paths;
  }
  for (const locale of locales) {
    for (const file of readdirSync(path.join(contentDir, locale)).filter((name) => name.endsWith('.mdx'))) {
      paths.add(`${locale}/articles/${file.replace(/\.mdx$/, '')}/`);
    }
  }
  return paths;
}
