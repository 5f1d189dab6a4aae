import { settings } from '../../settings.ts';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { LOCALE_CODES, LOCALES, type LocaleCode } from '../../i18n/locales.ts';
import { useTranslations } from '../../i18n/strings/index.ts';
import { getArticlesForLocale } from '../../data/articles.ts';
import { articlePath, localeHomePath, withBase } from '../../site/urls.ts';

/** Articles in each feed: readers' feed readers keep what they have already fetched. */
const FEED_SIZE = 50;

export function getStaticPaths() {
  // A shard of a sharded build renders article pages only; the assemble step renders this one.
  if (settings.shard) return [];
  return LOCALE_CODES.map((locale) => ({ params: { locale } }));
}

/** One RSS feed per locale, newest articles first, with absolute links and the language set. */
export async function GET(context: APIContext) {
  const locale = context.params.locale as LocaleCode;
  const t = useTranslations(locale);
  const base = import.meta.env.BASE_URL;
  const site = context.site!;
  const articles = (await getArticlesForLocale(locale)).slice(0, FEED_SIZE);
  return rss({
    title: t('feed.title'),
    description: t('site.tagline'),
    site: new URL(withBase(base, localeHomePath(locale)), site).href,
    customData: `<language>${LOCALES[locale].code}</language>`,
    items: articles.map((article) => ({
      title: article.data.title,
      link: new URL(withBase(base, articlePath(article.locale, article.slug)), site).href,
      description: article.data.description,
      categories: article.data.tags,
      // Undated articles have no pubDate rather than a made-up one.
      ...(article.data.date ? { pubDate: article.data.date } : {}),
    })),
  });
}
