import { getCollection, type CollectionEntry } from 'astro:content';
import type { LocaleCode } from '../i18n/locales.ts';
import { splitArticleId } from '../lib/article-id.ts';
import { compareNewestFirst } from '../lib/dates.ts';

export type Article = CollectionEntry<'articles'> & { locale: LocaleCode; slug: string };

/** Every article, with its locale and slug split out of the id. */
export async function getAllArticles(): Promise<Article[]> {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ ...entry, ...splitArticleId(entry.id) }));
}

/** One locale's articles, newest first, undated last. */
export async function getArticlesForLocale(locale: LocaleCode): Promise<Article[]> {
  const all = await getAllArticles();
  return all
    .filter((article) => article.locale === locale)
    .sort((a, b) => compareNewestFirst(a.data.date, b.data.date) || a.slug.localeCompare(b.slug));
}

/** Articles grouped by translationKey, so finding translations is a lookup, not a scan. */
export function indexTranslations(all: Article[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of all) {
    const key = article.data.translationKey;
    if (key) groups.set(key, [...(groups.get(key) ?? []), article]);
  }
  return groups;
}

/** The other-language versions of an article (same translationKey). */
export function findTranslations(article: Article, groups: Map<string, Article[]>): Article[] {
  const key = article.data.translationKey;
  return key ? (groups.get(key) ?? []).filter((other) => other.id !== article.id) : [];
}

/** The tags of one locale with their articles, tags in the locale's alphabetical order. */
export async function getTagsForLocale(locale: LocaleCode): Promise<{ tag: string; articles: Article[] }[]> {
  const byTag = new Map<string, Article[]>();
  for (const article of await getArticlesForLocale(locale)) {
    for (const tag of article.data.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), article]);
  }
  const collator = new Intl.Collator(locale);
  return [...byTag].map(([tag, articles]) => ({ tag, articles })).sort((a, b) => collator.compare(a.tag, b.tag));
}
