import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getImage } from 'astro:assets';
import { getCollection, type CollectionEntry } from 'astro:content';
import { NameBook, nameKey, parseFrontMatter, splitArticleFile } from '../article/index.ts';
import { escapeHtml, IMAGE_PLACEHOLDER, renderArticleBody, type RenderedBody } from '../article/body.ts';
import { LOCALES, LOCALE_CODES, type LocaleCode } from '../i18n/locales.ts';
import { splitArticleId } from '../site/article-id.ts';
import { compareNewestFirst } from '../i18n/dates.ts';
import { groupByMonth, type MonthGroup } from '../site/archive.ts';
import { relatedArticles } from '../site/related.ts';
import { imageWidths } from '../site/image-widths.ts';

export type Article = CollectionEntry<'articles'> & { locale: LocaleCode; slug: string };

// A build reads the collection once and sorts each locale once, however many
// routes ask: with 100,000 articles every copy and sort costs. The dev server
// reads afresh each time, so edits show up.
const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  if (import.meta.env.DEV) return compute();
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as Promise<T>;
}

/** Every article, with its locale and slug split out of the id. */
export function getAllArticles(): Promise<Article[]> {
  return once('all', async () => {
    const entries = await getCollection('articles');
    return entries.map((entry) => ({ ...entry, ...splitArticleId(entry.id) }));
  });
}

/** One locale's articles, newest first, undated last. Callers must not change the list. */
export function getArticlesForLocale(locale: LocaleCode): Promise<Article[]> {
  return once(`locale:${locale}`, async () =>
    (await getAllArticles())
      .filter((article) => article.locale === locale)
      .sort((a, b) => compareNewestFirst(a.data.date, b.data.date) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
  );
}

/** A locale's dated articles by month of its archive calendar, newest month first (month pages and day pages both read it). */
export function getArchiveMonthsForLocale(locale: LocaleCode): Promise<MonthGroup<Article>[]> {
  return once(`months:${locale}`, async () =>
    groupByMonth(await getArticlesForLocale(locale), (article) => article.data.date, LOCALES[locale].archiveCalendar),
  );
}

/** Articles grouped by translationKey, so finding translations is a lookup, not a scan. */
export function indexTranslations(all: Article[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of all) {
    const key = article.data.translationKey;
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(article);
    else groups.set(key, [article]);
  }
  return groups;
}

/** The other-language versions of an article (same translationKey). */
export function findTranslations(article: Article, groups: Map<string, Article[]>): Article[] {
  const key = article.data.translationKey;
  return key ? (groups.get(key) ?? []).filter((other) => other.id !== article.id) : [];
}

/**
 * A locale's articles grouped by the names `namesOf` gives each (its tags, its
 * author) — by identity (nameKey), so «واس - الرياض» and «واس- الرياض» are
 * one group, shown under the spelling most of its articles use — in the
 * locale's alphabetical order. An article is listed once per group, whatever
 * spellings of the name it carries.
 */
async function groupedByName(locale: LocaleCode, namesOf: (article: Article) => readonly string[]): Promise<{ name: string; articles: Article[] }[]> {
  const book = new NameBook();
  const byKey = new Map<string, Article[]>();
  for (const article of await getArticlesForLocale(locale)) {
    const keys = new Set<string>();
    for (const name of namesOf(article)) {
      book.add(name);
      keys.add(nameKey(name));
    }
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(article);
      else byKey.set(key, [article]);
    }
  }
  const collator = new Intl.Collator(locale);
  return book
    .names()
    .map(({ key, shown }) => ({ name: shown, articles: byKey.get(key)! }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The tags of one locale with their articles, tags in the locale's alphabetical order. */
export function getTagsForLocale(locale: LocaleCode): Promise<{ tag: string; articles: Article[] }[]> {
  return once(`tags:${locale}`, async () =>
    (await groupedByName(locale, (article) => article.data.tags)).map(({ name, articles }) => ({ tag: name, articles })),
  );
}

/** The authors of one locale with their articles (newest first), in the locale's alphabetical order. */
export function getAuthorsForLocale(locale: LocaleCode): Promise<{ author: string; articles: Article[] }[]> {
  return once(`authors:${locale}`, async () =>
    (await groupedByName(locale, (article) => (article.data.author ? [article.data.author] : []))).map(({ name, articles }) => ({ author: name, articles })),
  );
}

/** How a tag is shown across the archive (the spelling most of its articles use), whatever spelling one article gives it. */
export function getShownTag(locale: LocaleCode): Promise<(tag: string) => string> {
  return once(`shownTag:${locale}`, async () => {
    const shown = new Map((await getTagsForLocale(locale)).map(({ tag }) => [nameKey(tag), tag]));
    return (tag: string) => shown.get(nameKey(tag)) ?? tag;
  });
}

/** The locales turned on whose articles name an author: only they have an authors' index (and a footer link to it). */
export function getLocalesWithAuthors(): Promise<LocaleCode[]> {
  return once('localesWithAuthors', async () => {
    const withAuthors: LocaleCode[] = [];
    for (const locale of LOCALE_CODES) if ((await getAuthorsForLocale(locale)).length > 0) withAuthors.push(locale);
    return withAuthors;
  });
}

/**
 * Each article's related articles in its own locale (shared tags, rare words
 * of title and lead; src/site/related.ts), computed once per locale from front
 * matter, by article id.
 */
export function getRelatedForLocale(locale: LocaleCode): Promise<Map<string, Article[]>> {
  return once(`related:${locale}`, async () => {
    const articles = await getArticlesForLocale(locale);
    const related = relatedArticles(
      articles.map((article) => ({ tags: article.data.tags.map(nameKey), text: `${article.data.title} ${article.data.description}` })),
    );
    return new Map(articles.map((article, index) => [article.id, related[index]!.map((other) => articles[other]!)]));
  });
}

/** An article's first photograph as a link preview picture (og:image): a 1200-pixel-wide JPEG, which every preview reads. */
export async function articleOgImage(
  article: Article,
  site: URL | undefined,
): Promise<{ url: string; width: number; height: number; alt: string } | undefined> {
  const source = article.data.images?.[0];
  if (!source) return undefined;
  const width = Math.min(1200, source.width);
  const image = await getImage({ src: source, width, format: 'jpg' });
  return { url: new URL(image.src, site).href, width, height: Math.round((source.height * width) / source.width), alt: '' };
}

/**
 * The article's body as HTML, with its headings and its Markdown source (for
 * reading time). Read from the file when the page is built, one article at a
 * time, so the archive's text never sits in memory all at once (see
 * src/loaders/articles.ts, which validated the file).
 */
export async function renderArticle(article: Article): Promise<RenderedBody & { body: string }> {
  if (!article.filePath) throw new Error(`${article.id}: the content loader recorded no file for this article.`);
  const text = await readFile(path.resolve(article.filePath), 'utf8');
  const split = splitArticleFile(text);
  if (!split) throw new Error(`${article.filePath}: front matter disappeared while building; build again.`);
  const rendered = renderArticleBody(split.body);
  if (!rendered.images.length) return { ...rendered, body: split.body };
  // Photographs: the body names them as the front matter's `images` do; astro:assets resolved those (image() in the schema).
  const listed = parseFrontMatter(split.yaml).images;
  const names = Array.isArray(listed) ? listed.map(String) : [];
  const figures = await Promise.all(
    rendered.images.map(async (image, index) => {
      const metadata = article.data.images?.[names.indexOf(image.src)];
      if (!metadata)
        throw new Error(
          `${article.filePath}: the body shows ${image.src}, which its front matter's "images" list does not name. Add it there, or re-import the article.`,
        );
      // The first photograph may be the first thing on screen; every other one is below the fold.
      const eager = index === 0 && rendered.html.startsWith('<figure>');
      return articleImageHtml(metadata, image.alt, eager);
    }),
  );
  return { ...rendered, html: rendered.html.replace(IMAGE_PLACEHOLDER, (_, index: string) => figures[Number(index)]!), body: split.body };
}

type ImageSource = NonNullable<Article['data']['images']>[number];

/** An article photograph through astro:assets: WebP in several widths, width and height set, lazy unless first on screen. */
export async function articleImageHtml(source: ImageSource, alt: string, eager = false): Promise<string> {
  const image = await getImage({
    src: source,
    widths: imageWidths(source.width),
    sizes: '(min-width: 50rem) 46rem, 100vw',
    format: 'webp',
    loading: eager ? 'eager' : 'lazy',
    decoding: 'async',
  });
  const attributes: Record<string, unknown> = { src: image.src, srcset: image.srcSet.attribute, alt, ...image.attributes };
  return `<img ${Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}="${escapeHtml(String(value))}"`)
    .join(' ')}>`;
}

/**
 * The `cacheKey` of a page built from these articles (Astro's incremental
 * builds): it changes when any of them changes (the content digest of its
 * file) or when `context` does (page number, total pages…), so a rebuild
 * after adding ten articles renders the pages that show them and restores the
 * rest from the last build.
 */
export function pageCacheKey(articles: readonly (Article | undefined)[], context = ''): string {
  const hash = createHash('sha256').update(context);
  for (const article of articles) hash.update('\0').update(article ? `${article.id}:${article.digest ?? ''}` : '-');
  return hash.digest('base64url');
}
